#include "engine/base/yaml_writer.h"

#include <array>
#include <cstdint>

#include "absl/strings/ascii.h"

namespace fairmatch {
namespace {

// Words that YAML 1.1 (yaml-cpp) or 1.2 read as booleans or null.
constexpr std::array<std::string_view, 11> kReservedWords = {
    "y", "n", "yes", "no", "true", "false", "on", "off", "null", "nil", "~"};

bool IsPlainMiddleChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == ' ' ||
         c == '_' || c == '.' || c == '/' || c == '-' || c == '+' || c == '@';
}

// clang-format off
// ASCII for U+00C0..U+00FF; "" drops the character (x and division sign).
constexpr std::array<const char*, 64> kLatin1 = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I",
    "I", "I", "I", "D", "N", "O", "O",  "O", "O", "O", "",  "O", "U",
    "U", "U", "U", "Y", "Th", "ss", "a", "a", "a", "a", "a", "a", "ae",
    "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o",
    "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// One letter per code point of U+0100..U+017F, in order; the ligatures
// U+0132/3 (IJ) and U+0152/3 (OE) are handled separately.
constexpr std::string_view kLatinExtendedA =
    "AaAaAa" "CcCcCcCc" "DdDd" "EeEeEeEeEe" "GgGgGgGg" "HhHh" "IiIiIiIiIi"
    "Ii" "Jj" "Kkk" "LlLlLlLlLl" "NnNnNnn" "Nn" "OoOoOo" "Oo" "RrRrRr"
    "SsSsSsSs" "TtTtTt" "UuUuUuUuUuUu" "Ww" "YyY" "ZzZzZzs";
static_assert(kLatinExtendedA.size() == 0x80);

// Base letters of U+1EA0..U+1EF9 (Vietnamese), in upper/lower pairs.
constexpr std::string_view kVietnamese =
    "AaAaAaAaAaAaAaAaAaAaAaAa" "EeEeEeEeEeEeEeEe" "IiIi"
    "OoOoOoOoOoOoOoOoOoOoOoOo" "UuUuUuUuUuUuUu" "YyYyYyYy";
static_assert(kVietnamese.size() == 0x1EFA - 0x1EA0);
// clang-format on

// Decodes one UTF-8 sequence at text[*i], advancing *i; returns -1 for a
// malformed sequence (after skipping one byte).
std::int32_t DecodeUtf8(std::string_view text, std::size_t* i) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  const unsigned char lead = byte(*i);
  int extra = 0;
  std::int32_t cp = 0;
  if (lead < 0x80) {
    ++*i;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    cp = lead & 0x07;
  } else {
    ++*i;
    return -1;
  }
  if (*i + extra >= text.size()) {  // truncated sequence
    ++*i;
    return -1;
  }
  for (int k = 1; k <= extra; ++k) {
    if ((byte(*i + k) & 0xC0) != 0x80) {
      ++*i;
      return -1;
    }
    cp = (cp << 6) | (byte(*i + k) & 0x3F);
  }
  *i += extra + 1;
  return cp;
}

}  // namespace

bool IsPlainYamlSafe(std::string_view text) {
  if (text.empty()) return false;
  if (!absl::ascii_isalpha(static_cast<unsigned char>(text[0]))) return false;
  if (text.back() == ' ') return false;
  for (char c : text) {
    if (!IsPlainMiddleChar(c)) return false;
  }
  if (text.size() <= 5) {
    std::string lower(text);
    for (char& ch : lower)
      ch = absl::ascii_tolower(static_cast<unsigned char>(ch));
    for (std::string_view word : kReservedWords) {
      if (lower == word) return false;
    }
  }
  return true;
}

void AppendQuoted(std::string* out, std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('"');
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (u < 0x20 || u == 0x7F) {
          out->append("\\x");
          out->push_back(kHex[u >> 4]);
          out->push_back(kHex[u & 0xF]);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

void AppendYamlScalar(std::string* out, std::string_view text) {
  if (IsPlainYamlSafe(text)) {
    out->append(text);
  } else {
    AppendQuoted(out, text);
  }
}

void AppendFlowList(std::string* out, const std::vector<std::string>& items) {
  out->push_back('[');
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out->append(", ");
    AppendYamlScalar(out, items[i]);
  }
  out->push_back(']');
}

std::string AsciiFold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const std::int32_t cp = DecodeUtf8(utf8, &i);
    if (cp < 0) continue;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp >= 0xC0 && cp <= 0xFF) {
      out.append(kLatin1[cp - 0xC0]);
    } else if (cp == 0x132 || cp == 0x133) {
      out.append(cp == 0x132 ? "IJ" : "ij");
    } else if (cp == 0x152 || cp == 0x153) {
      out.append(cp == 0x152 ? "OE" : "oe");
    } else if (cp >= 0x100 && cp <= 0x17F) {
      out.push_back(kLatinExtendedA[cp - 0x100]);
    } else if (cp == 0x1A0 || cp == 0x1A1) {  // Ơ ơ
      out.push_back(cp == 0x1A0 ? 'O' : 'o');
    } else if (cp == 0x1AF || cp == 0x1B0) {  // Ư ư
      out.push_back(cp == 0x1AF ? 'U' : 'u');
    } else if (cp >= 0x1EA0 && cp <= 0x1EF9) {
      out.push_back(kVietnamese[cp - 0x1EA0]);
    }
    // Anything else has no sensible Latin spelling here: dropped.
  }
  return out;
}

}  // namespace fairmatch
