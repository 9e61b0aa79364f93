// Validates a schedule against every hard constraint, independently of
// plan/: it trusts nothing the planner computed, only the fair, the scores
// and the schedule itself.
//
// Hard constraints: at most one meeting per attendee per slot; an attendee
// meets an employer at most once; per employer table and slot at most one
// conversation of at most group_size attendees, tables within 1..tables;
// attendee meetings <= its max; every meeting inside both sides' windows (and
// so outside breaks, which are not slots); no pair that either side avoids;
// no pair failing a requirement of either side (evaluated from the profiles
// by model/intents.h, not by the planner's compiled rules); no ineligible
// pair unless a must_meet of either side or the meeting is locked (a rerun's
// "locked": true: the organiser's decision, kept even when scores have
// changed since); every must_meet of either side met; with
// employers.max_consecutive = c > 0, no table holds more than c planned
// conversations in a row (a free slot or a break between slots rests it).
// Indices out of range are violations too.
//
// History (Meeting::history: it happened before a rerun's --from) is what
// it was: it is not re-checked against the changed fair (tables, group
// size, windows, avoid, scores, rests), but it counts for double bookings,
// repeats, must_meet and, together with planned meetings, the cap.
//
// Violation kinds, in the order they are reported (then by slot, employer,
// table and attendee index, so the order of meetings in the schedule does
// not matter): unknown-employer, unknown-attendee, slot-out-of-range,
// table-out-of-range, empty-meeting, duplicate-attendee, group-too-large,
// table-double-booked, attendee-double-booked, repeat-meeting,
// too-many-meetings, attendee-unavailable, employer-unavailable,
// avoided-pair, requirement-failed, ineligible-pair, must-meet-missed,
// table-without-rest. A meeting with an
// unknown employer or slot is still checked for everything that does not
// need them; an avoided pair is not also reported as ineligible.
//
// Each kind is one rule function in a table (check.cc, kRules); the rules
// ask the predicates of score/meeting_rules.h, which a rerun's validation
// of pinned meetings (plan/rerun.h) asks too.
//
// Method: sorts of the meetings and of the (attendee, meeting) incidences
// group the double bookings, repeats and counts; O(M log M) for M
// incidences, plus one Compatibility::Pair per incidence.
#ifndef FAIRMATCH_CHECK_CHECK_H_
#define FAIRMATCH_CHECK_CHECK_H_

#include <string>
#include <vector>

#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

struct Violation {
  // A stable kebab-case name, e.g. "attendee-double-booked".
  std::string kind;
  // A sentence naming the people (by id), the slot (by time) and the table.
  std::string message;
};

// Every violation, in a deterministic order; empty when the schedule is valid.
std::vector<Violation> CheckSchedule(const Fair& fair,
                                     const Compatibility& compat,
                                     const Schedule& schedule);

// Every kind CheckSchedule reports, in the order it reports them.
std::vector<std::string> ViolationKinds();

}  // namespace fairmatch

#endif  // FAIRMATCH_CHECK_CHECK_H_
