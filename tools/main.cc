// fairmatch: plans career fairs around a few meaningful conversations.
// One subcommand per file (tools/*_command.cc); this file only dispatches.
#include <pthread.h>
#include <signal.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <thread>

#include "CLI/CLI.hpp"
#include "engine/io/output_policy.h"
#include "tools/cli.h"
#include "tools/commands.h"

namespace {

// SIGINT, SIGTERM and SIGHUP are blocked in every thread and taken by one
// waiting thread, which removes what the run was writing (staging folders,
// lock files, parent folders it created) and then dies of the same signal,
// so the shell sees the usual status and nothing is left behind.
void HandleTerminationSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);  // inherited by later threads
  std::thread([set] {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) return;
    fairmatch::RemoveOutputsForSignal();
    signal(sig, SIG_DFL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
    raise(sig);
  }).detach();
}

// Every command fails when its standard output could not be written (a
// full disk, a closed pipe): a report that did not arrive is not success.
int CheckStdout(int exit_code) {
  std::cout.flush();
  const bool failed =
      !std::cout.good() || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
  if (failed) {
    const int err = errno;
    std::cerr << "fairmatch: error: cannot write the standard output"
              << (err != 0 ? std::string(": ") + std::strerror(err) : "")
              << "\n";
    if (exit_code == fairmatch::kExitOk) return fairmatch::kExitViolations;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  HandleTerminationSignals();
  CLI::App app{
      "fairmatch: plans career fairs around a few well-matched conversations "
      "per attendee, instead of queues at every booth."};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("fairmatch ") +
                                        FAIRMATCH_VERSION + " (git " +
                                        FAIRMATCH_GIT_REV + ")");
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
  fairmatch::AddSendCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return CheckStdout(app.exit(e));
  } catch (const CLI::CallForAllHelp& e) {
    return CheckStdout(app.exit(e));
  } catch (const CLI::CallForVersion& e) {
    return CheckStdout(app.exit(e));
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return fairmatch::kExitBadInput;
  }
  return CheckStdout(exit_code);
}
