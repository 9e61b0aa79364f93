// fairmatch simulate FAIR_DIR [--out DIR] [--seed N]: what the fair would look
// like under first-come-first-served self-booking, for comparison.
#include <iostream>
#include <memory>

#include "absl/strings/str_format.h"
#include "engine/check/metrics.h"
#include "engine/pipeline.h"
#include "engine/plan/self_booking.h"
#include "engine/render/schedule_json.h"
#include "tools/cli.h"
#include "tools/commands.h"

namespace fairmatch {
namespace {

struct SimulateArgs {
  std::string fair_dir;
  std::string out = "out-self-booking";
  LoadOptions load;
  std::uint64_t seed = 0;  // 0: the config seed
};

int RunSimulateCommand(const SimulateArgs& args) {
  int exit_code = kExitOk;
  OutputRules rules;
  rules.inputs = FairInputs(args.fair_dir, args.load);
  std::unique_ptr<OutputTarget> out =
      ClaimOutputOrPrint(OutputKind::kFolder, args.out, rules, &exit_code);
  if (out == nullptr) return exit_code;
  std::unique_ptr<Fair> fair =
      LoadFairOrPrint(args.fair_dir, args.load, &exit_code);
  if (fair == nullptr) return exit_code;
  const Compatibility compat = Compatibility::Build(*fair);
  const Schedule schedule = SimulateSelfBooking(
      compat, args.seed != 0 ? args.seed : fair->config.seed);
  const Metrics m = ComputeMetrics(*fair, compat, schedule);
  absl::Status s = out->WriteFolder(
      {{"schedule.json", RenderScheduleJson(*fair, compat, schedule, m)}});
  if (!s.ok()) {
    PrintStatus(s);
    return ExitCodeFor(s);
  }
  std::cout << absl::StrFormat(
      "self-booking: %d attendee-meetings, %d attendees with none, mean "
      "score per meeting %.3f; wrote %sschedule.json\n",
      m.attendee_meetings, m.attendees_with_no_meeting,
      m.mean_score_per_meeting, out->shown());
  return kExitOk;
}

}  // namespace

void AddSimulateCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<SimulateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "simulate",
      "Simulate first-come-first-served self-booking (the usual sign-up "
      "platform) on a fair, to compare with fairmatch plan");
  cmd->add_option("FAIR_DIR", args->fair_dir, "The fair folder")->required();
  AddConfigOptions(cmd, &args->load);
  cmd->add_option(
      "--out", args->out,
      "Output folder for schedule.json (default: out-self-booking)");
  cmd->add_option("--seed", args->seed,
                  "Arrival-order seed (default: config seed)");
  cmd->callback([args, exit_code] { *exit_code = RunSimulateCommand(*args); });
}

}  // namespace fairmatch
