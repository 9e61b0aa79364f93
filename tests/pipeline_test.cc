// End to end through the fairmatch binary: the demo fair plans, passes
// check, and two runs are byte-identical; failures leave outputs untouched.
#include "engine/pipeline.h"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "tests/fixtures/data_dirs.h"
#include "tests/fixtures/read_file.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;

using testing::kDemoFair;
using testing::ReadFile;

const std::string kBinary = FAIRMATCH_BINARY;

// Runs a shell command; returns its exit status.
int Run(const std::string& command) {
  const int status = std::system((command + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("fairmatch_e2e_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Every file below `dir`, relative path -> bytes.
std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), dir).string()] = ReadFile(entry.path());
    }
  }
  return files;
}

TEST_CASE("the demo plan passes check and two runs are byte-identical",
          "[e2e]") {
  const fs::path dir = TempDir("demo");
  REQUIRE(Run(kBinary + " plan " + kDemoFair + " --out " +
              (dir / "one").string()) == 0);
  REQUIRE(Run(kBinary + " plan " + kDemoFair + " --threads 1 --out " +
              (dir / "two").string()) == 0);
  const auto one = Snapshot(dir / "one");
  const auto two = Snapshot(dir / "two");
  CHECK(one.count("schedule.json") == 1);
  CHECK(one.count("meetings.csv") == 1);
  CHECK(one.count("schedules.html") == 1);
  CHECK(one == two);
  CHECK(Run(kBinary + " check " + kDemoFair + " " +
            (dir / "one" / "schedule.json").string()) == 0);
}

TEST_CASE("check fails on a schedule that breaks a hard constraint", "[e2e]") {
  const fs::path dir = TempDir("tamper");
  REQUIRE(Run(kBinary + " plan " + kDemoFair + " --format json --out " +
              (dir / "out").string()) == 0);
  // Put the first meeting's first attendee into the second meeting too:
  // a double booking or a repeat, either way a violation.
  std::string json = ReadFile(dir / "out" / "schedule.json");
  const size_t first = json.find("\"attendees\": [\"");
  REQUIRE(first != std::string::npos);
  const size_t id_start = first + 15;
  const std::string id =
      json.substr(id_start, json.find('"', id_start) - id_start);
  const size_t second = json.find("\"attendees\": [\"", id_start);
  REQUIRE(second != std::string::npos);
  json.insert(second + 14, "\"" + id + "\", ");
  std::ofstream(dir / "bad.json") << json;
  CHECK(Run(kBinary + " check " + kDemoFair + " " +
            (dir / "bad.json").string()) == 1);
}

TEST_CASE("bad input exits 2 and leaves the previous output exactly as it was",
          "[e2e]") {
  const fs::path dir = TempDir("bad");
  REQUIRE(Run(kBinary + " plan " + kDemoFair + " --format json --out " +
              (dir / "out").string()) == 0);
  const auto before = Snapshot(dir / "out");
  fs::copy(kDemoFair, dir / "fair");
  std::ofstream(dir / "fair" / "config.yaml") << "min_scroe: 0.3\n";
  CHECK(Run(kBinary + " plan " + (dir / "fair").string() + " --out " +
            (dir / "out").string()) == 2);
  CHECK(Snapshot(dir / "out") == before);
  CHECK(Run(kBinary + " plan " + kDemoFair + " --set nope=1 --out " +
            (dir / "out").string()) == 2);
  CHECK(Snapshot(dir / "out") == before);
}

TEST_CASE("must_meets beyond capacity exit 3", "[e2e]") {
  const fs::path dir = TempDir("infeasible");
  fs::copy(kDemoFair, dir / "fair");
  // Everyone must meet e001, which has far fewer seats than 300.
  std::string attendees = ReadFile(dir / "fair" / "attendees.yaml");
  std::string out;
  std::istringstream lines(attendees);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("must_meet") != std::string::npos ||
        line.find("avoid") != std::string::npos) {
      continue;
    }
    out += line + "\n";
    if (line.rfind("    email:", 0) == 0) out += "    must_meet: [e001]\n";
  }
  std::ofstream(dir / "fair" / "attendees.yaml") << out;
  CHECK(Run(kBinary + " plan " + (dir / "fair").string() + " --out " +
            (dir / "out").string()) == 3);
  CHECK(!fs::exists(dir / "out"));
}

}  // namespace
}  // namespace fairmatch
