// Spelling distance and "did you mean" suggestions, for every message that
// names an unknown key, id or tag.
//
//   EditDistance("employes", "employers")       // 1
//   DidYouMean("weigths", {"weights", "seed"})  // "; did you mean 'weights'?"
#ifndef FAIRMATCH_BASE_EDIT_DISTANCE_H_
#define FAIRMATCH_BASE_EDIT_DISTANCE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace fairmatch {

// Edit distance (Levenshtein with adjacent transpositions counted as one
// edit: the optimal-string-alignment distance), compared case-insensitively
// for ASCII. O(|a| * |b|) time, O(|b|) memory.
int EditDistance(absl::string_view a, absl::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible
// typo (distance at most 2, or at most a third of the word's length for long
// words); empty otherwise. Ties go to the earliest candidate.
std::string ClosestMatch(absl::string_view word,
                         const std::vector<std::string>& candidates);

// "; did you mean 'x'?" when ClosestMatch finds one, otherwise "".
std::string DidYouMean(absl::string_view word,
                       const std::vector<std::string>& candidates);

}  // namespace fairmatch

#endif  // FAIRMATCH_BASE_EDIT_DISTANCE_H_
