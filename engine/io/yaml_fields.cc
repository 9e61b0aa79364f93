#include "engine/io/yaml_fields.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/base/civil_time.h"
#include "engine/base/control_chars.h"
#include "engine/base/edit_distance.h"

namespace fairmatch {
namespace {

// "a whole number from 1 to 100", "a number of at least 0".
std::string RangeText(bool whole, double lo, double hi) {
  const char* kind = whole ? "a whole number" : "a number";
  if (std::isinf(hi)) return absl::StrFormat("%s of at least %g", kind, lo);
  return absl::StrFormat("%s from %g to %g", kind, lo, hi);
}

// The scalar text, or nullopt after reporting that `node` is not a scalar.
std::optional<absl::string_view> ScalarText(const YamlNode& node,
                                            absl::string_view what,
                                            absl::string_view expected,
                                            Diagnostics* diags) {
  if (node.is_scalar()) return absl::string_view(node.scalar);
  diags->Error(node.mark, absl::StrCat(what, " must be ", expected, ", got ",
                                       node.Describe()));
  return std::nullopt;
}

}  // namespace

const YamlNode* FindGiven(const YamlNode& map, absl::string_view key) {
  const YamlNode* n = map.Find(key);
  return n == nullptr || n->is_null() ? nullptr : n;
}

void CheckKeys(const YamlNode& map, const std::vector<std::string>& allowed,
               absl::string_view context, Diagnostics* diags) {
  for (const YamlEntry& e : map.entries) {
    bool known = false;
    for (const std::string& a : allowed) known = known || a == e.key;
    if (known) continue;
    diags->Error(e.key_mark, absl::StrCat("unknown key '", e.key, "' in ",
                                          context, DidYouMean(e.key, allowed)));
  }
}

std::optional<std::string> ReadText(const YamlNode& node,
                                    absl::string_view what,
                                    Diagnostics* diags) {
  auto text = ScalarText(node, what, "text", diags);
  if (!text) return std::nullopt;
  if (absl::StripAsciiWhitespace(*text).empty()) {
    diags->Error(node.mark, absl::StrCat(what, " is empty"));
    return std::nullopt;
  }
  if (FindControlCharacter(*text, "") >= 0) {
    diags->Error(node.mark,
                 absl::StrCat(what,
                              " must be one line of text without tabs, "
                              "got ",
                              node.Describe()));
    return std::nullopt;
  }
  return std::string(*text);
}

std::optional<double> ParseFiniteNumber(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(),
                                   value, std::chars_format::general);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<std::int64_t> ParseWholeNumber(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  auto [ptr, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc() && ptr == text.data() + text.size()) return value;
  // Accept "3.0" but not "3.5".
  std::optional<double> real = ParseFiniteNumber(text);
  if (real && std::floor(*real) == *real && std::fabs(*real) < 9e15) {
    return static_cast<std::int64_t>(*real);
  }
  return std::nullopt;
}

// The range text is made only to report: these run for every rating of
// every person.
std::optional<int> ReadInt(const YamlNode& node, absl::string_view what, int lo,
                           int hi, Diagnostics* diags) {
  std::optional<std::int64_t> value;
  if (node.is_scalar()) value = ParseWholeNumber(node.scalar);
  if (!value || *value < lo || *value > hi) {
    diags->Error(node.mark,
                 absl::StrCat(what, " must be ", RangeText(true, lo, hi),
                              ", got ", node.Describe()));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<double> ReadNumber(const YamlNode& node, absl::string_view what,
                                 double lo, double hi, Diagnostics* diags) {
  std::optional<double> value;
  if (node.is_scalar()) value = ParseFiniteNumber(node.scalar);
  if (!value || *value < lo || *value > hi) {
    diags->Error(node.mark,
                 absl::StrCat(what, " must be ", RangeText(false, lo, hi),
                              ", got ", node.Describe()));
    return std::nullopt;
  }
  return value;
}

std::optional<std::uint64_t> ReadUint64(const YamlNode& node,
                                        absl::string_view what,
                                        Diagnostics* diags) {
  constexpr absl::string_view kRange = "a whole number of at least 0";
  auto text = ScalarText(node, what, kRange, diags);
  if (!text) return std::nullopt;
  absl::string_view t = absl::StripAsciiWhitespace(*text);
  if (!t.empty() && t[0] == '+') t.remove_prefix(1);
  std::uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (t.empty() || ec != std::errc() || ptr != t.data() + t.size()) {
    diags->Error(node.mark,
                 absl::StrCat(what, " must be ", kRange, " (below 2^64), got ",
                              node.Describe()));
    return std::nullopt;
  }
  return value;
}

std::optional<int> ReadClock(const YamlNode& node, absl::string_view what,
                             Diagnostics* diags) {
  constexpr absl::string_view kExpected = "a time of day like \"09:30\"";
  auto text = ScalarText(node, what, kExpected, diags);
  if (!text) return std::nullopt;
  std::optional<int> minutes = ParseClock(*text);
  if (!minutes) {
    diags->Error(node.mark,
                 absl::StrCat(what, " must be ", kExpected,
                              " (24-hour HH:MM), got ", node.Describe()));
  }
  return minutes;
}

std::optional<TimeWindow> ReadWindow(const YamlNode& node,
                                     absl::string_view what,
                                     Diagnostics* diags) {
  constexpr absl::string_view kExpected = "a time window like \"10:00-12:30\"";
  auto text = ScalarText(node, what, kExpected, diags);
  if (!text) return std::nullopt;
  size_t dash = text->find('-');
  std::optional<int> start, end;
  if (dash != absl::string_view::npos) {
    start = ParseClock(text->substr(0, dash));
    end = ParseClock(text->substr(dash + 1));
  }
  if (!start || !end) {
    diags->Error(node.mark, absl::StrCat(what, " must be ", kExpected, ", got ",
                                         node.Describe()));
    return std::nullopt;
  }
  if (*start >= *end) {
    diags->Error(node.mark,
                 absl::StrCat(what, " ", node.Describe(),
                              " must start before it ends (HH:MM-HH:MM)"));
    return std::nullopt;
  }
  return TimeWindow{*start, *end};
}

bool IsValidId(absl::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  if (!absl::ascii_isalnum(static_cast<unsigned char>(text[0]))) return false;
  for (char c : text) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' &&
        c != '.' && c != '-') {
      return false;
    }
  }
  return true;
}

std::optional<std::string> ReadId(const YamlNode& node, absl::string_view what,
                                  Diagnostics* diags) {
  constexpr absl::string_view kExpected =
      "1 to 64 letters, digits, '_', '.' or '-', starting with a letter or "
      "digit";
  auto text = ScalarText(node, what, kExpected, diags);
  if (!text) return std::nullopt;
  if (!IsValidId(*text)) {
    diags->Error(node.mark, absl::StrCat(what, " must be ", kExpected, ", got ",
                                         node.Describe()));
    return std::nullopt;
  }
  return std::string(*text);
}

}  // namespace fairmatch
