// The planner's compiled form of model/intents.h: both sides' must_meet and
// avoid merged per attendee, requirements turned into integer codes, and
// the score each wish adds, so that the planner can ask about any of the
// A x E pairs in a few integer comparisons.
//
//   PairRules rules = PairRules::Build(fair);
//   if (rules.Excluded(a, e)) ...     // an avoid or a failed requirement
//   float bonus = rules.WishBonus(a, e);
//
// The definitions are model/intents.h; `fairmatch check` evaluates those,
// not these, so that a bug here cannot hide from it.
#ifndef FAIRMATCH_SCORE_PAIR_RULES_H_
#define FAIRMATCH_SCORE_PAIR_RULES_H_

#include <cstdint>
#include <span>
#include <vector>

#include "engine/model/config.h"
#include "engine/model/fair.h"

namespace fairmatch {

// What a wish adds to a pair's score (docs/scoring.md, "Wishes"): for each
// side that ranks the other at r (1 = first choice; 0 = not wished),
// config.weight_wants * 2 / (r + 1), and config.weight_mutual_wants more
// when both do. Negative weights count as 0.
float WishBonus(const Config& config, int attendee_rank, int employer_rank);

class PairRules {
 public:
  // One attendee's pair with an employer either side said something about.
  struct Special {
    int employer = 0;
    bool must = false;      // a must_meet of either side
    bool avoid = false;     // an avoid of either side
    int attendee_rank = 0;  // the employer's place in the attendee's wants
    int employer_rank = 0;  // the attendee's place in the employer's wants
    float bonus = 0;        // WishBonus of the two ranks
  };

  // `fair` must outlive the result.
  static PairRules Build(const Fair& fair);

  // An avoid of either side, or a requirement of either side that fails.
  bool Excluded(int a, int e) const;
  // A requirement of either side fails (avoid aside).
  bool FailsRequirement(int a, int e) const;
  bool Must(int a, int e) const;
  float WishBonus(int a, int e) const;
  // Attendee a's special pairs, employers ascending.
  std::span<const Special> Specials(int a) const {
    return {specials_.data() + special_offset_[a],
            specials_.data() + special_offset_[a + 1]};
  }
  // The employers attendee a must meet by either side's list, ascending.
  const std::vector<int>& MustMeets(int a) const { return must_meets_[a]; }
  bool has_requirements() const { return !clauses_.empty(); }
  // The special pair (a, e), or nullptr when neither side named the other.
  const Special* Find(int a, int e) const;

 private:
  // One compiled clause; `side` 0: an employer's clause on attendee fields,
  // 1: an attendee's clause on employer fields.
  struct Clause {
    int field = 0;  // into the side's field list
    bool range = false;
    double min = 0, max = 0;
    std::vector<int> codes;  // accepted value codes, ascending
  };
  // The value codes and number of each person of one side for each field
  // that some clause on that side reads.
  struct FieldTable {
    int num_fields = 0;
    std::vector<std::int64_t> offset;  // (person * num_fields + f) -> codes
    std::vector<int> codes;
    std::vector<double> number;  // person * num_fields + f; NaN: none
  };
  bool Holds(const Clause& c, const FieldTable& t, int person) const;
  // The steps of Build.
  void BuildSpecials(const Fair& fair);
  void BuildRequirements(const Fair& fair);

  std::vector<std::int64_t> special_offset_;
  std::vector<Special> specials_;
  std::vector<std::vector<int>> must_meets_;
  std::vector<Clause> clauses_;
  // Clause indices per employer (on attendees) and per attendee (on
  // employers), CSR.
  std::vector<int> employer_clause_offset_, employer_clauses_;
  std::vector<int> attendee_clause_offset_, attendee_clauses_;
  FieldTable attendee_fields_;  // read by employers' clauses
  FieldTable employer_fields_;  // read by attendees' clauses
};

}  // namespace fairmatch

#endif  // FAIRMATCH_SCORE_PAIR_RULES_H_
