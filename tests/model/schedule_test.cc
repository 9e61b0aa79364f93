#include "engine/model/schedule.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "tests/fixtures/schedule_text.h"
#include "tests/fixtures/tiny_fair.h"

namespace fairmatch {
namespace {

using testing::MeetingsText;

TEST_CASE("SortMeetings orders by slot, then employer, then table", "[model]") {
  Schedule schedule;
  schedule.meetings = {
      {1, 0, 1, {4}},     //
      {0, 2, 1, {3}},     //
      {0, 0, 2, {2}},     //
      {1, 0, 2, {5}},     //
      {0, 0, 1, {0, 1}},  //
      {0, 1, 1, {6}},     //
  };
  SortMeetings(schedule);
  CHECK(MeetingsText(schedule) ==
        "0.0.1:0,1 0.0.2:2 0.1.1:6 0.2.1:3 1.0.1:4 1.0.2:5");
}

TEST_CASE("SortMeetings sorts the attendees inside each meeting", "[model]") {
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {7, 2, 5}}, {0, 0, 2, {3}}, {1, 1, 1, {}}};
  SortMeetings(schedule);
  CHECK(MeetingsText(schedule) == "0.0.1:2,5,7 0.0.2:3 1.1.1:");
}

TEST_CASE("SortMeetings breaks ties by the sorted attendee lists", "[model]") {
  // The same table twice in one slot is invalid (check/ reports it), but
  // the order must still be canonical.
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {4, 3}}, {0, 0, 1, {1, 9}}, {0, 0, 1, {1, 2}}};
  SortMeetings(schedule);
  CHECK(MeetingsText(schedule) == "0.0.1:1,2 0.0.1:1,9 0.0.1:3,4");
}

TEST_CASE("SortMeetings keeps each meeting's lock and the revision",
          "[model]") {
  Schedule schedule;
  schedule.revision = 3;
  schedule.meetings = {{2, 0, 1, {1}, true}, {0, 0, 1, {0}, false}};
  SortMeetings(schedule);
  CHECK(MeetingsText(schedule) == "0.0.1:0 2.0.1:1L");
  CHECK(schedule.revision == 3);

  Schedule empty;
  SortMeetings(empty);
  CHECK(empty.meetings.empty());
  CHECK(empty.revision == 0);
}

TEST_CASE("SortMeetings gives one order whatever order the meetings come in",
          "[model]") {
  const Schedule valid = testing::ValidSchedule();
  Schedule canonical = valid;
  SortMeetings(canonical);
  // ValidSchedule is written in canonical order already.
  CHECK(MeetingsText(canonical) == MeetingsText(valid));
  std::mt19937 rng(3);
  for (int trial = 0; trial < 50; ++trial) {
    Schedule shuffled = valid;
    std::shuffle(shuffled.meetings.begin(), shuffled.meetings.end(), rng);
    for (Meeting& m : shuffled.meetings) {
      std::shuffle(m.attendees.begin(), m.attendees.end(), rng);
    }
    SortMeetings(shuffled);
    INFO("trial " << trial);
    CHECK(MeetingsText(shuffled) == MeetingsText(canonical));
  }
}

}  // namespace
}  // namespace fairmatch
