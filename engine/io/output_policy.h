// Where fairmatch writes, and what it never touches: the one output policy
// of every command that writes (plan, simulate, synth, import, init, diff,
// scores). docs/outputs.md, "Where fairmatch writes, and what it never
// touches", is the user's version of this header.
//
// A command claims its output before any work, and writes it at the end,
// all or nothing:
//
//   absl::StatusOr<std::unique_ptr<OutputTarget>> out =
//       OutputTarget::ClaimFolder("out", {.inputs = {{"the fair folder",
//                                                     "my-fair"}}});
//   if (!out.ok()) return out.status();   // refused: nothing was touched
//   ... plan and render ...
//   absl::Status s = (*out)->WriteFolder(files);  // swapped in atomically
//
// The rules:
//  - A folder is replaced only if it is missing, empty, or a fairmatch
//    output folder: it holds the marker `.fairmatch-output` (a manifest of
//    every file fairmatch wrote there, with size and SHA-256) and nothing
//    else, every listed file unchanged. A copied or moved output folder is
//    still one. Anything else is refused; there is no override.
//  - A single file is replaced only if fairmatch wrote it and it is
//    unchanged since (the manifest `.fairmatch-files` in its folder lists
//    it with its SHA-256), or with `force`. Never a folder, device, FIFO or
//    socket.
//  - Never an input of the run, nor a folder that holds one (the fair
//    folder, a parent of it, the folder of a --baseline); a subfolder of
//    the fair folder is fine.
//  - Nothing without a write bit (for owner, group and others), even for
//    root: a protected folder or file is the user's decision.
//  - Symlinks: an output path that is a symlink is judged and written as
//    its target; inside folders links are never followed (they are not in
//    any manifest, so such a folder is refused; removal unlinks them).
//  - One writer per output: a lock file `.NAME.fairmatch-lock` beside it,
//    held with flock(2), so a lock of a dead process never blocks. A second
//    claim fails at once naming the holder's pid.
//  - Files are written into a staging folder `.NAME.fairmatch-tmp-PID-N`
//    beside the output, whose marker is written first and removed last;
//    on failure it is removed, on SIGINT/SIGTERM/SIGHUP the tool calls
//    RemoveOutputsForSignal(), and after a SIGKILL or power cut the next
//    claim of the same output removes it (recognised by name and marker
//    together, never by name alone).
//  - Parent folders that a claim creates are removed again unless the
//    write succeeds.
//  - A full disk (ENOSPC, EDQUOT) fails before the swap, leaving the last
//    output exactly as it was; the error says how much space the run needs.
//
// Errors: refusals and usage errors are InvalidArgumentError (the message
// starts "error:" and names the user's path, never a temporary one); a
// busy output is UnavailableError; I/O failures are Unavailable,
// PermissionDenied or ResourceExhausted (full disk). Thread-compatible: one
// thread uses one target; RemoveOutputsForSignal may run on any thread.
#ifndef FAIRMATCH_IO_OUTPUT_POLICY_H_
#define FAIRMATCH_IO_OUTPUT_POLICY_H_

#include <sys/stat.h>
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace fairmatch {

// The marker and manifest of a fairmatch output folder.
inline constexpr char kOutputMarker[] = ".fairmatch-output";
// The manifest of single files fairmatch wrote into a folder.
inline constexpr char kFilesManifest[] = ".fairmatch-files";

struct OutputInput {
  std::string role;  // "the fair folder", "the --baseline", ...
  std::string path;  // as the user gave it
};

struct OutputRules {
  // The option that named the path, for usage errors ("--out").
  std::string option = "--out";
  // Files and folders this run reads; none may be replaced or lie inside a
  // replaced folder.
  std::vector<OutputInput> inputs;
  // Single files: also replace a file fairmatch did not write (or that was
  // changed since). Never overrides protection, inputs or file types.
  bool force = false;
};

class OutputTarget {
 public:
  // Claims the folder `path` for WriteFolder: checks the policy, creates
  // missing parent folders, takes the lock and removes what killed runs
  // left beside it.
  static absl::StatusOr<std::unique_ptr<OutputTarget>> ClaimFolder(
      const std::string& path, const OutputRules& rules);

  // Claims the single file `path` for WriteFile.
  static absl::StatusOr<std::unique_ptr<OutputTarget>> ClaimFile(
      const std::string& path, const OutputRules& rules);

  // Adds new files to the folder `dir` (created if missing), never
  // replacing anything: any of `files` that exists is an error and nothing
  // is written. The files are recorded as fairmatch's in `.fairmatch-files`
  // (so that e.g. an import may later replace an unchanged template).
  static absl::Status WriteNewFiles(
      const std::string& dir,
      const std::vector<std::pair<std::string, std::string>>& files,
      const OutputRules& rules);

  // Releases the lock; unless a write succeeded, also removes the staging
  // folder and the parent folders the claim created.
  ~OutputTarget();
  OutputTarget(const OutputTarget&) = delete;
  OutputTarget& operator=(const OutputTarget&) = delete;

  // Writes `files` ((relative name, bytes) pairs; a name that could leave
  // the folder is InvalidArgumentError before anything is written) as the
  // whole new content of the claimed folder, plus its marker, and swaps it
  // in atomically (renameat2 RENAME_EXCHANGE). The folder is checked again
  // just before the swap. REQUIRES: claimed with ClaimFolder; called once.
  absl::Status WriteFolder(
      const std::vector<std::pair<std::string, std::string>>& files);

  // Replaces the claimed file with `content` atomically, keeping its mode.
  // REQUIRES: claimed with ClaimFile; called once.
  absl::Status WriteFile(std::string_view content);

  // The path as the user gave it (folders end in '/'), for messages.
  const std::string& shown() const { return shown_; }
  // Unfinished outputs of killed runs that the claim removed.
  int removed_leftovers() const { return removed_leftovers_; }

 private:
  enum class Kind { kFolder, kFile };
  // What a file looked like when its contents were verified, so that a
  // second check hashes only what changed since.
  struct Stamp {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    ino_t ino = 0;
    static Stamp Of(const struct stat& st) {
      return {static_cast<std::uintmax_t>(st.st_size),
              st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec, st.st_ino};
    }
  };

  OutputTarget(Kind kind, std::string shown, std::filesystem::path target,
               OutputRules rules);
  static absl::StatusOr<std::unique_ptr<OutputTarget>> Claim(
      Kind kind, const std::string& path, const OutputRules& rules);
  // Checks the parent, then lstat()s the target: false when it is missing.
  absl::StatusOr<bool> StatTarget(struct stat* st);
  absl::Status ProtectedError(const struct stat& st) const;
  bool Verified(const std::string& name, const Stamp& now) const;
  absl::Status CheckFolder();
  absl::Status CheckFile();
  absl::Status CreateParents();
  absl::Status Lock();
  void RemoveLeftovers();
  absl::Status MakeStaging();
  absl::Status SpaceError(std::uintmax_t needed) const;
  absl::Status CheckSpace(std::uintmax_t needed) const;
  absl::Status SpaceOr(absl::Status s, std::uintmax_t needed) const;
  absl::Status RecordFiles(
      const std::vector<std::pair<std::string, std::string>>& entries,
      bool keep_old) const;
  // Removes staging, lock and created parents; REQUIRES: the registry lock.
  void CleanUpLocked();
  friend void RemoveOutputsForSignal();

  Kind kind_;
  std::string shown_;
  std::filesystem::path target_;  // absolute, symlinks resolved
  OutputRules rules_;
  std::vector<std::filesystem::path> created_parents_;  // outermost first
  std::filesystem::path lock_path_;
  int lock_fd_ = -1;
  std::filesystem::path staging_;
  bool committed_ = false;
  bool existed_ = false;
  mode_t old_mode_ = 0;
  std::map<std::string, Stamp> verified_;  // files checked unchanged
  int removed_leftovers_ = 0;
};

// An append-only record file inside an output folder: the journal of
// `fairmatch send` (send/journal.h), which must survive a kill with every
// record it acknowledged. Open creates the file (mode 0644) when missing;
// a final line without its newline (a kill in the middle of a write) is
// cut off, so that the next record starts a line. One writer at a time:
// the file is held with flock(2) while open, and a second Open fails at
// once with UnavailableError. Refused, as InvalidArgumentError: a path that
// is not a regular file (a folder, a link, a device, a FIFO) and a file or
// folder without a write bit.
class AppendOnlyFile {
 public:
  // Opens `path`; *contents receives its complete lines.
  static absl::StatusOr<std::unique_ptr<AppendOnlyFile>> Open(
      const std::string& path, std::string* contents);
  ~AppendOnlyFile();
  AppendOnlyFile(const AppendOnlyFile&) = delete;
  AppendOnlyFile& operator=(const AppendOnlyFile&) = delete;

  // Appends `bytes` and flushes them to disk (fsync) before returning.
  absl::Status Append(std::string_view bytes);

 private:
  AppendOnlyFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_;
};

// For a signal-handling thread of the tool: removes every live target's
// staging folder, lock file and created parents, and blocks all further
// writes of this process (it never returns the registry lock), so the tool
// can then re-raise the signal and die with nothing left behind.
void RemoveOutputsForSignal();

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_OUTPUT_POLICY_H_
