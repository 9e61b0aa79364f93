#include "engine/render/meeting_index.h"

#include <catch2/catch.hpp>
#include <vector>

#include "absl/status/status.h"
#include "tests/fixtures/spring_fair.h"

namespace fairmatch {
namespace {

using testing::FixtureFair;
using testing::FixtureSchedule;

TEST_CASE("each person's meetings are listed in time order", "[render]") {
  const Fair fair = FixtureFair();
  const Schedule schedule = FixtureSchedule();
  absl::StatusOr<MeetingIndex> index = MeetingIndex::Build(fair, schedule);
  REQUIRE(index.ok());
  // Ada meets Acme in slot 0, then Blue Labs in slot 1.
  REQUIRE(index->OfAttendee(0).size() == 2);
  CHECK(schedule.meetings[index->OfAttendee(0)[0]].slot == 0);
  CHECK(schedule.meetings[index->OfAttendee(0)[1]].slot == 1);
  CHECK(index->OfAttendee(1).size() == 1);
  CHECK(index->OfAttendee(2).empty());  // Şükrü has no meeting
  CHECK(index->OfEmployer(0).size() == 1);
  CHECK(index->OfEmployer(1).size() == 1);
  CHECK(index->attendee_places() == 3);
}

TEST_CASE("the cell of a table and slot names its meeting or -1", "[render]") {
  const Fair fair = FixtureFair();
  const Schedule schedule = FixtureSchedule();
  absl::StatusOr<MeetingIndex> index = MeetingIndex::Build(fair, schedule);
  REQUIRE(index.ok());
  CHECK(index->Tables(0) == 2);
  CHECK(index->Tables(1) == 1);
  const int acme = index->At(0, 1, 0);
  REQUIRE(acme >= 0);
  CHECK(schedule.meetings[acme].attendees == std::vector<int>{0, 1});
  CHECK(index->At(0, 2, 0) == -1);
  CHECK(index->At(0, 1, 1) == -1);
  const int blue = index->At(1, 1, 1);
  REQUIRE(blue >= 0);
  CHECK(schedule.meetings[blue].employer == 1);
}

TEST_CASE("a table past the employer's tables still gets its own cells",
          "[render]") {
  Fair fair = FixtureFair();
  fair.employers[1].tables = 0;  // at least one table is always shown
  Schedule schedule = FixtureSchedule();
  schedule.meetings.push_back(
      Meeting{.slot = 2, .employer = 0, .table = 4, .attendees = {2}});
  SortMeetings(schedule);
  absl::StatusOr<MeetingIndex> index = MeetingIndex::Build(fair, schedule);
  REQUIRE(index.ok());
  CHECK(index->Tables(0) == 4);
  CHECK(index->Tables(1) == 1);
  REQUIRE(index->At(0, 4, 2) >= 0);
  CHECK(schedule.meetings[index->At(0, 4, 2)].attendees == std::vector<int>{2});
  CHECK(index->At(0, 3, 2) == -1);
}

TEST_CASE("a meeting naming what does not exist is an error", "[render]") {
  const Fair fair = FixtureFair();
  struct Case {
    const char* what;
    Meeting meeting;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"attendee",
       {.slot = 0, .employer = 0, .table = 1, .attendees = {7}},
       "meeting 0 refers to attendee 7 that does not exist"},
      {"negative attendee",
       {.slot = 0, .employer = 0, .table = 1, .attendees = {-1}},
       "refers to attendee -1"},
      {"employer",
       {.slot = 0, .employer = 2, .table = 1, .attendees = {0}},
       "slot, employer or table that does not exist"},
      {"slot",
       {.slot = 3, .employer = 0, .table = 1, .attendees = {0}},
       "slot, employer or table that does not exist"},
      {"table",
       {.slot = 0, .employer = 0, .table = 0, .attendees = {0}},
       "slot, employer or table that does not exist"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Schedule schedule;
    schedule.meetings = {c.meeting};
    absl::StatusOr<MeetingIndex> index = MeetingIndex::Build(fair, schedule);
    REQUIRE_FALSE(index.ok());
    CHECK(index.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK(std::string(index.status().message()).find(c.message) !=
          std::string::npos);
  }
}

TEST_CASE("an empty schedule leaves every table free", "[render]") {
  const Fair fair = FixtureFair();
  absl::StatusOr<MeetingIndex> index = MeetingIndex::Build(fair, Schedule{});
  REQUIRE(index.ok());
  CHECK(index->attendee_places() == 0);
  for (int e = 0; e < fair.num_employers(); ++e) {
    CHECK(index->OfEmployer(e).empty());
    for (int t = 1; t <= index->Tables(e); ++t) {
      for (int s = 0; s < fair.num_slots(); ++s)
        CHECK(index->At(e, t, s) == -1);
    }
  }
}

}  // namespace
}  // namespace fairmatch
