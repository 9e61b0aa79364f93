// The `fairmatch scores` table: every attendee x employer pair with its
// score, eligibility and components, streamed in attendee blocks so a large
// fair never holds the whole matrix.
#ifndef FAIRMATCH_RENDER_SCORES_CSV_H_
#define FAIRMATCH_RENDER_SCORES_CSV_H_

#include <ostream>

#include "engine/score/compatibility.h"

namespace fairmatch {

// Header: attendee,employer,score,eligible,values,benefit,attendee_gives,
// employer_gives,fit,wish,attendee_wish_rank,employer_wish_rank,
// failed_requirement. Rows in attendee then employer file order; numbers
// with 6 decimals; `score` is exactly the per-meeting value the planner
// maximises (it works with ScaledScore(score) = score * 1e6), `fit` it
// without wishes and `wish` what wishes add; the ranks are each side's place
// for the other in its `wants` (0: none); failed_requirement names the
// first requirement the pair fails ("acme requires extra.level is one of
// msc"), empty when all hold.
void WriteScoresCsv(const Compatibility& compat, std::ostream& out);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_SCORES_CSV_H_
