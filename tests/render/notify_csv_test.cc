// notify.csv (engine/render/notify_csv.h): one row per person whose day
// changed, with what changed and their whole new day, on the renderers'
// tiny fair.
#include "engine/render/notify_csv.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/check/schedule_diff.h"
#include "engine/render/diff_report.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/render/render_fixture.h"

namespace fairmatch {
namespace {

using testing::FixtureFair;
using testing::FixtureSchedule;
using testing::ParseCsv;

constexpr char kHeader[] = "role,id,name,email,changes,new_day\r\n";

ScheduleDiff Diff(const Fair& fair, const Schedule& before,
                  const Schedule& after) {
  return DiffSchedules(RecordSchedule(fair, before),
                       RecordSchedule(fair, after));
}

// FixtureSchedule with Ada's Blue Labs meeting moved from slot 1 (10:15) to
// slot 2 (10:45).
Schedule BlueLabsMoved() {
  Schedule after = FixtureSchedule();
  for (Meeting& m : after.meetings) {
    if (m.employer == 1) m.slot = 2;
  }
  SortMeetings(after);
  return after;
}

std::vector<std::vector<std::string>> Rows(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  REQUIRE(ParseCsv(csv, &rows));
  return rows;
}

TEST_CASE("notify.csv: no change, only the header", "[render]") {
  const Fair fair = FixtureFair();
  const Schedule s = FixtureSchedule();
  CHECK(RenderNotifyCsv(fair, s, Diff(fair, s, s)) == kHeader);
}

TEST_CASE("notify.csv: a moved meeting tells the attendee and the employer",
          "[render]") {
  const Fair fair = FixtureFair();
  const Schedule after = BlueLabsMoved();
  const ScheduleDiff diff = Diff(fair, FixtureSchedule(), after);
  REQUIRE(diff.changes.size() == 1);
  const std::string csv = RenderNotifyCsv(fair, after, diff);
  CHECK(csv.rfind(kHeader, 0) == 0);
  const std::vector<std::vector<std::string>> expected = {
      {"role", "id", "name", "email", "changes", "new_day"},
      {"attendee", "a001", "Ada Lovelace", "a001@example.org",
       DescribeChange(diff.changes[0], false),
       "10:00 Acme Energy (booth A1, table 1, with Nguyễn Thị Hương); "
       "10:45 Blue Labs (booth B2, table 1)"},
      {"employer", "e002", "Blue Labs", "",
       DescribeChange(diff.changes[0], true), "10:45 table 1: Ada Lovelace"},
  };
  CHECK(Rows(csv) == expected);
  // Hương's day did not change: she is not told.
  CHECK(csv.find("a002,") == std::string::npos);
}

TEST_CASE("notify.csv: a cancelled day reads 'no conversations'", "[render]") {
  const Fair fair = FixtureFair();
  Schedule after = FixtureSchedule();
  // Ada's Blue Labs meeting is cancelled: Blue Labs has nobody left.
  std::erase_if(after.meetings,
                [](const Meeting& m) { return m.employer == 1; });
  const ScheduleDiff diff = Diff(fair, FixtureSchedule(), after);
  const std::vector<std::vector<std::string>> rows =
      Rows(RenderNotifyCsv(fair, after, diff));
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][0] == "attendee");
  CHECK(rows[1][5] ==
        "10:00 Acme Energy (booth A1, table 1, with Nguyễn Thị "
        "Hương)");
  CHECK(rows[2][0] == "employer");
  CHECK(rows[2][1] == "e002");
  CHECK(rows[2][5] == "no conversations");
}

TEST_CASE("notify.csv: one row per changed person, attendees first",
          "[render]") {
  const Fair fair = FixtureFair();
  Schedule after = FixtureSchedule();
  // Şükrü joins Ada at Blue Labs: Ada's group changed, Şükrü was added.
  for (Meeting& m : after.meetings) {
    if (m.employer == 1) m.attendees = {0, 2};
  }
  const ScheduleDiff diff = Diff(fair, FixtureSchedule(), after);
  const std::vector<std::vector<std::string>> rows =
      Rows(RenderNotifyCsv(fair, after, diff));
  std::vector<std::string> who;
  for (size_t i = 1; i < rows.size(); ++i) {
    who.push_back(rows[i][0] + ":" + rows[i][1]);
  }
  CHECK(who == std::vector<std::string>{"attendee:a001", "attendee:a003",
                                        "employer:e002"});
  CHECK(rows[2][5] == "10:15 Blue Labs (booth B2, table 1, with Ada Lovelace)");
  CHECK(rows[3][5] == "10:15 table 1: Ada Lovelace, Şükrü Öztürk");
}

TEST_CASE("notify.csv: someone the new fair lacks still gets a row",
          "[render]") {
  const Fair before_fair = FixtureFair();
  Fair fair = FixtureFair();
  const Schedule before = FixtureSchedule();
  // Şükrü left the inputs; he had no meeting, so give him one first.
  Schedule with_sukru = before;
  with_sukru.meetings.push_back(
      Meeting{.slot = 2, .employer = 0, .table = 1, .attendees = {2}});
  SortMeetings(with_sukru);
  fair.attendees.pop_back();
  const ScheduleDiff diff = DiffSchedules(
      RecordSchedule(before_fair, with_sukru), RecordSchedule(fair, before));
  const std::vector<std::vector<std::string>> rows =
      Rows(RenderNotifyCsv(fair, before, diff));
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][1] == "a003");
  CHECK(rows[1][2] == "Şükrü Öztürk");  // from the old schedule's people
  CHECK(rows[1][5] == "no conversations");
  CHECK(rows[2][1] == "e001");
}

TEST_CASE("notify.csv: cells cannot run as formulas", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[0].name = "=HYPERLINK(\"http://x\")";
  const Schedule after = BlueLabsMoved();
  const std::string csv =
      RenderNotifyCsv(fair, after, Diff(fair, FixtureSchedule(), after));
  const std::vector<std::vector<std::string>> rows = Rows(csv);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][2] == "'=HYPERLINK(\"http://x\")");
  CHECK(csv.find("\n=") == std::string::npos);
  CHECK(csv.find(",=") == std::string::npos);
}

}  // namespace
}  // namespace fairmatch
