#include "engine/io/import_rows.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/io/import_ids.h"
#include "engine/io/import_times.h"
#include "tests/fixtures/import_steps.h"
#include "tests/fixtures/minimal_fair.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

using Catch::Matchers::Contains;
using testing::ImportSteps;

TEST_CASE("import rows: text is normalised, ids derived", "[import]") {
  ImportSteps s(ImportKind::kAttendees,
                "Name,Email,Skills,Seeks,Level\n"
                "\"  Ana \n Lima \",Ana@Example.org ,\"sql; python; sql\","
                "\"mentoring\nfeedback\", senior \n"
                "Bo,,,,\n",
                "id: {from_email: a-}\n"
                "name: Name\n"
                "email: Email\n"
                "offers: Skills\n"
                "seeks: Seeks\n"
                "extra: {level: Level}\n");
  INFO(s.Errors());
  REQUIRE(s.ok());
  std::vector<ImportRow> rows = s.Rows();
  INFO(s.Errors());
  REQUIRE(s.diags.ok());
  REQUIRE(rows.size() == 2);
  const ImportRow& ana = rows[0];
  CHECK(ana.row == 0);
  CHECK(ana.line == 2);
  CHECK(ana.name == "Ana Lima");
  CHECK(ana.email == "Ana@Example.org");
  CHECK(ana.email_key == "ana@example.org");
  CHECK(ana.id == IdFromEmail("a-", "ana@example.org"));
  CHECK(ana.offers == std::vector<std::string>{"sql", "python"});
  CHECK(ana.seeks == std::vector<std::string>{"mentoring", "feedback"});
  CHECK(ana.extra ==
        std::vector<std::pair<std::string, std::string>>{{"level", "senior"}});
  // No e-mail: the id comes from the name and the row's line.
  const ImportRow& bo = rows[1];
  CHECK(bo.line == 5);  // Ana's record spans lines 2-4
  CHECK(bo.id == IdFromNameAndRow("a-", "Bo", 5));
  CHECK(bo.email_key.empty());
}

TEST_CASE("import rows: ratings are rescaled to 0..5", "[import]") {
  ImportSteps s(ImportKind::kAttendees,
                "Name,Id,Impact,Green\n"
                "Ana,a1,10,Very much\n"
                "Bo,b1,3,\n",
                "id: Id\n"
                "name: Name\n"
                "values:\n"
                "  ratings: {impact: Impact, green: Green}\n"
                "  likert: {Very much: 9}\n"
                "  max: 10\n");
  REQUIRE(s.ok());
  std::vector<ImportRow> rows = s.Rows();
  INFO(s.Errors());
  REQUIRE(s.diags.ok());
  using Values = std::vector<std::pair<std::string, std::string>>;
  CHECK(rows[0].values == Values{{"impact", "5"}, {"green", "4.5"}});
  CHECK(rows[1].values == Values{{"impact", "1.5"}});  // a blank is unrated
}

TEST_CASE("import rows: unavailable times become available windows",
          "[import]") {
  testing::TempDir dir;
  dir.Write("event.yaml", testing::kMinimalEvent);  // 10:00-11:00
  ImportSteps s(ImportKind::kAttendees,
                "Name,Id,Busy\n"
                "Ana,a1,10:15-10:30\n"
                "Bo,b1,none\n"
                "Cy,c1,\"10:00-10:30; 10:30-11:00\"\n",
                "event: event.yaml\n"
                "id: Id\n"
                "name: Name\n"
                "unavailable: {column: Busy, ignore: [None]}\n",
                dir.File("map.yaml"));
  INFO(s.Errors());
  REQUIRE(s.ok());
  std::vector<ImportRow> rows = s.Rows();
  INFO(s.Errors());
  REQUIRE(s.diags.ok());
  REQUIRE(rows[0].has_available);
  REQUIRE(rows[0].available.size() == 2);
  CHECK(rows[0].available[0].start == 600);
  CHECK(rows[0].available[0].end == 615);
  CHECK(rows[0].available[1].start == 630);
  CHECK(rows[0].available[1].end == 660);
  CHECK_FALSE(rows[1].has_available);  // "none" means no busy time
  // Busy all day: no meetings, rather than an empty list ("any time").
  CHECK(rows[2].has_available);
  CHECK(rows[2].available.empty());
  CHECK(rows[2].max_meetings == 0);
}

TEST_CASE("import rows: problems at the cell", "[import]") {
  struct Case {
    const char* csv;
    const char* error;
  };
  const Case cases[] = {
      {"Name,Id,Email,Impact,Tables\n,a1,a@x.org,3,1\n",
       "p.csv:2:1: error: missing name (column 'Name' is empty)"},
      {"Name,Id,Email,Impact,Tables\nAna,a 1,a@x.org,3,1\n",
       "p.csv:2:2: error: 'a 1' is not a valid id"},
      {"Name,Id,Email,Impact,Tables\nAna,a1,not-mail,3,1\n",
       "p.csv:2:3: error: 'not-mail' is not an e-mail address"},
      {"Name,Id,Email,Impact,Tables\nAna,a1,a@x.org,7,1\n",
       "p.csv:2:4: error: rating for 'impact' must be a number from 0 to 5"},
      {"Name,Id,Email,Impact,Tables\nAna,a1,a@x.org,lots,1\n",
       "(map answer words to numbers with 'likert:' in the mapping)"},
      {"Name,Id,Email,Impact,Tables\nAna,a1,a@x.org,3,many\n",
       "p.csv:2:5: error: 'tables' must be a whole number from 1 to 100"},
      {"Name,Id,Email,Impact,Tables\nAna\x01,a1,a@x.org,3,1\n",
       "p.csv:2:1: error: the cell holds the control character"},
  };
  for (const Case& c : cases) {
    INFO(c.csv);
    ImportSteps s(ImportKind::kEmployers, c.csv,
                  "id: Id\nname: Name\nemail: Email\n"
                  "values: {ratings: {impact: Impact}}\ntables: Tables\n");
    REQUIRE(s.ok());
    s.Rows();
    CHECK_THAT(s.Errors(), Contains(c.error));
  }
}

TEST_CASE("import rows: timestamps are read in the mapping's date order",
          "[import]") {
  ImportSteps s(ImportKind::kAttendees,
                "When,Name,Id\n"
                "1/2/2027 10:00,Ana,a1\n"
                "sometime,Bo,b1\n",
                "id: Id\nname: Name\ntimestamp: When\ndate_order: dmy\n");
  REQUIRE(s.ok());
  std::vector<ImportRow> rows = s.Rows();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].timestamp == ParseTimestamp("2027-02-01 10:00", false));
  CHECK(rows[0].timestamp_text == "1/2/2027 10:00");
  CHECK_THAT(s.Errors(),
             Contains("p.csv:3:1: error: 'sometime' is not a date and time"));
}

}  // namespace
}  // namespace fairmatch
