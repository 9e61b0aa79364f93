#include "engine/score/score_blocks.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <utility>
#include <vector>

#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

// The score of every pair, through ScoreBlock of the whole fair at once.
ScoreMatrix AllScores(const Compatibility& compat) {
  ScoreMatrix all;
  compat.ScoreBlock(0, compat.fair().num_attendees(), &all);
  return all;
}

TEST_CASE(
    "score blocks cover every attendee once, in blocks of at most "
    "kScoreBlockRows, on any thread count",
    "[score]") {
  for (int attendees :
       {0, 1, kScoreBlockRows - 1, kScoreBlockRows, 2 * kScoreBlockRows + 5}) {
    testing::RandomFairSpec spec;
    spec.attendees = attendees;
    spec.employers = 4;
    const Fair fair = testing::RandomFair(7, spec);
    const Compatibility compat = Compatibility::Build(fair);
    const ScoreMatrix all = AllScores(compat);
    for (int threads : {1, 2, 3}) {
      INFO(attendees << " attendees on " << threads << " threads");
      std::vector<int> seen(attendees, 0);
      std::mutex mu;
      bool same = true;
      ForEachScoreBlock(
          compat, threads, [&](int begin, int end, const ScoreMatrix& block) {
            std::lock_guard<std::mutex> lock(mu);
            CHECK(end - begin <= kScoreBlockRows);
            CHECK(begin % kScoreBlockRows == 0);
            CHECK(block.rows() == end - begin);
            for (int a = begin; a < end; ++a) {
              ++seen[a];
              same = same && block.row(a - begin).isApprox(all.row(a), 0.0f);
            }
          });
      CHECK(same);
      CHECK(std::count(seen.begin(), seen.end(), 1) == attendees);
    }
  }
}

TEST_CASE("blocks that are not needed are not scored", "[score]") {
  testing::RandomFairSpec spec;
  spec.attendees = 3 * kScoreBlockRows;
  const Fair fair = testing::RandomFair(3, spec);
  const Compatibility compat = Compatibility::Build(fair);
  std::vector<int> begins;
  ForEachScoreBlock(
      compat, 1,
      [&](int begin, int, const ScoreMatrix&) { begins.push_back(begin); },
      [](int begin, int) { return begin != kScoreBlockRows; });
  CHECK(begins == std::vector<int>{0, 2 * kScoreBlockRows});
}

TEST_CASE("kept scores are the computed ones, bit for bit, on any thread count",
          "[score]") {
  testing::RandomFairSpec spec;
  spec.attendees = 2 * kScoreBlockRows + 37;
  spec.employers = 9;
  spec.wishes = 3;  // wish bonuses are part of the scores
  spec.requirements = 2;
  const Fair fair = testing::RandomFair(11, spec);
  const Compatibility computed = Compatibility::Build(fair);
  const ScoreMatrix all = AllScores(computed);
  const std::int64_t bytes =
      static_cast<std::int64_t>(sizeof(float)) * all.size();
  for (int threads : {1, 2, 3}) {
    Compatibility kept = Compatibility::Build(fair);
    REQUIRE(kept.KeepScores(threads, bytes));
    for (const auto& [begin, end] : std::vector<std::pair<int, int>>{
             {0, spec.attendees},
             {5, 6},
             {kScoreBlockRows - 3, 2 * kScoreBlockRows + 1},
             {spec.attendees, spec.attendees}}) {
      ScoreMatrix block;
      kept.ScoreBlock(begin, end, &block);
      REQUIRE(block.rows() == end - begin);
      REQUIRE(block.cols() == spec.employers);
      const ScoreMatrix expected = all.middleRows(begin, end - begin);
      // (memcmp must not see the null data of an empty block.)
      CHECK((block.size() == 0 ||
             std::memcmp(block.data(), expected.data(),
                         sizeof(float) * block.size()) == 0));
    }
  }
  // Over the budget: nothing kept, the blocks are still right.
  Compatibility over = Compatibility::Build(fair);
  CHECK_FALSE(over.KeepScores(2, bytes - 1));
  ScoreMatrix block;
  over.ScoreBlock(0, spec.attendees, &block);
  CHECK(std::memcmp(block.data(), all.data(), sizeof(float) * all.size()) == 0);
}

}  // namespace
}  // namespace fairmatch
