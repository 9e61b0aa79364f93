// The planner: matching (matching.h), then timetabling (timetable.h); a
// matched pair that cannot be given a slot is excluded and the matching
// solved again, until every matched pair has a slot. A rerun (rerun.h)
// plans around its pinned meetings and favours its baseline pairs; the
// pinned meetings are part of the returned schedule.
//
// Requests that cannot all be met (must_meets beyond an employer's capacity
// or an attendee's cap, must_meet pairs that share no slot) fail with
// FailedPreconditionError whose message names who and why, one line each.
#ifndef FAIRMATCH_PLAN_PLANNER_H_
#define FAIRMATCH_PLAN_PLANNER_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/schedule.h"
#include "engine/plan/rerun.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

struct PlanOptions {
  int threads = 1;  // results do not depend on it
  // A rerun against a baseline (plan/rerun.h), or null for a fresh plan.
  // REQUIRES: resolved against the same fair; outlives the call.
  const Rerun* rerun = nullptr;
};

struct PlanStats {
  double upper_bound = -1;  // weak-duality bound on the total score
  // The objective the matching maximises (scores, fairness levels, keep
  // bonuses; MatchingSolver::ObjectiveOf) of the plan, and the optimum of
  // its relaxation over every plannable pair, which no plan exceeds; -1
  // when unknown. Pinned meetings of a rerun count in neither.
  double objective = -1;
  double objective_bound = -1;
  int match_rounds = 0;     // matching + timetabling rounds
  int excluded_pairs = 0;   // pairs excluded because no slot fitted
  int pricing_rounds = 0;   // column-generation solves in the last round
  int priced_in = 0;        // pairs added by column generation
  int candidate_pairs = 0;  // pairs in the final flow graph
  int seated_left_out = 0;  // left out by the rounds, then seated in a group
  // Wall time of the planner's parts ("match", "bound", "timetable").
  std::vector<std::pair<std::string, double>> seconds;
};

struct PlanOutcome {
  Schedule schedule;
  PlanStats stats;
};

absl::StatusOr<PlanOutcome> Plan(const Compatibility& compat,
                                 const PlanOptions& options);

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_PLANNER_H_
