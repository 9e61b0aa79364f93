// fairmatch: plans career fairs around a few meaningful conversations.
// One subcommand per file (tools/*_command.cc); this file only dispatches.
#include <iostream>

#include "CLI/CLI.hpp"
#include "tools/cli.h"
#include "tools/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "fairmatch: plans career fairs around a few well-matched conversations "
      "per attendee, instead of queues at every booth."};
  app.require_subcommand(1);
  app.set_version_flag("--version",
                       std::string("fairmatch ") + FAIRMATCH_VERSION +
                           " (git " + FAIRMATCH_GIT_REV + ")");
  int exit_code = fairmatch::kExitOk;
  fairmatch::AddPlanCommand(app, &exit_code);
  fairmatch::AddScoresCommand(app, &exit_code);
  fairmatch::AddCheckCommand(app, &exit_code);
  fairmatch::AddSynthCommand(app, &exit_code);
  fairmatch::AddSimulateCommand(app, &exit_code);
  fairmatch::AddImportCommand(app, &exit_code);
  fairmatch::AddInitCommand(app, &exit_code);
  fairmatch::AddDiffCommand(app, &exit_code);
  fairmatch::AddExplainCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return fairmatch::kExitBadInput;
  }
  return exit_code;
}
