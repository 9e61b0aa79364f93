// MeetingIndex: a finished plan's meetings looked up by person and by
// place, built once per render: each attendee's and each employer's
// meetings in time order, how many tables an employer's sheets show, and
// which meeting sits at (employer, table, slot).
//
//   absl::StatusOr<MeetingIndex> index = MeetingIndex::Build(fair, schedule);
//   for (int i : index->OfAttendee(a)) Row(schedule.meetings[i]);
//   int i = index->At(e, /*table=*/1, s);  // -1: the table is free
//
// A schedule is validated by check/, but a renderer must still print one
// with a table number past Employer::tables rather than lose the meeting,
// so Tables(e) counts up to the highest table used.
#ifndef FAIRMATCH_RENDER_MEETING_INDEX_H_
#define FAIRMATCH_RENDER_MEETING_INDEX_H_

#include <cstddef>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"

namespace fairmatch {

class MeetingIndex {
 public:
  // Returns InvalidArgumentError when a meeting refers to a slot, employer,
  // table (below 1) or attendee that does not exist.
  // REQUIRES: schedule sorted (SortMeetings), so that lists are in time order.
  static absl::StatusOr<MeetingIndex> Build(const Fair& fair,
                                            const Schedule& schedule);

  // Indices into Schedule::meetings, in time order.
  const std::vector<int>& OfAttendee(int a) const { return of_attendee_[a]; }
  const std::vector<int>& OfEmployer(int e) const { return of_employer_[e]; }

  // The tables employer `e`'s sheets show: Employer::tables, at least 1, or
  // the highest table a meeting of `e` uses when that is more.
  int Tables(int e) const { return tables_[e]; }

  // The meeting at employer `e`'s table `table` (from 1) in slot `s`, or -1.
  // REQUIRES: 1 <= table <= Tables(e).
  int At(int e, int table, int s) const {
    return cells_[e][static_cast<std::size_t>(table - 1) * slots_ + s];
  }

  // Attendee places over all meetings (a group of three counts three).
  long long attendee_places() const { return attendee_places_; }

 private:
  MeetingIndex() = default;

  int slots_ = 0;
  std::vector<std::vector<int>> of_attendee_;
  std::vector<std::vector<int>> of_employer_;
  std::vector<int> tables_;
  std::vector<std::vector<int>> cells_;  // [e][(table - 1) * slots + slot]
  long long attendee_places_ = 0;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_MEETING_INDEX_H_
