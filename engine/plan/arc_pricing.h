// The inner loop of the network simplex's block search (network_simplex.h):
// the reduced costs of a run of arcs, and the most violating one. It is most
// of a matching's time (at L, 60 % of a cold solve), so it has a vector form
// beside the portable one. Both choose the same arc: the smallest value, and
// of equal ones the first scanned. Integer arithmetic, so the plan does not
// depend on which runs.
#ifndef FAIRMATCH_PLAN_ARC_PRICING_H_
#define FAIRMATCH_PLAN_ARC_PRICING_H_

#include <cstdint>

namespace fairmatch {

// The network simplex's arrays, by internal arc index (state: +1 at lower
// bound, -1 at upper, 0 in the tree) and by node (potential).
struct ArcArrays {
  const signed char* state;
  const std::int64_t* cost;
  const int* source;
  const int* target;
  const std::int64_t* potential;
};

// Over arcs [from, to), the value state * (cost + potential(source) -
// potential(target)) of each. When some value is below `min`, sets `min` to
// the smallest and `in_arc` to the first arc that has it; else leaves both.
// Uses AVX2 where the processor has it.
void ScanArcs(const ArcArrays& arcs, int from, int to, std::int64_t& min,
              int& in_arc);

// The same without vector instructions (the reference in the tests).
void ScanArcsPortable(const ArcArrays& arcs, int from, int to,
                      std::int64_t& min, int& in_arc);

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_ARC_PRICING_H_
