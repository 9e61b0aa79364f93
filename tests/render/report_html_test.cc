#include "engine/render/report_html.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "engine/check/explain.h"
#include "engine/render/schedules_html.h"  // HtmlEscape
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
using testing::Render;
using testing::ShortfallFair;
using testing::WishFair;
using testing::WishPart;

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
  metrics.price_of_fairness = 0.25;
  metrics.objective = 10;
  metrics.objective_bound = 10.5;
  metrics.gap = 1 - 10 / 10.5;
  metrics.table_utilisation = 0.4;
  metrics.planner = {{"match_rounds", 3}, {"candidate_pairs", 6}};
  std::string html = Render(fair, FixtureSchedule(), &metrics);
  CHECK(Contains(html,
                 "<span class=\"n\">1.88</span><span class=\"l\">"
                 "total score</span><span class=\"s\">upper bound "
                 "2.50; 4.8% from the best plan</span>"));
  // The planner's table: both bounds and what they give.
  CHECK(Contains(html, "<td>price of fairness</td><td class=\"v\">25.000%"));
  CHECK(Contains(html, "<td>objective bound</td><td class=\"v\">10.500000"));
  CHECK(Contains(html, "<td>gap</td><td class=\"v\">4.762%"));
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
