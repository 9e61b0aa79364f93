#include "engine/score/compatibility.h"

#include <algorithm>
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "tests/score/score_test_util.h"

namespace fairmatch {
namespace {

using testing::FairWithValues;
using testing::MakeAttendee;
using testing::MakeEmployer;
using testing::RandomFair;

// Normalised value vectors are rounded to a 2^-11 grid (see
// compatibility.cc), so the values component is within this of the exact
// Pearson correlation.
constexpr double kValuesTolerance = 2e-3;

std::uint32_t Bits(float x) { return std::bit_cast<std::uint32_t>(x); }

// One attendee and one employer with the given value ratings.
Fair ValuesPair(std::vector<float> a, std::vector<float> e) {
  Fair fair = FairWithValues(static_cast<int>(a.size()));
  fair.attendees.push_back(MakeAttendee(std::move(a)));
  fair.employers.push_back(MakeEmployer(std::move(e)));
  return fair;
}

// One attendee and one employer with the given tags and no value ratings.
Fair TagsPair(std::vector<std::string> a_offers,
              std::vector<std::string> a_seeks,
              std::vector<std::string> e_offers,
              std::vector<std::string> e_seeks) {
  Fair fair = FairWithValues(0);
  fair.attendees.push_back(
      MakeAttendee({}, std::move(a_offers), std::move(a_seeks)));
  fair.employers.push_back(
      MakeEmployer({}, std::move(e_offers), std::move(e_seeks)));
  return fair;
}

TEST_CASE("acquiescent raters do not align with everyone", "[score]") {
  Fair fair = FairWithValues(5);
  fair.attendees.push_back(MakeAttendee({5, 5, 5, 5, 5}));
  fair.attendees.push_back(MakeAttendee({5, 4, 3, 2, 1}));
  fair.employers.push_back(MakeEmployer({5, 5, 5, 5, 5}));
  fair.employers.push_back(MakeEmployer({5, 4, 3, 2, 1}));
  fair.employers.push_back(MakeEmployer({0, 5, 0, 5, 0}));
  fair.employers.push_back(MakeEmployer({0, 0, 0, 0, 0}));
  const Compatibility c = Compatibility::Build(fair);
  for (int e = 0; e < fair.num_employers(); ++e) {
    INFO("employer " << e);
    CHECK(c.Pair(0, e).values == 0.0f);
  }
  // The acquiescent employer is no partner for a discriminating attendee
  // either, while one who shares the attendee's order is.
  CHECK(c.Pair(1, 0).values == 0.0f);
  CHECK(c.Pair(1, 1).values == Approx(1.0).margin(kValuesTolerance));
}

TEST_CASE("values component is the positive part of the Pearson correlation",
          "[score]") {
  struct Case {
    const char* name;
    std::vector<float> a;
    std::vector<float> e;
    double expected;
  };
  const std::vector<Case> cases = {
      {"identical profiles align fully", {5, 3, 1, 0}, {5, 3, 1, 0}, 1.0},
      {"a shifted profile aligns fully", {4, 2, 1, 0}, {5, 3, 2, 1}, 1.0},
      {"a stretched profile aligns fully", {2, 1, 0, 1}, {4, 2, 0, 2}, 1.0},
      {"anti-correlated profiles give 0", {5, 4, 1, 0}, {0, 1, 4, 5}, 0.0},
      {"uncorrelated profiles give 0", {5, 5, 0, 0}, {5, 0, 5, 0}, 0.0},
      // Centred (2.5, .5, -1.5, -1.5) and (2.5, -1.5, .5, -1.5): 7 / 11.
      {"partial alignment is the correlation",
       {5, 3, 1, 1},
       {5, 1, 3, 1},
       7.0 / 11.0},
      {"missing ratings count as 0", {5, 0, 0, 0}, {5}, 1.0},
      {"an unrated profile aligns with nobody",
       {0, 0, 0, 0},
       {5, 3, 1, 0},
       0.0},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      const Fair fair = ValuesPair(c.a, c.e);
      const PairScore p = Compatibility::Build(fair).Pair(0, 0);
      CHECK(p.values == Approx(c.expected).margin(kValuesTolerance));
      CHECK(p.values >= 0.0f);
      CHECK(p.values <= 1.0f);
    }
  }
}

TEST_CASE("benefit is mutual: the geometric mean of what each side gives",
          "[score]") {
  struct Case {
    const char* name;
    std::vector<std::string> a_offers, a_seeks, e_offers, e_seeks;
    double attendee_gives, employer_gives;
  };
  const std::vector<Case> cases = {
      {"one-sided fit gives no benefit",
       {"python", "sql"},
       {"mentoring"},
       {"travel"},
       {"python", "sql"},
       1.0,
       0.0},
      {"mutual fit gives full benefit",
       {"python", "sql"},
       {"mentoring"},
       {"mentoring"},
       {"python", "sql"},
       1.0,
       1.0},
      {"three of many needs is a full match",
       {"a", "b", "c"},
       {"m"},
       {"m"},
       {"a", "b", "c", "d", "e", "f"},
       1.0,
       1.0},
      {"two of three needs is two thirds",
       {"a", "b"},
       {"m"},
       {"m"},
       {"a", "b", "c", "d"},
       2.0 / 3.0,
       1.0},
      {"one of two needs is a half",
       {"a"},
       {"m", "n"},
       {"m", "n"},
       {"a", "b"},
       0.5,
       1.0},
      {"seeking nothing is not served", {"a"}, {"m"}, {"m"}, {}, 0.0, 1.0},
      {"a need listed twice counts once",
       {"a"},
       {"m"},
       {"m"},
       {"a", "A", " a "},
       1.0,
       1.0},
      {"an offer listed twice counts once",
       {"a", "A"},
       {"m"},
       {"m"},
       {"a", "b", "c"},
       1.0 / 3.0,
       1.0},
      {"blank tags are ignored",
       {"a", "  "},
       {"m"},
       {"m"},
       {"a", ""},
       1.0,
       1.0},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      const Fair fair = TagsPair(c.a_offers, c.a_seeks, c.e_offers, c.e_seeks);
      const PairScore p = Compatibility::Build(fair).Pair(0, 0);
      CHECK(p.attendee_gives == Approx(c.attendee_gives));
      CHECK(p.employer_gives == Approx(c.employer_gives));
      CHECK(p.benefit ==
            Approx(std::sqrt(c.attendee_gives * c.employer_gives)));
    }
  }
}

TEST_CASE("tags compare case- and space-insensitively", "[score]") {
  const Fair fair = TagsPair({"Machine  Learning"}, {"\tData_Science "},
                             {"data_science"}, {" machine learning"});
  const PairScore p = Compatibility::Build(fair).Pair(0, 0);
  CHECK(p.attendee_gives == 1.0f);
  CHECK(p.employer_gives == 1.0f);
  CHECK(p.benefit == 1.0f);

  // Hyphen and underscore are part of the tag, not spacing.
  const Fair different = TagsPair({"front-end"}, {"data science"},
                                  {"data_science"}, {"front end"});
  const PairScore q = Compatibility::Build(different).Pair(0, 0);
  CHECK(q.attendee_gives == 0.0f);
  CHECK(q.employer_gives == 0.0f);
}

TEST_CASE(
    "tags that only one side has change no score but still count "
    "among the seeks",
    "[score]") {
  // Free-text answers: tags nobody on the other side has can match nobody.
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    const Fair fair = RandomFair(40, 12, 5, 10, seed);
    Fair free_text = fair;
    for (int a = 0; a < free_text.num_attendees(); ++a) {
      for (int k = 0; k < 5; ++k) {
        free_text.attendees[a].offers.push_back(
            absl::StrCat("only offered by a", a, " #", k));
      }
    }
    for (int e = 0; e < free_text.num_employers(); ++e) {
      free_text.employers[e].offers.push_back(absl::StrCat("own e", e));
    }
    ScoreMatrix plain, with_free_text;
    Compatibility::Build(fair).ScoreBlock(0, fair.num_attendees(), &plain);
    Compatibility::Build(free_text).ScoreBlock(0, free_text.num_attendees(),
                                               &with_free_text);
    INFO("seed " << seed);
    CHECK(plain == with_free_text);  // bit for bit
  }
  // Tags on both sides that share nothing: no column at all (found by
  // fuzz_plan under UBSan: a row of a matrix without columns).
  const Fair apart = TagsPair({"python"}, {"mentoring"}, {"sales"}, {"law"});
  const PairScore q = Compatibility::Build(apart).Pair(0, 0);
  CHECK(q.attendee_gives == 0.0f);
  CHECK(q.employer_gives == 0.0f);
  // A seek nobody offers still counts towards min(|seeks|, 3): sharing one
  // of three seeks gives a third.
  const Fair fair =
      TagsPair({"python"}, {"mentoring", "nobody offers this", "nor this"},
               {"mentoring"}, {"python"});
  const PairScore p = Compatibility::Build(fair).Pair(0, 0);
  CHECK(p.employer_gives == Approx(1.0f / 3));
  CHECK(p.attendee_gives == 1.0f);
}

TEST_CASE("NormalizeTag lower-cases, trims and folds inner space", "[score]") {
  struct Case {
    std::string in, out;
  };
  const std::vector<Case> cases = {
      {"Python", "python"},
      {"  Machine \t Learning\n", "machine learning"},
      {"C++", "c++"},
      {"data_science", "data_science"},
      {"Front-End", "front-end"},
      {"a  b   c", "a b c"},
      {"", ""},
      {" \t ", ""},
      {"Ünïcode", "Ünïcode"},  // only ASCII is folded
  };
  for (const Case& c : cases) {
    INFO("'" << c.in << "'");
    CHECK(NormalizeTag(c.in) == c.out);
  }
}

TEST_CASE("weights trade values against benefit", "[score]") {
  // values 1 (identical profiles), benefit 0 (no tags).
  struct Case {
    double weight_values, weight_benefit, expected;
  };
  const std::vector<Case> cases = {
      {0.5, 0.5, 0.5},  {1.0, 0.0, 1.0}, {0.0, 1.0, 0.0},
      {3.0, 1.0, 0.75}, {0.2, 0.8, 0.2}, {0.0, 0.0, 0.5},  // 0/0 means 1:1
  };
  for (const Case& c : cases) {
    INFO("weights " << c.weight_values << " / " << c.weight_benefit);
    Fair fair = ValuesPair({5, 3, 1}, {5, 3, 1});
    fair.config.weight_values = c.weight_values;
    fair.config.weight_benefit = c.weight_benefit;
    const PairScore p = Compatibility::Build(fair).Pair(0, 0);
    REQUIRE(p.benefit == 0.0f);
    CHECK(p.score == Approx(c.expected * p.values));
  }
}

TEST_CASE("a perfect pair scores exactly 1 under any weights", "[score]") {
  for (const double wv : {0.1, 0.3, 0.5, 0.7, 1.0 / 3.0}) {
    INFO("weight_values " << wv);
    Fair fair = FairWithValues(3);
    fair.attendees.push_back(MakeAttendee({5, 0, 0}, {"x"}, {"y"}));
    fair.employers.push_back(MakeEmployer({5, 0, 0}, {"y"}, {"x"}));
    fair.config.weight_values = wv;
    fair.config.weight_benefit = 1.0 - wv;
    const PairScore p = Compatibility::Build(fair).Pair(0, 0);
    CHECK(p.benefit == 1.0f);
    CHECK(p.score <= 1.0f);
    CHECK(p.score == Approx(p.values * wv + (1.0 - wv)));
  }
}

TEST_CASE("scores and components lie in [0,1] for random fairs", "[score]") {
  for (const std::uint64_t seed : {1u, 2u, 3u, 4u, 5u}) {
    Fair fair = RandomFair(60, 25, 7, 12, seed);
    fair.config.weight_values = static_cast<double>(seed % 4);
    fair.config.weight_benefit = 1.0;
    const Compatibility c = Compatibility::Build(fair);
    std::array<ScoreMatrix, kNumComponents> components;
    c.ComponentBlock(0, fair.num_attendees(), &components);
    ScoreMatrix scores;
    c.ScoreBlock(0, fair.num_attendees(), &scores);
    INFO("seed " << seed);
    for (const ScoreMatrix& m : components) {
      CHECK(m.minCoeff() >= 0.0f);
      CHECK(m.maxCoeff() <= 1.0f);
    }
    CHECK(scores.minCoeff() >= 0.0f);
    CHECK(scores.maxCoeff() <= 1.0f);
    // The random fairs are not degenerate: some pairs do fit.
    CHECK(scores.maxCoeff() > 0.5f);
  }
}

TEST_CASE("Pair equals ScoreBlock and ComponentBlock entries bitwise",
          "[score]") {
  const Fair fair = RandomFair(150, 37, 9, 20, 42);
  const Compatibility c = Compatibility::Build(fair);
  ScoreMatrix scores;
  c.ScoreBlock(0, fair.num_attendees(), &scores);
  std::array<ScoreMatrix, kNumComponents> components;
  c.ComponentBlock(0, fair.num_attendees(), &components);
  REQUIRE(scores.rows() == fair.num_attendees());
  REQUIRE(scores.cols() == fair.num_employers());
  int mismatches = 0;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    for (int e = 0; e < fair.num_employers(); ++e) {
      const PairScore p = c.Pair(a, e);
      const bool same = Bits(p.score) == Bits(scores(a, e)) &&
                        Bits(p.values) == Bits(components[0](a, e)) &&
                        Bits(p.benefit) == Bits(components[1](a, e)) &&
                        Bits(p.attendee_gives) == Bits(components[2](a, e)) &&
                        Bits(p.employer_gives) == Bits(components[3](a, e));
      if (!same) ++mismatches;
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("blocks of any size give the values of one full block", "[score]") {
  const Fair fair = RandomFair(203, 41, 11, 25, 7);
  const Compatibility c = Compatibility::Build(fair);
  const int n = fair.num_attendees();
  ScoreMatrix full;
  c.ScoreBlock(0, n, &full);
  std::array<ScoreMatrix, kNumComponents> full_components;
  c.ComponentBlock(0, n, &full_components);
  for (const int size : {1, 2, 3, 5, 8, 17, 64, 100, 202}) {
    INFO("block size " << size);
    int mismatches = 0;
    for (int begin = 0; begin < n; begin += size) {
      const int end = std::min(n, begin + size);
      ScoreMatrix block;
      c.ScoreBlock(begin, end, &block);
      std::array<ScoreMatrix, kNumComponents> components;
      c.ComponentBlock(begin, end, &components);
      REQUIRE(block.rows() == end - begin);
      for (int i = 0; i < end - begin; ++i) {
        for (int e = 0; e < fair.num_employers(); ++e) {
          if (Bits(block(i, e)) != Bits(full(begin + i, e))) ++mismatches;
          for (int k = 0; k < kNumComponents; ++k) {
            if (Bits(components[k](i, e)) !=
                Bits(full_components[k](begin + i, e))) {
              ++mismatches;
            }
          }
        }
      }
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("empty populations and vocabularies give empty or zero blocks",
          "[score]") {
  SECTION("no values and no tags") {
    Fair fair = FairWithValues(0);
    fair.attendees.push_back(MakeAttendee({}));
    fair.attendees.push_back(MakeAttendee({}));
    fair.employers.push_back(MakeEmployer({}));
    fair.employers.push_back(MakeEmployer({}));
    const Compatibility c = Compatibility::Build(fair);
    ScoreMatrix block;
    c.ScoreBlock(0, 1, &block);
    REQUIRE(block.rows() == 1);
    REQUIRE(block.cols() == 2);
    CHECK(block.maxCoeff() == 0.0f);
    CHECK(c.Pair(0, 1).score == 0.0f);
    // Rows past the first of matrices without columns: the sanitizer build
    // (tools/sanitize) fails here if a block offsets their null data.
    c.ScoreBlock(1, 2, &block);
    REQUIRE(block.rows() == 1);
    REQUIRE(block.cols() == 2);
    CHECK(block.maxCoeff() == 0.0f);
    CHECK(c.Pair(1, 1).score == 0.0f);
  }
  SECTION("an empty attendee range") {
    const Fair fair = RandomFair(5, 4, 3, 5, 1);
    ScoreMatrix block;
    Compatibility::Build(fair).ScoreBlock(2, 2, &block);
    CHECK(block.rows() == 0);
    CHECK(block.cols() == 4);
  }
  SECTION("no employers") {
    const Fair fair = RandomFair(5, 0, 3, 5, 1);
    ScoreMatrix block;
    Compatibility::Build(fair).ScoreBlock(0, 5, &block);
    CHECK(block.rows() == 5);
    CHECK(block.cols() == 0);
  }
}

TEST_CASE("Eligible honours avoid, must_meet and min_score", "[score]") {
  struct Case {
    const char* name;
    float score;
    bool avoid, must_meet;
    bool expected;
  };
  // min_score is 0.3 below.
  const std::vector<Case> cases = {
      {"a good score is eligible", 0.8f, false, false, true},
      {"exactly min_score is eligible", 0.3f, false, false, true},
      {"below min_score is not", 0.29f, false, false, false},
      {"must_meet overrides a low score", 0.0f, false, true, true},
      {"avoid overrides a high score", 1.0f, true, false, false},
      {"avoid overrides must_meet", 1.0f, true, true, false},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      Fair fair = RandomFair(1, 5, 3, 4, 1);
      fair.config.min_score = 0.3;
      const int e = 2;
      // Neighbours in the sorted lists, so that a wrong search shows.
      fair.attendees[0].avoid = {0};
      fair.attendees[0].must_meet = {4};
      if (c.avoid) fair.attendees[0].avoid = {0, e};
      if (c.must_meet) fair.attendees[0].must_meet = {e, 4};
      const Compatibility compat = Compatibility::Build(fair);
      CHECK(compat.Eligible(0, e, c.score) == c.expected);
      // Other employers are unaffected by e's lists.
      CHECK_FALSE(compat.Eligible(0, 0, 1.0f));
      CHECK(compat.Eligible(0, 4, 0.0f));
      CHECK(compat.Eligible(0, 1, c.score) == (c.score >= 0.3f));
    }
  }
}

TEST_CASE("ScaledScore maps [0,1] onto integers without loss of order",
          "[score]") {
  CHECK(ScaledScore(0.0f) == 0);
  CHECK(ScaledScore(1.0f) == kScoreScale);
  CHECK(ScaledScore(0.5f) == kScoreScale / 2);
  CHECK(ScaledScore(0.25f) < ScaledScore(0.250001f));
}

TEST_CASE("ScaledScore rounds exactly as std::llround does", "[score]") {
  // Every 257th float bit pattern (both signs, all magnitudes the flow can
  // see), and the floats around each exact half of a score unit.
  int compared = 0;
  for (std::uint64_t bits = 0; bits < (std::uint64_t{1} << 32); bits += 257) {
    const std::uint32_t u = static_cast<std::uint32_t>(bits);
    float f;
    std::memcpy(&f, &u, sizeof f);
    if (!std::isfinite(f) || std::fabs(static_cast<double>(f)) >= 4.0e12) {
      continue;
    }
    ++compared;
    if (ScaledScore(f) != std::llround(static_cast<double>(f) * kScoreScale)) {
      FAIL("differs from llround at " << f);
    }
  }
  CHECK(compared > 10000000);
  for (int k = 0; k < 2000000; k += 997) {
    float f = (k + 0.5f) / static_cast<float>(kScoreScale);
    for (int step = 0; step < 4; ++step) {
      f = std::nextafter(f, 0.0f);
    }
    for (int step = 0; step < 8; ++step, f = std::nextafter(f, 3.0f)) {
      CHECK(ScaledScore(f) ==
            std::llround(static_cast<double>(f) * kScoreScale));
      CHECK(ScaledScore(-f) ==
            std::llround(static_cast<double>(-f) * kScoreScale));
    }
  }
  CHECK(ScaledScore(0.5e-6f) ==
        std::llround(static_cast<double>(0.5e-6f) * kScoreScale));
}

}  // namespace
}  // namespace fairmatch
