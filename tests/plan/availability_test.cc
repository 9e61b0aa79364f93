#include "engine/plan/availability.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "engine/plan/rerun.h"
#include "tests/fixtures/fair_builder.h"
#include "tests/fixtures/tiny_fair.h"
#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

using testing::kClock10;
using testing::RandomFair;
using testing::RandomFairSpec;
using testing::TinyFair;

// A fair of `slots` 15-minute slots from 10:00 without breaks, two
// attendees and two employers, nobody with windows.
Fair ManySlots(int slots) {
  RandomFairSpec spec;
  spec.attendees = 2;
  spec.employers = 2;
  spec.slots = slots;
  Fair fair = RandomFair(5, spec);
  REQUIRE(fair.num_slots() == slots);
  return fair;
}

TEST_CASE("without windows everyone is available in every slot", "[plan]") {
  const Fair fair = ManySlots(4);
  const Availability avail(fair);
  for (int s = 0; s < 4; ++s) {
    CHECK(avail.Attendee(0, s));
    CHECK(avail.Attendee(1, s));
    CHECK(avail.Employer(0, s));
    CHECK(avail.Employer(1, s));
  }
  CHECK(avail.AttendeeSlots(1) == 4);
  CHECK(avail.EmployerSlots(0) == 4);
  CHECK(avail.ShareSlot(1, 0));
  CHECK(avail.SharedSlots(1, 0) == 4);
}

TEST_CASE("availability follows windows, and shared slots are the overlap",
          "[plan]") {
  // TinyFair slots: 0 10:00, 1 10:15, (break), 2 10:45, 3 11:00.
  // a3 from 10:15 (slots 1-3), a5 from 10:45 (slots 2-3), e1 until 10:30
  // (slots 0-1).
  const Fair fair = TinyFair();
  const Availability avail(fair);
  for (int s = 0; s < 4; ++s) {
    INFO("slot " << s);
    CHECK(avail.Attendee(0, s));
    CHECK(avail.Attendee(3, s) == (s >= 1));
    CHECK(avail.Attendee(5, s) == (s >= 2));
    CHECK(avail.Employer(1, s) == (s <= 1));
    CHECK(avail.Employer(0, s));
  }
  CHECK(avail.AttendeeSlots(0) == 4);
  CHECK(avail.AttendeeSlots(3) == 3);
  CHECK(avail.AttendeeSlots(5) == 2);
  CHECK(avail.EmployerSlots(1) == 2);
  CHECK(avail.SharedSlots(0, 1) == 2);
  CHECK(avail.SharedSlots(3, 1) == 1);  // only 10:15
  CHECK(avail.ShareSlot(3, 1));
  CHECK(avail.SharedSlots(5, 1) == 0);  // a5 arrives after e1 leaves
  CHECK_FALSE(avail.ShareSlot(5, 1));
  CHECK(avail.SharedSlots(5, 0) == 2);
}

TEST_CASE("availability masks span several 64-bit words", "[plan]") {
  for (int slots : {63, 64, 65, 130}) {
    INFO(slots << " slots");
    Fair fair = ManySlots(slots);
    // a0: slots 60..70, across the first word boundary (when there is one).
    fair.attendees[0].available = {{kClock10 + 15 * 60, kClock10 + 15 * 71}};
    // e0: from slot 64 on.
    fair.employers[0].available = {{kClock10 + 15 * 64, kClock10 + 15 * slots}};
    const Availability avail(fair);
    const int a0_slots = std::min(slots, 71) - 60;
    const int e0_slots = std::max(0, slots - 64);
    CHECK(avail.AttendeeSlots(0) == a0_slots);
    CHECK(avail.AttendeeSlots(1) == slots);
    CHECK(avail.EmployerSlots(0) == e0_slots);
    CHECK_FALSE(avail.Attendee(0, 59));
    CHECK(avail.Attendee(0, 60));
    CHECK(avail.Attendee(0, slots - 1) == (slots - 1 <= 70));
    CHECK_FALSE(avail.Employer(0, 63));
    if (slots > 64) {
      CHECK(avail.Employer(0, 64));
    }
    CHECK(avail.Employer(1, slots - 1));
    // Overlap of 60..70 and 64..: slots 64..min(70, slots - 1).
    const int shared = std::max(0, std::min(71, slots) - 64);
    CHECK(avail.SharedSlots(0, 0) == shared);
    CHECK(avail.ShareSlot(0, 0) == (shared > 0));
    CHECK(avail.SharedSlots(1, 1) == slots);
  }
}

TEST_CASE("a fair without slots has nobody available", "[plan]") {
  Fair fair = TinyFair();
  fair.slots.clear();
  const Availability avail(fair);
  CHECK(avail.AttendeeSlots(0) == 0);
  CHECK(avail.EmployerSlots(0) == 0);
  CHECK(avail.SharedSlots(0, 0) == 0);
  CHECK_FALSE(avail.ShareSlot(0, 0));
}

TEST_CASE("without a rerun nothing is pinned and every table is free",
          "[plan]") {
  const Fair fair = TinyFair();
  const Availability avail(fair);
  CHECK(avail.rerun() == nullptr);
  for (int s = 0; s < fair.num_slots(); ++s) {
    CHECK(avail.PinnedTables(0, s).empty());
    CHECK(avail.FreeTables(0, s) == 2);
    CHECK(avail.FreeTables(1, s) == 1);
  }
  CHECK(avail.AttendeePinned(0) == 0);
  CHECK(avail.EmployerPinned(0) == 0);
  CHECK_FALSE(avail.Pinned(0, 0));
}

TEST_CASE("a rerun's --from takes the earlier slots from everyone", "[plan]") {
  const Fair fair = TinyFair();
  Rerun rerun;
  rerun.first_slot = 2;  // --from 10:45
  const Availability avail(fair, &rerun);
  CHECK(avail.rerun() == &rerun);
  for (int s = 0; s < fair.num_slots(); ++s) {
    INFO("slot " << s);
    for (int a = 0; a < fair.num_attendees(); ++a) {
      CHECK(avail.Attendee(a, s) == (s >= 2));
    }
    CHECK(avail.Employer(0, s) == (s >= 2));
    CHECK_FALSE(avail.Employer(1, s));  // e1 left at 10:30
  }
  CHECK(avail.AttendeeSlots(0) == 2);
  CHECK(avail.AttendeeSlots(3) == 2);
  CHECK(avail.SharedSlots(0, 1) == 0);
  CHECK_FALSE(avail.ShareSlot(3, 1));
  // No pinned meetings: the counts exist but are zero.
  CHECK(avail.AttendeePinned(0) == 0);
  CHECK(avail.EmployerPinned(0) == 0);
  CHECK(avail.PinnedTables(0, 2).empty());
  CHECK(avail.FreeTables(0, 2) == 2);
}

TEST_CASE("pinned meetings take their attendees' slots and their tables",
          "[plan]") {
  const Fair fair = TinyFair();  // e0 has 2 tables, the others 1
  Rerun rerun;
  // Sorted by (attendee, employer), as ResolveBaseline leaves them.
  rerun.pairs = {
      {0, 0, 0, 2, true, false},   // a0 at e0 table 2, 10:00, locked
      {1, 0, 0, 2, true, false},   // a1 in the same meeting
      {2, 0, 1, 1, false, true},   // a2 at e0 table 1, 10:15: history
      {3, 1, 1, 1, false, false},  // a3 at e1, 10:15: kept pair, not pinned
  };
  const Availability avail(fair, &rerun);

  CHECK_FALSE(avail.Attendee(0, 0));
  CHECK(avail.Attendee(0, 1));
  CHECK(avail.AttendeeSlots(0) == 3);
  CHECK_FALSE(avail.Attendee(1, 0));
  // History lies before first_slot (here 0, to see it alone): it takes
  // its attendee's budget but no slot or table of its own.
  CHECK(avail.Attendee(2, 1));
  CHECK(avail.Attendee(3, 1));  // an unpinned pair holds nothing
  CHECK(avail.AttendeeSlots(3) == 3);
  // The employer stays available: only the pinned table is taken.
  CHECK(avail.Employer(0, 0));
  CHECK(avail.EmployerSlots(0) == 4);

  CHECK(avail.AttendeePinned(0) == 1);
  CHECK(avail.AttendeePinned(1) == 1);
  CHECK(avail.AttendeePinned(2) == 1);
  CHECK(avail.AttendeePinned(3) == 0);
  // Counted in attendee places (as the matching's flow counts), not
  // meetings.
  CHECK(avail.EmployerPinned(0) == 3);
  CHECK(avail.EmployerPinned(1) == 0);

  CHECK(avail.Pinned(0, 0));
  CHECK(avail.Pinned(1, 0));
  CHECK(avail.Pinned(2, 0));
  CHECK_FALSE(avail.Pinned(3, 1));
  CHECK_FALSE(avail.Pinned(0, 1));
  CHECK_FALSE(avail.Pinned(3, 0));

  // Two attendees at one table hold it once; tables count from 0 here.
  CHECK(avail.PinnedTables(0, 0) == std::vector<int>{1});
  CHECK(avail.PinnedTables(0, 1).empty());
  CHECK(avail.PinnedTables(0, 2).empty());
  CHECK(avail.PinnedTables(1, 1).empty());
  CHECK(avail.FreeTables(0, 0) == 1);
  CHECK(avail.FreeTables(0, 1) == 2);
  CHECK(avail.FreeTables(0, 2) == 2);
  CHECK(avail.FreeTables(1, 1) == 1);
}

TEST_CASE("pinned tables are listed ascending", "[plan]") {
  Fair fair = TinyFair();
  fair.employers[0].tables = 3;
  Rerun rerun;
  rerun.pairs = {
      {0, 0, 2, 3, true, false},
      {1, 0, 2, 1, true, false},
      {2, 0, 2, 2, true, false},
  };
  const Availability avail(fair, &rerun);
  CHECK(avail.PinnedTables(0, 2) == std::vector<int>{0, 1, 2});
  CHECK(avail.FreeTables(0, 2) == 0);
  CHECK(avail.FreeTables(0, 3) == 3);
}

}  // namespace
}  // namespace fairmatch
