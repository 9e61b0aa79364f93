// The `fairmatch scores` table: every attendee x employer pair with its
// score, eligibility and components, streamed in attendee blocks so a large
// fair never holds the whole matrix.
#ifndef FAIRMATCH_RENDER_SCORES_CSV_H_
#define FAIRMATCH_RENDER_SCORES_CSV_H_

#include <ostream>

#include "engine/score/compatibility.h"

namespace fairmatch {

// Header: attendee,employer,score,eligible,values,benefit,attendee_gives,
// employer_gives. Rows in attendee then employer file order; numbers with 6
// decimals; `score` is exactly the per-meeting value the planner maximises
// (it works with ScaledScore(score) = score * 1e6).
void WriteScoresCsv(const Compatibility& compat, std::ostream& out);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_SCORES_CSV_H_
