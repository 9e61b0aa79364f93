#include "engine/check/slot_bits.h"

#include <cstdint>
#include <vector>

namespace fairmatch {

SlotBits NoSlots(int num_slots) {
  return SlotBits((static_cast<size_t>(num_slots) + 63) / 64, 0);
}

bool HasSlot(const SlotBits& bits, int s) {
  return (bits[s / 64] >> (s % 64)) & 1;
}

void AddSlot(int s, SlotBits* bits) {
  (*bits)[s / 64] |= std::uint64_t{1} << (s % 64);
}

bool Intersects(const SlotBits& x, const SlotBits& y) {
  for (size_t w = 0; w < x.size(); ++w) {
    if (x[w] & y[w]) return true;
  }
  return false;
}

SlotBits AttendeeSlots(const Fair& fair, int a) {
  SlotBits bits = NoSlots(fair.num_slots());
  for (int s = 0; s < fair.num_slots(); ++s) {
    if (fair.AttendeeAvailable(a, s)) AddSlot(s, &bits);
  }
  return bits;
}

SlotBits EmployerSlots(const Fair& fair, int e) {
  SlotBits bits = NoSlots(fair.num_slots());
  for (int s = 0; s < fair.num_slots(); ++s) {
    if (fair.EmployerAvailable(e, s)) AddSlot(s, &bits);
  }
  return bits;
}

}  // namespace fairmatch
