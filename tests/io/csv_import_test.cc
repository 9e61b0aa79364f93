#include "engine/io/csv_import.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "absl/strings/match.h"
#include "engine/io/fair_loader.h"
#include "engine/io/import_merge.h"
#include "engine/pipeline.h"
#include "tests/fixtures/data_dirs.h"
#include "tests/fixtures/minimal_fair.h"
#include "tests/fixtures/read_file.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

using Catch::Matchers::Contains;
using testing::kExamplesDir;
using testing::ReadFile;
using testing::TempDir;

// A folder with the minimal event (values impact, sustainability; slots
// 10:00-11:00 of 15 minutes), a CSV and a mapping.
struct Case {
  TempDir dir;
  Case(const std::string& csv, const std::string& mapping) {
    dir.Write("event.yaml", testing::kMinimalEvent);
    dir.Write("p.csv", csv);
    dir.Write("map.yaml", mapping);
  }
  std::string Csv() const { return dir.File("p.csv"); }
  std::string Map() const { return dir.File("map.yaml"); }
  absl::StatusOr<ImportResult> Import(
      ImportKind kind = ImportKind::kAttendees) const {
    return ImportCsvFile(kind, Csv(), Map());
  }
  // The import must fail; returns the diagnostics.
  std::string Errors(ImportKind kind = ImportKind::kAttendees) const {
    absl::StatusOr<ImportResult> r = Import(kind);
    REQUIRE_FALSE(r.ok());
    return std::string(r.status().message());
  }
  std::string Yaml(ImportKind kind = ImportKind::kAttendees) const {
    absl::StatusOr<ImportResult> r = Import(kind);
    INFO(r.status().message());
    REQUIRE(r.ok());
    return r->yaml;
  }
};

constexpr char kMapping[] =
    "event: event.yaml\n"
    "id: {from_email: a-}\n"
    "name: Full name\n"
    "email: Email\n";

// ---- the pieces ----

TEST_CASE("import: ids from e-mails are stable and ignore case and spaces",
          "[import]") {
  const std::string id = IdFromEmail("a-", "Ana@Example.org");
  CHECK(id == IdFromEmail("a-", "  ana@example.org "));
  CHECK(id.size() == 12);
  CHECK(id.rfind("a-", 0) == 0);
  CHECK(id != IdFromEmail("a-", "bo@example.org"));
  // FNV-1a 64 of "" is cbf29ce484222325: the first 10 hex digits.
  CHECK(IdFromEmail("", "") == "cbf29ce484");
}

TEST_CASE("import: names become ids", "[import]") {
  CHECK(Slugify("", "Acme Énergie & Co.") == "acme-energie-co");
  CHECK(Slugify("e-", "  Zoë's  Café ") == "e-zoe-s-cafe");
  CHECK(Slugify("", "!!!") == "");
}

// ---- conversions ----

TEST_CASE("import: a minimal export becomes attendees.yaml", "[import]") {
  Case c("Email,Full name\nada@x.org,Ada Lovelace\nbo@x.org,Bo\n", kMapping);
  const std::string yaml = c.Yaml();
  CHECK_THAT(yaml,
             Contains("attendees:\n  - id: " + IdFromEmail("a-", "ada@x.org") +
                      "\n    name: Ada Lovelace\n    email: "
                      "ada@x.org\n"));
  CHECK_THAT(yaml, Contains("name: Bo\n"));
}

TEST_CASE("import: headers match ignoring case and surrounding spaces",
          "[import]") {
  Case c(" EMAIL ,  full   NAME\nada@x.org,Ada\n", kMapping);
  CHECK_THAT(c.Yaml(), Contains("name: Ada"));
}

TEST_CASE("import: Likert words and numbers become ratings", "[import]") {
  Case c(
      "Email,Full name,Impact?,Planet?\n"
      "ada@x.org,Ada,very important,2.5\n"
      "bo@x.org,Bo,,Not important\n",
      std::string(kMapping) +
          "values:\n"
          "  ratings: {impact: \"Impact?\", sustainability: \"Planet?\"}\n"
          "  likert: {Not important: 0, Very important: 5}\n");
  const std::string yaml = c.Yaml();
  CHECK_THAT(yaml, Contains("values: {impact: 5, sustainability: 2.5}"));
  CHECK_THAT(yaml, Contains("values: {sustainability: 0}"));
}

TEST_CASE("import: a multi-select of value labels", "[import]") {
  Case c(
      "Email,Full name,Which values?\n"
      "ada@x.org,Ada,\"Making a difference, sustainability\"\n"
      "bo@x.org,Bo,\n",
      std::string(kMapping) +
          "values: {column: \"Which values?\", selected: 4, unselected: 1}\n");
  const std::string yaml = c.Yaml();
  CHECK_THAT(yaml, Contains("values: {impact: 4, sustainability: 4}"));
  CHECK_THAT(yaml, Contains("values: {impact: 1, sustainability: 1}"));
}

TEST_CASE("import: a label holding the delimiter still matches", "[import]") {
  Case c(
      "Email,Full name,Which values?\n"
      "ada@x.org,Ada,\"Diversity, equity, inclusion, Making a difference\"\n",
      std::string(kMapping) +
          "values:\n"
          "  column: Which values?\n"
          "  labels: {sustainability: \"Diversity, equity, inclusion\"}\n");
  CHECK_THAT(c.Yaml(), Contains("values: {impact: 5, sustainability: 5}"));
}

TEST_CASE("import: lists split on the delimiter and on line breaks",
          "[import]") {
  Case c(
      "Email,Full name,Skills,Wants\n"
      "ada@x.org,Ada,\"python; field work\nstatistics\",\"co-op, mentoring\"\n",
      std::string(kMapping) + "offers: Skills\nseeks: Wants\n");
  const std::string yaml = c.Yaml();
  CHECK_THAT(yaml, Contains("offers: [python, field work, statistics]"));
  CHECK_THAT(yaml, Contains("seeks: [co-op, mentoring]"));
}

TEST_CASE("import: unavailable times become available windows", "[import]") {
  Case c(
      "Email,Full name,I can't attend during\n"
      "ada@x.org,Ada,\"10:15 - 10:30, 10:45\"\n"
      "bo@x.org,Bo,None\n"
      "cy@x.org,Cy,\"10:00-11:00\"\n",
      std::string(kMapping) +
          "unavailable: {column: \"I can’t attend during\", ignore: "
          "[none]}\n");
  const std::string yaml = c.Yaml();
  CHECK_THAT(yaml, Contains("name: Ada\n    email: ada@x.org\n    available: "
                            "[\"10:00-10:15\", \"10:30-10:45\"]\n"));
  CHECK_THAT(yaml, Contains("name: Bo\n    email: bo@x.org\n  -"));
  // Away all day: no meetings, rather than an empty list (the whole event).
  CHECK_THAT(yaml, Contains("name: Cy\n    email: cy@x.org\n    "
                            "max_meetings: 0\n"));
}

TEST_CASE("import: checkbox columns, one per time", "[import]") {
  Case c(
      "Email,Full name,Away [10:00-10:30],Away [10:30 - 11:00]\n"
      "ada@x.org,Ada,Yes,\n",
      std::string(kMapping) +
          "unavailable:\n  columns: [\"Away [10:00-10:30]\", \"Away "
          "[10:30 - 11:00]\"]\n");
  CHECK_THAT(c.Yaml(), Contains("available: [\"10:30-11:00\"]"));
}

TEST_CASE("import: employers with tables, group size and booths", "[import]") {
  Case c(
      "Organisation;Booth;Tables;Group size\n"
      "Acme Énergie;A1;2;3\nGlobex;B2;;\n",
      "event: event.yaml\nid: {from_name: \"\"}\nname: Organisation\n"
      "booth: Booth\ntables: Tables\ngroup_size: Group size\n");
  const std::string yaml = c.Yaml(ImportKind::kEmployers);
  CHECK_THAT(yaml, Contains("employers:\n  - id: acme-energie\n    name: "
                            "\"Acme Énergie\"\n    booth: A1\n    tables: 2\n"
                            "    group_size: 3\n"));
  CHECK_THAT(yaml, Contains("  - id: globex\n    name: Globex\n    booth: "
                            "B2\n"));
}

TEST_CASE("import: must_meet by employer name", "[import]") {
  Case c("Email,Full name,Must meet\nada@x.org,Ada,Acme Énergie\n",
         std::string(kMapping) +
             "must_meet: {column: Must meet, names: "
             "true}\n");
  CHECK_THAT(c.Yaml(), Contains("must_meet: [acme-energie]"));
}

// ---- wishes, must-meets and requirements (import_intents.h) ----

// employers.yaml and attendees.yaml as an earlier import would have written
// them, for mappings that look references up.
constexpr char kEmployersFile[] =
    "employers:\n"
    "  - {id: acme-energie, name: \"Acme Énergie\", email: hr@acme.example}\n"
    "  - {id: globex, name: Globex}\n"
    "  - {id: initech, name: Initech, extra: {remote: \"yes\"}}\n";
constexpr char kAttendeesFile[] =
    "attendees:\n"
    "  - {id: a-1, name: Ada, email: ada@x.org, program: Computer Science,\n"
    "     extra: {level: MSc, graduation_year: 2026}}\n"
    "  - {id: a-2, name: Bo, email: bo@x.org, program: Economics}\n";

TEST_CASE("import: ranked wishes, one cell or one column per rank",
          "[import]") {
  // One cell, in the order written; looked up by name in employers.yaml.
  Case one(
      "Email,Full name,Top 5 employers you'd like to meet\n"
      "ada@x.org,Ada,\"Initech, acme energie, GLOBEX, Initech\"\n",
      std::string(kMapping) +
          "employers: employers.yaml\n"
          "wants: {column: Top 5 employers you'd like to meet}\n");
  one.dir.Write("employers.yaml", kEmployersFile);
  CHECK_THAT(one.Yaml(), Contains("    wants: [initech, acme-energie, "
                                  "globex]\n"));
  // One column per rank (a ranking grid), the columns' order giving ranks;
  // without the employers' file, names become ids as from_name makes them.
  Case grid(
      "Email,Full name,Rank [2nd],Rank [1st]\n"
      "ada@x.org,Ada,Globex,Acme Énergie\n",
      std::string(kMapping) +
          "wants: {columns: [\"Rank [1st]\", \"Rank [2nd]\"], by: "
          "name}\n");
  CHECK_THAT(grid.Yaml(), Contains("    wants: [acme-energie, globex]\n"));
}

TEST_CASE("import: attendees' requirements on employers", "[import]") {
  Case c(
      "Email,Full name,Only remote employers?,Sectors\n"
      "ada@x.org,Ada,Yes,\"Software, Energy\"\n"
      "bo@x.org,Bo,No,\n",
      std::string(kMapping) +
          "requires:\n"
          "  extra.remote: {column: \"Only remote employers?\", accept: yes}\n"
          "  extra.sector: Sectors\n");
  const std::string yaml = c.Yaml();
  CHECK_THAT(yaml, Contains("    name: Ada\n    email: ada@x.org\n    "
                            "requires: {extra.remote: [\"yes\"], "
                            "extra.sector: [Software, Energy]}\n"));
  CHECK_THAT(yaml, !Contains("    name: Bo\n    email: bo@x.org\n    "
                             "requires"));
}

TEST_CASE("import: employers' requirement columns and pre-selected students",
          "[import]") {
  Case c(
      "Organisation,Which programmes are you recruiting from?,"
      "Graduation years,Work authorisation required,Pre-selected "
      "students,Conflicts\n"
      "Acme Énergie,\"Computer Science, Economics\",2026-2027,Yes,"
      "\"ADA@x.org\nbo@x.org\",\n"
      "Globex,Any programme,\"2026, 2027\",No,,Bo\n"
      "Initech,,2026+,,,\n",
      "event: event.yaml\nid: {from_name: \"\"}\nname: Organisation\n"
      "attendees: attendees.yaml\n"
      "requires:\n"
      "  program: {column: \"Which programmes are you recruiting "
      "from?\", ignore: [Any programme]}\n"
      "  extra.graduation_year: Graduation years\n"
      "  extra.work_authorization: {column: Work authorisation required, "
      "accept: [yes]}\n"
      "must_meet: {column: Pre-selected students, by: email}\n"
      "avoid: {column: Conflicts, by: name}\n");
  c.dir.Write("attendees.yaml", kAttendeesFile);
  absl::StatusOr<ImportResult> r = c.Import(ImportKind::kEmployers);
  INFO(r.status().message());
  REQUIRE(r.ok());
  CHECK_THAT(r->yaml,
             Contains("  - id: acme-energie\n    name: \"Acme Énergie\"\n"
                      "    must_meet: [a-1, a-2]\n    requires: {program: "
                      "[Computer Science, Economics], extra.graduation_year: "
                      "{min: 2026, max: 2027}, extra.work_authorization: "
                      "[\"yes\"]}\n"));
  CHECK_THAT(r->yaml, Contains("  - id: globex\n    name: Globex\n    avoid: "
                               "[a-2]\n    requires: {extra.graduation_year: "
                               "[\"2026\", \"2027\"]}\n"));
  CHECK_THAT(r->yaml, Contains("  - id: initech\n    name: Initech\n    "
                               "requires: {extra.graduation_year: {min: "
                               "2026}}\n"));
  // Nobody in attendees.yaml is in a programme an employer asks for, or
  // graduates in a year asked: a warning per value, once.
  std::string notes;
  for (const std::string& n : r->notes) notes += n + "\n";
  CHECK_THAT(notes, Contains(c.Csv() + ":4:3: warning: no attendee in " +
                             c.dir.File("attendees.yaml") +
                             " has extra.graduation_year '2027'\n"));
  CHECK_THAT(notes, !Contains("program 'Economics'"));
}

TEST_CASE(
    "import: wishes and requirements round-trip through the fair's "
    "loader and the plan",
    "[import]") {
  TempDir fair;
  fair.Write("event.yaml", testing::kMinimalEvent);
  fair.Write("emp.csv",
             "Organisation,Programmes,Pre-selected\n"
             "Acme,Computer Science,\n"
             "Globex,,bo@x.org\n");
  fair.Write("emp-map.yaml",
             "event: event.yaml\nid: {from_name: \"\"}\nname: Organisation\n"
             "requires: {program: Programmes}\n"
             "must_meet: {column: Pre-selected, by: email, prefix: a-}\n");
  fair.Write("att.csv",
             "Email,Full name,Programme,Top employers,Impact\n"
             "ada@x.org,Ada,Computer Science,\"Globex, Acme\",5\n"
             "bo@x.org,Bo,Economics,Acme,4\n");
  fair.Write("att-map.yaml",
             std::string(kMapping) +
                 "program: Programme\nemployers: employers.yaml\n"
                 "wants: Top employers\n"
                 "values: {ratings: {impact: Impact}}\n");
  absl::StatusOr<ImportResult> emp = ImportCsvFile(
      ImportKind::kEmployers, fair.File("emp.csv"), fair.File("emp-map.yaml"));
  INFO(emp.status().message());
  REQUIRE(emp.ok());
  fair.Write("employers.yaml", emp->yaml);
  absl::StatusOr<ImportResult> att = ImportCsvFile(
      ImportKind::kAttendees, fair.File("att.csv"), fair.File("att-map.yaml"));
  INFO(att.status().message());
  REQUIRE(att.ok());
  fair.Write("attendees.yaml", att->yaml);

  absl::StatusOr<Fair> loaded = LoadFair(fair.path(), {});
  INFO(loaded.status().message());
  REQUIRE(loaded.ok());
  REQUIRE(loaded->num_employers() == 2);
  REQUIRE(loaded->num_attendees() == 2);
  const Employer& acme = loaded->employers[0];
  REQUIRE(acme.requirements.size() == 1);
  CHECK(acme.requirements[0].field == "program");
  const Employer& globex = loaded->employers[1];
  CHECK(globex.must_meet == std::vector<int>{1});  // Bo, by e-mail
  const Attendee& ada = loaded->attendees[0];
  CHECK(ada.wants == std::vector<int>{1, 0});  // Globex, then Acme
  // Bo wants Acme, but Acme requires Computer Science: never planned.
  absl::StatusOr<PlanRun> run = RunPlan(fair.path(), {});
  INFO(run.status().message());
  REQUIRE(run.ok());
  for (const Meeting& m : run->schedule.meetings) {
    CHECK_FALSE((m.employer == 0 &&
                 std::find(m.attendees.begin(), m.attendees.end(), 1) !=
                     m.attendees.end()));
  }
}

TEST_CASE(
    "import error: unknown names in reference columns, with "
    "suggestions",
    "[import]") {
  Case c(
      "Email,Full name,Top employers,Must meet\n"
      "ada@x.org,Ada,\"Globex, Acme Enrgie\",initech\n"
      "bo@x.org,Bo,hr@acme.exampl,Nobody At All\n",
      std::string(kMapping) +
          "employers: employers.yaml\n"
          "wants: Top employers\n"
          "must_meet: {column: Must meet, by: id}\n");
  c.dir.Write("employers.yaml", kEmployersFile);
  const std::string errors = c.Errors();
  const std::string file = c.dir.File("employers.yaml");
  CHECK_THAT(errors,
             Contains(c.Csv() +
                      ":2:3: error: unknown employer 'Acme "
                      "Enrgie' (no name, e-mail or id in " +
                      file + ") in 'wants'; did you mean 'Acme Énergie'?"));
  CHECK_THAT(errors, Contains(c.Csv() +
                              ":3:3: error: unknown employer "
                              "'hr@acme.exampl' (no name, e-mail or "
                              "id in " +
                              file +
                              ") in 'wants'; did you mean "
                              "'hr@acme.example'?"));
  CHECK_THAT(errors, Contains(c.Csv() +
                              ":3:4: error: unknown employer "
                              "'Nobody At All' (no id in " +
                              file + ") in 'must_meet'"));
  CHECK_THAT(errors, !Contains(":2:4:"));  // initech is an id
}

TEST_CASE("import error: requirement and reference mappings", "[import]") {
  SECTION("a reversed range in a cell") {
    Case c("Organisation,Years\nAcme,2028-2026\n",
           "id: {from_name: \"\"}\nname: Organisation\n"
           "requires: {extra.graduation_year: Years}\n");
    CHECK_THAT(c.Errors(ImportKind::kEmployers),
               Contains(c.Csv() + ":2:2: error: '2028-2026' runs from 2028 "
                                  "down to 2026; write the smaller number "
                                  "first"));
  }
  SECTION("an attendee may not require a programme") {
    Case c("Email,Full name,P\n",
           std::string(kMapping) + "requires:\n  program: P\n");
    CHECK_THAT(c.Errors(), Contains(c.Map() + ":6:3: error: "
                                              "'requires.program': a "
                                              "requirement is on an "
                                              "employer's extra.KEY field"));
  }
  SECTION("an unknown column, an unknown 'by', a missing file") {
    Case c("Email,Full name,Top\n",
           std::string(kMapping) +
               "employers: nowhere.yaml\n"
               "wants: {column: Top, by: nickname}\n"
               "requires: {extra.remote: {column: Remot, accept: []}}\n");
    const std::string errors = c.Errors();
    CHECK_THAT(errors, Contains(c.Map() + ":5:12: error: employers file"));
    CHECK_THAT(errors, Contains("not found (the path is relative to the "
                                "mapping file; import that side first)"));
    CHECK_THAT(errors, Contains(c.Map() + ":6:26: error: 'by' must be id, "
                                          "name or email, got 'nickname'"));
    CHECK_THAT(errors, Contains("no column 'Remot' in the header"));
    CHECK_THAT(errors, Contains("'accept' lists the values a yes requires"));
  }
  SECTION("without the other side's file, e-mails must be e-mails") {
    Case c("Organisation,Pre\nAcme,not-an-email\n",
           "id: {from_name: \"\"}\nname: Organisation\n"
           "must_meet: {column: Pre, by: email, prefix: a-}\n");
    CHECK_THAT(c.Errors(ImportKind::kEmployers),
               Contains(c.Csv() + ":2:2: error: 'not-an-email' is not an "
                                  "e-mail address like name@example.org in "
                                  "'must_meet'"));
  }
}

TEST_CASE("import --merge adds people with wishes and requirements",
          "[import]") {
  Case c("Email,Full name,Top\nnew@x.org,Nia,\"globex, acme-energie\"\n",
         std::string(kMapping) + "wants: Top\n");
  const std::string existing =
      "attendees:\n  - id: s1\n    name: Ada\n    wants: [globex]\n";
  const std::string path = c.dir.Write("attendees.yaml", existing);
  absl::StatusOr<ImportResult> r = c.Import();
  REQUIRE(r.ok());
  absl::StatusOr<ImportResult> merged =
      MergeImport(ImportKind::kAttendees, path, c.Csv(), *std::move(r));
  INFO(merged.status().message());
  REQUIRE(merged.ok());
  CHECK_THAT(merged->yaml, Catch::StartsWith(existing));
  CHECK_THAT(merged->yaml, Contains("    name: Nia\n    email: new@x.org\n"
                                    "    wants: [globex, acme-energie]\n"));
}

TEST_CASE("import: duplicate submissions keep the latest by timestamp",
          "[import]") {
  Case c(
      "Timestamp,Email,Full name\n"
      "2/3/2027 10:00:00,ada@x.org,Ada Late\n"
      "2/1/2027 10:00:00,bo@x.org,Bo\n"
      "2/1/2027 09:00:00,ADA@x.org ,Ada Early\n",
      std::string(kMapping) + "timestamp: Timestamp\n");
  absl::StatusOr<ImportResult> r = c.Import();
  REQUIRE(r.ok());
  CHECK(r->rows == 3);
  CHECK(r->imported == 2);
  REQUIRE(r->notes.size() == 1);
  CHECK(r->notes[0] == c.Csv() +
                           ":4: note: dropped row 4 (ADA@x.org, 2/1/2027 "
                           "09:00:00): replaced by row 2 submitted 2/3/2027 "
                           "10:00:00");
  // Input order after dedup: Ada (row 2) before Bo (row 3).
  const size_t ada = r->yaml.find("Ada Late");
  const size_t bo = r->yaml.find("name: Bo");
  CHECK(ada < bo);
  CHECK(r->yaml.find("Ada Early") == std::string::npos);
}

TEST_CASE("import: without a timestamp the last duplicate wins", "[import]") {
  Case c("Email,Full name\nada@x.org,First\nada@x.org,Second\n", kMapping);
  absl::StatusOr<ImportResult> r = c.Import();
  REQUIRE(r.ok());
  CHECK_THAT(r->yaml, Contains("Second"));
  CHECK(r->yaml.find("First") == std::string::npos);
  REQUIRE(r->notes.size() == 1);
  CHECK_THAT(r->notes[0], Contains(":2: note: dropped row 2"));
}

// ---- every error names FILE:ROW:COL ----

TEST_CASE("import error: unknown column, with a suggestion", "[import]") {
  Case c("Email,Full name\nada@x.org,Ada\n",
         "event: event.yaml\nid: {from_email: a-}\nname: Ful name\n"
         "email: Email\n");
  CHECK(c.Errors() == c.Map() +
                          ":3:7: error: no column 'Ful name' in the "
                          "header of " +
                          c.Csv() + " (line 1); did you mean 'Full name'?");
}

TEST_CASE("import error: unknown value label, with a suggestion", "[import]") {
  Case c("Email,Full name,Values\nada@x.org,Ada,Making a diference\n",
         std::string(kMapping) + "values: {column: Values}\n");
  CHECK_THAT(c.Errors(), Contains(c.Csv() + ":2:3: error: unknown value "
                                            "'Making a diference'; did you "
                                            "mean 'Making a difference'?"));
}

TEST_CASE("import error: an unknown Likert answer, with a suggestion",
          "[import]") {
  Case c("Email,Full name,Impact\nada@x.org,Ada,Very importnt\n",
         std::string(kMapping) +
             "values:\n  ratings: {impact: Impact}\n  likert: {Very "
             "important: 5, Not important: 0}\n");
  CHECK(c.Errors() == c.Csv() +
                          ":2:3: error: unknown answer 'Very importnt' "
                          "for 'impact'; expected a number or one of "
                          "the 'likert' answers; did you mean 'Very "
                          "important'?");
}

TEST_CASE("import error: a bad number", "[import]") {
  Case ratings("Email,Full name,Impact\nada@x.org,Ada,7\n",
               std::string(kMapping) + "values: {ratings: {impact: Impact}}\n");
  CHECK_THAT(ratings.Errors(),
             Contains(ratings.Csv() + ":2:3: error: rating for 'impact' must "
                                      "be a number from 0 to 5, got '7'"));
  Case tables("Name;Tables\nAcme;two\n",
              "id: {from_name: \"\"}\nname: Name\ntables: Tables\n");
  CHECK(tables.Errors(ImportKind::kEmployers) ==
        tables.Csv() +
            ":2:2: error: 'tables' must be a whole number from 1 "
            "to 100, got 'two'");
}

TEST_CASE("import error: an unterminated quote", "[import]") {
  Case c("Email,Full name\nada@x.org,Ada\nbo@x.org,\"Bo\n", kMapping);
  CHECK_THAT(c.Errors(), Contains(c.Csv() + ":3:2: error: a quoted field is "
                                            "never closed"));
}

TEST_CASE("import error: a bad timestamp", "[import]") {
  Case c(
      "Timestamp,Email,Full name\n2/1/2027 10:00,ada@x.org,Ada\n"
      "31/31/2027 10:00,bo@x.org,Bo\n",
      std::string(kMapping) + "timestamp: Timestamp\n");
  CHECK_THAT(c.Errors(), Contains(c.Csv() + ":3:1: error: '31/31/2027 10:00' "
                                            "is not a date and time"));
}

TEST_CASE("import error: duplicate ids", "[import]") {
  Case c("Id,Email,Full name\ns1,ada@x.org,Ada\ns1,bo@x.org,Bo\n",
         "id: Id\nname: Full name\nemail: Email\n");
  CHECK(c.Errors() ==
        c.Csv() + ":3:1: error: duplicate id 's1'; row 2 has it too");
}

TEST_CASE("import error: a missing required field", "[import]") {
  Case c("Email,Full name\nada@x.org,Ada\nbo@x.org,  \n,Cy\n", kMapping);
  const std::string errors = c.Errors();
  CHECK_THAT(errors, Contains(c.Csv() + ":3:2: error: missing name (column "
                                        "'Full name' is empty)"));
  // Cy gave no e-mail: that is allowed (the next test).
  CHECK_THAT(errors, !Contains(c.Csv() + ":4:"));
}

TEST_CASE("import: a ragged row is read, with a warning naming it",
          "[import]") {
  Case c("Email,Full name\nada@x.org,Ada,extra\nbo@x.org\ncy@x.org,Cy\n",
         kMapping);
  absl::StatusOr<ImportResult> r = c.Import();
  // bo@x.org has no name: that is still an error; without him it imports.
  REQUIRE_FALSE(r.ok());
  c.dir.Write("p.csv", "Email,Full name\nada@x.org,Ada,extra\ncy@x.org,Cy\n");
  r = c.Import();
  REQUIRE(r.ok());
  REQUIRE(r->notes.size() == 1);
  CHECK(r->notes[0] == c.Csv() +
                           ":2: warning: the row has 3 cells but the "
                           "header has 2; the extra ones are ignored: "
                           "check the row for a stray or missing "
                           "separator");
}

TEST_CASE(
    "import: someone without an e-mail gets an id from the name and "
    "the row",
    "[import]") {
  Case c("Email,Full name\nada@x.org,Ada\n,Cy Ñúñez\n", kMapping);
  const std::string yaml = c.Yaml();
  CHECK_THAT(yaml, Contains("  - id: a-cy-nunez-r3\n    name: \"Cy Ñúñez\"\n"));
  CHECK_THAT(yaml,
             Contains("  - id: " + IdFromEmail("a-", "ada@x.org") + "\n"));
  CHECK(IdFromNameAndRow("a-", "Sam Okafor", 12) == "a-sam-okafor-r12");
  CHECK(IdFromNameAndRow("", "!!!", 4) == "x-r4");
  CHECK(IdFromNameAndRow("a-", std::string(100, 'z'), 12).size() == 64);
}

TEST_CASE("import --merge keeps every existing entry and adds new people",
          "[import]") {
  Case c(
      "Email,Full name\nada@x.org,Ada\nnew@x.org,Nia\n,Bo Li\n"
      "ADA@x.org,Ada Again\n",
      kMapping);
  const std::string existing =
      "# hand-kept\nattendees:\n"
      "  - id: s1\n    name: Ada\n    email: ada@x.org\n"
      "    extra: {note: \"keep me\"}\n"
      "  - id: s2\n    name: Bo Li\n";
  const std::string path = c.dir.Write("attendees.yaml", existing);
  absl::StatusOr<ImportResult> r = c.Import();
  REQUIRE(r.ok());
  absl::StatusOr<ImportResult> merged =
      MergeImport(ImportKind::kAttendees, path, c.Csv(), *std::move(r));
  INFO(merged.status().message());
  REQUIRE(merged.ok());
  // The file's own text first, byte for byte; then Nia and Bo Li (a name
  // already there: added, with a note), never Ada (her e-mail is there).
  CHECK_THAT(merged->yaml, Catch::StartsWith(existing));
  CHECK_THAT(merged->yaml, Contains("    name: Nia\n"));
  CHECK_THAT(merged->yaml, Contains("  - id: a-bo-li-r4\n"));
  CHECK_THAT(merged->yaml, !Contains("Ada Again"));
  CHECK(merged->imported == 2);
  std::string notes;
  for (const std::string& n : merged->notes) notes += n + "\n";
  CHECK_THAT(notes, Contains(c.Csv() + ":4: note: added a-bo-li-r4, who has "
                                       "the name of s2: is it the same "
                                       "person?"));
  CHECK_THAT(notes, Contains("ADA@x.org is already s1's e-mail; kept that "
                             "entry"));
  // An empty list in [] style takes the entries too.
  c.dir.Write("attendees.yaml", "attendees: []\n");
  r = c.Import();
  REQUIRE(r.ok());
  merged = MergeImport(ImportKind::kAttendees, path, c.Csv(), *std::move(r));
  REQUIRE(merged.ok());
  CHECK_THAT(merged->yaml, Catch::StartsWith("attendees: \n  - id: "));
  // A missing file, or one in [...] style with entries, is refused.
  c.dir.Write("attendees.yaml", "attendees: [{id: s1, name: Ada}]\n");
  r = c.Import();
  REQUIRE(r.ok());
  merged = MergeImport(ImportKind::kAttendees, path, c.Csv(), *std::move(r));
  REQUIRE_FALSE(merged.ok());
  CHECK_THAT(std::string(merged.status().message()),
             Contains(path + ":1:12: error: --merge cannot add to a list "
                             "written in [...] style"));
  r = c.Import();
  merged = MergeImport(ImportKind::kAttendees, c.dir.File("none.yaml"), c.Csv(),
                       *std::move(r));
  CHECK(merged.status().code() == absl::StatusCode::kNotFound);
}

TEST_CASE("import error: the mapping itself", "[import]") {
  Case c("Email,Full name\nada@x.org,Ada\n",
         "event: event.yaml\nid: {from_email: a-}\nnmae: Full name\n");
  const std::string errors = c.Errors();
  CHECK_THAT(errors, Contains(c.Map() + ":3:1: error: unknown key 'nmae' in "
                                        "an attendee mapping; did you mean "
                                        "'name'?"));
  CHECK_THAT(errors, Contains("the mapping has no 'name'"));
}

TEST_CASE("import error: unknown value id in the mapping", "[import]") {
  Case c("Email,Full name,Impact\nada@x.org,Ada,1\n",
         std::string(kMapping) + "values: {ratings: {impakt: Impact}}\n");
  CHECK_THAT(c.Errors(), Contains(c.Map() + ":5:20: error: unknown value "
                                            "'impakt'"));
}

// ---- the bundled examples, end to end ----

TEST_CASE("import: the examples import and plan", "[import]") {
  absl::StatusOr<ImportResult> att =
      ImportCsvFile(ImportKind::kAttendees, kExamplesDir + "/registrations.csv",
                    kExamplesDir + "/attendees-mapping.yaml");
  INFO(att.status().message());
  REQUIRE(att.ok());
  absl::StatusOr<ImportResult> emp =
      ImportCsvFile(ImportKind::kEmployers, kExamplesDir + "/employers.csv",
                    kExamplesDir + "/employers-mapping.yaml");
  INFO(emp.status().message());
  REQUIRE(emp.ok());
  // One duplicate submission is dropped, with a note.
  CHECK(att->rows == att->imported + 1);
  REQUIRE(att->notes.size() == 1);
  CHECK_THAT(att->notes[0], Contains("note: dropped row"));
  // Accents and multi-line cells survive.
  CHECK_THAT(att->yaml, Contains("Nguyễn Thị Minh Khai"));
  CHECK_THAT(att->yaml, Contains("\\n"));

  // Reruns give identical text.
  absl::StatusOr<ImportResult> again =
      ImportCsvFile(ImportKind::kAttendees, kExamplesDir + "/registrations.csv",
                    kExamplesDir + "/attendees-mapping.yaml");
  REQUIRE(again.ok());
  CHECK(again->yaml == att->yaml);

  TempDir fair;
  fair.Write("event.yaml", ReadFile(kExamplesDir + "/event.yaml"));
  fair.Write("attendees.yaml", att->yaml);
  fair.Write("employers.yaml", emp->yaml);
  absl::StatusOr<Fair> loaded = LoadFair(fair.path(), {});
  INFO(loaded.status().message());
  REQUIRE(loaded.ok());
  CHECK(loaded->num_attendees() == att->imported);
  CHECK(loaded->num_employers() == emp->imported);
  absl::StatusOr<PlanRun> run = RunPlan(fair.path(), {});
  INFO(run.status().message());
  REQUIRE(run.ok());
}

}  // namespace
}  // namespace fairmatch
