// Candidate pairs for the matching: for each attendee the top-K eligible
// employers by score (plus every must_meet), found by streaming the
// attendee x employer score matrix in blocks of rows, so the full matrix is
// never held. Pairs that share no available slot are never candidates.
//
// Sparsification is made exact by column generation in matching.h: after a
// solve, every non-candidate pair is priced against the optimal potentials
// and added when it could improve the plan.
#ifndef FAIRMATCH_PLAN_CANDIDATES_H_
#define FAIRMATCH_PLAN_CANDIDATES_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "engine/model/fair.h"
#include "engine/plan/availability.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

// Pairs grouped by attendee (CSR): attendee a's pairs are the indices
// [offset[a], offset[a+1]); within a row employers ascend.
struct CandidateGraph {
  std::vector<int> offset;    // num_attendees + 1
  std::vector<int> employer;  // per pair
  std::vector<float> score;   // per pair, Pair(a, e).score
  std::vector<char> must;     // per pair: a must_meet of either side

  int num_pairs() const { return static_cast<int>(employer.size()); }
  int num_attendees() const { return static_cast<int>(offset.size()) - 1; }
};

// Sorted a * num_employers + e codes of pairs the planner must not use (a
// pair that could not be given a slot is excluded and the matching rerun).
using PairCodes = std::vector<std::int64_t>;

inline std::int64_t PairCode(int a, int e, int num_employers) {
  return static_cast<std::int64_t>(a) * num_employers + e;
}

// True when (a, e) may be planned at all: eligible, sharing a free slot,
// not pinned by a rerun (already planned), not excluded.
bool Plannable(const Compatibility& compat, const Availability& avail,
               const PairCodes& excluded, int a, int e, float score);

// The top `k` plannable employers of each attendee by (score desc,
// employer asc), plus its plannable must_meets (of either side) and `sticky`
// pairs (a rerun's baseline).
CandidateGraph BuildCandidates(const Compatibility& compat,
                               const Availability& avail,
                               const PairCodes& excluded, int k, int threads,
                               const PairCodes& sticky = {});

// Adds `extra[a]` employers to attendee a's row (rows stay sorted).
CandidateGraph ExtendCandidates(const Compatibility& compat,
                                const CandidateGraph& graph,
                                const std::vector<std::vector<int>>& extra);

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_CANDIDATES_H_
