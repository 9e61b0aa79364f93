#include "engine/io/import_intents.h"

#include <catch2/catch.hpp>
#include <string>

#include "engine/io/csv_import.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

using Catch::Matchers::Contains;
using testing::TempDir;

CellRequirement Cell(const std::string& text, RequirementColumn col = {}) {
  CellRequirement r;
  std::string error;
  INFO(text);
  REQUIRE(ReadRequirementCell(text, col, &r, &error));
  CHECK(error.empty());
  return r;
}

TEST_CASE("import intents: a requirement cell, each form", "[import]") {
  struct Row {
    const char* cell;
    std::vector<std::string> any_of;
    std::optional<double> min, max;
  };
  const Row rows[] = {
      {"", {}, {}, {}},
      {"Computer Science, Economics",
       {"Computer Science", "Economics"},
       {},
       {}},
      {"BSc;MSc\nPhD", {"BSc", "MSc", "PhD"}, {}, {}},
      {"MSc, MSc", {"MSc"}, {}, {}},
      {"2026-2027", {}, 2026, 2027},
      {"2026 \xE2\x80\x93 2028", {}, 2026, 2028},  // en dash
      {"2026 to 2027", {}, 2026, 2027},
      {"2026+", {}, 2026, {}},
      {">= 3.5", {}, 3.5, {}},
      {"<=2027", {}, {}, 2027},
      {"2026, 2027", {"2026", "2027"}, {}, {}},
      {"-1", {"-1"}, {}, {}},                          // a sign, not a range
      {"Co-op, Intern", {"Co-op", "Intern"}, {}, {}},  // words with dashes
  };
  for (const Row& row : rows) {
    CellRequirement r = Cell(row.cell);
    CHECK(r.any_of == row.any_of);
    CHECK(r.min == row.min);
    CHECK(r.max == row.max);
  }
}

TEST_CASE("import intents: yes/no questions and answers meaning anyone",
          "[import]") {
  RequirementColumn yes_no;
  yes_no.accept = {"yes"};
  CHECK(Cell("Yes", yes_no).any_of == std::vector<std::string>{"yes"});
  CHECK(Cell("Required", yes_no).any_of == std::vector<std::string>{"yes"});
  for (const char* no : {"No", "no ", "FALSE", "0", "n", ""}) {
    CHECK(Cell(no, yes_no).empty());
  }
  RequirementColumn any;
  any.ignore = {"any programme", "no preference"};
  CHECK(Cell("Any  Programme", any).empty());
  CHECK(Cell("Economics, No preference", any).empty());
  CHECK(Cell("Economics", any).any_of == std::vector<std::string>{"Economics"});
}

TEST_CASE("import intents: a reversed range is an error", "[import]") {
  CellRequirement r;
  std::string error;
  CHECK_FALSE(ReadRequirementCell("2028-2026", {}, &r, &error));
  CHECK_THAT(error, Contains("'2028-2026' runs from 2028 down to 2026"));
}

TEST_CASE(
    "import intents: requires are written as the fair format reads "
    "them",
    "[import]") {
  CellRequirement list, range, low;
  list.any_of = {"Computer Science", "yes"};
  range.min = 2026;
  range.max = 2027;
  low.min = 3.5;
  std::string out;
  AppendRequires(&out, {{"program", list},
                        {"extra.graduation_year", range},
                        {"extra.gpa", low}});
  CHECK(out ==
        "    requires: {program: [Computer Science, \"yes\"], "
        "extra.graduation_year: {min: 2026, max: 2027}, extra.gpa: {min: "
        "3.5}}\n");
  std::string none;
  AppendRequires(&none, {});
  CHECK(none.empty());
}

TEST_CASE("import intents: references derived without the other side's file",
          "[import]") {
  CHECK(DeriveRef("Acme Énergie", RefBy::kName, "e-", "employer").id ==
        "e-acme-energie");
  CHECK(DeriveRef("Ana@Example.org ", RefBy::kEmail, "a-", "attendee").id ==
        IdFromEmail("a-", "ana@example.org"));
  CHECK(DeriveRef("acme", RefBy::kAny, "", "employer").id == "acme");
  CHECK(DeriveRef("a017", RefBy::kId, "", "attendee").id == "a017");
  CHECK_THAT(DeriveRef("not an email", RefBy::kEmail, "a-", "attendee").error,
             Contains("is not an e-mail address"));
  CHECK_THAT(DeriveRef("Acme Énergie", RefBy::kAny, "", "employer").error,
             Contains("'Acme Énergie' is not employer id"));
  CHECK_THAT(DeriveRef("!!!", RefBy::kName, "", "employer").error,
             Contains("gives no employer id"));
}

TEST_CASE("import intents: references looked up in the other side's file",
          "[import]") {
  TempDir dir;
  dir.Write("employers.yaml",
            "employers:\n"
            "  - {id: acme, name: \"Acme Énergie\", email: hr@acme.example}\n"
            "  - {id: globex, name: Globex}\n"
            "  - {id: g2, name: \"GLOBEX\"}\n"
            "  - {id: initech, name: Initech, extra: {sector: Software}}\n");
  Diagnostics diags;
  std::optional<OtherSide> side = OtherSide::Read(
      dir.File("employers.yaml"), OtherSide::kEmployers, &diags);
  REQUIRE(diags.ok());
  REQUIRE(side);
  // By id, e-mail (any case) and name (accents, case and punctuation
  // ignored).
  CHECK(side->Resolve("acme", RefBy::kAny, true).id == "acme");
  CHECK(side->Resolve("HR@acme.example", RefBy::kAny, true).id == "acme");
  CHECK(side->Resolve("acme energie", RefBy::kAny, true).id == "acme");
  CHECK(side->Resolve("Acme Énergie", RefBy::kName, true).id == "acme");
  CHECK(side->Resolve("Initech", RefBy::kAny, true).id == "initech");
  // `by` restricts what an item may be.
  CHECK_FALSE(side->Resolve("acme", RefBy::kEmail, true).error.empty());
  CHECK_FALSE(side->Resolve("Initech", RefBy::kId, true).error.empty());
  // Unknown, with a suggestion; ambiguous, naming both ids.
  RefMatch typo = side->Resolve("Acme Enrgie", RefBy::kAny, true);
  CHECK(typo.id.empty());
  CHECK_THAT(typo.error, Contains("unknown employer 'Acme Enrgie' (no name, "
                                  "e-mail or id in " +
                                  dir.File("employers.yaml") + ")"));
  CHECK(typo.suggestion == "; did you mean 'Acme Énergie'?");
  CHECK(side->Resolve("Acme Enrgie", RefBy::kAny, false).suggestion.empty());
  CHECK(side->Resolve("hr@acme.exampl", RefBy::kAny, true).suggestion ==
        "; did you mean 'hr@acme.example'?");
  RefMatch two = side->Resolve("globex", RefBy::kName, true);
  CHECK_THAT(two.error, Contains("is the name of 2 employers"));
  CHECK_THAT(two.error, Contains("globex, g2"));
  // Values of fields, for requirement values.
  std::string hint;
  CHECK(side->HasValue("extra.sector", "software", true, &hint));
  CHECK_FALSE(side->HasValue("extra.sector", "Sofware", true, &hint));
  CHECK(hint == "; did you mean 'Software'?");
  CHECK(side->HasValue("extra.remote", "yes", true, &hint));  // nobody has it
}

TEST_CASE("import intents: an other side's file that is not one", "[import]") {
  TempDir dir;
  dir.Write("attendees.yaml", "people: []\n");
  Diagnostics diags;
  CHECK_FALSE(OtherSide::Read(dir.File("attendees.yaml"), OtherSide::kAttendees,
                              &diags));
  CHECK_THAT(std::string(diags.ToStatus().message()),
             Contains("must hold a list 'attendees:'"));
}

}  // namespace
}  // namespace fairmatch
