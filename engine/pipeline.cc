#include "engine/pipeline.h"

#include <atomic>
#include <chrono>
#include <limits>
#include <optional>
#include <thread>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/check/check.h"
#include "engine/check/schedule_diff.h"
#include "engine/io/schedule_loader.h"
#include "engine/model/history.h"
#include "engine/render/calendar_ics.h"
#include "engine/render/meetings_csv.h"
#include "engine/render/notify_csv.h"
#include "engine/render/pdf_sheets.h"
#include "engine/render/report_html.h"
#include "engine/render/schedule_json.h"
#include "engine/render/schedules_html.h"

namespace fairmatch {
namespace {

// The largest score matrix a plan keeps whole (Compatibility::KeepScores):
// 256 MiB, 67 million pairs (the L bench fair's takes 72 MB). Larger fairs
// compute their scores block by block in every pass over the pairs.
constexpr std::int64_t kKeptScoresBytes = std::int64_t{256} << 20;

// Profile matrices; pair scores are computed on demand in blocks, or once
// and kept when the matrix is small enough.
std::unique_ptr<Compatibility> Score(const Fair& fair, int threads) {
  auto compat = std::make_unique<Compatibility>(Compatibility::Build(fair));
  compat->KeepScores(threads, kKeptScoresBytes);
  return compat;
}

// 1 - value / bound, 0 when the bound is 0, -1 when it is unknown.
double Shortfall(double value, double bound) {
  if (bound > 0) return std::max(0.0, 1.0 - value / bound);
  return bound == 0 ? 0.0 : -1.0;
}

// The planner's bounds into the metrics: the gap of the objective it
// maximises, and the total score's distance from its own bound (the price
// of fairness, which is the gap too when the objective has no bound).
void SetCertificate(const PlanStats& stats, Metrics* m) {
  m->upper_bound = stats.upper_bound;
  m->price_of_fairness = Shortfall(m->total_score, stats.upper_bound);
  if (stats.objective >= 0 && stats.objective_bound >= 0) {
    m->objective = stats.objective;
    m->objective_bound = stats.objective_bound;
    m->gap = Shortfall(stats.objective, stats.objective_bound);
  } else {
    m->gap = m->price_of_fairness;
  }
}

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

absl::StatusOr<Schedule> LoadPublishedSchedule(const std::string& path,
                                               Fair* fair) {
  // A file the recorded reader refuses (a hand-made one without times)
  // cannot hold history, which fairmatch writes with times: read it
  // against the fair alone.
  absl::StatusOr<RecordedSchedule> recorded = LoadRecordedSchedule(path);
  if (recorded.ok()) AddHistoryPeople(*recorded, /*from_minutes=*/-1, fair);
  return LoadScheduleJson(*fair, path);
}

absl::StatusOr<std::unique_ptr<Fair>> LoadFairForTool(
    const std::string& dir, const LoadOptions& options) {
  absl::StatusOr<Fair> fair = LoadFair(dir, options);
  if (!fair.ok()) return fair.status();
  return std::make_unique<Fair>(*std::move(fair));
}

absl::StatusOr<PlanRun> RunPlan(const std::string& fair_dir,
                                const PipelineOptions& options) {
  PlanRun run;
  // A rerun's published plan is read beside the fair (it does not need
  // it); the "baseline" stage is the wall time it adds after the fair.
  std::optional<absl::StatusOr<RecordedSchedule>> recorded;
  auto read = [&] { recorded = LoadRecordedSchedule(options.baseline); };
  std::thread reading;
  if (!options.baseline.empty() && options.threads >= 2) {
    reading = std::thread(read);
  }
  {
    // Load and validate the inputs; beyond this point the Fair is immutable
    // and every id, window and reference in it is valid.
    StageTimer timer(options, run, "load");
    absl::StatusOr<std::unique_ptr<Fair>> fair =
        LoadFairForTool(fair_dir, options.load);
    if (!fair.ok()) {
      if (reading.joinable()) reading.join();
      return fair.status();
    }
    run.fair = *std::move(fair);
  }
  RecordedSchedule baseline;
  if (!options.baseline.empty()) {
    // A rerun: the published plan. Its history names people who may have
    // withdrawn or left the inputs since: they are restored, never to be
    // planned again, so that what happened stays as published.
    StageTimer timer(options, run, "baseline");
    if (reading.joinable()) {
      reading.join();
    } else {
      read();
    }
    if (!recorded->ok()) return recorded->status();
    baseline = **std::move(recorded);
    if (baseline.revision == std::numeric_limits<int>::max()) {
      return absl::InvalidArgumentError(absl::StrCat(
          options.baseline, ": error: the baseline is at revision ",
          baseline.revision, ", the last one; plan afresh instead"));
    }
    AddHistoryPeople(baseline, options.from_minutes, run.fair.get());
  }
  {
    StageTimer timer(options, run, "score");
    run.compat = Score(*run.fair, options.threads);
  }
  if (!options.baseline.empty() || !run.fair->fixed.empty() ||
      !run.fair->locks.empty()) {
    // The baseline and the meetings changes.yaml fixes, resolved against
    // the changed fair. Beyond this point every pinned meeting is known to
    // fit the fair.
    absl::StatusOr<Rerun> rerun =
        ResolveBaseline(*run.compat, baseline, options.from_minutes);
    if (!rerun.ok()) return rerun.status();
    run.rerun = std::make_unique<Rerun>(*std::move(rerun));
  }
  {
    // Plan: who meets whom (min-cost flow), then when and at which table.
    StageTimer timer(options, run, "plan");
    PlanOptions plan_options;
    plan_options.threads = options.threads;
    plan_options.rerun = run.rerun.get();
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
      return absl::InternalError(
          absl::StrCat("planner bug: the plan breaks hard constraints:\n",
                       absl::StrJoin(lines, "\n")));
    }
    run.metrics = ComputeMetrics(*run.fair, *run.compat, run.schedule);
    SetCertificate(run.stats, &run.metrics);
  }
  if (!options.baseline.empty()) {
    run.changes = std::make_unique<ScheduleDiff>(
        DiffSchedules(baseline, RecordSchedule(*run.fair, run.schedule)));
    run.metrics.baseline_kept = run.changes->kept;
    run.metrics.baseline_moved = run.changes->moved;
    run.metrics.baseline_added = run.changes->added;
    run.metrics.baseline_dropped = run.changes->cancelled;
    run.metrics.baseline_history = run.rerun->history;
    run.metrics.baseline_path = options.baseline;
    run.metrics.baseline_revision = baseline.revision;
    run.schedule.revision = baseline.revision + 1;
    run.schedule.uid_scheme = baseline.uid_scheme;
    run.baseline = std::make_unique<RecordedSchedule>(std::move(baseline));
  }
  run.metrics.planner = {{"match_rounds", run.stats.match_rounds},
                         {"excluded_pairs", run.stats.excluded_pairs},
                         {"candidate_pairs", run.stats.candidate_pairs},
                         {"pricing_rounds", run.stats.pricing_rounds},
                         {"priced_in_pairs", run.stats.priced_in},
                         {"seated_left_out", run.stats.seated_left_out}};
  for (const auto& [part, seconds] : run.stats.seconds) {
    run.stage_seconds.emplace_back("plan." + part, seconds);
  }
  if (options.timings) run.metrics.stage_seconds = run.stage_seconds;
  return run;
}

absl::StatusOr<std::vector<OutputFile>> RenderOutputs(
    const PlanRun& run, const std::vector<std::string>& formats, int threads) {
  const Fair& fair = *run.fair;
  const Compatibility& compat = *run.compat;
  const Schedule& schedule = run.schedule;
  // One task per output; tasks are independent, so they run on up to
  // `threads` threads, and their files are joined in task order (outputs do
  // not depend on the thread count).
  using Files = absl::StatusOr<std::vector<OutputFile>>;
  std::vector<std::function<Files()>> tasks;
  std::vector<char> slow;  // per task: a PDF
  std::unique_ptr<ChangedPeople> changed;
  if (run.changes != nullptr) {
    changed = std::make_unique<ChangedPeople>(MarkChanged(fair, *run.changes));
  }
  auto one = [](std::string name, std::string content) -> Files {
    return std::vector<OutputFile>{{std::move(name), std::move(content)}};
  };
  auto pdf = [](std::string name,
                absl::StatusOr<std::string> content) -> Files {
    if (!content.ok()) return content.status();
    return std::vector<OutputFile>{{std::move(name), *std::move(content)}};
  };
  for (const std::string& format : formats) {
    if (format == "json") {
      tasks.push_back([&] {
        return one("schedule.json",
                   RenderScheduleJson(fair, compat, schedule, run.metrics));
      });
    } else if (format == "csv") {
      tasks.push_back([&] {
        return one("meetings.csv", RenderMeetingsCsv(fair, compat, schedule));
      });
      if (run.changes != nullptr) {
        tasks.push_back([&] {
          return one("notify.csv",
                     RenderNotifyCsv(fair, schedule, *run.changes));
        });
      }
    } else if (format == "html") {
      tasks.push_back([&] {
        return one("schedules.html",
                   RenderSchedulesHtml(fair, compat, schedule, run.metrics));
      });
    } else if (format == "ics") {
      tasks.push_back([&]() -> Files {
        return RenderCalendars(fair, compat, schedule, run.baseline.get());
      });
    } else if (format == "report") {
      tasks.push_back([&] {
        return one("report.html",
                   RenderReportHtml(fair, compat, schedule, run.metrics));
      });
    } else if (format == "pdf") {
      const Paper paper = PaperFromConfig(fair.config);
      tasks.push_back([&, paper] {
        return pdf("attendees.pdf",
                   RenderAttendeesPdf(fair, compat, schedule, paper, nullptr,
                                      threads));
      });
      tasks.push_back([&, paper] {
        return pdf("employers.pdf",
                   RenderEmployersPdf(fair, compat, schedule, paper, nullptr,
                                      threads));
      });
      slow.resize(tasks.size(), 0);
      slow[tasks.size() - 1] = slow[tasks.size() - 2] = 1;
      if (changed != nullptr) {
        // A rerun: the sheets of the people whose day changed, to reprint.
        tasks.push_back([&, paper] {
          return pdf("attendees-changed.pdf",
                     RenderAttendeesPdf(fair, compat, schedule, paper,
                                        &changed->attendees, threads));
        });
        tasks.push_back([&, paper] {
          return pdf("employers-changed.pdf",
                     RenderEmployersPdf(fair, compat, schedule, paper,
                                        &changed->employers, threads));
        });
      }
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("--format: unknown format '", format,
                       "'; known formats: ", absl::StrJoin(kAllFormats, ",")));
    }
  }
  // Longest first (the PDFs take most of the time on a large fair), so
  // the short outputs fill in beside them instead of after them.
  slow.resize(tasks.size(), 0);
  std::vector<size_t> run_order;
  for (size_t t = 0; t < tasks.size(); ++t) {
    if (slow[t]) run_order.push_back(t);
  }
  for (size_t t = 0; t < tasks.size(); ++t) {
    if (!slow[t]) run_order.push_back(t);
  }
  std::vector<std::optional<Files>> results(tasks.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < run_order.size(); i = next++) {
      results[run_order[i]] = tasks[run_order[i]]();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads && t < static_cast<int>(tasks.size()); ++t) {
    pool.emplace_back(worker);
  }
  worker();
  for (std::thread& th : pool) th.join();
  std::vector<OutputFile> files;
  for (std::optional<Files>& result : results) {
    if (!result->ok()) return result->status();
    for (OutputFile& f : **result) files.push_back(std::move(f));
  }
  return files;
}

}  // namespace fairmatch
