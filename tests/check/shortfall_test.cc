#include "engine/check/shortfall.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/check/explain.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"
#include "tests/fixtures/shortfall_fair.h"

namespace fairmatch {
namespace {

using testing::AllSeatsTaken;
using testing::kClock10;
using testing::ShortfallFair;

std::vector<Shortfall> Find(const Fair& fair, const Schedule& schedule) {
  return FindShortfalls(fair, Compatibility::Build(fair), schedule);
}

TEST_CASE("one eligible employer: too few eligible, whatever the seats",
          "[check]") {
  // a001 offers cooking, which only Acme seeks: Blue and Cobalt score 0.
  Fair fair = ShortfallFair(1);
  fair.attendees[0].offers = {"cooking"};
  fair.employers[0].seeks = {"python", "cooking"};
  const Compatibility compat = Compatibility::Build(fair);
  REQUIRE(compat.Pair(0, 0).score >= fair.config.min_score);
  REQUIRE(compat.Pair(0, 1).score < fair.config.min_score);
  REQUIRE(compat.Pair(0, 2).score < fair.config.min_score);
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {0}}};  // 10:00 Acme

  std::vector<Shortfall> why = FindShortfalls(fair, compat, schedule);
  REQUIRE(why.size() == 1);
  const Shortfall f = why[0];
  CHECK(f.attendee == 0);
  CHECK(f.meetings == 1);
  CHECK(f.target == 2);
  CHECK(f.above_min_score == 1);
  CHECK(f.eligible == 1);
  CHECK(f.eligible_sharing_slot == 1);
  CHECK(f.available_slots == 3);
  CHECK(f.window_room == 1);  // one employer: one conversation at most
  CHECK(f.unmet_sharing_slot == 0);
  CHECK(f.cause == ShortfallCause::kFewEligible);
  CHECK(std::string(ShortfallCauseName(f.cause)) == "few-eligible");

  // Must-meets count as eligible below min_score; avoided ones never do.
  fair.attendees[0].must_meet = {1};
  why = Find(fair, schedule);
  REQUIRE(why.size() == 1);
  CHECK(why[0].above_min_score == 1);
  CHECK(why[0].eligible == 2);
  CHECK(why[0].cause == ShortfallCause::kTradeOff);  // Blue had free seats
  fair.attendees[0].must_meet.clear();
  fair.attendees[0].avoid = {0};
  why = Find(fair, schedule);
  REQUIRE(why.size() == 1);
  CHECK(why[0].above_min_score == 1);
  CHECK(why[0].eligible == 0);
  CHECK(why[0].cause == ShortfallCause::kFewEligible);
}

TEST_CASE("every seat taken while they were free: capacity is the cause",
          "[check]") {
  // a001..a003 fill all nine seats; a004 has none.
  const Fair fair = ShortfallFair(4);
  Schedule schedule = AllSeatsTaken();
  const Compatibility compat = Compatibility::Build(fair);
  const std::vector<Shortfall> why = FindShortfalls(fair, compat, schedule);
  REQUIRE(why.size() == 1);
  const Shortfall& f = why[0];
  CHECK(f.attendee == 3);
  CHECK(f.meetings == 0);
  CHECK(f.eligible == 3);
  CHECK(f.eligible_sharing_slot == 3);
  CHECK(f.window_room == 2);  // counted up to the target
  CHECK(f.unmet_sharing_slot == 3);
  CHECK(f.full == std::vector<int>{0, 1, 2});
  CHECK(f.busy_only == 0);
  CHECK(f.open_employer == -1);
  CHECK(f.cause == ShortfallCause::kSeatsTaken);

  // explain says the same of each pair.
  absl::StatusOr<Explanation> x =
      Explain(fair, compat, schedule, "a004", "e001");
  REQUIRE(x.ok());
  CHECK(x->pair->verdict == Verdict::kEmployerFull);

  // One more seat at Blue and it is not capacity any more.
  Fair bigger = fair;
  bigger.employers[1].tables = 2;
  const std::vector<Shortfall> now = Find(bigger, schedule);
  REQUIRE(now.size() == 1);
  CHECK(now[0].cause == ShortfallCause::kTradeOff);
  CHECK(now[0].open_employer == 1);
  CHECK(now[0].open_slot == 0);
  CHECK(now[0].full == std::vector<int>{0, 2});
}

TEST_CASE("windows that share too few slots are the cause", "[check]") {
  SECTION("the attendee's own window") {
    Fair fair = ShortfallFair(1);
    fair.attendees[0].available = {{kClock10, kClock10 + 15}};  // 10:00 only
    Schedule schedule;
    schedule.meetings = {{0, 0, 1, {0}}};
    const std::vector<Shortfall> why = Find(fair, schedule);
    REQUIRE(why.size() == 1);
    CHECK(why[0].eligible == 3);
    CHECK(why[0].eligible_sharing_slot == 3);
    CHECK(why[0].available_slots == 1);
    CHECK(why[0].window_room == 1);
    CHECK(why[0].busy_only == 2);  // Blue and Cobalt only while at Acme
    CHECK(why[0].cause == ShortfallCause::kWindows);
  }
  SECTION("the employers' windows: two employers, one shared slot") {
    Fair fair = ShortfallFair(1);
    fair.attendees[0].avoid = {2};
    fair.employers[0].available = {{kClock10, kClock10 + 15}};
    fair.employers[1].available = {{kClock10, kClock10 + 15}};
    Schedule schedule;
    schedule.meetings = {{0, 0, 1, {0}}};
    const std::vector<Shortfall> why = Find(fair, schedule);
    REQUIRE(why.size() == 1);
    CHECK(why[0].eligible == 2);
    CHECK(why[0].eligible_sharing_slot == 2);
    CHECK(why[0].available_slots == 3);
    CHECK(why[0].window_room == 1);
    CHECK(why[0].cause == ShortfallCause::kWindows);
  }
  SECTION("no shared slot at all") {
    Fair fair = ShortfallFair(1);
    fair.attendees[0].available = {{kClock10 + 30, kClock10 + 45}};
    for (Employer& e : fair.employers) {
      e.available = {{kClock10, kClock10 + 30}};
    }
    const std::vector<Shortfall> why = Find(fair, Schedule{});
    REQUIRE(why.size() == 1);
    CHECK(why[0].eligible == 3);
    CHECK(why[0].eligible_sharing_slot == 0);
    CHECK(why[0].window_room == 0);
    CHECK(why[0].unmet_sharing_slot == 0);
    CHECK(why[0].cause == ShortfallCause::kWindows);
  }
}

TEST_CASE("employers left only while the attendee is busy", "[check]") {
  // Room for two (Acme at 10:15, Blue at 10:00), but the schedule put Acme
  // at 10:00, the only slot Blue has.
  Fair fair = ShortfallFair(1);
  fair.attendees[0].avoid = {2};
  fair.employers[1].available = {{kClock10, kClock10 + 15}};
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {0}}};
  const std::vector<Shortfall> why = Find(fair, schedule);
  REQUIRE(why.size() == 1);
  CHECK(why[0].window_room == 2);
  CHECK(why[0].unmet_sharing_slot == 1);
  CHECK(why[0].busy_only == 1);
  CHECK(why[0].full.empty());
  CHECK(why[0].open_employer == -1);
  CHECK(why[0].cause == ShortfallCause::kBusy);
}

TEST_CASE("a free seat while free is the planner's trade-off", "[check]") {
  // Nobody meets anyone: the first employer by score, then file order, at
  // its first free slot.
  const Fair fair = ShortfallFair(2);
  const std::vector<Shortfall> why = Find(fair, Schedule{});
  REQUIRE(why.size() == 2);
  CHECK(why[0].attendee == 0);
  CHECK(why[1].attendee == 1);
  CHECK(why[0].cause == ShortfallCause::kTradeOff);
  CHECK(why[0].open_employer == 0);
  CHECK(why[0].open_slot == 0);
}

TEST_CASE("only attendees below their target fall short", "[check]") {
  Fair fair = ShortfallFair(3);
  fair.attendees[0].max_meetings = 1;  // target 1, met
  fair.attendees[1].withdrawn = true;  // never planned
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {0}}, {0, 1, 1, {2}}, {1, 0, 1, {2}}};
  CHECK(Find(fair, schedule).empty());
  fair.attendees[0].max_meetings = 0;  // a cap of 0: target 0
  schedule.meetings.erase(schedule.meetings.begin());
  CHECK(Find(fair, schedule).empty());
}

TEST_CASE("shortfalls skip indices outside the fair and ignore meeting order",
          "[check]") {
  const Fair fair = ShortfallFair(4);
  Schedule schedule = AllSeatsTaken();
  schedule.meetings.push_back({99, 0, 1, {3}});  // counts, takes no seat
  schedule.meetings.push_back({0, 77, 1, {3}});  // skipped
  schedule.meetings.push_back({1, 2, 9, {-1, 50}});
  std::vector<Shortfall> forward = Find(fair, schedule);
  std::reverse(schedule.meetings.begin(), schedule.meetings.end());
  std::vector<Shortfall> backward = Find(fair, schedule);
  REQUIRE(forward.size() == 1);
  REQUIRE(backward.size() == 1);
  CHECK(forward[0].meetings == 1);
  CHECK(forward[0].cause == ShortfallCause::kSeatsTaken);
  CHECK(backward[0].cause == forward[0].cause);
  CHECK(backward[0].full == forward[0].full);
}

TEST_CASE("open booths: best positive scores, never avoided, at most three",
          "[check]") {
  // Scores with a001: Acme = Blue (a tie) > Cobalt > Delta > 0 = Echo;
  // Fuchsia would be best but is avoided.
  Fair fair = ShortfallFair(1);
  fair.employers[2].seeks = {"python", "sql"};
  fair.employers.push_back(fair.employers[0]);
  fair.employers[3].id = "e004";
  fair.employers[3].seeks = {"python", "sql", "java"};
  fair.employers.push_back(fair.employers[0]);
  fair.employers[4].id = "e005";
  fair.employers[4].offers = {"sales"};
  fair.employers[4].seeks = {"sales"};
  fair.employers.push_back(fair.employers[0]);
  fair.employers[5].id = "e006";
  fair.attendees[0].avoid = {5};
  const Compatibility compat = Compatibility::Build(fair);
  auto score = [&](int e) { return compat.Pair(0, e).score; };
  REQUIRE(score(0) == score(1));
  REQUIRE(score(1) > score(2));
  REQUIRE(score(2) > score(3));
  REQUIRE(score(3) > 0);
  REQUIRE(score(4) == 0);

  CHECK(OpenBooths(fair, compat, 0) == std::vector<int>{0, 1, 2});
  fair.attendees[0].avoid = {0, 1, 5};
  CHECK(OpenBooths(fair, compat, 0) == std::vector<int>{2, 3});
  fair.attendees[0].avoid = {0, 1, 2, 3, 5};
  CHECK(OpenBooths(fair, compat, 0).empty());  // Echo scores 0
}

}  // namespace
}  // namespace fairmatch
