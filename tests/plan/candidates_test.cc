#include "engine/plan/candidates.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "engine/model/intents.h"
#include "engine/plan/availability.h"
#include "engine/score/compatibility.h"
#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

using testing::RandomFair;
using testing::RandomFairSpec;

// Attendee a's candidate employers as BuildCandidates defines them, by
// brute force over the full row of scores: the top k plannable employers
// by (score desc, employer asc) that are no must_meet, every must_meet
// sharing a slot, and every plannable sticky pair; ascending.
std::vector<int> BruteForceRow(const Compatibility& compat,
                               const Availability& avail,
                               const PairCodes& excluded, int k,
                               const PairCodes& sticky, int a) {
  const Fair& fair = compat.fair();
  std::vector<int> plannable;
  std::vector<int> row;
  for (int e = 0; e < fair.num_employers(); ++e) {
    const float score = compat.Pair(a, e).score;
    if (MustMeet(fair, a, e)) {
      if (avail.ShareSlot(a, e) && !avail.Pinned(a, e)) row.push_back(e);
    } else if (Plannable(compat, avail, excluded, a, e, score)) {
      plannable.push_back(e);
    }
  }
  std::stable_sort(plannable.begin(), plannable.end(), [&](int x, int y) {
    return compat.Pair(a, x).score > compat.Pair(a, y).score;
  });
  std::vector<int> top(
      plannable.begin(),
      plannable.begin() + std::min<size_t>(k, plannable.size()));
  for (int e : plannable) {
    const bool is_sticky = std::binary_search(
        sticky.begin(), sticky.end(), PairCode(a, e, fair.num_employers()));
    if (is_sticky && std::find(top.begin(), top.end(), e) == top.end()) {
      top.push_back(e);
    }
  }
  row.insert(row.end(), top.begin(), top.end());
  std::sort(row.begin(), row.end());
  return row;
}

std::vector<int> RowOf(const CandidateGraph& graph, int a) {
  return {graph.employer.begin() + graph.offset[a],
          graph.employer.begin() + graph.offset[a + 1]};
}

TEST_CASE("candidates are the brute-force top k, must_meets and sticky pairs",
          "[plan]") {
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    RandomFairSpec spec;
    spec.attendees = 9;
    spec.employers = 7;
    spec.slots = 5;
    spec.windows = true;
    spec.must_meets = 3;
    spec.employer_must_meets = 2;
    spec.avoids = 4;
    spec.requirements = 2;
    spec.min_score = 0.3;
    const Fair fair = RandomFair(seed, spec);
    const Compatibility compat = Compatibility::Build(fair);
    const Availability avail(fair);
    const int m = fair.num_employers();
    // Some excluded and some sticky pairs, sorted codes.
    PairCodes excluded, sticky;
    for (int a = 0; a < fair.num_attendees(); ++a) {
      excluded.push_back(PairCode(a, (a + seed) % m, m));
      sticky.push_back(PairCode(a, (a * 3 + seed) % m, m));
    }
    std::sort(excluded.begin(), excluded.end());
    std::sort(sticky.begin(), sticky.end());
    for (int k : {0, 1, 3, 10}) {
      for (int threads : {1, 3}) {
        INFO("seed " << seed << ", k " << k << ", threads " << threads);
        const CandidateGraph plain =
            BuildCandidates(compat, avail, excluded, k, threads);
        const CandidateGraph with_sticky =
            BuildCandidates(compat, avail, excluded, k, threads, sticky);
        REQUIRE(plain.num_attendees() == fair.num_attendees());
        for (int a = 0; a < fair.num_attendees(); ++a) {
          CHECK(RowOf(plain, a) ==
                BruteForceRow(compat, avail, excluded, k, {}, a));
          CHECK(RowOf(with_sticky, a) ==
                BruteForceRow(compat, avail, excluded, k, sticky, a));
          for (int i = with_sticky.offset[a]; i < with_sticky.offset[a + 1];
               ++i) {
            const int e = with_sticky.employer[i];
            CHECK(with_sticky.score[i] == compat.Pair(a, e).score);
            CHECK(static_cast<bool>(with_sticky.must[i]) ==
                  MustMeet(fair, a, e));
          }
        }
      }
    }
  }
}

TEST_CASE("plannable: eligible, sharing a slot, not excluded", "[plan]") {
  RandomFairSpec spec;
  spec.attendees = 6;
  spec.employers = 4;
  spec.windows = true;
  spec.avoids = 3;
  const Fair fair = RandomFair(7, spec);
  const Compatibility compat = Compatibility::Build(fair);
  const Availability avail(fair);
  const int m = fair.num_employers();
  for (int a = 0; a < fair.num_attendees(); ++a) {
    for (int e = 0; e < m; ++e) {
      const float score = compat.Pair(a, e).score;
      const bool expected = compat.Eligible(a, e, score) &&
                            avail.ShareSlot(a, e) && !avail.Pinned(a, e);
      CHECK(Plannable(compat, avail, {}, a, e, score) == expected);
      CHECK_FALSE(Plannable(compat, avail, {PairCode(a, e, m)}, a, e, score));
    }
  }
}

TEST_CASE("extending the top candidates gives the larger graph, rows sorted",
          "[plan]") {
  RandomFairSpec spec;
  spec.attendees = 8;
  spec.employers = 6;
  spec.min_score = 0;
  const Fair fair = RandomFair(11, spec);
  const Compatibility compat = Compatibility::Build(fair);
  const Availability avail(fair);
  const CandidateGraph top1 = BuildCandidates(compat, avail, {}, 1, 1);
  const CandidateGraph top3 = BuildCandidates(compat, avail, {}, 3, 1);
  // What the larger graph has beyond the smaller, in a scrambled order.
  std::vector<std::vector<int>> extra(fair.num_attendees());
  int added = 0;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    for (int i = top3.offset[a]; i < top3.offset[a + 1]; ++i) {
      const int e = top3.employer[i];
      const auto first = top1.employer.begin() + top1.offset[a];
      const auto last = top1.employer.begin() + top1.offset[a + 1];
      if (std::find(first, last, e) == last) extra[a].push_back(e);
    }
    std::reverse(extra[a].begin(), extra[a].end());
    added += static_cast<int>(extra[a].size());
  }
  REQUIRE(added > 0);  // the premise: the graphs differ
  const CandidateGraph back = ExtendCandidates(compat, top1, extra);
  CHECK(back.num_pairs() == top1.num_pairs() + added);
  CHECK(back.offset == top3.offset);
  CHECK(back.employer == top3.employer);
  CHECK(back.score == top3.score);
  CHECK(back.must == top3.must);
}

}  // namespace
}  // namespace fairmatch
