#include "engine/plan/seat_left_out.h"

#include <catch2/catch.hpp>
#include <vector>

#include "engine/check/check.h"
#include "tests/fixtures/fair_builder.h"

namespace fairmatch {
namespace {

using testing::EventFair;
using testing::MakeAttendee;
using testing::MakeEmployer;

// One employer with one table and groups of two over four slots; five
// attendees who all suit it; only attendee 0 has a conversation (slot 0).
Fair OneTable(int max_consecutive) {
  Fair fair = EventFair("Seating", 4, 1);
  fair.config.group_size = 2;
  fair.config.employer_max_consecutive = max_consecutive;
  fair.employers.push_back(MakeEmployer({5}, {"mentoring"}, {"python"}));
  for (int a = 0; a < 5; ++a) {
    fair.attendees.push_back(MakeAttendee({5}, {"python"}, {"mentoring"}));
  }
  return fair;
}

Schedule OnlyAttendeeZero() {
  Schedule schedule;
  schedule.meetings.push_back(
      Meeting{.slot = 0, .employer = 0, .table = 1, .attendees = {0}});
  return schedule;
}

TEST_CASE("the left out join a free seat, then a free table that keeps rests",
          "[plan]") {
  // Rests after every conversation: slot 1 would make two in a row.
  Fair fair = OneTable(/*max_consecutive=*/1);
  fair.attendees[4].avoid = {0};  // never seated with the employer it avoids
  fair.attendees[3].available = {{fair.slots[1].start, fair.slots[1].end}};
  const Compatibility compat = Compatibility::Build(fair);
  Schedule schedule = OnlyAttendeeZero();

  CHECK(SeatLeftOut(compat, &schedule) == 2);
  REQUIRE(schedule.meetings.size() == 2);
  // Attendee 1 takes the free seat beside attendee 0.
  CHECK(schedule.meetings[0].slot == 0);
  CHECK(schedule.meetings[0].attendees == std::vector<int>{0, 1});
  // Attendee 2: slot 1 would leave the table no rest, so slot 2.
  CHECK(schedule.meetings[1].slot == 2);
  CHECK(schedule.meetings[1].table == 1);
  CHECK(schedule.meetings[1].attendees == std::vector<int>{2});
  // Attendee 3 is there only in slot 1, which the rest forbids; attendee 4
  // avoids the employer: both stay out, and the plan holds every rule.
  CHECK(CheckSchedule(fair, compat, schedule).empty());
}

TEST_CASE("without rests the left out fill the earliest free slots", "[plan]") {
  Fair fair = OneTable(/*max_consecutive=*/0);
  const Compatibility compat = Compatibility::Build(fair);
  Schedule schedule = OnlyAttendeeZero();
  CHECK(SeatLeftOut(compat, &schedule) == 4);
  REQUIRE(schedule.meetings.size() == 3);
  CHECK(schedule.meetings[0].attendees == std::vector<int>{0, 1});
  CHECK(schedule.meetings[1].slot == 1);
  CHECK(schedule.meetings[1].attendees == std::vector<int>{2, 3});
  CHECK(schedule.meetings[2].slot == 2);
  CHECK(schedule.meetings[2].attendees == std::vector<int>{4});
  CHECK(CheckSchedule(fair, compat, schedule).empty());
  // Nobody is left: a second call seats no one and changes nothing.
  const std::vector<Meeting> before = schedule.meetings;
  CHECK(SeatLeftOut(compat, &schedule) == 0);
  CHECK(schedule.meetings.size() == before.size());
}

}  // namespace
}  // namespace fairmatch
