#include "engine/render/report_wishes.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "engine/check/explain.h"
#include "engine/render/schedules_html.h"  // HtmlEscape
#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"
#include "tests/render/report_fixture.h"

namespace fairmatch {
namespace {

using testing::Contains;
using testing::CountOccurrences;
using testing::FixtureFair;
using testing::FixtureSchedule;
using testing::Part;
using testing::WishFair;

// The "Wishes and requirements" part, written alone.
std::string WishesPart(const Fair& fair, const Schedule& schedule) {
  return Part(report::WriteWishesAndRequirements, fair, schedule);
}

TEST_CASE("report.html weighs each employer's demand against its seats",
          "[render]") {
  const std::string part = (WishesPart(WishFair(), FixtureSchedule()));
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
  const std::string first = (WishesPart(fair, FixtureSchedule()));
  CHECK(Contains(
      first,
      "<td><b><bdi>Blue Labs</bdi></b><span class=\"flag\">oversubscribed"
      "</span></td><td class=\"n\">3</td><td class=\"n\">3</td>"
      "<td class=\"n\">2</td><td class=\"n\">2</td>"));
}

TEST_CASE("report.html counts the wishes met per rank on each side",
          "[render]") {
  const std::string part = (WishesPart(WishFair(), FixtureSchedule()));
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
  const std::string part = (WishesPart(fair, FixtureSchedule()));
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
  CHECK(CountOccurrences(part, "<td>employer-full</td>") == 2);
  CHECK_FALSE(Contains(part, "<td><b><bdi>Ada Lovelace</bdi></b>"));

  Schedule all_met = FixtureSchedule();
  Fair met_fair = WishFair();
  met_fair.attendees[1].wants = {0};
  met_fair.attendees[2].wants = {};
  CHECK(Contains((WishesPart(met_fair, all_met)),
                 "<p>Every wish of an attendee is met.</p>"));
}

TEST_CASE("report.html ranks requirement clauses by the pairs they exclude",
          "[render]") {
  Fair fair = WishFair();
  fair.employers[1].requirements = {fair.employers[0].requirements[0]};
  fair.employers[1].requirements[0].any_of = {"msc computer science",
                                              "bsc sales"};
  const std::string part = (WishesPart(fair, FixtureSchedule()));
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

}  // namespace
}  // namespace fairmatch
