// Both sides choose, end to end through the planner: requirements of each
// form, employers' must_meet and avoid, wishes by rank and mutual wishes,
// on tiny fairs whose plan is known, and against brute force on small
// random fairs (the brute force reads model/intents.h, not the planner's
// compiled rules).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/check/check.h"
#include "engine/model/intents.h"
#include "engine/plan/availability.h"
#include "engine/plan/matching.h"
#include "engine/plan/planner.h"
#include "engine/score/compatibility.h"
#include "tests/fixtures/intents.h"
#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

using testing::MatchedTotal;
using testing::RandomFair;
using testing::RandomFairSpec;

// One slot per employer meeting; every profile alike unless a case says
// otherwise, so fits are 1 and only the intents decide.
Fair TinyFair(int attendees, int employers, int slots) {
  Fair fair = testing::EventFair("Tiny", slots, /*values=*/2);
  fair.dir = "tiny";
  fair.config.group_size = 1;
  fair.config.meetings_min = 0;
  fair.config.meetings_max = slots;
  fair.config.employer_min_meetings = 0;
  fair.config.fairness = 0;
  auto fill = [](Profile& p, const std::string& id) {
    p.id = id;
    p.name = "Name " + id;
    p.values = {5, 0};
    p.offers = {"python"};
    p.seeks = {"python"};
  };
  for (int e = 0; e < employers; ++e) {
    Employer emp;
    fill(emp, "e" + std::to_string(e));
    fair.employers.push_back(emp);
  }
  for (int a = 0; a < attendees; ++a) {
    Attendee att;
    fill(att, "a" + std::to_string(a));
    att.program = "Computer Science";
    att.extra = {{"level", "MSc"},
                 {"graduation_year", "2027"},
                 {"languages", "English, French"}};
    fair.attendees.push_back(att);
  }
  return fair;
}

using testing::AnyOf;
using testing::Range;

// Sorted (attendee, employer) pairs of a schedule.
std::vector<std::pair<int, int>> Pairs(const Schedule& schedule) {
  std::vector<std::pair<int, int>> out;
  for (const Meeting& m : schedule.meetings) {
    for (int a : m.attendees) out.push_back({a, m.employer});
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<int, int>> PlanPairs(const Fair& fair) {
  const Compatibility compat = Compatibility::Build(fair);
  absl::StatusOr<PlanOutcome> plan = Plan(compat, PlanOptions{});
  REQUIRE(plan.ok());
  const std::vector<Violation> violations =
      CheckSchedule(fair, compat, plan->schedule);
  CHECK(violations.empty());
  return Pairs(plan->schedule);
}

using PairList = std::vector<std::pair<int, int>>;

TEST_CASE("requirements of each form decide who may meet", "[plan]") {
  struct Case {
    const char* name;
    bool by_employer;  // else the attendee requires it of the employer
    std::vector<Requirement> requirements;
    bool meets;
  };
  const std::vector<Case> cases = {
      {"any-of, held",
       true,
       {AnyOf("program", {"law", "computer science"})},
       true},
      {"any-of, not held", true, {AnyOf("program", {"law"})}, false},
      {"case and spaces do not matter",
       true,
       {AnyOf("extra.level", {"msc"})},
       true},
      {"all-of: both held",
       true,
       {AnyOf("program", {"computer science"}), AnyOf("extra.level", {"msc"})},
       true},
      {"all-of: one fails",
       true,
       {AnyOf("program", {"computer science"}), AnyOf("extra.level", {"phd"})},
       false},
      {"range, inside",
       true,
       {Range("extra.graduation_year", 2026, 2027)},
       true},
      {"range, outside",
       true,
       {Range("extra.graduation_year", 2028, 2030)},
       false},
      {"range on text never holds",
       true,
       {Range("extra.level", 0, 1e9)},
       false},
      {"a list field: one part suffices",
       true,
       {AnyOf("extra.languages", {"french"})},
       true},
      {"missing field fails", true, {AnyOf("extra.visa", {"yes"})}, false},
      {"attendee-side, held", false, {AnyOf("extra.remote", {"yes"})}, true},
      {"attendee-side, not held",
       false,
       {AnyOf("extra.sector", {"health"})},
       false},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      Fair fair = TinyFair(1, 2, 2);
      fair.employers[0].extra = {{"remote", "Yes"}, {"sector", "tech"}};
      fair.employers[1].extra = {{"remote", "Yes"}, {"sector", "health"}};
      if (c.by_employer) {
        fair.employers[0].requirements = c.requirements;
      } else {
        fair.attendees[0].requirements = c.requirements;
      }
      // The attendee fits both employers; only the requirement decides e0.
      const PairList pairs = PlanPairs(fair);
      const bool met_e0 =
          std::count(pairs.begin(), pairs.end(), std::pair<int, int>(0, 0)) > 0;
      CHECK(met_e0 == c.meets);
      CHECK((FailedRequirement(fair, 0, 0) == nullptr) == c.meets);
    }
  }
}

TEST_CASE("employers' must_meet and avoid are hard", "[plan]") {
  SECTION("an employer's must_meet plans a pair below min_score") {
    Fair fair = TinyFair(2, 1, 1);
    fair.attendees[1].values = {0, 5};  // opposite values, no shared tags
    fair.attendees[1].offers = {};
    fair.attendees[1].seeks = {};
    fair.config.min_score = 0.5;
    fair.employers[0].must_meet = {1};
    CHECK(PlanPairs(fair) == PairList{{1, 0}});
  }
  SECTION("an employer's avoid keeps out its best fit") {
    Fair fair = TinyFair(2, 1, 1);
    fair.attendees[1].offers = {};  // a1 fits less well than a0
    fair.employers[0].avoid = {0};
    CHECK(PlanPairs(fair) == PairList{{1, 0}});
  }
}

TEST_CASE(
    "wishes count by rank, mutual wishes most, a strong fit still "
    "wins",
    "[plan]") {
  SECTION("the first wish is met before the second") {
    Fair fair = TinyFair(1, 3, 3);
    fair.attendees[0].max_meetings = 1;
    fair.attendees[0].wants = {2, 1};
    CHECK(PlanPairs(fair) == PairList{{0, 2}});
  }
  SECTION("an employer's wish breaks a tie between attendees") {
    Fair fair = TinyFair(3, 1, 1);
    fair.employers[0].wants = {1};
    CHECK(PlanPairs(fair) == PairList{{1, 0}});
  }
  SECTION("a mutual wish beats a one-sided first wish") {
    Fair fair = TinyFair(2, 1, 1);
    fair.attendees[0].wants = {0};
    fair.attendees[1].wants = {0};
    fair.employers[0].wants = {1};
    CHECK(PlanPairs(fair) == PairList{{1, 0}});
    const Compatibility compat = Compatibility::Build(fair);
    CHECK(compat.Pair(1, 0).wish > compat.Pair(0, 0).wish);
  }
  SECTION("a strong fit beats a weak wish") {
    Fair fair = TinyFair(1, 2, 2);
    fair.attendees[0].max_meetings = 1;
    fair.employers[1].offers = {};  // e1: values only, fit 0.5
    fair.employers[1].seeks = {};
    fair.attendees[0].wants = {1};  // a first wish adds 0.25: 0.75 < 1
    CHECK(PlanPairs(fair) == PairList{{0, 0}});
  }
  SECTION("weights.wants = 0 turns wishes off") {
    // e1 fits a little less than e0, but the wish for it outweighs that.
    Fair fair = TinyFair(1, 2, 2);
    fair.attendees[0].max_meetings = 1;
    fair.attendees[0].wants = {1};
    fair.employers[1].seeks = {"python", "java"};
    const Compatibility wishing = Compatibility::Build(fair);
    REQUIRE(wishing.Pair(0, 1).fit < wishing.Pair(0, 0).fit);
    REQUIRE(wishing.Pair(0, 1).score > wishing.Pair(0, 0).score);
    CHECK(PlanPairs(fair) == PairList{{0, 1}});
    fair.config.weight_wants = 0;
    fair.config.weight_mutual_wants = 0;
    CHECK(PlanPairs(fair) == PairList{{0, 0}});
  }
}

// The best total over every set of pairs that respects the hard rules, as
// model/intents.h defines them, with one table of one seat per employer
// and slot: caps per attendee and per employer (slots) suffice, since a
// bipartite graph of degree <= slots can always be given slots.
double BruteForce(const Fair& fair, const Compatibility& compat) {
  struct P {
    int a, e;
    double score;
    bool must;
  };
  std::vector<P> pairs;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    for (int e = 0; e < fair.num_employers(); ++e) {
      if (Avoided(fair, a, e) || FailedRequirement(fair, a, e) != nullptr) {
        continue;
      }
      const float score = compat.Pair(a, e).score;
      const bool must = MustMeet(fair, a, e);
      if (must || score >= fair.config.min_score) {
        pairs.push_back({a, e, score, must});
      }
    }
  }
  REQUIRE(pairs.size() <= 18);
  double best = -1;
  for (std::uint32_t mask = 0; mask < (1u << pairs.size()); ++mask) {
    std::vector<int> att(fair.num_attendees(), 0), emp(fair.num_employers(), 0);
    double total = 0;
    bool ok = true;
    for (std::size_t i = 0; i < pairs.size() && ok; ++i) {
      const bool on = (mask >> i) & 1u;
      if (!on) {
        ok = !pairs[i].must;
        continue;
      }
      ok = ++att[pairs[i].a] <= fair.MaxMeetings(pairs[i].a) &&
           ++emp[pairs[i].e] <= fair.num_slots();
      total += pairs[i].score;
    }
    if (ok) best = std::max(best, total);
  }
  return best;
}

// The matching (the planner's optimisation, before slots are given) reaches
// the brute-force optimum; the whole plan always passes check. (The slot
// assignment that follows is a heuristic: with must_meets it may drop a
// matched pair it cannot place, so the plan's total is compared with the
// matching's, not asserted equal to it.)
TEST_CASE("small random fairs with intents match to the brute-force optimum",
          "[plan]") {
  RandomFairSpec spec;
  spec.attendees = 5;
  spec.employers = 3;
  spec.slots = 2;
  spec.max_tables = 1;
  spec.max_group = 1;
  spec.meetings_max = 2;
  spec.meetings_min = 0;
  spec.requirements = 3;
  spec.wishes = 4;
  spec.employer_must_meets = 1;
  spec.employer_avoids = 1;
  int compared = 0, with_intents = 0;
  for (std::uint32_t seed = 1; seed <= 80; ++seed) {
    Fair fair = RandomFair(seed, spec);
    fair.config.employer_min_meetings = 0;
    for (Employer& emp : fair.employers) emp.group_size = 1;
    const Compatibility compat = Compatibility::Build(fair);
    const double best = BruteForce(fair, compat);
    INFO("seed " << seed);
    const Availability avail(fair);
    MatchingOptions options;
    options.k = 1;  // tiny K: column generation must find the rest
    const Matching m = SolveMatching(compat, avail, {}, options);
    if (best < 0) {  // no set of pairs meets every must_meet
      CHECK(m.status != MatchStatus::kOptimal);
      continue;
    }
    REQUIRE(m.status == MatchStatus::kOptimal);
    // Scaled per pair: at most half a unit of 1e-6 lost per pair.
    CHECK(MatchedTotal(m) / static_cast<double>(kScoreScale) ==
          Approx(best).margin(1e-5));
    absl::StatusOr<PlanOutcome> plan = Plan(compat, PlanOptions{});
    if (plan.ok()) {
      CHECK(CheckSchedule(fair, compat, plan->schedule).empty());
      double total = 0;
      for (const auto& [a, e] : Pairs(plan->schedule)) {
        total += compat.Pair(a, e).score;
      }
      CHECK(total <= best + 1e-5);
    }
    ++compared;
    bool any = false;
    for (const Employer& emp : fair.employers) {
      any |= !emp.requirements.empty() || !emp.wants.empty() ||
             !emp.must_meet.empty() || !emp.avoid.empty();
    }
    with_intents += any ? 1 : 0;
  }
  CHECK(compared >= 60);
  CHECK(with_intents >= 50);
}

}  // namespace
}  // namespace fairmatch
