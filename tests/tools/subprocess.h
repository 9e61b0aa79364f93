// Runs the real fairmatch binary from tests: argv in, exit status, signal
// and captured output back, with a timeout so that a hang fails the test
// instead of stalling it. POSIX only (posix_spawn, waitpid).
#ifndef FAIRMATCH_TESTS_TOOLS_SUBPROCESS_H_
#define FAIRMATCH_TESTS_TOOLS_SUBPROCESS_H_

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "tests/fixtures/read_file.h"
#include "tests/fixtures/temp_dir.h"

extern char** environ;

namespace fairmatch::testing {

struct ProcessResult {
  bool started = false;
  bool timed_out = false;
  int exit_code = -1;  // when the process exited normally
  int signal = 0;      // when a signal ended it
  std::string out;
  std::string err;
};

// A child process whose stdout and stderr go to files.
class ChildProcess {
 public:
  // Starts argv[0] with the arguments argv[1..]; output goes to
  // `out_path` and `err_path`.
  // With `cwd`, the child starts in that folder.
  ChildProcess(const std::vector<std::string>& argv,
               const std::string& out_path, const std::string& err_path,
               const std::string& cwd = "")
      : out_path_(out_path), err_path_(err_path) {
    std::vector<char*> args;
    for (const std::string& a : argv)
      args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null",
                                     O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (!cwd.empty())
      posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    started_ = ::posix_spawn(&pid_, args[0], &actions, nullptr, args.data(),
                             environ) == 0;
    posix_spawn_file_actions_destroy(&actions);
  }
  ~ChildProcess() {
    if (started_ && !reaped_) {
      ::kill(pid_, SIGKILL);
      int status;
      ::waitpid(pid_, &status, 0);
    }
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool started() const { return started_; }
  // True once the child has ended (reaps it).
  bool Poll() {
    if (!started_ || reaped_) return true;
    int status;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      Reap(status);
      return true;
    }
    return false;
  }
  void Kill(int sig) {
    if (started_ && !reaped_) ::kill(pid_, sig);
  }
  // Waits for the child to end, killing it after `timeout`.
  ProcessResult Wait(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    bool timed_out = false;
    while (!Poll()) {
      if (std::chrono::steady_clock::now() > deadline) {
        timed_out = true;
        Kill(SIGKILL);
        int status;
        ::waitpid(pid_, &status, 0);
        Reap(status);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    result_.started = started_;
    result_.timed_out = timed_out;
    result_.out = Slurp(out_path_);
    result_.err = Slurp(err_path_);
    return result_;
  }

 private:
  // Only regular files: stdout may go to a device such as /dev/full,
  // which reads as endless zeros.
  static std::string Slurp(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) ? ReadFile(path) : "";
  }
  void Reap(int status) {
    reaped_ = true;
    if (WIFEXITED(status)) result_.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result_.signal = WTERMSIG(status);
  }

  std::string out_path_, err_path_;
  pid_t pid_ = -1;
  bool started_ = false;
  bool reaped_ = false;
  ProcessResult result_;
};

// Runs argv to completion (at most `timeout`), capturing its output in
// files inside `scratch_dir`.
inline ProcessResult RunProcess(
    const std::vector<std::string>& argv, const std::string& scratch_dir,
    std::chrono::milliseconds timeout = std::chrono::minutes(2),
    const std::string& cwd = "") {
  ChildProcess child(argv, scratch_dir + "/stdout.txt",
                     scratch_dir + "/stderr.txt", cwd);
  return child.Wait(timeout);
}

// Runs the fairmatch binary under test with `args`, like RunProcess.
inline ProcessResult RunFairmatch(const std::string& scratch_dir,
                                  std::vector<std::string> args) {
  args.insert(args.begin(), FAIRMATCH_BINARY);
  return RunProcess(args, scratch_dir);
}
inline ProcessResult RunFairmatch(const TempDir& scratch,
                                  std::vector<std::string> args) {
  return RunFairmatch(scratch.path(), std::move(args));
}

}  // namespace fairmatch::testing

#endif  // FAIRMATCH_TESTS_TOOLS_SUBPROCESS_H_
