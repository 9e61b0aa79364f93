// fairmatch check FAIR_DIR SCHEDULE.json [--config F]... [--set K=V]...
#include <iostream>
#include <memory>

#include "absl/strings/str_format.h"
#include "engine/check/check.h"
#include "engine/check/metrics.h"
#include "engine/io/schedule_loader.h"
#include "engine/pipeline.h"
#include "tools/cli.h"
#include "tools/commands.h"

namespace fairmatch {
namespace {

struct CheckArgs {
  std::string fair_dir;
  std::string schedule;
  LoadOptions load;
};

int RunCheckCommand(const CheckArgs& args) {
  int exit_code = kExitOk;
  std::unique_ptr<Fair> fair =
      LoadFairOrPrint(args.fair_dir, args.load, &exit_code);
  if (fair == nullptr) return exit_code;
  // History may name people who have withdrawn since: they are restored.
  absl::StatusOr<Schedule> schedule =
      LoadPublishedSchedule(args.schedule, fair.get());
  if (!schedule.ok()) {
    PrintStatus(schedule.status());
    return ExitCodeFor(schedule.status());
  }
  const Compatibility compat = Compatibility::Build(*fair);
  const std::vector<Violation> violations =
      CheckSchedule(*fair, compat, *schedule);
  for (const Violation& v : violations) {
    std::cout << args.schedule << ": violation: " << v.kind << ": " << v.message
              << "\n";
  }
  if (!violations.empty()) {
    std::cout << violations.size() << " violation"
              << (violations.size() == 1 ? "" : "s") << " found\n";
    return kExitViolations;
  }
  const Metrics m = ComputeMetrics(*fair, compat, *schedule);
  std::cout << absl::StrFormat(
      "OK: %d conversations, %d attendee-meetings, total score %.6f; every "
      "hard constraint holds\n",
      m.meetings, m.attendee_meetings, m.total_score);
  return kExitOk;
}

}  // namespace

void AddCheckCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Validate a schedule against every hard constraint, independently of "
      "the planner; exits 1 if any is broken");
  cmd->add_option("FAIR_DIR", args->fair_dir, "The fair folder")->required();
  cmd->add_option("SCHEDULE", args->schedule, "schedule.json to check")
      ->required();
  AddConfigOptions(cmd, &args->load);
  cmd->callback([args, exit_code] { *exit_code = RunCheckCommand(*args); });
}

}  // namespace fairmatch
