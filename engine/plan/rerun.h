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
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/fair.h"
#include "engine/model/recorded_schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

// One attendee's place in one baseline meeting, resolved against the
// changed fair.
struct BaselinePair {
  int attendee = 0;
  int employer = 0;
  int slot = -1;   // -1: the baseline time is no longer a slot of the fair
  int table = 1;   // counts from 1
  bool locked = false;  // "locked": true in the baseline
  bool frozen = false;  // starts before --from
  bool pinned() const { return locked || frozen; }
};

struct Rerun {
  // Pairs whose attendee and employer both still exist, sorted by
  // (attendee, employer); a pair appears once (a repeated pair in a hand-
  // edited baseline keeps its first meeting).
  std::vector<BaselinePair> pairs;
  // Baseline attendee-meetings whose attendee or employer is gone.
  int gone = 0;
  // With --from: the first slot that may change; slots before it hold only
  // pinned meetings. 0 without --from.
  int first_slot = 0;
  double change_penalty = 0;  // in score units (Config::change_penalty)
};

// Resolves `baseline` against `fair`. `from_minutes` is --from in minutes
// since midnight, or -1. Fails with FailedPreconditionError, one line per
// problem, when a pinned meeting cannot hold in the changed fair (for a
// locked one: a person gone; for any: its time no longer a slot, someone
// unavailable then, a table that no longer exists, an avoid, a group above
// group_size, an attendee in two pinned meetings at once or over
// max_meetings, or a table run beyond employers.max_consecutive). A frozen,
// unlocked meeting whose people are gone just loses them (a no-show the
// organiser removed). A pinned pair now scoring below min_score holds: like
// a must_meet, it is the organiser's decision; the planner writes pinned
// meetings as locked, and check accepts a locked meeting below min_score.
absl::StatusOr<Rerun> ResolveBaseline(const Compatibility& compat,
                                      const RecordedSchedule& baseline,
                                      int from_minutes);

// Pair codes (a * num_employers + e) of the pairs of `rerun`, sorted: all
// of them, or only the pinned / only the unpinned ones.
enum class PairSet { kAll, kPinned, kUnpinned };
std::vector<std::int64_t> RerunPairCodes(const Rerun& rerun,
                                         int num_employers, PairSet which);

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_RERUN_H_
