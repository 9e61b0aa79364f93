// Why an attendee has the conversations they have, and not one with a given
// employer: the organiser's answer to "why didn't I get to meet X?"
// (`fairmatch explain`).
//
//   absl::StatusOr<Explanation> x =
//       Explain(fair, compat, schedule, "A017", "E05");
//   x->pair->verdict;                 // e.g. Verdict::kEmployerFull
//   std::string text = RenderExplanation(fair, *x);
//
// It reads the fair, the scores and the schedule only (like check/, it
// trusts nothing the planner computed), so it explains any schedule: the
// one `fairmatch plan` would publish, or a hand-edited schedule.json.
// Meetings whose indices are out of range (which `fairmatch check`
// reports) are skipped.
//
// The verdict for a pair (A, E) is the first that holds of:
//   kMeets          A meets E in the schedule;
//   kAvoided        E is on A's avoid list, or A on E's;
//   kRequirementFailed  A fails a requirement of E, or E one of A's;
//   kBelowMinScore  the score (wishes included) is below min_score and
//                   neither side lists the other in must_meet;
//   kNoSharedSlot   no slot where both are available;
//   kAttendeeAtCap  A is at their cap and every meeting of A scores at
//                   least as high as E (a cap of 0 included);
//   kEmployerFull   in every shared slot E's seats (tables x group size)
//                   are all taken; the text says whether every seat holder
//                   scores at least as high with E as A does, and whether A
//                   is at their cap too;
//   kNoFreeSlot     in every shared slot A is busy or E is full;
//   kOpen           none of these: E has a free seat while A is free and
//                   below their cap (an objective trade-off of the
//                   planner, e.g. objective.fairness, or an edited file).
// A must_meet that is not met is flagged (`must_meet_missed`); the cascade
// still says why.
#ifndef FAIRMATCH_CHECK_EXPLAIN_H_
#define FAIRMATCH_CHECK_EXPLAIN_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

enum class Verdict {
  kMeets,
  kAvoided,
  kRequirementFailed,
  kBelowMinScore,
  kNoSharedSlot,
  kAttendeeAtCap,
  kEmployerFull,
  kNoFreeSlot,
  kOpen,
};

// "meets", "avoided", "requirement-failed", "below-min-score",
// "no-shared-slot", "attendee-at-cap", "employer-full", "no-free-slot", "open".
const char* VerdictName(Verdict verdict);

// One conversation of the attendee being explained.
struct ExplainedMeeting {
  int slot = 0;
  int employer = 0;
  int table = 1;
  PairScore score;               // the attendee with this employer
  std::vector<int> group_mates;  // the other attendees at the table
};

// Somebody in a seat at the employer, with their score with it.
struct SeatHolder {
  int attendee = 0;
  float score = 0;
};

// The employer in one slot both sides are available in.
struct SharedSlot {
  int slot = 0;
  int seats = 0;                    // tables x group size
  std::vector<SeatHolder> holders;  // by score, highest first
  int attendee_busy_with = -1;      // the attendee's employer then, or -1
};

struct PairExplanation {
  int employer = 0;
  PairScore score;
  // The weights as Compatibility applies them (normalised to sum 1).
  double weight_values = 0;
  double weight_benefit = 0;
  double min_score = 0;
  bool avoided = false;                // by either side
  bool avoided_by_employer = false;    // E's avoid names A (A's does not)
  bool must_meet = false;              // by either side
  bool must_meet_by_employer = false;  // E's must_meet names A
  // The first requirement the pair fails (model/intents.h
  // FailedRequirement), whose it is, and what the other side has.
  bool has_requirements = false;  // either side states any
  std::optional<Requirement> failed_requirement;
  bool requirement_by_employer = false;
  std::string requirement_value;  // empty: the field is not given
  // Where each side ranks the other in its `wants` (0: not wished).
  int attendee_rank = 0;
  int employer_rank = 0;
  bool eligible = false;
  std::vector<int> shared_slots;        // slot indices, ascending
  std::vector<SharedSlot> at_employer;  // one per shared slot
  int meeting = -1;  // index into Explanation::meetings when they meet
  Verdict verdict = Verdict::kOpen;
  bool must_meet_missed = false;
  std::string verdict_text;  // one line, e.g. "no shared slot"
};

struct Explanation {
  int attendee = 0;
  int cap = 0;                             // Fair::MaxMeetings
  std::vector<ExplainedMeeting> meetings;  // by slot
  // With an employer: that pair. Without: the attendee's top 5 employers
  // by score (ties by file order), each with its verdict.
  std::optional<PairExplanation> pair;
  std::vector<PairExplanation> top;
  // Without an employer: each of the attendee's wishes (`wants`), in rank
  // order, with its verdict.
  std::vector<PairExplanation> wishes;
};

// How many employers `top` lists.
inline constexpr int kExplainTop = 5;

// Explains `attendee_id` (and `employer_id` unless it is empty) in
// `schedule`; each may be an id, an e-mail or a name (model/people.h).
// Someone not found is an InvalidArgumentError with PeopleIndex::Find's
// message ("no attendee 'a01' (by id, e-mail or name); did you mean Name
// a001 (a001)?"), which `fairmatch explain` reports under the option that
// named them. REQUIRES: `compat` was built from `fair`.
absl::StatusOr<Explanation> Explain(const Fair& fair,
                                    const Compatibility& compat,
                                    const Schedule& schedule,
                                    const std::string& attendee_id,
                                    const std::string& employer_id);

// Explains many pairs of one schedule, e.g. every wish of a fair (the
// report's unmet wishes), without a pass over the schedule per pair:
// construction indexes the meetings by attendee and by employer once,
// O(attendee places) (each taken seat is scored then); each attendee then
// costs O(their meetings) and each of their pairs O(slots + the seats at
// that employer).
//
//   PairExplainer explainer(fair, compat, schedule);
//   for (const PairExplanation& p : explainer.ExplainPairs(a,
//   fair.attendees[a].wants)) ...
class PairExplainer {
 public:
  // All three must outlive it. REQUIRES: `compat` was built from `fair`.
  PairExplainer(const Fair& fair, const Compatibility& compat,
                const Schedule& schedule);

  // Attendee `a` with each of `employers`, in that order, each as
  // Explain(fair, compat, schedule, A, E) gives it in `pair`.
  // REQUIRES: 0 <= a < num_attendees; every employer in range.
  std::vector<PairExplanation> ExplainPairs(
      int a, const std::vector<int>& employers) const;

 private:
  const Fair* fair_;
  const Compatibility* compat_;
  const Schedule* schedule_;
  // Per attendee, their in-range meetings (indices in schedule order).
  std::vector<std::vector<int>> of_attendee_;
  // Per employer, each seat taken there: (slot, holder), scored once.
  std::vector<std::vector<std::pair<int, SeatHolder>>> seats_at_;
};

// The explanation as text for a terminal: the conversations, then the
// pair in detail or the top employers, ending with a newline. Scores print
// with 2 decimals (more where two compared scores would print alike).
std::string RenderExplanation(const Fair& fair, const Explanation& x);

}  // namespace fairmatch

#endif  // FAIRMATCH_CHECK_EXPLAIN_H_
