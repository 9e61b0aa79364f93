// The one rule for e-mail addresses, shared by the fair loader and the
// import, so that a file the import writes always loads.
#ifndef FAIRMATCH_BASE_EMAIL_H_
#define FAIRMATCH_BASE_EMAIL_H_

#include "absl/strings/string_view.h"

namespace fairmatch {

// True when `text` looks like an address: exactly one '@' with something on
// both sides, and no spaces or control characters. Deliberately loose
// beyond that (RFC 5322 allows far more than forms ever produce); it
// catches the slips of a registration form: a name in the e-mail field, a
// missing '@', two addresses in one cell.
bool LooksLikeEmail(absl::string_view text);

}  // namespace fairmatch

#endif  // FAIRMATCH_BASE_EMAIL_H_
