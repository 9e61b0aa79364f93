#include "engine/render/diff_report.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/check/schedule_diff.h"
#include "engine/model/recorded_schedule.h"
#include "tests/fixtures/recorded.h"

namespace fairmatch {
namespace {

using testing::At;

// A017 has one change of each kind; A002 keeps Acme 10:00 (where A017 has
// left the group: regrouped) and loses E04, an employer nobody names.
ScheduleDiff ExampleDiff() {
  RecordedSchedule old_s, new_s;
  old_s.meetings = {At("09:30", "E03", 1, {"A017"}),
                    At("10:00", "E01", 1, {"A017", "A002"}),
                    At("11:00", "E04", 1, {"A002"})};
  old_s.employers = {{"E03", "Initech", ""}};
  new_s.meetings = {At("10:00", "E01", 1, {"A002"}),
                    At("11:15", "E01", 2, {"A017"}),
                    At("14:00", "E02", 2, {"A017"})};
  new_s.attendees = {{"A002", "Bo Li", ""}, {"A017", "Ana Pérez", "ana@x"}};
  new_s.employers = {{"E01", "Acme", ""}, {"E02", "=Globex", ""}};
  return DiffSchedules(old_s, new_s);
}

TEST_CASE("the text diff lists counts, attendees, employers and notify",
          "[render]") {
  CHECK(RenderDiffText(ExampleDiff()) ==
        "1 kept, 1 moved, 1 added, 2 cancelled (attendee-meetings); 1 kept "
        "with a change of who is at the table\n"
        "\n"
        "attendees:\n"
        "  A002 Bo Li: regrouped Acme 10:00 (table 1), left by A017; "
        "cancelled E04 11:00\n"
        "  A017 Ana Pérez <ana@x>: cancelled Initech 09:30; moved Acme "
        "10:00 table 1 -> 11:15 table 2; added =Globex 14:00 (table 2)\n"
        "\n"
        "employers:\n"
        "  E01 Acme: moved A017 Ana Pérez 10:00 table 1 -> 11:15 table 2\n"
        "  E02 =Globex: added A017 Ana Pérez 14:00 (table 2)\n"
        "  E03 Initech: cancelled A017 Ana Pérez 09:30\n"
        "  E04: cancelled A002 Bo Li 11:00\n"
        "\n"
        "notify: 2 attendees, 4 employers\n");
}

TEST_CASE("a move at the same table names only the times", "[render]") {
  RecordedSchedule old_s, new_s;
  old_s.meetings = {At("10:00", "E1", 1, {"A"})};
  new_s.meetings = {At("11:15", "E1", 1, {"A"})};
  const std::string text = RenderDiffText(DiffSchedules(old_s, new_s));
  CHECK_THAT(text, Catch::Contains("  A: moved E1 10:00 -> 11:15\n"));
  CHECK_THAT(text, Catch::EndsWith("notify: 1 attendee, 1 employer\n"));
}

TEST_CASE("identical schedules say so in one line", "[render]") {
  RecordedSchedule s;
  s.meetings = {At("10:00", "E1", 1, {"A", "B"})};
  CHECK(RenderDiffText(DiffSchedules(s, s)) ==
        "no changes: 2 attendee-meetings kept\n"
        "notify: 0 attendees, 0 employers\n");
  CHECK(RenderDiffCsv(DiffSchedules(s, s)) ==
        "kind,attendee_id,attendee_name,email,employer_id,employer_name,"
        "old_start,old_table,new_start,new_table\r\n");
}

TEST_CASE("control characters in names print as spaces in the text",
          "[render]") {
  RecordedSchedule old_s, new_s;
  new_s.meetings = {At("10:00", "E1", 1, {"A"})};
  new_s.attendees = {{"A", "Eve\x1b[2J\nX", ""}};
  CHECK_THAT(RenderDiffText(DiffSchedules(old_s, new_s)),
             Catch::Contains("  A Eve [2J X: added E1 10:00 (table 1)\n"));
}

TEST_CASE("the CSV diff has one row per change, neutralised", "[render]") {
  CHECK(RenderDiffCsv(ExampleDiff()) ==
        "kind,attendee_id,attendee_name,email,employer_id,employer_name,"
        "old_start,old_table,new_start,new_table\r\n"
        "regrouped,A002,Bo Li,,E01,Acme,10:00,1,10:00,1\r\n"
        "cancelled,A002,Bo Li,,E04,,11:00,1,,\r\n"
        "cancelled,A017,Ana Pérez,ana@x,E03,Initech,09:30,1,,\r\n"
        "moved,A017,Ana Pérez,ana@x,E01,Acme,10:00,1,11:15,2\r\n"
        "added,A017,Ana Pérez,ana@x,E02,'=Globex,,,14:00,2\r\n");
}

TEST_CASE("the JSON diff holds counts, changes and notify", "[render]") {
  const std::string text = RenderDiffJson(ExampleDiff());
  CHECK_THAT(text, Catch::EndsWith("}\n"));
  const nlohmann::json j = nlohmann::json::parse(text);
  CHECK(j["counts"] == nlohmann::json({{"kept", 1},
                                       {"moved", 1},
                                       {"added", 1},
                                       {"cancelled", 2},
                                       {"regrouped", 1}}));
  REQUIRE(j["changes"].size() == 5);
  const nlohmann::json& regrouped = j["changes"][0];
  CHECK(regrouped["kind"] == "regrouped");
  CHECK(regrouped["left"] == nlohmann::json({"A017"}));
  CHECK(regrouped["joined"] == nlohmann::json::array());
  const nlohmann::json& moved = j["changes"][3];
  CHECK(moved["kind"] == "moved");
  CHECK(moved["attendee"] == "A017");
  CHECK(moved["email"] == "ana@x");
  CHECK(moved["employer_name"] == "Acme");
  CHECK(moved["old"] == nlohmann::json({{"start", "10:00"}, {"table", 1}}));
  CHECK(moved["new"] == nlohmann::json({{"start", "11:15"}, {"table", 2}}));
  CHECK(j["changes"][1]["new"].is_null());
  CHECK(j["changes"][4]["old"].is_null());
  REQUIRE(j["notify"]["attendees"].size() == 2);
  CHECK(j["notify"]["attendees"][1]["id"] == "A017");
  CHECK(j["notify"]["attendees"][1]["changes"] == 3);
  REQUIRE(j["notify"]["employers"].size() == 4);
  CHECK(j["notify"]["employers"][3]["id"] == "E04");
  // Keys keep their documented order.
  CHECK(text.find("\"counts\"") < text.find("\"changes\""));
  CHECK(text.find("\"changes\"") < text.find("\"notify\""));
}

TEST_CASE("the JSON diff replaces invalid UTF-8 instead of failing",
          "[render]") {
  RecordedSchedule old_s, new_s;
  new_s.meetings = {At("10:00", "E1", 1, {"A"})};
  new_s.attendees = {{"A", "bad \xff byte", ""}};
  const nlohmann::json j =
      nlohmann::json::parse(RenderDiffJson(DiffSchedules(old_s, new_s)));
  CHECK(j["changes"][0]["attendee_name"] == "bad \xEF\xBF\xBD byte");
}

}  // namespace
}  // namespace fairmatch
