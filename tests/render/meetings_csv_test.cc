#include "engine/render/meetings_csv.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "engine/score/talking_points.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/render/render_fixture.h"

namespace fairmatch {
namespace {

using testing::FixtureFair;
using testing::FixtureSchedule;
using testing::ParseCsv;

using Records = std::vector<std::vector<std::string>>;

TEST_CASE("CsvCell quotes only when it must", "[render]") {
  struct Case {
    std::string text;
    std::string cell;
  };
  const Case cases[] = {
      {"", ""},
      {"plain text", "plain text"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"Nguyễn Thị Hương", "Nguyễn Thị Hương"},
      {"a=b", "a=b"},  // only a leading sign is dangerous
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(CsvCell(c.text) == c.cell);
  }
}

TEST_CASE("CsvCell neutralises cells a spreadsheet would run as formulas",
          "[render]") {
  struct Case {
    std::string text;
    std::string cell;
  };
  const Case cases[] = {
      {"=1+1", "'=1+1"},
      {"+x", "'+x"},
      {"-x", "'-x"},
      {"@x", "'@x"},
      {"\tx", "'\tx"},
      {"\rx", "\"'\rx\""},
      {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
      {"-2,5", "\"'-2,5\""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(CsvCell(c.text) == c.cell);
  }
}

TEST_CASE("meetings.csv has one row per attendee-meeting in attendee order",
          "[render]") {
  Fair fair = FixtureFair();
  Compatibility compat = Compatibility::Build(fair);
  // Hương also meets Blue Labs, in slot 2, after Ada's row block.
  Schedule schedule = FixtureSchedule();
  schedule.meetings.push_back(
      Meeting{.slot = 2, .employer = 1, .table = 1, .attendees = {1}});
  SortMeetings(schedule);
  std::string csv = RenderMeetingsCsv(fair, compat, schedule);

  Records records;
  REQUIRE(ParseCsv(csv, &records));
  REQUIRE(records.size() == 5);
  CHECK(csv.rfind("email,attendee_id,attendee_name,program,date,start,end,"
                  "employer_id,employer_name,booth,table,group,score,"
                  "talking_points\r\n",
                  0) == 0);
  for (const auto& r : records) CHECK(r.size() == 14);

  auto expected_row = [&](int a, int e, int s, const std::string& group) {
    const Attendee& at = fair.attendees[a];
    return std::vector<std::string>{
        at.email,
        at.id,
        at.name,
        at.program,
        "2025-03-14",
        FormatClock(fair.slots[s].start),
        FormatClock(fair.slots[s].end),
        fair.employers[e].id,
        fair.employers[e].name,
        fair.employers[e].booth,
        "1",
        group,
        absl::StrFormat("%.6f", compat.Pair(a, e).score),
        FormatTalkingPoints(MakeTalkingPoints(fair, a, e))};
  };
  CHECK(records[1] == expected_row(0, 0, 0, "Nguyễn Thị Hương"));
  CHECK(records[2] == expected_row(0, 1, 1, ""));
  CHECK(records[3] == expected_row(1, 0, 0, "Ada Lovelace"));
  CHECK(records[4] == expected_row(1, 1, 2, ""));
}

TEST_CASE("meetings.csv survives hostile names", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[0].name = "=HYPERLINK(\"http://evil\",\"x\")";
  fair.attendees[0].program = "+x";
  fair.attendees[0].email = "@x";
  fair.attendees[1].name = "-x, with a comma\nand a newline";
  fair.employers[0].name = "\tTabbed \"Inc\"";
  fair.employers[0].booth = "=1+1";
  Compatibility compat = Compatibility::Build(fair);
  std::string csv = RenderMeetingsCsv(fair, compat, FixtureSchedule());

  Records records;
  REQUIRE(ParseCsv(csv, &records));
  REQUIRE(records.size() == 4);
  const std::vector<std::string>& ada = records[1];
  CHECK(ada[0] == "'@x");
  CHECK(ada[2] == "'=HYPERLINK(\"http://evil\",\"x\")");
  CHECK(ada[3] == "'+x");
  CHECK(ada[8] == "'\tTabbed \"Inc\"");
  CHECK(ada[9] == "'=1+1");
  CHECK(ada[11] == "'-x, with a comma\nand a newline");
  CHECK(records[3][2] == "'-x, with a comma\nand a newline");
  CHECK(records[3][11] == "'=HYPERLINK(\"http://evil\",\"x\")");
  // No cell of any row starts a formula.
  for (const auto& record : records) {
    for (const std::string& cell : record) {
      INFO(cell);
      CHECK((cell.empty() ||
             std::string("=+-@\t\r").find(cell[0]) == std::string::npos));
    }
  }
}

TEST_CASE("meetings.csv of an empty plan is the header alone", "[render]") {
  Fair fair = FixtureFair();
  Compatibility compat = Compatibility::Build(fair);
  Records records;
  REQUIRE(ParseCsv(RenderMeetingsCsv(fair, compat, Schedule{}), &records));
  CHECK(records.size() == 1);
}

TEST_CASE("meetings.csv is deterministic", "[render]") {
  Fair fair = FixtureFair();
  Compatibility compat = Compatibility::Build(fair);
  Schedule schedule = FixtureSchedule();
  CHECK(RenderMeetingsCsv(fair, compat, schedule) ==
        RenderMeetingsCsv(fair, compat, schedule));
}

TEST_CASE("meetings.csv has a column per extra key, after the others",
          "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[1].extra = {{"diet", "vegan"}, {"access", "wheelchair"}};
  fair.attendees[0].extra = {{"access", "=ramp"}, {"portfolio.url", "u"}};
  fair.employers[1].extra = {{"contact.name", "Zoë, desk 2"}};
  Compatibility compat = Compatibility::Build(fair);
  Schedule schedule = FixtureSchedule();
  std::string csv = RenderMeetingsCsv(fair, compat, schedule);
  Records records;
  REQUIRE(ParseCsv(csv, &records));
  REQUIRE(records.size() == 4);
  // Attendee keys in first-seen order (file order: Ada first), then the
  // employers'.
  const std::vector<std::string> tail = {"access", "portfolio.url", "diet",
                                         "employer_contact.name"};
  REQUIRE(records[0].size() == 18);
  CHECK(std::vector<std::string>(records[0].begin() + 14, records[0].end()) ==
        tail);
  for (const auto& r : records) CHECK(r.size() == 18);
  // Ada at Acme, Ada at Blue Labs, Hương at Acme.
  CHECK(std::vector<std::string>(records[1].begin() + 14, records[1].end()) ==
        std::vector<std::string>{"'=ramp", "u", "", ""});
  CHECK(std::vector<std::string>(records[2].begin() + 14, records[2].end()) ==
        std::vector<std::string>{"'=ramp", "u", "", "Zoë, desk 2"});
  CHECK(std::vector<std::string>(records[3].begin() + 14, records[3].end()) ==
        std::vector<std::string>{"wheelchair", "", "vegan", ""});

  SECTION("output.extra picks the columns and their order") {
    fair.config.extra_all = false;
    fair.config.extra = {"diet", "portfolio"};
    REQUIRE(ParseCsv(RenderMeetingsCsv(fair, compat, schedule), &records));
    CHECK(std::vector<std::string>(records[0].begin() + 14, records[0].end()) ==
          std::vector<std::string>{"diet", "portfolio.url"});
    CHECK(records[3][14] == "vegan");
  }
  SECTION("[] shows none") {
    fair.config.extra_all = false;
    fair.config.extra.clear();
    REQUIRE(ParseCsv(RenderMeetingsCsv(fair, compat, schedule), &records));
    CHECK(records[0].size() == 14);
  }
}

}  // namespace
}  // namespace fairmatch
