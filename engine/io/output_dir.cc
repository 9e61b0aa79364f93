#include "engine/io/output_dir.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;

absl::Status ErrnoError(const std::string& what, const std::string& path,
                        int err) {
  std::string message = absl::StrCat(path, ": error: cannot ", what, ": ",
                                     std::strerror(err));
  if (err == EACCES || err == EPERM) {
    return absl::PermissionDeniedError(message);
  }
  return absl::UnavailableError(message);
}

// A relative path of plain components: no "", ".", ".." and no NUL.
bool SafeRelativeName(const std::string& name) {
  if (name.empty() || name.front() == '/' ||
      name.find('\0') != std::string::npos) {
    return false;
  }
  for (absl::string_view part : absl::StrSplit(name, '/')) {
    if (part.empty() || part == "." || part == "..") return false;
  }
  return true;
}

// Writes `content` to `path`; with `sync`, fsyncs it before closing.
absl::Status WriteFile(const std::string& path, const std::string& content,
                       bool sync) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoError("create file", path, errno);
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return ErrnoError("write", path, err);
    }
    done += static_cast<size_t>(n);
  }
  if ((sync && ::fsync(fd) != 0) || ::close(fd) != 0) {
    return ErrnoError("write", path, errno);
  }
  return absl::OkStatus();
}

// Flushes every file and folder written below `dir` to disk with one
// syncfs(2) of its file system: for the 30,000 calendars of a large fair,
// one fsync per file costs about a minute; this costs one flush.
absl::Status SyncTree(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("open folder", dir, errno);
  const int rc = ::syncfs(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) return ErrnoError("write", dir, err);
  return absl::OkStatus();
}

void SyncDir(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

std::string TempName(const fs::path& target, const char* kind) {
  static int counter = 0;
  return (target.parent_path() /
          absl::StrCat(".", target.filename().string(), ".", kind, "-",
                       ::getpid(), "-", counter++))
      .string();
}

}  // namespace

absl::Status WriteFileAtomically(const std::string& path,
                                 const std::string& content) {
  const fs::path target = fs::absolute(fs::path(path));
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  const std::string tmp = TempName(target, "tmp");
  if (absl::Status s = WriteFile(tmp, content, /*sync=*/true); !s.ok()) {
    fs::remove(tmp, ec);
    return s;
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    int err = errno;
    fs::remove(tmp, ec);
    return ErrnoError("replace", path, err);
  }
  SyncDir(target.parent_path().string());
  return absl::OkStatus();
}

absl::Status WriteOutputDir(
    const std::string& dir,
    const std::vector<std::pair<std::string, std::string>>& files) {
  for (const auto& [name, content] : files) {
    if (!SafeRelativeName(name)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "output file name '", name, "' would leave the output folder"));
    }
  }
  std::error_code ec;
  const fs::path target = fs::absolute(fs::path(dir)).lexically_normal();
  const fs::path clean = target.filename().empty() ? target.parent_path() : target;
  if (fs::exists(clean, ec) && !fs::is_directory(clean, ec)) {
    return absl::InvalidArgumentError(
        absl::StrCat(dir, ": error: exists and is not a folder"));
  }
  fs::create_directories(clean.parent_path(), ec);
  if (ec) return ErrnoError("create folder", clean.parent_path().string(), ec.value());

  const std::string tmp = TempName(clean, "tmp");
  auto fail = [&](absl::Status s) {
    std::error_code ignored;
    fs::remove_all(tmp, ignored);
    return s;
  };
  if (!fs::create_directory(tmp, ec)) {
    return fail(ErrnoError("create folder", tmp, ec.value()));
  }
  for (const auto& [name, content] : files) {
    const fs::path path = fs::path(tmp) / name;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return fail(ErrnoError("create folder", path.parent_path().string(), ec.value()));
    if (absl::Status s = WriteFile(path.string(), content, /*sync=*/false);
        !s.ok()) {
      return fail(s);
    }
  }
  // Everything is on disk before the swap, so a crash after it never shows
  // a folder with missing or partial files.
  if (absl::Status s = SyncTree(tmp); !s.ok()) return fail(s);

  if (!fs::exists(clean, ec)) {
    if (::rename(tmp.c_str(), clean.c_str()) != 0) {
      return fail(ErrnoError("move into place", clean.string(), errno));
    }
  } else if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, clean.c_str(),
                         RENAME_EXCHANGE) != 0) {
    // No atomic exchange on this file system: move the old folder aside
    // first; it stays intact until the new one is in place.
    const std::string old = TempName(clean, "old");
    if (::rename(clean.c_str(), old.c_str()) != 0) {
      return fail(ErrnoError("move aside", clean.string(), errno));
    }
    if (::rename(tmp.c_str(), clean.c_str()) != 0) {
      int err = errno;
      ::rename(old.c_str(), clean.c_str());
      return fail(ErrnoError("move into place", clean.string(), err));
    }
    fs::remove_all(old, ec);
  }
  // After the exchange `tmp` holds the previous folder.
  fs::remove_all(tmp, ec);
  SyncDir(clean.parent_path().string());
  return absl::OkStatus();
}

}  // namespace fairmatch
