#include "engine/plan/planner.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/plan/availability.h"
#include "engine/plan/matching.h"
#include "engine/plan/seat_left_out.h"
#include "engine/plan/timetable.h"

namespace fairmatch {
namespace {

constexpr int kMaxRounds = 12;
constexpr int kCandidatesPerAttendee = 16;

std::string Who(const Profile& p) {
  return absl::StrCat(p.id, " (", p.name, ")");
}

// Must-meet requests that no plan can satisfy, one sentence each.
std::vector<std::string> DiagnoseMustMeets(const Fair& fair,
                                           const PairRules& rules,
                                           const Availability& avail) {
  std::vector<std::string> problems;
  std::vector<std::int64_t> demand(fair.num_employers(), 0);
  for (int a = 0; a < fair.num_attendees(); ++a) {
    const Attendee& att = fair.attendees[a];
    const std::vector<int>& must_meet = rules.MustMeets(a);  // either side's
    if (must_meet.empty()) continue;
    const int cap = AttendeeCap(fair, avail, a);
    int open_must = 0;
    for (int e : must_meet) open_must += avail.Pinned(a, e) ? 0 : 1;
    if (open_must > cap) {
      problems.push_back(absl::StrCat(
          "attendee ", Who(att), " must meet ", open_must,
          open_must == static_cast<int>(must_meet.size()) ? "" : " more",
          " employers but can have at most ", cap, " meetings (max_meetings ",
          fair.MaxMeetings(a), ", ", avail.AttendeeSlots(a),
          " available slots); raise max_meetings or shorten must_meet"));
    }
    for (int e : must_meet) {
      if (avail.Pinned(a, e)) continue;  // a rerun already holds it
      ++demand[e];
      if (!avail.ShareSlot(a, e)) {
        problems.push_back(absl::StrCat(
            "attendee ", Who(att), " must meet ", Who(fair.employers[e]),
            " but they share no free slot: the attendee is available ",
            FormatWindows(att.available), ", the employer ",
            FormatWindows(fair.employers[e].available),
            "; widen one side's `available` or drop the must_meet"));
      }
    }
  }
  for (int e = 0; e < fair.num_employers(); ++e) {
    const std::int64_t cap = EmployerCapacity(fair, avail, e);
    if (demand[e] > cap) {
      problems.push_back(absl::StrCat(
          "employer ", Who(fair.employers[e]), " is a must_meet of ", demand[e],
          " attendees but can hold only ", cap, " attendee-meetings (",
          fair.employers[e].tables, " tables x group ", fair.GroupSize(e),
          " x ", avail.EmployerSlots(e),
          " slots); add tables, raise group_size or move some must_meets"));
    }
  }
  return problems;
}

// Adds the seconds since `start` to the named part of `stats`.
void AddSeconds(PlanStats& stats, const std::string& part,
                std::chrono::steady_clock::time_point start) {
  const double d =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  for (auto& [name, seconds] : stats.seconds) {
    if (name == part) {
      seconds += d;
      return;
    }
  }
  stats.seconds.emplace_back(part, d);
}

const BaselinePair* FindBaseline(const Rerun& rerun, int a, int e) {
  const auto it = std::lower_bound(
      rerun.pairs.begin(), rerun.pairs.end(), std::make_pair(a, e),
      [](const BaselinePair& p, const std::pair<int, int>& key) {
        return std::make_pair(p.attendee, p.employer) < key;
      });
  if (it == rerun.pairs.end() || it->attendee != a || it->employer != e) {
    return nullptr;
  }
  return &*it;
}

// Puts a rerun's pinned meetings, exactly as in the baseline, into the
// schedule (which holds none of their seats: Availability kept them out).
void AddPinnedMeetings(const Rerun& rerun, Schedule& schedule) {
  std::vector<const BaselinePair*> pinned;
  for (const BaselinePair& p : rerun.pairs) {
    if (p.pinned()) pinned.push_back(&p);
  }
  auto cell = [](const BaselinePair* p) {
    return std::tie(p->slot, p->employer, p->table, p->history);
  };
  std::sort(pinned.begin(), pinned.end(),
            [&](const BaselinePair* x, const BaselinePair* y) {
              return std::tuple_cat(cell(x), std::tie(x->attendee)) <
                     std::tuple_cat(cell(y), std::tie(y->attendee));
            });
  for (size_t i = 0; i < pinned.size();) {
    Meeting m;
    m.slot = pinned[i]->slot;
    m.employer = pinned[i]->employer;
    m.table = pinned[i]->table;
    // History stays history in later reruns; locked meetings stay locked.
    m.history = pinned[i]->history;
    m.locked = !m.history;
    const BaselinePair* first = pinned[i];
    for (; i < pinned.size() && cell(pinned[i]) == cell(first); ++i) {
      m.attendees.push_back(pinned[i]->attendee);
    }
    schedule.meetings.push_back(std::move(m));
  }
  SortMeetings(schedule);
}

absl::Status Infeasible(const std::vector<std::string>& problems) {
  return absl::FailedPreconditionError(absl::StrJoin(problems, "\n"));
}

absl::Status MustMeetsConflict() {
  return Infeasible(
      {"the must_meet requests cannot all be met together "
       "within attendees' caps and employers' capacities; "
       "run `fairmatch explain` on the attendees concerned "
       "or shorten must_meet lists"});
}

// The pairs `matching` matched, in candidate order; in a rerun each with
// its baseline place.
std::vector<MatchedPair> MatchedPairs(const Matching& matching,
                                      const Rerun* rerun) {
  const CandidateGraph& cg = matching.graph;
  std::vector<MatchedPair> pairs;
  for (int a = 0; a < cg.num_attendees(); ++a) {
    for (int i = cg.offset[a]; i < cg.offset[a + 1]; ++i) {
      if (!matching.matched[i]) continue;
      MatchedPair p{a, cg.employer[i], cg.must[i] != 0, cg.score[i]};
      if (rerun != nullptr) {
        if (const BaselinePair* b = FindBaseline(*rerun, a, p.employer)) {
          p.preferred_slot = b->slot;
          p.preferred_table = b->table;
        }
      }
      pairs.push_back(p);
    }
  }
  return pairs;
}

// The matching's objective of the meetings in `schedule`.
double Objective(const MatchingSolver& solver, const Schedule& schedule) {
  std::vector<std::pair<int, int>> pairs;
  for (const Meeting& m : schedule.meetings) {
    for (int a : m.attendees) pairs.emplace_back(a, m.employer);
  }
  return solver.ObjectiveOf(pairs);
}

using PlacedPairs = absl::flat_hash_map<std::int64_t, int>;

// A re-matching round changes a few pairs; the others go back to the slot
// the round before gave them, as a rerun's kept pairs do to their baseline
// slot (placed first, moved only for a must_meet), and the repair works
// only for the pairs that changed. With table rests this is what keeps the
// rounds cheap (at L with max_consecutive=3: the plan from 49 s to 17 s,
// for 0.02% of the total score; docs/algorithms.md, Measured results).
void SlotsFromPreviousRound(const PlacedPairs& placed, const Fair& fair,
                            std::vector<MatchedPair>& pairs) {
  for (MatchedPair& p : pairs) {
    const auto it =
        placed.find(PairCode(p.attendee, p.employer, fair.num_employers()));
    if (it != placed.end()) p.preferred_slot = it->second;
  }
}

// AssignTables for the pairs AssignSlots gave a slot.
Schedule TablesForPlaced(const Fair& fair, const Availability& avail,
                         const std::vector<MatchedPair>& pairs,
                         const std::vector<int>& slots) {
  std::vector<MatchedPair> placed;
  std::vector<int> placed_slots;
  for (size_t p = 0; p < pairs.size(); ++p) {
    if (slots[p] < 0) continue;
    placed.push_back(pairs[p]);
    placed_slots.push_back(slots[p]);
  }
  return AssignTables(fair, avail, placed, placed_slots);
}

// Matching, then timetabling; pairs that get no slot are excluded and the
// matching solved again, until every matched pair has a slot.
// `bound_from_first`: the first round's matching is an f = 0 one, whose
// potentials give the certificate.
absl::StatusOr<PlanOutcome> PlanRounds(const Compatibility& compat,
                                       const Availability& avail,
                                       MatchingSolver& solver,
                                       bool bound_from_first, int threads) {
  const Fair& fair = compat.fair();
  PlanOutcome outcome;
  PairCodes excluded;
  // Each round after the first continues from the one before (the same
  // candidates and flow, less the pairs excluded) and solves over the
  // candidates only, a warm solve of a few pivots; the pass over all pairs
  // that proves the matching optimal waits for the round that would end
  // the plan, and when pairs come in there, the changed matching gets its
  // own round.
  bool solve = true;
  PlacedPairs placed;  // the previous round's slots, by pair code
  for (int round = 1;; ++round) {
    auto start = std::chrono::steady_clock::now();
    const Matching& matching =
        solve ? solver.Solve(excluded, /*price=*/round == 1) : solver.current();
    AddSeconds(outcome.stats, "match", start);
    if (matching.status != MatchStatus::kOptimal) return MustMeetsConflict();
    if (round == 1 && matching.proven) {
      // Nothing is excluded yet: the optimum over all plannable pairs.
      outcome.stats.objective_bound = matching.objective;
    }
    if (round == 1 && bound_from_first) {
      // The certificate: the duals of this f = 0 solve give the bound,
      // summed by the pass that proved it when there was one.
      start = std::chrono::steady_clock::now();
      outcome.stats.upper_bound =
          matching.upper_bound >= 0
              ? matching.upper_bound
              : UpperBound(compat, avail, matching, threads);
      AddSeconds(outcome.stats, "bound", start);
    }
    start = std::chrono::steady_clock::now();
    const CandidateGraph& cg = matching.graph;
    const Rerun* rerun = avail.rerun();
    std::vector<MatchedPair> pairs = MatchedPairs(matching, rerun);
    if (rerun == nullptr) SlotsFromPreviousRound(placed, fair, pairs);
    const std::vector<int> slots = AssignSlots(fair, avail, pairs);
    placed.clear();
    for (size_t p = 0; p < pairs.size(); ++p) {
      if (slots[p] < 0) continue;
      placed.emplace(
          PairCode(pairs[p].attendee, pairs[p].employer, fair.num_employers()),
          slots[p]);
    }
    AddSeconds(outcome.stats, "timetable", start);
    // Must_meets left without a slot fail the plan; every unplaced pair is
    // excluded from the next round.
    std::vector<std::string> unplaced_must_meets;
    PairCodes unplaced;
    for (size_t p = 0; p < pairs.size(); ++p) {
      if (slots[p] >= 0) continue;
      if (pairs[p].must) {
        unplaced_must_meets.push_back(absl::StrCat(
            "attendee ", Who(fair.attendees[pairs[p].attendee]), " must meet ",
            Who(fair.employers[pairs[p].employer]),
            " but no slot is free for both once other must_meets are placed"));
      }
      unplaced.push_back(
          PairCode(pairs[p].attendee, pairs[p].employer, fair.num_employers()));
    }
    outcome.stats.match_rounds = round;
    outcome.stats.pricing_rounds = matching.pricing_rounds;
    outcome.stats.priced_in = matching.priced_in;
    outcome.stats.candidate_pairs = cg.num_pairs();
    if (!unplaced_must_meets.empty()) return Infeasible(unplaced_must_meets);
    if (unplaced.empty() || round >= kMaxRounds) {
      if (!matching.proven) {
        start = std::chrono::steady_clock::now();
        const bool unchanged = solver.Prove(excluded);
        AddSeconds(outcome.stats, "match", start);
        if (matching.status != MatchStatus::kOptimal) {
          return MustMeetsConflict();
        }
        if (!unchanged) {
          solve = false;
          continue;
        }
      }
      // Out of rounds: unplaced pairs are simply not planned (still valid).
      outcome.stats.excluded_pairs =
          static_cast<int>(excluded.size() + unplaced.size());
      outcome.schedule = TablesForPlaced(fair, avail, pairs, slots);
      if (rerun == nullptr) {
        outcome.stats.seated_left_out = SeatLeftOut(compat, &outcome.schedule);
      }
      outcome.stats.objective = Objective(solver, outcome.schedule);
      if (rerun != nullptr) AddPinnedMeetings(*rerun, outcome.schedule);
      return outcome;
    }
    excluded.insert(excluded.end(), unplaced.begin(), unplaced.end());
    std::sort(excluded.begin(), excluded.end());
    solve = true;
  }
}

}  // namespace

absl::StatusOr<PlanOutcome> Plan(const Compatibility& compat,
                                 const PlanOptions& options) {
  const Fair& fair = compat.fair();
  const Availability avail(fair, options.rerun);
  if (std::vector<std::string> problems =
          DiagnoseMustMeets(fair, compat.rules(), avail);
      !problems.empty()) {
    return Infeasible(problems);
  }

  MatchingOptions match_options;
  match_options.fairness = fair.config.fairness;
  match_options.k =
      std::max(kCandidatesPerAttendee, 2 * fair.config.meetings_max);
  match_options.threads = options.threads;
  std::vector<std::int64_t> sticky;
  if (options.rerun != nullptr) {
    sticky = RerunPairCodes(*options.rerun, fair.num_employers(),
                            PairSet::kUnpinned);
    match_options.sticky = &sticky;
    match_options.change_penalty = options.rerun->change_penalty;
  }

  // The certificate for f > 0 (and for a rerun, whose matching carries
  // keep bonuses) needs the duals of a plain f = 0 solve. That one has its
  // own solver, on the network of the plain objective, and runs with the
  // bound's pass over the pairs beside the real objective's solve and
  // rounds, which start from scratch: warm from the f = 0 optimum, the
  // real objective took more pivots than a cold solve (at 100,000 x 1,500,
  // 4.6 million against 1.3 million). Each side is deterministic, so the
  // result does not depend on the thread count.
  const bool separate_bound =
      match_options.fairness > 0 || match_options.sticky != nullptr;
  match_options.certify = !separate_bound;
  CandidateGraph candidates;
  if (separate_bound) {
    // Built once for both solvers (the f = 0 one gets a rerun's baseline
    // pairs too, which the pricing would otherwise weigh anyway).
    candidates = BuildCandidates(compat, avail, {}, match_options.k,
                                 match_options.threads, sticky);
    match_options.candidates = &candidates;
  }
  MatchingSolver solver(compat, avail, match_options);
  double f0_bound = -1;
  double f0_seconds = 0;
  std::thread bound_thread;
  if (separate_bound) {
    auto bound = [&] {
      const auto start = std::chrono::steady_clock::now();
      MatchingOptions plain = match_options;
      plain.fairness = 0;
      plain.sticky = nullptr;  // no keep bonuses
      plain.threads = 1;
      plain.certify = true;
      MatchingSolver f0_solver(compat, avail, plain);
      const Matching& f0 = f0_solver.Solve({});
      // Infeasible only if the real objective is too (the same network but
      // for its costs), and PlanRounds reports that.
      if (f0.status == MatchStatus::kOptimal) {
        f0_bound = f0.upper_bound >= 0 ? f0.upper_bound
                                       : UpperBound(compat, avail, f0, 1);
      }
      f0_seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start)
                       .count();
    };
    if (options.threads >= 2) {
      bound_thread = std::thread(bound);
    } else {
      bound();
    }
  }
  absl::StatusOr<PlanOutcome> outcome =
      PlanRounds(compat, avail, solver, !separate_bound, match_options.threads);
  if (bound_thread.joinable()) bound_thread.join();
  if (!outcome.ok()) return outcome;
  if (separate_bound) {
    outcome->stats.upper_bound = f0_bound;
    outcome->stats.seconds.emplace_back("bound", f0_seconds);
  }
  // The bound covers what was left free; pinned meetings add their scores.
  if (options.rerun != nullptr && outcome->stats.upper_bound >= 0) {
    double pinned_score = 0;
    for (const BaselinePair& p : options.rerun->pairs) {
      if (p.pinned()) pinned_score += compat.Pair(p.attendee, p.employer).score;
    }
    outcome->stats.upper_bound += pinned_score;
  }
  return outcome;
}

}  // namespace fairmatch
