#include "engine/io/output_files.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "engine/io/file_reader.h"
#include "engine/io/sha256.h"

namespace fairmatch::output_files {

absl::Status IoError(const std::string& shown, const std::string& what,
                     int err) {
  std::string message =
      absl::StrCat(shown, ": error: cannot ", what, ": ", std::strerror(err));
  if (err == EACCES || err == EPERM || err == EROFS) {
    return absl::PermissionDeniedError(message);
  }
  if (err == ENOSPC || err == EDQUOT) {
    return absl::ResourceExhaustedError(message);
  }
  return absl::UnavailableError(message);
}

std::string FormatBytes(std::uintmax_t bytes) {
  if (bytes < 1000 * 1000) {
    return absl::StrFormat("%.1f kB", static_cast<double>(bytes) / 1e3);
  }
  if (bytes < 1000ull * 1000 * 1000) {
    return absl::StrFormat("%.1f MB", static_cast<double>(bytes) / 1e6);
  }
  return absl::StrFormat("%.2f GB", static_cast<double>(bytes) / 1e9);
}

// A relative path of plain components: no "", ".", "..", and no control
// characters (the manifest is one line per file).
bool SafeRelativeName(const std::string& name) {
  if (name.empty() || name.front() == '/') return false;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  for (absl::string_view part : absl::StrSplit(name, '/')) {
    if (part.empty() || part == "." || part == "..") return false;
  }
  return true;
}

// True when `inner` is `outer` or lies below it (both absolute, normal).
bool Contains(const fs::path& outer, const fs::path& inner) {
  auto [a, b] =
      std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return a == outer.end();
}

bool WriteProtected(const struct stat& st, const fs::path& path) {
  return (st.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0;
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256 h;
  h.Update(bytes);
  return h.HexDigest();
}

// SHA-256 of the file at `path`, or "" when it cannot be read.
std::string Sha256OfFile(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return "";
  Sha256 h;
  std::string buffer(1 << 20, '\0');
  while (true) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return "";
    }
    if (n == 0) break;
    h.Update(std::string_view(buffer.data(), static_cast<size_t>(n)));
  }
  ::close(fd);
  return h.HexDigest();
}

// Reads a small file fairmatch wrote (a manifest): a regular file, never
// followed through a link, of at most 64 MiB.
bool ReadSmallFile(const fs::path& path, std::string* text) {
  constexpr size_t kCap = size_t{64} << 20;
  struct stat st;
  int error = 0;
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         ReadAtMost(path.string(), kCap + 1, text, &error) == ReadResult::kOk &&
         text->size() <= kCap;
}

// Writes `content` to the new file `path`; with `sync`, fsyncs it.
// Errors name `shown`.
absl::Status WriteNewFile(const fs::path& path, std::string_view content,
                          bool sync, const std::string& shown, mode_t mode) {
  const int fd = ::open(
      path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
  if (fd < 0) return IoError(shown, "create the file", errno);
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return IoError(shown, "write", err);
    }
    done += static_cast<size_t>(n);
  }
  if (sync && ::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    return IoError(shown, "write", err);
  }
  if (::close(fd) != 0) return IoError(shown, "write", errno);
  return absl::OkStatus();
}

// Flushes everything written below `dir` with one syncfs(2): for the
// 30,000 calendars of a large fair, one fsync per file costs about a
// minute; this costs one flush.
absl::Status SyncTree(const fs::path& dir, const std::string& shown) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return IoError(shown, "write", errno);
  const int rc = ::syncfs(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) return IoError(shown, "write", err);
  return absl::OkStatus();
}

void SyncDir(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// Removes the folder `dir` and everything in it, never following a
// symlink (links are unlinked). The entry `last` at its top goes last, so
// an interrupted removal leaves a folder that is still recognisable.
bool RemoveTree(const fs::path& dir, const char* last) {
  std::error_code ec;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    entries.push_back(it->path());
  }
  bool ok = !ec;
  for (const fs::path& p : entries) {
    if (last != nullptr && p.filename() == last) continue;
    struct stat st;
    if (::lstat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      ok = RemoveTree(p, nullptr) && ok;
    } else if (::unlink(p.c_str()) != 0 && errno != ENOENT) {
      ok = false;
    }
  }
  // Only once the rest is gone: a folder that could not be emptied keeps
  // the marker by which the next run recognises it.
  if (!ok) return false;
  if (last != nullptr && ::unlink((dir / last).c_str()) != 0 &&
      errno != ENOENT) {
    ok = false;
  }
  if (::rmdir(dir.c_str()) != 0 && errno != ENOENT) ok = false;
  return ok;
}

// The names in `dir`, sorted.
std::vector<std::string> ListedNames(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Parses a manifest whose first line is `header`; false if it is not one.
bool ParseManifest(const std::string& text, const char* header,
                   Manifest* manifest) {
  std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  if (lines.empty() || lines[0] != header) return false;
  for (size_t i = 1; i < lines.size(); ++i) {
    absl::string_view line = lines[i];
    if (line.empty() || line[0] == '#') continue;
    // "<64 hex> <size> <path>"
    const size_t a = line.find(' ');
    if (a != 64) return false;
    const size_t b = line.find(' ', a + 1);
    if (b == absl::string_view::npos) return false;
    std::uintmax_t size = 0;
    if (!absl::SimpleAtoi(line.substr(a + 1, b - a - 1), &size)) return false;
    const std::string path(line.substr(b + 1));
    if (!SafeRelativeName(path)) return false;
    (*manifest)[path].emplace_back(std::string(line.substr(0, a)), size);
  }
  return true;
}

std::string ManifestLine(const std::string& sha, std::uintmax_t size,
                         const std::string& path) {
  return absl::StrCat(sha, " ", size, " ", path, "\n");
}

}  // namespace fairmatch::output_files
