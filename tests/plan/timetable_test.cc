#include "engine/plan/timetable.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <vector>

#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

using testing::RandomFair;
using testing::RandomFairSpec;

// Eight 15-minute slots from 10:00 with a break after the fourth
// (11:00-11:30), so stretches are slots 0-3 and 4-7.
Fair EightSlotsWithBreak(int max_consecutive) {
  RandomFairSpec spec;
  spec.slots = 8;
  spec.employers = 2;
  Fair fair = RandomFair(1, spec);
  fair.slots = MakeSlots(600, 600 + 15 * 8 + 30, 15, {TimeWindow{660, 690}});
  REQUIRE(fair.slots.size() == 8);
  fair.event.end = 600 + 15 * 8 + 30;
  fair.config.employer_max_consecutive = max_consecutive;
  return fair;
}

TEST_CASE("RotationFits decides exactly what TableRotation decides", "[plan]") {
  std::mt19937 rng(7);
  int fits = 0, cases = 0;
  for (int limit = 1; limit <= 3; ++limit) {
    Fair fair = EightSlotsWithBreak(limit);
    std::vector<int> runs;
    for (int trial = 0; trial < 600; ++trial, ++cases) {
      const int tables = 1 + static_cast<int>(rng() % 4);
      std::vector<int> needed(fair.slots.size());
      for (int& k : needed) k = static_cast<int>(rng() % (tables + 2));
      const bool expected = TableRotation(fair, tables, needed).has_value();
      INFO("limit " << limit << " tables " << tables << " trial " << trial);
      CHECK(RotationFits(fair, tables, needed, &runs) == expected);
      fits += expected;
    }
  }
  // Both answers occur, so the comparison means something.
  CHECK(fits > cases / 20);
  CHECK(fits < cases - cases / 20);
}

TEST_CASE("a table's slots with rests count each stretch between breaks",
          "[plan]") {
  Fair fair = EightSlotsWithBreak(2);
  {
    const Availability avail(fair);
    // Two stretches of 4: each table serves 3 of them (rests once).
    CHECK(TableSlotsWithRests(fair, avail, 0) == 6);
  }
  // Away at 10:15: stretches of 1, 2 and 4 -> 1 + 2 + 3.
  fair.employers[0].available = {TimeWindow{600, 615}, TimeWindow{630, 780}};
  {
    const Availability avail(fair);
    CHECK(avail.EmployerSlots(0) == 7);
    CHECK(TableSlotsWithRests(fair, avail, 0) == 6);
  }
  fair.config.employer_max_consecutive = 0;  // no limit: every available slot
  {
    const Availability avail(fair);
    CHECK(TableSlotsWithRests(fair, avail, 0) == 7);
  }
}

}  // namespace
}  // namespace fairmatch
