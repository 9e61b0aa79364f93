#include "engine/render/notify_csv.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/check/schedule_diff.h"
#include "tests/render/render_fixture.h"

namespace fairmatch {
namespace {

using render_testing::FixtureFair;
using render_testing::FixtureSchedule;
using render_testing::ParseCsv;

// The fixture's plan, rerun: Hương moves from Acme table 1 at 10:00 to
// table 2 at 10:45, and Şükrü gets Blue Labs at 10:45.
Schedule Rerun() {
  Schedule schedule = FixtureSchedule();
  schedule.meetings[0].attendees = {0};
  schedule.meetings.push_back(
      Meeting{.slot = 2, .employer = 0, .table = 2, .attendees = {1}});
  schedule.meetings.push_back(
      Meeting{.slot = 2, .employer = 1, .table = 1, .attendees = {2}});
  SortMeetings(schedule);
  return schedule;
}

std::vector<std::vector<std::string>> Rows(const Fair& fair,
                                           const Schedule& before,
                                           const Schedule& after) {
  const ScheduleDiff diff =
      DiffSchedules(RecordSchedule(fair, before), RecordSchedule(fair, after));
  std::vector<std::vector<std::string>> rows;
  REQUIRE(ParseCsv(RenderNotifyCsv(fair, after, diff), &rows));
  return rows;
}

TEST_CASE(
    "notify.csv has a row per person whose day changed, attendees "
    "first",
    "[render]") {
  const Fair fair = FixtureFair();
  const auto rows = Rows(fair, FixtureSchedule(), Rerun());
  REQUIRE(rows.size() >= 4);
  CHECK(rows[0] == std::vector<std::string>{"role", "id", "name", "email",
                                            "changes", "new_day"});
  std::vector<std::string> ids;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i].size() == 6);
    ids.push_back(rows[i][0] + " " + rows[i][1]);
  }
  // Ada's group changed (Hương left it), Hương moved, Şükrü was added;
  // both employers' days changed.
  CHECK(ids == std::vector<std::string>{"attendee a001", "attendee a002",
                                        "attendee a003", "employer e001",
                                        "employer e002"});
}

TEST_CASE("each row gives the person's whole new day", "[render]") {
  const Fair fair = FixtureFair();
  const auto rows = Rows(fair, FixtureSchedule(), Rerun());
  REQUIRE(rows.size() == 6);
  const std::vector<std::string>& huong = rows[2];
  CHECK(huong[2] == "Nguyễn Thị Hương");
  CHECK(huong[3] == "a002@example.org");
  CHECK(huong[5] == "10:45 Acme Energy (booth A1, table 2)");
  CHECK_FALSE(huong[4].empty());
  const std::vector<std::string>& ada = rows[1];
  CHECK(ada[5] ==
        "10:00 Acme Energy (booth A1, table 1); "
        "10:15 Blue Labs (booth B2, table 1)");
  const std::vector<std::string>& acme = rows[4];
  CHECK(acme[5] ==
        "10:00 table 1: Ada Lovelace; 10:45 table 2: Nguyễn Thị Hương");
  const std::vector<std::string>& blue = rows[5];
  CHECK(blue[5] == "10:15 table 1: Ada Lovelace; 10:45 table 1: Şükrü Öztürk");
}

TEST_CASE("a group shows who else is there, and an empty day says so",
          "[render]") {
  const Fair fair = FixtureFair();
  // Before: nothing; after: the fixture. Then the reverse.
  auto rows = Rows(fair, Schedule{}, FixtureSchedule());
  REQUIRE(rows.size() >= 3);
  CHECK(rows[1][5] ==
        "10:00 Acme Energy (booth A1, table 1, with Nguyễn Thị Hương); "
        "10:15 Blue Labs (booth B2, table 1)");
  rows = Rows(fair, FixtureSchedule(), Schedule{});
  REQUIRE(rows.size() >= 2);
  CHECK(rows[1][1] == "a001");
  CHECK(rows[1][5] == "no conversations");
}

TEST_CASE("notify.csv cells cannot run as formulas", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[1].name = "=HYPERLINK(\"x\")";
  const auto rows = Rows(fair, FixtureSchedule(), Rerun());
  REQUIRE(rows.size() >= 3);
  CHECK(rows[2][2] == "'=HYPERLINK(\"x\")");
  // Inside another cell the name is not at its start, and stays as written.
  CHECK(rows[4][5].find("=HYPERLINK") != std::string::npos);
}

}  // namespace
}  // namespace fairmatch
