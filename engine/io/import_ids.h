// The ids an import derives for people: from an e-mail address (stable
// across re-imports), from a name, or from a name and a row for someone who
// gave no e-mail. One home for the import and for its wish and must-meet
// columns (import_intents).
#ifndef FAIRMATCH_IO_IMPORT_IDS_H_
#define FAIRMATCH_IO_IMPORT_IDS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace fairmatch {

// The id of someone without an e-mail address (with `id: {from_email:
// PREFIX}`): PREFIX + Slugify of the name + "-r" + the CSV line of the row,
// at most 64 characters: IdFromNameAndRow("a-", "Sam Okafor", 12) ==
// "a-sam-okafor-r12". Stable as long as the row stays on its line.
std::string IdFromNameAndRow(absl::string_view prefix, absl::string_view name,
                             int row);

// The stable id for an e-mail address: `prefix` + the first 10 hex digits
// of the 64-bit FNV-1a hash of the trimmed, lower-cased address.
// IdFromEmail("a-", " Ana@Example.org") == IdFromEmail("a-",
// "ana@example.org").
std::string IdFromEmail(absl::string_view prefix, absl::string_view email);

// An id made from a name: accents folded to ASCII, lower-cased, every run of
// other characters turned into one '-', after `prefix`, at most 64
// characters: Slugify("", "Acme Énergie & Co.") == "acme-energie-co".
// Empty when nothing is left.
std::string Slugify(absl::string_view prefix, absl::string_view name);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_IMPORT_IDS_H_
