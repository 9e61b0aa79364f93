#include "engine/plan/planner.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/plan/availability.h"
#include "engine/plan/matching.h"
#include "engine/plan/timetable.h"

namespace fairmatch {
namespace {

constexpr int kMaxRounds = 12;
constexpr int kCandidatesPerAttendee = 16;

std::string Windows(const std::vector<TimeWindow>& windows) {
  if (windows.empty()) return "the whole event";
  std::vector<std::string> parts;
  for (const TimeWindow& w : windows) {
    parts.push_back(FormatClock(w.start) + "-" + FormatClock(w.end));
  }
  return absl::StrJoin(parts, ", ");
}

std::string Who(const Profile& p) { return absl::StrCat(p.id, " (", p.name, ")"); }

// Must-meet requests that no plan can satisfy, one sentence each.
std::vector<std::string> DiagnoseMustMeets(const Fair& fair,
                                           const Availability& avail) {
  std::vector<std::string> problems;
  std::vector<std::int64_t> demand(fair.num_employers(), 0);
  for (int a = 0; a < fair.num_attendees(); ++a) {
    const Attendee& att = fair.attendees[a];
    if (att.must_meet.empty()) continue;
    const int cap = AttendeeCap(fair, avail, a);
    if (static_cast<int>(att.must_meet.size()) > cap) {
      problems.push_back(absl::StrCat(
          "attendee ", Who(att), " must meet ", att.must_meet.size(),
          " employers but can have at most ", cap,
          " meetings (max_meetings ", fair.MaxMeetings(a), ", ",
          avail.AttendeeSlots(a),
          " available slots); raise max_meetings or shorten must_meet"));
    }
    for (int e : att.must_meet) {
      ++demand[e];
      if (!avail.ShareSlot(a, e)) {
        problems.push_back(absl::StrCat(
            "attendee ", Who(att), " must meet ", Who(fair.employers[e]),
            " but they share no free slot: the attendee is available ",
            Windows(att.available), ", the employer ",
            Windows(fair.employers[e].available),
            "; widen one side's `available` or drop the must_meet"));
      }
    }
  }
  for (int e = 0; e < fair.num_employers(); ++e) {
    const std::int64_t cap = EmployerCapacity(fair, avail, e);
    if (demand[e] > cap) {
      problems.push_back(absl::StrCat(
          "employer ", Who(fair.employers[e]), " is a must_meet of ",
          demand[e], " attendees but can hold only ", cap,
          " attendee-meetings (", fair.employers[e].tables, " tables x group ",
          fair.GroupSize(e), " x ", avail.EmployerSlots(e),
          " slots); add tables, raise group_size or move some must_meets"));
    }
  }
  return problems;
}

// Adds the seconds since `start` to the named part of `stats`.
void AddSeconds(PlanStats& stats, const std::string& part,
                std::chrono::steady_clock::time_point start) {
  const double d = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start)
                       .count();
  for (auto& [name, seconds] : stats.seconds) {
    if (name == part) {
      seconds += d;
      return;
    }
  }
  stats.seconds.emplace_back(part, d);
}

absl::Status Infeasible(const std::vector<std::string>& problems) {
  return absl::FailedPreconditionError(absl::StrJoin(problems, "\n"));
}

// Matching, then timetabling; pairs that get no slot are excluded and the
// matching solved again, until every matched pair has a slot.
absl::StatusOr<PlanOutcome> PlanRounds(const Compatibility& compat,
                                       const Availability& avail,
                                       const MatchingOptions& match_options,
                                       int threads) {
  const Fair& fair = compat.fair();
  PlanOutcome outcome;
  PairCodes excluded;
  for (int round = 1;; ++round) {
    auto start = std::chrono::steady_clock::now();
    Matching matching = SolveMatching(compat, avail, excluded, match_options);
    AddSeconds(outcome.stats, "match", start);
    if (matching.status != MatchStatus::kOptimal) {
      return Infeasible({"the must_meet requests cannot all be met together "
                         "within attendees' caps and employers' capacities; "
                         "run `fairmatch explain` on the attendees concerned "
                         "or shorten must_meet lists"});
    }
    if (round == 1 && match_options.fairness <= 0) {
      // The certificate: the duals of this f = 0 solve give the bound.
      start = std::chrono::steady_clock::now();
      outcome.stats.upper_bound =
          UpperBound(compat, avail, matching, threads);
      AddSeconds(outcome.stats, "bound", start);
    }
    start = std::chrono::steady_clock::now();
    const CandidateGraph& cg = matching.graph;
    std::vector<MatchedPair> pairs;
    for (int a = 0; a < cg.num_attendees(); ++a) {
      for (int i = cg.offset[a]; i < cg.offset[a + 1]; ++i) {
        if (!matching.matched[i]) continue;
        pairs.push_back({a, cg.employer[i], cg.must[i] != 0, cg.score[i]});
      }
    }
    const std::vector<int> slots = AssignSlots(fair, avail, pairs);
    AddSeconds(outcome.stats, "timetable", start);
    std::vector<std::string> stuck;
    std::vector<std::int64_t> newly;
    for (size_t p = 0; p < pairs.size(); ++p) {
      if (slots[p] >= 0) continue;
      if (pairs[p].must) {
        stuck.push_back(absl::StrCat(
            "attendee ", Who(fair.attendees[pairs[p].attendee]),
            " must meet ", Who(fair.employers[pairs[p].employer]),
            " but no slot is free for both once other must_meets are placed"));
      }
      newly.push_back(PairCode(pairs[p].attendee, pairs[p].employer,
                               fair.num_employers()));
    }
    outcome.stats.match_rounds = round;
    outcome.stats.pricing_rounds = matching.pricing_rounds;
    outcome.stats.priced_in = matching.priced_in;
    outcome.stats.candidate_pairs = cg.num_pairs();
    if (!stuck.empty()) return Infeasible(stuck);
    if (newly.empty() || round == kMaxRounds) {
      // Out of rounds: unplaced pairs are simply not planned (still valid).
      std::vector<MatchedPair> placed;
      std::vector<int> placed_slots;
      for (size_t p = 0; p < pairs.size(); ++p) {
        if (slots[p] < 0) continue;
        placed.push_back(pairs[p]);
        placed_slots.push_back(slots[p]);
      }
      outcome.stats.excluded_pairs =
          static_cast<int>(excluded.size() + newly.size());
      outcome.schedule = AssignTables(fair, placed, placed_slots);
      return outcome;
    }
    excluded.insert(excluded.end(), newly.begin(), newly.end());
    std::sort(excluded.begin(), excluded.end());
  }
}

}  // namespace

absl::StatusOr<PlanOutcome> Plan(const Compatibility& compat,
                                 const PlanOptions& options) {
  const Fair& fair = compat.fair();
  const Availability avail(fair);
  if (std::vector<std::string> problems = DiagnoseMustMeets(fair, avail);
      !problems.empty()) {
    return Infeasible(problems);
  }

  MatchingOptions match_options;
  match_options.fairness = fair.config.fairness;
  match_options.k =
      std::max(kCandidatesPerAttendee, 2 * fair.config.meetings_max);
  match_options.threads = options.threads;

  // The certificate for f > 0 needs the duals of an f = 0 solve. It is
  // independent of the rounds, so with two threads it runs beside them;
  // each side is deterministic, so the result does not depend on it.
  double f0_bound = -1;
  double f0_seconds = 0;
  auto solve_bound = [&](int threads) {
    const auto start = std::chrono::steady_clock::now();
    MatchingOptions plain = match_options;
    plain.fairness = 0;
    plain.threads = threads;
    const Matching f0 = SolveMatching(compat, avail, {}, plain);
    if (f0.status == MatchStatus::kOptimal) {
      f0_bound = UpperBound(compat, avail, f0, threads);
    }
    f0_seconds = std::chrono::duration<double>(
                     std::chrono::steady_clock::now() - start)
                     .count();
  };
  std::thread bound_thread;
  if (match_options.fairness > 0 && options.threads >= 2) {
    bound_thread = std::thread(solve_bound, 1);
    match_options.threads = options.threads - 1;
  }
  absl::StatusOr<PlanOutcome> outcome =
      PlanRounds(compat, avail, match_options, match_options.threads);
  if (bound_thread.joinable()) {
    bound_thread.join();
  } else if (match_options.fairness > 0 && outcome.ok()) {
    solve_bound(options.threads);
  }
  if (!outcome.ok()) return outcome;
  if (match_options.fairness > 0) {
    outcome->stats.upper_bound = f0_bound;
    outcome->stats.seconds.emplace_back("bound", f0_seconds);
  }
  return outcome;
}

}  // namespace fairmatch
