// A plan: who meets whom, when and at which table. Produced by plan/, read
// back from schedule.json by io/schedule_loader, validated by check/.
#ifndef FAIRMATCH_MODEL_SCHEDULE_H_
#define FAIRMATCH_MODEL_SCHEDULE_H_

#include <string>
#include <vector>

namespace fairmatch {

// One conversation: a group of attendees at one employer table in one slot.
struct Meeting {
  int slot = 0;                // index into Fair::slots
  int employer = 0;            // index into Fair::employers
  int table = 1;               // counts from 1
  std::vector<int> attendees;  // attendee indices, sorted ascending
  // Kept exactly from a baseline where it was marked "locked": true; carried
  // into the new schedule.json so later reruns keep it too.
  bool locked = false;
  // History: it started before --from of a rerun (or was history in the
  // baseline) and is kept exactly as published. Unlike a lock it is never
  // re-checked against the changed fair: later changes to a person's day
  // (withdrawn, narrowed, removed) never conflict with what has happened.
  bool history = false;
};

struct Schedule {
  // Sorted by (slot, employer, table); see SortMeetings.
  std::vector<Meeting> meetings;
  // How many times the published plan has been replanned: 0 for a fresh
  // plan, one more than its baseline's for a rerun. Calendar events carry it
  // as their SEQUENCE, so calendar apps take a rerun's changes as updates.
  int revision = 0;
  // How calendar UIDs are built (render/calendar_ics.h): 2, unless a rerun
  // continues a plan first published with scheme 1, so that calendar apps
  // keep updating the same events.
  int uid_scheme = 2;
};

// Puts meetings, and the attendees inside each, in canonical order so that
// outputs are byte-identical for identical plans.
void SortMeetings(Schedule& schedule);

}  // namespace fairmatch

#endif  // FAIRMATCH_MODEL_SCHEDULE_H_
