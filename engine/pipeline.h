// fairmatch plan, stage by stage (in mold's manner): each stage is one call,
// timed by name, and the invariant after it is stated where it is made.
//
//   absl::StatusOr<PlanRun> run = RunPlan("data/demo", options);
//   absl::StatusOr<std::vector<OutputFile>> files =
//       RenderOutputs(*run, {"json", "csv", "html"});
//
// Failures are statuses: InvalidArgument / NotFound for bad input (exit 2),
// FailedPrecondition for requests that cannot all be met, locked or frozen
// baseline meetings included (exit 3).
#ifndef FAIRMATCH_PIPELINE_H_
#define FAIRMATCH_PIPELINE_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/check/metrics.h"
#include "engine/check/schedule_diff.h"
#include "engine/io/fair_loader.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/plan/planner.h"
#include "engine/plan/rerun.h"
#include "engine/render/output_file.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

struct PipelineOptions {
  LoadOptions load;
  // A rerun (plan/rerun.h): the published schedule.json to change as little
  // as possible, and --from in minutes since midnight (-1: none; REQUIRES a
  // baseline).
  std::string baseline;
  int from_minutes = -1;
  int threads = 1;       // results do not depend on it
  bool timings = false;  // record stage times into Metrics::stage_seconds
  // Called when a stage starts, e.g. to show progress on a terminal.
  std::function<void(const std::string& stage)> on_stage;
};

struct PlanRun {
  std::unique_ptr<Fair> fair;  // heap: `compat` points into it
  std::unique_ptr<Compatibility> compat;
  std::unique_ptr<Rerun> rerun;  // null for a fresh plan
  // A rerun's published plan, as read (null for a fresh plan): calendars
  // cancel what it had and the new plan has not.
  std::unique_ptr<RecordedSchedule> baseline;
  // A rerun's changes against its baseline (null for a fresh plan): whom to
  // tell (notify.csv, the changed-only sheets).
  std::unique_ptr<ScheduleDiff> changes;
  Schedule schedule;
  PlanStats stats;
  Metrics metrics;
  std::vector<std::pair<std::string, double>> stage_seconds;  // always kept
};

// load -> score -> [baseline] -> plan -> metrics. The schedule is checked
// against every hard constraint before it is returned; a violation is an
// InternalError (a planner bug), never a silently wrong plan.
absl::StatusOr<PlanRun> RunPlan(const std::string& fair_dir,
                                const PipelineOptions& options);

// Reads a published schedule.json against `fair` (for `check` and
// `explain`), first restoring the people its history names whom the fair
// no longer has (model/history.h).
absl::StatusOr<Schedule> LoadPublishedSchedule(const std::string& path,
                                               Fair* fair);

// Loads the fair only (for `scores` and `check`).
absl::StatusOr<std::unique_ptr<Fair>> LoadFairForTool(
    const std::string& dir, const LoadOptions& options);

// The output formats and the files they make.
inline constexpr const char* kAllFormats[] = {"json", "csv", "html",
                                              "pdf",  "ics", "report"};

// Renders the requested formats: json (schedule.json), csv (meetings.csv,
// and for a rerun notify.csv), html (schedules.html), ics
// (calendar/<attendee-id>.ics), report (report.html), pdf (attendees.pdf,
// employers.pdf, and for a rerun attendees-changed.pdf and
// employers-changed.pdf); an unknown format is an InvalidArgumentError
// naming the known ones.
// Formats render concurrently on up to `threads` threads; the files come
// back in format order whatever the thread count.
absl::StatusOr<std::vector<OutputFile>> RenderOutputs(
    const PlanRun& run, const std::vector<std::string>& formats,
    int threads = 1);

}  // namespace fairmatch

#endif  // FAIRMATCH_PIPELINE_H_
