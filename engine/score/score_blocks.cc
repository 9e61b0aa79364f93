#include "engine/score/score_blocks.h"

#include <algorithm>
#include <array>
#include <thread>
#include <vector>

namespace fairmatch {

void ForEachScoreBlock(
    const Compatibility& compat, int threads,
    const std::function<void(int, int, const ScoreMatrix&)>& fn,
    const std::function<bool(int, int)>& needed) {
  const int n = compat.fair().num_attendees();
  const int num_blocks = (n + kScoreBlockRows - 1) / kScoreBlockRows;
  threads = std::max(1, std::min(threads, num_blocks));
  auto worker = [&](int t) {
    ScoreMatrix scores;
    std::array<ScoreMatrix, kNumComponents> scratch;
    for (int b = t; b < num_blocks; b += threads) {
      const int begin = b * kScoreBlockRows;
      const int end = std::min(n, begin + kScoreBlockRows);
      if (needed && !needed(begin, end)) continue;
      compat.ScoreBlock(begin, end, &scores, &scratch);
      fn(begin, end, scores);
    }
  };
  if (threads == 1) {
    worker(0);
    return;
  }
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker, t);
  for (std::thread& th : pool) th.join();
}

}  // namespace fairmatch
