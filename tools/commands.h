// The fairmatch subcommands. Each lives in its own tools/<name>_command.cc
// and registers itself on the top-level app; main.cc calls every Add*Command
// in turn. A command prints its own diagnostics and reports failure by
// setting *exit_code; on success it leaves *exit_code untouched.
//
// Other commands add their own Add*Command declarations here, one line each.
#ifndef FAIRMATCH_TOOLS_COMMANDS_H_
#define FAIRMATCH_TOOLS_COMMANDS_H_

#include "CLI/CLI.hpp"

namespace fairmatch {

// fairmatch synth OUT_DIR: writes a synthetic fair (docs/synth.md).
void AddSynthCommand(CLI::App& app, int* exit_code);

}  // namespace fairmatch

#endif  // FAIRMATCH_TOOLS_COMMANDS_H_
