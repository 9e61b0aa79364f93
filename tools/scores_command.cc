// fairmatch scores FAIR_DIR [--config F]... [--set K=V]... [--out FILE]
#include <iostream>
#include <memory>
#include <sstream>

#include "engine/pipeline.h"
#include "engine/render/scores_csv.h"
#include "tools/cli.h"
#include "tools/commands.h"

namespace fairmatch {
namespace {

struct ScoresArgs {
  std::string fair_dir;
  std::string out = "-";
  LoadOptions load;
  bool force = false;
};

int RunScoresCommand(const ScoresArgs& args) {
  int exit_code = kExitOk;
  std::unique_ptr<OutputTarget> out;
  if (!ClaimFileOrStdout(args.out, FairInputs(args.fair_dir, args.load),
                         args.force, &out, &exit_code)) {
    return exit_code;
  }
  std::unique_ptr<Fair> fair =
      LoadFairOrPrint(args.fair_dir, args.load, &exit_code);
  if (fair == nullptr) return exit_code;
  const Compatibility compat = Compatibility::Build(*fair);
  if (out == nullptr) {
    WriteScoresCsv(compat, std::cout);
    std::cout.flush();
    return std::cout ? kExitOk : kExitViolations;
  }
  std::ostringstream text;
  WriteScoresCsv(compat, text);
  if (absl::Status s = out->WriteFile(text.str()); !s.ok()) {
    PrintStatus(s);
    return ExitCodeFor(s);
  }
  return kExitOk;
}

}  // namespace

void AddScoresCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ScoresArgs>();
  CLI::App* cmd = app.add_subcommand(
      "scores",
      "Write every attendee x employer pair with its score, eligibility and "
      "score components as CSV");
  cmd->add_option("FAIR_DIR", args->fair_dir, "The fair folder")->required();
  AddConfigOptions(cmd, &args->load);
  cmd->add_option("--out", args->out,
                  "Output CSV file, replaced only if fairmatch wrote it "
                  "(default: - for standard output)");
  cmd->add_flag("--force", args->force,
                "Replace the --out file even if fairmatch did not write it");
  cmd->callback([args, exit_code] { *exit_code = RunScoresCommand(*args); });
}

}  // namespace fairmatch
