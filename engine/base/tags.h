// The one normal form of free-text tags and of the values requirements
// compare (model/intents.h), so that "Machine  Learning" and "machine
// learning" are one tag and "MSc" satisfies `extra.level: [msc]`.
#ifndef FAIRMATCH_BASE_TAGS_H_
#define FAIRMATCH_BASE_TAGS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace fairmatch {

// Canonical form of a free-text tag: lower case (ASCII), surrounding space
// trimmed, inner runs of white space folded to one space.
std::string NormalizeTag(absl::string_view tag);

}  // namespace fairmatch

#endif  // FAIRMATCH_BASE_TAGS_H_
