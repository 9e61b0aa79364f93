#include "engine/plan/self_booking.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "engine/check/check.h"
#include "engine/score/compatibility.h"
#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

using testing::RandomFair;
using testing::RandomFairSpec;

// A fair of `attendees` x `employers` over `slots` slots without windows,
// avoids or must_meets; every employer has one table for one attendee.
Fair SmallFair(int attendees, int employers, int slots) {
  RandomFairSpec spec;
  spec.attendees = attendees;
  spec.employers = employers;
  spec.slots = slots;
  Fair fair = RandomFair(21, spec);
  for (Employer& e : fair.employers) {
    e.tables = 1;
    e.group_size = 1;
  }
  return fair;
}

// The employers attendee a meets, in slot order.
std::vector<int> EmployersOf(const Schedule& schedule, int a) {
  std::vector<int> out;
  for (const Meeting& m : schedule.meetings) {
    if (std::find(m.attendees.begin(), m.attendees.end(), a) !=
        m.attendees.end()) {
      out.push_back(m.employer);
    }
  }
  return out;
}

// Employers by attendee a's score, best first, ties to the lower index.
std::vector<int> ByScore(const Compatibility& compat, int a) {
  std::vector<int> order(compat.fair().num_employers());
  for (int e = 0; e < static_cast<int>(order.size()); ++e) order[e] = e;
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return compat.Pair(a, x).score > compat.Pair(a, y).score;
  });
  return order;
}

TEST_CASE(
    "self-booking is deterministic for a seed, and the seed decides "
    "who books first",
    "[plan]") {
  // Two attendees, one seat in one slot: whoever arrives first gets it.
  const Fair fair = SmallFair(2, 1, 1);
  const Compatibility compat = Compatibility::Build(fair);
  std::set<int> winners;
  for (std::uint64_t seed = 1; seed <= 32; ++seed) {
    const Schedule first = SimulateSelfBooking(compat, seed);
    REQUIRE(first.meetings.size() == 1);
    REQUIRE(first.meetings[0].attendees.size() == 1);
    const Schedule again = SimulateSelfBooking(compat, seed);
    REQUIRE(again.meetings.size() == 1);
    CHECK(again.meetings[0].attendees == first.meetings[0].attendees);
    winners.insert(first.meetings[0].attendees[0]);
  }
  CHECK(winners == std::set<int>{0, 1});
}

TEST_CASE(
    "an attendee books its best-scoring employers first, earliest slot "
    "first, up to its cap",
    "[plan]") {
  Fair fair = SmallFair(1, 4, 4);
  fair.attendees[0].max_meetings = 2;
  const Compatibility compat = Compatibility::Build(fair);
  const std::vector<int> best = ByScore(compat, 0);
  const Schedule schedule = SimulateSelfBooking(compat, 1);
  REQUIRE(schedule.meetings.size() == 2);
  CHECK(schedule.meetings[0].slot == 0);
  CHECK(schedule.meetings[0].employer == best[0]);
  CHECK(schedule.meetings[1].slot == 1);
  CHECK(schedule.meetings[1].employer == best[1]);
}

TEST_CASE("self-booking ignores min_score but never books an avoided employer",
          "[plan]") {
  Fair fair = SmallFair(1, 4, 4);
  fair.config.min_score = 1.5;  // above every score: nobody is eligible
  fair.config.meetings_max = 3;
  const Compatibility compat = Compatibility::Build(fair);
  const std::vector<int> best = ByScore(compat, 0);
  fair.attendees[0].avoid = {best[0]};
  // The rules are compiled when the scores are built: build them again.
  const Schedule schedule = SimulateSelfBooking(Compatibility::Build(fair), 1);
  CHECK(EmployersOf(schedule, 0) ==
        std::vector<int>{best[1], best[2], best[3]});
}

TEST_CASE("a booking waits for the first slot both sides are there", "[plan]") {
  Fair fair = SmallFair(1, 1, 4);
  // The employer arrives for the third slot (10:30).
  fair.employers[0].available = {{fair.slots[2].start, fair.slots[3].end}};
  const Compatibility compat = Compatibility::Build(fair);
  const Schedule schedule = SimulateSelfBooking(compat, 1);
  REQUIRE(schedule.meetings.size() == 1);
  CHECK(schedule.meetings[0].slot == 2);
  // Attendee windows count too: from the last slot only.
  fair.attendees[0].available = {{fair.slots[3].start, fair.slots[3].end}};
  const Schedule later = SimulateSelfBooking(compat, 1);
  REQUIRE(later.meetings.size() == 1);
  CHECK(later.meetings[0].slot == 3);
  // No shared slot: no booking at all.
  fair.attendees[0].available = {{fair.slots[0].start, fair.slots[1].end}};
  CHECK(SimulateSelfBooking(compat, 1).meetings.empty());
}

TEST_CASE("a slot seats tables times group size, then bookings spill later",
          "[plan]") {
  Fair fair = SmallFair(5, 1, 2);
  fair.employers[0].tables = 2;
  fair.employers[0].group_size = 2;
  const Compatibility compat = Compatibility::Build(fair);
  const Schedule schedule = SimulateSelfBooking(compat, 7);
  // Four seats in 10:00 (two tables of two), the fifth arrival at 10:15 on
  // the first table again (both were used once; the lower one wins).
  REQUIRE(schedule.meetings.size() == 3);
  std::set<int> everyone;
  for (const Meeting& m : schedule.meetings) {
    everyone.insert(m.attendees.begin(), m.attendees.end());
  }
  CHECK(everyone.size() == 5);
  CHECK(schedule.meetings[0].slot == 0);
  CHECK(schedule.meetings[0].table == 1);
  CHECK(schedule.meetings[0].attendees.size() == 2);
  CHECK(schedule.meetings[1].slot == 0);
  CHECK(schedule.meetings[1].table == 2);
  CHECK(schedule.meetings[1].attendees.size() == 2);
  CHECK(schedule.meetings[2].slot == 1);
  CHECK(schedule.meetings[2].table == 1);
  CHECK(schedule.meetings[2].attendees.size() == 1);
}

TEST_CASE(
    "self-booking on random fairs breaks no hard constraint except "
    "eligibility and must_meet",
    "[plan]") {
  RandomFairSpec spec;
  spec.attendees = 12;
  spec.employers = 4;
  spec.slots = 5;
  spec.max_tables = 2;
  spec.max_group = 3;
  spec.windows = true;
  spec.must_meets = 3;
  spec.avoids = 4;
  spec.random_max_meetings = 3;
  spec.min_score = 0.4;
  int meetings = 0;
  // Table rests too (employers.max_consecutive 1 and 2): a slot is booked
  // only while the tables can still rest (this used to crash).
  for (std::uint32_t seed = 1; seed <= 120; ++seed) {
    spec.max_consecutive = static_cast<int>(seed % 3);
    const Fair fair = RandomFair(seed, spec);
    const Compatibility compat = Compatibility::Build(fair);
    const Schedule schedule = SimulateSelfBooking(compat, seed);
    meetings += static_cast<int>(schedule.meetings.size());
    for (const Violation& v : CheckSchedule(fair, compat, schedule)) {
      INFO("seed " << seed << ": " << v.message);
      CHECK((v.kind == "ineligible-pair" || v.kind == "must-meet-missed"));
    }
  }
  CHECK(meetings > 300);
}

}  // namespace
}  // namespace fairmatch
