#include "engine/plan/timetable.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "engine/check/check.h"
#include "engine/plan/rerun.h"
#include "engine/score/compatibility.h"
#include "tests/fixtures/schedule_text.h"
#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

using testing::MeetingsText;

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

// `slots` 15-minute slots from 10:00, with a 15-minute break after slot
// `break_after` when it is >= 0. Every employer has one table for one
// attendee and no windows; every attendee rates both values 3, so groups
// form in attendee order unless a test sets values.
Fair SlotFair(int attendees, int employers, int slots, int break_after = -1) {
  RandomFairSpec spec;
  spec.attendees = attendees;
  spec.employers = employers;
  spec.slots = slots;
  spec.values = 2;
  Fair fair = RandomFair(3, spec);
  if (break_after >= 0) {
    const int b = 600 + 15 * (break_after + 1);
    fair.event.breaks = {TimeWindow{b, b + 15}};
    fair.event.end = 600 + 15 * (slots + 1);
    fair.slots = MakeSlots(600, fair.event.end, 15, fair.event.breaks);
  }
  REQUIRE(fair.num_slots() == slots);
  for (Employer& e : fair.employers) {
    e.tables = 1;
    e.group_size = 1;
  }
  for (Attendee& a : fair.attendees) a.values = {3, 3};
  return fair;
}

MatchedPair Pair(int a, int e, float score, bool must = false) {
  return MatchedPair{a, e, must, score, -1, 0};
}

// The first and last minute of slots [first, last] of `fair`.
TimeWindow Slots(const Fair& fair, int first, int last) {
  return TimeWindow{fair.slots[first].start, fair.slots[last].end};
}

struct SlotsCase {
  const char* name;
  std::function<Fair()> fair;
  std::vector<MatchedPair> pairs;
  std::vector<int> expected;  // slot per pair, -1: unplaced
};

TEST_CASE("AssignSlots places small cases as worked out by hand", "[plan]") {
  const std::vector<SlotsCase> cases = {
      {"no pairs", [] { return SlotFair(2, 2, 2); }, {}, {}},
      {"a fair without slots places nothing",
       [] {
         Fair fair = SlotFair(2, 1, 1);
         fair.slots.clear();
         return fair;
       },
       {Pair(0, 0, 0.5f), Pair(1, 0, 0.5f)},
       {-1, -1}},
      {"one slot, one seat: the higher score gets it",
       [] { return SlotFair(2, 1, 1); },
       {Pair(0, 0, 0.5f), Pair(1, 0, 0.9f)},
       {-1, 0}},
      {"one slot, one seat: a must_meet gets it over a higher score",
       [] { return SlotFair(2, 1, 1); },
       {Pair(0, 0, 0.9f), Pair(1, 0, 0.5f, true)},
       {-1, 0}},
      {"two by two over two slots: everyone meets everyone",
       [] { return SlotFair(2, 2, 2); },
       {Pair(0, 0, 0.5f), Pair(0, 1, 0.5f), Pair(1, 0, 0.5f), Pair(1, 1, 0.5f)},
       {0, 1, 1, 0}},
      {"an attendee is in one meeting per slot",
       [] { return SlotFair(1, 2, 1); },
       {Pair(0, 0, 0.5f), Pair(0, 1, 0.9f)},
       {-1, 0}},
      {"a full slot sends the next pair to the next slot",
       [] { return SlotFair(3, 1, 2); },
       {Pair(0, 0, 0.9f), Pair(1, 0, 0.8f), Pair(2, 0, 0.7f)},
       {0, 1, -1}},
      {"a pair goes to the only slot the employer is there",
       [] {
         Fair fair = SlotFair(1, 1, 3);
         fair.employers[0].available = {Slots(fair, 2, 2)};
         return fair;
       },
       {Pair(0, 0, 0.5f)},
       {2}},
      {"a pair goes to where both windows overlap",
       [] {
         Fair fair = SlotFair(1, 1, 3);
         fair.attendees[0].available = {Slots(fair, 0, 1)};
         fair.employers[0].available = {Slots(fair, 1, 2)};
         return fair;
       },
       {Pair(0, 0, 0.5f)},
       {1}},
      {"windows that do not overlap leave the pair unplaced",
       [] {
         Fair fair = SlotFair(1, 1, 3);
         fair.attendees[0].available = {Slots(fair, 0, 0)};
         fair.employers[0].available = {Slots(fair, 1, 2)};
         return fair;
       },
       {Pair(0, 0, 0.5f)},
       {-1}},
      {"fewer idle gaps beat an earlier slot",
       [] {
         Fair fair = SlotFair(1, 2, 3);
         fair.employers[0].available = {Slots(fair, 2, 2)};
         return fair;
       },
       // e0 (one shared slot) goes first, to 10:30; e1 then takes 10:15,
       // next to it, not the free 10:00.
       {Pair(0, 0, 0.5f), Pair(0, 1, 0.5f)},
       {2, 1}},
      {"the lighter slot wins among equal gaps",
       [] {
         Fair fair = SlotFair(2, 1, 2);
         fair.employers[0].tables = 2;
         return fair;
       },
       {Pair(0, 0, 0.9f), Pair(1, 0, 0.5f)},
       {0, 1}},
      {"a table seats group_size attendees per slot",
       [] {
         Fair fair = SlotFair(4, 1, 1);
         fair.employers[0].group_size = 3;
         return fair;
       },
       {Pair(0, 0, 0.9f), Pair(1, 0, 0.8f), Pair(2, 0, 0.7f), Pair(3, 0, 0.6f)},
       {0, 0, 0, -1}},
      {"an employer without a group size takes the config's",
       [] {
         Fair fair = SlotFair(4, 1, 1);
         fair.employers[0].group_size = -1;
         fair.config.group_size = 2;
         return fair;
       },
       {Pair(0, 0, 0.9f), Pair(1, 0, 0.8f), Pair(2, 0, 0.7f), Pair(3, 0, 0.6f)},
       {0, 0, -1, -1}},
      {"two tables seat two groups",
       [] {
         Fair fair = SlotFair(4, 1, 1);
         fair.employers[0].tables = 2;
         fair.employers[0].group_size = 2;
         return fair;
       },
       {Pair(0, 0, 0.9f), Pair(1, 0, 0.8f), Pair(2, 0, 0.7f), Pair(3, 0, 0.6f)},
       {0, 0, 0, 0}},
      {"an ejection chain moves a placed pair to make room",
       [] {
         Fair fair = SlotFair(2, 2, 2);
         fair.employers[1].available = {Slots(fair, 1, 1)};
         return fair;
       },
       // a1-e1 (only 10:15) and a0-e0 (best score) take 10:15 and 10:00;
       // a1-e0 then fits only if a0-e0 moves to 10:15.
       {Pair(0, 0, 0.9f), Pair(1, 0, 0.5f), Pair(1, 1, 0.5f)},
       {1, 0, 1}},
      {"a rerun's kept pair goes back to its baseline slot",
       [] { return SlotFair(1, 1, 3); },
       {MatchedPair{0, 0, false, 0.5f, 2, 1}},
       {2}},
      {"a kept pair is not pushed out by a better pair without must_meet",
       [] { return SlotFair(2, 1, 1); },
       {MatchedPair{0, 0, false, 0.5f, 0, 1}, Pair(1, 0, 0.9f)},
       {0, -1}},
      {"a baseline slot where the pair cannot meet is ignored",
       [] {
         Fair fair = SlotFair(1, 1, 3);
         fair.employers[0].available = {Slots(fair, 0, 1)};
         return fair;
       },
       {MatchedPair{0, 0, false, 0.5f, 2, 1}},
       {0}},
      {"without a rest limit a table serves back-to-back slots",
       [] { return SlotFair(2, 1, 2); },
       {Pair(0, 0, 0.9f), Pair(1, 0, 0.5f)},
       {0, 1}},
      {"max_consecutive 1: a table cannot serve two slots in a row",
       [] {
         Fair fair = SlotFair(2, 1, 2);
         fair.config.employer_max_consecutive = 1;
         return fair;
       },
       {Pair(0, 0, 0.9f), Pair(1, 0, 0.5f)},
       {0, -1}},
      {"max_consecutive 1: a break rests every table",
       [] {
         Fair fair = SlotFair(2, 1, 2, /*break_after=*/0);
         fair.config.employer_max_consecutive = 1;
         return fair;
       },
       {Pair(0, 0, 0.9f), Pair(1, 0, 0.5f)},
       {0, 1}},
      {"max_consecutive 1: two tables over two slots in a row serve twice",
       [] {
         Fair fair = SlotFair(4, 1, 2);
         fair.employers[0].tables = 2;
         fair.config.employer_max_consecutive = 1;
         return fair;
       },
       {Pair(0, 0, 0.9f), Pair(1, 0, 0.8f), Pair(2, 0, 0.7f), Pair(3, 0, 0.6f)},
       {0, 1, -1, -1}},
      {"max_consecutive 2: a table serves two in a row, then rests",
       [] {
         Fair fair = SlotFair(4, 1, 4);
         fair.config.employer_max_consecutive = 2;
         return fair;
       },
       {Pair(0, 0, 0.9f), Pair(1, 0, 0.8f), Pair(2, 0, 0.7f), Pair(3, 0, 0.6f)},
       {0, 1, 3, -1}},
  };
  for (const SlotsCase& c : cases) {
    INFO(c.name);
    const Fair fair = c.fair();
    const Availability avail(fair);
    CHECK(AssignSlots(fair, avail, c.pairs) == c.expected);
  }
}

struct TablesCase {
  const char* name;
  std::function<Fair()> fair;
  std::vector<MatchedPair> pairs;
  std::vector<int> slots;
  const char* expected;  // MeetingsText() of the schedule
};

// One employer with 2 tables for groups of 2.
Fair TwoTablesOfTwo(int attendees, int slots, int max_consecutive,
                    int break_after = -1) {
  Fair fair = SlotFair(attendees, 1, slots, break_after);
  fair.employers[0].tables = 2;
  fair.employers[0].group_size = 2;
  fair.config.employer_max_consecutive = max_consecutive;
  return fair;
}

TEST_CASE("AssignTables groups small cases as worked out by hand", "[plan]") {
  const std::vector<TablesCase> cases = {
      {"no pairs, no meetings", [] { return SlotFair(1, 1, 1); }, {}, {}, ""},
      {"an unplaced pair has no meeting",
       [] { return SlotFair(1, 1, 1); },
       {Pair(0, 0, 0.5f)},
       {-1},
       ""},
      {"one pair sits at table 1",
       [] { return SlotFair(1, 1, 1); },
       {Pair(0, 0, 0.5f)},
       {0},
       "0.0.1:0"},
      {"groups are balanced over the tables",
       [] {
         Fair fair = SlotFair(5, 1, 1);
         fair.employers[0].tables = 2;
         fair.employers[0].group_size = 3;
         return fair;
       },
       {Pair(0, 0, 0.5f), Pair(1, 0, 0.5f), Pair(2, 0, 0.5f), Pair(3, 0, 0.5f),
        Pair(4, 0, 0.5f)},
       {0, 0, 0, 0, 0},
       "0.0.1:0,1,2 0.0.2:3,4"},
      {"fewer attendees than tables: one each",
       [] { return TwoTablesOfTwo(2, 1, 0); },
       {Pair(0, 0, 0.5f), Pair(1, 0, 0.5f)},
       {0, 0},
       "0.0.1:0 0.0.2:1"},
      {"attendees with similar values share a table",
       [] {
         Fair fair = SlotFair(3, 1, 1);
         fair.employers[0].tables = 2;
         fair.employers[0].group_size = 3;
         fair.attendees[0].values = {5, 0};
         fair.attendees[1].values = {0, 5};
         fair.attendees[2].values = {4, 1};
         return fair;
       },
       {Pair(0, 0, 0.5f), Pair(1, 0, 0.5f), Pair(2, 0, 0.5f)},
       {0, 0, 0},
       "0.0.1:0,2 0.0.2:1"},
      {"a group goes to the table used least so far",
       [] { return TwoTablesOfTwo(3, 3, 0); },
       {Pair(0, 0, 0.5f), Pair(1, 0, 0.5f), Pair(2, 0, 0.5f)},
       {0, 1, 2},
       "0.0.1:0 1.0.2:1 2.0.1:2"},
      {"with rests, a slot uses as few tables as it can, in rotation",
       [] { return TwoTablesOfTwo(4, 2, 1); },
       {Pair(0, 0, 0.5f), Pair(1, 0, 0.5f), Pair(2, 0, 0.5f), Pair(3, 0, 0.5f)},
       {0, 0, 1, 1},
       "0.0.1:0,1 1.0.2:2,3"},
      {"without rests the same load spreads over both tables",
       [] { return TwoTablesOfTwo(4, 2, 0); },
       {Pair(0, 0, 0.5f), Pair(1, 0, 0.5f), Pair(2, 0, 0.5f), Pair(3, 0, 0.5f)},
       {0, 0, 1, 1},
       "0.0.1:0 0.0.2:1 1.0.1:2 1.0.2:3"},
      {"with rests, a break lets the same table serve again",
       [] { return TwoTablesOfTwo(4, 2, 1, /*break_after=*/0); },
       {Pair(0, 0, 0.5f), Pair(1, 0, 0.5f), Pair(2, 0, 0.5f), Pair(3, 0, 0.5f)},
       {0, 0, 1, 1},
       "0.0.1:0,1 1.0.1:2,3"},
      {"with rests, more than one group takes more tables",
       [] { return TwoTablesOfTwo(3, 1, 1); },
       {Pair(0, 0, 0.5f), Pair(1, 0, 0.5f), Pair(2, 0, 0.5f)},
       {0, 0, 0},
       "0.0.1:0,1 0.0.2:2"},
      {"meetings come out sorted by slot, employer and table",
       [] { return SlotFair(3, 2, 2); },
       {Pair(2, 1, 0.5f), Pair(1, 0, 0.5f), Pair(0, 1, 0.5f), Pair(0, 0, 0.5f)},
       {0, 1, 1, 0},
       "0.0.1:0 0.1.1:2 1.0.1:1 1.1.1:0"},
      {"a kept pair gets its baseline table back",
       [] { return TwoTablesOfTwo(2, 1, 0); },
       {MatchedPair{0, 0, false, 0.5f, 0, 2}, Pair(1, 0, 0.5f)},
       {0, 0},
       "0.0.1:1 0.0.2:0"},
      {"a baseline table from another slot is not a wish",
       [] { return TwoTablesOfTwo(2, 2, 0); },
       {MatchedPair{0, 0, false, 0.5f, 1, 2}, Pair(1, 0, 0.5f)},
       {0, 0},
       "0.0.1:0 0.0.2:1"},
  };
  for (const TablesCase& c : cases) {
    INFO(c.name);
    const Fair fair = c.fair();
    const Availability avail(fair);
    CHECK(MeetingsText(AssignTables(fair, avail, c.pairs, c.slots)) ==
          c.expected);
  }
}

TEST_CASE("AssignTables leaves a rerun's pinned tables free", "[plan]") {
  const Fair fair = TwoTablesOfTwo(4, 2, 0);
  Rerun rerun;
  rerun.pairs = {{3, 0, 0, 1, true, false}};  // a3 keeps e0 table 1 at 10:00
  const Availability avail(fair, &rerun);
  const std::vector<MatchedPair> pairs = {Pair(0, 0, 0.5f), Pair(1, 0, 0.5f),
                                          Pair(2, 0, 0.5f)};
  // 10:00: only table 2 is free, so a0 and a1 share it. 10:15: table 1 has
  // been used once (by the pinned meeting), table 2 once: table 1 first.
  CHECK(MeetingsText(AssignTables(fair, avail, pairs, {0, 0, 1})) ==
        "0.0.2:0,1 1.0.1:2");
}

TEST_CASE(
    "AssignSlots and AssignTables on random fairs keep every hard "
    "constraint",
    "[plan]") {
  RandomFairSpec spec;
  spec.attendees = 10;
  spec.employers = 4;
  spec.slots = 5;
  spec.max_tables = 2;
  spec.max_group = 3;
  spec.windows = true;
  spec.must_meets = 3;
  spec.avoids = 3;
  spec.min_score = 0.1;
  int placed = 0, unplaced = 0;
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    Fair fair = RandomFair(seed, spec);
    fair.config.employer_max_consecutive = static_cast<int>(seed % 3);
    const Compatibility compat = Compatibility::Build(fair);
    const Availability avail(fair);
    // Per attendee, its eligible employers sharing a slot, best first, up
    // to its cap: more than the tables can always hold.
    std::vector<MatchedPair> pairs;
    for (int a = 0; a < fair.num_attendees(); ++a) {
      std::vector<MatchedPair> mine;
      for (int e = 0; e < fair.num_employers(); ++e) {
        const float score = compat.Pair(a, e).score;
        if (!compat.Eligible(a, e, score) || !avail.ShareSlot(a, e)) continue;
        const bool must =
            std::binary_search(fair.attendees[a].must_meet.begin(),
                               fair.attendees[a].must_meet.end(), e);
        mine.push_back(Pair(a, e, score, must));
      }
      std::stable_sort(mine.begin(), mine.end(),
                       [](const MatchedPair& x, const MatchedPair& y) {
                         return x.score > y.score;
                       });
      if (static_cast<int>(mine.size()) > fair.MaxMeetings(a)) {
        mine.resize(fair.MaxMeetings(a));
      }
      pairs.insert(pairs.end(), mine.begin(), mine.end());
    }
    const std::vector<int> slots = AssignSlots(fair, avail, pairs);
    REQUIRE(slots.size() == pairs.size());
    for (size_t p = 0; p < pairs.size(); ++p) {
      if (slots[p] < 0) {
        ++unplaced;
        continue;
      }
      ++placed;
      CHECK(avail.Attendee(pairs[p].attendee, slots[p]));
      CHECK(avail.Employer(pairs[p].employer, slots[p]));
    }
    const Schedule schedule = AssignTables(fair, avail, pairs, slots);
    int attendee_meetings = 0;
    for (const Meeting& m : schedule.meetings) {
      attendee_meetings += static_cast<int>(m.attendees.size());
    }
    CHECK(attendee_meetings == std::count_if(slots.begin(), slots.end(),
                                             [](int s) { return s >= 0; }));
    for (const Violation& v : CheckSchedule(fair, compat, schedule)) {
      INFO("seed " << seed << ": " << v.message);
      // A must_meet may be left unplaced: the planner rematches then.
      CHECK(v.kind == "must-meet-missed");
    }
  }
  CHECK(placed > 200);
  CHECK(unplaced > 0);  // the cases were tight enough to leave some out
}

}  // namespace
}  // namespace fairmatch
