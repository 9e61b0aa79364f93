// changes.yaml and --changes, through LoadFair: every change kind, name
// lookup, warnings instead of errors for withdrawn people, and FILE:LINE:COL
// errors for the rest.
#include "engine/io/changes_loader.h"

#include <catch2/catch.hpp>
#include <string>

#include "engine/io/fair_loader.h"
#include "tests/fixtures/minimal_fair.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

using testing::TempDir;

constexpr char kEmployers[] =
    "employers:\n"
    "  - id: acme-energie\n"
    "    name: Acme Énergie\n"
    "    email: jobs@acme.example.com\n"
    "  - id: globex\n"
    "    name: Globex\n"
    "    tables: 2\n";

constexpr char kAttendees[] =
    "attendees:\n"
    "  - id: a1\n"
    "    name: Chloé Dubois\n"
    "    email: chloe@uni.example.edu\n"
    "    must_meet: [acme-energie]\n"
    "  - id: a2\n"
    "    name: Sam Lee\n"
    "    avoid: [acme-energie]\n"
    "  - id: a3\n"
    "    name: Sam Lee\n";

void WriteFair(const TempDir& dir) {
  dir.Write("event.yaml", testing::kMinimalEvent);  // 10:00-11:00, 15 min
  dir.Write("employers.yaml", kEmployers);
  dir.Write("attendees.yaml", kAttendees);
}

absl::StatusOr<Fair> Load(const TempDir& dir,
                          std::vector<std::string> changes = {}) {
  LoadOptions options;
  options.changes_files = std::move(changes);
  return LoadFair(dir.path(), options);
}

bool Has(const std::vector<std::string>& lines, const std::string& text) {
  for (const std::string& l : lines) {
    if (l.find(text) != std::string::npos) return true;
  }
  return false;
}

const Attendee* FindAttendee(const Fair& fair, const std::string& id) {
  for (const Attendee& a : fair.attendees) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

TEST_CASE("without changes the fair loads as before", "[io][changes]") {
  TempDir dir;
  WriteFair(dir);
  absl::StatusOr<Fair> fair = Load(dir);
  REQUIRE(fair.ok());
  CHECK(fair->num_attendees() == 3);
  CHECK(fair->employers[0].email == "jobs@acme.example.com");
  CHECK(fair->warnings.empty());
  CHECK(fair->withdrawn_employers.empty());
}

TEST_CASE(
    "a withdrawn employer leaves, and references to it are dropped "
    "with a warning",
    "[io][changes]") {
  TempDir dir;
  WriteFair(dir);
  dir.Write("changes.yaml", "withdraw:\n  - {who: Acme Energie}\n");
  absl::StatusOr<Fair> fair = Load(dir);
  INFO(fair.status().message());
  REQUIRE(fair.ok());
  REQUIRE(fair->num_employers() == 1);
  CHECK(fair->employers[0].id == "globex");
  REQUIRE(fair->withdrawn_employers.size() == 1);
  CHECK(fair->withdrawn_employers[0].id == "acme-energie");
  CHECK(FindAttendee(*fair, "a1")->must_meet.empty());
  CHECK(FindAttendee(*fair, "a2")->avoid.empty());
  // Each dropped reference is named where it is, with where the
  // withdrawal was said.
  CHECK(Has(fair->warnings,
            "attendees.yaml:5:17: warning: 'acme-energie' has "
            "withdrawn (" +
                dir.File("changes.yaml") +
                ":2:5); "
                "dropped from 'must_meet'"));
  CHECK(Has(fair->warnings, "dropped from 'avoid'"));
}

TEST_CASE("an employer already gone from the inputs can be withdrawn by id",
          "[io][changes]") {
  // The organiser removed it from the spreadsheet and imported again: the
  // attendees' must_meet still names it.
  TempDir dir;
  WriteFair(dir);
  dir.Write("employers.yaml", "employers:\n  - id: globex\n    name: Globex\n");
  absl::StatusOr<Fair> plain = Load(dir);
  REQUIRE_FALSE(plain.ok());
  CHECK(Has({std::string(plain.status().message())}, "unknown employer"));
  dir.Write("changes.yaml", "withdraw:\n  - {who: acme-energie}\n");
  absl::StatusOr<Fair> fair = Load(dir);
  INFO(fair.status().message());
  REQUIRE(fair.ok());
  CHECK(Has(fair->warnings, "nothing to withdraw"));
  CHECK(Has(fair->warnings, "dropped from 'must_meet'"));
}

TEST_CASE("withdrawn from a time keeps only the day before it",
          "[io][changes]") {
  TempDir dir;
  WriteFair(dir);
  dir.Write("more.yaml",
            "withdraw:\n  - {who: CHLOE DUBOIS, from: \"10:30\"}\n"
            "  - {who: globex, from: \"10:00\"}\n");
  absl::StatusOr<Fair> fair = Load(dir, {dir.File("more.yaml")});
  INFO(fair.status().message());
  REQUIRE(fair.ok());
  const Attendee* chloe = FindAttendee(*fair, "a1");
  REQUIRE(chloe != nullptr);
  REQUIRE(chloe->available.size() == 1);
  CHECK(chloe->available[0].start == 10 * 60);
  CHECK(chloe->available[0].end == 10 * 60 + 30);
  // From the start of the day is the whole day.
  CHECK(fair->num_employers() == 1);
  CHECK(fair->withdrawn_employers.size() == 1);
}

TEST_CASE("walk-ins join inline and from an attendees file", "[io][changes]") {
  TempDir dir;
  WriteFair(dir);
  dir.Write("walk-ins.yaml",
            "attendees:\n  - {id: w02, name: Lee Chan, values: {impact: 5}}\n");
  dir.Write("changes.yaml",
            "walk_ins:\n"
            "  - {id: w01, name: Sam Okafor, values: {impact: 4}}\n"
            "  - {file: walk-ins.yaml}\n"
            "  - {id: w03, name: Chloe Dubois}\n");
  absl::StatusOr<Fair> fair = Load(dir);
  INFO(fair.status().message());
  REQUIRE(fair.ok());
  REQUIRE(fair->num_attendees() == 6);
  CHECK(FindAttendee(*fair, "w01")->values[0] == 4.0f);
  CHECK(FindAttendee(*fair, "w02") != nullptr);
  // A walk-in with the name of someone registered may be a duplicate.
  CHECK(Has(fair->warnings,
            "walk-in w03 (Chloe Dubois) has the name of "
            "attendee a1"));
  // The walk-ins file is an input: it is part of the provenance hash.
  const std::string before = fair->inputs_sha256;
  dir.Write("walk-ins.yaml",
            "attendees:\n  - {id: w02, name: Lee Chan, values: {impact: 4}}\n");
  absl::StatusOr<Fair> again = Load(dir);
  REQUIRE(again.ok());
  CHECK(again->inputs_sha256 != before);
}

TEST_CASE("a walk-in may not reuse an id", "[io][changes]") {
  TempDir dir;
  WriteFair(dir);
  dir.Write("changes.yaml", "walk_ins:\n  - {id: a2, name: Someone Else}\n");
  absl::StatusOr<Fair> fair = Load(dir);
  REQUIRE_FALSE(fair.ok());
  const std::string text(fair.status().message());
  CHECK(Has({text}, dir.File("changes.yaml") + ":2:"));
  CHECK(Has({text}, "walk-in id 'a2' is already an attendee (" +
                        dir.File("attendees.yaml") + ":6:5)"));
}

TEST_CASE("availability, force and forbid change one person or pair",
          "[io][changes]") {
  TempDir dir;
  WriteFair(dir);
  dir.Write("changes.yaml",
            "availability:\n"
            "  - {who: chloe@UNI.example.edu, available: [\"10:15-11:00\"]}\n"
            "force:\n"
            "  - {attendee: a2, employer: globex}\n"
            "  - {attendee: a3, employer: Globex, at: \"10:30\", table: 2}\n"
            "  - {attendee: a1, employer: globex, at: \"10:45\"}\n"
            "forbid:\n"
            "  - {attendee: a1, employer: acme-energie}\n");
  absl::StatusOr<Fair> fair = Load(dir);
  INFO(fair.status().message());
  // a1 must meet acme-energie and now also avoids it: an error, naming the
  // line of the forbid.
  REQUIRE_FALSE(fair.ok());
  CHECK(Has({std::string(fair.status().message())},
            "in both 'must_meet' and 'avoid'"));
  dir.Write("changes.yaml",
            "availability:\n"
            "  - {who: chloe@UNI.example.edu, available: [\"10:15-11:00\"]}\n"
            "force:\n"
            "  - {attendee: a2, employer: globex}\n"
            "  - {attendee: a3, employer: Globex, at: \"10:30\", table: 2}\n"
            "  - {attendee: a1, employer: globex, at: \"10:45\"}\n"
            "forbid:\n"
            "  - {attendee: a3, employer: acme-energie}\n");
  fair = Load(dir);
  INFO(fair.status().message());
  REQUIRE(fair.ok());
  const Attendee* chloe = FindAttendee(*fair, "a1");
  REQUIRE(chloe->available.size() == 1);
  CHECK(chloe->available[0].start == 10 * 60 + 15);
  CHECK(FindAttendee(*fair, "a2")->must_meet == std::vector<int>{1});
  CHECK(FindAttendee(*fair, "a3")->avoid == std::vector<int>{0});
  REQUIRE(fair->fixed.size() == 2);
  CHECK(fair->fixed[0].attendee == 2);
  CHECK(fair->fixed[0].employer == 1);
  CHECK(fair->fixed[0].slot == 2);
  CHECK(fair->fixed[0].table == 2);
  CHECK(fair->fixed[1].table == 0);  // any free table
}

TEST_CASE("bad changes are FILE:LINE:COL errors with a way out",
          "[io][changes]") {
  TempDir dir;
  WriteFair(dir);
  struct Case {
    const char* yaml;
    const char* expected;
  };
  const Case cases[] = {
      {"withdraw:\n  - {who: Sam Lee}\n", "'Sam Lee' names 2 people"},
      {"withdraw:\n  - {who: a1, form: \"11:00\"}\n",
       "unknown key 'form' in a 'withdraw' entry; did you mean 'from'?"},
      {"withdraw:\n  - {from: \"11:00\"}\n", "has no 'who'"},
      {"withdraw:\n  - {who: a1, from: \"11h\"}\n", "'from'"},
      {"force:\n  - {attendee: Chloe Dubios, employer: globex}\n",
       "no attendee 'Chloe Dubios' (by id, e-mail or name); did you mean "
       "Chloé Dubois (a1)?"},
      {"force:\n  - {attendee: a1, employer: globex, at: \"10:20\"}\n",
       "'at' 10:20 is not the start of a slot; slots start at 10:00, 10:15"},
      {"force:\n  - {attendee: a1, employer: acme-energie, at: \"10:15\", "
       "table: 2}\n",
       "acme-energie has 1 table"},
      {"force:\n  - {attendee: a1, employer: globex, table: 2}\n",
       "'table' needs 'at'"},
      {"lock:\n  - {attendee: globex, employer: a1}\n", "no attendee 'globex'"},
      {"walkins:\n  - {id: w1, name: W}\n",
       "unknown key 'walkins' in a changes file; did you mean 'walk_ins'?"},
      {"withdraw: acme\n", "'withdraw' must be a list"},
      {"- withdraw\n", "a changes file is a map"},
      {"walk_ins:\n  - {file: nowhere.yaml}\n", "not found"},
      // Unknown and named by nobody's must_meet or avoid: a typo.
      {"withdraw:\n  - {who: Chloe Dubios}\n",
       "no attendee or employer 'Chloe Dubios' (by id, e-mail or name); did "
       "you mean Chloé Dubois (a1)?"},
  };
  for (const Case& c : cases) {
    INFO(c.yaml);
    dir.Write("changes.yaml", c.yaml);
    absl::StatusOr<Fair> fair = Load(dir);
    REQUIRE_FALSE(fair.ok());
    const std::string text(fair.status().message());
    INFO(text);
    CHECK(Has({text}, dir.File("changes.yaml") + ":"));
    CHECK(Has({text}, c.expected));
  }
  // A --changes file that does not exist is a missing input.
  dir.Remove("changes.yaml");
  absl::StatusOr<Fair> fair = Load(dir, {dir.File("nope.yaml")});
  REQUIRE_FALSE(fair.ok());
  CHECK(fair.status().code() == absl::StatusCode::kNotFound);
}

TEST_CASE("changes files layer in order", "[io][changes]") {
  TempDir dir;
  WriteFair(dir);
  dir.Write("changes.yaml",
            "availability:\n  - {who: a2, available: [\"10:00-10:30\"]}\n");
  dir.Write("later.yaml",
            "availability:\n  - {who: a2, available: [\"10:30-11:00\"]}\n");
  absl::StatusOr<Fair> fair = Load(dir, {dir.File("later.yaml")});
  REQUIRE(fair.ok());
  const Attendee* sam = FindAttendee(*fair, "a2");
  REQUIRE(sam->available.size() == 1);
  CHECK(sam->available[0].start == 10 * 60 + 30);
}

}  // namespace
}  // namespace fairmatch
