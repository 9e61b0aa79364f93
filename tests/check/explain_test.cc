#include "engine/check/explain.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/plan/planner.h"
#include "engine/score/compatibility.h"
#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

// Hand-made fairs whose scores are known exactly. With weights 0.5/0.5 and
// three values, an attendee rating {5, 0, 0} aligns 1 with an employer
// rating {5, 0, 0}, 0.5 with {5, 0, 5} and 0 with {0, 5, 5}; an employer
// that offers what the attendee seeks and seeks what they offer gives
// benefit 1, one that does neither 0. So:
//   kPerfect 1.00   kHalf 0.75   kValuesOnly 0.50   kNone 0.00
// (to within float rounding of the value normalisation, 2e-4).
enum class Fit { kPerfect, kHalf, kValuesOnly, kNone };

// `slots` 15-minute slots from 10:00; min_score 0.2, cap 2, one seat per
// table.
Fair BaseFair(int slots) {
  Fair fair;
  fair.event.name = "Explain fair";
  fair.event.start = 600;
  fair.event.end = 600 + 15 * slots;
  fair.event.length = 15;
  fair.event.values = {{"v0", "V0"}, {"v1", "V1"}, {"v2", "V2"}};
  fair.slots = MakeSlots(fair.event.start, fair.event.end, 15, {});
  fair.config.min_score = 0.2;
  fair.config.meetings_min = 1;
  fair.config.meetings_max = 2;
  fair.config.group_size = 1;
  return fair;
}

void AddAttendee(Fair& fair, const std::string& id) {
  Attendee a;
  a.id = id;
  a.name = "Name " + id;
  a.values = {5, 0, 0};
  a.offers = {"python"};
  a.seeks = {"mentoring"};
  fair.attendees.push_back(a);
}

void AddEmployer(Fair& fair, const std::string& id, const std::string& name,
                 Fit fit) {
  Employer e;
  e.id = id;
  e.name = name;
  switch (fit) {
    case Fit::kPerfect:
    case Fit::kValuesOnly:
      e.values = {5, 0, 0};
      break;
    case Fit::kHalf:
      e.values = {5, 0, 5};
      break;
    case Fit::kNone:
      e.values = {0, 5, 5};
      break;
  }
  if (fit == Fit::kPerfect || fit == Fit::kHalf) {
    e.offers = {"mentoring"};
    e.seeks = {"python"};
  } else {
    e.offers = {"sales"};
    e.seeks = {"cobol"};
  }
  fair.employers.push_back(e);
}

// Explains attendee 0 with `employer` and returns the pair.
PairExplanation ExplainPairOf(const Fair& fair, const Schedule& schedule,
                              const std::string& employer) {
  const Compatibility compat = Compatibility::Build(fair);
  absl::StatusOr<Explanation> x =
      Explain(fair, compat, schedule, fair.attendees[0].id, employer);
  REQUIRE(x.ok());
  REQUIRE(x->pair.has_value());
  return *x->pair;
}

TEST_CASE("the fixture's scores are what the verdicts below assume",
          "[check]") {
  Fair fair = BaseFair(1);
  AddAttendee(fair, "a0");
  AddEmployer(fair, "e0", "Perfect", Fit::kPerfect);
  AddEmployer(fair, "e1", "Half", Fit::kHalf);
  AddEmployer(fair, "e2", "ValuesOnly", Fit::kValuesOnly);
  AddEmployer(fair, "e3", "None", Fit::kNone);
  const Compatibility compat = Compatibility::Build(fair);
  CHECK(compat.Pair(0, 0).score == Approx(1.0).margin(1e-3));
  CHECK(compat.Pair(0, 1).score == Approx(0.75).margin(1e-3));
  CHECK(compat.Pair(0, 2).score == Approx(0.5).margin(1e-3));
  CHECK(compat.Pair(0, 3).score == Approx(0.0).margin(1e-6));
}

TEST_CASE("explain: a pair that meets says when and where", "[check]") {
  Fair fair = BaseFair(2);
  AddAttendee(fair, "a0");
  AddAttendee(fair, "a1");
  AddEmployer(fair, "e0", "Acme", Fit::kPerfect);
  fair.employers[0].group_size = 2;
  Schedule schedule;
  schedule.meetings = {{1, 0, 1, {0, 1}}};
  const PairExplanation p = ExplainPairOf(fair, schedule, "e0");
  CHECK(p.verdict == Verdict::kMeets);
  CHECK(p.verdict_text == "meets Acme at 10:15 (table 1)");
  CHECK(p.meeting == 0);
  CHECK(p.eligible);
  CHECK(p.weight_values == Approx(0.5).margin(1e-3));
  CHECK(p.min_score == Approx(0.2));
  REQUIRE(p.at_employer.size() == 2);
  CHECK(p.at_employer[1].holders.size() == 2);
  CHECK(p.at_employer[1].seats == 2);
  CHECK(p.at_employer[1].attendee_busy_with == 0);
}

TEST_CASE("explain: an employer on the avoid list is not eligible", "[check]") {
  Fair fair = BaseFair(2);
  AddAttendee(fair, "a0");
  AddEmployer(fair, "e0", "Acme", Fit::kPerfect);
  fair.attendees[0].avoid = {0};
  const PairExplanation p = ExplainPairOf(fair, Schedule{}, "e0");
  CHECK(p.verdict == Verdict::kAvoided);
  CHECK(p.avoided);
  CHECK_FALSE(p.eligible);
  CHECK(p.verdict_text == "not eligible: Acme is on Name a0's avoid list");
}

TEST_CASE("explain: a score below min_score is not eligible", "[check]") {
  Fair fair = BaseFair(2);
  AddAttendee(fair, "a0");
  AddEmployer(fair, "e0", "Acme", Fit::kNone);
  fair.config.min_score = 0.25;
  const PairExplanation p = ExplainPairOf(fair, Schedule{}, "e0");
  CHECK(p.verdict == Verdict::kBelowMinScore);
  CHECK(p.verdict_text == "not eligible: score 0.00 below min_score 0.25");
  // A must_meet is eligible whatever the score; not met, it is flagged.
  fair.attendees[0].must_meet = {0};
  const PairExplanation must = ExplainPairOf(fair, Schedule{}, "e0");
  CHECK(must.eligible);
  CHECK(must.must_meet_missed);
  CHECK(must.verdict == Verdict::kOpen);
  CHECK_THAT(must.verdict_text,
             Catch::StartsWith("must_meet not met (fairmatch check reports "
                               "it); nothing prevents it: Acme has a free "
                               "seat at 10:00"));
}

TEST_CASE("explain: windows that share no slot", "[check]") {
  Fair fair = BaseFair(4);
  AddAttendee(fair, "a0");
  AddEmployer(fair, "e0", "Acme", Fit::kPerfect);
  fair.attendees[0].available = {{600, 630}};  // slots 0-1
  fair.employers[0].available = {{630, 660}};  // slots 2-3
  const PairExplanation p = ExplainPairOf(fair, Schedule{}, "e0");
  CHECK(p.verdict == Verdict::kNoSharedSlot);
  CHECK(p.shared_slots.empty());
  CHECK(p.verdict_text ==
        "no shared slot: Name a0 is available 10:00-10:30, Acme 10:30-11:00");
}

TEST_CASE("explain: every shared seat taken by attendees who score higher",
          "[check]") {
  Fair fair = BaseFair(2);
  AddAttendee(fair, "a0");
  AddAttendee(fair, "a1");
  AddAttendee(fair, "a2");
  AddEmployer(fair, "e0", "Acme", Fit::kPerfect);
  // a0 seeks more than Acme offers: benefit sqrt(1 * 1/3), score 0.79.
  fair.attendees[0].seeks = {"mentoring", "travel", "design"};
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {1}}, {1, 0, 1, {2}}};
  const PairExplanation p = ExplainPairOf(fair, schedule, "e0");
  CHECK(p.verdict == Verdict::kEmployerFull);
  CHECK(p.verdict_text ==
        "every shared slot at Acme is full with attendees who score higher "
        "with Acme (lowest 1.00 vs your 0.79)");
  REQUIRE(p.at_employer.size() == 2);
  CHECK(p.at_employer[0].holders[0].attendee == 1);
  CHECK(p.at_employer[0].holders[0].score == Approx(1.0).margin(1e-3));

  // At their cap with weaker meetings elsewhere, the seats are still the
  // reason; the cap is mentioned.
  {
    Fair capped = fair;
    AddEmployer(capped, "e1", "Globex", Fit::kHalf);
    AddEmployer(capped, "e2", "Initech", Fit::kHalf);
    Schedule busy = schedule;
    busy.meetings.push_back({0, 1, 1, {0}});
    busy.meetings.push_back({1, 2, 1, {0}});
    const PairExplanation at_cap = ExplainPairOf(capped, busy, "e0");
    CHECK(at_cap.verdict == Verdict::kEmployerFull);
    CHECK_THAT(at_cap.verdict_text,
               Catch::EndsWith("(lowest 1.00 vs your 0.79); Name a0 is also at "
                               "their cap of 2"));
  }

  // With a lower scorer in one seat, the verdict says so.
  fair.attendees[2].seeks = {"mentoring", "travel", "design", "sales"};
  fair.attendees[2].values = {5, 0, 5};
  const PairExplanation lower = ExplainPairOf(fair, schedule, "e0");
  CHECK(lower.verdict == Verdict::kEmployerFull);
  CHECK_THAT(lower.verdict_text,
             Catch::StartsWith("every shared slot at Acme is full, with some "
                               "attendees who score lower with Acme (lowest "));
}

TEST_CASE("explain: an attendee at their cap with better meetings", "[check]") {
  Fair fair = BaseFair(3);
  AddAttendee(fair, "a0");
  AddEmployer(fair, "e0", "Acme", Fit::kPerfect);
  AddEmployer(fair, "e1", "Globex", Fit::kPerfect);
  AddEmployer(fair, "e2", "Initech", Fit::kHalf);
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {0}}, {1, 1, 1, {0}}};
  const PairExplanation p = ExplainPairOf(fair, schedule, "e2");
  CHECK(p.verdict == Verdict::kAttendeeAtCap);
  CHECK(
      p.verdict_text ==
      "Name a0's meetings all score higher than Initech (lowest 1.00 vs 0.75) "
      "and Name a0 is at their cap of 2");
  // A cap of 0 is its own sentence.
  fair.attendees[0].max_meetings = 0;
  const PairExplanation zero = ExplainPairOf(fair, Schedule{}, "e2");
  CHECK(zero.verdict == Verdict::kAttendeeAtCap);
  CHECK(zero.verdict_text == "Name a0 has a cap of 0 conversations");
}

TEST_CASE("explain: busy or full in every shared slot", "[check]") {
  Fair fair = BaseFair(3);
  AddAttendee(fair, "a0");
  AddAttendee(fair, "a1");
  AddEmployer(fair, "e0", "Acme", Fit::kPerfect);
  AddEmployer(fair, "e1", "Globex", Fit::kHalf);
  fair.employers[1].available = {{600, 630}};  // slots 0-1
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {0}}, {1, 1, 1, {1}}};
  const PairExplanation p = ExplainPairOf(fair, schedule, "e1");
  CHECK(p.verdict == Verdict::kNoFreeSlot);
  CHECK(p.verdict_text ==
        "no slot with a free seat at Globex while Name a0 is free: Name a0 is "
        "busy at "
        "10:00; Globex is full at 10:15");
}

TEST_CASE("explain: a free seat while the attendee is free is open",
          "[check]") {
  Fair fair = BaseFair(3);
  AddAttendee(fair, "a0");
  AddEmployer(fair, "e0", "Acme", Fit::kPerfect);
  AddEmployer(fair, "e1", "Globex", Fit::kHalf);
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {0}}};
  const PairExplanation p = ExplainPairOf(fair, schedule, "e1");
  CHECK(p.verdict == Verdict::kOpen);
  CHECK_THAT(p.verdict_text,
             Catch::StartsWith("nothing prevents it: Globex has a free seat "
                               "at 10:15 while Name a0 is free with 1 of 2 "
                               "conversations"));
  CHECK_FALSE(p.must_meet_missed);
}

TEST_CASE("explain: unknown ids are errors with a suggestion", "[check]") {
  Fair fair = BaseFair(1);
  AddAttendee(fair, "a001");
  AddEmployer(fair, "acme", "Acme", Fit::kPerfect);
  const Compatibility compat = Compatibility::Build(fair);
  absl::StatusOr<Explanation> x = Explain(fair, compat, Schedule{}, "a01", "");
  REQUIRE_FALSE(x.ok());
  CHECK(x.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(x.status().message() ==
        "no attendee 'a01' (by id, e-mail or name); did you mean Name a001 "
        "(a001)?");
  x = Explain(fair, compat, Schedule{}, "a001", "acmee");
  REQUIRE_FALSE(x.ok());
  CHECK(
      x.status().message() ==
      "no employer 'acmee' (by id, e-mail or name); did you mean Acme (acme)?");
}

TEST_CASE("explain without an employer lists the top employers by score",
          "[check]") {
  Fair fair = BaseFair(3);
  AddAttendee(fair, "a0");
  AddEmployer(fair, "e0", "Low", Fit::kNone);
  AddEmployer(fair, "e1", "Half", Fit::kHalf);
  for (int i = 2; i < 7; ++i) {
    AddEmployer(fair, "e" + std::to_string(i), "P" + std::to_string(i),
                Fit::kPerfect);
  }
  Schedule schedule;
  schedule.meetings = {{1, 4, 1, {0}}};
  const Compatibility compat = Compatibility::Build(fair);
  absl::StatusOr<Explanation> x = Explain(fair, compat, schedule, "a0", "");
  REQUIRE(x.ok());
  CHECK_FALSE(x->pair.has_value());
  REQUIRE(x->top.size() == kExplainTop);
  // The five perfect fits, in file order on the tie.
  for (int i = 0; i < kExplainTop; ++i) CHECK(x->top[i].employer == i + 2);
  CHECK(x->top[2].verdict == Verdict::kMeets);
  CHECK(x->top[0].verdict == Verdict::kOpen);
  REQUIRE(x->meetings.size() == 1);
  CHECK(x->meetings[0].employer == 4);

  const std::string text = RenderExplanation(fair, *x);
  CHECK_THAT(text, Catch::StartsWith("Name a0 (a0): 1 conversation (cap 2)\n"
                                     "  10:15-10:30  P4 (e4), table 1: score "
                                     "1.00 (values 1.00, benefit 1.00)\n"));
  CHECK_THAT(text, Catch::Contains("\ntop employers for Name a0 by score:\n"
                                   "  1. P2 (e2) 1.00: nothing prevents it"));
  CHECK_THAT(text, Catch::Contains("  3. P4 (e4) 1.00: meets P4 at 10:15 "
                                   "(table 1)\n"));
}

TEST_CASE("the text of a pair shows score, eligibility, windows and seats",
          "[check]") {
  Fair fair = BaseFair(2);
  AddAttendee(fair, "a0");
  AddAttendee(fair, "a1");
  AddEmployer(fair, "e0", "Acme", Fit::kPerfect);
  AddEmployer(fair, "e1", "Globex", Fit::kHalf);
  fair.employers[1].available = {{615, 630}};  // slot 1
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {0}}, {1, 1, 1, {1}}};
  const Compatibility compat = Compatibility::Build(fair);
  absl::StatusOr<Explanation> x = Explain(fair, compat, schedule, "a0", "e1");
  REQUIRE(x.ok());
  const std::string text = RenderExplanation(fair, *x);
  CHECK_THAT(text,
             Catch::Contains(
                 "\nGlobex (e1) for Name a0:\n"
                 "  score 0.75 = 0.50 x values 0.50 + 0.50 x benefit "
                 "1.00 (benefit = sqrt(Name a0 gives 1.00 x Globex gives "
                 "1.00))\n"
                 "  eligibility: yes (min_score 0.20, score at or "
                 "above; avoid: no; must_meet: no)\n"
                 "  windows: Name a0 all day; Globex 10:15-10:30; shared "
                 "slots: 10:15 (1 of 2)\n"
                 "  Name a0's load: 1 of cap 2: 10:00 Acme 1.00\n"
                 "  Globex's seats in the shared slots (1 table x 1):\n"
                 "    10:15  1 of 1 taken: Name a1 (a1) 0.75; Name a0 free\n"
                 "  verdict: every shared slot at Globex is full with "
                 "attendees who score as high with Globex (lowest "
                 "0.75 vs your 0.75)\n"));
}

// Small random fairs with windows and avoids, for the tests on planned
// fairs.
testing::RandomFairSpec PlannedFairSpec() {
  testing::RandomFairSpec spec;
  spec.attendees = 8;
  spec.employers = 4;
  spec.windows = true;
  spec.avoids = 3;
  return spec;
}

TEST_CASE("explain on planned fairs: a pair meets exactly when it is planned",
          "[check]") {
  const testing::RandomFairSpec spec = PlannedFairSpec();
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    const Fair fair = testing::RandomFair(seed, spec);
    const Compatibility compat = Compatibility::Build(fair);
    absl::StatusOr<PlanOutcome> plan = Plan(compat, PlanOptions{});
    if (!plan.ok()) continue;  // infeasible requests: nothing to explain
    for (int a = 0; a < fair.num_attendees(); ++a) {
      for (int e = 0; e < fair.num_employers(); ++e) {
        absl::StatusOr<Explanation> x =
            Explain(fair, compat, plan->schedule, fair.attendees[a].id,
                    fair.employers[e].id);
        REQUIRE(x.ok());
        bool planned = false;
        for (const Meeting& m : plan->schedule.meetings) {
          planned |= m.employer == e &&
                     std::count(m.attendees.begin(), m.attendees.end(), a) > 0;
        }
        CHECK((x->pair->verdict == Verdict::kMeets) == planned);
        if (x->pair->verdict == Verdict::kBelowMinScore ||
            x->pair->verdict == Verdict::kAvoided) {
          CHECK_FALSE(compat.Eligible(a, e, compat.Pair(a, e).score));
        }
      }
    }
  }
}

TEST_CASE("PairExplainer gives every pair as Explain does", "[check]") {
  const testing::RandomFairSpec spec = PlannedFairSpec();
  for (std::uint32_t seed = 1; seed <= 10; ++seed) {
    CAPTURE(seed);
    const Fair fair = testing::RandomFair(seed, spec);
    const Compatibility compat = Compatibility::Build(fair);
    absl::StatusOr<PlanOutcome> plan = Plan(compat, PlanOptions{});
    if (!plan.ok()) continue;
    // A meeting at an employer out of range changes nothing.
    Schedule schedule = plan->schedule;
    schedule.meetings.push_back({0, fair.num_employers(), 1, {0}});
    const PairExplainer explainer(fair, compat, schedule);
    std::vector<int> all(fair.num_employers());
    for (int e = 0; e < fair.num_employers(); ++e) all[e] = e;
    for (int a = 0; a < fair.num_attendees(); ++a) {
      const std::vector<PairExplanation> pairs = explainer.ExplainPairs(a, all);
      REQUIRE(pairs.size() == all.size());
      for (int e = 0; e < fair.num_employers(); ++e) {
        absl::StatusOr<Explanation> x =
            Explain(fair, compat, plan->schedule, fair.attendees[a].id,
                    fair.employers[e].id);
        REQUIRE(x.ok());
        CHECK(pairs[e].employer == e);
        CHECK(pairs[e].verdict == x->pair->verdict);
        CHECK(pairs[e].verdict_text == x->pair->verdict_text);
        CHECK(pairs[e].meeting == x->pair->meeting);
      }
    }
  }
  const Fair fair = testing::RandomFair(1, spec);
  const Compatibility compat = Compatibility::Build(fair);
  CHECK(PairExplainer(fair, compat, Schedule{}).ExplainPairs(0, {}).empty());
}

}  // namespace
}  // namespace fairmatch
