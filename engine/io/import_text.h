// How `fairmatch import` reads the text of spreadsheet cells and mapping
// keys (docs/import.md): one home for the spacing, matching and list rules
// that the importer (csv_import.cc) and its reference and requirement
// columns (import_intents.cc) share.
//
//   CollapseSpace("  Ada \n Lovelace ")      // "Ada Lovelace"
//   MatchKey("What’s your  Name? ")          // "what's your name?"
//   SplitList("Acme; Globex\nInitech", "")   // {"Acme", "Globex", "Initech"}
#ifndef FAIRMATCH_IO_IMPORT_TEXT_H_
#define FAIRMATCH_IO_IMPORT_TEXT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace fairmatch {

// Trims and turns every run of white space (line breaks included) into one
// space: names, e-mails and tags are single-line text.
std::string CollapseSpace(absl::string_view text);

// The form in which headers, labels and answers are compared: white space
// (no-break spaces included) collapsed, ASCII lower case, typographic
// apostrophes straightened.
std::string MatchKey(absl::string_view text);

// True for a checkbox or yes/no answer that means "no": given as a MatchKey,
// empty, "no", "n", "false" or "0".
bool IsNoAnswer(absl::string_view match_key);

// Splits a multi-select or list cell, keeping the order of its items. Line
// breaks always separate items (people write one per line); otherwise
// `delimiter`, or when that is empty ';' if the cell has one, else ','.
// Items are space-collapsed; empty ones are dropped.
std::vector<std::string> SplitList(absl::string_view cell,
                                   const std::string& delimiter);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_IMPORT_TEXT_H_
