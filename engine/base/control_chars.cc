#include "engine/base/control_chars.h"

#include "absl/strings/str_format.h"

namespace fairmatch {
namespace {

// The length of the control character at `i` (1 for C0 and DEL, 2 for a C1
// in UTF-8), or 0 when there is none there.
int ControlAt(absl::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x20 || c == 0x7f) return 1;
  if (c == 0xc2 && i + 1 < text.size()) {
    const unsigned char next = static_cast<unsigned char>(text[i + 1]);
    if (next >= 0x80 && next <= 0x9f) return 2;
  }
  return 0;
}

}  // namespace

int FindControlCharacter(absl::string_view text, absl::string_view allowed) {
  for (size_t i = 0; i < text.size(); ++i) {
    const int n = ControlAt(text, i);
    if (n == 0) continue;
    if (n == 1 && allowed.find(text[i]) != absl::string_view::npos) continue;
    return static_cast<int>(i);
  }
  return -1;
}

std::string ControlCharacterName(absl::string_view text, int offset) {
  const size_t i = static_cast<size_t>(offset);
  const unsigned char c = static_cast<unsigned char>(text[i]);
  const int code =
      ControlAt(text, i) == 2 ? static_cast<unsigned char>(text[i + 1]) : c;
  return absl::StrFormat("U+%04X", code);
}

std::string EscapeControlCharacters(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const int n = ControlAt(text, i);
    const char c = text[i];
    if (n == 0) {
      out.push_back(c);
    } else if (n == 2) {
      out += absl::StrFormat("\\u%04x", static_cast<unsigned char>(text[++i]));
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += absl::StrFormat("\\x%02x", static_cast<unsigned char>(c));
    }
  }
  return out;
}

}  // namespace fairmatch
