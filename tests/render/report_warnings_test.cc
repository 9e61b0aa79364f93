#include "engine/render/report_warnings.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "tests/fixtures/fair_builder.h"
#include "tests/fixtures/shortfall_fair.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"
#include "tests/render/report_fixture.h"

namespace fairmatch {
namespace {

using testing::AllSeatsTaken;
using testing::Contains;
using testing::CountOccurrences;
using testing::FixtureFair;
using testing::FixtureSchedule;
using testing::kClock10;
using testing::Part;
using testing::ShortfallFair;
using testing::Warnings;

// The text of the "Worth acting on" list, written alone.
std::string WarningsPart(const Fair& fair, const Schedule& schedule) {
  return Warnings(Part(report::WriteWarnings, fair, schedule));
}

TEST_CASE("report.html warns about attendees and employers left out",
          "[render]") {
  Fair fair = FixtureFair();
  Schedule schedule = FixtureSchedule();
  std::string warnings = (WarningsPart(fair, schedule));
  CHECK(Contains(warnings, "1 attendee has no conversation"));
  CHECK(Contains(warnings, "Şükrü Öztürk"));
  CHECK(Contains(warnings, "Every employer has at least one conversation"));
  // Acme has two tables and only uses table 1.
  CHECK(Contains(warnings, "1 table is never used"));
  CHECK(Contains(warnings, "<b><bdi>Acme Energy</bdi></b> table 2"));

  // Without Ada's Blue Labs meeting, Blue Labs is an empty employer.
  schedule.meetings.pop_back();
  warnings = (WarningsPart(fair, schedule));
  CHECK(Contains(warnings, "1 employer has no conversation"));
  CHECK(Contains(warnings, "<bdi>Blue Labs</bdi> <i><bdi>B2</bdi></i>"));
}

TEST_CASE("report.html says which sheets list open booths, and only then",
          "[render]") {
  Fair fair = FixtureFair();
  std::string warnings = (WarningsPart(fair, FixtureSchedule()));
  INFO(warnings);
  CHECK(Contains(warnings, "1 of 1 shares a slot with an eligible employer"));
  // Şükrü scores above 0 with Blue Labs: his sheet lists it.
  CHECK(Contains(warnings, "Their sheet lists open booths to visit."));
  CHECK(Contains(warnings, "<b><bdi>Şükrü Öztürk</bdi></b> (<bdi>a003</bdi>)"));
  // Avoiding both employers, his sheet lists none, and the report says
  // nothing of booths.
  fair.attendees[2].avoid = {0, 1};
  warnings = (WarningsPart(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "1 attendee has no conversation"));
  CHECK(Contains(warnings, "0 of 1 shares a slot with an eligible employer"));
  CHECK_FALSE(Contains(warnings, "booth"));
  CHECK_FALSE(Contains(warnings, "free in a shared slot"));
}

TEST_CASE(
    "report.html names an attendee with one eligible employer, and "
    "advises on min_score, not tables",
    "[render]") {
  // a001 offers cooking, which only Acme seeks; they meet at 10:00.
  Fair fair = ShortfallFair(1);
  fair.attendees[0].offers = {"cooking"};
  fair.employers[0].seeks = {"python", "cooking"};
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {0}}};
  const std::string warnings = (WarningsPart(fair, schedule));
  CHECK(Contains(warnings,
                 "1 attendee has fewer conversations than meetings.min = 2 "
                 "(or their own lower cap): too few employers are eligible "
                 "for them"));
  CHECK(Contains(warnings,
                 "<li><b><bdi>Attendee 1</bdi></b> (<bdi>a001</bdi>): 1 of 2 "
                 "conversations. Only 1 "
                 "employer scores at or above min_score 0.30 with them; it "
                 "shares available slots with them.</li>"));
  CHECK(Contains(warnings,
                 "Lower min_score (now 0.30) or add employers "
                 "whose profiles fit theirs."));
  CHECK_FALSE(Contains(warnings, "more tables"));
  CHECK_FALSE(Contains(warnings, "Widen"));
}

TEST_CASE("report.html advises more seats only when the seats were taken",
          "[render]") {
  // a001..a003 take all nine seats; a004 has none.
  const Fair fair = ShortfallFair(4);
  std::string warnings = (WarningsPart(fair, AllSeatsTaken()));
  CHECK(Contains(warnings,
                 "every seat at their eligible employers was taken "
                 "while they were free"));
  CHECK(Contains(warnings,
                 "Capacity is the cause: more tables or a larger "
                 "group_size at these employers give them room"));
  CHECK(Contains(
      warnings,
      "<li><b><bdi>Acme</bdi></b> 1</li><li><b><bdi>Blue</bdi></b> 1</li>"
      "<li><b><bdi>Cobalt</bdi></b> 1</li>"));
  CHECK(Contains(
      warnings,
      "<li><b><bdi>Attendee 4</bdi></b> (<bdi>a004</bdi>): 0 of 2 "
      "conversations. 3 "
      "employers score at or above min_score 0.30 with them; all "
      "share available slots with them; of those, they do not "
      "meet 3: all were full in every shared slot where they were "
      "free (<bdi>Acme</bdi>, <bdi>Blue</bdi>, <bdi>Cobalt</bdi>).</li>"));
  CHECK_FALSE(Contains(warnings, "Lower min_score"));

  // With a free seat at Blue it is the planner's trade-off, not capacity.
  Fair bigger = fair;
  bigger.employers[1].tables = 2;
  warnings = (WarningsPart(bigger, AllSeatsTaken()));
  CHECK(Contains(warnings,
                 "an eligible employer had a free seat while they "
                 "were free"));
  CHECK(Contains(warnings,
                 "<bdi>Blue</bdi> had a free seat at 10:00 while they were "
                 "free"));
  CHECK_FALSE(Contains(warnings, "more tables"));
}

TEST_CASE("report.html advises wider windows when the windows are the cause",
          "[render]") {
  Fair fair = ShortfallFair(1);
  fair.attendees[0].available = {{kClock10, kClock10 + 15}};  // 10:00 only
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {0}}};
  const std::string warnings = (WarningsPart(fair, schedule));
  INFO(warnings);
  CHECK(Contains(warnings,
                 "their hours and the eligible employers&#39; hours "
                 "overlap too little"));
  CHECK(Contains(warnings, "Widen their availability"));
  CHECK(Contains(warnings,
                 "<li><b><bdi>Attendee 1</bdi></b> (<bdi>a001</bdi>): 1 of 2 "
                 "conversations. 3 "
                 "employers score at or above min_score 0.30 with them; all "
                 "share available slots with them, but those slots hold at "
                 "most 1 conversation with them (they are available in 1 of "
                 "3 slots); of those, they do not meet 2: all share slots "
                 "with them only while they are in other "
                 "conversations.</li>"));
  CHECK_FALSE(Contains(warnings, "more tables"));
  CHECK_FALSE(Contains(warnings, "Lower min_score"));
}

TEST_CASE("report.html lists the loader's warnings", "[render]") {
  Fair fair = FixtureFair();
  fair.warnings = {
      "fixture/event.yaml:1:1: warning: no 'timezone': calendar times are "
      "floating",
      "fixture/attendees.yaml:4:17: warning: 'e009' <withdrawn>; dropped "
      "from 'must_meet'"};
  const std::string warnings = (WarningsPart(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "2 input warnings"));
  CHECK(Contains(warnings,
                 "<li>fixture/event.yaml:1:1: warning: no "
                 "&#39;timezone&#39;: calendar times are "
                 "floating</li>"));
  CHECK(Contains(warnings, "&#39;e009&#39; &lt;withdrawn&gt;; dropped"));
  fair.warnings.clear();
  CHECK_FALSE(
      Contains((WarningsPart(fair, FixtureSchedule())), "input warning"));
}

TEST_CASE("report.html lists people as the event's language reads names",
          "[render]") {
  Fair fair = FixtureFair();
  fair.attendees.push_back(
      testing::MakeAttendee("a004", "Zoë Adams", {1, 1, 1}, {}, {}));
  fair.attendees.push_back(
      testing::MakeAttendee("a005", "Émile Roy", {1, 1, 1}, {}, {}));
  fair.employers.push_back(
      testing::MakeEmployer("e003", "Zenith", "C3", 1, {1, 1, 1}, {}, {}));
  fair.employers.push_back(
      testing::MakeEmployer("e004", "Ébène", "D4", 1, {1, 1, 1}, {}, {}));
  std::string warnings = (WarningsPart(fair, FixtureSchedule()));
  // Bytes would give Zoë, Émile, Şükrü and Zenith, Ébène.
  std::size_t emile = warnings.find("Émile Roy");
  std::size_t sukru = warnings.find("Şükrü Öztürk");
  std::size_t zoe = warnings.find("Zoë Adams");
  REQUIRE(zoe != std::string::npos);
  CHECK(emile < sukru);
  CHECK(sukru < zoe);
  CHECK(warnings.find("Ébène") < warnings.find("Zenith"));
}

TEST_CASE("report.html tells namesakes apart", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[2].name = "Ada Lovelace";  // Şükrü, who has no meeting
  fair.attendees[2].program = "BSc Sales";
  std::string warnings = (WarningsPart(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "Ada Lovelace (BSc Sales)"));
}

TEST_CASE("report.html reports must-meets", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[0].must_meet = {0};  // Ada meets Acme: met
  std::string warnings = (WarningsPart(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "The must-meet request is met"));
  fair.attendees[2].must_meet = {1};  // Şükrü meets nobody: unmet
  warnings = (WarningsPart(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "1 of 2 must-meet requests are not met"));
  CHECK(Contains(warnings,
                 "<bdi>Şükrü Öztürk</bdi> \xE2\x86\x92 <bdi>Blue Labs</bdi>"));
}

TEST_CASE("report.html lists tags only one side uses, with likely fixes",
          "[render]") {
  Fair fair = FixtureFair();
  // Blue Labs seeks "statistcs" (typo); Ada offers "Statistics".
  fair.employers[1].seeks = {"statistcs", "sales"};
  fair.attendees[0].offers = {"python", "  Statistics "};
  std::string warnings = (WarningsPart(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "employers seek that no attendee offers"));
  CHECK(Contains(warnings,
                 "<b><bdi>statistcs</bdi></b> 1 <i>(  Statistics ?)</i>"));
  CHECK(Contains(warnings, "attendees offer that no employer seeks"));
  // "remote work" is sought by Hương and offered by no employer.
  CHECK(Contains(warnings, "attendees seek that no employer offers"));
  CHECK(Contains(warnings, "<b><bdi>remote work</bdi></b> 1"));
  // Normalisation: "MENTORING " on one side matches "mentoring" on the other.
  fair.employers[0].offers = {"MENTORING "};
  warnings = (WarningsPart(fair, FixtureSchedule()));
  CHECK_FALSE(Contains(warnings, "<b>MENTORING </b>"));
  CHECK_FALSE(Contains(warnings, "<b>mentoring</b>"));
}

}  // namespace
}  // namespace fairmatch
