#include "engine/io/output_policy.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <set>
#include <system_error>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "engine/io/file_reader.h"
#include "engine/io/output_files.h"
#include "engine/io/sha256.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;

constexpr char kStagingTag[] = ".fairmatch-tmp-";
constexpr char kLockTag[] = ".fairmatch-lock";
constexpr char kOutputHeader[] = "fairmatch output 1";
constexpr char kStagingHeader[] = "fairmatch staging 1";
constexpr char kFilesHeader[] = "fairmatch files 1";

// Every live target, so that a signal can clean them all up. Each step that
// changes the file system holds `mu`; RemoveOutputsForSignal takes it and
// never gives it back, so no write can follow the cleanup. Leaked on
// purpose: a signal may arrive while static destructors run.
struct Registry {
  std::mutex mu;
  std::set<OutputTarget*> targets;
};
Registry& TheRegistry() {
  static Registry* registry = new Registry;
  return *registry;
}

using output_files::Contains;
using output_files::FormatBytes;
using output_files::IoError;
using output_files::ListedNames;
using output_files::Manifest;
using output_files::ManifestLine;
using output_files::ParseManifest;
using output_files::ReadSmallFile;
using output_files::RemoveTree;
using output_files::SafeRelativeName;
using output_files::Sha256Hex;
using output_files::Sha256OfFile;
using output_files::SyncDir;
using output_files::SyncTree;
using output_files::WriteNewFile;
using output_files::WriteProtected;

std::atomic<int> staging_counter{0};

}  // namespace

OutputTarget::OutputTarget(Kind kind, std::string shown, fs::path target,
                           OutputRules rules)
    : kind_(kind),
      shown_(std::move(shown)),
      target_(std::move(target)),
      rules_(std::move(rules)) {
  std::lock_guard<std::mutex> lock(TheRegistry().mu);
  TheRegistry().targets.insert(this);
}

OutputTarget::~OutputTarget() {
  std::lock_guard<std::mutex> lock(TheRegistry().mu);
  CleanUpLocked();
  TheRegistry().targets.erase(this);
}

bool OutputTarget::Verified(const std::string& name, const Stamp& now) const {
  auto seen = verified_.find(name);
  return seen != verified_.end() && seen->second.size == now.size &&
         seen->second.mtime_ns == now.mtime_ns && seen->second.ino == now.ino;
}

void OutputTarget::CleanUpLocked() {
  if (!staging_.empty()) {
    RemoveTree(staging_, kOutputMarker);
    staging_.clear();
  }
  if (lock_fd_ >= 0) {
    // Unlinked while still held, so a waiting run that opened it notices
    // (its inode no longer matches the path) and retries.
    ::unlink(lock_path_.c_str());
    ::close(lock_fd_);
    lock_fd_ = -1;
  }
  if (!committed_) {
    for (auto it = created_parents_.rbegin(); it != created_parents_.rend();
         ++it) {
      ::rmdir(it->c_str());  // only if still empty
    }
    created_parents_.clear();
  }
}

void RemoveOutputsForSignal() {
  Registry& registry = TheRegistry();
  registry.mu.lock();  // never unlocked: no write may follow
  for (OutputTarget* target : registry.targets) target->CleanUpLocked();
}

absl::StatusOr<std::unique_ptr<OutputTarget>> OutputTarget::ClaimFolder(
    const std::string& path, const OutputRules& rules) {
  return Claim(Kind::kFolder, path, rules);
}

absl::StatusOr<std::unique_ptr<OutputTarget>> OutputTarget::ClaimFile(
    const std::string& path, const OutputRules& rules) {
  return Claim(Kind::kFile, path, rules);
}

absl::StatusOr<std::unique_ptr<OutputTarget>> OutputTarget::Claim(
    Kind kind, const std::string& path, const OutputRules& rules) {
  if (path.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(rules.option,
                     ": error: the path is empty, so nothing would be "
                     "written; name a ",
                     kind == Kind::kFolder ? "folder" : "file"));
  }
  std::string shown = path;
  if (kind == Kind::kFolder && shown.back() != '/') shown += '/';
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) return IoError(shown, "find the current folder", ec.value());
  abs = abs.lexically_normal();
  if (!abs.has_filename() && abs != abs.root_path()) abs = abs.parent_path();
  if (abs == abs.root_path()) {
    return absl::InvalidArgumentError(
        absl::StrCat("error: ", shown,
                     " is the root folder; choose a folder "
                     "of its own for fairmatch's output"));
  }
  fs::path target;
  struct stat st;
  if (::lstat(abs.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    // Judged and written as what it points to.
    target = fs::canonical(abs, ec);
    if (ec) {
      return absl::InvalidArgumentError(absl::StrCat(
          "error: ", shown, " is a symbolic link to '",
          fs::read_symlink(abs, ec).string(),
          "', which does not exist; fairmatch writes through a link only "
          "to a place that exists"));
    }
  } else {
    // The folders above it with their links resolved, so that inputs and
    // outputs are compared as the file system sees them.
    target = fs::weakly_canonical(abs, ec);
    if (ec) target = abs;
  }
  for (const OutputInput& input : rules.inputs) {
    if (input.path.empty()) continue;
    fs::path in = fs::weakly_canonical(fs::absolute(input.path, ec), ec);
    if (ec) continue;
    if (!in.has_filename()) in = in.parent_path();
    if (!Contains(target, in)) continue;
    const std::string which = input.path == path
                                  ? input.role
                                  : absl::StrCat(input.role, " ", input.path);
    if (kind == Kind::kFile || target == in) {
      return absl::InvalidArgumentError(absl::StrCat(
          "error: ", shown, " is an input of this run (", which,
          "); fairmatch never writes over its inputs: choose another ",
          rules.option));
    }
    // A folder that holds an input: suggest a new folder inside the
    // input's folder, which is always allowed.
    std::error_code dir_ec;
    const bool input_is_folder = fs::is_directory(in, dir_ec);
    return absl::InvalidArgumentError(absl::StrCat(
        "error: ", shown, " holds an input of this run (", which,
        "); fairmatch never replaces a folder its inputs are in: choose "
        "another folder",
        input_is_folder
            ? absl::StrCat(", e.g. ", (fs::path(input.path) / "out").string())
            : ""));
  }
  std::unique_ptr<OutputTarget> out(
      new OutputTarget(kind, shown, target, rules));
  // Checked before anything is touched, again once the lock is held (a
  // concurrent writer may have swapped in a new folder meanwhile).
  absl::Status s =
      kind == Kind::kFolder ? out->CheckFolder() : out->CheckFile();
  if (!s.ok()) return s;
  if (s = out->CreateParents(); !s.ok()) return s;
  if (s = out->Lock(); !s.ok()) return s;
  out->RemoveLeftovers();
  s = kind == Kind::kFolder ? out->CheckFolder() : out->CheckFile();
  if (!s.ok()) return s;
  return out;
}

// The parent of the output: exists (or will be created), is a folder and
// is not write-protected.
static absl::Status CheckParent(const fs::path& target,
                                const std::string& shown) {
  fs::path parent = target.parent_path();
  struct stat st;
  while (::lstat(parent.c_str(), &st) != 0) {
    if (errno != ENOENT) return IoError(shown, "reach its folder", errno);
    if (parent == parent.root_path()) return absl::OkStatus();
    parent = parent.parent_path();
  }
  if (!S_ISDIR(st.st_mode)) {
    return absl::InvalidArgumentError(
        absl::StrCat("error: ", shown, " cannot be created: ", parent.string(),
                     " is not a folder"));
  }
  if (parent == target.parent_path() && WriteProtected(st, parent)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "error: the folder that holds ", shown, " (", parent.string(),
        "/) is write-protected; fairmatch never writes where you protected "
        "it: make it writable or choose another place"));
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> OutputTarget::StatTarget(struct stat* st) {
  if (absl::Status s = CheckParent(target_, shown_); !s.ok()) return s;
  existed_ = ::lstat(target_.c_str(), st) == 0;
  if (!existed_ && errno != ENOENT) return IoError(shown_, "read it", errno);
  return existed_;
}

absl::Status OutputTarget::ProtectedError(const struct stat& st) const {
  return absl::InvalidArgumentError(absl::StrFormat(
      "error: %s is write-protected (mode %04o); fairmatch never replaces "
      "what you protected: make it writable or choose another %s",
      shown_, st.st_mode & 07777, rules_.option));
}

absl::Status OutputTarget::CheckFolder() {
  struct stat st;
  absl::StatusOr<bool> exists = StatTarget(&st);
  if (!exists.ok() || !*exists) return exists.status();
  if (!S_ISDIR(st.st_mode)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "error: ", absl::StripSuffix(shown_, "/"),
        " exists and is not a folder; choose another ", rules_.option));
  }
  if (WriteProtected(st, target_)) return ProtectedError(st);
  Manifest manifest;
  std::string text;
  const bool marked = ReadSmallFile(target_ / kOutputMarker, &text) &&
                      ParseManifest(text, kOutputHeader, &manifest);
  // Every file and folder below, with its reason to be refused, if any.
  std::vector<std::string> foreign;
  std::set<std::string> folders_in_manifest;
  for (const auto& [name, versions] : manifest) {
    for (size_t slash = name.find('/'); slash != std::string::npos;
         slash = name.find('/', slash + 1)) {
      folders_in_manifest.insert(name.substr(0, slash));
    }
  }
  std::error_code ec;
  fs::recursive_directory_iterator it(target_, ec), end;
  if (ec) return IoError(shown_, "read the folder", ec.value());
  bool empty = true;
  for (; it != end; it.increment(ec)) {
    if (ec) return IoError(shown_, "read the folder", ec.value());
    empty = false;
    const std::string rel =
        it->path().lexically_relative(target_).generic_string();
    struct stat est;
    if (::lstat(it->path().c_str(), &est) != 0) {
      foreign.push_back(rel);
      continue;
    }
    if (!marked) {
      foreign.push_back(S_ISDIR(est.st_mode) ? rel + "/" : rel);
      it.disable_recursion_pending();
      continue;
    }
    if (rel == kOutputMarker && S_ISREG(est.st_mode)) continue;
    if (S_ISDIR(est.st_mode)) {
      if (!folders_in_manifest.count(rel)) {
        foreign.push_back(rel + "/");
        it.disable_recursion_pending();
      } else if (WriteProtected(est, it->path())) {
        foreign.push_back(rel + "/ (write-protected)");
        it.disable_recursion_pending();
      }
      continue;
    }
    auto m = manifest.find(rel);
    if (!S_ISREG(est.st_mode) || m == manifest.end()) {
      foreign.push_back(S_ISLNK(est.st_mode) ? rel + " (a symbolic link)"
                                             : rel);
      continue;
    }
    if (WriteProtected(est, it->path())) {
      foreign.push_back(rel + " (write-protected)");
      continue;
    }
    const Stamp stamp = Stamp::Of(est);
    if (Verified(rel, stamp)) continue;
    std::string actual;  // hashed at most once, and only if a size matches
    bool same = false;
    for (const auto& [sha, size] : m->second) {
      if (size != stamp.size) continue;
      if (actual.empty()) actual = Sha256OfFile(it->path());
      same = same || actual == sha;
    }
    if (!same) {
      foreign.push_back(rel + " (changed since fairmatch wrote it)");
      continue;
    }
    verified_[rel] = stamp;
  }
  if (!marked && empty) return absl::OkStatus();
  if (foreign.empty()) return absl::OkStatus();
  if (!marked) std::sort(foreign.begin(), foreign.end());
  constexpr size_t kShown = 3;
  std::vector<std::string> named(
      foreign.begin(), foreign.begin() + std::min(kShown, foreign.size()));
  if (foreign.size() > kShown) named.push_back("...");
  return absl::InvalidArgumentError(absl::StrCat(
      "error: ", shown_, " is not a fairmatch output folder (it holds ",
      absl::StrJoin(named, ", "),
      "): choose another folder or empty this one"));
}

absl::Status OutputTarget::CheckFile() {
  struct stat st;
  absl::StatusOr<bool> exists = StatTarget(&st);
  if (!exists.ok() || !*exists) return exists.status();
  const char* kind = nullptr;
  if (S_ISDIR(st.st_mode)) kind = "a folder";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) kind = "a device";
  if (S_ISFIFO(st.st_mode)) kind = "a FIFO (named pipe)";
  if (S_ISSOCK(st.st_mode)) kind = "a socket";
  if (kind != nullptr || !S_ISREG(st.st_mode)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "error: ", shown_, " is ", kind != nullptr ? kind : "not a file",
        "; fairmatch writes only regular files: choose another ",
        rules_.option));
  }
  if (WriteProtected(st, target_)) return ProtectedError(st);
  old_mode_ = st.st_mode & 07777;
  if (rules_.force) return absl::OkStatus();
  const Stamp stamp = Stamp::Of(st);
  const std::string name = target_.filename().string();
  if (Verified(name, stamp)) return absl::OkStatus();
  Manifest manifest;
  std::string text;
  bool ours = false;
  if (ReadSmallFile(target_.parent_path() / kFilesManifest, &text) &&
      ParseManifest(text, kFilesHeader, &manifest)) {
    auto m = manifest.find(name);
    if (m != manifest.end()) {
      const std::string sha = Sha256OfFile(target_);
      for (const auto& [want, size] : m->second) {
        if (size == stamp.size && sha == want) ours = true;
      }
    }
  }
  if (!ours) {
    return absl::InvalidArgumentError(absl::StrCat(
        "error: ", shown_,
        " exists and was not written by fairmatch (or was "
        "changed since): pass --force to replace it, or choose another ",
        rules_.option));
  }
  verified_[name] = stamp;
  return absl::OkStatus();
}

absl::Status OutputTarget::CreateParents() {
  std::vector<fs::path> missing;
  for (fs::path p = target_.parent_path(); p != p.root_path();
       p = p.parent_path()) {
    struct stat st;
    if (::lstat(p.c_str(), &st) == 0) break;
    missing.push_back(p);
  }
  std::lock_guard<std::mutex> lock(TheRegistry().mu);
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0755) != 0) {
      if (errno == EEXIST) continue;
      return IoError(shown_, absl::StrCat("create the folder ", it->string()),
                     errno);
    }
    created_parents_.push_back(*it);
  }
  return absl::OkStatus();
}

absl::Status OutputTarget::Lock() {
  lock_path_ = target_.parent_path() /
               absl::StrCat(".", target_.filename().string(), kLockTag);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::lock_guard<std::mutex> lock(TheRegistry().mu);
    const int fd = ::open(lock_path_.c_str(),
                          O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return IoError(shown_, "take the lock beside it", errno);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int err = errno;
      char pid[32] = {0};
      const ssize_t n = ::pread(fd, pid, sizeof pid - 1, 0);
      ::close(fd);
      if (err != EWOULDBLOCK) return IoError(shown_, "take the lock", err);
      std::string holder(pid, n > 0 ? static_cast<size_t>(n) : 0);
      holder = std::string(absl::StripAsciiWhitespace(holder));
      return absl::UnavailableError(absl::StrCat(
          "error: ", shown_, " is being written by fairmatch",
          holder.empty() ? "" : absl::StrCat(" (pid ", holder, ")"),
          "; wait for it to finish and run again"));
    }
    // A holder that finished unlinks the file before it closes it: if our
    // inode is no longer at the path, that file is gone; start over.
    struct stat by_fd, by_path;
    if (::fstat(fd, &by_fd) != 0 ||
        ::lstat(lock_path_.c_str(), &by_path) != 0 ||
        by_fd.st_ino != by_path.st_ino || by_fd.st_dev != by_path.st_dev) {
      ::close(fd);
      continue;
    }
    const std::string pid = absl::StrCat(::getpid(), "\n");
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) !=
                                       static_cast<ssize_t>(pid.size())) {
      // The pid is only for the message; the flock is the lock.
    }
    lock_fd_ = fd;
    return absl::OkStatus();
  }
  return absl::UnavailableError(
      absl::StrCat("error: ", shown_, " is being written by fairmatch"));
}

// Staging folders of this output left by a killed run: hidden, named
// ".NAME.fairmatch-tmp-*", and either empty (killed before its marker was
// written) or marked by fairmatch. We hold the lock, so no live run owns
// them.
void OutputTarget::RemoveLeftovers() {
  const std::string prefix =
      absl::StrCat(".", target_.filename().string(), kStagingTag);
  std::error_code ec;
  std::vector<fs::path> found;
  for (fs::directory_iterator it(target_.parent_path(), ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind(prefix, 0) == 0) {
      found.push_back(it->path());
    }
  }
  std::lock_guard<std::mutex> lock(TheRegistry().mu);
  for (const fs::path& p : found) {
    struct stat st;
    if (::lstat(p.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    if (::rmdir(p.c_str()) == 0) {
      ++removed_leftovers_;
      continue;
    }
    std::string text;
    if (!ReadSmallFile(p / kOutputMarker, &text)) continue;
    const std::string_view first =
        std::string_view(text).substr(0, text.find('\n'));
    // Killed while writing the marker itself: a start of its first line,
    // and nothing else in the folder yet.
    const bool cut_short =
        text.size() <= sizeof kStagingHeader &&
        std::string_view(kStagingHeader).substr(0, text.size()) == text &&
        ListedNames(p) == std::vector<std::string>{kOutputMarker};
    if (first != kStagingHeader && first != kOutputHeader && !cut_short) {
      continue;
    }
    if (RemoveTree(p, kOutputMarker)) ++removed_leftovers_;
  }
}

absl::Status OutputTarget::MakeStaging() {
  const fs::path staging =
      target_.parent_path() / absl::StrCat(".", target_.filename().string(),
                                           kStagingTag, ::getpid(), "-",
                                           staging_counter++);
  std::lock_guard<std::mutex> lock(TheRegistry().mu);
  if (::mkdir(staging.c_str(), 0755) != 0) {
    return IoError(shown_, "write beside it", errno);
  }
  staging_ = staging;
  return WriteNewFile(
      staging_ / kOutputMarker,
      absl::StrCat(kStagingHeader,
                   "\n# An unfinished output of fairmatch (pid ", ::getpid(),
                   ") for ", target_.filename().string(),
                   "; the next run into it removes this folder.\n"),
      /*sync=*/false, shown_);
}

absl::Status OutputTarget::SpaceError(std::uintmax_t needed) const {
  struct statvfs vfs;
  std::string free_text;
  if (::statvfs(target_.parent_path().c_str(), &vfs) == 0) {
    free_text = absl::StrCat(
        ", and ",
        FormatBytes(static_cast<std::uintmax_t>(vfs.f_bavail) * vfs.f_frsize),
        " is free there");
  }
  return absl::ResourceExhaustedError(absl::StrCat(
      "error: not enough space to write ", shown_, ": this run needs about ",
      FormatBytes(needed), free_text, "; ",
      existed_ ? "the last output is unchanged" : "nothing was written",
      " (free some space, or choose a place on another disk)"));
}

// A full disk (ENOSPC, EDQUOT: ResourceExhausted) becomes the message that
// says how much the run needs; other failures stay as they are.
absl::Status OutputTarget::SpaceOr(absl::Status s,
                                   std::uintmax_t needed) const {
  if (s.code() == absl::StatusCode::kResourceExhausted)
    return SpaceError(needed);
  return s;
}

absl::Status OutputTarget::CheckSpace(std::uintmax_t needed) const {
  struct statvfs vfs;
  if (::statvfs(target_.parent_path().c_str(), &vfs) == 0 &&
      static_cast<std::uintmax_t>(vfs.f_bavail) * vfs.f_frsize < needed) {
    return SpaceError(needed);
  }
  return absl::OkStatus();
}

absl::Status OutputTarget::WriteFolder(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::set<std::string> names;
  std::uintmax_t needed = 2 * 4096;
  for (const auto& [name, content] : files) {
    if (!SafeRelativeName(name) || name == kOutputMarker ||
        !names.insert(name).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          "output file name '", name, "' would leave the output folder"));
    }
    needed += (content.size() + 4095) / 4096 * 4096 + 4096;
  }
  for (const std::string& name : names) {
    // A name that is also a folder of another ("x" and "x/y").
    auto next = names.upper_bound(name);
    if (next != names.end() && next->rfind(name + "/", 0) == 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "output file name '", name, "' is also a folder of '", *next, "'"));
    }
  }
  if (absl::Status s = CheckSpace(needed); !s.ok()) return s;
  auto fail = [&](absl::Status s) { return SpaceOr(std::move(s), needed); };
  if (absl::Status s = MakeStaging(); !s.ok()) return fail(s);
  std::string manifest = absl::StrCat(
      kOutputHeader,
      "\n# fairmatch wrote this folder and replaces it as a whole only while "
      "it holds\n# nothing but the files below, unchanged. Anything you add "
      "or change here\n# makes fairmatch refuse to replace it "
      "(docs/outputs.md).\n");
  std::vector<const std::pair<std::string, std::string>*> sorted;
  for (const auto& file : files) sorted.push_back(&file);
  std::sort(sorted.begin(), sorted.end(),
            [](auto* a, auto* b) { return a->first < b->first; });
  for (const auto* file : sorted) {
    absl::StrAppend(&manifest, ManifestLine(Sha256Hex(file->second),
                                            file->second.size(), file->first));
  }
  std::set<fs::path> made;
  for (const auto& [name, content] : files) {
    std::lock_guard<std::mutex> lock(TheRegistry().mu);
    const fs::path path = staging_ / name;
    const std::string shown_path = absl::StrCat(shown_, name);
    // Its folders, outermost first, each made once.
    std::vector<fs::path> folders;
    for (fs::path d = fs::path(name).parent_path();
         !d.empty() && !made.count(d); d = d.parent_path()) {
      folders.push_back(d);
    }
    for (auto it = folders.rbegin(); it != folders.rend(); ++it) {
      if (::mkdir((staging_ / *it).c_str(), 0755) != 0 && errno != EEXIST) {
        return fail(IoError(absl::StrCat(shown_, it->string(), "/"),
                            "create the folder", errno));
      }
      made.insert(*it);
    }
    if (absl::Status s = WriteNewFile(path, content, false, shown_path);
        !s.ok()) {
      return fail(s);
    }
  }
  {
    std::lock_guard<std::mutex> lock(TheRegistry().mu);
    const fs::path tmp = staging_ / (std::string(kOutputMarker) + ".new");
    if (absl::Status s = WriteNewFile(tmp, manifest, false, shown_); !s.ok()) {
      return fail(s);
    }
    if (::rename(tmp.c_str(), (staging_ / kOutputMarker).c_str()) != 0) {
      return fail(IoError(shown_, "write", errno));
    }
  }
  // Everything is on disk before the swap, so a crash after it never shows
  // a folder with missing or partial files.
  if (absl::Status s = SyncTree(staging_, shown_); !s.ok()) return fail(s);
  // The user may have put something into the folder while we planned.
  if (absl::Status s = CheckFolder(); !s.ok()) return s;

  std::lock_guard<std::mutex> lock(TheRegistry().mu);
  if (!existed_) {
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(),
                    RENAME_NOREPLACE) != 0) {
      return fail(IoError(shown_, "move the new output into place", errno));
    }
    staging_.clear();
  } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(),
                         RENAME_EXCHANGE) != 0) {
    // No atomic exchange on this file system: move the old folder aside
    // (as a marked staging folder, so a crash leaves recognisable
    // leftovers), then the new one into place.
    const fs::path old =
        target_.parent_path() / absl::StrCat(".", target_.filename().string(),
                                             kStagingTag, ::getpid(), "-",
                                             staging_counter++);
    if (::rename(target_.c_str(), old.c_str()) != 0) {
      return fail(IoError(shown_, "move the old output aside", errno));
    }
    if (::rename(staging_.c_str(), target_.c_str()) != 0) {
      const int err = errno;
      ::rename(old.c_str(), target_.c_str());
      return fail(IoError(shown_, "move the new output into place", err));
    }
    staging_ = old;
  }
  // After the exchange `staging_` holds the previous output.
  committed_ = true;
  if (!staging_.empty()) {
    const fs::path old = staging_;
    if (!RemoveTree(old, kOutputMarker)) {
      return absl::UnavailableError(absl::StrCat(
          "error: ", shown_,
          " now holds the new output, but the previous one "
          "could not be removed from ",
          old.string(), "; the next run into ", shown_, " removes it"));
    }
    staging_.clear();
  }
  SyncDir(target_.parent_path());
  return absl::OkStatus();
}

// Records `entries` ((name, content) of files in the target's folder) in
// that folder's `.fairmatch-files`; with `keep_old`, earlier versions of
// the same names stay accepted (for the moment between recording and
// renaming). Entries of files that no longer exist are dropped.
absl::Status OutputTarget::RecordFiles(
    const std::vector<std::pair<std::string, std::string>>& entries,
    bool keep_old) const {
  const fs::path dir = target_.parent_path();
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) return IoError(shown_, "record it", errno);
  ::flock(dir_fd, LOCK_EX);  // serialises updates of the manifest
  Manifest manifest;
  std::string text;
  if (ReadSmallFile(dir / kFilesManifest, &text)) {
    ParseManifest(text, kFilesHeader, &manifest);
  }
  for (const auto& [name, content] : entries) {
    auto& versions = manifest[name];
    if (!keep_old) versions.clear();
    versions.emplace_back(Sha256Hex(content), content.size());
  }
  std::string out = absl::StrCat(
      kFilesHeader,
      "\n# Files in this folder that fairmatch wrote; it replaces one only "
      "while it is\n# unchanged (or with --force). docs/outputs.md\n");
  for (const auto& [name, versions] : manifest) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(dir / name, ec))) {
      bool pending = false;
      for (const auto& e : entries) pending = pending || e.first == name;
      if (!pending) continue;
    }
    for (const auto& [sha, size] : versions) {
      absl::StrAppend(&out, ManifestLine(sha, size, name));
    }
  }
  const fs::path tmp = staging_ / kFilesManifest;
  ::unlink(tmp.c_str());
  absl::Status s = WriteNewFile(tmp, out, true, shown_);
  if (s.ok() && ::rename(tmp.c_str(), (dir / kFilesManifest).c_str()) != 0) {
    s = IoError(shown_, "record it", errno);
  }
  ::close(dir_fd);
  return s;
}

absl::Status OutputTarget::WriteFile(std::string_view content) {
  const std::uintmax_t needed = (content.size() + 4095) / 4096 * 4096 + 16384;
  if (absl::Status s = CheckFile(); !s.ok()) return s;
  if (absl::Status s = CheckSpace(needed); !s.ok()) return s;
  auto fail = [&](absl::Status s) { return SpaceOr(std::move(s), needed); };
  if (absl::Status s = MakeStaging(); !s.ok()) return fail(s);
  const std::string name = target_.filename().string();
  const fs::path tmp = staging_ / name;
  {
    std::lock_guard<std::mutex> lock(TheRegistry().mu);
    if (absl::Status s = WriteNewFile(tmp, content, true, shown_,
                                      existed_ ? old_mode_ : 0644);
        !s.ok()) {
      return fail(s);
    }
    if (existed_) ::chmod(tmp.c_str(), old_mode_);  // despite the umask
  }
  const std::vector<std::pair<std::string, std::string>> entry = {
      {name, std::string(content)}};
  if (absl::Status s = RecordFiles(entry, /*keep_old=*/true); !s.ok()) {
    return fail(s);
  }
  {
    std::lock_guard<std::mutex> lock(TheRegistry().mu);
    if (::rename(tmp.c_str(), target_.c_str()) != 0) {
      return fail(IoError(shown_, "replace", errno));
    }
    committed_ = true;
  }
  SyncDir(target_.parent_path());
  // Only the new version is fairmatch's from now on.
  return RecordFiles(entry, /*keep_old=*/false);
}

absl::Status OutputTarget::WriteNewFiles(
    const std::string& dir,
    const std::vector<std::pair<std::string, std::string>>& files,
    const OutputRules& rules) {
  std::vector<std::unique_ptr<OutputTarget>> claims;
  // Released last to first, so the claim that created the folder removes
  // it only after the others removed their staging folders from it.
  struct ReleaseInReverse {
    std::vector<std::unique_ptr<OutputTarget>>& claims;
    ~ReleaseInReverse() {
      while (!claims.empty()) claims.pop_back();
    }
  } release{claims};
  std::vector<std::string> clashes;
  for (const auto& [name, content] : files) {
    if (!SafeRelativeName(name) || name.find('/') != std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("file name '", name, "' would leave the folder"));
    }
    const std::string path =
        dir.empty() ? name : (fs::path(dir) / name).string();
    struct stat st;
    if (::lstat(path.c_str(), &st) == 0) {
      clashes.push_back(path);
      continue;
    }
    OutputRules file_rules = rules;
    file_rules.force = false;
    absl::StatusOr<std::unique_ptr<OutputTarget>> claim =
        Claim(Kind::kFile, path, file_rules);
    if (!claim.ok()) return claim.status();
    claims.push_back(*std::move(claim));
  }
  if (!clashes.empty()) {
    std::string message;
    for (const std::string& path : clashes) {
      absl::StrAppend(&message, message.empty() ? "" : "\n", path,
                      ": error: already exists; fairmatch never overwrites "
                      "it here");
    }
    return absl::InvalidArgumentError(message);
  }
  // Each file goes in with RENAME_NOREPLACE; on any failure the ones
  // already placed are removed again (they are new, so nothing is lost).
  std::vector<fs::path> placed;
  auto undo = [&](absl::Status s) {
    for (const fs::path& p : placed) ::unlink(p.c_str());
    return s;
  };
  std::vector<std::pair<std::string, std::string>> record;
  for (size_t i = 0; i < claims.size(); ++i) {
    OutputTarget& t = *claims[i];
    if (absl::Status s = t.MakeStaging(); !s.ok()) return undo(s);
    const fs::path tmp = t.staging_ / t.target_.filename();
    std::lock_guard<std::mutex> lock(TheRegistry().mu);
    if (absl::Status s = WriteNewFile(tmp, files[i].second, true, t.shown_);
        !s.ok()) {
      return undo(s);
    }
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, t.target_.c_str(),
                    RENAME_NOREPLACE) != 0) {
      return undo(IoError(t.shown_, "create", errno));
    }
    placed.push_back(t.target_);
    record.emplace_back(t.target_.filename().string(), files[i].second);
  }
  if (!claims.empty()) {
    if (absl::Status s = claims.back()->RecordFiles(record, false); !s.ok()) {
      return undo(s);
    }
  }
  for (auto& claim : claims) claim->committed_ = true;
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<AppendOnlyFile>> AppendOnlyFile::Open(
    const std::string& path, std::string* contents) {
  auto io_error = [&](const char* what) {
    return absl::UnavailableError(
        absl::StrCat("cannot ", what, " ", path, ": ", std::strerror(errno)));
  };
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) {
      return absl::InvalidArgumentError(
          absl::StrCat("error: ", path, " is not a regular file"));
    }
    if ((st.st_mode & 0222) == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("error: ", path, " is write-protected (mode ",
                       absl::StrFormat("%04o", st.st_mode & 07777), ")"));
    }
  }
  const std::string dir = std::filesystem::path(path).parent_path().string();
  struct stat dst;
  if (::stat(dir.empty() ? "." : dir.c_str(), &dst) == 0 &&
      (dst.st_mode & 0222) == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("error: ", dir, "/ is write-protected"));
  }
  const int fd = ::open(
      path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return io_error("open");
  std::unique_ptr<AppendOnlyFile> file(new AppendOnlyFile(path, fd));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    return absl::UnavailableError(
        absl::StrCat("error: ", path,
                     " is in use by another fairmatch run; wait for it "
                     "to finish and run again"));
  }
  std::string text;
  char buf[65536];
  for (off_t at = 0;;) {
    const ssize_t n = ::pread(fd, buf, sizeof buf, at);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return io_error("read");
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
    at += n;
  }
  const size_t complete = text.rfind('\n');
  const size_t keep = complete == std::string::npos ? 0 : complete + 1;
  if (keep != text.size()) {
    if (::ftruncate(fd, static_cast<off_t>(keep)) != 0 || ::fsync(fd) != 0) {
      return io_error("repair");
    }
    text.resize(keep);
  }
  *contents = std::move(text);
  return file;
}

AppendOnlyFile::~AppendOnlyFile() { ::close(fd_); }

absl::Status AppendOnlyFile::Append(std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return absl::UnavailableError(
          absl::StrCat("cannot write ", path_, ": ", std::strerror(errno)));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd_) != 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot flush ", path_, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

}  // namespace fairmatch
