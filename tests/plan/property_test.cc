// Property: for any small fair, Plan either returns a schedule that
// CheckSchedule accepts with zero violations, or fails with
// FailedPrecondition and says why. 1,000 random fairs cover windows,
// must_meets, avoids, requirements, wishes and employers' must_meets and
// avoids, capacities, group sizes, attendee caps, fairness and
// employers.max_consecutive in combination.
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>

#include "engine/check/check.h"
#include "engine/plan/planner.h"
#include "engine/score/compatibility.h"
#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

using testing::RandomFair;
using testing::RandomFairSpec;

// The spec for one seed; only raw mt19937 output, so it is the same on
// every platform.
RandomFairSpec SpecFor(std::uint32_t seed) {
  std::mt19937 rng(seed * 2654435761u + 1);
  auto pick = [&](int lo, int hi) {  // inclusive
    return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1));
  };
  RandomFairSpec spec;
  spec.attendees = pick(1, 30);
  spec.employers = pick(1, 6);
  spec.slots = pick(2, 8);
  spec.values = pick(1, 5);
  spec.max_tables = pick(1, 3);
  spec.max_group = pick(1, 4);
  spec.windows = pick(0, 2) != 0;
  spec.must_meets = pick(0, 6);
  spec.avoids = pick(0, 6);
  spec.fairness = pick(0, 4) * 0.25;
  spec.meetings_max = pick(1, 4);
  spec.meetings_min = pick(0, spec.meetings_max);
  spec.min_score = pick(0, 6) * 0.1;
  spec.max_consecutive = pick(0, 3);
  spec.random_max_meetings = pick(-1, 3);
  spec.requirements = pick(0, 4);
  spec.wishes = pick(0, 8);
  spec.employer_must_meets = pick(0, 3);
  spec.employer_avoids = pick(0, 3);
  return spec;
}

std::string Describe(std::uint32_t seed, const RandomFairSpec& s) {
  std::ostringstream text;
  text << "seed " << seed << ": " << s.attendees << " attendees, "
       << s.employers << " employers, " << s.slots
       << " slots, tables<=" << s.max_tables << ", group<=" << s.max_group
       << ", windows " << s.windows << ", must_meets " << s.must_meets
       << ", avoids " << s.avoids << ", fairness " << s.fairness
       << ", meetings " << s.meetings_min << ".." << s.meetings_max
       << ", min_score " << s.min_score << ", max_consecutive "
       << s.max_consecutive << ", random_max_meetings " << s.random_max_meetings
       << ", requirements " << s.requirements << ", wishes " << s.wishes
       << ", employer must_meets " << s.employer_must_meets
       << ", employer avoids " << s.employer_avoids;
  return text.str();
}

TEST_CASE(
    "1000 random fairs: every plan passes check, every refusal says "
    "why",
    "[hardening][plan]") {
  int planned = 0, refused = 0, meetings = 0;
  for (std::uint32_t seed = 1; seed <= 1000; ++seed) {
    const RandomFairSpec spec = SpecFor(seed);
    const Fair fair = RandomFair(seed, spec);
    const Compatibility compat = Compatibility::Build(fair);
    absl::StatusOr<PlanOutcome> plan = Plan(compat, PlanOptions{});
    INFO(Describe(seed, spec));
    if (!plan.ok()) {
      INFO(plan.status().ToString());
      REQUIRE(plan.status().code() == absl::StatusCode::kFailedPrecondition);
      REQUIRE_FALSE(plan.status().message().empty());
      ++refused;
      continue;
    }
    ++planned;
    meetings += static_cast<int>(plan->schedule.meetings.size());
    const std::vector<Violation> violations =
        CheckSchedule(fair, compat, plan->schedule);
    std::string text;
    for (const Violation& v : violations)
      text += v.kind + ": " + v.message + "\n";
    INFO(text);
    REQUIRE(violations.empty());
  }
  // Both outcomes occur, and the plans are not trivially empty.
  CHECK(planned >= 500);
  CHECK(refused >= 10);
  CHECK(meetings >= planned);
}

}  // namespace
}  // namespace fairmatch
