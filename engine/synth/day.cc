#include "engine/synth/day.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace fairmatch::synth {

Day PlanDay(int num_slots) {
  Day day;
  const int total = (num_slots + 1) * kSlotLength;
  day.start = std::min(10 * 60, 20 * 60 - total);
  day.start -= day.start % kSlotLength;
  day.end = day.start + total;
  const int first_half = num_slots / 2;
  day.pause.start = day.start + first_half * kSlotLength;
  day.pause.end = day.pause.start + kSlotLength;
  day.slots = MakeSlots(day.start, day.end, kSlotLength, {day.pause});
  assert(static_cast<int>(day.slots.size()) == num_slots);
  return day;
}

std::uint64_t SlotMask(const Day& day, const std::vector<TimeWindow>& windows) {
  std::uint64_t mask = 0;
  for (std::size_t s = 0; s < day.slots.size(); ++s) {
    if (SlotInWindows(day.slots[s], windows)) mask |= std::uint64_t{1} << s;
  }
  return mask;
}

std::vector<TimeWindow> ClassConflict(SynthRandom& rng, const Day& day) {
  constexpr std::array<int, 6> kDurations = {45, 50, 60, 75, 80, 90};
  const int duration = kDurations[rng.UniformInt(kDurations.size())];
  // Classes start on the hour or half hour, leaving >= 15 minutes free on
  // each side; fall back to quarter hours for short days.
  for (int grid : {30, 15}) {
    const int first = (day.start + kSlotLength + grid - 1) / grid * grid;
    const int last = day.end - kSlotLength - duration;
    if (first > last) continue;
    const int class_start =
        first + grid * rng.UniformInt(0, (last - first) / grid);
    return {{day.start, class_start}, {class_start + duration, day.end}};
  }
  return {};
}

}  // namespace fairmatch::synth
