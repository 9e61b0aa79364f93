// Sets of slots as bits (bit s of word s / 64), so that "do two people
// share a slot" is a few word ANDs: the metrics and the shortfall analysis
// ask it for every unserved attendee against every employer.
#ifndef FAIRMATCH_CHECK_SLOT_BITS_H_
#define FAIRMATCH_CHECK_SLOT_BITS_H_

#include <cstdint>
#include <vector>

#include "engine/model/fair.h"

namespace fairmatch {

using SlotBits = std::vector<std::uint64_t>;

// The empty set for a day of `num_slots` slots.
SlotBits NoSlots(int num_slots);

// REQUIRES: 0 <= s < the num_slots the set was made for.
bool HasSlot(const SlotBits& bits, int s);
void AddSlot(int s, SlotBits* bits);

// The sets share a slot. REQUIRES: both made for the same num_slots.
bool Intersects(const SlotBits& x, const SlotBits& y);

// The slots inside the person's windows (Fair::AttendeeAvailable,
// Fair::EmployerAvailable: a withdrawn person has none).
SlotBits AttendeeSlots(const Fair& fair, int a);
SlotBits EmployerSlots(const Fair& fair, int e);

}  // namespace fairmatch

#endif  // FAIRMATCH_CHECK_SLOT_BITS_H_
