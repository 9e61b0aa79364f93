#include "engine/base/email.h"

namespace fairmatch {

bool LooksLikeEmail(absl::string_view text) {
  const size_t at = text.find('@');
  if (at == absl::string_view::npos || at == 0 || at + 1 >= text.size() ||
      text.find('@', at + 1) != absl::string_view::npos) {
    return false;
  }
  for (unsigned char c : text) {
    if (c <= 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace fairmatch
