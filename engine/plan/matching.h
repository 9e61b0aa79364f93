// Who meets whom: a maximum-weight b-matching solved exactly as a min-cost
// flow (network_simplex.h, integer costs from ScaledScore).
//
//   source --(attendee cap)--> attendee --(1, -score)--> employer
//          --(employer capacity)--> sink,  plus a free source->sink bypass
//
// attendee cap = min(max_meetings, slots the attendee is available);
// employer capacity = tables x group_size x slots the employer is available.
// A must_meet pair's arc has lower bound 1.
//
// Fairness (objective.fairness = f > 0) makes each attendee's utility
// concave and exact in the flow: the source->attendee arc is split into unit
// arcs whose bonuses decrease, so a first meeting for someone who has none
// outweighs anyone's second, and meetings up to meetings.min outweigh any
// score difference (they carry kMinPriority score units each level):
//   bonus(k) = f * kMinPriority * (min_a - k + 1)            for k <= min_a
//   bonus(k) = f * kSpread * (cap_a - k + 1) / (cap_a - min_a + 1)  k > min_a
// The employer soft minimum (employers.min_meetings) works the same way on
// the employer->sink arc with f * kEmployerPriority. With f = 0 there are no
// bonuses and the flow is exactly the maximum total score.
//
// Candidates are sparse (candidates.h); column generation makes the result
// exact for the full graph: after each solve, every plannable pair outside
// the candidates is priced with the optimal node potentials pi, reduced cost
// rc(a,e) = -w(a,e) + pi(a) - pi(e); pairs with rc < 0 are added (with
// those within a small margin above 0, which the next potentials tend to
// turn negative) and the flow solved again, until no pair has rc < 0.
// For the bipartite b-matching
// polytope the LP is integral, so this proves optimality over all pairs.
//
// Certificate: weak LP duality. For any u, v >= 0,
//   total <= sum_a cap_a u_a + sum_e C_e v_e + sum_{a,e} max(0, w - u_a - v_e)
// over every eligible pair sharing a slot. UpperBound() evaluates it with
// u, v taken from the potentials of an f = 0 solve; it equals the f = 0
// optimum of the relaxation (timing ignored), so 1 - total / bound
// measures both timetabling losses and the price of fairness. The bound of
// the objective actually maximised is simpler: a proven Matching's
// `objective` before any pair is excluded (see Matching::objective and
// MatchingSolver::ObjectiveOf).
#ifndef FAIRMATCH_PLAN_MATCHING_H_
#define FAIRMATCH_PLAN_MATCHING_H_

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "engine/model/fair.h"
#include "engine/plan/availability.h"
#include "engine/plan/candidates.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

inline constexpr double kMinPriority = 16.0;
inline constexpr double kEmployerPriority = 12.0;
inline constexpr double kSpread = 0.25;

enum class MatchStatus { kOptimal, kInfeasible };

struct Matching {
  MatchStatus status = MatchStatus::kOptimal;
  CandidateGraph graph;       // the candidates after column generation
  std::vector<char> matched;  // per pair of `graph`
  int pricing_rounds = 0;     // solves needed until no pair priced in
  int priced_in = 0;          // pairs added by column generation
  // Optimal over every plannable pair (pricing found none to add), not
  // only over the candidates.
  bool proven = false;
  // The objective of this matching in score units: minus the flow's cost
  // (scores, keep bonuses, level and soft-minimum bonuses). When `proven`
  // and nothing is excluded, no plan's objective (ObjectiveOf) exceeds it.
  double objective = 0;
  // Node potentials of the last solve (for pricing and the certificate).
  std::int64_t source_potential = 0;
  std::int64_t sink_potential = 0;
  std::vector<std::int64_t> attendee_potential;
  std::vector<std::int64_t> employer_potential;
  // With MatchingOptions::certify: UpperBound() of this matching, summed in
  // the pricing pass that proved it optimal (the same value, bit for bit;
  // one pass over the pairs fewer). -1 when not computed.
  double upper_bound = -1;
};

struct MatchingOptions {
  double fairness = 0;  // objective.fairness
  // A rerun's unpinned baseline pairs (sorted pair codes), which get
  // `change_penalty` score units of bonus; null outside reruns.
  const std::vector<std::int64_t>* sticky = nullptr;
  double change_penalty = 0;
  int k = 8;  // initial candidates per attendee
  // The initial candidates, when the caller built them already (the plan's
  // two solvers share them); else BuildCandidates with `k` and `sticky`.
  const CandidateGraph* candidates = nullptr;
  int threads = 1;
  int max_pricing_rounds = 20;
  // An f = 0 solve without keep bonuses whose duals certify the plan: the
  // pass that proves it optimal also sums the bound (Matching::upper_bound).
  bool certify = false;
};

// Attendee a's meeting cap in the flow: min(max_meetings - pinned meetings,
// free available slots).
int AttendeeCap(const Fair& fair, const Availability& avail, int a);
// Employer e's attendee-meeting capacity: group size x the tables free in
// its available slots (tables x slots without a rerun), and no more than
// its tables can give with their rests (employers.max_consecutive; see
// TableSlotsWithRests), so the matching does not promise seats the
// timetable cannot keep.
std::int64_t EmployerCapacity(const Fair& fair, const Availability& avail,
                              int e);

class NetworkSimplex;

// Solves the matching again as the planner's rounds exclude pairs. The
// first Solve() builds the candidates and the network; each later one
// closes the newly excluded pairs' arcs and continues from the last optimal
// basis (NetworkSimplex's warm start), as does every column-generation
// round within a Solve(): a few pivots instead of a solve from scratch.
// Pairs excluded stay in `graph` (never matched).
class MatchingSolver {
 public:
  MatchingSolver(const Compatibility& compat, const Availability& avail,
                 const MatchingOptions& options);
  ~MatchingSolver();
  MatchingSolver(const MatchingSolver&) = delete;
  MatchingSolver& operator=(const MatchingSolver&) = delete;

  // The optimum over all plannable pairs not in `excluded` (sorted codes).
  // With `price` false, only over the candidates (one warm solve, no pass
  // over all pairs); Prove() then finishes the job.
  // REQUIRES: `excluded` contains the previous call's.
  const Matching& Solve(const PairCodes& excluded, bool price = true);
  // Column generation from the last Solve(): true when the matching was
  // already optimal over all plannable pairs; false when pairs came in and
  // the matching (now proven optimal) may have changed.
  bool Prove(const PairCodes& excluded);
  // The matching of the last Solve() or Prove().
  const Matching& current() const { return out_; }

  // The objective the flow maximises, in score units, of a plan's
  // (attendee, employer) pairs (pinned meetings of a rerun not included):
  // their scores and keep bonuses, each attendee's level bonuses for as
  // many meetings as it has, each employer's soft-minimum bonuses.
  double ObjectiveOf(const std::vector<std::pair<int, int>>& pairs) const;

 private:
  // A pair's worth in integer units: its score and any keep bonus.
  std::int64_t PairUnits(int a, int e, float score) const;
  std::int64_t PairCost(int a, int i) const;
  void Build(const PairCodes& excluded);
  void CloseExcluded(const PairCodes& excluded);
  bool Extend(const std::vector<std::vector<int>>& extra);
  bool SolveFlow(const PairCodes& excluded);
  void PriceUntilOptimal(const PairCodes& excluded);

  const Compatibility& compat_;
  const Availability& avail_;
  MatchingOptions options_;
  Matching out_;
  std::unique_ptr<NetworkSimplex> net_;
  std::vector<int> pair_arc_;  // per pair of out_.graph: its arc
  std::vector<char> closed_;   // per pair: excluded, its arc closed
};

// Solves the matching over all plannable pairs not in `excluded` (one
// MatchingSolver::Solve()).
Matching SolveMatching(const Compatibility& compat, const Availability& avail,
                       const PairCodes& excluded,
                       const MatchingOptions& options);

// The weak-duality bound above, in score units, from an f = 0 matching,
// over what `avail` leaves free (pinned meetings of a rerun not included).
// REQUIRES: `f0` was solved with fairness 0 and status kOptimal.
double UpperBound(const Compatibility& compat, const Availability& avail,
                  const Matching& f0, int threads);

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_MATCHING_H_
