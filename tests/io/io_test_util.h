// Helpers shared by the tests in tests/io/: folder snapshots and a minimal
// valid fair to break one piece at a time. TempDir lives in
// tests/fixtures/temp_dir.h (included here for the tests that use both).
#ifndef FAIRMATCH_TESTS_IO_IO_TEST_UTIL_H_
#define FAIRMATCH_TESTS_IO_IO_TEST_UTIL_H_

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include "tests/fixtures/temp_dir.h"

namespace fairmatch::testing {

inline std::string IoDataDir() {
  return std::string(FAIRMATCH_SOURCE_DIR) + "/tests/data/io";
}

// Every entry below `dir`, hidden ones included and links not followed,
// keyed by relative path: its mode, then a file's bytes or a link's target.
// Two snapshots are equal when nothing below `dir` changed.
inline std::map<std::string, std::string> SnapshotTree(
    const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::map<std::string, std::string> entries;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    struct stat st;
    if (::lstat(it->path().c_str(), &st) != 0) continue;
    std::string what = std::to_string(st.st_mode) + ":";
    if (S_ISREG(st.st_mode)) {
      std::ifstream in(it->path(), std::ios::binary);
      what.append(std::istreambuf_iterator<char>(in),
                  std::istreambuf_iterator<char>());
    }
    if (S_ISLNK(st.st_mode)) what += fs::read_symlink(it->path(), ec).string();
    entries[fs::relative(it->path(), dir).string()] = what;
  }
  return entries;
}

// The names in `dir` (not below it), hidden ones included.
inline std::set<std::string> ListFolder(const std::filesystem::path& dir) {
  std::set<std::string> names;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    names.insert(it->path().filename().string());
  }
  return names;
}

inline constexpr char kMinimalEvent[] =
    "name: Test Fair\n"
    "date: 2027-03-04\n"
    "timezone: UTC\n"
    "slots:\n"
    "  start: \"10:00\"\n"
    "  end: \"11:00\"\n"
    "  length: 15\n"
    "values:\n"
    "  - {id: impact, label: Making a difference}\n"
    "  - {id: sustainability, label: Sustainability}\n";

inline constexpr char kMinimalEmployers[] =
    "employers:\n"
    "  - id: acme\n"
    "    name: Acme\n"
    "  - id: globex\n"
    "    name: Globex\n";

inline constexpr char kMinimalAttendees[] =
    "attendees:\n"
    "  - id: a1\n"
    "    name: Ada\n";

// Writes a minimal valid fair (4 slots, 2 values, 2 employers, 1 attendee)
// into `dir`, without config.yaml.
inline void WriteMinimalFair(const TempDir& dir) {
  dir.Write("event.yaml", kMinimalEvent);
  dir.Write("employers.yaml", kMinimalEmployers);
  dir.Write("attendees.yaml", kMinimalAttendees);
}

}  // namespace fairmatch::testing

#endif  // FAIRMATCH_TESTS_IO_IO_TEST_UTIL_H_
