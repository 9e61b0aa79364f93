#include "engine/base/tags.h"

#include "absl/strings/ascii.h"

namespace fairmatch {

std::string NormalizeTag(absl::string_view tag) {
  std::string out;
  out.reserve(tag.size());
  bool pending_space = false;
  for (const char c : tag) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace fairmatch
