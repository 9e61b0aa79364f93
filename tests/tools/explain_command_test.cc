// `fairmatch explain` through the binary: planning or a given schedule,
// unknown ids, exit codes.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/fixtures/data_dirs.h"
#include "tests/fixtures/temp_dir.h"
#include "tests/tools/subprocess.h"

namespace fairmatch {
namespace {

using testing::kValidFair;
using testing::ProcessResult;
using testing::RunFairmatch;
using testing::TempDir;

TEST_CASE("explain plans the fair and says why a pair does not meet",
          "[tools]") {
  TempDir dir;
  // a1 avoids initech (tests/data/io/valid_fair/attendees.yaml).
  ProcessResult r = RunFairmatch(dir, {"explain", kValidFair, "--attendee",
                                       "a1", "--employer", "initech"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("Nguyễn Thị Minh Khai (a1) "
                                      "<minh@example.org>: "));
  CHECK_THAT(r.out, Catch::Contains("\n  verdict: not eligible: Инитех is on "
                                    "Nguyễn Thị Minh Khai's avoid list\n"));
  // Without --schedule it plans afresh, and says so.
  CHECK_THAT(r.err, Catch::StartsWith("note: no --schedule given, so this "
                                      "plans the fair afresh"));
}

TEST_CASE("explain of the published schedule equals explain of a fresh plan",
          "[tools][e2e]") {
  TempDir dir;
  REQUIRE(RunFairmatch(dir, {"plan", kValidFair, "--out", dir.File("out"),
                             "--format", "json", "-q"})
              .exit_code == 0);
  const ProcessResult planned =
      RunFairmatch(dir, {"explain", kValidFair, "--attendee", "a1"});
  const ProcessResult given =
      RunFairmatch(dir, {"explain", kValidFair, "--attendee", "a1",
                         "--schedule", dir.File("out/schedule.json")});
  CHECK(planned.exit_code == 0);
  CHECK(given.exit_code == 0);
  CHECK(planned.out == given.out);
  // a1 must meet acme and globex: both are among its conversations.
  CHECK_THAT(given.out, Catch::Contains("(acme), table ") &&
                            Catch::Contains("(globex), table "));
  CHECK_THAT(given.out, Catch::Contains("\ntop employers for Nguyễn Thị Minh "
                                        "Khai by score:\n"));
  // The output folder names the plan as well as its schedule.json does; so
  // do a name (any case, no accents) and an e-mail.
  for (const char* who : {"a1", "nguyen thi minh khai", "MINH@example.org"}) {
    INFO(who);
    const ProcessResult by =
        RunFairmatch(dir, {"explain", kValidFair, "--attendee", who,
                           "--schedule", dir.File("out")});
    CHECK(by.exit_code == 0);
    CHECK(by.out == given.out);
    CHECK(by.err.empty());
  }
}

TEST_CASE("explain exits 2 on unknown ids, with a suggestion", "[tools]") {
  TempDir dir;
  ProcessResult r =
      RunFairmatch(dir, {"explain", kValidFair, "--attendee", "a11"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "--attendee: error: no attendee 'a11' (by id, e-mail or name); did you "
        "mean Nguyễn Thị Minh Khai (a1)?\n");
  r = RunFairmatch(
      dir, {"explain", kValidFair, "--attendee", "a1", "--employer", "acm"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "--employer: error: no employer 'acm' (by id, e-mail or name); did you "
        "mean Acme Énergie (acme)?\n");
  r = RunFairmatch(dir, {"explain", kValidFair, "--attendee", "a1",
                         "--schedule", dir.File("none.json")});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::StartsWith(dir.File("none.json") + ": error: "));
}

TEST_CASE("explain notes a schedule that breaks hard constraints", "[tools]") {
  TempDir dir;
  // acme twice for a1 in one slot: a double booking that check reports.
  const std::string schedule = dir.Write(
      "s.json",
      R"({"meetings": [{"slot": 0, "employer": "acme", "table": 1, "attendees": ["a1"]},
                       {"slot": 0, "employer": "globex", "table": 1, "attendees": ["a1"]}]})");
  ProcessResult r = RunFairmatch(
      dir, {"explain", kValidFair, "--attendee", "a1", "--schedule", schedule});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err,
             Catch::StartsWith(schedule + ": note: the schedule breaks "));
  CHECK_THAT(r.out,
             Catch::Contains("Nguyễn Thị Minh Khai (a1) <minh@example.org>: "
                             "2 conversations (cap 3)\n"));
}

}  // namespace
}  // namespace fairmatch
