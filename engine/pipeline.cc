#include "engine/pipeline.h"

#include <chrono>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/check/check.h"
#include "engine/render/calendar_ics.h"
#include "engine/render/meetings_csv.h"
#include "engine/render/report_html.h"
#include "engine/render/schedule_json.h"
#include "engine/render/schedules_html.h"

namespace fairmatch {
namespace {

// Times one stage and records it under `name`.
class StageTimer {
 public:
  StageTimer(const PipelineOptions& options, PlanRun& run, std::string name)
      : run_(run), name_(std::move(name)), start_(Clock::now()) {
    if (options.on_stage) options.on_stage(name_);
  }
  ~StageTimer() {
    std::chrono::duration<double> d = Clock::now() - start_;
    run_.stage_seconds.emplace_back(name_, d.count());
  }

 private:
  using Clock = std::chrono::steady_clock;
  PlanRun& run_;
  std::string name_;
  Clock::time_point start_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Fair>> LoadFairForTool(
    const std::string& dir, const LoadOptions& options) {
  absl::StatusOr<Fair> fair = LoadFair(dir, options);
  if (!fair.ok()) return fair.status();
  return std::make_unique<Fair>(*std::move(fair));
}

absl::StatusOr<PlanRun> RunPlan(const std::string& fair_dir,
                                const PipelineOptions& options) {
  PlanRun run;
  {
    // Load and validate the inputs; beyond this point the Fair is immutable
    // and every id, window and reference in it is valid.
    StageTimer timer(options, run, "load");
    absl::StatusOr<std::unique_ptr<Fair>> fair =
        LoadFairForTool(fair_dir, options.load);
    if (!fair.ok()) return fair.status();
    run.fair = *std::move(fair);
  }
  {
    // Score: profile matrices; pair scores are computed on demand in blocks.
    StageTimer timer(options, run, "score");
    run.compat = std::make_unique<Compatibility>(Compatibility::Build(*run.fair));
  }
  {
    // Plan: who meets whom (min-cost flow), then when and at which table.
    StageTimer timer(options, run, "plan");
    PlanOptions plan_options;
    plan_options.threads = options.threads;
    absl::StatusOr<PlanOutcome> outcome = Plan(*run.compat, plan_options);
    if (!outcome.ok()) return outcome.status();
    run.schedule = std::move(outcome->schedule);
    run.stats = outcome->stats;
  }
  {
    // Check every hard constraint independently of the planner, and
    // measure the plan.
    StageTimer timer(options, run, "check");
    std::vector<Violation> violations =
        CheckSchedule(*run.fair, *run.compat, run.schedule);
    if (!violations.empty()) {
      std::vector<std::string> lines;
      for (const Violation& v : violations) {
        lines.push_back(absl::StrCat(v.kind, ": ", v.message));
      }
      return absl::InternalError(absl::StrCat(
          "planner bug: the plan breaks hard constraints:\n",
          absl::StrJoin(lines, "\n")));
    }
    run.metrics = ComputeMetrics(*run.fair, *run.compat, run.schedule);
    run.metrics.upper_bound = run.stats.upper_bound;
    if (run.stats.upper_bound > 0) {
      run.metrics.gap =
          std::max(0.0, 1.0 - run.metrics.total_score / run.stats.upper_bound);
    } else if (run.stats.upper_bound == 0) {
      run.metrics.gap = 0;
    }
  }
  run.metrics.planner = {
      {"match_rounds", run.stats.match_rounds},
      {"excluded_pairs", run.stats.excluded_pairs},
      {"candidate_pairs", run.stats.candidate_pairs},
      {"pricing_rounds", run.stats.pricing_rounds},
      {"priced_in_pairs", run.stats.priced_in}};
  for (const auto& [part, seconds] : run.stats.seconds) {
    run.stage_seconds.emplace_back("plan." + part, seconds);
  }
  if (options.timings) run.metrics.stage_seconds = run.stage_seconds;
  return run;
}

absl::StatusOr<std::vector<OutputFile>> RenderOutputs(
    const PlanRun& run, const std::vector<std::string>& formats) {
  std::vector<OutputFile> files;
  for (const std::string& format : formats) {
    if (format == "json") {
      files.push_back({"schedule.json",
                       RenderScheduleJson(*run.fair, *run.compat, run.schedule,
                                          run.metrics)});
    } else if (format == "csv") {
      files.push_back({"meetings.csv",
                       RenderMeetingsCsv(*run.fair, *run.compat, run.schedule)});
    } else if (format == "html") {
      files.push_back({"schedules.html",
                       RenderSchedulesHtml(*run.fair, *run.compat,
                                           run.schedule, run.metrics)});
    } else if (format == "ics") {
      std::vector<OutputFile> calendars =
          RenderCalendars(*run.fair, *run.compat, run.schedule);
      files.insert(files.end(), std::make_move_iterator(calendars.begin()),
                   std::make_move_iterator(calendars.end()));
    } else if (format == "report") {
      files.push_back({"report.html",
                       RenderReportHtml(*run.fair, *run.compat, run.schedule,
                                        run.metrics)});
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("--format: unknown format '", format,
                       "'; known formats: ", absl::StrJoin(kAllFormats, ",")));
    }
  }
  return files;
}

}  // namespace fairmatch
