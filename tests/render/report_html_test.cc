#include "engine/render/report_html.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "engine/check/explain.h"
#include "engine/render/schedules_html.h"  // HtmlEscape
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
  CHECK(Contains(html,
                 "<span class=\"n\">1.88</span><span class=\"l\">"
                 "total score</span><span class=\"s\">upper bound "
                 "2.50, gap 25.0%</span>"));
  CHECK(Contains(html,
                 "<span class=\"n\">40%</span><span class=\"l\">table "
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
  CHECK(Contains(warnings, "<b><bdi>Acme Energy</bdi></b> table 2"));

  // Without Ada's Blue Labs meeting, Blue Labs is an empty employer.
  schedule.meetings.pop_back();
  warnings = Warnings(Render(fair, schedule));
  CHECK(Contains(warnings, "1 employer has no conversation"));
  CHECK(Contains(warnings, "<bdi>Blue Labs</bdi> <i><bdi>B2</bdi></i>"));
}

TEST_CASE("report.html says which sheets list open booths, and only then",
          "[render]") {
  Fair fair = FixtureFair();
  std::string warnings = Warnings(Render(fair, FixtureSchedule()));
  INFO(warnings);
  CHECK(Contains(warnings, "1 of 1 shares a slot with an eligible employer"));
  // Şükrü scores above 0 with Blue Labs: his sheet lists it.
  CHECK(Contains(warnings, "Their sheet lists open booths to visit."));
  CHECK(Contains(warnings, "<b><bdi>Şükrü Öztürk</bdi></b> (<bdi>a003</bdi>)"));
  // Avoiding both employers, his sheet lists none, and the report says
  // nothing of booths.
  fair.attendees[2].avoid = {0, 1};
  warnings = Warnings(Render(fair, FixtureSchedule()));
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
  const std::string warnings = Warnings(Render(fair, schedule));
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
  std::string warnings = Warnings(Render(fair, AllSeatsTaken()));
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
  warnings = Warnings(Render(bigger, AllSeatsTaken()));
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
  const std::string warnings = Warnings(Render(fair, schedule));
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
  const std::string warnings = Warnings(Render(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "2 input warnings"));
  CHECK(Contains(warnings,
                 "<li>fixture/event.yaml:1:1: warning: no "
                 "&#39;timezone&#39;: calendar times are "
                 "floating</li>"));
  CHECK(Contains(warnings, "&#39;e009&#39; &lt;withdrawn&gt;; dropped"));
  fair.warnings.clear();
  CHECK_FALSE(
      Contains(Warnings(Render(fair, FixtureSchedule())), "input warning"));
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
  CHECK(Contains(html,
                 "<p class=\"rerun\">Rerun of out/v1 &lt;old&gt;/"
                 "schedule.json (revision 2): 5 kept, 1 moved, 2 added, "
                 "3 dropped, 4 kept as history</p>"));
}

TEST_CASE("report.html lists people as the event's language reads names",
          "[render]") {
  Fair fair = FixtureFair();
  fair.attendees.push_back(
      render_testing::MakeAttendee("a004", "Zoë Adams", {1, 1, 1}, {}, {}));
  fair.attendees.push_back(
      render_testing::MakeAttendee("a005", "Émile Roy", {1, 1, 1}, {}, {}));
  fair.employers.push_back(render_testing::MakeEmployer("e003", "Zenith", "C3",
                                                        1, {1, 1, 1}, {}, {}));
  fair.employers.push_back(render_testing::MakeEmployer("e004", "Ébène", "D4",
                                                        1, {1, 1, 1}, {}, {}));
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
  CHECK(Contains(warnings,
                 "<bdi>Şükrü Öztürk</bdi> \xE2\x86\x92 <bdi>Blue Labs</bdi>"));
}

TEST_CASE("report.html lists tags only one side uses, with likely fixes",
          "[render]") {
  Fair fair = FixtureFair();
  // Blue Labs seeks "statistcs" (typo); Ada offers "Statistics".
  fair.employers[1].seeks = {"statistcs", "sales"};
  fair.attendees[0].offers = {"python", "  Statistics "};
  std::string warnings = Warnings(Render(fair, FixtureSchedule()));
  CHECK(Contains(warnings, "employers seek that no attendee offers"));
  CHECK(Contains(warnings,
                 "<b><bdi>statistcs</bdi></b> 1 <i>(  Statistics ?)</i>"));
  CHECK(Contains(warnings, "attendees offer that no employer seeks"));
  // "remote work" is sought by Hương and offered by no employer.
  CHECK(Contains(warnings, "attendees seek that no employer offers"));
  CHECK(Contains(warnings, "<b><bdi>remote work</bdi></b> 1"));
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
  fair.attendees[2].name =
      "=HYPERLINK(\"http://evil\";\"<b>x</b>\"), O'Neil;\n";
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
  CHECK(Contains(html,
                 "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
                 "&amp; &quot;Fair&quot;"));
  CHECK(Contains(html, "Hall &lt;B&gt;"));
  CHECK(Contains(html,
                 "=HYPERLINK(&quot;http://evil&quot;;&quot;&lt;b&gt;x"
                 "&lt;/b&gt;&quot;), O&#39;Neil;"));
  CHECK(Contains(html, "&lt;img src=x onerror=alert(1)&gt;"));
  CHECK(Contains(html, "&lt;i&gt;sales&lt;/i&gt;"));
}

// The fixture with wishes on both sides and two requirements, min_score 0
// so that only requirements (and avoids) decide eligibility:
//   Ada wants Acme (met at 10:00);
//   Hương wants Blue Labs, then Acme (met at 10:00);
//   Şükrü wants Acme, whose requirement he fails, then Blue Labs;
//   Acme wants Şükrü, Blue Labs wants Ada (met at 10:15).
// Blue Labs is there at 10:15 only, with one seat (Ada's): its two
// eligible wishers are more than its seats.
Fair WishFair() {
  Fair fair = FixtureFair();
  fair.config.min_score = 0;
  fair.attendees[0].wants = {0};
  fair.attendees[1].wants = {1, 0};
  fair.attendees[2].wants = {0, 1};
  fair.attendees[2].program = "BSc Sales";
  fair.employers[0].wants = {2};
  fair.employers[1].wants = {0};
  fair.employers[1].group_size = 1;
  fair.employers[1].available = {fair.slots[1]};
  Requirement msc;
  msc.field = "program";
  msc.any_of = {"msc computer science"};
  msc.mark = {"fixture/employers.yaml", 9, 5};
  fair.employers[0].requirements = {msc};
  // Şükrü asks for remote work, which only Blue Labs states.
  Requirement remote;
  remote.field = "extra.remote";
  remote.any_of = {"yes"};
  remote.mark = {"fixture/attendees.yaml", 30, 5};
  fair.attendees[2].requirements = {remote};
  fair.employers[1].extra = {{"remote", "yes"}};
  return fair;
}

// The text of the "Wishes and requirements" part.
std::string WishPart(const std::string& html) {
  std::size_t begin = html.find("<h2>Wishes and requirements</h2>");
  std::size_t end = html.find("<h2>", begin + 1);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  return html.substr(begin, end - begin);
}

TEST_CASE("report.html weighs each employer's demand against its seats",
          "[render]") {
  const std::string part = WishPart(Render(WishFair(), FixtureSchedule()));
  INFO(part);
  CHECK(Contains(part, "1 of 2 wished employers are oversubscribed"));
  // Blue Labs first: wished by Hương and Şükrü, Hương's first choice, both
  // eligible, 1 seat (1 table x 1 x 1 slot), Ada's in use.
  CHECK(Contains(part,
                 "<tr class=\"over\"><td><b><bdi>Blue Labs</bdi></b><span "
                 "class=\"flag\">oversubscribed</span></td><td "
                 "class=\"n\">2</td><td class=\"n\">1</td><td "
                 "class=\"n\">2</td><td class=\"n\">1</td><td "
                 "class=\"n\">1</td></tr>"));
  // Acme: wished by all three, first for Ada and Şükrü, Şükrü fails its
  // requirement; 2 tables x 3 x 3 slots, Ada's and Hương's in use.
  CHECK(Contains(
      part,
      "<tr><td><b><bdi>Acme Energy</bdi></b></td><td class=\"n\">3</td><td "
      "class=\"n\">2</td><td class=\"n\">2</td><td "
      "class=\"n\">18</td><td class=\"n\">2</td></tr>"));
  CHECK(part.find("Blue Labs") < part.find("Acme Energy"));

  // First choices alone oversubscribe too: three first choices for two
  // seats at Blue Labs, whatever their eligibility.
  Fair fair = WishFair();
  fair.employers[1].group_size = 2;
  for (Attendee& a : fair.attendees) a.wants = {1};
  fair.attendees[2].avoid = {1};
  const std::string first = WishPart(Render(fair, FixtureSchedule()));
  CHECK(Contains(
      first,
      "<td><b><bdi>Blue Labs</bdi></b><span class=\"flag\">oversubscribed"
      "</span></td><td class=\"n\">3</td><td class=\"n\">3</td>"
      "<td class=\"n\">2</td><td class=\"n\">2</td>"));
}

TEST_CASE("report.html counts the wishes met per rank on each side",
          "[render]") {
  const std::string part = WishPart(Render(WishFair(), FixtureSchedule()));
  INFO(part);
  CHECK(Contains(part,
                 "<tr><td>1</td><td class=\"n\">1 of 3 (33%)</td><td "
                 "class=\"n\">1 of 2 (50%)</td></tr>"));
  CHECK(Contains(part,
                 "<tr><td>2</td><td class=\"n\">1 of 2 (50%)</td><td "
                 "class=\"n\">\xE2\x80\x93</td></tr>"));
  CHECK(Contains(part,
                 "<tr><td><b>all</b></td><td class=\"n\">2 of 5 "
                 "(40%)</td><td class=\"n\">1 of 2 (50%)</td></tr>"));
  CHECK_FALSE(Contains(part, "<td>3</td>"));
  CHECK_FALSE(Contains(part, "<td>6+</td>"));
}

TEST_CASE("report.html gives each unmet wish explain's verdict", "[render]") {
  const Fair fair = WishFair();
  const std::string part = WishPart(Render(fair, FixtureSchedule()));
  INFO(part);
  CHECK(Contains(part, "3 of 5 wishes are not met"));
  CHECK(Contains(part,
                 "<li><b>requirement-failed</b> 1</li><li><b>"
                 "employer-full</b> 2</li>"));
  // Şükrü's first wish, with the verdict text of fairmatch explain.
  const Compatibility compat = Compatibility::Build(fair);
  absl::StatusOr<Explanation> x =
      Explain(fair, compat, FixtureSchedule(), "a003", "e001");
  REQUIRE(x.ok());
  CHECK(x->pair->verdict == Verdict::kRequirementFailed);
  CHECK(Contains(part,
                 "<tr><td><b><bdi>Şükrü Öztürk</bdi></b> "
                 "(<bdi>a003</bdi>)</td><td><b><bdi>Acme "
                 "Energy</bdi></b></td><td class=\"n\">1</td><td>"
                 "requirement-failed</td><td>" +
                     HtmlEscape(x->pair->verdict_text) + "</td></tr>"));
  CHECK(Contains(part,
                 "requires program is msc computer science and Şükrü "
                 "Öztürk&#39;s is &#39;BSc Sales&#39;"));
  // By attendee, then rank; Ada's met wish is not listed.
  const std::size_t huong = part.find("<td><b><bdi>Nguyễn Thị Hương</bdi></b>");
  const std::size_t sukru_first =
      part.find("<td><b><bdi>Şükrü Öztürk</bdi></b>");
  REQUIRE(huong != std::string::npos);
  CHECK(huong < sukru_first);
  CHECK(render_testing::CountOccurrences(part, "<td>employer-full</td>") == 2);
  CHECK_FALSE(Contains(part, "<td><b><bdi>Ada Lovelace</bdi></b>"));

  Schedule all_met = FixtureSchedule();
  Fair met_fair = WishFair();
  met_fair.attendees[1].wants = {0};
  met_fair.attendees[2].wants = {};
  CHECK(Contains(WishPart(Render(met_fair, all_met)),
                 "<p>Every wish of an attendee is met.</p>"));
}

TEST_CASE("report.html ranks requirement clauses by the pairs they exclude",
          "[render]") {
  Fair fair = WishFair();
  fair.employers[1].requirements = {fair.employers[0].requirements[0]};
  fair.employers[1].requirements[0].any_of = {"msc computer science",
                                              "bsc sales"};
  const std::string part = WishPart(Render(fair, FixtureSchedule()));
  INFO(part);
  CHECK(Contains(part, "3 requirement clauses."));
  // Acme's excludes Şükrü, Şükrü's excludes Acme, Blue Labs' nobody.
  const std::string acme =
      "<tr><td><b><bdi>Acme Energy</bdi></b> <i>employer</i></td><td>program "
      "is msc "
      "computer science</td><td class=\"n\">1 of 3</td><td "
      "class=\"mark\">fixture/employers.yaml:9:5</td></tr>";
  const std::string sukru =
      "<tr><td><b><bdi>Şükrü Öztürk</bdi></b> (<bdi>a003</bdi>) "
      "<i>attendee</i></td><td>"
      "extra.remote is yes</td><td class=\"n\">1 of 2</td><td "
      "class=\"mark\">fixture/attendees.yaml:30:5</td></tr>";
  CHECK(Contains(part, acme));
  CHECK(Contains(part, sukru));
  CHECK(Contains(part,
                 "<td>program is one of msc computer science, bsc "
                 "sales</td><td class=\"n\">0 of 3</td>"));
  CHECK(part.find(acme) < part.find(sukru));
  CHECK(part.find(sukru) < part.find("bsc sales"));
}

TEST_CASE("report.html has no wishes part without wishes or requirements",
          "[render]") {
  const std::string html = Render(FixtureFair(), FixtureSchedule());
  CHECK_FALSE(Contains(html, "Wishes and requirements"));
  CHECK_FALSE(Contains(html, "table.grid"));
  // Requirements alone give the requirements, not the wishes.
  Fair fair = WishFair();
  for (Attendee& a : fair.attendees) a.wants.clear();
  for (Employer& e : fair.employers) e.wants.clear();
  const std::string part = WishPart(Render(fair, FixtureSchedule()));
  CHECK(Contains(part, "Requirements that exclude the most pairs"));
  CHECK_FALSE(Contains(part, "Demand per employer"));
  CHECK_FALSE(Contains(part, "Wishes met per rank"));
}

TEST_CASE("report.html is deterministic", "[render]") {
  CHECK(Render(FixtureFair(), FixtureSchedule()) ==
        Render(FixtureFair(), FixtureSchedule()));
  CHECK(Render(WishFair(), FixtureSchedule()) ==
        Render(WishFair(), FixtureSchedule()));
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
