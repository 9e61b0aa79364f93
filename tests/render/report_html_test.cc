#include "engine/render/report_html.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "tests/check/shortfall_fixture.h"
#include "tests/render/render_fixture.h"

namespace fairmatch {
namespace {

using check_testing::AllSeatsTaken;
using check_testing::kClock10;
using check_testing::ShortfallFair;
using render_testing::CountOccurrences;
using render_testing::FixtureFair;
using render_testing::FixtureSchedule;

std::string Render(const Fair& fair, const Schedule& schedule,
                   Metrics* metrics_out = nullptr) {
  Compatibility compat = Compatibility::Build(fair);
  Metrics metrics = ComputeMetrics(fair, compat, schedule);
  if (metrics_out != nullptr) metrics = *metrics_out;
  return RenderReportHtml(fair, compat, schedule, metrics);
}

bool Contains(const std::string& text, std::string_view needle) {
  return text.find(needle) != std::string::npos;
}

// The text of the "Worth acting on" list.
std::string Warnings(const std::string& html) {
  std::size_t begin = html.find("<ul class=\"notes\">");
  std::size_t end = html.find("</ul>\n", begin);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  return html.substr(begin, end - begin);
}

TEST_CASE("report.html is one self-contained document", "[render]") {
  std::string html = Render(FixtureFair(), FixtureSchedule());
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(Contains(html, "<meta charset=\"utf-8\">"));
  CHECK_FALSE(Contains(html, "<script"));
  CHECK_FALSE(Contains(html, "<link"));
  CHECK_FALSE(Contains(html, "src="));
  CHECK_FALSE(Contains(html, "href="));
  CHECK_FALSE(Contains(html, "url("));
  CHECK_FALSE(Contains(html, "@import"));
  CHECK(html.substr(html.size() - 8) == "</html>\n");
  // Four charts, each an inline SVG.
  CHECK(CountOccurrences(html, "<figure") == 4);
  CHECK(CountOccurrences(html, "<svg viewBox") >= 4);
  CHECK(CountOccurrences(html, "<svg") == CountOccurrences(html, "</svg>"));
}

TEST_CASE("report.html shows the key metrics", "[render]") {
  Fair fair = FixtureFair();
  Metrics metrics;
  metrics.meetings = 2;
  metrics.attendee_meetings = 3;
  metrics.attendees = 3;
  metrics.attendees_with_no_meeting = 1;
  metrics.total_score = 1.875;
  metrics.upper_bound = 2.5;
  metrics.gap = 0.25;
  metrics.table_utilisation = 0.4;
  metrics.planner = {{"match_rounds", 3}, {"candidate_pairs", 6}};
  std::string html = Render(fair, FixtureSchedule(), &metrics);
  CHECK(Contains(html, "<span class=\"n\">1.88</span><span class=\"l\">"
                       "total score</span><span class=\"s\">upper bound "
                       "2.50, gap 25.0%</span>"));
  CHECK(Contains(html, "<span class=\"n\">40%</span><span class=\"l\">table "
                       "utilisation"));
  CHECK(Contains(html, "<td>match_rounds</td><td class=\"v\">3</td>"));
  CHECK(Contains(html, "<td>candidate_pairs</td><td class=\"v\">6</td>"));

  metrics.upper_bound = -1;
  metrics.gap = -1;
  metrics.planner.clear();
  html = Render(fair, FixtureSchedule(), &metrics);
  CHECK_FALSE(Contains(html, "upper bound"));
  CHECK_FALSE(Contains(html, "<h2>Planner</h2>"));
}

TEST_CASE("report.html warns about attendees and employers left out",
          "[render]") {
  Fair fair = FixtureFair();
  Schedule schedule = FixtureSchedule();
  std::string warnings = Warnings(Render(fair, schedule));
  CHECK(Contains(warnings, "1 attendee has no conversation"));
  CHECK(Contains(warnings, "Şükrü Öztürk"));
  CHECK(Contains(warnings, "Every employer has at least one conversation"));
  // Acme has two tables and only uses table 1.
  CHECK(Contains(warnings, "1 table is never used"));
  CHECK(Contains(warnings, "<b>Acme Energy</b> table 2"));

  // Without Ada's Blue Labs meeting, Blue Labs is an empty employer.
  schedule.meetings.pop_back();
  warnings = Warnings(Render(fair, schedule));
  CHECK(Contains(warnings, "1 employer has no conversation"));
  CHECK(Contains(warnings, "Blue Labs <i>B2</i>"));
}

TEST_CASE("report.html says which sheets list open booths, and only then",
          "[render]") {
  Fair fair = FixtureFair();
  std::string warnings = Warnings(Render(fair, FixtureSchedule()));
  INFO(warnings);
  CHECK(Contains(warnings, "1 of 1 shares a slot with an eligible employer"));
  // Şükrü scores above 0 with Blue Labs: his sheet lists it.
  CHECK(Contains(warnings, "Their sheet lists open booths to visit."));
  CHECK(Contains(warnings, "<b>Şükrü Öztürk</b> (a003)"));
  // Avoiding both employers, his sheet lists none, and the report says
  // nothing of booths.
  fair.attendees[2].avoid = {0, 1};
  warnings = Warnings(Render(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "1 attendee has no conversation"));
  CHECK(Contains(warnings, "0 of 1 shares a slot with an eligible employer"));
  CHECK_FALSE(Contains(warnings, "booth"));
  CHECK_FALSE(Contains(warnings, "free in a shared slot"));
}

TEST_CASE("report.html names an attendee with one eligible employer, and "
          "advises on min_score, not tables",
          "[render]") {
  // a001 offers cooking, which only Acme seeks; they meet at 10:00.
  Fair fair = ShortfallFair(1);
  fair.attendees[0].offers = {"cooking"};
  fair.employers[0].seeks = {"python", "cooking"};
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {0}}};
  const std::string warnings = Warnings(Render(fair, schedule));
  CHECK(Contains(warnings,
                 "1 attendee has fewer conversations than meetings.min = 2 "
                 "(or their own lower cap): too few employers are eligible "
                 "for them"));
  CHECK(Contains(warnings,
                 "<li><b>Attendee 1</b> (a001): 1 of 2 conversations. Only 1 "
                 "employer scores at or above min_score 0.30 with them; it "
                 "shares available slots with them.</li>"));
  CHECK(Contains(warnings, "Lower min_score (now 0.30) or add employers "
                           "whose profiles fit theirs."));
  CHECK_FALSE(Contains(warnings, "more tables"));
  CHECK_FALSE(Contains(warnings, "Widen"));
}

TEST_CASE("report.html advises more seats only when the seats were taken",
          "[render]") {
  // a001..a003 take all nine seats; a004 has none.
  const Fair fair = ShortfallFair(4);
  std::string warnings = Warnings(Render(fair, AllSeatsTaken()));
  CHECK(Contains(warnings, "every seat at their eligible employers was taken "
                           "while they were free"));
  CHECK(Contains(warnings, "Capacity is the cause: more tables or a larger "
                           "group_size at these employers give them room"));
  CHECK(Contains(warnings, "<li><b>Acme</b> 1</li><li><b>Blue</b> 1</li>"
                           "<li><b>Cobalt</b> 1</li>"));
  CHECK(Contains(warnings,
                 "<li><b>Attendee 4</b> (a004): 0 of 2 conversations. 3 "
                 "employers score at or above min_score 0.30 with them; all "
                 "share available slots with them; of those, they do not "
                 "meet 3: all were full in every shared slot where they were "
                 "free (Acme, Blue, Cobalt).</li>"));
  CHECK_FALSE(Contains(warnings, "Lower min_score"));

  // With a free seat at Blue it is the planner's trade-off, not capacity.
  Fair bigger = fair;
  bigger.employers[1].tables = 2;
  warnings = Warnings(Render(bigger, AllSeatsTaken()));
  CHECK(Contains(warnings, "an eligible employer had a free seat while they "
                           "were free"));
  CHECK(Contains(warnings, "Blue had a free seat at 10:00 while they were "
                           "free"));
  CHECK_FALSE(Contains(warnings, "more tables"));
}

TEST_CASE("report.html advises wider windows when the windows are the cause",
          "[render]") {
  Fair fair = ShortfallFair(1);
  fair.attendees[0].available = {{kClock10, kClock10 + 15}};  // 10:00 only
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {0}}};
  const std::string warnings = Warnings(Render(fair, schedule));
  INFO(warnings);
  CHECK(Contains(warnings, "their hours and the eligible employers&#39; hours "
                           "overlap too little"));
  CHECK(Contains(warnings, "Widen their availability"));
  CHECK(Contains(warnings,
                 "<li><b>Attendee 1</b> (a001): 1 of 2 conversations. 3 "
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
  const std::string warnings = Warnings(Render(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "2 input warnings"));
  CHECK(Contains(warnings, "<li>fixture/event.yaml:1:1: warning: no "
                           "&#39;timezone&#39;: calendar times are "
                           "floating</li>"));
  CHECK(Contains(warnings, "&#39;e009&#39; &lt;withdrawn&gt;; dropped"));
  fair.warnings.clear();
  CHECK_FALSE(Contains(Warnings(Render(fair, FixtureSchedule())),
                       "input warning"));
}

TEST_CASE("a rerun's report names its baseline and what changed", "[render]") {
  Fair fair = FixtureFair();
  Metrics metrics;
  std::string html = Render(fair, FixtureSchedule(), &metrics);
  CHECK_FALSE(Contains(html, "Rerun of"));
  metrics.baseline_kept = 5;
  metrics.baseline_moved = 1;
  metrics.baseline_added = 2;
  metrics.baseline_dropped = 3;
  metrics.baseline_history = 4;
  metrics.baseline_path = "out/v1 <old>/schedule.json";
  metrics.baseline_revision = 2;
  html = Render(fair, FixtureSchedule(), &metrics);
  CHECK(Contains(html, "<p class=\"rerun\">Rerun of out/v1 &lt;old&gt;/"
                       "schedule.json (revision 2): 5 kept, 1 moved, 2 added, "
                       "3 dropped, 4 kept as history</p>"));
}

TEST_CASE("report.html lists people as the event's language reads names",
          "[render]") {
  Fair fair = FixtureFair();
  fair.attendees.push_back(render_testing::MakeAttendee(
      "a004", "Zoë Adams", {1, 1, 1}, {}, {}));
  fair.attendees.push_back(render_testing::MakeAttendee(
      "a005", "Émile Roy", {1, 1, 1}, {}, {}));
  fair.employers.push_back(render_testing::MakeEmployer(
      "e003", "Zenith", "C3", 1, {1, 1, 1}, {}, {}));
  fair.employers.push_back(render_testing::MakeEmployer(
      "e004", "Ébène", "D4", 1, {1, 1, 1}, {}, {}));
  std::string warnings = Warnings(Render(fair, FixtureSchedule()));
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
  std::string warnings = Warnings(Render(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "Ada Lovelace (BSc Sales)"));
}

TEST_CASE("report.html reports must-meets", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[0].must_meet = {0};  // Ada meets Acme: met
  std::string warnings = Warnings(Render(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "The must-meet request is met"));
  fair.attendees[2].must_meet = {1};  // Şükrü meets nobody: unmet
  warnings = Warnings(Render(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "1 of 2 must-meet requests are not met"));
  CHECK(Contains(warnings, "Şükrü Öztürk \xE2\x86\x92 Blue Labs"));
}

TEST_CASE("report.html lists tags only one side uses, with likely fixes",
          "[render]") {
  Fair fair = FixtureFair();
  // Blue Labs seeks "statistcs" (typo); Ada offers "Statistics".
  fair.employers[1].seeks = {"statistcs", "sales"};
  fair.attendees[0].offers = {"python", "  Statistics "};
  std::string warnings = Warnings(Render(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "employers seek that no attendee offers"));
  CHECK(Contains(warnings, "<b>statistcs</b> 1 <i>(  Statistics ?)</i>"));
  CHECK(Contains(warnings, "attendees offer that no employer seeks"));
  // "remote work" is sought by Hương and offered by no employer.
  CHECK(Contains(warnings, "attendees seek that no employer offers"));
  CHECK(Contains(warnings, "<b>remote work</b> 1"));
  // Normalisation: "MENTORING " on one side matches "mentoring" on the other.
  fair.employers[0].offers = {"MENTORING "};
  warnings = Warnings(Render(fair, FixtureSchedule()));
  CHECK_FALSE(Contains(warnings, "<b>MENTORING </b>"));
  CHECK_FALSE(Contains(warnings, "<b>mentoring</b>"));
}

TEST_CASE("report.html escapes every text from the fair", "[render]") {
  Fair fair = FixtureFair();
  fair.event.name = "<script>alert('x')</script> & \"Fair\"";
  fair.event.venue = "Hall <B>";
  fair.attendees[2].name = "=HYPERLINK(\"http://evil\";\"<b>x</b>\"), O'Neil;\n";
  fair.employers[1].name = "<img src=x onerror=alert(1)>";
  fair.employers[1].seeks = {"<i>sales</i>"};
  Schedule schedule = FixtureSchedule();
  schedule.meetings.pop_back();  // Blue Labs is listed as empty
  std::string html = Render(fair, schedule);
  CHECK_FALSE(Contains(html, "<script"));
  CHECK_FALSE(Contains(html, "<img"));
  CHECK_FALSE(Contains(html, "<B>"));
  CHECK_FALSE(Contains(html, "<i>sales"));
  CHECK_FALSE(Contains(html, "\"<b>x"));
  CHECK(Contains(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
                       "&amp; &quot;Fair&quot;"));
  CHECK(Contains(html, "Hall &lt;B&gt;"));
  CHECK(Contains(html, "=HYPERLINK(&quot;http://evil&quot;;&quot;&lt;b&gt;x"
                       "&lt;/b&gt;&quot;), O&#39;Neil;"));
  CHECK(Contains(html, "&lt;img src=x onerror=alert(1)&gt;"));
  CHECK(Contains(html, "&lt;i&gt;sales&lt;/i&gt;"));
}

TEST_CASE("report.html is deterministic", "[render]") {
  CHECK(Render(FixtureFair(), FixtureSchedule()) ==
        Render(FixtureFair(), FixtureSchedule()));
}

TEST_CASE("report.html copes with an empty fair", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees.clear();
  fair.employers.clear();
  std::string html = Render(fair, Schedule{});
  CHECK(html.substr(html.size() - 8) == "</html>\n");
  CHECK_FALSE(Contains(html, "nan"));
  CHECK_FALSE(Contains(html, "inf\""));
}

}  // namespace
}  // namespace fairmatch
