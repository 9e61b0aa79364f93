#include "engine/score/pair_rules.h"

#include <catch2/catch.hpp>

#include "engine/model/intents.h"
#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

TEST_CASE("pair rules: what a wish adds, by rank", "[score]") {
  Config config;
  config.weight_wants = 0.3;
  config.weight_mutual_wants = 0.2;
  CHECK(WishBonus(config, 0, 0) == 0);
  CHECK(WishBonus(config, 1, 0) == Approx(0.3));
  CHECK(WishBonus(config, 0, 1) == Approx(0.3));
  CHECK(WishBonus(config, 2, 0) == Approx(0.2));  // 0.3 * 2 / 3
  CHECK(WishBonus(config, 5, 0) == Approx(0.1));  // 0.3 * 2 / 6
  CHECK(WishBonus(config, 1, 1) == Approx(0.8));  // both, plus mutual
  CHECK(WishBonus(config, 3, 2) == Approx(0.15 + 0.2 + 0.2));
  config.weight_wants = -1;  // negative weights count as 0
  config.weight_mutual_wants = -1;
  CHECK(WishBonus(config, 1, 1) == 0);
}

// The compiled rules must say exactly what model/intents.h says, for every
// pair of every fair: the planner relies on the former and `fairmatch
// check` on the latter.
TEST_CASE("pair rules agree with the definitions on random fairs", "[score]") {
  testing::RandomFairSpec spec;
  spec.attendees = 14;
  spec.employers = 6;
  spec.windows = true;
  spec.must_meets = 4;
  spec.avoids = 4;
  spec.requirements = 4;
  spec.wishes = 12;
  spec.employer_must_meets = 3;
  spec.employer_avoids = 3;
  int excluded = 0, failing = 0, must = 0, wished = 0;
  for (std::uint32_t seed = 1; seed <= 150; ++seed) {
    const Fair fair = testing::RandomFair(seed, spec);
    const PairRules rules = PairRules::Build(fair);
    const std::vector<std::vector<int>> must_lists = MustMeetLists(fair);
    for (int a = 0; a < fair.num_attendees(); ++a) {
      INFO("seed " << seed << " attendee " << a);
      CHECK(rules.MustMeets(a) == must_lists[a]);
      int last = -1;
      for (const PairRules::Special& s : rules.Specials(a)) {
        CHECK(s.employer > last);  // ascending, one per employer
        last = s.employer;
      }
      for (int e = 0; e < fair.num_employers(); ++e) {
        INFO("employer " << e);
        const bool fails = FailedRequirement(fair, a, e) != nullptr;
        const bool avoided = Avoided(fair, a, e);
        const int ra = WishRank(fair.attendees[a].wants, e);
        const int re = WishRank(fair.employers[e].wants, a);
        CHECK(rules.FailsRequirement(a, e) == fails);
        CHECK(rules.Excluded(a, e) == (fails || avoided));
        CHECK(rules.Must(a, e) == MustMeet(fair, a, e));
        CHECK(rules.WishBonus(a, e) == WishBonus(fair.config, ra, re));
        const PairRules::Special* special = rules.Find(a, e);
        const bool named = avoided || MustMeet(fair, a, e) || ra || re;
        CHECK((special != nullptr) == named);
        if (special != nullptr) {
          CHECK(special->attendee_rank == ra);
          CHECK(special->employer_rank == re);
        }
        excluded += rules.Excluded(a, e);
        failing += fails;
        must += MustMeet(fair, a, e);
        wished += (ra || re);
      }
    }
  }
  // The fairs exercise every rule.
  CHECK(excluded > 100);
  CHECK(failing > 100);
  CHECK(must > 100);
  CHECK(wished > 100);
}

}  // namespace
}  // namespace fairmatch
