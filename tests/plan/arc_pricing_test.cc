#include "engine/plan/arc_pricing.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <vector>

namespace fairmatch {
namespace {

// Random arrays of the network simplex's shape: states in {-1, 0, +1},
// costs and potentials from a small range (many ties) or a wide one.
struct Arrays {
  std::vector<signed char> state;
  std::vector<std::int64_t> cost;
  std::vector<int> source, target;
  std::vector<std::int64_t> potential;

  ArcArrays View() const {
    return {state.data(), cost.data(), source.data(), target.data(),
            potential.data()};
  }
};

Arrays RandomArrays(std::mt19937_64& rng, int arcs, int nodes,
                    std::int64_t range) {
  Arrays x;
  auto draw = [&](std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(
                    rng() % static_cast<std::uint64_t>(hi - lo + 1));
  };
  for (int i = 0; i < arcs; ++i) {
    x.state.push_back(static_cast<signed char>(draw(-1, 1)));
    x.cost.push_back(draw(-range, range));
    x.source.push_back(static_cast<int>(draw(0, nodes - 1)));
    x.target.push_back(static_cast<int>(draw(0, nodes - 1)));
  }
  for (int u = 0; u < nodes; ++u) x.potential.push_back(draw(-range, range));
  return x;
}

// What the scan must find, written out: the first arc of the smallest value
// below `min`.
void BruteForce(const Arrays& x, int from, int to, std::int64_t& min,
                int& in_arc) {
  std::int64_t best = min;
  int arc = -1;
  for (int i = from; i < to; ++i) {
    const std::int64_t c = x.state[i] * (x.cost[i] + x.potential[x.source[i]] -
                                         x.potential[x.target[i]]);
    if (c < best) {
      best = c;
      arc = i;
    }
  }
  if (arc >= 0) {
    min = best;
    in_arc = arc;
  }
}

TEST_CASE("arc scans find the first most violating arc, vector or not",
          "[plan]") {
  std::mt19937_64 rng(7);
  int found = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    // Ranges from tiny (ties everywhere) to near the solver's potential
    // limit (2^61 for potentials and costs together).
    const std::int64_t range = trial % 3 == 0   ? 2
                               : trial % 3 == 1 ? 1000
                                                : (std::int64_t{1} << 59);
    const int arcs = 1 + static_cast<int>(rng() % 200);
    const Arrays x =
        RandomArrays(rng, arcs, 1 + static_cast<int>(rng() % 50), range);
    const int from = static_cast<int>(rng() % arcs);
    const int to = from + static_cast<int>(rng() % (arcs - from + 1));
    // The search starts each block at 0, and later runs of a block below a
    // value already found.
    const std::int64_t start =
        trial % 2 == 0 ? 0 : -static_cast<std::int64_t>(rng() % 3);
    std::int64_t want_min = start, fast_min = start, portable_min = start;
    int want_arc = -5, fast_arc = -5, portable_arc = -5;
    BruteForce(x, from, to, want_min, want_arc);
    ScanArcs(x.View(), from, to, fast_min, fast_arc);
    ScanArcsPortable(x.View(), from, to, portable_min, portable_arc);
    INFO("trial " << trial << " arcs [" << from << ", " << to << ")");
    CHECK(fast_min == want_min);
    CHECK(fast_arc == want_arc);
    CHECK(portable_min == want_min);
    CHECK(portable_arc == want_arc);
    if (want_arc >= 0) ++found;
  }
  // Most trials have a violating arc, so the choice among them is tested.
  CHECK(found > 2000);
}

TEST_CASE("arc scans break ties by the first arc scanned", "[plan]") {
  // Every arc at lower bound with reduced cost -3: the first must win, in
  // whichever lane of the vector it falls.
  for (int from = 0; from < 9; ++from) {
    Arrays x;
    for (int i = 0; i < 40; ++i) {
      x.state.push_back(1);
      x.cost.push_back(i % 5 == 2 ? -3 : 4);
      x.source.push_back(0);
      x.target.push_back(1);
    }
    x.potential = {0, 0};
    std::int64_t min = 0;
    int in_arc = -1;
    ScanArcs(x.View(), from, 40, min, in_arc);
    CHECK(min == -3);
    CHECK(in_arc == from + ((2 - from % 5) + 5) % 5);
  }
}

}  // namespace
}  // namespace fairmatch
