#include "engine/io/import_times.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "engine/base/civil_time.h"

namespace fairmatch {

std::vector<int> ExtractTimes(absl::string_view text) {
  std::vector<int> out;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    int hour = 0;
    while (j < n && j - i < 3 &&
           absl::ascii_isdigit(static_cast<unsigned char>(text[j]))) {
      hour = hour * 10 + (text[j] - '0');
      ++j;
    }
    if (j < n && absl::ascii_isdigit(static_cast<unsigned char>(text[j]))) {
      // A longer number (a year, an id): skip it.
      while (j < n && absl::ascii_isdigit(static_cast<unsigned char>(text[j])))
        ++j;
      i = j;
      continue;
    }
    int minute = 0;
    bool has_minutes = false;
    if (j + 2 < n && (text[j] == ':' || text[j] == '.' || text[j] == 'h') &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[j + 1])) &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[j + 2]))) {
      minute = (text[j + 1] - '0') * 10 + (text[j + 2] - '0');
      has_minutes = true;
      j += 3;
    }
    size_t k = j;
    while (k < n && text[k] == ' ') ++k;
    bool am = false, pm = false;
    if (k < n) {
      const char c = absl::ascii_tolower(static_cast<unsigned char>(text[k]));
      absl::string_view rest = text.substr(k);
      const bool m_next =
          (k + 1 < n && absl::ascii_tolower(
                            static_cast<unsigned char>(text[k + 1])) == 'm') ||
          (k + 2 < n && text[k + 1] == '.' &&
           absl::ascii_tolower(static_cast<unsigned char>(text[k + 2])) == 'm');
      if ((c == 'a' || c == 'p') && m_next) {
        am = c == 'a';
        pm = c == 'p';
        j = k + (rest.size() > 1 && rest[1] == '.' ? 3 : 2);
        if (j < n && text[j] == '.') ++j;
      }
    }
    i = j;
    if (!has_minutes && !am && !pm) continue;
    if (am || pm) {
      if (hour < 1 || hour > 12) continue;
      if (hour == 12) hour = 0;
      if (pm) hour += 12;
    }
    if (hour > 24 || minute > 59 || (hour == 24 && minute != 0)) continue;
    out.push_back(hour * 60 + minute);
  }
  return out;
}

std::optional<TimeWindow> WindowFromText(absl::string_view text,
                                         int slot_length) {
  std::vector<int> times = ExtractTimes(text);
  if (times.empty()) return std::nullopt;
  if (times.size() == 1) return TimeWindow{times[0], times[0] + slot_length};
  if (times[1] <= times[0]) return std::nullopt;
  return TimeWindow{times[0], times[1]};
}

std::optional<std::int64_t> ParseTimestamp(absl::string_view text,
                                           bool day_first) {
  text = absl::StripAsciiWhitespace(text);
  size_t i = 0;
  auto read_int = [&](int max_digits, int* digits) -> std::optional<int> {
    int v = 0;
    *digits = 0;
    while (i < text.size() && *digits < max_digits &&
           absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      v = v * 10 + (text[i] - '0');
      ++i;
      ++*digits;
    }
    if (*digits == 0) return std::nullopt;
    return v;
  };
  int da, db, dc;
  std::optional<int> a = read_int(4, &da);
  if (!a || i >= text.size()) return std::nullopt;
  const char sep = text[i];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  ++i;
  std::optional<int> b = read_int(2, &db);
  if (!b || i >= text.size() || text[i] != sep) return std::nullopt;
  ++i;
  std::optional<int> c = read_int(4, &dc);
  if (!c) return std::nullopt;
  int y, m, d;
  if (da == 4) {
    y = *a, m = *b, d = *c;
    if (dc > 2) return std::nullopt;
  } else if (dc == 4 && da <= 2) {
    y = *c;
    if (day_first || sep == '.') {
      d = *a, m = *b;
    } else {
      m = *a, d = *b;
    }
  } else {
    return std::nullopt;
  }
  if (!IsRealDate(y, m, d)) return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  if (i < text.size() && (text[i] == 'T' || text[i] == ' ' || text[i] == ',')) {
    while (i < text.size() &&
           (text[i] == 'T' || text[i] == ' ' || text[i] == ','))
      ++i;
    int dh, dm, ds;
    std::optional<int> h = read_int(2, &dh);
    if (!h || i >= text.size() || text[i] != ':') return std::nullopt;
    ++i;
    std::optional<int> mi = read_int(2, &dm);
    if (!mi || dm != 2) return std::nullopt;
    hour = *h, minute = *mi;
    if (i < text.size() && text[i] == ':') {
      ++i;
      std::optional<int> s = read_int(2, &ds);
      if (!s || ds != 2) return std::nullopt;
      second = *s;
      if (i < text.size() && text[i] == '.') {  // fractions: ignored
        ++i;
        while (i < text.size() &&
               absl::ascii_isdigit(static_cast<unsigned char>(text[i])))
          ++i;
      }
    }
    size_t k = i;
    while (k < text.size() && text[k] == ' ') ++k;
    absl::string_view rest = text.substr(k);
    std::string low = absl::AsciiStrToLower(rest.substr(0, 4));
    bool am = absl::StartsWith(low, "am") || absl::StartsWith(low, "a.m.");
    bool pm = absl::StartsWith(low, "pm") || absl::StartsWith(low, "p.m.");
    if (am || pm) {
      if (hour < 1 || hour > 12) return std::nullopt;
      if (hour == 12) hour = 0;
      if (pm) hour += 12;
      i = k + (low.size() >= 4 && low[1] == '.' ? 4 : 2);
    }
    // A zone designator is accepted and ignored: one export has one zone.
    if (i < text.size() &&
        (text[i] == 'Z' || text[i] == '+' || text[i] == '-')) {
      ++i;
      while (i < text.size() &&
             (absl::ascii_isdigit(static_cast<unsigned char>(text[i])) ||
              text[i] == ':'))
        ++i;
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  return DaysFromCivil(y, m, d) * 86400 + hour * 3600 + minute * 60 + second;
}

}  // namespace fairmatch
