#include "engine/model/fair.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "tests/fixtures/tiny_fair.h"

namespace fairmatch {
namespace {

using testing::kClock10;
using testing::TinyFair;

TEST_CASE("FormatWindows joins windows and calls no windows the whole event",
          "[model]") {
  CHECK(FormatWindows({}) == "the whole event");
  CHECK(FormatWindows({{540, 720}}) == "09:00-12:00");
  CHECK(FormatWindows({{540, 720}, {780, 1020}}) == "09:00-12:00, 13:00-17:00");
  // Written in the order given, not sorted.
  CHECK(FormatWindows({{780, 1020}, {540, 720}}) == "13:00-17:00, 09:00-12:00");
}

TEST_CASE("time windows are half-open: touching windows do not overlap",
          "[model]") {
  const TimeWindow morning{600, 660};
  CHECK(morning.Overlaps({630, 700}));
  CHECK(TimeWindow{630, 700}.Overlaps(morning));
  CHECK(morning.Overlaps({610, 620}));  // inside
  CHECK(TimeWindow{610, 620}.Overlaps(morning));
  CHECK_FALSE(morning.Overlaps({660, 700}));  // starts where it ends
  CHECK_FALSE(TimeWindow{660, 700}.Overlaps(morning));
  CHECK_FALSE(morning.Overlaps({500, 600}));  // ends where it starts

  CHECK(morning.Contains(morning));
  CHECK(morning.Contains({600, 615}));
  CHECK(morning.Contains({645, 660}));
  CHECK_FALSE(morning.Contains({645, 661}));
  CHECK_FALSE(morning.Contains({599, 615}));
  CHECK_FALSE(TimeWindow{600, 615}.Contains(morning));
}

struct SlotCase {
  const char* name;
  int start;
  int end;
  int length;
  std::vector<TimeWindow> breaks;
  std::vector<Slot> expected;
};

// "10:00-10:15, 10:15-10:30": slot lists compare and print readably.
std::string Text(const std::vector<Slot>& slots) {
  return slots.empty() ? "no slots" : FormatWindows(slots);
}

TEST_CASE("MakeSlots cuts the day into slots around breaks", "[model]") {
  const std::vector<SlotCase> cases = {
      {"an empty day has no slots", 600, 600, 15, {}, {}},
      {"a day shorter than one slot has no slots", 600, 610, 15, {}, {}},
      {"exactly one slot", 600, 615, 15, {}, {{600, 615}}},
      {"consecutive slots fill the day",
       600,
       660,
       15,
       {},
       {{600, 615}, {615, 630}, {630, 645}, {645, 660}}},
      {"a partial slot at the end is dropped",
       600,
       670,
       20,
       {},
       {{600, 620}, {620, 640}, {640, 660}}},
      {"a break on slot boundaries is skipped",
       600,
       675,
       15,
       {{630, 645}},
       {{600, 615}, {615, 630}, {645, 660}, {660, 675}}},
      {"a slot overlapping a break starts at the break's end",
       600,
       700,
       15,
       {{620, 640}},
       {{600, 615}, {640, 655}, {655, 670}, {670, 685}, {685, 700}}},
      {"a break over the start delays the first slot",
       600,
       660,
       15,
       {{590, 610}},
       {{610, 625}, {625, 640}, {640, 655}}},
      {"a break touching a slot does not move it",
       600,
       630,
       15,
       {{570, 600}, {630, 700}},
       {{600, 615}, {615, 630}}},
      {"a slot pushed past the end by a break is dropped",
       600,
       660,
       15,
       {{640, 655}},
       {{600, 615}, {615, 630}}},
      {"unsorted back-to-back breaks are both skipped",
       600,
       690,
       15,
       {{645, 660}, {630, 645}},
       {{600, 615}, {615, 630}, {660, 675}, {675, 690}}},
      {"a break covering the whole day leaves no slots",
       600,
       660,
       15,
       {{500, 700}},
       {}},
  };
  for (const SlotCase& c : cases) {
    INFO(c.name);
    CHECK(Text(MakeSlots(c.start, c.end, c.length, c.breaks)) ==
          Text(c.expected));
  }
}

TEST_CASE(
    "MakeSlots on random days: ordered, full length, clear of breaks, "
    "gaps only after breaks",
    "[model]") {
  std::mt19937 rng(11);
  int slots_seen = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const int start = 480 + static_cast<int>(rng() % 120);
    const int end = start + static_cast<int>(rng() % 480);
    const int length = 5 + static_cast<int>(rng() % 40);
    std::vector<TimeWindow> breaks;
    const int num_breaks = static_cast<int>(rng() % 4);
    for (int b = 0; b < num_breaks; ++b) {
      const int bs = start + static_cast<int>(rng() % 480);
      breaks.push_back({bs, bs + 5 + static_cast<int>(rng() % 60)});
    }
    INFO("trial " << trial << ": " << FormatClock(start) << "-"
                  << FormatClock(end) << " length " << length << " breaks "
                  << FormatWindows(breaks));
    const std::vector<Slot> slots = MakeSlots(start, end, length, breaks);
    slots_seen += static_cast<int>(slots.size());
    int previous_end = start;
    for (const Slot& s : slots) {
      CHECK(s.end - s.start == length);
      CHECK(s.start >= previous_end);
      CHECK(s.end <= end);
      for (const TimeWindow& b : breaks) CHECK_FALSE(s.Overlaps(b));
      if (s.start != previous_end) {
        // A gap is never idle time: the slot starts where a break ends.
        bool after_break = false;
        for (const TimeWindow& b : breaks) after_break |= b.end == s.start;
        CHECK(after_break);
      }
      previous_end = s.end;
    }
    if (breaks.empty()) {
      CHECK(static_cast<int>(slots.size()) == (end - start) / length);
    }
  }
  CHECK(slots_seen > 300);  // the days were not all empty
}

TEST_CASE("SlotInWindows needs one window holding the whole slot", "[model]") {
  const Slot slot{610, 625};
  CHECK(SlotInWindows(slot, {}));  // no windows: the whole event
  CHECK(SlotInWindows(slot, {{600, 700}}));
  CHECK(SlotInWindows(slot, {{610, 625}}));  // exactly the slot
  CHECK(SlotInWindows(slot, {{500, 550}, {600, 630}}));
  CHECK_FALSE(SlotInWindows(slot, {{500, 550}}));
  CHECK_FALSE(SlotInWindows(slot, {{615, 700}}));  // misses its start
  // Two back-to-back windows together cover it, but neither holds it.
  CHECK_FALSE(SlotInWindows(slot, {{600, 615}, {615, 630}}));
}

TEST_CASE("a fair's caps and group sizes fall back to the config defaults",
          "[model]") {
  Fair fair = TinyFair();
  REQUIRE(fair.config.meetings_max == 3);
  REQUIRE(fair.config.group_size == 3);
  CHECK(fair.num_attendees() == 6);
  CHECK(fair.num_employers() == 4);
  CHECK(fair.num_slots() == 4);
  CHECK(fair.num_values() == 2);

  CHECK(fair.MaxMeetings(0) == 3);  // -1: the config's meetings_max
  CHECK(fair.MaxMeetings(1) == 1);
  fair.attendees[0].max_meetings = 0;  // 0 is a cap of its own: no meetings
  CHECK(fair.MaxMeetings(0) == 0);

  CHECK(fair.GroupSize(0) == 2);
  CHECK(fair.GroupSize(1) == 3);     // -1: the config's group_size
  fair.employers[1].group_size = 0;  // not a usable size: the default
  CHECK(fair.GroupSize(1) == 3);
  fair.config.group_size = 4;
  CHECK(fair.GroupSize(1) == 4);
  CHECK(fair.GroupSize(0) == 2);
}

TEST_CASE("a fair's availability follows each person's windows per slot",
          "[model]") {
  const Fair fair = TinyFair();
  // Slots: 0 10:00, 1 10:15, (break), 2 10:45, 3 11:00.
  REQUIRE(fair.slots[2].start == kClock10 + 45);
  for (int s = 0; s < 4; ++s) {
    INFO("slot " << s);
    CHECK(fair.AttendeeAvailable(0, s));              // no windows
    CHECK(fair.AttendeeAvailable(3, s) == (s >= 1));  // from 10:15
    CHECK(fair.AttendeeAvailable(5, s) == (s >= 2));  // from 10:45
    CHECK(fair.EmployerAvailable(0, s));
    CHECK(fair.EmployerAvailable(1, s) == (s <= 1));  // until 10:30
  }
}

TEST_CASE("an output.extra key selects itself and the keys under it",
          "[model]") {
  CHECK(ExtraSelects("portfolio", "portfolio"));
  CHECK(ExtraSelects("portfolio", "portfolio.url"));
  CHECK(ExtraSelects("portfolio.url", "portfolio.url"));
  CHECK_FALSE(ExtraSelects("portfolio", "portfolios"));
  CHECK_FALSE(ExtraSelects("portfolio.url", "portfolio"));
  CHECK_FALSE(ExtraSelects("url", "portfolio.url"));
}

TEST_CASE("ShownExtra keeps file order for all, output.extra's order else",
          "[model]") {
  const ExtraFields extra = {{"portfolio.url", "u"},
                             {"accessibility", "a"},
                             {"portfolio.title", "t"},
                             {"diet", "d"}};
  Config config;
  CHECK(ShownExtra(config, extra) == extra);
  config.extra_all = false;
  CHECK(ShownExtra(config, extra).empty());
  config.extra = {"diet", "portfolio", "portfolio.url", "nobody"};
  CHECK(ShownExtra(config, extra) == ExtraFields{{"diet", "d"},
                                                 {"portfolio.url", "u"},
                                                 {"portfolio.title", "t"}});
  const std::vector<std::string> keys = {"portfolio.url", "accessibility",
                                         "portfolio.title", "diet"};
  CHECK(ShownExtraKeys(config, keys) ==
        std::vector<std::string>{"diet", "portfolio.url", "portfolio.title"});
  config.extra_all = true;
  CHECK(ShownExtraKeys(config, keys) == keys);
}

TEST_CASE("ExtraKeys lists each key once, in first-seen order", "[model]") {
  Fair fair;
  fair.attendees.resize(3);
  fair.attendees[0].extra = {{"diet", "x"}};
  fair.attendees[2].extra = {{"access", "y"}, {"diet", "z"}, {"a.b", "w"}};
  fair.employers.resize(1);
  fair.employers[0].extra = {{"parking", "p"}};
  CHECK(ExtraKeys(fair, true) ==
        std::vector<std::string>{"diet", "access", "a.b"});
  CHECK(ExtraKeys(fair, false) == std::vector<std::string>{"parking"});
}

TEST_CASE("time windows as the fair files write them", "[model]") {
  std::string s;
  AppendYamlWindows(&s, {{600, 690}, {765, 975}});
  CHECK(s == R"(["10:00-11:30", "12:45-16:15"])");
  s.clear();
  AppendYamlWindows(&s, {});
  CHECK(s == "[]");
  CHECK(FormatWindows({{600, 690}, {765, 975}}) == "10:00-11:30, 12:45-16:15");
}

}  // namespace
}  // namespace fairmatch
