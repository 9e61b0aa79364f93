// Minimum-cost flow by the primal network simplex, with warm starts.
//
// The matching solves one flow network many times with small changes:
// column generation adds arcs, the re-matching rounds forbid pairs the
// timetable could not place, and the certificate re-solves the same
// network with other costs. A solver that starts each time from the last
// optimal basis does a few pivots where a cold start does a whole solve,
// which is why this one exists beside LEMON (which the tests use as the
// reference).
//
// Method: the spanning-tree basis is kept strongly feasible (Cunningham's
// rule: the leaving arc is the last blocking arc of the cycle, walked from
// the join node in the cycle's direction), which rules out cycling on
// these very degenerate networks. It starts from an artificial root: a
// node with supply s >= 0 has an arc to the root (cost 0, flow s), one
// with s < 0 an arc from it (cost M, flow -s). Pricing is block search
// (blocks of about sqrt(arcs) / 2). Lower bounds are moved into the supplies.
//
// Big M: M = (C + 1) * (nodes + 2), where C is the largest |cost| of an
// open arc (M grows when a larger cost comes in). Any simple cycle of real
// arcs costs less than M, so an optimum with flow on an artificial arc, or
// on a closed arc (whose cost is M), proves that no flow without them
// exists: Solve() then reports kInfeasible.
//
// Potentials follow LEMON's convention: the reduced cost of arc (u, v) is
// cost + potential(u) - potential(v), >= 0 at lower bound, <= 0 at upper
// bound, 0 in the tree.
//
// Warm starts: after a Solve(), AddArc (lower bound 0; the arc starts at
// flow 0), SetCost and Close keep the basis feasible, and the next Solve()
// continues from it. The result is an optimum of the changed network; which
// one, among tied optima, depends on the history of changes, which is
// deterministic.
#ifndef FAIRMATCH_PLAN_NETWORK_SIMPLEX_H_
#define FAIRMATCH_PLAN_NETWORK_SIMPLEX_H_

#include <cstdint>
#include <vector>

namespace fairmatch {

class NetworkSimplex {
 public:
  using Value = std::int64_t;
  // kOverflow: a potential left +-2^61 (only possible with many closed
  // arcs on one tree path and huge costs); the caller solves again from
  // scratch without the closed arcs.
  enum class Result { kOptimal, kInfeasible, kOverflow };

  explicit NetworkSimplex(int num_nodes);

  // Adds arc from -> to with lower <= flow <= upper and the given cost;
  // returns its id (0, 1, 2, ... in order). After a Solve(), lower must be
  // 0. REQUIRES: 0 <= lower <= upper, both nodes < num_nodes.
  int AddArc(int from, int to, Value lower, Value upper, Value cost);
  // Supply (> 0) or demand (< 0) of a node; the supplies must sum to 0.
  // Only before the first Solve().
  void SetSupply(int node, Value supply);
  // Reserves room for this many arcs.
  void ReserveArcs(int num_arcs);

  // Changes an arc's cost; the basis stays.
  void SetCost(int arc, Value cost);
  // Forbids flow on the arc from now on (it gets cost M; see above).
  void Close(int arc);

  // Solves from the current basis (the artificial one the first time).
  Result Solve();

  // After an optimal Solve():
  Value Flow(int arc) const { return flow_[Index(arc)] + lower_[arc]; }
  Value Potential(int node) const { return pi_[node]; }
  // Sum of cost x flow over the arcs that are not closed.
  Value TotalCost() const;

  int num_nodes() const { return num_nodes_; }
  int num_arcs() const { return static_cast<int>(lower_.size()); }
  // Pivots done by every Solve() so far (for the benchmark's statistics).
  std::int64_t pivots() const { return pivots_; }

 private:
  // Internal arc index of arc id `arc`. The artificial arc of node u is
  // index u; the others follow, mixed (see Start()).
  int Index(int arc) const { return index_[arc]; }
  void MixArcs();
  void Start();
  void InitialPivots(const std::vector<Value>& b);
  void NoteCost(Value cost);
  void ComputePotentials();
  void NormalizePotentials();
  int FindEnteringArc();
  void Pivot(int in_arc);
  void UpdateTree(int in_arc, int u_in, int v_in, int u_out, int join);

  int num_nodes_;
  int root_;
  Value max_cost_ = 0;  // largest |cost| of an open arc
  Value big_m_ = 0;
  bool overflow_ = false;
  bool started_ = false;
  bool potentials_stale_ = false;
  std::int64_t pivots_ = 0;

  // Per internal arc.
  std::vector<int> source_, target_;
  std::vector<Value> cap_, cost_, flow_;
  std::vector<signed char> state_;  // +1 at lower, -1 at upper, 0 in tree
  // Per arc id: lower bound moved into the supplies, and closed flag.
  std::vector<Value> lower_;
  std::vector<char> closed_;
  std::vector<int> index_;
  // Per node (the root included).
  std::vector<Value> supply_, pi_;
  std::vector<int> parent_, pred_;
  std::vector<signed char> pred_up_;  // 1: pred_ arc is node -> parent
  // The tree's preorder as a circular list from the root (thread_, and
  // rev_thread_ backwards); each subtree is the run from its root to
  // last_succ_, of succ_num_ nodes.
  std::vector<int> thread_, rev_thread_, succ_num_, last_succ_;
  // Scratch for UpdateTree: the stem and its old thread neighbours.
  std::vector<int> stem_, stem_last_, stem_rev_, stem_after_;
  // Block search.
  int block_size_ = 0;
  int next_arc_ = 0;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_NETWORK_SIMPLEX_H_
