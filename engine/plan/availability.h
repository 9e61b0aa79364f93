// Slot availability as bit masks: one row of 64-bit words per person, so
// "do these two share a free slot?" is a few ANDs.
//
// In a rerun (plan/rerun.h) this is what is left for the planner: slots
// before Rerun::first_slot are nobody's, an attendee's pinned slots are not
// free, and an employer's tables held by pinned meetings are not free in
// their slot. Without a rerun every table of every available slot is free.
#ifndef FAIRMATCH_PLAN_AVAILABILITY_H_
#define FAIRMATCH_PLAN_AVAILABILITY_H_

#include <cstdint>
#include <vector>

#include "engine/model/fair.h"
#include "engine/plan/rerun.h"

namespace fairmatch {

class Availability {
 public:
  // REQUIRES: `rerun`, when given, resolved against `fair`; it must outlive
  // this object.
  explicit Availability(const Fair& fair, const Rerun* rerun = nullptr);

  bool Attendee(int a, int s) const { return Bit(attendee_, a, s); }
  bool Employer(int e, int s) const { return Bit(employer_, e, s); }
  // True when attendee a and employer e are both available in some slot.
  bool ShareSlot(int a, int e) const;
  // Number of slots in which both are available.
  int SharedSlots(int a, int e) const;
  int AttendeeSlots(int a) const;
  int EmployerSlots(int e) const;

  // Rerun state (all 0 / empty without a rerun).
  const Rerun* rerun() const { return rerun_; }
  int AttendeePinned(int a) const {
    return attendee_pinned_.empty() ? 0 : attendee_pinned_[a];
  }
  int EmployerPinned(int e) const {
    return employer_pinned_.empty() ? 0 : employer_pinned_[e];
  }
  // True when (a, e) is a pinned pair: it is already planned.
  bool Pinned(int a, int e) const;
  // Tables of employer e held by pinned meetings in slot s (0-based,
  // ascending).
  const std::vector<int>& PinnedTables(int e, int s) const;
  int FreeTables(int e, int s) const;

 private:
  bool Bit(const std::vector<std::uint64_t>& rows, int i, int s) const {
    return (rows[static_cast<size_t>(i) * words_ + s / 64] >> (s % 64)) & 1u;
  }
  int words_ = 1;
  std::vector<std::uint64_t> attendee_;  // num_attendees x words_
  std::vector<std::uint64_t> employer_;  // num_employers x words_
  const Fair* fair_;
  const Rerun* rerun_ = nullptr;
  std::vector<int> attendee_pinned_;
  std::vector<int> employer_pinned_;
  std::vector<std::int64_t> pinned_codes_;  // sorted
  // employer x slot -> pinned tables; empty without pins.
  std::vector<std::vector<int>> pinned_tables_;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_AVAILABILITY_H_
