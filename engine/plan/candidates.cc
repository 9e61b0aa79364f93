#include "engine/plan/candidates.h"

#include <algorithm>
#include <thread>

#include "engine/score/score_blocks.h"

namespace fairmatch {
namespace {

bool Contains(const std::vector<int>& sorted, int x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

}  // namespace

bool Plannable(const Compatibility& compat, const Availability& avail,
               const PairCodes& excluded, int a, int e, float score) {
  if (!compat.Eligible(a, e, score)) return false;
  if (!avail.ShareSlot(a, e) || avail.Pinned(a, e)) return false;
  return excluded.empty() ||
         !std::binary_search(excluded.begin(), excluded.end(),
                             PairCode(a, e, compat.fair().num_employers()));
}

CandidateGraph BuildCandidates(const Compatibility& compat,
                               const Availability& avail,
                               const PairCodes& excluded, int k, int threads,
                               const PairCodes& sticky) {
  const Fair& fair = compat.fair();
  const int n = fair.num_attendees();
  const int m = fair.num_employers();
  const double min_score = fair.config.min_score;
  std::vector<std::vector<int>> rows(n);
  std::vector<std::vector<float>> row_scores(n);
  ForEachScoreBlock(
      compat, threads, [&](int begin, int end, const ScoreMatrix& scores) {
        std::vector<int> order, scored;
        for (int a = begin; a < end; ++a) {
          const auto row = scores.row(a - begin);
          const std::vector<int>& must_meet = compat.rules().MustMeets(a);
          // Any pair but a must_meet (added below) needs min_score to be
          // plannable. Of those that have it, the best first, until k are
          // plannable: the rules are looked up for a few pairs, not all.
          scored.clear();
          for (int e = 0; e < m; ++e) {
            // In double, as Eligible compares.
            if (static_cast<double>(row(e)) >= min_score &&
                !Contains(must_meet, e)) {
              scored.push_back(e);
            }
          }
          auto better = [&](int x, int y) {
            return row(x) != row(y) ? row(x) > row(y) : x < y;
          };
          order.clear();
          size_t sorted = 0;  // scored[0, sorted) is in order, best first
          for (size_t i = 0;
               i < scored.size() && static_cast<int>(order.size()) < k; ++i) {
            if (i == sorted) {
              sorted = std::min(scored.size(), sorted + 2 * k);
              std::nth_element(scored.begin() + i, scored.begin() + sorted,
                               scored.end(), better);
              std::sort(scored.begin() + i, scored.begin() + sorted, better);
            }
            const int e = scored[i];
            if (Plannable(compat, avail, excluded, a, e, row(e))) {
              order.push_back(e);
            }
          }
          for (int e : must_meet) {
            if (avail.ShareSlot(a, e) && !avail.Pinned(a, e))
              order.push_back(e);
          }
          // A rerun's baseline pairs are always candidates, so their keep bonus
          // is seen (column generation prices by score alone).
          if (!sticky.empty()) {
            const std::int64_t first = PairCode(a, 0, m);
            for (auto it =
                     std::lower_bound(sticky.begin(), sticky.end(), first);
                 it != sticky.end() && *it < first + m; ++it) {
              const int e = static_cast<int>(*it - first);
              if (!Contains(must_meet, e) &&
                  std::find(order.begin(), order.end(), e) == order.end() &&
                  Plannable(compat, avail, excluded, a, e, row(e))) {
                order.push_back(e);
              }
            }
          }
          std::sort(order.begin(), order.end());
          rows[a] = order;
          row_scores[a].reserve(order.size());
          for (int e : order) row_scores[a].push_back(row(e));
        }
      });

  CandidateGraph graph;
  graph.offset.assign(n + 1, 0);
  for (int a = 0; a < n; ++a) {
    graph.offset[a + 1] = graph.offset[a] + static_cast<int>(rows[a].size());
  }
  graph.employer.reserve(graph.offset[n]);
  graph.score.reserve(graph.offset[n]);
  graph.must.reserve(graph.offset[n]);
  for (int a = 0; a < n; ++a) {
    for (size_t i = 0; i < rows[a].size(); ++i) {
      graph.employer.push_back(rows[a][i]);
      graph.score.push_back(row_scores[a][i]);
      graph.must.push_back(Contains(compat.rules().MustMeets(a), rows[a][i]));
    }
  }
  return graph;
}

CandidateGraph ExtendCandidates(const Compatibility& compat,
                                const CandidateGraph& graph,
                                const std::vector<std::vector<int>>& extra) {
  const int n = graph.num_attendees();
  CandidateGraph out;
  out.offset.assign(n + 1, 0);
  for (int a = 0; a < n; ++a) {
    std::vector<std::pair<int, int>> row;  // (employer, old index or -1)
    for (int i = graph.offset[a]; i < graph.offset[a + 1]; ++i) {
      row.emplace_back(graph.employer[i], i);
    }
    for (int e : extra[a]) row.emplace_back(e, -1);
    std::sort(row.begin(), row.end());
    for (const auto& [e, i] : row) {
      out.employer.push_back(e);
      if (i >= 0) {
        out.score.push_back(graph.score[i]);
        out.must.push_back(graph.must[i]);
      } else {
        out.score.push_back(compat.Pair(a, e).score);
        out.must.push_back(Contains(compat.rules().MustMeets(a), e));
      }
    }
    out.offset[a + 1] = static_cast<int>(out.employer.size());
  }
  return out;
}

}  // namespace fairmatch
