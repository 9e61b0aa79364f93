// Meetings that have happened and the people they need back
// (engine/model/history.h).
#include "engine/model/history.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/fixtures/recorded.h"
#include "tests/fixtures/tiny_fair.h"

namespace fairmatch {
namespace {

using testing::At;
using testing::TinyFair;

TEST_CASE("IsHistory: marked so, or started before --from", "[model]") {
  struct Case {
    const char* start;
    bool marked;
    int from;
    bool expected;
  };
  const std::vector<Case> cases = {
      {"10:00", false, -1, false},  // no --from: only what is marked
      {"10:00", true, -1, true},
      {"10:00", false, 10 * 60 + 15, true},   // before 10:15
      {"10:15", false, 10 * 60 + 15, false},  // starts at --from: not yet
      {"10:30", false, 10 * 60 + 15, false},
      {"10:30", true, 10 * 60 + 15, true},  // marked wins
      {"09:59", false, 10 * 60, true},
      {"00:00", false, 0, false},
  };
  for (const Case& c : cases) {
    INFO(c.start << " marked " << c.marked << " from " << c.from);
    RecordedMeeting m = At(c.start, "e001", 1, {"a001"});
    m.history = c.marked;
    CHECK(IsHistory(m, c.from) == c.expected);
  }
}

RecordedSchedule Recorded(std::vector<RecordedMeeting> meetings) {
  RecordedSchedule r;
  r.meetings = std::move(meetings);
  r.attendees = {{"a001", "Ada", "a001@example.org"},
                 {"a900", "Gone Attendee", "gone@example.org"},
                 {"a901", "", ""}};
  r.employers = {{"e001", "Acme", ""},
                 {"e900", "Gone Corp", "hr@gone.example"}};
  return r;
}

TEST_CASE("AddHistoryPeople: nobody missing, nothing restored", "[model]") {
  Fair fair = TinyFair();
  const Fair before = fair;
  const RecordedSchedule r =
      Recorded({At("10:00", "e001", 1, {"a001", "a002"})});
  CHECK(AddHistoryPeople(r, 10 * 60 + 15, &fair) == 0);
  CHECK(fair.num_attendees() == before.num_attendees());
  CHECK(fair.num_employers() == before.num_employers());
}

TEST_CASE("AddHistoryPeople: people of later meetings are not restored",
          "[model]") {
  Fair fair = TinyFair();
  const RecordedSchedule r = Recorded({At("10:45", "e900", 1, {"a900"})});
  CHECK(AddHistoryPeople(r, 10 * 60 + 15, &fair) == 0);
  CHECK(AddHistoryPeople(r, -1, &fair) == 0);
  CHECK(fair.num_attendees() == 6);
  CHECK(fair.num_employers() == 4);
}

TEST_CASE("AddHistoryPeople: restores the missing from the schedule's people",
          "[model]") {
  Fair fair = TinyFair();
  RecordedMeeting marked = At("10:45", "e001", 1, {"a901"});
  marked.history = true;
  const RecordedSchedule r =
      Recorded({At("10:00", "e900", 3, {"a900", "a001"}), marked});
  CHECK(AddHistoryPeople(r, 10 * 60 + 15, &fair) == 3);

  // Appended after the fair's own, in id order, never available.
  REQUIRE(fair.num_attendees() == 8);
  const Attendee& gone = fair.attendees[6];
  CHECK(gone.id == "a900");
  CHECK(gone.name == "Gone Attendee");
  CHECK(gone.email == "gone@example.org");
  CHECK(gone.withdrawn);
  CHECK(gone.values == std::vector<float>(fair.num_values(), 0.0f));
  // Not named by the schedule: the id stands in for the name.
  const Attendee& unnamed = fair.attendees[7];
  CHECK(unnamed.id == "a901");
  CHECK(unnamed.name == "a901");
  CHECK(unnamed.email.empty());
  CHECK(unnamed.withdrawn);

  REQUIRE(fair.num_employers() == 5);
  const Employer& corp = fair.employers[4];
  CHECK(corp.id == "e900");
  CHECK(corp.name == "Gone Corp");
  CHECK(corp.email == "hr@gone.example");
  CHECK(corp.withdrawn);
  // Enough tables for every table a history meeting used.
  CHECK(corp.tables == 3);
  // The fair's own people are untouched.
  CHECK_FALSE(fair.attendees[0].withdrawn);
  CHECK(fair.employers[0].tables == 2);
}

TEST_CASE("AddHistoryPeople: a person withdrawn for the day comes back whole",
          "[model]") {
  Fair fair = TinyFair();
  // a006 and e004 withdrawn by changes.yaml: moved out of the lists.
  fair.withdrawn_attendees.push_back(fair.attendees.back());
  fair.attendees.pop_back();
  fair.withdrawn_employers.push_back(fair.employers.back());
  fair.employers.pop_back();
  const Attendee kept = fair.withdrawn_attendees[0];
  const RecordedSchedule r = Recorded({At("10:00", "e004", 1, {"a006"})});
  CHECK(AddHistoryPeople(r, 10 * 60 + 15, &fair) == 2);
  REQUIRE(fair.num_attendees() == 6);
  const Attendee& back = fair.attendees[5];
  CHECK(back.id == "a006");
  CHECK(back.withdrawn);
  // The whole record, not a stand-in from the schedule.
  CHECK(back.values == kept.values);
  CHECK(back.avoid == kept.avoid);
  CHECK(back.available.size() == kept.available.size());
  REQUIRE(fair.num_employers() == 4);
  CHECK(fair.employers[3].id == "e004");
  CHECK(fair.employers[3].withdrawn);
  CHECK(fair.employers[3].offers == std::vector<std::string>{"mentoring"});
}

}  // namespace
}  // namespace fairmatch
