// `fairmatch init` and `fairmatch import` through the binary: the walk-through
// of docs/import.md, files written all or nothing, exit codes.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/fixtures/data_dirs.h"
#include "tests/fixtures/read_file.h"
#include "tests/tools/subprocess.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;

using testing::kExamplesDir;
using testing::ReadFile;

const std::string kBinary = FAIRMATCH_BINARY;

// Runs a shell command with output discarded; returns its exit status.
int Run(const std::string& command) {
  const int status = std::system((command + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

fs::path Scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("fairmatch_import_" + name);
  fs::remove_all(dir);
  return dir;
}

TEST_CASE("init, import and plan: the docs/import.md walk-through",
          "[import][tools]") {
  const fs::path fair = Scratch("walkthrough");
  const fs::path out = Scratch("walkthrough_out");
  REQUIRE(Run(kBinary + " init " + fair.string()) == 0);
  for (const char* f :
       {"event.yaml", "config.yaml", "attendees.yaml", "employers.yaml",
        "attendees-mapping.yaml", "employers-mapping.yaml"}) {
    CHECK(fs::exists(fair / f));
  }
  // The scaffold itself is a valid (empty) fair.
  CHECK(Run(kBinary + " plan " + fair.string() + " --out " + out.string() +
            " -q") == 0);

  for (const char* f :
       {"event.yaml", "attendees-mapping.yaml", "employers-mapping.yaml"}) {
    fs::copy_file(fs::path(kExamplesDir) / f, fair / f,
                  fs::copy_options::overwrite_existing);
  }
  REQUIRE(Run(kBinary + " import attendees " + kExamplesDir +
              "/registrations.csv --mapping " +
              (fair / "attendees-mapping.yaml").string() + " --out " +
              (fair / "attendees.yaml").string()) == 0);
  REQUIRE(Run(kBinary + " import employers " + kExamplesDir +
              "/employers.csv --mapping " +
              (fair / "employers-mapping.yaml").string() + " --out " +
              (fair / "employers.yaml").string()) == 0);
  REQUIRE(Run(kBinary + " plan " + fair.string() + " --out " + out.string() +
              " -q") == 0);
  CHECK(Run(kBinary + " check " + fair.string() + " " +
            (out / "schedule.json").string()) == 0);
  CHECK(fs::file_size(out / "schedules.html") > 0);
  fs::remove_all(fair);
  fs::remove_all(out);
}

TEST_CASE("init refuses to overwrite and writes nothing", "[import][tools]") {
  const fs::path fair = Scratch("init_clash");
  fs::create_directories(fair);
  { std::ofstream(fair / "employers.yaml") << "mine\n"; }
  CHECK(Run(kBinary + " init " + fair.string()) == 2);
  CHECK(ReadFile(fair / "employers.yaml") == "mine\n");
  CHECK_FALSE(fs::exists(fair / "event.yaml"));
  fs::remove_all(fair);
}

TEST_CASE("a failed import leaves the old output untouched",
          "[import][tools]") {
  const fs::path dir = Scratch("failed");
  fs::create_directories(dir);
  { std::ofstream(dir / "p.csv") << "Email,Full name\nada@x.org,\n"; }
  {
    std::ofstream(dir / "map.yaml")
        << "id: {from_email: a-}\nname: Full name\nemail: Email\n";
  }
  { std::ofstream(dir / "attendees.yaml") << "attendees: []\n"; }
  CHECK(Run(kBinary + " import attendees " + (dir / "p.csv").string() +
            " --mapping " + (dir / "map.yaml").string() + " --out " +
            (dir / "attendees.yaml").string()) == 2);
  CHECK(ReadFile(dir / "attendees.yaml") == "attendees: []\n");
  fs::remove_all(dir);
}

TEST_CASE(
    "an import refuses control characters in a cell, where they are, "
    "and keeps line breaks as spaces",
    "[import][tools][hardening]") {
  const fs::path dir = Scratch("control");
  fs::create_directories(dir);
  for (const char* f : {"event.yaml", "attendees-mapping.yaml"}) {
    fs::copy_file(fs::path(kExamplesDir) / f, dir / f);
  }
  std::string csv = ReadFile(fs::path(kExamplesDir) / "registrations.csv");
  // Row 2 (line 2): an escape sequence after the first character.
  const size_t line2 = csv.find('\n') + 1;
  csv.insert(line2 + 1, "\x1b[31m");
  std::ofstream(dir / "registrations.csv", std::ios::binary) << csv;
  const testing::ProcessResult r = testing::RunFairmatch(
      dir.string(),
      {"import", "attendees", (dir / "registrations.csv").string(), "--mapping",
       (dir / "attendees-mapping.yaml").string(), "--out",
       (dir / "attendees.yaml").string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("registrations.csv:2:1: error: the cell "
                                    "holds the control character U+001B"));
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK_FALSE(fs::exists(dir / "attendees.yaml"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fairmatch
