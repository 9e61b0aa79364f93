#include "engine/io/csv_import.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "engine/io/fair_loader.h"
#include "engine/io/import_merge.h"
#include "engine/pipeline.h"
#include "tests/io/io_test_util.h"

namespace fairmatch {
namespace {

using Catch::Matchers::Contains;
using testing::TempDir;

std::string Examples() {
  return std::string(FAIRMATCH_SOURCE_DIR) + "/data/examples";
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

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

TEST_CASE("import: common timestamp formats", "[import]") {
  const auto iso = ParseTimestamp("2027-02-01 14:03:22", false);
  REQUIRE(iso.has_value());
  CHECK(ParseTimestamp("2/1/2027 14:03:22", false) == iso);
  CHECK(ParseTimestamp("1/2/2027 14:03:22", true) == iso);
  CHECK(ParseTimestamp("01.02.2027 14:03:22", false) == iso);
  CHECK(ParseTimestamp("2027-02-01T14:03:22Z", false) == iso);
  CHECK(ParseTimestamp("2/1/2027 2:03:22 PM", false) == iso);
  CHECK(ParseTimestamp("2027/02/01 14:03", false) == *iso - 22);
  CHECK(*ParseTimestamp("2027-02-02", false) > *iso);
  CHECK(*ParseTimestamp("2027-01-31 23:59:59", false) < *iso);
  CHECK_FALSE(ParseTimestamp("2027-02-30 10:00", false));
  CHECK_FALSE(ParseTimestamp("13/13/2027", false));
  CHECK_FALSE(ParseTimestamp("yesterday", false));
  CHECK_FALSE(ParseTimestamp("2027-02-01 25:00", false));
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
  CHECK(r->notes[0] == c.Csv() + ":2: warning: the row has 3 cells but the "
                                 "header has 2; the extra ones are ignored: "
                                 "check the row for a stray or missing "
                                 "separator");
}

TEST_CASE("import: someone without an e-mail gets an id from the name and "
          "the row", "[import]") {
  Case c("Email,Full name\nada@x.org,Ada\n,Cy Ñúñez\n", kMapping);
  const std::string yaml = c.Yaml();
  CHECK_THAT(yaml, Contains("  - id: a-cy-nunez-r3\n    name: \"Cy Ñúñez\"\n"));
  CHECK_THAT(yaml, Contains("  - id: " + IdFromEmail("a-", "ada@x.org") + "\n"));
  CHECK(IdFromNameAndRow("a-", "Sam Okafor", 12) == "a-sam-okafor-r12");
  CHECK(IdFromNameAndRow("", "!!!", 4) == "x-r4");
  CHECK(IdFromNameAndRow("a-", std::string(100, 'z'), 12).size() == 64);
}

TEST_CASE("import --merge keeps every existing entry and adds new people",
          "[import]") {
  Case c("Email,Full name\nada@x.org,Ada\nnew@x.org,Nia\n,Bo Li\n"
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
  merged = MergeImport(ImportKind::kAttendees, c.dir.File("none.yaml"),
                       c.Csv(), *std::move(r));
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
      ImportCsvFile(ImportKind::kAttendees, Examples() + "/registrations.csv",
                    Examples() + "/attendees-mapping.yaml");
  INFO(att.status().message());
  REQUIRE(att.ok());
  absl::StatusOr<ImportResult> emp =
      ImportCsvFile(ImportKind::kEmployers, Examples() + "/employers.csv",
                    Examples() + "/employers-mapping.yaml");
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
      ImportCsvFile(ImportKind::kAttendees, Examples() + "/registrations.csv",
                    Examples() + "/attendees-mapping.yaml");
  REQUIRE(again.ok());
  CHECK(again->yaml == att->yaml);

  TempDir fair;
  fair.Write("event.yaml", ReadAll(Examples() + "/event.yaml"));
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
