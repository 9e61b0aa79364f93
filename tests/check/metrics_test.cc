#include "engine/check/metrics.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"
#include "tests/fixtures/tiny_fair.h"

namespace fairmatch {
namespace {

using testing::kClock10;
using testing::TinyFair;
using testing::ValidSchedule;

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

TEST_CASE("wish metrics count first choices and all wishes met on each side",
          "[check]") {
  // ValidSchedule: a001 meets e001, e002; a002 e001; a003 e002, e001;
  // a004 e003, e001.
  Fair fair = TinyFair();
  fair.attendees[0].wants = {3, 1};     // e004 no, e002 yes: first missed
  fair.attendees[1].wants = {0};        // e001 yes
  fair.attendees[3].wants = {2, 1, 3};  // e003 yes, e002 no, e004 no
  fair.employers[0].wants = {1, 4};     // a002 yes, a005 no
  fair.employers[2].wants = {3};        // a004 yes
  const Compatibility compat = Compatibility::Build(fair);
  const Metrics m = ComputeMetrics(fair, compat, ValidSchedule());
  CHECK(m.attendees_with_wishes == 3);
  CHECK(m.wishes_first_met_share == Approx(2.0 / 3));
  CHECK(m.wishes_met_share == Approx(3.0 / 6));
  CHECK(m.employers_with_wishes == 2);
  CHECK(m.employer_wishes_met_share == Approx(2.0 / 3));

  // Fit leaves out what the wishes add, which is positive here.
  double fit = 0, wish = 0;
  for (const auto& [a, e] : std::vector<std::pair<int, int>>{
           {0, 0}, {0, 1}, {1, 0}, {2, 1}, {2, 0}, {3, 2}, {3, 0}}) {
    fit += compat.Pair(a, e).fit;
    wish += compat.Pair(a, e).wish;
  }
  REQUIRE(wish > 0);
  CHECK(m.total_fit == Approx(fit));
  CHECK(m.total_score == Approx(fit + wish));
  CHECK(m.attendee_fit_worst == 0);  // a005, a006 meet no one
  CHECK(m.attendee_fit_p10 == 0);
}

TEST_CASE("without wishes the wish shares are 0 and fit is the score",
          "[check]") {
  const Fair fair = TinyFair();
  const Compatibility compat = Compatibility::Build(fair);
  const Metrics m = ComputeMetrics(fair, compat, ValidSchedule());
  CHECK(m.attendees_with_wishes == 0);
  CHECK(m.employers_with_wishes == 0);
  CHECK(m.wishes_first_met_share == 0);
  CHECK(m.wishes_met_share == 0);
  CHECK(m.total_fit == Approx(m.total_score));
  CHECK(m.attendee_fit_p10 == Approx(m.attendee_total_p10));
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
