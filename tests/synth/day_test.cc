#include "engine/synth/day.h"

#include <catch2/catch.hpp>
#include <vector>

namespace fairmatch::synth {
namespace {

TEST_CASE("the day has the slots asked for around one break", "[synth]") {
  for (int n : {2, 3, 12, 16, 24, 48}) {
    INFO(n << " slots");
    const Day day = PlanDay(n);
    REQUIRE(static_cast<int>(day.slots.size()) == n);
    CHECK(day.end - day.start == (n + 1) * kSlotLength);
    CHECK(day.start <= 10 * 60);
    CHECK(day.end <= 20 * 60);
    CHECK(day.pause.end - day.pause.start == kSlotLength);
    for (const Slot& s : day.slots) CHECK_FALSE(s.Overlaps(day.pause));
    // The break follows the first half.
    CHECK(day.slots[n / 2 - 1].end == day.pause.start);
  }
  CHECK(PlanDay(12).start == 10 * 60);
}

TEST_CASE("a slot mask has a bit per slot inside the windows", "[synth]") {
  const Day day = PlanDay(12);  // 10:00-13:15, break 11:30-11:45
  CHECK(SlotMask(day, {}) == (std::uint64_t{1} << 12) - 1);
  CHECK(SlotMask(day, {{10 * 60, 10 * 60 + 30}}) == 0b11);
  CHECK(SlotMask(day, {{10 * 60, 10 * 60 + 30}, {13 * 60, 13 * 60 + 15}}) ==
        (0b11 | (std::uint64_t{1} << 11)));
}

TEST_CASE("a class leaves time on both sides, or is not drawn", "[synth]") {
  SynthRandom rng(5);
  const Day day = PlanDay(16);
  for (int i = 0; i < 200; ++i) {
    const std::vector<TimeWindow> w = ClassConflict(rng, day);
    REQUIRE(w.size() == 2);
    CHECK(w[0].start == day.start);
    CHECK(w[1].end == day.end);
    CHECK(w[0].end - w[0].start >= kSlotLength);
    CHECK(w[1].end - w[1].start >= kSlotLength);
    CHECK(w[1].start - w[0].end >= 45);
    CHECK(w[1].start - w[0].end <= 90);
    CHECK(w[0].end % 15 == 0);
  }
  // Two slots and a break are 45 minutes: too short for any class.
  CHECK(ClassConflict(rng, PlanDay(2)).empty());
}

}  // namespace
}  // namespace fairmatch::synth
