#include "engine/check/schedule_diff.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/model/recorded_schedule.h"
#include "tests/fixtures/recorded.h"
#include "tests/fixtures/tiny_fair.h"

namespace fairmatch {
namespace {

using testing::At;

// A017 meets Acme, Globex and Initech; A002 meets Acme with A017.
RecordedSchedule OldSchedule() {
  RecordedSchedule s;
  s.meetings = {At("09:30", "E03", 1, {"A017"}),
                At("10:00", "E01", 1, {"A017", "A002"}),
                At("11:00", "E04", 1, {"A002"})};
  s.attendees = {{"A002", "Bo Li", ""}, {"A017", "Ana (old name)", "old@x"}};
  s.employers = {{"E01", "Acme", ""}, {"E03", "Initech", ""}};
  return s;
}

// Acme moves to 11:15 table 2 for A017 only; Initech is cancelled; Globex
// is added; A002 keeps Acme 10:00 table 1 (now alone) and E04.
RecordedSchedule NewSchedule() {
  RecordedSchedule s;
  s.meetings = {
      At("10:00", "E01", 1, {"A002"}), At("11:00", "E04", 1, {"A002"}),
      At("11:15", "E01", 2, {"A017"}), At("14:00", "E02", 2, {"A017"})};
  s.attendees = {{"A017", "Ana Pérez", "ana@x"}};
  s.employers = {{"E01", "Acme", ""}, {"E02", "Globex", ""}};
  return s;
}

TEST_CASE("identical schedules keep every attendee-meeting", "[check]") {
  const ScheduleDiff diff = DiffSchedules(OldSchedule(), OldSchedule());
  CHECK(diff.kept == 4);
  CHECK(diff.moved == 0);
  CHECK(diff.added == 0);
  CHECK(diff.cancelled == 0);
  CHECK(diff.identical());
  CHECK(diff.changes.empty());
  CHECK(diff.attendees.empty());
  CHECK(diff.employers.empty());
  CHECK(diff.notify.empty());
}

TEST_CASE("kept, moved, added and cancelled are counted per attendee-meeting",
          "[check]") {
  ScheduleDiff diff = DiffSchedules(OldSchedule(), NewSchedule());
  // A002 keeps Acme and E04; at Acme A017 has left A002's group.
  CHECK(diff.kept == 2);
  CHECK(diff.regrouped == 1);
  CHECK(diff.moved == 1);
  CHECK(diff.added == 1);
  CHECK(diff.cancelled == 1);
  CHECK_FALSE(diff.identical());

  REQUIRE(diff.changes.size() == 4);
  // Sorted by attendee, then time (the new start, the old one when
  // cancelled): A002's regrouped Acme 10:00, then A017's Initech 09:30,
  // Acme 11:15, Globex 14:00.
  const MeetingChange& regrouped = diff.changes[0];
  CHECK(regrouped.kind == ChangeKind::kRegrouped);
  CHECK(regrouped.attendee == "A002");
  CHECK(regrouped.employer == "E01");
  CHECK(regrouped.old_start == "10:00");
  CHECK(regrouped.new_start == "10:00");
  CHECK(regrouped.joined.empty());
  CHECK(regrouped.left == std::vector<std::string>{"A017"});
  CHECK(std::string(ChangeKindName(regrouped.kind)) == "regrouped");
  diff.changes.erase(diff.changes.begin());
  const MeetingChange& cancelled = diff.changes[0];
  CHECK(cancelled.kind == ChangeKind::kCancelled);
  CHECK(cancelled.employer == "E03");
  CHECK(cancelled.employer_name == "Initech");  // only OLD names it
  CHECK(cancelled.old_start == "09:30");
  CHECK(cancelled.old_table == 1);
  CHECK(cancelled.new_start.empty());
  CHECK(cancelled.new_table == 0);
  const MeetingChange& moved = diff.changes[1];
  CHECK(moved.kind == ChangeKind::kMoved);
  CHECK(moved.attendee == "A017");
  CHECK(moved.attendee_name == "Ana Pérez");  // NEW's name wins
  CHECK(moved.attendee_email == "ana@x");
  CHECK(moved.employer_name == "Acme");
  CHECK(moved.old_start == "10:00");
  CHECK(moved.old_table == 1);
  CHECK(moved.new_start == "11:15");
  CHECK(moved.new_table == 2);
  const MeetingChange& added = diff.changes[2];
  CHECK(added.kind == ChangeKind::kAdded);
  CHECK(added.employer == "E02");
  CHECK(added.old_start.empty());
  CHECK(added.new_start == "14:00");
  CHECK(added.new_table == 2);
  CHECK(std::string(ChangeKindName(added.kind)) == "added");
}

TEST_CASE("changes are grouped per attendee and per employer, and notified",
          "[check]") {
  const ScheduleDiff diff = DiffSchedules(OldSchedule(), NewSchedule());
  // A002 is told too: A017 has left their group at Acme.
  REQUIRE(diff.attendees.size() == 2);
  CHECK(diff.attendees[0].person.id == "A002");
  CHECK(diff.attendees[0].changes.size() == 1);
  CHECK(diff.attendees[1].person.id == "A017");
  CHECK(diff.attendees[1].person.email == "ana@x");
  CHECK(diff.attendees[1].changes.size() == 3);

  REQUIRE(diff.employers.size() == 3);  // sorted by id
  CHECK(diff.employers[0].person.id == "E01");
  CHECK(diff.employers[0].person.name == "Acme");
  CHECK(diff.employers[1].person.id == "E02");
  CHECK(diff.employers[2].person.id == "E03");
  CHECK(diff.employers[2].person.name == "Initech");
  CHECK(diff.employers[0].changes.size() == 1);

  // Acme's roster changes by A017's move only; the regrouping is A002's
  // news.
  REQUIRE(diff.notify.size() == 5);
  CHECK(diff.notify[0].role == NotifyEntry::Role::kAttendee);
  CHECK(diff.notify[1].person.id == "A017");
  CHECK(diff.notify[1].person.name == "Ana Pérez");
  CHECK(diff.notify[1].changes == 3);
  for (int i = 2; i < 5; ++i) {
    CHECK(diff.notify[i].role == NotifyEntry::Role::kEmployer);
    CHECK(diff.notify[i].changes == 1);
  }
  CHECK(diff.notify[4].person.id == "E03");
}

TEST_CASE("an employer's changes are sorted by time, then attendee",
          "[check]") {
  RecordedSchedule old_s, new_s;
  old_s.meetings = {At("09:00", "E1", 1, {"B", "A"})};
  new_s.meetings = {At("12:00", "E1", 1, {"A"}), At("10:00", "E1", 1, {"C"}),
                    At("09:15", "E1", 1, {"B"})};
  const ScheduleDiff diff = DiffSchedules(old_s, new_s);
  REQUIRE(diff.employers.size() == 1);
  std::vector<std::string> order;
  for (const MeetingChange& c : diff.employers[0].changes) {
    order.push_back(c.attendee + "@" + c.time());
  }
  CHECK(order == std::vector<std::string>{"B@09:15", "C@10:00", "A@12:00"});
  // Names are unknown: the people lists are empty.
  CHECK(diff.employers[0].person.name.empty());
  CHECK(diff.attendees[0].person.id == "A");
}

TEST_CASE("a change of table alone is a move", "[check]") {
  RecordedSchedule old_s, new_s;
  old_s.meetings = {At("10:00", "E1", 1, {"A"})};
  new_s.meetings = {At("10:00", "E1", 2, {"A"})};
  const ScheduleDiff diff = DiffSchedules(old_s, new_s);
  CHECK(diff.kept == 0);
  CHECK(diff.moved == 1);
  REQUIRE(diff.changes.size() == 1);
  CHECK(diff.changes[0].old_table == 1);
  CHECK(diff.changes[0].new_table == 2);
}

TEST_CASE("the diff does not depend on the order of meetings", "[check]") {
  RecordedSchedule old_s = OldSchedule();
  RecordedSchedule new_s = NewSchedule();
  const ScheduleDiff before = DiffSchedules(old_s, new_s);
  std::reverse(old_s.meetings.begin(), old_s.meetings.end());
  std::reverse(new_s.meetings.begin(), new_s.meetings.end());
  for (RecordedMeeting& m : old_s.meetings) {
    std::reverse(m.attendees.begin(), m.attendees.end());
  }
  const ScheduleDiff after = DiffSchedules(old_s, new_s);
  CHECK(after.kept == before.kept);
  REQUIRE(after.changes.size() == before.changes.size());
  for (size_t i = 0; i < after.changes.size(); ++i) {
    CHECK(after.changes[i].attendee == before.changes[i].attendee);
    CHECK(after.changes[i].employer == before.changes[i].employer);
    CHECK(after.changes[i].time() == before.changes[i].time());
  }
}

TEST_CASE("a repeated pair is matched as a multiset", "[check]") {
  // OLD has A at E1 twice (a hand-edited file); NEW keeps the 10:00 one and
  // moves nothing else there: one kept, one cancelled.
  RecordedSchedule old_s, new_s;
  old_s.meetings = {At("09:00", "E1", 1, {"A"}), At("10:00", "E1", 1, {"A"})};
  new_s.meetings = {At("10:00", "E1", 1, {"A"})};
  ScheduleDiff diff = DiffSchedules(old_s, new_s);
  CHECK(diff.kept == 1);
  CHECK(diff.cancelled == 1);
  REQUIRE(diff.changes.size() == 1);
  CHECK(diff.changes[0].old_start == "09:00");
  // Both moved: paired in time order.
  new_s.meetings = {At("12:00", "E1", 1, {"A"}), At("11:00", "E1", 1, {"A"})};
  diff = DiffSchedules(old_s, new_s);
  CHECK(diff.moved == 2);
  REQUIRE(diff.changes.size() == 2);
  CHECK(diff.changes[0].old_start == "09:00");
  CHECK(diff.changes[0].new_start == "11:00");
  CHECK(diff.changes[1].old_start == "10:00");
  CHECK(diff.changes[1].new_start == "12:00");
}

TEST_CASE("an empty schedule against another adds or cancels everything",
          "[check]") {
  const RecordedSchedule empty;
  ScheduleDiff diff = DiffSchedules(empty, OldSchedule());
  CHECK(diff.added == 4);
  CHECK(diff.kept + diff.moved + diff.cancelled == 0);
  diff = DiffSchedules(OldSchedule(), empty);
  CHECK(diff.cancelled == 4);
  CHECK(diff.attendees.size() == 2);
  CHECK(diff.employers.size() == 3);
}

TEST_CASE("RecordSchedule writes clock times, ids and sorted people",
          "[check]") {
  Fair fair = testing::TinyFair();
  fair.event.name = "Tiny";
  fair.attendees[0].name = "Ada";
  fair.attendees[0].email = "ada@x";
  fair.employers[3].name = "Dee";
  // File order not sorted by id: the people lists must be.
  std::swap(fair.attendees[0].id, fair.attendees[5].id);
  const RecordedSchedule r = RecordSchedule(fair, testing::ValidSchedule());
  CHECK(r.path.empty());
  CHECK(r.event_name == "Tiny");
  REQUIRE(r.meetings.size() == 5);
  CHECK(r.meetings[0].start == "10:00");
  CHECK(r.meetings[0].end == "10:15");
  CHECK(r.meetings[0].employer == "e001");
  CHECK(r.meetings[0].attendees == std::vector<std::string>{"a006", "a002"});
  CHECK(r.meetings[4].start == "10:45");  // after the break
  CHECK(r.meetings[4].table == 2);
  CHECK_FALSE(r.meetings[4].locked);
  REQUIRE(r.attendees.size() == 6);
  CHECK(r.attendees[0].id == "a001");
  CHECK(r.attendees[5].id == "a006");
  CHECK(r.attendees[5].name == "Ada");
  CHECK(r.attendees[5].email == "ada@x");
  REQUIRE(r.employers.size() == 4);
  CHECK(r.employers[3].name == "Dee");
  CHECK(DiffSchedules(r, r).kept == 7);
}

}  // namespace
}  // namespace fairmatch
