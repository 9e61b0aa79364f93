// notify.csv: after a rerun, what the organiser sends. One row per person
// whose day changed (ScheduleDiff::notify: attendees by id, then
// employers by id), ready for a mail merge:
//
//   role,id,name,email,changes,new_day
//   attendee,a0017,Chloé Dubois,chloe@…,"moved Acme 10:00 -> 11:15",
//       "10:30 Globex (booth B2, table 1, with Sam Lee); 11:15 Acme (…)"
//   employer,acme,Acme,jobs@…,"moved a0017 Chloé Dubois 10:00 -> 11:15",
//       "10:00 table 1: Sam Lee, Lee Chan; 11:15 table 2: Chloé Dubois"
//
// `changes` lists what changed, as `fairmatch diff` does; `new_day` the
// person's whole day in the new plan ("no conversations" when empty).
// RFC 4180 with CRLF line ends; cells are neutralised against formulas as
// in meetings.csv. Deterministic.
#ifndef FAIRMATCH_RENDER_NOTIFY_CSV_H_
#define FAIRMATCH_RENDER_NOTIFY_CSV_H_

#include <string>

#include "engine/check/schedule_diff.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"

namespace fairmatch {

// REQUIRES: every index of `schedule` is in range for `fair`.
std::string RenderNotifyCsv(const Fair& fair, const Schedule& schedule,
                            const ScheduleDiff& diff);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_NOTIFY_CSV_H_
