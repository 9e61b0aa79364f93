// fairmatch plan FAIR_DIR [--config F]... [--set K=V]... [--out DIR]
//                         [--format json,csv,html]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "engine/io/output_dir.h"
#include "engine/pipeline.h"
#include "tools/cli.h"

namespace fairmatch {
namespace {

struct PlanArgs {
  std::string fair_dir;
  std::string out = "out";
  std::string formats = "all";
  LoadOptions load;
  int threads = 0;
  bool timings = false;
  bool quiet = false;
};

std::vector<std::string> SplitFormats(const std::string& text) {
  if (text == "all") {
    return std::vector<std::string>(std::begin(kAllFormats),
                                    std::end(kAllFormats));
  }
  std::vector<std::string> formats;
  for (absl::string_view f : absl::StrSplit(text, ',', absl::SkipEmpty())) {
    std::string s(f);
    if (std::find(formats.begin(), formats.end(), s) == formats.end()) {
      formats.push_back(s);
    }
  }
  return formats;
}

int RunPlanCommand(const PlanArgs& args) {
  PipelineOptions options;
  options.load = args.load;
  options.threads = args.threads > 0
                        ? args.threads
                        : std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
  options.timings = args.timings;
  const bool tty = ::isatty(STDERR_FILENO);
  if (tty && !args.quiet) {
    options.on_stage = [](const std::string& stage) {
      std::cerr << "fairmatch: " << stage << "...\r" << std::flush;
    };
  }
  absl::StatusOr<PlanRun> run = RunPlan(args.fair_dir, options);
  if (tty && !args.quiet) std::cerr << "\33[2K";
  if (!run.ok()) {
    PrintStatus(run.status());
    return ExitCodeFor(run.status());
  }
  absl::StatusOr<std::vector<OutputFile>> files =
      RenderOutputs(*run, SplitFormats(args.formats), options.threads);
  if (!files.ok()) {
    PrintStatus(files.status());
    return ExitCodeFor(files.status());
  }
  std::vector<std::pair<std::string, std::string>> contents;
  for (OutputFile& f : *files) {
    contents.emplace_back(f.name, std::move(f.content));
  }
  if (absl::Status s = WriteOutputDir(args.out, contents); !s.ok()) {
    PrintStatus(s);
    return ExitCodeFor(s);
  }
  if (!args.quiet) {
    const Metrics& m = run->metrics;
    std::cout << absl::StrFormat(
        "planned %d conversations (%d attendee-meetings) for %d attendees: "
        "%d reached, %d reached meetings.min, %d with none\n",
        m.meetings, m.attendee_meetings, m.attendees,
        m.attendees - m.attendees_with_no_meeting, m.attendees_reaching_min,
        m.attendees_with_no_meeting);
    if (m.upper_bound >= 0) {
      std::cout << absl::StrFormat(
          "total score %.3f, upper bound %.3f (gap %.2f%%)\n", m.total_score,
          m.upper_bound, 100.0 * m.gap);
    }
    std::string times;
    for (const auto& [stage, seconds] : run->stage_seconds) {
      times += absl::StrFormat(" %s %.3fs", stage, seconds);
    }
    std::cout << "stages:" << times << "\n";
    // Calendars are one file per attendee: name the folder once.
    std::cout << "wrote to " << args.out << "/:";
    int calendars = 0;
    for (const auto& [name, content] : contents) {
      if (name.rfind("calendar/", 0) == 0) {
        ++calendars;
      } else {
        std::cout << " " << name;
      }
    }
    if (calendars > 0) std::cout << " calendar/ (" << calendars << " .ics)";
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace

void AddPlanCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<PlanArgs>();
  CLI::App* cmd = app.add_subcommand(
      "plan", "Plan the fair: who meets whom, when and at which table");
  cmd->add_option("FAIR_DIR", args->fair_dir,
                  "Folder with event.yaml, attendees.yaml, employers.yaml "
                  "and optionally config.yaml")
      ->required();
  AddConfigOptions(cmd, &args->load);
  cmd->add_option("--out", args->out,
                  "Output folder, replaced as a whole only when the run "
                  "succeeds (default: out)");
  cmd->add_option("--format", args->formats,
                  "Comma-separated outputs: json (schedule.json), csv "
                  "(meetings.csv), html (schedules.html), ics "
                  "(calendar/<id>.ics), report (report.html), pdf "
                  "(attendees.pdf, employers.pdf); default: all");
  cmd->add_option("--threads", args->threads,
                  "Threads to use (default: up to 2); results do not depend "
                  "on it");
  cmd->add_flag("--timings", args->timings,
                "Record time per stage in schedule.json (outputs then differ "
                "between runs)");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing on success");
  cmd->callback([args, exit_code] { *exit_code = RunPlanCommand(*args); });
}

}  // namespace fairmatch
