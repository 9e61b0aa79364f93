// The hard rules a placed meeting must keep, as pure predicates over the
// fair: check/ reports a Violation for each one a schedule breaks
// (check/check.h), and plan/rerun.h refuses a pinned meeting that breaks
// one. They live here, below both layers, so that the two ask the same
// questions; each caller words its own message.
//
// The planner keeps the same rules by construction (score/pair_rules.h,
// plan/availability.h, plan/timetable.h) and does not call these: `fairmatch
// check` re-validates what it planned with them.
//
// The remaining rules are model/fair.h and model/intents.h as they are:
// Fair::AttendeeAvailable, Fair::EmployerAvailable (windows, withdrawal),
// FailedRequirement, MustMeet and Fair::RestBefore (a break rests a table).
#ifndef FAIRMATCH_SCORE_MEETING_RULES_H_
#define FAIRMATCH_SCORE_MEETING_RULES_H_

#include <vector>

#include "engine/model/fair.h"

namespace fairmatch {

// Table `table` (counting from 1) is one of employer e's: 1..tables.
bool TableExists(const Fair& fair, int e, int table);

// `attendees` people fit one conversation of employer e (its group size).
bool GroupFits(const Fair& fair, int e, int attendees);

// `meetings` meetings fit attendee a's cap (Fair::MaxMeetings).
bool WithinCap(const Fair& fair, int a, int meetings);

// Who avoids the pair: the attendee's avoid list is asked first.
enum class Avoider { kNone, kAttendee, kEmployer };
Avoider WhoAvoids(const Fair& fair, int a, int e);

// A pair scoring `score` may meet: at least config.min_score, or a
// must_meet of either side, or a locked meeting (the organiser's decision).
bool ScoreAdmits(const Fair& fair, int a, int e, float score, bool locked);

// employers.max_consecutive = limit > 0: `busy_slots` are the slots one
// table holds a conversation in, sorted and unique. A run is consecutive
// slots with no rest between them (Fair::RestBefore: a break, or any gap).
// Returns, for each run of more than `limit` conversations, the slot at
// which it reaches limit + 1, in order; empty when the table rests enough.
std::vector<int> SlotsBeyondRest(const Fair& fair,
                                 const std::vector<int>& busy_slots, int limit);

}  // namespace fairmatch

#endif  // FAIRMATCH_SCORE_MEETING_RULES_H_
