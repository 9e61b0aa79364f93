// Streaming the attendee x employer score matrix in blocks of attendee
// rows, so that no stage needs the whole matrix (30,000 x 600 floats are
// 72 MB; a million attendees, gigabytes; Compatibility::KeepScores holds it
// only when it is small):
//
//   ForEachScoreBlock(compat, /*threads=*/2,
//                     [&](int begin, int end, const ScoreMatrix& scores) {
//                       // scores.row(a - begin) for attendees begin..end-1
//                     });
#ifndef FAIRMATCH_SCORE_SCORE_BLOCKS_H_
#define FAIRMATCH_SCORE_SCORE_BLOCKS_H_

#include <functional>

#include "engine/score/compatibility.h"

namespace fairmatch {

// Attendee rows per score block.
inline constexpr int kScoreBlockRows = 1024;

// Calls fn(begin, end, scores) for consecutive blocks of attendee rows,
// `scores` holding ScoreBlock(begin, end). Blocks may run concurrently on
// up to `threads` threads; fn must only touch state owned by its rows. With
// `needed`, a block for which needed(begin, end) is false is not scored.
void ForEachScoreBlock(
    const Compatibility& compat, int threads,
    const std::function<void(int, int, const ScoreMatrix&)>& fn,
    const std::function<bool(int, int)>& needed = nullptr);

}  // namespace fairmatch

#endif  // FAIRMATCH_SCORE_SCORE_BLOCKS_H_
