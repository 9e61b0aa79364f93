// What each side asked for, beyond values and tags: requirements (hard),
// must_meet and avoid (hard, from either side) and ranked wishes (soft).
// docs/format.md describes the keys, docs/scoring.md how wishes score.
//
// These are the direct definitions, evaluated from the profiles as written;
// the planner evaluates a compiled form of the same rules
// (score/pair_rules.h), and `fairmatch check` re-validates every planned
// pair with these, so the two are checked against each other.
#ifndef FAIRMATCH_MODEL_INTENTS_H_
#define FAIRMATCH_MODEL_INTENTS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/model/fair.h"

namespace fairmatch {

// The value of `field` ("program", "extra.KEY") on a person, or nullopt when
// the person has no such field (or it is empty). Employers have only
// `extra.*` fields.
std::optional<absl::string_view> FieldValue(const Attendee& attendee,
                                            absl::string_view field);
std::optional<absl::string_view> FieldValue(const Employer& employer,
                                            absl::string_view field);

// The normal forms a field value offers an any-of clause: the whole value,
// and, when it holds commas (an `extra` list is stored "a, b"), each part.
std::vector<std::string> ValueForms(absl::string_view value);
// The number a field value reads as, for a range; nullopt when it is not a
// finite number.
std::optional<double> ValueNumber(absl::string_view value);

// True when a field value satisfies `r`. A value satisfies an any-of clause
// when its normal form (NormalizeTag) equals one of `any_of`, whole or any
// one of its comma-separated parts (an `extra` list is stored "a, b"); a
// range when it reads as a number within [min, max]. A missing value
// satisfies nothing: the other side cannot show it qualifies.
bool Satisfies(const Requirement& r, std::optional<absl::string_view> value);

// The first requirement of the pair that fails: the employer's on the
// attendee first, then the attendee's on the employer; nullptr when all
// hold. `by_employer` (optional) tells whose it is.
const Requirement* FailedRequirement(const Fair& fair, int a, int e,
                                     bool* by_employer = nullptr);

// Either side listed the other in must_meet / in avoid.
bool MustMeet(const Fair& fair, int a, int e);
bool Avoided(const Fair& fair, int a, int e);

// The 1-based rank of `x` in a ranked `wants` list, 0 when absent.
int WishRank(const std::vector<int>& wants, int x);

// For each attendee, the employers it must meet by either side's list,
// sorted and unique.
std::vector<std::vector<int>> MustMeetLists(const Fair& fair);

}  // namespace fairmatch

#endif  // FAIRMATCH_MODEL_INTENTS_H_
