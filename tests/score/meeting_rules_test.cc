#include "engine/score/meeting_rules.h"

#include <catch2/catch.hpp>
#include <vector>

#include "engine/model/fair.h"
#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

// Eight slots from 10:00, two attendees and two employers.
Fair RulesFair() {
  Fair fair = testing::EventFair("Rules", 8, 1);
  fair.config.group_size = 2;
  fair.config.meetings_max = 3;
  fair.config.min_score = 0.5;
  for (int i = 0; i < 2; ++i) {
    Attendee a;
    a.id = "a" + std::to_string(i);
    fair.attendees.push_back(a);
    Employer e;
    e.id = "e" + std::to_string(i);
    fair.employers.push_back(e);
  }
  fair.employers[0].tables = 2;
  fair.employers[1].group_size = 4;
  fair.attendees[1].max_meetings = 1;
  return fair;
}

TEST_CASE("meeting rules: tables count from 1 to the employer's tables",
          "[score]") {
  const Fair fair = RulesFair();
  CHECK_FALSE(TableExists(fair, 0, 0));
  CHECK(TableExists(fair, 0, 1));
  CHECK(TableExists(fair, 0, 2));
  CHECK_FALSE(TableExists(fair, 0, 3));
  CHECK(TableExists(fair, 1, 1));
  CHECK_FALSE(TableExists(fair, 1, 2));
}

TEST_CASE("meeting rules: group size and cap, after the config default",
          "[score]") {
  const Fair fair = RulesFair();
  CHECK(GroupFits(fair, 0, 2));  // config group_size 2
  CHECK_FALSE(GroupFits(fair, 0, 3));
  CHECK(GroupFits(fair, 1, 4));  // its own group_size 4
  CHECK_FALSE(GroupFits(fair, 1, 5));
  CHECK(WithinCap(fair, 0, 3));  // config meetings_max 3
  CHECK_FALSE(WithinCap(fair, 0, 4));
  CHECK(WithinCap(fair, 1, 1));  // its own max_meetings 1
  CHECK_FALSE(WithinCap(fair, 1, 2));
}

TEST_CASE("meeting rules: the attendee's avoid is named before the employer's",
          "[score]") {
  Fair fair = RulesFair();
  CHECK(WhoAvoids(fair, 0, 1) == Avoider::kNone);
  fair.employers[1].avoid = {0};
  CHECK(WhoAvoids(fair, 0, 1) == Avoider::kEmployer);
  fair.attendees[0].avoid = {1};
  CHECK(WhoAvoids(fair, 0, 1) == Avoider::kAttendee);
  CHECK(WhoAvoids(fair, 1, 1) == Avoider::kNone);
  CHECK(WhoAvoids(fair, 0, 0) == Avoider::kNone);
}

TEST_CASE("meeting rules: below min_score only a must_meet or a lock admits",
          "[score]") {
  Fair fair = RulesFair();
  CHECK(ScoreAdmits(fair, 0, 0, 0.5f, false));  // min_score itself is enough
  CHECK_FALSE(ScoreAdmits(fair, 0, 0, 0.4f, false));
  CHECK(ScoreAdmits(fair, 0, 0, 0.4f, true));
  fair.employers[0].must_meet = {0};
  CHECK(ScoreAdmits(fair, 0, 0, 0.4f, false));
  CHECK_FALSE(ScoreAdmits(fair, 1, 0, 0.4f, false));
}

TEST_CASE("meeting rules: a table's runs beyond max_consecutive", "[score]") {
  Fair fair = RulesFair();
  struct Case {
    std::vector<int> busy;
    int limit;
    std::vector<int> beyond;
  };
  const Case cases[] = {
      {{}, 2, {}},
      {{0, 1}, 2, {}},
      {{0, 1, 2}, 2, {2}},
      {{0, 1, 2, 3, 4}, 2, {2}},  // one report per run, where it breaks
      {{0, 1, 3, 4}, 2, {}},      // a free slot rests the table
      {{0, 1, 2, 4, 5, 6}, 2, {2, 6}},
      {{0, 1, 2, 3}, 1, {1}},
      {{0, 2, 4}, 1, {}},
  };
  for (const Case& c : cases) {
    CHECK(SlotsBeyondRest(fair, c.busy, c.limit) == c.beyond);
  }
  // A break before slot 2 rests every table.
  for (int s = 2; s < fair.num_slots(); ++s) {
    fair.slots[s].start += 15;
    fair.slots[s].end += 15;
  }
  CHECK(SlotsBeyondRest(fair, {0, 1, 2, 3}, 2).empty());
  CHECK(SlotsBeyondRest(fair, {0, 1, 2, 3, 4}, 2) == std::vector<int>{4});
}

}  // namespace
}  // namespace fairmatch
