// Slot availability as bit masks: one row of 64-bit words per person, so
// "do these two share a free slot?" is a few ANDs.
#ifndef FAIRMATCH_PLAN_AVAILABILITY_H_
#define FAIRMATCH_PLAN_AVAILABILITY_H_

#include <cstdint>
#include <vector>

#include "engine/model/fair.h"

namespace fairmatch {

class Availability {
 public:
  explicit Availability(const Fair& fair);

  bool Attendee(int a, int s) const { return Bit(attendee_, a, s); }
  bool Employer(int e, int s) const { return Bit(employer_, e, s); }
  // True when attendee a and employer e are both available in some slot.
  bool ShareSlot(int a, int e) const;
  // Number of slots in which both are available.
  int SharedSlots(int a, int e) const;
  int AttendeeSlots(int a) const;
  int EmployerSlots(int e) const;

 private:
  bool Bit(const std::vector<std::uint64_t>& rows, int i, int s) const {
    return (rows[static_cast<size_t>(i) * words_ + s / 64] >> (s % 64)) & 1u;
  }
  int words_ = 1;
  std::vector<std::uint64_t> attendee_;  // num_attendees x words_
  std::vector<std::uint64_t> employer_;  // num_employers x words_
};

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_AVAILABILITY_H_
