#include "engine/plan/network_simplex.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "engine/plan/arc_pricing.h"

namespace fairmatch {
namespace {

using Value = NetworkSimplex::Value;

// Potentials stay within +-kLimit so that cost + pi(u) - pi(v) cannot
// overflow; beyond it Solve() reports kOverflow.
constexpr Value kLimit = Value{1} << 61;
// Capacity of the artificial arcs: more than any flow.
constexpr Value kInfinite = Value{1} << 60;

constexpr signed char kLower = 1;
constexpr signed char kUpper = -1;
constexpr signed char kTree = 0;

}  // namespace

NetworkSimplex::NetworkSimplex(int num_nodes)
    : num_nodes_(num_nodes), root_(num_nodes) {
  assert(num_nodes >= 0);
  // The artificial arcs (indices 0 .. num_nodes-1) are filled by Start().
  source_.assign(num_nodes, 0);
  target_.assign(num_nodes, 0);
  cap_.assign(num_nodes, kInfinite);
  cost_.assign(num_nodes, 0);
  flow_.assign(num_nodes, 0);
  state_.assign(num_nodes, kTree);
  const int n = num_nodes + 1;
  supply_.assign(n, 0);
  pi_.assign(n, 0);
  parent_.assign(n, -1);
  pred_.assign(n, -1);
  pred_up_.assign(n, 0);
  thread_.assign(n, root_);
  rev_thread_.assign(n, root_);
  succ_num_.assign(n, 1);
  last_succ_.assign(n, root_);
}

void NetworkSimplex::ReserveArcs(int num_arcs) {
  const size_t total = static_cast<size_t>(num_nodes_) + num_arcs;
  source_.reserve(total);
  target_.reserve(total);
  cap_.reserve(total);
  cost_.reserve(total);
  flow_.reserve(total);
  state_.reserve(total);
  lower_.reserve(num_arcs);
  closed_.reserve(num_arcs);
  index_.reserve(num_arcs);
}

int NetworkSimplex::AddArc(int from, int to, Value lower, Value upper,
                           Value cost) {
  assert(from >= 0 && from < num_nodes_ && to >= 0 && to < num_nodes_);
  assert(0 <= lower && lower <= upper);
  assert(!started_ || lower == 0);
  const int id = num_arcs();
  lower_.push_back(lower);
  closed_.push_back(0);
  index_.push_back(static_cast<int>(source_.size()));
  source_.push_back(from);
  target_.push_back(to);
  cap_.push_back(upper - lower);
  cost_.push_back(cost);
  flow_.push_back(0);
  state_.push_back(kLower);
  NoteCost(cost);
  return id;
}

void NetworkSimplex::SetSupply(int node, Value supply) {
  assert(!started_);
  supply_[node] = supply;
}

void NetworkSimplex::NoteCost(Value cost) {
  const Value c = cost < 0 ? -cost : cost;
  if (c <= max_cost_) return;
  max_cost_ = c;
  if (!started_) return;
  // A larger cost: M grows, on the artificial arcs from the root and on
  // the closed arcs, and the potentials are recomputed.
  big_m_ = (max_cost_ + 1) * (num_nodes_ + 2);
  for (int u = 0; u < num_nodes_; ++u) {
    if (source_[u] == root_) cost_[u] = big_m_;
  }
  for (int k = 0; k < num_arcs(); ++k) {
    if (closed_[k]) cost_[Index(k)] = big_m_;
  }
  potentials_stale_ = true;
}

void NetworkSimplex::SetCost(int arc, Value cost) {
  const int i = Index(arc);
  if (closed_[arc]) return;  // a closed arc keeps M
  cost_[i] = cost;
  NoteCost(cost);
  if (state_[i] == kTree) potentials_stale_ = true;
}

void NetworkSimplex::Close(int arc) {
  const int i = Index(arc);
  if (closed_[arc]) return;
  closed_[arc] = 1;
  if (!started_) {
    // Not in any basis yet: simply no capacity (its lower bound must be
    // met by no flow, so a positive lower bound makes it infeasible).
    cap_[i] = 0;
    if (lower_[arc] > 0) {
      // Keep the lower bound's flow: it is forced, and Solve() will find
      // it on a closed arc and report kInfeasible.
      cost_[i] = 0;
    }
    return;
  }
  if (flow_[i] == 0 && state_[i] != kTree) {
    cap_[i] = 0;  // at its lower bound: it can never carry flow
  }
  cost_[i] = big_m_;
  if (state_[i] == kTree) potentials_stale_ = true;
}

// Spreads the arcs over the internal order with a stride, so that each
// block of the pricing sees arcs from all over the network rather than a
// few neighbouring nodes' (as LEMON does; it needs far fewer pivots on
// networks built node by node, like the matching's).
void NetworkSimplex::MixArcs() {
  const int arcs = num_arcs();
  if (arcs < 2 || num_nodes_ < 2) return;
  const int skip = std::max(arcs / num_nodes_, 3);
  std::vector<int> position(arcs);
  for (int k = 0, i = 0, j = 0; k < arcs; ++k) {
    position[k] = i;
    if ((i += skip) >= arcs) i = ++j;
  }
  auto permute = [&](auto& v) {
    auto copy = v;
    for (int k = 0; k < arcs; ++k) {
      v[num_nodes_ + position[k]] = copy[num_nodes_ + k];
    }
  };
  permute(source_);
  permute(target_);
  permute(cap_);
  permute(cost_);
  permute(flow_);
  permute(state_);
  for (int k = 0; k < arcs; ++k) index_[k] = num_nodes_ + position[k];
}

void NetworkSimplex::Start() {
  started_ = true;
  MixArcs();
  // Lower bounds into the supplies: flow' = flow - lower.
  std::vector<Value> b(supply_.begin(), supply_.begin() + num_nodes_);
  for (int k = 0; k < num_arcs(); ++k) {
    if (lower_[k] == 0) continue;
    b[source_[Index(k)]] -= lower_[k];
    b[target_[Index(k)]] += lower_[k];
  }
  big_m_ = (max_cost_ + 1) * (num_nodes_ + 2);
  parent_[root_] = -1;
  pi_[root_] = 0;
  // The thread: root, 0, 1, ..., num_nodes - 1, back to the root.
  int previous = root_;
  for (int u = 0; u < num_nodes_; ++u) {
    if (b[u] >= 0) {
      source_[u] = u;
      target_[u] = root_;
      cost_[u] = 0;
      flow_[u] = b[u];
      pred_up_[u] = 1;
      pi_[u] = 0;
    } else {
      source_[u] = root_;
      target_[u] = u;
      cost_[u] = big_m_;
      flow_[u] = -b[u];
      pred_up_[u] = 0;
      pi_[u] = big_m_;
    }
    state_[u] = kTree;
    parent_[u] = root_;
    pred_[u] = u;
    succ_num_[u] = 1;
    last_succ_[u] = u;
    thread_[previous] = u;
    rev_thread_[u] = previous;
    previous = u;
  }
  thread_[previous] = root_;
  rev_thread_[root_] = previous;
  succ_num_[root_] = num_nodes_ + 1;
  last_succ_[root_] = previous;
  InitialPivots(b);
  next_arc_ = num_nodes_;
}

// With one supply node and one demand node (the matching's source and
// sink), the arcs of a reverse search from the demand that could carry all
// the flow pivot in first, when they price in: a cheap path for the flow
// before any block search (LEMON does this too, with a large saving).
void NetworkSimplex::InitialPivots(const std::vector<Value>& b) {
  int supply_node = -1, demand_node = -1;
  for (int u = 0; u < num_nodes_; ++u) {
    if (b[u] == 0) continue;
    int& slot = b[u] > 0 ? supply_node : demand_node;
    if (slot >= 0) return;  // more than one
    slot = u;
  }
  if (supply_node < 0 || demand_node < 0) return;
  const Value total = b[supply_node];
  // Arcs by target.
  const int begin = num_nodes_;
  const int end = static_cast<int>(source_.size());
  std::vector<int> offset(num_nodes_ + 1, 0);
  for (int e = begin; e < end; ++e) ++offset[target_[e] + 1];
  for (int u = 0; u < num_nodes_; ++u) offset[u + 1] += offset[u];
  std::vector<int> in_arcs(end - begin);
  {
    std::vector<int> fill(offset.begin(), offset.end() - 1);
    for (int e = begin; e < end; ++e) in_arcs[fill[target_[e]]++] = e;
  }
  std::vector<char> reached(num_nodes_, 0);
  std::vector<int> stack = {demand_node};
  std::vector<int> arcs;
  reached[demand_node] = 1;
  while (!stack.empty()) {
    const int v = stack.back();
    stack.pop_back();
    if (v == supply_node) break;
    for (int i = offset[v]; i < offset[v + 1]; ++i) {
      const int e = in_arcs[i];
      const int u = source_[e];
      if (reached[u] || cap_[e] < total) continue;
      arcs.push_back(e);
      reached[u] = 1;
      stack.push_back(u);
    }
  }
  for (int e : arcs) {
    if (state_[e] * (cost_[e] + pi_[source_[e]] - pi_[target_[e]]) < 0) {
      Pivot(e);
    }
  }
}

void NetworkSimplex::ComputePotentials() {
  potentials_stale_ = false;
  pi_[root_] = 0;
  // Preorder: each node comes after its parent.
  for (int x = thread_[root_]; x != root_; x = thread_[x]) {
    const Value c = cost_[pred_[x]];
    pi_[x] = pred_up_[x] ? pi_[parent_[x]] - c : pi_[parent_[x]] + c;
    if (pi_[x] > kLimit || pi_[x] < -kLimit) overflow_ = true;
  }
}

// Moves the subtree of u_out (cut from its parent by the leaving arc) to
// hang from v_in by the entering arc, re-rooted at u_in: the stem u_in ..
// u_out reverses, and the thread (the preorder, as a circular list) is
// respliced. The moved subtree's new preorder is u_in's old subtree, then
// each stem node s_i with its old subtree less s_{i-1}'s: the part before
// s_{i-1} in the old thread (s_i first) and the part after it. Each stem
// node's subtree then ends where the moved sequence ends.
void NetworkSimplex::UpdateTree(int in_arc, int u_in, int v_in, int u_out,
                                int join) {
  // The stem and the old thread around each stem node.
  stem_.clear();
  for (int w = u_in;; w = parent_[w]) {
    stem_.push_back(w);
    if (w == u_out) break;
  }
  const int k = static_cast<int>(stem_.size()) - 1;
  stem_last_.resize(k + 1);
  stem_rev_.resize(k + 1);
  stem_after_.resize(k + 1);
  for (int i = 0; i <= k; ++i) {
    stem_last_[i] = last_succ_[stem_[i]];
    stem_rev_[i] = rev_thread_[stem_[i]];
    stem_after_[i] = thread_[stem_last_[i]];
  }
  const int size = succ_num_[u_out];
  const int v_out = parent_[u_out];
  const int old_last = stem_last_[k];  // last of u_out's old subtree
  const int before = stem_rev_[k];     // just before it in the thread
  const int after = stem_after_[k];    // just after it

  // Out of the thread.
  thread_[before] = after;
  rev_thread_[after] = before;
  // The moved sequence, from the pieces of the old thread.
  int tail = stem_last_[0];
  for (int i = 1; i <= k; ++i) {
    thread_[tail] = stem_[i];
    rev_thread_[stem_[i]] = tail;
    tail = stem_rev_[i - 1];
    if (stem_last_[i] != stem_last_[i - 1]) {
      const int piece = stem_after_[i - 1];
      thread_[tail] = piece;
      rev_thread_[piece] = tail;
      tail = stem_last_[i];
    }
  }
  const int last = tail;
  // The old ancestors lose the subtree: those it ended now end before it.
  for (int w = v_out; w != join; w = parent_[w]) succ_num_[w] -= size;
  for (int w = v_out; w >= 0 && last_succ_[w] == old_last; w = parent_[w]) {
    last_succ_[w] = before;
  }
  // Into the thread right after v_in, as its first child.
  const int next = thread_[v_in];
  thread_[v_in] = u_in;
  rev_thread_[u_in] = v_in;
  thread_[last] = next;
  rev_thread_[next] = last;
  for (int w = v_in; w != join; w = parent_[w]) succ_num_[w] += size;
  for (int w = v_in; w >= 0 && last_succ_[w] == v_in; w = parent_[w]) {
    last_succ_[w] = last;
  }
  // The stem reverses: parents, tree arcs, subtree sizes and ends.
  for (int i = k; i >= 1; --i) {
    const int s = stem_[i];
    parent_[s] = stem_[i - 1];
    pred_[s] = pred_[stem_[i - 1]];
    pred_up_[s] = pred_up_[stem_[i - 1]] ? 0 : 1;
    succ_num_[s] = size - succ_num_[stem_[i - 1]];
    last_succ_[s] = last;
  }
  parent_[u_in] = v_in;
  pred_[u_in] = in_arc;
  pred_up_[u_in] = source_[in_arc] == u_in ? 1 : 0;
  succ_num_[u_in] = size;
  last_succ_[u_in] = last;

  // The moved subtree's potentials all shift by one amount (its own tree
  // arcs are unchanged). Only differences of potentials matter, so when
  // the subtree is the larger part of the tree, the rest (the root
  // included) shifts the other way instead: the same reduced costs, at
  // most half the nodes touched. (Moving a subtree that holds most of the
  // attendees is common here; it was most of the solve's time.)
  const Value c = cost_[in_arc];
  const Value sigma =
      (pred_up_[u_in] ? pi_[v_in] - c : pi_[v_in] + c) - pi_[u_in];
  const int end = thread_[last];
  if (2 * size <= num_nodes_ + 1) {
    for (int x = u_in; x != end; x = thread_[x]) {
      pi_[x] += sigma;
      if (pi_[x] > kLimit || pi_[x] < -kLimit) overflow_ = true;
    }
    return;
  }
  for (int x = end; x != u_in; x = thread_[x]) {
    pi_[x] -= sigma;
    if (pi_[x] > kLimit || pi_[x] < -kLimit) overflow_ = true;
  }
  if (pi_[root_] > kLimit / 8 || pi_[root_] < -kLimit / 8) {
    NormalizePotentials();
  }
}

// Shifts every potential so that the root's is 0 again.
void NetworkSimplex::NormalizePotentials() {
  const Value shift = pi_[root_];
  if (shift == 0) return;
  for (Value& p : pi_) {
    p -= shift;
    if (p > kLimit || p < -kLimit) overflow_ = true;
  }
}

// Block search: the most violating arc of the first block (of
// block_size_ arcs, from where the last search stopped) that has one. The
// arcs are scanned in runs that do not wrap (arc_pricing.h).
int NetworkSimplex::FindEnteringArc() {
  const int begin = num_nodes_;
  const int end = static_cast<int>(source_.size());
  if (begin == end) return -1;
  if (next_arc_ < begin || next_arc_ >= end) next_arc_ = begin;
  const ArcArrays arcs{state_.data(), cost_.data(), source_.data(),
                       target_.data(), pi_.data()};
  Value min = 0;
  int in_arc = -1;
  int e = next_arc_;
  for (int scanned = 0; scanned < end - begin;) {
    int count = std::min(block_size_, end - begin - scanned);
    while (count > 0) {
      const int stop = std::min(end, e + count);
      ScanArcs(arcs, e, stop, min, in_arc);
      count -= stop - e;
      scanned += stop - e;
      e = stop == end ? begin : stop;
    }
    if (min < 0) break;
  }
  next_arc_ = e;
  return in_arc;
}

void NetworkSimplex::Pivot(int in_arc) {
  ++pivots_;
  int first, second;
  if (state_[in_arc] == kLower) {
    first = source_[in_arc];
    second = target_[in_arc];
  } else {
    first = target_[in_arc];
    second = source_[in_arc];
  }
  // The join node: where the tree paths of both ends meet.
  // (An ancestor's subtree is larger than its descendants'.)
  int u = first, v = second;
  while (u != v) {
    if (succ_num_[u] < succ_num_[v]) {
      u = parent_[u];
    } else {
      v = parent_[v];
    }
  }
  const int join = u;

  // The cycle is join -> ... -> first -> second -> ... -> join. The
  // leaving arc is its last blocking arc in that order (strongly feasible
  // trees): on first's path the deepest, on second's the highest.
  Value delta = cap_[in_arc];
  int side = 0;
  int u_out = -1;
  for (int w = first; w != join; w = parent_[w]) {
    const int a = pred_[w];
    const Value d = pred_up_[w] ? flow_[a] : cap_[a] - flow_[a];
    if (d < delta) {
      delta = d;
      u_out = w;
      side = 1;
    }
  }
  for (int w = second; w != join; w = parent_[w]) {
    const int a = pred_[w];
    const Value d = pred_up_[w] ? cap_[a] - flow_[a] : flow_[a];
    if (d <= delta) {
      delta = d;
      u_out = w;
      side = 2;
    }
  }

  if (delta > 0) {
    const Value val = state_[in_arc] * delta;
    flow_[in_arc] += val;
    for (int w = source_[in_arc]; w != join; w = parent_[w]) {
      flow_[pred_[w]] += pred_up_[w] ? -val : val;
    }
    for (int w = target_[in_arc]; w != join; w = parent_[w]) {
      flow_[pred_[w]] += pred_up_[w] ? val : -val;
    }
  }
  if (side == 0) {  // the entering arc itself blocks: it changes bound
    state_[in_arc] = static_cast<signed char>(-state_[in_arc]);
    return;
  }

  const int u_in = side == 1 ? first : second;
  const int v_in = side == 1 ? second : first;
  const int leaving = pred_[u_out];
  state_[leaving] = flow_[leaving] == 0 ? kLower : kUpper;
  state_[in_arc] = kTree;

  UpdateTree(in_arc, u_in, v_in, u_out, join);
}

NetworkSimplex::Result NetworkSimplex::Solve() {
  if (!started_) Start();
  Value sum = 0;
  for (int u = 0; u < num_nodes_; ++u) {
    sum += source_[u] == root_ ? -flow_[u] : flow_[u];
  }
  if (sum != 0) return Result::kInfeasible;  // supplies do not balance
  if (potentials_stale_) ComputePotentials();
  const int arcs = num_arcs();
  // Half of LEMON's sqrt(arcs): more pivots, each scanning less. On the L
  // bench fair's networks 10 % more pivots and 10 % less time; the plan of
  // the 100,000 x 1,500 fair 9.9 -> 9.4 s.
  block_size_ = std::max(
      10,
      static_cast<int>(std::sqrt(static_cast<double>(std::max(1, arcs))) / 2));
  while (!overflow_) {
    const int in_arc = FindEnteringArc();
    if (in_arc < 0) break;
    Pivot(in_arc);
  }
  if (overflow_) return Result::kOverflow;
  NormalizePotentials();
  for (int u = 0; u < num_nodes_; ++u) {
    if (flow_[u] != 0) return Result::kInfeasible;
  }
  for (int k = 0; k < arcs; ++k) {
    if (closed_[k] && Flow(k) != 0) return Result::kInfeasible;
  }
  return Result::kOptimal;
}

Value NetworkSimplex::TotalCost() const {
  Value total = 0;
  for (int k = 0; k < num_arcs(); ++k) {
    if (!closed_[k]) total += cost_[Index(k)] * Flow(k);
  }
  return total;
}

}  // namespace fairmatch
