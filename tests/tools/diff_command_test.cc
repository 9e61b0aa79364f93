// `fairmatch diff` through the binary: formats, --out, exit codes.
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

constexpr char kOld[] = R"({
  "slots": [{"start": "10:00", "end": "10:15"}, {"start": "10:15", "end": "10:30"}],
  "meetings": [
    {"slot": 0, "employer": "acme", "table": 1, "attendees": ["a1", "a2"]},
    {"slot": 1, "employer": "globex", "table": 1, "attendees": ["a1"]}
  ],
  "people": {"attendees": [{"id": "a1", "name": "Ana", "email": "ana@x.org"},
                           {"id": "a2", "name": "Bo"}],
             "employers": [{"id": "acme", "name": "Acme"}, {"id": "globex", "name": "Globex"}]}
})";

// a1 moves from Acme 10:00 to 10:15 and loses Globex; a2 stays.
constexpr char kNew[] = R"({
  "slots": [{"start": "10:00", "end": "10:15"}, {"start": "10:15", "end": "10:30"}],
  "meetings": [
    {"slot": 0, "employer": "acme", "table": 1, "attendees": ["a2"]},
    {"slot": 1, "start": "10:15", "employer": "acme", "table": 1, "attendees": ["a1"], "locked": true}
  ]
})";

TEST_CASE("diff prints the changes per attendee and employer and exits 0",
          "[tools]") {
  TempDir dir;
  const std::string old_path = dir.Write("old.json", kOld);
  const std::string new_path = dir.Write("new.json", kNew);
  ProcessResult r = RunFairmatch(dir, {"diff", old_path, new_path});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "1 kept, 1 moved, 0 added, 1 cancelled (attendee-meetings); 1 kept "
        "with a change of who is at the table\n"
        "\n"
        "attendees:\n"
        "  a1 Ana <ana@x.org>: moved Acme 10:00 -> 10:15; cancelled Globex "
        "10:15\n"
        "  a2 Bo: regrouped Acme 10:00 (table 1), left by a1\n"
        "\n"
        "employers:\n"
        "  acme Acme: moved a1 Ana 10:00 -> 10:15\n"
        "  globex Globex: cancelled a1 Ana 10:15\n"
        "\n"
        "notify: 2 attendees, 2 employers\n");
  CHECK(r.err.empty());

  // Identical files succeed too.
  r = RunFairmatch(dir, {"diff", old_path, old_path});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "no changes: 3 attendee-meetings kept\n"
        "notify: 0 attendees, 0 employers\n");
}

TEST_CASE("diff --who narrows to one person, found by id, e-mail or name",
          "[tools]") {
  TempDir dir;
  const std::string old_path = dir.Write("old.json", kOld);
  const std::string new_path = dir.Write("new.json", kNew);
  for (const char* who : {"a2", "bo", "BO"}) {
    INFO(who);
    ProcessResult r =
        RunFairmatch(dir, {"diff", old_path, new_path, "--who", who});
    CHECK(r.exit_code == 0);
    CHECK(r.out ==
          "1 kept, 0 moved, 0 added, 0 cancelled (attendee-meetings); 1 kept "
          "with a change of who is at the table\n"
          "\n"
          "attendees:\n"
          "  a2 Bo: regrouped Acme 10:00 (table 1), left by a1\n"
          "\n"
          "notify: 1 attendee, 0 employers\n");
  }
  ProcessResult r =
      RunFairmatch(dir, {"diff", old_path, new_path, "--who", "ANA@x.org"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("0 kept, 1 moved, 0 added, 1 cancelled"));
  r = RunFairmatch(dir, {"diff", old_path, new_path, "--who", "Globex"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out,
             Catch::Contains("  globex Globex: cancelled a1 Ana 10:15\n"));
  CHECK_THAT(r.out, !Catch::Contains("acme Acme:"));
  r = RunFairmatch(dir, {"diff", old_path, new_path, "--who", "Anna"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "--who: error: no attendee or employer 'Anna' (by id, e-mail "
        "or name); did you mean Ana (a1)?\n");
}

TEST_CASE("diff --format csv|json --out writes the file", "[tools]") {
  TempDir dir;
  const std::string old_path = dir.Write("old.json", kOld);
  const std::string new_path = dir.Write("new.json", kNew);
  ProcessResult r = RunFairmatch(dir, {"diff", old_path, new_path, "--format",
                                       "csv", "--out", dir.File("diff.csv")});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(dir.Read("diff.csv") ==
        "kind,attendee_id,attendee_name,email,employer_id,employer_name,"
        "old_start,old_table,new_start,new_table\r\n"
        "moved,a1,Ana,ana@x.org,acme,Acme,10:00,1,10:15,1\r\n"
        "cancelled,a1,Ana,ana@x.org,globex,Globex,10:15,1,,\r\n"
        "regrouped,a2,Bo,,acme,Acme,10:00,1,10:00,1\r\n");
  r = RunFairmatch(dir, {"diff", old_path, new_path, "--format", "json"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("{\n  \"counts\": {\n    \"kept\": 1,"));
  r = RunFairmatch(dir, {"diff", old_path, new_path, "--format", "pdf"});
  CHECK(r.exit_code == 2);
}

TEST_CASE("diff exits 2 on bad or missing input, naming the line", "[tools]") {
  TempDir dir;
  const std::string old_path = dir.Write("old.json", kOld);
  const std::string bad_path =
      dir.Write("bad.json",
                "{\"meetings\": [\n"
                "{\"start\": \"10:00\", \"employer\": \"acme\", \"table\": 1, "
                "\"attendees\": [\"a1\"]},\n"
                "{\"start\": \"10:00\", \"employer\": \"acme\", \"table\": 1, "
                "\"attendees\": [\"a2\"], \"locked\": 1}\n]}\n");
  ProcessResult r = RunFairmatch(
      dir, {"diff", old_path, bad_path, "--out", dir.File("diff.txt")});
  CHECK(r.exit_code == 2);
  CHECK(r.err == bad_path +
                     ":3: error: meetings[1]: \"locked\" must be true or "
                     "false, not 1\n");
  CHECK(dir.Read("diff.txt").empty());
  r = RunFairmatch(dir, {"diff", old_path, dir.File("missing.json")});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::StartsWith(dir.File("missing.json") + ": error: "));
}

TEST_CASE("diff reads what plan writes", "[tools][e2e]") {
  TempDir dir;
  REQUIRE(RunFairmatch(dir, {"plan", kValidFair, "--out", dir.File("a"),
                             "--format", "json", "-q"})
              .exit_code == 0);
  REQUIRE(RunFairmatch(dir, {"plan", kValidFair, "--set", "min_score=0",
                             "--out", dir.File("b"), "--format", "json", "-q"})
              .exit_code == 0);
  const std::string a = dir.File("a/schedule.json");
  const std::string b = dir.File("b/schedule.json");
  ProcessResult r = RunFairmatch(dir, {"diff", a, a});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("no changes: "));
  // Without a minimum score, pairs too weak before are added.
  r = RunFairmatch(dir, {"diff", a, b, "--format", "csv"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("\r\nadded,"));
}

}  // namespace
}  // namespace fairmatch
