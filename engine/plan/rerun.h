// Replanning against a published plan (a baseline): `fairmatch plan
// --baseline OLD/schedule.json [--from HH:MM]`.
//
// Every change to a published meeting costs trust, so a rerun changes as
// little as it can:
//   - pinned meetings are kept exactly (same slot, table and group): those
//     marked "locked": true in the baseline, and with --from every meeting
//     that starts before that time (it has happened or is happening). No new
//     meeting is placed before --from either.
//   - every other baseline pair (attendee, employer) that is still plannable
//     gets a bonus of rerun.change_penalty in the matching, so it is
//     replaced only when the replacement gains more than that; the
//     timetabler puts kept pairs back in their baseline slot and table
//     first, and a new pair may not push them out (only a must_meet may).
// Pinned pairs leave the optimisation altogether: they take their
// attendee's slot and meeting budget and their employer's table in that
// slot, and the planner plans the rest around them.
//
// What this cannot see: whether a baseline meeting was actually emailed or
// printed. Every baseline meeting is treated as published.
#ifndef FAIRMATCH_PLAN_RERUN_H_
#define FAIRMATCH_PLAN_RERUN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/fair.h"
#include "engine/model/recorded_schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

// One attendee's place in one baseline meeting (or a meeting fixed in
// changes.yaml), resolved against the changed fair.
struct BaselinePair {
  int attendee = 0;
  int employer = 0;
  int slot = -1;  // -1: the baseline time is no longer a slot of the fair
  int table = 1;  // counts from 1
  // Kept exactly and re-checked against the changed fair: "locked": true in
  // the baseline, `lock` in changes.yaml, or a fixed meeting (`force` with
  // `at`).
  bool locked = false;
  // Started before --from, or was history in the baseline: kept exactly as
  // published and never re-checked (model/schedule.h, Meeting::history).
  bool history = false;
  bool pinned() const { return locked || history; }
};

struct Rerun {
  // Pairs whose attendee and employer both exist, sorted by (attendee,
  // employer); a pair appears once (a repeated pair in a hand-edited
  // baseline keeps its first meeting).
  std::vector<BaselinePair> pairs;
  // Baseline attendee-meetings whose attendee or employer is gone.
  int gone = 0;
  // The first slot that may change: after --from and after every history
  // meeting; slots before it hold only pinned meetings. 0 for a plain rerun.
  int first_slot = 0;
  double change_penalty = 0;  // in score units (Config::change_penalty)
  // Attendee-meetings kept as history, and how many of them belong to
  // people who have since withdrawn or left the inputs.
  int history = 0;
  int history_of_withdrawn = 0;
  // Lines worth telling the organiser ("kept 2 past meetings of ...").
  std::vector<std::string> notes;
};

// Resolves `baseline` (empty for a fresh plan) and the changes the fair
// carries (Fair::fixed, Fair::locks) against the fair of `compat`.
// `from_minutes` is --from in minutes since midnight, or -1.
//
// History (meetings before --from, and meetings the baseline marks as
// history) is kept as published, whoever has withdrawn since: the caller
// first restores absent people with AddHistoryPeople (model/history.h).
// History never fails the resolution.
//
// Fails with FailedPreconditionError, one line per problem, when a locked
// or fixed meeting cannot hold in the changed fair: a person gone, its time
// no longer a slot, someone unavailable then, a table that no longer
// exists, an avoid, a group above group_size, an attendee in two pinned
// meetings at once or over max_meetings, a table run beyond
// employers.max_consecutive, or a `lock` with no published meeting (in a
// fresh plan, without a baseline, a `lock` is only noted). A
// locked pair now scoring below min_score holds: like a must_meet, it is the
// organiser's decision; check accepts a locked meeting below min_score.
// The rules are the ones `fairmatch check` applies, asked of the same
// predicates (score/meeting_rules.h, model/intents.h); the messages say how
// to make the meeting hold.
absl::StatusOr<Rerun> ResolveBaseline(const Compatibility& compat,
                                      const RecordedSchedule& baseline,
                                      int from_minutes);

// Pair codes (a * num_employers + e) of the pairs of `rerun`, sorted: all
// of them, or only the pinned / only the unpinned ones.
enum class PairSet { kAll, kPinned, kUnpinned };
std::vector<std::int64_t> RerunPairCodes(const Rerun& rerun, int num_employers,
                                         PairSet which);

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_RERUN_H_
