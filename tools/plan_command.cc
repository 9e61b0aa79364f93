// fairmatch plan FAIR_DIR [--config F]... [--set K=V]... [--out DIR]
//                         [--format json,csv,html] [--baseline OLD.json
//                         [--from HH:MM]] [--print-config]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "engine/base/civil_time.h"
#include "engine/io/config_loader.h"
#include "engine/io/yaml_fields.h"
#include "engine/pipeline.h"
#include "tools/cli.h"
#include "tools/commands.h"

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
  std::string baseline;
  std::string from;
  bool print_config = false;
};

// Minutes since midnight of --from "HH:MM" (also "H:MM"), read as the
// event's times are.
absl::StatusOr<int> ParseFrom(const std::string& text) {
  if (std::optional<int> minutes = ParseClock(text)) return *minutes;
  return absl::InvalidArgumentError(
      absl::StrCat("--from: error: '", text,
                   "' is not a time of day; write HH:MM, e.g. 13:30"));
}

// --print-config: every setting with the layer it came from, as a config
// file (dotted keys are accepted by --config), so it can be saved and
// edited.
// .fairmatch-plan: one "key<TAB>value" line per input of the run, paths
// made absolute so that `send` finds them from anywhere. Read by
// tools/send_command.cc.
std::string PlanInputsText(const PlanArgs& args) {
  auto abs = [](const std::string& path) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::absolute(path, ec);
    return ec ? path : p.lexically_normal().string();
  };
  std::string text =
      "# the inputs of this plan, for fairmatch send (docs/send.md)\n";
  absl::StrAppend(&text, "fair\t", abs(args.fair_dir), "\n");
  for (const std::string& f : args.load.config_files) {
    absl::StrAppend(&text, "config\t", abs(f), "\n");
  }
  for (const std::string& s : args.load.sets) {
    absl::StrAppend(&text, "set\t", s, "\n");
  }
  for (const std::string& f : args.load.changes_files) {
    absl::StrAppend(&text, "changes\t", abs(f), "\n");
  }
  if (!args.baseline.empty()) {
    absl::StrAppend(&text, "baseline\t", abs(args.baseline), "\n");
  }
  return text;
}

int PrintConfig(const PlanArgs& args) {
  absl::StatusOr<std::vector<ConfigEntry>> entries =
      ResolveConfig(args.fair_dir, args.load);
  if (!entries.ok()) {
    PrintStatus(entries.status());
    return ExitCodeFor(entries.status());
  }
  size_t width = 0;
  for (const ConfigEntry& e : *entries) {
    width = std::max(width, e.key.size() + 2 + e.value.size());
  }
  std::cout << "# resolved configuration: built-in defaults <- "
               "FAIR_DIR/config.yaml <- each --config <- each --set\n";
  for (const ConfigEntry& e : *entries) {
    const std::string line = absl::StrCat(e.key, ": ", e.value);
    std::cout << line << std::string(width - line.size() + 2, ' ') << "# "
              << e.origin << "\n";
  }
  return kExitOk;
}

// --format: "all" or a comma-separated list of known formats. A list that
// names nothing would leave an empty output folder in place of the last
// plan, so it is a usage error, checked before any work.
absl::StatusOr<std::vector<std::string>> ParseFormats(const std::string& text) {
  const std::vector<std::string> known(std::begin(kAllFormats),
                                       std::end(kAllFormats));
  if (text == "all") return known;
  std::vector<std::string> formats;
  for (absl::string_view f : absl::StrSplit(text, ',', absl::SkipEmpty())) {
    std::string s(absl::StripAsciiWhitespace(f));
    if (s.empty()) continue;
    if (std::find(known.begin(), known.end(), s) == known.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--format: error: unknown format '", s,
                       "'; known formats: all, ", absl::StrJoin(known, ",")));
    }
    if (std::find(formats.begin(), formats.end(), s) == formats.end()) {
      formats.push_back(s);
    }
  }
  if (formats.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--format: error: '", text,
        "' names no output, so nothing would be "
        "written; give e.g. --format json,pdf or leave it out for all"));
  }
  return formats;
}

int RunPlanCommand(const PlanArgs& args) {
  if (args.print_config) return PrintConfig(args);
  PipelineOptions options;
  options.load = args.load;
  options.baseline = args.baseline;
  if (!args.from.empty()) {
    if (args.baseline.empty()) {
      PrintStatus(absl::InvalidArgumentError(
          "--from: error: --from replans the rest of the day of a published "
          "plan; give that plan with --baseline OLD/schedule.json"));
      return kExitBadInput;
    }
    absl::StatusOr<int> from = ParseFrom(args.from);
    if (!from.ok()) {
      PrintStatus(from.status());
      return ExitCodeFor(from.status());
    }
    options.from_minutes = *from;
  }
  absl::StatusOr<std::vector<std::string>> formats = ParseFormats(args.formats);
  if (!formats.ok()) {
    PrintStatus(formats.status());
    return ExitCodeFor(formats.status());
  }
  // The output is claimed before any work: a folder fairmatch may not
  // replace is refused now, not after minutes of planning.
  OutputRules rules;
  rules.inputs = FairInputs(args.fair_dir, args.load);
  if (!args.baseline.empty()) {
    rules.inputs.push_back({"the --baseline", args.baseline});
  }
  int exit_code = kExitOk;
  std::unique_ptr<OutputTarget> out =
      ClaimOutputOrPrint(OutputKind::kFolder, args.out, rules, &exit_code);
  if (out == nullptr) return exit_code;
  options.threads =
      args.threads > 0
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
  // Warnings (a withdrawn employer dropped from a must_meet, a walk-in
  // who may be a duplicate) go to stderr even with --quiet.
  for (const std::string& w : run->fair->warnings) std::cerr << w << "\n";
  // Rendering and writing are timed here, after schedule.json's stages;
  // the stages line below gives them.
  const auto render_start = std::chrono::steady_clock::now();
  absl::StatusOr<std::vector<OutputFile>> files =
      RenderOutputs(*run, *formats, options.threads);
  const auto write_start = std::chrono::steady_clock::now();
  if (!files.ok()) {
    PrintStatus(files.status());
    return ExitCodeFor(files.status());
  }
  std::vector<std::pair<std::string, std::string>> contents;
  for (OutputFile& f : *files) {
    contents.emplace_back(f.name, std::move(f.content));
  }
  // Where this plan's inputs are, for `fairmatch send` (docs/send.md),
  // which renders each person's own sheet from the fair and checks that it
  // has not changed since.
  contents.emplace_back(kPlanInputsFile, PlanInputsText(args));
  if (absl::Status s = out->WriteFolder(contents); !s.ok()) {
    PrintStatus(s);
    return ExitCodeFor(s);
  }
  const auto write_end = std::chrono::steady_clock::now();
  if (!args.quiet) {
    const Metrics& m = run->metrics;
    std::cout << absl::StrFormat(
        "planned %d conversations (%d attendee-meetings) for %d attendees: "
        "%d reached, %d reached meetings.min, %d with none\n",
        m.meetings, m.attendee_meetings, m.attendees,
        m.attendees - m.attendees_with_no_meeting, m.attendees_reaching_min,
        m.attendees_with_no_meeting);
    if (m.baseline_kept >= 0) {
      std::cout << absl::StrFormat(
          "against the baseline: %d attendee-meetings kept, %d moved, %d "
          "added, %d dropped\n",
          m.baseline_kept, m.baseline_moved, m.baseline_added,
          m.baseline_dropped);
      if (m.baseline_history > 0) {
        std::cout << absl::StrFormat(
            "history: %d attendee-meetings before --from kept as published\n",
            m.baseline_history);
      }
      if (run->changes != nullptr) {
        std::cout << absl::StrFormat(
            "notify: %d people whose day changed\n",
            static_cast<int>(run->changes->notify.size()));
      }
    }
    if (run->rerun != nullptr) {
      for (const std::string& note : run->rerun->notes) {
        std::cout << "note: " << note << "\n";
      }
    }
    // The total score against its bound (what fairness costs), then the
    // certificate: how far the plan is from the best one under these
    // settings (docs/outputs.md, metrics.gap).
    if (m.upper_bound >= 0) {
      std::cout << absl::StrFormat(
          "total score %.3f, upper bound %.3f (price of fairness %.2f%%)\n",
          m.total_score, m.upper_bound, 100.0 * m.price_of_fairness);
    }
    if (m.objective_bound >= 0) {
      std::cout << absl::StrFormat(
          "objective %.3f, bound %.3f (gap %.2f%% from the best plan)\n",
          m.objective, m.objective_bound, 100.0 * m.gap);
    }
    std::string times;
    for (const auto& [stage, seconds] : run->stage_seconds) {
      times += absl::StrFormat(" %s %.3fs", stage, seconds);
    }
    const auto seconds = [](auto from, auto to) {
      return std::chrono::duration<double>(to - from).count();
    };
    times += absl::StrFormat(" render %.3fs write %.3fs",
                             seconds(render_start, write_start),
                             seconds(write_start, write_end));
    std::cout << "stages:" << times << "\n";
    // Calendars are one file per attendee: name the folder once.
    std::cout << "wrote to " << out->shown() << ":";
    int calendars = 0;
    for (const auto& [name, content] : contents) {
      if (name.rfind("calendar/", 0) == 0) {
        ++calendars;
      } else if (name == kPlanInputsFile) {
        continue;  // hidden, like the marker
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
                  "succeeds, and only if it is missing, empty or an earlier "
                  "fairmatch output (default: out)");
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
  cmd->add_option("--baseline", args->baseline,
                  "Replan against this published schedule.json, changing as "
                  "little as possible; its \"locked\": true meetings are "
                  "kept exactly, its history as published (docs/reruns.md)");
  cmd->add_option("--from", args->from,
                  "With --baseline: every meeting before this time (HH:MM) "
                  "is history, kept as published whatever has changed "
                  "since; only later slots change");
  cmd->add_flag("--print-config", args->print_config,
                "Print the resolved configuration and where each value came "
                "from, then stop");
  cmd->callback([args, exit_code] { *exit_code = RunPlanCommand(*args); });
}

}  // namespace fairmatch
