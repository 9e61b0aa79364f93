#include "engine/plan/matching.h"

#include <catch2/catch.hpp>

#include "engine/plan/availability.h"
#include "engine/score/compatibility.h"
#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

using testing::MatchedTotal;
using testing::RandomFair;
using testing::RandomFairSpec;

// Maximum total scaled score over every subset of plannable pairs that
// respects attendee caps and employer capacities (exhaustive).
std::int64_t BruteForceOptimum(const Compatibility& compat,
                               const Availability& avail) {
  const Fair& fair = compat.fair();
  struct Pair {
    int a, e;
    std::int64_t w;
  };
  std::vector<Pair> pairs;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    for (int e = 0; e < fair.num_employers(); ++e) {
      const float s = compat.Pair(a, e).score;
      if (Plannable(compat, avail, {}, a, e, s))
        pairs.push_back({a, e, ScaledScore(s)});
    }
  }
  REQUIRE(pairs.size() <= 20);
  std::int64_t best = 0;
  for (std::uint32_t mask = 0; mask < (1u << pairs.size()); ++mask) {
    std::vector<int> att(fair.num_attendees(), 0);
    std::vector<std::int64_t> emp(fair.num_employers(), 0);
    std::int64_t total = 0;
    bool ok = true;
    for (size_t i = 0; i < pairs.size() && ok; ++i) {
      if (!(mask >> i & 1)) continue;
      ok = ++att[pairs[i].a] <= AttendeeCap(fair, avail, pairs[i].a) &&
           ++emp[pairs[i].e] <= EmployerCapacity(fair, avail, pairs[i].e);
      total += pairs[i].w;
    }
    if (ok) best = std::max(best, total);
  }
  return best;
}

TEST_CASE("f = 0 matching equals the brute-force optimum on tiny fairs",
          "[plan]") {
  RandomFairSpec spec;
  spec.attendees = 5;
  spec.employers = 3;
  spec.slots = 2;
  spec.max_tables = 1;
  spec.max_group = 1;
  spec.meetings_max = 2;
  int compared = 0;
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    const Fair fair = RandomFair(seed, spec);
    const Compatibility compat = Compatibility::Build(fair);
    const Availability avail(fair);
    MatchingOptions options;
    options.k = 1;  // tiny K: column generation must find the rest
    const Matching m = SolveMatching(compat, avail, {}, options);
    REQUIRE(m.status == MatchStatus::kOptimal);
    CHECK(MatchedTotal(m) == BruteForceOptimum(compat, avail));
    ++compared;
  }
  CHECK(compared == 60);
}

TEST_CASE("the upper bound equals the f = 0 optimum when timing is ignored",
          "[plan]") {
  RandomFairSpec spec;
  spec.attendees = 40;
  spec.employers = 8;
  spec.slots = 3;
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    const Fair fair = RandomFair(seed, spec);
    const Compatibility compat = Compatibility::Build(fair);
    const Availability avail(fair);
    MatchingOptions options;
    options.k = 2;
    const Matching m = SolveMatching(compat, avail, {}, options);
    REQUIRE(m.status == MatchStatus::kOptimal);
    const double optimum = MatchedTotal(m) / double(kScoreScale);
    const double bound = UpperBound(compat, avail, m, 1);
    CHECK(bound >= optimum - 1e-9);
    CHECK(bound == Approx(optimum).margin(1e-6));
  }
}

TEST_CASE("the bound summed by the proving pass is UpperBound's, bit for bit",
          "[plan]") {
  RandomFairSpec spec;
  spec.attendees = 2500;  // several score blocks
  spec.employers = 20;
  spec.slots = 4;
  spec.windows = true;
  int certified = 0;
  for (std::uint32_t seed = 1; seed <= 6; ++seed) {
    const Fair fair = RandomFair(seed, spec);
    const Compatibility compat = Compatibility::Build(fair);
    const Availability avail(fair);
    for (int threads : {1, 2}) {
      MatchingOptions options;
      options.k = 2;  // pricing rounds, so the bound comes from a later pass
      options.threads = threads;
      options.certify = true;
      const Matching m = SolveMatching(compat, avail, {}, options);
      REQUIRE(m.status == MatchStatus::kOptimal);
      REQUIRE(m.proven);
      INFO("seed " << seed << ", " << threads << " threads");
      CHECK(m.pricing_rounds > 1);
      CHECK(m.upper_bound == UpperBound(compat, avail, m, 1));
      CHECK(m.upper_bound >= MatchedTotal(m) / double(kScoreScale) - 1e-9);
      ++certified;
      // Without certify no bound is summed.
      options.certify = false;
      CHECK(SolveMatching(compat, avail, {}, options).upper_bound == -1);
    }
  }
  CHECK(certified == 12);
}

TEST_CASE("sparse candidates with column generation lose nothing", "[plan]") {
  RandomFairSpec spec;
  spec.attendees = 300;
  spec.employers = 30;
  spec.slots = 6;
  spec.windows = true;
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    const Fair fair = RandomFair(seed, spec);
    const Compatibility compat = Compatibility::Build(fair);
    const Availability avail(fair);
    MatchingOptions sparse;
    sparse.k = 2;
    MatchingOptions full;
    full.k = fair.num_employers();
    full.max_pricing_rounds = 1;
    const Matching a = SolveMatching(compat, avail, {}, sparse);
    const Matching b = SolveMatching(compat, avail, {}, full);
    REQUIRE(a.status == MatchStatus::kOptimal);
    REQUIRE(b.status == MatchStatus::kOptimal);
    CHECK(MatchedTotal(a) == MatchedTotal(b));
    CHECK(a.graph.num_pairs() < b.graph.num_pairs());
  }
}

TEST_CASE("results do not depend on the thread count", "[plan]") {
  RandomFairSpec spec;
  spec.attendees = 2500;  // several score blocks
  spec.employers = 20;
  const Fair fair = RandomFair(7, spec);
  const Compatibility compat = Compatibility::Build(fair);
  const Availability avail(fair);
  MatchingOptions one;
  one.threads = 1;
  MatchingOptions two = one;
  two.threads = 2;
  const Matching a = SolveMatching(compat, avail, {}, one);
  const Matching b = SolveMatching(compat, avail, {}, two);
  CHECK(a.matched == b.matched);
  CHECK(a.graph.employer == b.graph.employer);
  CHECK(UpperBound(compat, avail, a, 1) == UpperBound(compat, avail, a, 2));
}

TEST_CASE("fairness brings everyone to a first meeting before seconds",
          "[plan]") {
  // Scarce seats (one table, two slots, 30 attendees, 3 employers): the
  // fair objective reaches at least as many attendees as the plain one, at
  // no more total score.
  RandomFairSpec spec;
  spec.attendees = 30;
  spec.employers = 3;
  spec.slots = 2;
  spec.max_tables = 1;
  spec.max_group = 2;
  spec.min_score = 0.0;
  for (std::uint32_t seed = 1; seed <= 10; ++seed) {
    Fair fair = RandomFair(seed, spec);
    fair.config.fairness = 0;
    const Compatibility c0 = Compatibility::Build(fair);
    const Availability avail(fair);
    const Matching plain = SolveMatching(c0, avail, {}, MatchingOptions{});
    Fair fair_f = fair;
    fair_f.config.fairness = 0.5;
    const Compatibility c1 = Compatibility::Build(fair_f);
    MatchingOptions fo;
    fo.fairness = 0.5;
    const Matching fairer = SolveMatching(c1, avail, {}, fo);
    auto reached = [&](const Matching& m) {
      std::vector<int> deg(fair.num_attendees(), 0);
      for (int a = 0; a < m.graph.num_attendees(); ++a) {
        for (int i = m.graph.offset[a]; i < m.graph.offset[a + 1]; ++i) {
          deg[a] += m.matched[i];
        }
      }
      return static_cast<int>(
          std::count_if(deg.begin(), deg.end(), [](int d) { return d > 0; }));
    };
    CHECK(reached(fairer) >= reached(plain));
    CHECK(MatchedTotal(fairer) <= MatchedTotal(plain));
  }
}

}  // namespace
}  // namespace fairmatch
