#include "tools/cli.h"

#include <filesystem>
#include <iostream>
#include <utility>

#include "engine/pipeline.h"

namespace fairmatch {

int ExitCodeFor(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return kExitOk;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
      return kExitBadInput;
    case absl::StatusCode::kFailedPrecondition:
      return kExitInfeasible;
    default:
      return kExitViolations;
  }
}

void PrintStatus(const absl::Status& status) {
  if (status.code() == absl::StatusCode::kFailedPrecondition) {
    std::cerr << "fairmatch: error: these requests cannot all be met:\n";
    std::string message(status.message());
    size_t start = 0;
    while (start <= message.size()) {
      size_t end = message.find('\n', start);
      if (end == std::string::npos) end = message.size();
      std::cerr << "  - " << message.substr(start, end - start) << "\n";
      start = end + 1;
    }
    return;
  }
  std::cerr << status.message() << "\n";
}

std::unique_ptr<OutputTarget> ClaimOutputOrPrint(OutputKind kind,
                                                 const std::string& path,
                                                 const OutputRules& rules,
                                                 int* exit_code) {
  absl::StatusOr<std::unique_ptr<OutputTarget>> target =
      kind == OutputKind::kFolder ? OutputTarget::ClaimFolder(path, rules)
                                  : OutputTarget::ClaimFile(path, rules);
  if (!target.ok()) {
    PrintStatus(target.status());
    *exit_code = ExitCodeFor(target.status());
    return nullptr;
  }
  if ((*target)->removed_leftovers() > 0) {
    std::cerr << "fairmatch: note: removed what an interrupted run left "
                 "beside "
              << (*target)->shown() << "\n";
  }
  return *std::move(target);
}

bool ClaimFileOrStdout(const std::string& path, std::vector<OutputInput> inputs,
                       bool force, std::unique_ptr<OutputTarget>* out,
                       int* exit_code) {
  if (path == "-") return true;
  OutputRules rules;
  rules.inputs = std::move(inputs);
  rules.force = force;
  *out = ClaimOutputOrPrint(OutputKind::kFile, path, rules, exit_code);
  return *out != nullptr;
}

std::vector<OutputInput> FairInputs(const std::string& fair_dir,
                                    const LoadOptions& options) {
  std::vector<OutputInput> inputs = {{"the fair folder", fair_dir}};
  for (const char* name :
       {"event.yaml", "attendees.yaml", "employers.yaml", "config.yaml"}) {
    inputs.push_back(
        {"the fair's file", (std::filesystem::path(fair_dir) / name).string()});
  }
  for (const std::string& config : options.config_files) {
    inputs.push_back({"the --config file", config});
  }
  inputs.push_back(
      {"the fair's file",
       (std::filesystem::path(fair_dir) / "changes.yaml").string()});
  for (const std::string& changes : options.changes_files) {
    inputs.push_back({"the --changes file", changes});
  }
  return inputs;
}

void AddConfigOptions(CLI::App* cmd, LoadOptions* options) {
  cmd->add_option("--config", options->config_files,
                  "Extra config file, layered over FAIR_DIR/config.yaml "
                  "(repeatable, applied in order)");
  cmd->add_option("--changes", options->changes_files,
                  "The day's changes (withdrawals, walk-ins, availability, "
                  "meetings), applied after FAIR_DIR/changes.yaml "
                  "(repeatable, applied in order; docs/reruns.md)");
  cmd->add_option("--set", options->sets,
                  "Override one config key, e.g. --set min_score=0.3 or "
                  "--set weights.values=0.7 (repeatable, applied last)");
}

std::unique_ptr<Fair> LoadFairOrPrint(const std::string& dir,
                                      const LoadOptions& options,
                                      int* exit_code) {
  absl::StatusOr<std::unique_ptr<Fair>> fair = LoadFairForTool(dir, options);
  if (!fair.ok()) {
    PrintStatus(fair.status());
    *exit_code = ExitCodeFor(fair.status());
    return nullptr;
  }
  for (const std::string& w : (*fair)->warnings) std::cerr << w << "\n";
  return *std::move(fair);
}

}  // namespace fairmatch
