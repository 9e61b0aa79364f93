// Helpers shared by the tests in tests/io/: a temporary fair folder and a
// minimal valid fair to break one piece at a time.
#ifndef FAIRMATCH_TESTS_IO_IO_TEST_UTIL_H_
#define FAIRMATCH_TESTS_IO_IO_TEST_UTIL_H_

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>

namespace fairmatch::testing {

inline std::string IoDataDir() {
  return std::string(FAIRMATCH_SOURCE_DIR) + "/tests/data/io";
}

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("fairmatch_io_test_" + std::to_string(::getpid()) + "_" +
              std::to_string(counter++)))
                .string();
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // The path of `name` inside the directory, as the loader prints it.
  std::string File(const std::string& name) const {
    return (std::filesystem::path(path_) / name).string();
  }
  // Writes `content` byte for byte to `name`; returns its path.
  std::string Write(const std::string& name, const std::string& content) const {
    std::string path = File(name);
    std::ofstream out(path, std::ios::binary);
    out << content;
    return path;
  }
  // The bytes of `name`, or "" when it cannot be read.
  std::string Read(const std::string& name) const {
    std::ifstream in(File(name), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in),
                       std::istreambuf_iterator<char>());
  }
  void Remove(const std::string& name) const {
    std::filesystem::remove(File(name));
  }

 private:
  std::string path_;
};

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
