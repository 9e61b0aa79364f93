// Why attendees have fewer conversations than they should, measured from
// the fair, the scores and the schedule alone (like the rest of check/, it
// trusts nothing the planner computed), for report.html:
//
//   std::vector<Shortfall> why = FindShortfalls(fair, compat, schedule);
//   why[0].cause;      // e.g. ShortfallCause::kFewEligible
//   why[0].eligible;   // 1: only one employer is eligible with them
//
// An attendee falls short when they have fewer conversations than their
// target, min(meetings.min, their cap); attendees withdrawn for the day
// (kept only for their past meetings) are never planned and are left out.
// For each, from the eligible employers (score/compatibility.h: Eligible)
// outwards, the first of these that alone keeps them below target is the
// cause:
//   kFewEligible  fewer employers are eligible with them than the target:
//                 no plan could reach it;
//   kWindows      enough are eligible, but the windows allow fewer than the
//                 target: the most conversations with distinct eligible
//                 employers in distinct slots that both sides are available
//                 in (a bipartite matching of employers to slots);
//   kTradeOff     an eligible employer they do not meet had a free seat in a
//                 slot where both are available and the attendee was free:
//                 not a shortage but the planner's trade-off
//                 (objective.fairness, employers.min_meetings,
//                 employers.max_consecutive) or an edited file;
//   kSeatsTaken   every such slot at the eligible employers they do not
//                 meet was full (all tables x group size seats taken): more
//                 seats there would have given them room;
//   kBusy         the eligible employers they do not meet share slots with
//                 them only while they are in other conversations.
// Per employer this follows the verdicts of explain.h (not eligible:
// avoided or below-min-score; no-shared-slot; open: a free seat; full:
// employer-full, or no-free-slot when the attendee was busy in the other
// shared slots; busy: no-free-slot with the attendee busy in every one),
// computed for all employers at once from one pass over the schedule
// rather than pair by pair, so `fairmatch explain --attendee ID` gives the
// detail behind each count.
//
// Also the one home of the open booths that an attendee without a
// conversation is pointed to on their sheets (attendees.pdf,
// schedules.html): OpenBooths.
#ifndef FAIRMATCH_CHECK_SHORTFALL_H_
#define FAIRMATCH_CHECK_SHORTFALL_H_

#include <vector>

#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

enum class ShortfallCause {
  kFewEligible,
  kWindows,
  kTradeOff,
  kSeatsTaken,
  kBusy,
};

// "few-eligible", "windows", "trade-off", "seats-taken", "busy".
const char* ShortfallCauseName(ShortfallCause cause);

struct Shortfall {
  int attendee = 0;
  int meetings = 0;  // conversations in the schedule
  int target = 0;    // min(meetings.min, Fair::MaxMeetings), > meetings
  // Employers scoring at or above min_score with them (avoid and must_meet
  // aside), and the eligible ones: those, plus must_meets below min_score,
  // minus the avoided.
  int above_min_score = 0;
  int eligible = 0;
  // Eligible employers with a slot that both sides are available in, and
  // the slots the attendee is available in.
  int eligible_sharing_slot = 0;
  int available_slots = 0;
  // The most conversations with distinct eligible employers in distinct
  // shared slots, counted up to `target` (so == target means "enough").
  int window_room = 0;
  // The eligible employers they do not meet that share a slot with them,
  // and of those: the ones full in every shared slot where the attendee was
  // free (at least one such slot), by employer index; how many are
  // available only while the attendee is in other conversations; and the
  // first (best score, then file order) with a free seat while the
  // attendee was free, at its first such slot (-1: none).
  int unmet_sharing_slot = 0;
  std::vector<int> full;
  int busy_only = 0;
  int open_employer = -1;
  int open_slot = -1;
  ShortfallCause cause = ShortfallCause::kFewEligible;
};

// Every attendee below target, by attendee index. Scores are read in the
// blocks the planner uses (score_blocks.h), only for blocks that hold such
// an attendee. Conversations are counted as metrics.h counts them
// (out-of-range employers and attendees skipped); one in an out-of-range
// slot takes no seat and keeps nobody busy; a seat counts as taken whatever
// its table. O(M + E * S) plus, per attendee below target, O(E * S) and a
// matching in O(E * S^2) at worst (augmenting paths, stopped at the
// target). REQUIRES: `compat` was built from `fair`.
std::vector<Shortfall> FindShortfalls(const Fair& fair,
                                      const Compatibility& compat,
                                      const Schedule& schedule);

// How many open booths a sheet lists at most.
inline constexpr int kOpenBooths = 3;

// The booths the sheets of an attendee without a conversation suggest: up
// to kOpenBooths employers with a positive score with them, never one on
// their avoid list, best score first (ties by file order). Scores are
// Compatibility::ScoreBlock of the attendee's row alone. REQUIRES: `a` is
// a valid attendee index of the fair `compat` was built from.
std::vector<int> OpenBooths(const Fair& fair, const Compatibility& compat,
                            int a);

}  // namespace fairmatch

#endif  // FAIRMATCH_CHECK_SHORTFALL_H_
