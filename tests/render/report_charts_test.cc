#include "engine/render/report_charts.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"
#include "tests/render/report_fixture.h"

namespace fairmatch::report {
namespace {

using testing::Contains;
using testing::CountOccurrences;
using testing::FixtureFair;
using testing::FixtureSchedule;
using testing::MakeEmployer;
using testing::Part;

TEST_CASE("chart axes end on round numbers", "[render]") {
  CHECK(NiceAxis(0) == std::pair<double, double>{1, 0.25});
  CHECK(NiceAxis(-3) == std::pair<double, double>{1, 0.25});
  CHECK(NiceAxis(10) == std::pair<double, double>{10, 2.5});
  CHECK(NiceAxis(7) == std::pair<double, double>{8, 2});
  CHECK(NiceAxis(0.9) == std::pair<double, double>{1, 0.25});
  CHECK(NiceAxis(230) == std::pair<double, double>{300, 100});
}

TEST_CASE("a bar chart draws a rect per bar and escapes its text", "[render]") {
  std::vector<Bar> bars = {{"a<b", 3, "3"}, {"c", 1, ""}, {"d", 0, ""}};
  const std::string svg = BarChart(bars, "T & U", true, 340);
  CHECK(svg.rfind("<svg viewBox=\"0 0 340 220\"", 0) == 0);
  CHECK(Contains(svg, "aria-label=\"T &amp; U\""));
  CHECK(CountOccurrences(svg, "<rect ") == 3);
  CHECK(Contains(svg, "<title>a&lt;b: 3</title>"));
  CHECK(Contains(svg, "<title>c: 1</title>"));
  // An integer axis: ticks 0, 1, 2, 3.
  CHECK(Contains(svg, ">3</text>"));
  CHECK_FALSE(Contains(svg, ">0.5</text>"));
  CHECK(svg.substr(svg.size() - 6) == "</svg>");
}

TEST_CASE("fraction rows clamp to the plot", "[render]") {
  const std::string svg =
      FractionRows({{"over", 1.7, "170%"}, {"under", -1, "none"}}, "shares");
  CHECK(Contains(svg, "<title>over: 170%</title>"));
  // The bar of a share over 1 is as wide as the plot (700 - 180 - 112).
  CHECK(
      Contains(svg, "width=\"408.0\" height=\"11\" rx=\"2\" fill=\"#3b6ea5\""));
  CHECK(Contains(svg, "width=\"0.0\" height=\"11\" rx=\"2\" fill=\"#3b6ea5\""));
  // The five ticks 0% to 100%, and the note "170%".
  CHECK(CountOccurrences(svg, "%</text>") == 6);
}

TEST_CASE("the charts part holds its four figures", "[render]") {
  const std::string part = Part(WriteCharts, FixtureFair(), FixtureSchedule());
  CHECK(part.rfind("<h2>Charts</h2>\n<div class=\"charts\">", 0) == 0);
  CHECK(CountOccurrences(part, "<figure") == 4);
  CHECK(Contains(part, "<h3>Attendee totals</h3>"));
  CHECK(Contains(part, "<h3>Conversations per attendee</h3>"));
  CHECK(Contains(part, "<h3>Mean score by slot</h3>"));
  CHECK(Contains(part, "<h3>Table utilisation per employer</h3>"));
  // One row per employer while they are few: Acme uses 1 of 6 table slots.
  CHECK(Contains(part, "<title>Acme Energy: 17% \xC2\xB7 1 conv.</title>"));
  CHECK(Contains(part, ">10:45</text>"));
}

TEST_CASE("many employers get a distribution, not a row each", "[render]") {
  Fair fair = FixtureFair();
  for (int e = 0; e < 41; ++e) {
    fair.employers.push_back(MakeEmployer("x" + std::to_string(e),
                                          "Extra " + std::to_string(e), "", 1,
                                          {3, 3, 3}, {}, {}));
  }
  const std::string part = Part(WriteCharts, fair, FixtureSchedule());
  CHECK(Contains(part, "aria-label=\"Employers by table utilisation\""));
  CHECK_FALSE(Contains(part, "Extra 7:"));
  CHECK(Contains(part,
                 ">0\xE2\x80\x93"
                 "10</text>"));
}

}  // namespace
}  // namespace fairmatch::report
