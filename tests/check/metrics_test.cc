#include "engine/check/metrics.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {
namespace {

constexpr int kClock10 = 600;  // 10:00

// A tiny fair, the same as in check_test.cc:
//   slots  0 10:00-10:15, 1 10:15-10:30, (break 10:30-10:45),
//          2 10:45-11:00, 3 11:00-11:15
//   a0 a001  default
//   a1 a002  max_meetings 1
//   a2 a003  avoids e2
//   a3 a004  available 10:15-11:15 (slots 1-3)
//   a4 a005  default
//   a5 a006  avoids e0, e2, e3; available 10:45-11:15 (slots 2-3)
//   e0 e001  2 tables, group size 2
//   e1 e002  1 table, available 10:00-10:30 (slots 0-1)
//   e2 e003  1 table
//   e3 e004  1 table
// min_score 0, so every pair that is not avoided is eligible; everyone
// offers what the other side seeks, so every score is positive.
Fair TinyFair() {
  Fair fair;
  fair.event.start = kClock10;
  fair.event.end = kClock10 + 75;
  fair.event.length = 15;
  fair.event.breaks = {{kClock10 + 30, kClock10 + 45}};
  fair.event.values = {{"impact", "Impact"}, {"growth", "Growth"}};
  fair.slots = MakeSlots(fair.event.start, fair.event.end, fair.event.length,
                         fair.event.breaks);
  fair.config.min_score = 0;
  fair.config.meetings_min = 2;
  fair.config.meetings_max = 3;
  fair.config.group_size = 3;
  for (int a = 0; a < 6; ++a) {
    Attendee attendee;
    attendee.id = "a00" + std::to_string(a + 1);
    attendee.values = {static_cast<float>(a % 5), static_cast<float>(5 - a)};
    attendee.offers = {"python"};
    attendee.seeks = {"mentoring"};
    fair.attendees.push_back(attendee);
  }
  fair.attendees[1].max_meetings = 1;
  fair.attendees[2].avoid = {2};
  fair.attendees[3].available = {{kClock10 + 15, kClock10 + 75}};
  fair.attendees[5].avoid = {0, 2, 3};
  fair.attendees[5].available = {{kClock10 + 45, kClock10 + 75}};
  for (int e = 0; e < 4; ++e) {
    Employer employer;
    employer.id = "e00" + std::to_string(e + 1);
    employer.values = {static_cast<float>(e + 1), 2};
    employer.offers = {"mentoring"};
    employer.seeks = {"python"};
    fair.employers.push_back(employer);
  }
  fair.employers[0].tables = 2;
  fair.employers[0].group_size = 2;
  fair.employers[1].available = {{kClock10, kClock10 + 30}};
  return fair;
}

// A schedule that satisfies every hard constraint of TinyFair.
Schedule ValidSchedule() {
  Schedule schedule;
  schedule.meetings = {
      {0, 0, 1, {0, 1}},  // 10:00 e001 table 1: a001, a002
      {0, 1, 1, {2}},     // 10:00 e002: a003
      {1, 1, 1, {0}},     // 10:15 e002: a001
      {1, 2, 1, {3}},     // 10:15 e003: a004
      {2, 0, 2, {2, 3}},  // 10:45 e001 table 2: a003, a004
  };
  return schedule;
}

TEST_CASE("metrics of the tiny fair match the hand count", "[check]") {
  const Fair fair = TinyFair();
  const Compatibility compat = Compatibility::Build(fair);
  const Metrics m = ComputeMetrics(fair, compat, ValidSchedule());
  auto s = [&](int a, int e) -> double { return compat.Pair(a, e).score; };

  CHECK(m.meetings == 5);
  CHECK(m.attendee_meetings == 7);
  CHECK(m.attendees == 6);
  CHECK(m.attendees_with_no_meeting == 2);  // a005, a006
  // a005 could meet anyone; a006 avoids e001, e003, e004 and is only there
  // when e002 has left.
  CHECK(m.eligible_attendees_with_no_meeting == 1);
  // a001, a003, a004 have 2 = meetings.min; a002 has 1 = its own cap.
  CHECK(m.attendees_reaching_min == 4);

  const double t0 = s(0, 0) + s(0, 1);
  const double t1 = s(1, 0);
  const double t2 = s(2, 1) + s(2, 0);
  const double t3 = s(3, 2) + s(3, 0);
  CHECK(m.total_score == Approx(t0 + t1 + t2 + t3).epsilon(1e-12));
  CHECK(m.mean_score_per_meeting == Approx((t0 + t1 + t2 + t3) / 7));
  // Sorted totals: 0, 0 (a005, a006), then t0..t3 ascending; p10 is index
  // floor(0.1 * 5) = 0, the median index floor(0.5 * 5) = 2, the smallest
  // positive total. Everyone seeks what the other side offers, so every
  // score is positive.
  REQUIRE(std::min({t0, t1, t2, t3}) > 0);
  CHECK(m.attendee_total_worst == 0);
  CHECK(m.attendee_total_p10 == 0);
  CHECK(m.attendee_total_median == Approx(std::min({t0, t1, t2, t3})));

  // Available cells: e001 2 tables x 4 slots, e002 1 x 2, e003 1 x 4,
  // e004 1 x 4 = 18, of which 5 are used. Seats: 8 x 2 + 2 x 3 + 4 x 3 +
  // 4 x 3 = 46, of which 7 are taken.
  CHECK(m.table_utilisation == Approx(5.0 / 18));
  CHECK(m.seat_utilisation == Approx(7.0 / 46));
  CHECK(m.employers_without_meetings == 1);  // e004
  CHECK(m.tables_without_meetings == 1);     // e004's only table
  // a003 meets at slots 0 and 2 (slot 1 idle); a004 at slots 1 and 2,
  // either side of the break, which is not idle.
  CHECK(m.attendee_idle_slots == 1);

  // Not computed here.
  CHECK(m.upper_bound == -1);
  CHECK(m.gap == -1);
  CHECK(m.stage_seconds.empty());
}

TEST_CASE("p10 and median are the sorted totals at floor(q * (n - 1))",
          "[check]") {
  // Eleven attendees; a0..a9 meet e001 once each at their own table, a10
  // not at all. Sorted totals: 0, then the ten scores ascending, so p10 is
  // index 1 (the lowest score) and the median index 5 (the fifth lowest).
  // A third value makes the value alignments, and so the scores, differ.
  Fair fair = TinyFair();
  fair.event.values.push_back({"balance", "Balance"});
  fair.attendees.resize(11, fair.attendees[0]);
  // Ratings that differ per attendee, so that the scores differ.
  for (int a = 0; a < 11; ++a) {
    fair.attendees[a].id = "b" + std::to_string(a);
    fair.attendees[a].values = {0.5f * static_cast<float>(a), 3, 5};
  }
  fair.employers[0].values = {0, 2, 5};
  fair.employers[0].tables = 10;
  Schedule schedule;
  for (int a = 0; a < 10; ++a) schedule.meetings.push_back({0, 0, a + 1, {a}});

  const Compatibility compat = Compatibility::Build(fair);
  std::vector<double> scores;
  for (int a = 0; a < 10; ++a) scores.push_back(compat.Pair(a, 0).score);
  std::sort(scores.begin(), scores.end());
  // Distinct neighbours, so that an off-by-one index would be noticed.
  REQUIRE(scores[0] < scores[1]);
  REQUIRE(scores[3] < scores[4]);
  REQUIRE(scores[4] < scores[5]);

  const Metrics m = ComputeMetrics(fair, compat, schedule);
  CHECK(m.attendee_total_worst == 0);
  CHECK(m.attendee_total_p10 == scores[0]);
  CHECK(m.attendee_total_median == scores[4]);
  CHECK(m.attendee_idle_slots == 0);
  CHECK(m.tables_without_meetings == 3);  // e002, e003, e004
}

TEST_CASE("metrics do not depend on the order of meetings", "[check]") {
  const Fair fair = TinyFair();
  const Compatibility compat = Compatibility::Build(fair);
  Schedule schedule = ValidSchedule();
  const Metrics forward = ComputeMetrics(fair, compat, schedule);
  std::reverse(schedule.meetings.begin(), schedule.meetings.end());
  for (Meeting& meeting : schedule.meetings) {
    std::reverse(meeting.attendees.begin(), meeting.attendees.end());
  }
  const Metrics backward = ComputeMetrics(fair, compat, schedule);
  CHECK(backward.total_score == forward.total_score);  // bit for bit
  CHECK(backward.attendee_total_median == forward.attendee_total_median);
  CHECK(backward.attendee_idle_slots == forward.attendee_idle_slots);
}

TEST_CASE("an empty schedule serves no one", "[check]") {
  const Fair fair = TinyFair();
  const Compatibility compat = Compatibility::Build(fair);
  const Metrics m = ComputeMetrics(fair, compat, Schedule{});
  CHECK(m.meetings == 0);
  CHECK(m.total_score == 0);
  CHECK(m.mean_score_per_meeting == 0);
  CHECK(m.attendees_with_no_meeting == 6);
  CHECK(m.eligible_attendees_with_no_meeting == 5);  // all but a006
  CHECK(m.attendees_reaching_min == 0);
  CHECK(m.table_utilisation == 0);
  CHECK(m.employers_without_meetings == 4);
  CHECK(m.tables_without_meetings == 5);
}

TEST_CASE("a fair with no one in it has zero metrics", "[check]") {
  Fair fair;
  const Compatibility compat = Compatibility::Build(fair);
  const Metrics m = ComputeMetrics(fair, compat, Schedule{});
  CHECK(m.attendees == 0);
  CHECK(m.attendee_total_median == 0);
  CHECK(m.seat_utilisation == 0);
}

TEST_CASE("metrics skip indices outside the fair instead of crashing",
          "[check]") {
  const Fair fair = TinyFair();
  const Compatibility compat = Compatibility::Build(fair);
  Schedule schedule = ValidSchedule();
  schedule.meetings.push_back({99, 0, 1, {4}});      // bad slot: seat counts
  schedule.meetings.push_back({0, 77, 1, {4}});      // bad employer: skipped
  schedule.meetings.push_back({1, 3, 9, {-1, 50}});  // bad table, attendees
  const Metrics m = ComputeMetrics(fair, compat, schedule);
  CHECK(m.meetings == 8);
  CHECK(m.attendee_meetings == 8);
  CHECK(m.table_utilisation == Approx(5.0 / 18));
  CHECK(m.employers_without_meetings == 0);  // e004 has a (bad) meeting
  CHECK(m.tables_without_meetings == 1);
}

}  // namespace
}  // namespace fairmatch
