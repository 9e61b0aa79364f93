#include "engine/plan/network_simplex.h"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace fairmatch {
namespace {

using Value = NetworkSimplex::Value;
using Result = NetworkSimplex::Result;

// A number in [lo, hi] from the generator's raw output, so that every
// platform draws the same instances (std::uniform_int_distribution is not
// specified to the bit).
Value Rand(std::mt19937_64& rng, Value lo, Value hi) {
  const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<Value>(rng() % span);
}

// True with probability 1 / n.
bool OneIn(std::mt19937_64& rng, int n) { return Rand(rng, 1, n) == 1; }

// The network as the test knows it, mirrored into the solver and solved
// from scratch by LEMON.
struct Arc {
  int from, to;
  Value lower, upper, cost;
  bool closed = false;
};

struct Network {
  int nodes = 0;
  std::vector<Value> supply;
  std::vector<Arc> arcs;
};

std::string Describe(const Network& net) {
  std::ostringstream out;
  out << "nodes " << net.nodes << ", supplies {";
  for (int u = 0; u < net.nodes; ++u) {
    out << (u ? ", " : "") << net.supply[u];
  }
  out << "}\n";
  for (size_t k = 0; k < net.arcs.size(); ++k) {
    const Arc& a = net.arcs[k];
    out << "  arc " << k << ": " << a.from << " -> " << a.to << " [" << a.lower
        << ", " << a.upper << "] cost " << a.cost << (a.closed ? " closed" : "")
        << "\n";
  }
  return out.str();
}

const char* Name(Result result) {
  switch (result) {
    case Result::kOptimal:
      return "kOptimal";
    case Result::kInfeasible:
      return "kInfeasible";
    case Result::kOverflow:
      return "kOverflow";
  }
  return "?";
}

// LEMON's answer from scratch. A closed arc is left out; one with a
// positive lower bound cannot carry no flow, so the network is infeasible.
struct Reference {
  bool optimal = false;
  Value cost = 0;
};

Reference SolveWithLemon(const Network& net) {
  Value sum = 0;
  for (Value s : net.supply) sum += s;
  if (sum != 0) return {};  // the contract: supplies sum to 0
  for (const Arc& a : net.arcs) {
    if (a.closed && a.lower > 0) return {};
  }
  using Graph = lemon::SmartDigraph;
  Graph g;
  std::vector<Graph::Node> nodes;
  for (int u = 0; u < net.nodes; ++u) nodes.push_back(g.addNode());
  std::vector<std::pair<Graph::Arc, const Arc*>> arcs;
  for (const Arc& a : net.arcs) {
    if (a.closed) continue;
    arcs.emplace_back(g.addArc(nodes[a.from], nodes[a.to]), &a);
  }
  Graph::ArcMap<Value> lower(g), upper(g), cost(g);
  Graph::NodeMap<Value> supply(g);
  for (const auto& [arc, a] : arcs) {
    lower[arc] = a->lower;
    upper[arc] = a->upper;
    cost[arc] = a->cost;
  }
  for (int u = 0; u < net.nodes; ++u) supply[nodes[u]] = net.supply[u];
  lemon::NetworkSimplex<Graph, Value, Value> lemon_ns(g);
  lemon_ns.lowerMap(lower).upperMap(upper).costMap(cost).supplyMap(supply);
  const auto status = lemon_ns.run();
  REQUIRE(status != lemon::NetworkSimplex<Graph, Value, Value>::UNBOUNDED);
  Reference ref;
  ref.optimal = status == lemon::NetworkSimplex<Graph, Value, Value>::OPTIMAL;
  if (ref.optimal) ref.cost = lemon_ns.totalCost();
  return ref;
}

// The solver for `net` from scratch: every arc, the supplies, and the
// closed arcs closed before the first Solve().
void Load(const Network& net, NetworkSimplex& ns) {
  ns.ReserveArcs(static_cast<int>(net.arcs.size()));
  for (const Arc& a : net.arcs) {
    ns.AddArc(a.from, a.to, a.lower, a.upper, a.cost);
  }
  for (int u = 0; u < net.nodes; ++u) ns.SetSupply(u, net.supply[u]);
  for (size_t k = 0; k < net.arcs.size(); ++k) {
    if (net.arcs[k].closed) ns.Close(static_cast<int>(k));
  }
}

// What is wrong with the solver's answer `result` on `net`, or "" if
// nothing: the result must agree with LEMON's; an optimum must cost what
// LEMON's does, respect the bounds (0 on a closed arc) and the supplies,
// and come with potentials that prove it optimal.
std::string Mismatch(const NetworkSimplex& ns, Result result,
                     const Network& net, const Reference& ref) {
  std::ostringstream out;
  if (result == Result::kOverflow) return "kOverflow";
  if ((result == Result::kOptimal) != ref.optimal) {
    out << "got " << Name(result) << ", LEMON says "
        << (ref.optimal ? "OPTIMAL" : "INFEASIBLE");
    return out.str();
  }
  if (!ref.optimal) return "";
  if (ns.num_arcs() != static_cast<int>(net.arcs.size())) {
    out << "num_arcs() " << ns.num_arcs() << ", expected " << net.arcs.size();
    return out.str();
  }
  if (ns.TotalCost() != ref.cost) {
    out << "TotalCost() " << ns.TotalCost() << ", LEMON " << ref.cost;
    return out.str();
  }
  Value cost = 0;
  std::vector<Value> balance(net.nodes, 0);
  for (int k = 0; k < ns.num_arcs(); ++k) {
    const Arc& a = net.arcs[k];
    const Value flow = ns.Flow(k);
    const Value lower = a.closed ? 0 : a.lower;
    const Value upper = a.closed ? 0 : a.upper;
    if (flow < lower || flow > upper) {
      out << "arc " << k << " has flow " << flow << " outside [" << lower
          << ", " << upper << "]";
      return out.str();
    }
    balance[a.from] += flow;
    balance[a.to] -= flow;
    if (a.closed) continue;
    cost += a.cost * flow;
    if (lower == upper) continue;
    const Value rc = a.cost + ns.Potential(a.from) - ns.Potential(a.to);
    const bool ok = flow == lower ? rc >= 0 : flow == upper ? rc <= 0 : rc == 0;
    if (!ok) {
      out << "arc " << k << " at flow " << flow << " has reduced cost " << rc
          << " (potentials " << ns.Potential(a.from) << ", "
          << ns.Potential(a.to) << ")";
      return out.str();
    }
  }
  if (cost != ns.TotalCost()) {
    out << "TotalCost() " << ns.TotalCost() << " but the flows cost " << cost;
    return out.str();
  }
  for (int u = 0; u < net.nodes; ++u) {
    if (balance[u] != net.supply[u]) {
      out << "node " << u << " sends " << balance[u] << ", supply "
          << net.supply[u];
      return out.str();
    }
  }
  return "";
}

// Prints the first few failures in full, and counts them all.
class Failures {
 public:
  void Note(const std::string& problem, const std::string& instance) {
    if (problem.empty()) return;
    if (++count_ <= 5) FAIL_CHECK(problem << "\non\n" << instance);
  }
  int count() const { return count_; }

 private:
  int count_ = 0;
};

Arc RandomArc(std::mt19937_64& rng, int nodes, int lower_one_in) {
  Arc a;
  a.from = static_cast<int>(Rand(rng, 0, nodes - 1));
  a.to = static_cast<int>((a.from + Rand(rng, 1, nodes - 1)) % nodes);
  a.lower = lower_one_in > 0 && OneIn(rng, lower_one_in) ? Rand(rng, 1, 3) : 0;
  a.upper = a.lower + Rand(rng, 0, 8);
  a.cost = Rand(rng, -50, 50);
  return a;
}

// The shape of the random networks.
struct Shape {
  int min_nodes = 2, max_nodes = 12;
  int max_arcs = 40;
  int max_moves = 4;  // of 1-6 units of supply from a node to another
  // One arc in `lower_one_in` has a lower bound of 1-3, one in
  // `closed_one_in` is closed before the first Solve(), and a random
  // Close() picks an arc with a lower bound (which makes the network
  // infeasible for good) one time in `forced_close_one_in`, else none.
  int lower_one_in = 8;
  int closed_one_in = 20;
  int forced_close_one_in = 1;
};

// Nodes and arcs (parallel ones too, no loops) as `shape` says, lower
// bounds mostly 0, supplies that sum to 0 (all 0 in a quarter of the
// networks), a few arcs closed from the start. By default: 2-12 nodes,
// 0-40 arcs.
Network RandomNetwork(std::mt19937_64& rng, const Shape& shape = {}) {
  Network net;
  net.nodes = static_cast<int>(Rand(rng, shape.min_nodes, shape.max_nodes));
  net.supply.assign(net.nodes, 0);
  const int arcs = static_cast<int>(Rand(rng, 0, shape.max_arcs));
  for (int k = 0; k < arcs; ++k) {
    net.arcs.push_back(RandomArc(rng, net.nodes, shape.lower_one_in));
    net.arcs.back().closed = OneIn(rng, shape.closed_one_in);
  }
  if (!OneIn(rng, 4)) {
    const int moves = static_cast<int>(Rand(rng, 1, shape.max_moves));
    for (int i = 0; i < moves; ++i) {
      const int u = static_cast<int>(Rand(rng, 0, net.nodes - 1));
      const int v =
          static_cast<int>((u + Rand(rng, 1, net.nodes - 1)) % net.nodes);
      const Value amount = Rand(rng, 1, 6);
      net.supply[u] += amount;
      net.supply[v] -= amount;
    }
  }
  return net;
}

TEST_CASE("random small networks are solved like LEMON solves them", "[plan]") {
  std::mt19937_64 rng(20240611);
  constexpr int kInstances = 2000;
  int optimal = 0, infeasible = 0, nonzero = 0;
  Failures failures;
  for (int i = 0; i < kInstances; ++i) {
    const Network net = RandomNetwork(rng);
    NetworkSimplex ns(net.nodes);
    Load(net, ns);
    const Result result = ns.Solve();
    const Reference ref = SolveWithLemon(net);
    (ref.optimal ? optimal : infeasible) += 1;
    if (ref.optimal && ref.cost != 0) ++nonzero;
    std::ostringstream instance;
    instance << "instance " << i << ": " << Describe(net);
    failures.Note(Mismatch(ns, result, net, ref), instance.str());
  }
  CHECK(failures.count() == 0);
  CHECK(optimal + infeasible == kInstances);
  // Not vacuous: both answers, and optima that move flow.
  CHECK(optimal >= 600);
  CHECK(infeasible >= 600);
  CHECK(nonzero >= 400);
}

// One random change to the network and the solver alike; its description
// goes to `history`.
void RandomChange(std::mt19937_64& rng, const Shape& shape, Network& net,
                  NetworkSimplex& ns, std::vector<std::string>& history) {
  std::ostringstream out;
  const int arcs = static_cast<int>(net.arcs.size());
  const Value kind = arcs == 0 ? 0 : Rand(rng, 0, 2);
  if (kind == 0) {
    Arc a = RandomArc(rng, net.nodes, 0);
    if (OneIn(rng, 10)) a.cost = Rand(rng, -5000, 5000);  // M grows
    const int id = ns.AddArc(a.from, a.to, a.lower, a.upper, a.cost);
    REQUIRE(id == arcs);
    net.arcs.push_back(a);
    out << "AddArc(" << a.from << ", " << a.to << ", 0, " << a.upper << ", "
        << a.cost << ")";
  } else if (kind == 1) {
    const int k = static_cast<int>(Rand(rng, 0, arcs - 1));
    const Value cost =
        OneIn(rng, 10) ? Rand(rng, -5000, 5000) : Rand(rng, -50, 50);
    ns.SetCost(k, cost);
    net.arcs[k].cost = cost;
    out << "SetCost(" << k << ", " << cost << ")";
  } else {
    const int k = static_cast<int>(Rand(rng, 0, arcs - 1));
    if (net.arcs[k].lower > 0 && !OneIn(rng, shape.forced_close_one_in)) {
      return;
    }
    ns.Close(k);
    net.arcs[k].closed = true;
    out << "Close(" << k << ")";
  }
  history.push_back(out.str());
}

// Counts of WarmStarts().
struct WarmStats {
  int optimal = 0, infeasible = 0;
  int flips = 0;  // solves whose answer differs from the one before
  int failures = 0;
};

// Networks of `shape` solved, changed by batches of 1 to `max_changes`
// random changes and solved again, `batches` times; each answer is
// compared with LEMON's from scratch on the changed network.
WarmStats WarmStarts(std::uint64_t seed, int instances, int batches,
                     const Shape& shape, int max_changes) {
  std::mt19937_64 rng(seed);
  WarmStats stats;
  Failures failures;
  for (int i = 0; i < instances; ++i) {
    Network net = RandomNetwork(rng, shape);
    const std::string start = Describe(net);
    NetworkSimplex ns(net.nodes);
    Load(net, ns);
    std::vector<std::string> history;
    bool was_optimal = false;
    for (int batch = 0; batch <= batches; ++batch) {
      if (batch > 0) {
        const int changes = static_cast<int>(Rand(rng, 1, max_changes));
        for (int c = 0; c < changes; ++c) {
          RandomChange(rng, shape, net, ns, history);
        }
      }
      history.push_back("Solve()");
      const Result result = ns.Solve();
      const Reference ref = SolveWithLemon(net);
      (ref.optimal ? stats.optimal : stats.infeasible) += 1;
      if (batch > 0 && ref.optimal != was_optimal) ++stats.flips;
      was_optimal = ref.optimal;
      const std::string problem = Mismatch(ns, result, net, ref);
      if (!problem.empty()) {
        std::ostringstream instance;
        instance << "seed " << seed << ", instance " << i
                 << ", start: " << start << "then:";
        for (const std::string& h : history) instance << " " << h << ";";
        instance << "\nnow: " << Describe(net);
        failures.Note(problem, instance.str());
        break;  // the rest of this history is moot
      }
    }
  }
  stats.failures = failures.count();
  return stats;
}

TEST_CASE(
    "warm starts after added arcs, new costs and closed arcs agree "
    "with LEMON from scratch",
    "[plan]") {
  const WarmStats stats = WarmStarts(777, 500, 8, Shape{}, 4);
  CHECK(stats.failures == 0);
  CHECK(stats.optimal >= 1000);
  CHECK(stats.infeasible >= 1000);
  CHECK(stats.flips >= 100);  // feasible again after infeasible, and back
}

TEST_CASE("larger networks warm-started through many changes agree", "[plan]") {
  Shape shape;
  shape.min_nodes = 30;
  shape.max_nodes = 80;
  shape.max_arcs = 600;
  shape.max_moves = 20;
  shape.lower_one_in = 40;
  shape.closed_one_in = 100;
  shape.forced_close_one_in = 10;
  const WarmStats stats = WarmStarts(4242, 40, 12, shape, 25);
  CHECK(stats.failures == 0);
  CHECK(stats.optimal >= 150);
  CHECK(stats.infeasible >= 150);
}

TEST_CASE("a second Solve() without changes does no pivot", "[plan]") {
  std::mt19937_64 rng(99);
  int optimal = 0;
  for (int i = 0; i < 200; ++i) {
    const Network net = RandomNetwork(rng);
    NetworkSimplex ns(net.nodes);
    Load(net, ns);
    const Result first = ns.Solve();
    const std::int64_t pivots = ns.pivots();
    const Result second = ns.Solve();
    CHECK(second == first);
    CHECK(ns.pivots() == pivots);
    if (first != Result::kOptimal) continue;
    ++optimal;
    CHECK(Mismatch(ns, second, net, SolveWithLemon(net)) == "");
  }
  CHECK(optimal >= 50);
}

// A b-matching like the matching's: source -> attendees (their caps),
// attendees -> employers (one unit each, scores as negative costs, a few
// must-meets with lower bound 1), employers -> sink (capacities), and a
// source -> sink bypass for what is not matched.
struct MatchingNetwork {
  int attendees = 0, employers = 0;
  Network net;
  // Candidate pairs not in the network yet, in the order they come in.
  std::vector<Arc> later;
  int source() const { return 0; }
  int attendee(int a) const { return 1 + a; }
  int employer(int e) const { return 1 + attendees + e; }
  int sink() const { return 1 + attendees + employers; }
};

MatchingNetwork RandomMatchingNetwork(std::uint64_t seed, int attendees,
                                      int employers, Value max_score) {
  std::mt19937_64 rng(seed);
  MatchingNetwork fair;
  fair.attendees = attendees;
  fair.employers = employers;
  Network& net = fair.net;
  net.nodes = attendees + employers + 2;
  net.supply.assign(net.nodes, 0);
  Value total = 0;
  for (int a = 0; a < attendees; ++a) {
    const Value cap = Rand(rng, 1, 4);
    total += cap;
    net.arcs.push_back({fair.source(), fair.attendee(a), 0, cap, 0});
  }
  for (int e = 0; e < employers; ++e) {
    net.arcs.push_back({fair.employer(e), fair.sink(), 0, Rand(rng, 5, 40), 0});
  }
  net.arcs.push_back({fair.source(), fair.sink(), 0, total, 0});
  net.supply[fair.source()] = total;
  net.supply[fair.sink()] = -total;
  for (int a = 0; a < attendees; ++a) {
    std::vector<char> seen(employers, 0);
    const int candidates = static_cast<int>(Rand(rng, 3, 12));
    for (int i = 0; i < candidates; ++i) {
      int e = static_cast<int>(Rand(rng, 0, employers - 1));
      while (seen[e]) e = (e + 1) % employers;
      seen[e] = 1;
      Arc pair{fair.attendee(a), fair.employer(e), 0, 1,
               -Rand(rng, 1, max_score)};
      if (i == 0 && OneIn(rng, 40)) pair.lower = 1;  // must meet
      // The first two candidates and the must-meets start in the network,
      // the others come in by column generation.
      (i < 2 ? net.arcs : fair.later).push_back(pair);
    }
  }
  return fair;
}

TEST_CASE(
    "b-matching networks warm-started through column generation "
    "agree with LEMON",
    "[plan]") {
  struct Config {
    std::uint64_t seed;
    int attendees, employers;
    Value max_score;  // scores 1 .. max_score; 3: many tied optima
  };
  const std::vector<Config> configs = {
      {1, 300, 30, 2000000}, {2, 300, 30, 2000000}, {3, 300, 30, 2000000},
      {4, 300, 30, 2000000}, {5, 300, 30, 2000000}, {6, 300, 30, 3},
      {7, 300, 30, 3},       {8, 300, 30, 1},       {9, 2000, 60, 2000000}};
  int solves = 0;
  std::int64_t warm_pivots = 0, cold_pivots = 0;
  Failures failures;
  for (const auto& [seed, attendees, employers, max_score] : configs) {
    MatchingNetwork fair =
        RandomMatchingNetwork(seed, attendees, employers, max_score);
    Network& net = fair.net;
    const int first_pair = fair.attendees + fair.employers + 1;
    std::mt19937_64 rng(seed * 1000 + 1);
    NetworkSimplex ns(net.nodes);
    Load(net, ns);
    std::int64_t pivots = 0;
    // Batches: the first solve, four of added columns, one of closed
    // pairs (re-matching), one of new costs (the certificate).
    for (int batch = 0; batch <= 6; ++batch) {
      std::ostringstream what;
      what << "seed " << seed << ", batch " << batch;
      const int pairs = static_cast<int>(net.arcs.size()) - first_pair;
      if (batch >= 1 && batch <= 4) {
        const size_t end = fair.later.size() * batch / 4;
        const size_t begin = fair.later.size() * (batch - 1) / 4;
        for (size_t i = begin; i < end; ++i) {
          const Arc& a = fair.later[i];
          ns.AddArc(a.from, a.to, 0, a.upper, a.cost);
          net.arcs.push_back(a);
        }
      } else if (batch == 5) {
        for (int i = 0; i < 40; ++i) {
          const int k = first_pair + static_cast<int>(Rand(rng, 0, pairs - 1));
          if (net.arcs[k].lower > 0) continue;  // a must-meet stays
          ns.Close(k);
          net.arcs[k].closed = true;
        }
      } else if (batch == 6) {
        for (int i = 0; i < 100; ++i) {
          const int k = first_pair + static_cast<int>(Rand(rng, 0, pairs - 1));
          const Value cost = -Rand(rng, 1, max_score);
          ns.SetCost(k, cost);
          net.arcs[k].cost = cost;
        }
      }
      const Result result = ns.Solve();
      const Reference ref = SolveWithLemon(net);
      ++solves;
      CHECK(ref.optimal);
      failures.Note(Mismatch(ns, result, net, ref), what.str() + " (warm)");
      if (batch > 0) warm_pivots += ns.pivots() - pivots;
      pivots = ns.pivots();
      // The same network from scratch, for the pivot count.
      NetworkSimplex cold(net.nodes);
      Load(net, cold);
      const Result cold_result = cold.Solve();
      failures.Note(Mismatch(cold, cold_result, net, ref),
                    what.str() + " (cold)");
      if (batch > 0) cold_pivots += cold.pivots();
    }
  }
  CHECK(failures.count() == 0);
  CHECK(solves == static_cast<int>(configs.size()) * 7);
  // Why the solver exists: a warm start pivots less than a cold one.
  CHECK(warm_pivots < cold_pivots);
}

TEST_CASE("a network without arcs and with zero supplies costs 0", "[plan]") {
  NetworkSimplex empty(0);
  REQUIRE(empty.Solve() == Result::kOptimal);
  CHECK(empty.TotalCost() == 0);
  NetworkSimplex ns(3);
  REQUIRE(ns.Solve() == Result::kOptimal);
  CHECK(ns.TotalCost() == 0);
  CHECK(ns.num_arcs() == 0);
  CHECK(ns.num_nodes() == 3);
}

TEST_CASE("supplies that do not sum to zero are infeasible", "[plan]") {
  for (const Value extra : {Value{1}, Value{-1}}) {
    NetworkSimplex ns(3);
    for (int u = 0; u < 3; ++u) {
      for (int v = 0; v < 3; ++v) {
        if (u != v) ns.AddArc(u, v, 0, 100, 1);
      }
    }
    ns.SetSupply(0, 5 + extra);
    ns.SetSupply(2, -5);
    CHECK(ns.Solve() == Result::kInfeasible);
  }
}

TEST_CASE("lower bounds that no flow can meet are infeasible", "[plan]") {
  // Around the cycle 0 -> 1 -> 0 the flow is the same on both arcs: at
  // least 3 on one, at most 2 on the other.
  Network net;
  net.nodes = 2;
  net.supply = {0, 0};
  net.arcs = {{0, 1, 3, 5, 1}, {1, 0, 0, 2, 1}};
  NetworkSimplex ns(2);
  Load(net, ns);
  CHECK(ns.Solve() == Result::kInfeasible);
  CHECK_FALSE(SolveWithLemon(net).optimal);
  // With room for 3 on the way back it is feasible: 3 x 1 + 2 x 1 + 1 x 0.
  net.arcs.push_back({1, 0, 0, 1, 0});
  NetworkSimplex wider(2);
  Load(net, wider);
  REQUIRE(wider.Solve() == Result::kOptimal);
  CHECK(wider.TotalCost() == 3 + 2);
  CHECK(Mismatch(wider, Result::kOptimal, net, SolveWithLemon(net)) == "");
}

TEST_CASE("a negative-cost cycle with finite capacities is saturated",
          "[plan]") {
  // 0 -> 1 -> 2 -> 0 costs -3 + 1 - 2 = -4 a unit; the bottleneck is 4.
  Network net;
  net.nodes = 3;
  net.supply = {0, 0, 0};
  net.arcs = {{0, 1, 0, 4, -3}, {1, 2, 0, 6, 1}, {2, 0, 0, 5, -2}};
  NetworkSimplex ns(3);
  Load(net, ns);
  REQUIRE(ns.Solve() == Result::kOptimal);
  CHECK(ns.TotalCost() == -16);
  for (int k = 0; k < 3; ++k) CHECK(ns.Flow(k) == 4);
  CHECK(Mismatch(ns, Result::kOptimal, net, SolveWithLemon(net)) == "");
}

TEST_CASE("pivots() counts the pivots of every Solve()", "[plan]") {
  NetworkSimplex ns(3);
  ns.AddArc(0, 1, 0, 4, -3);
  ns.AddArc(1, 2, 0, 6, 1);
  ns.AddArc(2, 0, 0, 5, -2);
  CHECK(ns.pivots() == 0);
  REQUIRE(ns.Solve() == Result::kOptimal);
  const std::int64_t first = ns.pivots();
  CHECK(first > 0);
  // A cheaper arc beside 0 -> 1, which is full: it must enter. The cycle
  // now carries 5 (2 -> 0 is full), 3 of them on the new arc: -41.
  ns.AddArc(0, 1, 0, 3, -10);
  REQUIRE(ns.Solve() == Result::kOptimal);
  const std::int64_t second = ns.pivots();
  CHECK(second > first);
  CHECK(ns.TotalCost() == -3 * 10 - 2 * 3 + 5 * 1 - 5 * 2);
  CHECK(ns.Flow(3) == 3);
  // Nothing changed: no pivot.
  REQUIRE(ns.Solve() == Result::kOptimal);
  CHECK(ns.pivots() == second);
  // A new cost that makes the cycle lose money: it must empty.
  ns.SetCost(1, 100);
  REQUIRE(ns.Solve() == Result::kOptimal);
  CHECK(ns.pivots() > second);
  CHECK(ns.TotalCost() == 0);
}

TEST_CASE("closing an arc with a positive lower bound is infeasible",
          "[plan]") {
  Network net;
  net.nodes = 2;
  net.supply = {0, 0};
  net.arcs = {{0, 1, 1, 2, -1}, {1, 0, 0, 2, 0}};
  SECTION("before the first Solve()") {
    NetworkSimplex ns(2);
    Load(net, ns);
    ns.Close(0);
    CHECK(ns.Solve() == Result::kInfeasible);
  }
  SECTION("after it") {
    NetworkSimplex ns(2);
    Load(net, ns);
    REQUIRE(ns.Solve() == Result::kOptimal);
    CHECK(ns.TotalCost() == -2);
    ns.Close(0);
    CHECK(ns.Solve() == Result::kInfeasible);
  }
}

TEST_CASE("a closed arc carries no flow and is left out of the cost",
          "[plan]") {
  // Two parallel ways 0 -> 1 for a supply of 3: the cheaper one, then,
  // once it is closed, the dearer.
  NetworkSimplex ns(2);
  ns.AddArc(0, 1, 0, 5, 2);
  ns.AddArc(0, 1, 0, 5, 7);
  ns.SetSupply(0, 3);
  ns.SetSupply(1, -3);
  REQUIRE(ns.Solve() == Result::kOptimal);
  CHECK(ns.Flow(0) == 3);
  CHECK(ns.TotalCost() == 6);
  ns.Close(0);
  REQUIRE(ns.Solve() == Result::kOptimal);
  CHECK(ns.Flow(0) == 0);
  CHECK(ns.Flow(1) == 3);
  CHECK(ns.TotalCost() == 21);
  ns.Close(1);
  CHECK(ns.Solve() == Result::kInfeasible);
  ns.AddArc(0, 1, 0, 3, -4);
  REQUIRE(ns.Solve() == Result::kOptimal);
  CHECK(ns.Flow(0) == 0);
  CHECK(ns.Flow(1) == 0);
  CHECK(ns.Flow(2) == 3);
  CHECK(ns.TotalCost() == -12);
}

TEST_CASE("a cost larger than any before still proves infeasibility right",
          "[plan]") {
  // 5 units to move and room for 3: infeasible. Then a dear arc makes
  // room for the rest; with M still computed from cost 1 it would look
  // dearer than the artificial arcs.
  NetworkSimplex ns(2);
  ns.AddArc(0, 1, 0, 3, 1);
  ns.SetSupply(0, 5);
  ns.SetSupply(1, -5);
  CHECK(ns.Solve() == Result::kInfeasible);
  ns.AddArc(0, 1, 0, 2, 1000000);
  REQUIRE(ns.Solve() == Result::kOptimal);
  CHECK(ns.TotalCost() == 3 + 2 * 1000000);
  // A new cost on the cheap arc, larger still.
  ns.SetCost(0, 5000000);
  REQUIRE(ns.Solve() == Result::kOptimal);
  CHECK(ns.TotalCost() == 3 * 5000000 + 2 * 1000000);
}

// The matching's shape: source -> attendees -> employers -> sink and a
// source -> sink bypass. Most of the tree hangs below the source or the
// sink, so pivots move subtrees holding most of the nodes (whose
// potentials the solver shifts by shifting the rest of the tree).
Network MatchingShaped(std::mt19937_64& rng) {
  Network net;
  const int attendees = static_cast<int>(Rand(rng, 20, 60));
  const int employers = static_cast<int>(Rand(rng, 2, 6));
  const int source = 0, sink = 1;
  net.nodes = 2 + attendees + employers;
  net.supply.assign(net.nodes, 0);
  Value total = 0;
  for (int a = 0; a < attendees; ++a) {
    const Value cap = Rand(rng, 1, 4);
    total += cap;
    net.arcs.push_back({source, 2 + a, 0, cap, 0});
    for (int e = 0; e < employers; ++e) {
      if (OneIn(rng, 3)) continue;
      const Value lower = OneIn(rng, 40) ? 1 : 0;
      net.arcs.push_back(
          {2 + a, 2 + attendees + e, lower, 1, -Rand(rng, 0, 1000)});
    }
  }
  for (int e = 0; e < employers; ++e) {
    net.arcs.push_back({2 + attendees + e, sink, 0, Rand(rng, 5, 40), 0});
  }
  net.arcs.push_back({source, sink, 0, total, 0});
  net.supply[source] = total;
  net.supply[sink] = -total;
  return net;
}

TEST_CASE("matching-shaped networks, cold and warm, agree with LEMON",
          "[plan]") {
  std::mt19937_64 rng(31337);
  Failures failures;
  int optimal = 0;
  for (int i = 0; i < 150; ++i) {
    Network net = MatchingShaped(rng);
    NetworkSimplex ns(net.nodes);
    Load(net, ns);
    for (int round = 0; round < 6; ++round) {
      if (round > 0) {
        // New costs, closed pairs and new pairs, as the planner makes.
        for (int c = 0; c < 5; ++c) {
          const int k = static_cast<int>(Rand(rng, 0, ns.num_arcs() - 1));
          if (OneIn(rng, 2)) {
            net.arcs[k].cost = -Rand(rng, 0, 1000);
            ns.SetCost(k, net.arcs[k].cost);
          } else if (net.arcs[k].lower == 0) {
            net.arcs[k].closed = true;
            ns.Close(k);
          }
        }
        const int attendees = net.nodes - 2;
        const int a = static_cast<int>(Rand(rng, 2, attendees));
        const int e = static_cast<int>(Rand(rng, 2, attendees + 1));
        if (a != e) {
          net.arcs.push_back({a, e, 0, 1, -Rand(rng, 0, 1000)});
          ns.AddArc(a, e, 0, 1, net.arcs.back().cost);
        }
      }
      const Result result = ns.Solve();
      const Reference ref = SolveWithLemon(net);
      optimal += ref.optimal ? 1 : 0;
      const std::string problem = Mismatch(ns, result, net, ref);
      failures.Note(problem, Describe(net));
      if (!problem.empty()) break;
    }
  }
  CHECK(failures.count() == 0);
  CHECK(optimal >= 600);
}

}  // namespace
}  // namespace fairmatch
