// Shared pieces of the fairmatch command line: exit codes, printing
// statuses, and the --config/--set options every fair command takes.
#ifndef FAIRMATCH_TOOLS_CLI_H_
#define FAIRMATCH_TOOLS_CLI_H_

#include <memory>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "engine/io/fair_loader.h"
#include "engine/io/output_policy.h"

namespace fairmatch {

// Exit codes (a contract: scripts depend on them).
inline constexpr int kExitOk = 0;
inline constexpr int kExitViolations =
    1;                                   // check found violations; I/O failure
inline constexpr int kExitBadInput = 2;  // bad input or usage
inline constexpr int kExitInfeasible = 3;  // requests that cannot all be met

// The file in a plan's output folder that names the plan's inputs (the
// fair folder, --config, --set, --changes, --baseline), one "key<TAB>value"
// line each: `plan` writes it, `send` reads it.
inline constexpr char kPlanInputsFile[] = ".fairmatch-plan";

// 2 for InvalidArgument/NotFound, 3 for FailedPrecondition, 1 otherwise.
int ExitCodeFor(const absl::Status& status);

// Prints a failed status to stderr: diagnostics as they are ("FILE:LINE:COL:
// error: ..."), a diagnosis of infeasible requests under a heading.
void PrintStatus(const absl::Status& status);

// Loads the fair in `dir`; on failure prints the diagnostics, sets
// *exit_code and returns null.
std::unique_ptr<Fair> LoadFairOrPrint(const std::string& dir,
                                      const LoadOptions& options,
                                      int* exit_code);

// Claims the output `path` (a folder or a single file) under the output
// policy (engine/io/output_policy.h); on refusal prints why, sets
// *exit_code and returns null. Notes removed leftovers of killed runs.
enum class OutputKind { kFolder, kFile };
std::unique_ptr<OutputTarget> ClaimOutputOrPrint(OutputKind kind,
                                                 const std::string& path,
                                                 const OutputRules& rules,
                                                 int* exit_code);

// A single-file output that may also be standard output: claims `path`
// (with `inputs` and `force`) unless it is "-", for which *out stays null.
// False, after printing why and setting *exit_code, when it is refused.
bool ClaimFileOrStdout(const std::string& path, std::vector<OutputInput> inputs,
                       bool force, std::unique_ptr<OutputTarget>* out,
                       int* exit_code);

// The fair folder and the files in it that a fair command reads, plus its
// --config files, as inputs an output may never replace.
std::vector<OutputInput> FairInputs(const std::string& fair_dir,
                                    const LoadOptions& options);

// Adds --config FILE (repeatable) and --set KEY=VALUE (repeatable).
void AddConfigOptions(CLI::App* cmd, LoadOptions* options);

}  // namespace fairmatch

#endif  // FAIRMATCH_TOOLS_CLI_H_
