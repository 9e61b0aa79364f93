#include "engine/render/report_section.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "tests/fixtures/spring_fair.h"

namespace fairmatch::report {
namespace {

using testing::FixtureFair;
using testing::FixtureSchedule;

TEST_CASE("report numbers are fixed, never -0, and counters stay whole",
          "[render]") {
  CHECK(Fixed(1.23456, 2) == "1.23");
  CHECK(Fixed(-0.0001, 2) == "0.00");
  CHECK(Fixed(-1.5, 1) == "-1.5");
  CHECK(Fixed(std::numeric_limits<double>::infinity(), 2) == "n/a");
  CHECK(Fixed(std::nan(""), 2) == "n/a");
  CHECK(Int(-42) == "-42");
  CHECK(Percent(0.425) == "42%");
  CHECK(Percent(1) == "100%");
  CHECK(Number(12) == "12");
  CHECK(Number(0.5) == "0.500");
  CHECK(Number(1e16) == "10000000000000000.000");
  CHECK(Plural(1, "table", "tables") == "1 table");
  CHECK(Plural(0, "table", "tables") == "0 tables");
  CHECK(Esc("<a & 'b'>") == "&lt;a &amp; &#39;b&#39;&gt;");
  CHECK(User("Acme") == "<bdi>Acme</bdi>");
}

TEST_CASE("the facts count each person's conversations and scores",
          "[render]") {
  const Fair fair = FixtureFair();
  const Compatibility compat = Compatibility::Build(fair);
  const Schedule schedule = FixtureSchedule();
  const ReportFacts facts = CollectFacts(fair, compat, schedule);
  // Ada meets Acme and Blue Labs, Hương Acme, Şükrü nobody.
  CHECK(facts.count_of_attendee == std::vector<int>{2, 1, 0});
  CHECK(facts.places_of_employer == std::vector<int>{2, 1});
  CHECK(facts.conversations_of_employer == std::vector<int>{1, 1});
  CHECK(facts.met[0] == std::set<int>{0, 1});
  CHECK(facts.met[2].empty());
  CHECK(facts.total_of_attendee[0] ==
        Approx(compat.Pair(0, 0).score + compat.Pair(0, 1).score));
  CHECK(facts.total_of_attendee[2] == 0);
  // Slot 0 holds Ada and Hương at Acme; slot 2 nobody.
  CHECK(facts.slot_places == std::vector<int>{2, 1, 0});
  CHECK(facts.slot_score[0] ==
        Approx(compat.Pair(0, 0).score + compat.Pair(1, 0).score));
  // Acme: 2 tables x 3 slots, one table slot in use; table 2 never used.
  REQUIRE(facts.table_share.size() == 2);
  CHECK(facts.table_share[0] == Approx(1.0 / 6));
  CHECK(facts.table_share[1] == Approx(1.0 / 3));
  CHECK(facts.unused_tables[0] == std::vector<int>{2});
  CHECK(facts.unused_tables[1].empty());
  // Şükrü is below target, and his sheet lists open booths.
  CHECK(facts.open_booth_sheets == 1);
  CHECK_FALSE(facts.shortfalls.empty());
}

TEST_CASE("the facts leave out meetings that name what does not exist",
          "[render]") {
  const Fair fair = FixtureFair();
  const Compatibility compat = Compatibility::Build(fair);
  Schedule schedule = FixtureSchedule();
  schedule.meetings.push_back(
      Meeting{.slot = 9, .employer = 0, .table = 1, .attendees = {2}});
  schedule.meetings.push_back(
      Meeting{.slot = 2, .employer = 0, .table = 1, .attendees = {2, 7}});
  const ReportFacts facts = CollectFacts(fair, compat, schedule);
  // The bad slot counts nothing; the bad attendee is skipped, Şükrü counts.
  CHECK(facts.count_of_attendee == std::vector<int>{2, 1, 1});
  CHECK(facts.conversations_of_employer == std::vector<int>{2, 1});
  CHECK(facts.slot_places == std::vector<int>{2, 1, 1});
}

}  // namespace
}  // namespace fairmatch::report
