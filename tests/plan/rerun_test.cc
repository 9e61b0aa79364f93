// Reruns against a baseline (plan/rerun.h): the quality bars of issue #5 on
// generated fairs, locks, --from, and locks that cannot hold.
#include "engine/plan/rerun.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <tuple>

#include "engine/check/check.h"
#include "engine/check/metrics.h"
#include "engine/check/schedule_diff.h"
#include "engine/io/fair_loader.h"
#include "engine/plan/planner.h"
#include "engine/synth/generator.h"
#include "tests/fixtures/temp_dir.h"
#include "tests/plan/plan_fixture.h"

namespace fairmatch {
namespace {

using testing::RandomFair;
using testing::RandomFairSpec;
using testing::TempDir;

// A generated fair (engine/synth), loaded as `fairmatch plan` loads it.
Fair SynthFair(int attendees, int employers, int slots, std::uint64_t seed) {
  SynthOptions options;
  options.attendees = attendees;
  options.employers = employers;
  options.slots = slots;
  options.seed = seed;
  absl::StatusOr<SynthFiles> files = GenerateFair(options);
  REQUIRE(files.ok());
  TempDir dir;
  dir.Write("event.yaml", files->event_yaml);
  dir.Write("attendees.yaml", files->attendees_yaml);
  dir.Write("employers.yaml", files->employers_yaml);
  dir.Write("config.yaml", files->config_yaml);
  absl::StatusOr<Fair> fair = LoadFair(dir.path(), LoadOptions{});
  REQUIRE(fair.ok());
  return *std::move(fair);
}

// The fair without employer `gone` (it cancelled): indices after it shift,
// must_meet and avoid entries naming it disappear.
Fair WithoutEmployer(const Fair& fair, int gone) {
  Fair out = fair;
  out.employers.erase(out.employers.begin() + gone);
  auto remap = [&](std::vector<int>& list) {
    std::vector<int> kept;
    for (int e : list) {
      if (e != gone) kept.push_back(e > gone ? e - 1 : e);
    }
    list = kept;
  };
  for (Attendee& a : out.attendees) {
    remap(a.must_meet);
    remap(a.avoid);
  }
  return out;
}

Schedule MustPlan(const Compatibility& compat, const Rerun* rerun) {
  PlanOptions options;
  options.threads = 2;
  options.rerun = rerun;
  absl::StatusOr<PlanOutcome> outcome = Plan(compat, options);
  INFO(outcome.status().ToString());
  REQUIRE(outcome.ok());
  return outcome->schedule;
}

std::string Describe(const std::vector<Violation>& violations) {
  std::string text;
  for (const Violation& v : violations)
    text += v.kind + ": " + v.message + "\n";
  return text;
}

// (attendee id, employer id) -> (start, table) of every attendee-meeting.
using Places =
    std::map<std::pair<std::string, std::string>, std::pair<std::string, int>>;
Places PlacesOf(const RecordedSchedule& s) {
  Places places;
  for (const RecordedMeeting& m : s.meetings) {
    for (const std::string& a : m.attendees) {
      places[{a, m.employer}] = {m.start, m.table};
    }
  }
  return places;
}

int BusiestEmployer(const Fair& fair, const Schedule& schedule) {
  std::vector<int> load(fair.num_employers(), 0);
  for (const Meeting& m : schedule.meetings) {
    load[m.employer] += static_cast<int>(m.attendees.size());
  }
  return static_cast<int>(std::max_element(load.begin(), load.end()) -
                          load.begin());
}

TEST_CASE(
    "after the busiest employer cancels, a rerun keeps at least 95% of "
    "the other meetings and stays within 1% of a fresh plan",
    "[plan][rerun]") {
  for (std::uint64_t seed : {1, 2, 3}) {
    const Fair fair = SynthFair(1500, 60, 12, seed);
    const Compatibility compat = Compatibility::Build(fair);
    const Schedule published = MustPlan(compat, nullptr);
    const RecordedSchedule baseline = RecordSchedule(fair, published);
    const int busiest = BusiestEmployer(fair, published);
    const std::string busiest_id = fair.employers[busiest].id;

    const Fair changed = WithoutEmployer(fair, busiest);
    const Compatibility changed_compat = Compatibility::Build(changed);
    absl::StatusOr<Rerun> rerun = ResolveBaseline(changed_compat, baseline, -1);
    REQUIRE(rerun.ok());
    const Schedule replanned = MustPlan(changed_compat, &*rerun);
    INFO("seed " << seed);
    INFO(Describe(CheckSchedule(changed, changed_compat, replanned)));
    REQUIRE(CheckSchedule(changed, changed_compat, replanned).empty());

    int others = 0, kept = 0;
    const Places after = PlacesOf(RecordSchedule(changed, replanned));
    for (const auto& [pair, place] : PlacesOf(baseline)) {
      if (pair.second == busiest_id) continue;
      ++others;
      auto it = after.find(pair);
      if (it != after.end() && it->second == place) ++kept;
    }
    REQUIRE(others > 0);
    const double kept_share = static_cast<double>(kept) / others;
    INFO("kept " << kept << " of " << others);
    CHECK(kept_share >= 0.95);

    const Schedule fresh = MustPlan(changed_compat, nullptr);
    const double fresh_total =
        ComputeMetrics(changed, changed_compat, fresh).total_score;
    const double rerun_total =
        ComputeMetrics(changed, changed_compat, replanned).total_score;
    INFO("rerun total " << rerun_total << ", fresh " << fresh_total);
    CHECK(rerun_total >= 0.99 * fresh_total);
  }
}

TEST_CASE("a rerun of an unchanged fair changes nothing", "[plan][rerun]") {
  const Fair fair = SynthFair(400, 25, 12, 4);
  const Compatibility compat = Compatibility::Build(fair);
  const Schedule published = MustPlan(compat, nullptr);
  const RecordedSchedule baseline = RecordSchedule(fair, published);
  absl::StatusOr<Rerun> rerun = ResolveBaseline(compat, baseline, -1);
  REQUIRE(rerun.ok());
  const Schedule replanned = MustPlan(compat, &*rerun);
  const ScheduleDiff diff =
      DiffSchedules(baseline, RecordSchedule(fair, replanned));
  CHECK(diff.moved == 0);
  CHECK(diff.added == 0);
  CHECK(diff.cancelled == 0);
  CHECK(diff.kept > 0);
}

TEST_CASE("locked meetings are kept exactly and stay locked", "[plan][rerun]") {
  const Fair fair = SynthFair(600, 30, 12, 5);
  const Compatibility compat = Compatibility::Build(fair);
  const Schedule published = MustPlan(compat, nullptr);
  RecordedSchedule baseline = RecordSchedule(fair, published);
  // Lock every seventh meeting, then make the fair change: weights move
  // towards values and the busiest employer loses a table.
  std::vector<RecordedMeeting> locked;
  for (size_t i = 0; i < baseline.meetings.size(); i += 7) {
    baseline.meetings[i].locked = true;
    locked.push_back(baseline.meetings[i]);
  }
  REQUIRE(locked.size() > 10);
  Fair changed = fair;
  changed.config.weight_values = 0.8;
  changed.config.weight_benefit = 0.2;
  changed.config.min_score = 0;  // so every lock stays eligible
  const Compatibility changed_compat = Compatibility::Build(changed);
  absl::StatusOr<Rerun> rerun = ResolveBaseline(changed_compat, baseline, -1);
  INFO(rerun.status().ToString());
  REQUIRE(rerun.ok());
  const Schedule replanned = MustPlan(changed_compat, &*rerun);
  INFO(Describe(CheckSchedule(changed, changed_compat, replanned)));
  REQUIRE(CheckSchedule(changed, changed_compat, replanned).empty());
  const RecordedSchedule after = RecordSchedule(changed, replanned);
  for (const RecordedMeeting& want : locked) {
    bool found = false;
    for (size_t i = 0; i < after.meetings.size(); ++i) {
      const RecordedMeeting& got = after.meetings[i];
      if (got.start == want.start && got.employer == want.employer &&
          got.table == want.table) {
        CHECK(got.attendees == want.attendees);
        found = true;
      }
    }
    CHECK(found);
  }
  int locked_out = 0;
  for (const Meeting& m : replanned.meetings) locked_out += m.locked ? 1 : 0;
  CHECK(locked_out == static_cast<int>(locked.size()));
}

TEST_CASE(
    "a --from rerun changes nothing before its time and adds nothing "
    "there",
    "[plan][rerun]") {
  for (std::uint64_t seed : {6, 7}) {
    const Fair fair = SynthFair(800, 40, 12, seed);
    const Compatibility compat = Compatibility::Build(fair);
    const Schedule published = MustPlan(compat, nullptr);
    const RecordedSchedule baseline = RecordSchedule(fair, published);
    // A rep goes home at the fifth slot: the busiest employer is available
    // only until then; replan from that time.
    const int cut = fair.slots[5].start;
    Fair changed = fair;
    const int busiest = BusiestEmployer(fair, published);
    changed.employers[busiest].available = {{fair.event.start, cut}};
    const Compatibility changed_compat = Compatibility::Build(changed);
    absl::StatusOr<Rerun> rerun =
        ResolveBaseline(changed_compat, baseline, cut);
    INFO(rerun.status().ToString());
    REQUIRE(rerun.ok());
    CHECK(rerun->first_slot == 5);
    const Schedule replanned = MustPlan(changed_compat, &*rerun);
    INFO(Describe(CheckSchedule(changed, changed_compat, replanned)));
    REQUIRE(CheckSchedule(changed, changed_compat, replanned).empty());
    std::vector<std::tuple<int, int, int, std::vector<int>>> before_old,
        before_new;
    for (const Meeting& m : published.meetings) {
      if (m.slot < 5)
        before_old.emplace_back(m.slot, m.employer, m.table, m.attendees);
    }
    for (const Meeting& m : replanned.meetings) {
      if (m.slot < 5)
        before_new.emplace_back(m.slot, m.employer, m.table, m.attendees);
      // The busiest employer has nothing after its rep left.
      if (m.employer == busiest) CHECK(m.slot < 5);
    }
    CHECK(before_new == before_old);
  }
}

// The checks of locked meetings ask the rules `fairmatch check` asks
// (score/meeting_rules.h): here, a table's rests and an avoid.
TEST_CASE("locked meetings must let their table rest and respect avoids",
          "[plan][rerun]") {
  RandomFairSpec spec;
  spec.attendees = 3;
  spec.employers = 1;
  spec.slots = 4;
  spec.min_score = 0;
  spec.max_consecutive = 2;
  Fair fair = RandomFair(5, spec);
  Schedule locked;
  for (int a = 0; a < 3; ++a) {
    Meeting m{a, 0, 1, {a}};
    m.locked = true;
    locked.meetings.push_back(m);
  }
  RecordedSchedule baseline = RecordSchedule(fair, locked);
  baseline.path = "old/schedule.json";
  auto resolve = [&](const Fair& f) {
    return ResolveBaseline(Compatibility::Build(f), baseline, -1);
  };

  SECTION("three in a row at one table break max_consecutive 2") {
    const absl::StatusOr<Rerun> rerun = resolve(fair);
    REQUIRE(rerun.status().code() == absl::StatusCode::kFailedPrecondition);
    CHECK(std::string(rerun.status().message()) ==
          "locked meetings at e0 keep a table busy more than "
          "employers.max_consecutive = 2 slots in a row; raise it or unlock "
          "some of them");
  }
  SECTION("a break before the third rests the table") {
    for (int s = 2; s < fair.num_slots(); ++s) {
      fair.slots[s].start += 15;
      fair.slots[s].end += 15;
    }
    baseline = RecordSchedule(fair, locked);
    baseline.path = "old/schedule.json";
    const absl::StatusOr<Rerun> rerun = resolve(fair);
    REQUIRE(rerun.ok());
    CHECK(RerunPairCodes(*rerun, 1, PairSet::kPinned).size() == 3);
  }
  SECTION("an avoid of either side, the attendee's named first") {
    fair.config.employer_max_consecutive = 0;
    fair.employers[0].avoid = {1};
    fair.attendees[1].avoid = {0};
    fair.employers[0].avoid.push_back(2);
    const absl::StatusOr<Rerun> rerun = resolve(fair);
    REQUIRE(rerun.status().code() == absl::StatusCode::kFailedPrecondition);
    const std::string text(rerun.status().message());
    CHECK(text.find("attendee a1 avoids e0") != std::string::npos);
    CHECK(text.find("employer e0 avoids a1") == std::string::npos);
    CHECK(text.find("employer e0 avoids a2") != std::string::npos);
  }
}

TEST_CASE("a lock that cannot hold fails with the reason", "[plan][rerun]") {
  RandomFairSpec spec;
  spec.attendees = 12;
  spec.employers = 3;
  spec.slots = 4;
  spec.min_score = 0;
  const Fair fair = RandomFair(3, spec);
  const Compatibility compat = Compatibility::Build(fair);
  const Schedule published = MustPlan(compat, nullptr);
  REQUIRE(!published.meetings.empty());
  RecordedSchedule baseline = RecordSchedule(fair, published);
  baseline.path = "old/schedule.json";
  baseline.meetings[0].locked = true;
  baseline.meetings[0].line = 17;
  const RecordedMeeting m = baseline.meetings[0];

  SECTION("the attendee is no longer available then") {
    Fair changed = fair;
    for (Attendee& a : changed.attendees) {
      if (a.id == m.attendees[0]) a.available = {{0, 1}};
    }
    const Compatibility c = Compatibility::Build(changed);
    absl::StatusOr<Rerun> rerun = ResolveBaseline(c, baseline, -1);
    REQUIRE(rerun.status().code() == absl::StatusCode::kFailedPrecondition);
    const std::string text(rerun.status().message());
    CHECK(text.find("old/schedule.json:17") != std::string::npos);
    CHECK(text.find(m.attendees[0] + " is not available at " + m.start) !=
          std::string::npos);
  }
  SECTION("the employer is gone") {
    int e = 0;
    while (fair.employers[e].id != m.employer) ++e;
    const Fair changed = WithoutEmployer(fair, e);
    const Compatibility c = Compatibility::Build(changed);
    absl::StatusOr<Rerun> rerun = ResolveBaseline(c, baseline, -1);
    REQUIRE(rerun.status().code() == absl::StatusCode::kFailedPrecondition);
    CHECK(std::string(rerun.status().message())
              .find("employer " + m.employer +
                    " is no longer in employers.yaml") != std::string::npos);
  }
  SECTION("the table is gone") {
    Fair changed = fair;
    for (Employer& e : changed.employers) {
      if (e.id == m.employer) e.tables = m.table - 1;
    }
    if (m.table > 1) {
      const Compatibility c = Compatibility::Build(changed);
      absl::StatusOr<Rerun> rerun = ResolveBaseline(c, baseline, -1);
      REQUIRE(rerun.status().code() == absl::StatusCode::kFailedPrecondition);
      CHECK(std::string(rerun.status().message()).find("table") !=
            std::string::npos);
    }
  }
  SECTION("an unlocked meeting whose employer is gone is simply dropped") {
    baseline.meetings[0].locked = false;
    int e = 0;
    while (fair.employers[e].id != m.employer) ++e;
    const Fair changed = WithoutEmployer(fair, e);
    const Compatibility c = Compatibility::Build(changed);
    absl::StatusOr<Rerun> rerun = ResolveBaseline(c, baseline, -1);
    REQUIRE(rerun.ok());
    CHECK(rerun->gone > 0);
    const Schedule replanned = MustPlan(c, &*rerun);
    CHECK(CheckSchedule(changed, c, replanned).empty());
  }
}

TEST_CASE(
    "reruns on random small fairs with locks and windows always pass "
    "check",
    "[plan][rerun]") {
  RandomFairSpec spec;
  spec.attendees = 30;
  spec.employers = 5;
  spec.slots = 6;
  spec.max_tables = 2;
  spec.max_group = 3;
  spec.windows = true;
  spec.must_meets = 3;
  spec.fairness = 0.5;
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    spec.max_consecutive = seed % 3 == 0 ? 2 : 0;
    const Fair fair = RandomFair(seed, spec);
    const Compatibility compat = Compatibility::Build(fair);
    absl::StatusOr<PlanOutcome> first = Plan(compat, PlanOptions{});
    if (!first.ok()) continue;  // infeasible must_meets: not this test's job
    RecordedSchedule baseline = RecordSchedule(fair, first->schedule);
    for (size_t i = 0; i < baseline.meetings.size(); i += 3) {
      baseline.meetings[i].locked = true;
    }
    // The change: one employer's group shrinks and a new min_score.
    Fair changed = fair;
    changed.employers[seed % 5].group_size = 1;
    changed.config.min_score = 0.05;
    const Compatibility c = Compatibility::Build(changed);
    const int from = seed % 2 == 0 ? fair.slots[2].start : -1;
    absl::StatusOr<Rerun> rerun = ResolveBaseline(c, baseline, from);
    INFO("seed " << seed);
    if (!rerun.ok()) {
      // Only because a lock now breaks a hard constraint, said so.
      CHECK(rerun.status().code() == absl::StatusCode::kFailedPrecondition);
      const std::string text(rerun.status().message());
      const bool says_why = text.find("cannot hold") != std::string::npos ||
                            text.find("locked meetings") != std::string::npos ||
                            text.find("kept meetings") != std::string::npos;
      CHECK(says_why);
      continue;
    }
    PlanOptions options;
    options.rerun = &*rerun;
    absl::StatusOr<PlanOutcome> second = Plan(c, options);
    if (!second.ok()) {
      CHECK(second.status().code() == absl::StatusCode::kFailedPrecondition);
      continue;
    }
    INFO(Describe(CheckSchedule(changed, c, second->schedule)));
    CHECK(CheckSchedule(changed, c, second->schedule).empty());
  }
}

}  // namespace
}  // namespace fairmatch
