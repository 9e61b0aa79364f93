#include "engine/render/pdf_alternates.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "engine/render/meeting_index.h"
#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"
#include "tests/render/pdf_sheets_fixture.h"

namespace fairmatch::sheets {
namespace {

using testing::Contains;
using testing::Employers;
using testing::FiveAttendees;
using testing::FiveSchedule;
using testing::FixtureFair;
using testing::MakeAttendee;
using testing::PdfFile;

// A fair of `n` attendees with spread-out values, all free all day, and a
// schedule where the first `busy` of them meet Blue Labs in slot 0 (in
// groups), so that Acme's best candidates there are mostly taken.
Fair ManyAttendees(int n) {
  Fair fair = FixtureFair();
  fair.attendees.clear();
  for (int i = 0; i < n; ++i) {
    fair.attendees.push_back(MakeAttendee(
        "a" + std::to_string(1000 + i), "Person " + std::to_string(i),
        {static_cast<float>(5 - i % 5), static_cast<float>(1 + (i * 7) % 5),
         static_cast<float>(1 + (i * 3) % 5)},
        {i % 2 == 0 ? "python" : "sales"}, {"mentoring"}));
  }
  return fair;
}

Schedule BusyInSlotZero(int busy) {
  Schedule schedule;
  for (int a = 0; a < busy; a += 4) {
    Meeting m{.slot = 0, .employer = 1, .table = 1, .attendees = {}};
    for (int k = a; k < std::min(busy, a + 4); ++k) m.attendees.push_back(k);
    schedule.meetings.push_back(m);
  }
  SortMeetings(schedule);
  return schedule;
}

// The rule of pdf_alternates.h, spelt out by brute force.
std::vector<int> Expected(const Fair& fair, const Compatibility& compat,
                          const Schedule& schedule, int e, int s, int skip,
                          int n) {
  std::vector<std::pair<float, int>> all;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    bool busy = false;
    bool meets = false;
    for (const Meeting& m : schedule.meetings) {
      for (int x : m.attendees) {
        if (x != a) continue;
        busy = busy || m.slot == s;
        meets = meets || m.employer == e;
      }
    }
    const float score = compat.Pair(a, e).score;
    if (busy || meets || !fair.AttendeeAvailable(a, s) ||
        !compat.Eligible(a, e, score)) {
      continue;
    }
    all.push_back({score, a});
  }
  std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first > y.first;
    return x.second < y.second;
  });
  std::vector<int> out;
  for (std::size_t k = skip; k < all.size() && static_cast<int>(out.size()) < n;
       ++k) {
    out.push_back(all[k].second);
  }
  return out;
}

TEST_CASE("alternates follow the rule exactly, past the kept short list",
          "[render]") {
  // 200 attendees: Acme keeps 3 * 2 + 29 = 35 candidates, fewer than the
  // 120 busy in slot 0, so slot 0 needs the exact rescan.
  const Fair fair = ManyAttendees(200);
  const Compatibility compat = Compatibility::Build(fair);
  const Schedule schedule = BusyInSlotZero(120);
  absl::StatusOr<MeetingIndex> index = MeetingIndex::Build(fair, schedule);
  REQUIRE(index.ok());
  // Lists kept on one thread, or split by employer over two or three.
  for (int threads : {1, 2, 3}) {
    Alternates alternates(fair, compat, schedule, *index, threads);
    for (int e = 0; e < fair.num_employers(); ++e) {
      for (int s = 0; s < fair.num_slots(); ++s) {
        for (int skip : {0, 3, 30}) {
          INFO("threads " << threads << ", employer " << e << ", slot " << s
                          << ", skip " << skip);
          const std::vector<int> expected =
              Expected(fair, compat, schedule, e, s, skip, 3);
          CHECK(alternates.Best(e, s, skip, 3) == expected);
        }
      }
    }
  }
  Alternates alternates(fair, compat, schedule, *index);
  // Slot 0 found its alternates among the attendees who are free then.
  const std::vector<int> acme = alternates.Best(0, 0, 0, 3);
  REQUIRE(acme.size() == 3);
  for (int a : acme) CHECK(a >= 120);
}

TEST_CASE("an employer's tables get different alternates", "[render]") {
  const Fair fair = ManyAttendees(40);
  const Compatibility compat = Compatibility::Build(fair);
  const Schedule schedule;
  absl::StatusOr<MeetingIndex> index = MeetingIndex::Build(fair, schedule);
  REQUIRE(index.ok());
  Alternates alternates(fair, compat, schedule, *index);
  const std::vector<int> table1 = alternates.Best(0, 1, 0, 3);
  const std::vector<int> table2 = alternates.Best(0, 1, 3, 3);
  REQUIRE(table1.size() == 3);
  REQUIRE(table2.size() == 3);
  for (int a : table1) {
    CHECK(std::find(table2.begin(), table2.end(), a) == table2.end());
  }
  // Best first: the first table's last is no worse than the second's first.
  CHECK(compat.Pair(table1.back(), 0).score >=
        compat.Pair(table2.front(), 0).score);
}

TEST_CASE("alternates are free, eligible and not avoiding the employer",
          "[render]") {
  // Şükrü has no meeting and suits Blue Labs: he is its alternate in the
  // slots where he is free.
  PdfFile pdf(Employers(FiveAttendees(), FiveSchedule()));
  CHECK(Contains(pdf.Text(3, 3), "Şükrü Öztürk"));

  Fair fair = FiveAttendees();
  fair.attendees[2].avoid = {1};
  PdfFile avoiding(Employers(fair, FiveSchedule()));
  CHECK_FALSE(Contains(avoiding.Text(3, 3), "Şükrü Öztürk"));

  // Outside his availability he is nobody's alternate.
  fair = FiveAttendees();
  fair.attendees[2].available = {{9 * 60, 9 * 60 + 30}};
  PdfFile away(Employers(fair, FiveSchedule()));
  CHECK_FALSE(Contains(away.Text(1, 3), "Şükrü Öztürk"));
}

}  // namespace
}  // namespace fairmatch::sheets
