// Control characters in user text: found, so that loaders can refuse them
// at their position, and escaped, so that a message quoting user text can
// never start a new line or carry a terminal escape.
//
//   FindControlCharacter("Nul\x1b[31m", "")    // 3
//   EscapeControlCharacters("a\r\nb\x1b")      // "a\\r\\nb\\x1b"
#ifndef FAIRMATCH_BASE_CONTROL_CHARS_H_
#define FAIRMATCH_BASE_CONTROL_CHARS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace fairmatch {

// The byte offset of the first control character in `text` (C0 U+0000 to
// U+001F except the bytes in `allowed`, DEL U+007F, C1 U+0080 to U+009F
// as UTF-8), or -1 when there is none.
int FindControlCharacter(absl::string_view text, absl::string_view allowed);

// "U+001B" for the control character at byte `offset` of `text`.
// REQUIRES: FindControlCharacter found it there.
std::string ControlCharacterName(absl::string_view text, int offset);

// `text` with every control character written out: \n, \r, \t, and \xHH
// (\u0085 for C1) for the others. Other bytes pass through unchanged.
std::string EscapeControlCharacters(absl::string_view text);

}  // namespace fairmatch

#endif  // FAIRMATCH_BASE_CONTROL_CHARS_H_
