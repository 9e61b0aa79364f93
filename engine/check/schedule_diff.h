// What changed between two schedules, counted in attendee-meetings (one
// attendee with one employer), for `fairmatch diff` and for the rerun
// metrics (kept / moved / added / cancelled).
//
//   absl::StatusOr<RecordedSchedule> old_s = LoadRecordedSchedule(path);
//   RecordedSchedule new_s = RecordSchedule(fair, schedule);
//   ScheduleDiff diff = DiffSchedules(*old_s, new_s);
//   diff.kept; diff.moved; diff.attendees[0].changes; diff.notify;
//
// Both sides are recorded schedules (ids and clock times), so a schedule
// can be compared with one made for a fair that has changed since: people
// who left are simply cancelled, people who arrived are added.
//
// Matching, per (attendee, employer) pair with o meetings in OLD and n in
// NEW (normally 0 or 1 each; a hand-edited file may repeat a pair):
//   kept       the same start and table on both sides (matched first, as a
//              multiset);
//   moved      what is left on both sides, paired in time order: in both
//              but at another start or table;
//   added      left over in NEW only;
//   cancelled  left over in OLD only;
//   regrouped  kept, but the group at that table changed (someone joined
//              or left): the attendee is told, so it is a change of theirs;
//              it is not counted in kept/moved/added/cancelled, and it is
//              not a change of the employer's (their roster changes by the
//              others' added, moved and cancelled meetings).
// Everything is sorted by id and time, so the result does not depend on the
// order of meetings in either schedule. O(M log M) for M attendee-meetings.
#ifndef FAIRMATCH_CHECK_SCHEDULE_DIFF_H_
#define FAIRMATCH_CHECK_SCHEDULE_DIFF_H_

#include <string>
#include <vector>

#include "engine/model/fair.h"
#include "engine/model/recorded_schedule.h"
#include "engine/model/schedule.h"

namespace fairmatch {

enum class ChangeKind { kMoved, kAdded, kCancelled, kRegrouped };

// "moved", "added", "cancelled", "regrouped".
const char* ChangeKindName(ChangeKind kind);

// One changed attendee-meeting. Names and the email come from NEW's people,
// else OLD's; they are empty when neither schedule names the person.
struct MeetingChange {
  ChangeKind kind = ChangeKind::kMoved;
  std::string attendee;  // id
  std::string attendee_name;
  std::string attendee_email;
  std::string employer;  // id
  std::string employer_name;
  // Where it was (moved, cancelled); "" and 0 for added.
  std::string old_start;
  int old_table = 0;
  // Where it is now (moved, added); "" and 0 for cancelled.
  std::string new_start;
  int new_table = 0;
  // Regrouped: the same meeting, with others joining or leaving the group
  // (attendee ids, sorted).
  std::vector<std::string> joined;
  std::vector<std::string> left;

  // The time a change is sorted by: the new start, or the old one when
  // cancelled.
  const std::string& time() const {
    return new_start.empty() ? old_start : new_start;
  }
};

// One person's changes: for an attendee sorted by time then employer id,
// for an employer by time then attendee id.
struct PersonChanges {
  RecordedPerson person;  // name and email empty when unknown
  std::vector<MeetingChange> changes;
};

// Someone whose schedule changed and should be told.
struct NotifyEntry {
  enum class Role { kAttendee, kEmployer };
  Role role = Role::kAttendee;
  RecordedPerson person;
  int changes = 0;  // changed attendee-meetings involving them
};

struct ScheduleDiff {
  // Attendee-meetings; kept + moved + cancelled is OLD's count, kept +
  // moved + added NEW's.
  int kept = 0;
  int moved = 0;
  int added = 0;
  int cancelled = 0;
  int regrouped = 0;  // kept attendee-meetings whose group changed
  // Every change, sorted by attendee id, then time, then employer id.
  std::vector<MeetingChange> changes;
  // People with at least one change, sorted by id.
  std::vector<PersonChanges> attendees;
  std::vector<PersonChanges> employers;
  // The attendees, then the employers, of the two lists above.
  std::vector<NotifyEntry> notify;

  bool identical() const {
    return moved == 0 && added == 0 && cancelled == 0 && regrouped == 0;
  }
};

// `schedule` as schedule.json records it: start and end times from the
// fair's slots, ids for indices, locked and history as in the schedule,
// line 0, and every attendee
// and employer of the fair (names, attendee emails) in the people lists,
// sorted by id. Meetings keep the schedule's order; path is "".
// REQUIRES: every slot, employer and attendee index of `schedule` is in
// range for `fair`.
RecordedSchedule RecordSchedule(const Fair& fair, const Schedule& schedule);

// Per attendee and per employer index of `fair`: 1 when `diff` names them
// (their day changed), else 0. People the fair does not have are skipped.
struct ChangedPeople {
  std::vector<char> attendees;
  std::vector<char> employers;
};
ChangedPeople MarkChanged(const Fair& fair, const ScheduleDiff& diff);

// `diff` (of `old_s` to `new_s`) narrowed to one person: their changes
// only, and the counts of their attendee-meetings (an employer's kept count
// is of the attendee-meetings at its tables). `attendee` tells which list
// `id` is from.
ScheduleDiff DiffFor(const ScheduleDiff& diff, const RecordedSchedule& old_s,
                     const RecordedSchedule& new_s, bool attendee,
                     const std::string& id);

// The difference from `old_s` to `new_s` (see the top of this file).
// Never fails; empty meetings contribute nothing; a person listed twice
// in one schedule's people takes the last entry.
ScheduleDiff DiffSchedules(const RecordedSchedule& old_s,
                           const RecordedSchedule& new_s);

}  // namespace fairmatch

#endif  // FAIRMATCH_CHECK_SCHEDULE_DIFF_H_
