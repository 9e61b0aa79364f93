// File-system primitives the output policy is built from: errors that
// name what the user gave, sizes for messages, safe names and containment,
// hashing and reading back what fairmatch wrote, writing and flushing new
// files, removing a tree without following links, and the manifests
// (.fairmatch-output) that record which files are fairmatch's. Internal to
// engine/io (output_policy.h is the API).
#ifndef FAIRMATCH_IO_OUTPUT_FILES_H_
#define FAIRMATCH_IO_OUTPUT_FILES_H_

#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace fairmatch::output_files {

namespace fs = std::filesystem;

// "SHOWN: error: cannot WHAT: strerror", as PermissionDenied (EACCES,
// EPERM, EROFS), ResourceExhausted (ENOSPC, EDQUOT) or Unavailable.
absl::Status IoError(const std::string& shown, const std::string& what,
                     int err);

// "0.5 kB", "3.2 MB", "1.25 GB": a size for messages.
std::string FormatBytes(std::uintmax_t bytes);

// A relative path of plain components: no "", ".", "..", and no control
// characters (the manifest is one line per file).
bool SafeRelativeName(const std::string& name);

// True when `inner` is `outer` or lies below it (both absolute, normal).
bool Contains(const fs::path& outer, const fs::path& inner);

// True when `path` (whose lstat is `st`) is read-only to the user: no
// write permission bits, or access(2) refuses writing.
bool WriteProtected(const struct stat& st, const fs::path& path);

// The SHA-256 of `bytes` in lowercase hex.
std::string Sha256Hex(std::string_view bytes);

// SHA-256 of the file at `path`, or "" when it cannot be read.
std::string Sha256OfFile(const fs::path& path);

// Reads a small file fairmatch wrote (a manifest): a regular file, never
// followed through a link, of at most 64 MiB.
bool ReadSmallFile(const fs::path& path, std::string* text);

// Writes `content` to the new file `path`; with `sync`, fsyncs it.
// Errors name `shown`.
absl::Status WriteNewFile(const fs::path& path, std::string_view content,
                          bool sync, const std::string& shown,
                          mode_t mode = 0644);

// Flushes everything written below `dir` with one syncfs(2): for the
// 30,000 calendars of a large fair, one fsync per file costs about a
// minute; this costs one flush.
absl::Status SyncTree(const fs::path& dir, const std::string& shown);

// fsyncs the folder `path` itself (its entries), ignoring errors.
void SyncDir(const fs::path& path);

// Removes the folder `dir` and everything in it, never following a
// symlink (links are unlinked). The entry `last` at its top goes last, so
// an interrupted removal leaves a folder that is still recognisable.
bool RemoveTree(const fs::path& dir, const char* last);

// The names in `dir`, sorted.
std::vector<std::string> ListedNames(const fs::path& dir);

// A manifest: relative path -> accepted (sha256, size) pairs.
using Manifest =
    std::map<std::string, std::vector<std::pair<std::string, std::uintmax_t>>>;

// Parses a manifest whose first line is `header`; false if it is not one.
bool ParseManifest(const std::string& text, const char* header,
                   Manifest* manifest);

std::string ManifestLine(const std::string& sha, std::uintmax_t size,
                         const std::string& path);

}  // namespace fairmatch::output_files

#endif  // FAIRMATCH_IO_OUTPUT_FILES_H_
