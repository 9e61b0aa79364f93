#include "engine/check/slot_bits.h"

#include <catch2/catch.hpp>

#include "tests/fixtures/tiny_fair.h"

namespace fairmatch {
namespace {

TEST_CASE("slot bits: add, has and intersect across word boundaries",
          "[check]") {
  for (int num_slots : {1, 63, 64, 65, 130}) {
    INFO(num_slots << " slots");
    SlotBits x = NoSlots(num_slots);
    SlotBits y = NoSlots(num_slots);
    CHECK(x.size() == static_cast<size_t>((num_slots + 63) / 64));
    CHECK_FALSE(Intersects(x, y));
    const int last = num_slots - 1;
    AddSlot(last, &x);
    CHECK(HasSlot(x, last));
    for (int s = 0; s < last; ++s) CHECK_FALSE(HasSlot(x, s));
    CHECK_FALSE(Intersects(x, y));
    if (last > 0) {
      AddSlot(0, &y);
      CHECK_FALSE(Intersects(x, y));
    }
    AddSlot(last, &y);
    CHECK(Intersects(x, y));
    CHECK(Intersects(y, x));
  }
}

TEST_CASE("slot bits: a person's slots are those inside their windows",
          "[check]") {
  Fair fair = testing::TinyFair();
  // a004 is available 10:15-11:15 (slots 1-3), e002 10:00-10:30 (0-1).
  const SlotBits a = AttendeeSlots(fair, 3);
  const SlotBits e = EmployerSlots(fair, 1);
  CHECK_FALSE(HasSlot(a, 0));
  CHECK(HasSlot(a, 1));
  CHECK(HasSlot(a, 3));
  CHECK(HasSlot(e, 0));
  CHECK(HasSlot(e, 1));
  CHECK_FALSE(HasSlot(e, 2));
  CHECK(Intersects(a, e));  // slot 1
  // a006 (10:45-11:15) shares nothing with e002.
  CHECK_FALSE(Intersects(AttendeeSlots(fair, 5), e));
  // A withdrawn person has no slots.
  fair.employers[1].withdrawn = true;
  CHECK_FALSE(Intersects(EmployerSlots(fair, 1), SlotBits(1, ~0ull)));
}

}  // namespace
}  // namespace fairmatch
