// The day of a generated fair: fifteen-minute slots around one break, the
// slots a set of windows covers, and a class that interrupts an attendee's
// day. Internal to engine/synth.
#ifndef FAIRMATCH_SYNTH_DAY_H_
#define FAIRMATCH_SYNTH_DAY_H_

#include <cstdint>
#include <vector>

#include "engine/model/fair.h"
#include "engine/synth/random.h"

namespace fairmatch::synth {

inline constexpr int kSlotLength = 15;  // minutes

struct Day {
  int start = 0;  // minutes after midnight
  int end = 0;
  TimeWindow pause;  // the one break, in the middle
  std::vector<Slot> slots;
};

// `num_slots` slots of 15 minutes with one 15-minute break after the first
// half: from 10:00, or earlier when the day would run past 20:00.
Day PlanDay(int num_slots);

// Bit s set when slot s lies in `windows` (every slot when it is empty).
std::uint64_t SlotMask(const Day& day, const std::vector<TimeWindow>& windows);

// A class during the fair: the two windows around it, or none when the day
// is too short to hold a class with time on both sides.
std::vector<TimeWindow> ClassConflict(SynthRandom& rng, const Day& day);

}  // namespace fairmatch::synth

#endif  // FAIRMATCH_SYNTH_DAY_H_
