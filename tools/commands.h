// The fairmatch subcommands. Each lives in its own tools/<name>_command.cc
// and registers itself on the top-level app; main.cc calls every Add*Command
// in turn. A command prints its own diagnostics and reports failure by
// setting *exit_code; on success it leaves *exit_code untouched.
// A new command: a file tools/<name>_command.cc defining Add<Name>Command,
// one line here, one call in main.cc.
#ifndef FAIRMATCH_TOOLS_COMMANDS_H_
#define FAIRMATCH_TOOLS_COMMANDS_H_

#include "CLI/CLI.hpp"

namespace fairmatch {

void AddPlanCommand(CLI::App& app, int* exit_code);      // plan a fair
void AddScoresCommand(CLI::App& app, int* exit_code);    // every pair's score
void AddCheckCommand(CLI::App& app, int* exit_code);     // validate a plan
void AddSynthCommand(CLI::App& app, int* exit_code);     // a synthetic fair
void AddSimulateCommand(CLI::App& app, int* exit_code);  // self-booking
void AddImportCommand(CLI::App& app, int* exit_code);    // CSV to YAML
void AddInitCommand(CLI::App& app, int* exit_code);      // a new fair folder
void AddDiffCommand(CLI::App& app, int* exit_code);      // two plans compared
void AddExplainCommand(CLI::App& app, int* exit_code);   // why (not) a meeting
void AddSendCommand(CLI::App& app, int* exit_code);      // e-mail every person

}  // namespace fairmatch

#endif  // FAIRMATCH_TOOLS_COMMANDS_H_
