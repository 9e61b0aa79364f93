// Quality figures of a schedule, computed from the fair and the schedule
// alone (independently of plan/), written into schedule.json's "metrics".
//
// Meant for schedules that pass CheckSchedule. On others they are still
// computed without failing: out-of-range attendee, employer and slot
// indices are skipped, and cells outside an employer's windows or tables do
// not count as occupied.
#ifndef FAIRMATCH_CHECK_METRICS_H_
#define FAIRMATCH_CHECK_METRICS_H_

#include <string>
#include <utility>
#include <vector>

#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

struct Metrics {
  double total_score = 0;     // sum over attendee-meetings of pair scores
  int meetings = 0;           // conversations (a group counts once)
  int attendee_meetings = 0;  // (attendee, employer) pairs that meet
  int attendees = 0;
  int attendees_with_no_meeting = 0;
  // Attendees with no meeting although at least one employer is eligible
  // for them and shares an available slot with them.
  int eligible_attendees_with_no_meeting = 0;
  int attendees_reaching_min = 0;     // >= min(meetings.min, own cap) meetings
  double mean_score_per_meeting = 0;  // total_score / attendee_meetings
  // Per-attendee totals (sum of the attendee's meeting scores) over all
  // attendees, those without meetings included (total 0). With the n totals
  // sorted ascending, p10 is the one at index floor(0.1 * (n - 1)) and the
  // median the one at floor(0.5 * (n - 1)) (the lower median); no
  // interpolation. All 0 when there are no attendees.
  double attendee_total_worst = 0;
  double attendee_total_p10 = 0;
  double attendee_total_median = 0;
  // Occupied (table, slot) cells among those where the employer is available.
  double table_utilisation = 0;
  // Occupied seats among available seats (table cells x group size).
  double seat_utilisation = 0;
  int employers_without_meetings = 0;
  int tables_without_meetings = 0;
  // Wishes (`wants` of either side; docs/outputs.md): how many attendees
  // and employers rank someone; of those attendees, the share whose first
  // wish meets them; of all attendees' wishes (and of all employers'),
  // the share that meet. Shares are 0 when nobody wishes.
  int attendees_with_wishes = 0;
  double wishes_first_met_share = 0;
  double wishes_met_share = 0;
  int employers_with_wishes = 0;
  double employer_wishes_met_share = 0;
  // The same sums as total_score and attendee_total_worst / _p10, of the
  // pairs' fit (the score without what wishes add), so that plans with and
  // without wish weights compare on fit.
  double total_fit = 0;
  double attendee_fit_worst = 0;
  double attendee_fit_p10 = 0;
  // Attendee idle gaps: free slots between an attendee's first and last
  // meeting, summed over attendees. Counted in slot indices, so a break
  // between two consecutive slots is not idle time.
  int attendee_idle_slots = 0;
  // Filled in by the planner when known (negative: not computed).
  // upper_bound bounds the total score; price_of_fairness is
  // 1 - total_score / upper_bound. objective and objective_bound are those
  // of the objective the planner maximises (with fairness levels and keep
  // bonuses), and gap is 1 - objective / objective_bound: how far the plan
  // is from the best one under these settings.
  double upper_bound = -1;
  double price_of_fairness = -1;
  double objective = -1;
  double objective_bound = -1;
  double gap = -1;
  // A rerun against a baseline (filled in by the pipeline; -1: no
  // baseline): attendee-meetings kept (same employer, time and table),
  // moved (same employer, other time or table), added and dropped.
  int baseline_kept = -1;
  int baseline_moved = -1;
  int baseline_added = -1;
  int baseline_dropped = -1;
  // Of the kept ones, those kept as history (before --from); the baseline
  // file as given on the command line, and its revision.
  int baseline_history = 0;
  std::string baseline_path;
  int baseline_revision = 0;
  // Planner counters (rounds, excluded pairs, candidate pairs, ...), filled
  // in by the pipeline; deterministic.
  std::vector<std::pair<std::string, double>> planner;
  // Wall time per stage in seconds, only when timings were requested (they
  // would make outputs differ between identical runs).
  std::vector<std::pair<std::string, double>> stage_seconds;
};

// Fills every field except the planner's (upper_bound to gap) and
// stage_seconds. Sums are in double in (attendee, slot, employer) order, so the
// result does not depend on the order of meetings. O(M log M + A * S) plus
// scoring the blocks of 1024 attendees that contain someone without meetings.
Metrics ComputeMetrics(const Fair& fair, const Compatibility& compat,
                       const Schedule& schedule);

}  // namespace fairmatch

#endif  // FAIRMATCH_CHECK_METRICS_H_
