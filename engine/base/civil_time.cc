#include "engine/base/civil_time.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "engine/base/decimal_text.h"

namespace fairmatch {

bool IsRealDate(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool IsValidDate(absl::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  int part = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) {
      ++part;
      continue;
    }
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      return false;
    }
    parts[part] = parts[part] * 10 + (text[i] - '0');
  }
  return IsRealDate(parts[0], parts[1], parts[2]);
}

std::int64_t DaysFromCivil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;  // 719468: 0000-03-01 to 1970-01-01
}

std::optional<int> ParseClock(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  size_t colon = text.find(':');
  if (colon == absl::string_view::npos || colon == 0 || colon > 2 ||
      text.size() != colon + 3) {
    return std::nullopt;
  }
  int hours = 0, minutes = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == colon) continue;
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      return std::nullopt;
    }
    int digit = text[i] - '0';
    if (i < colon) {
      hours = hours * 10 + digit;
    } else {
      minutes = minutes * 10 + digit;
    }
  }
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) {
    return std::nullopt;
  }
  return hours * 60 + minutes;
}

void AppendClock(std::string* out, int minutes) {
  if (minutes < 0) {  // not a time of day; written as printf would
    out->append(absl::StrFormat("%02d:%02d", minutes / 60, minutes % 60));
    return;
  }
  AppendPadded(out, minutes / 60, 2);
  out->push_back(':');
  AppendPadded(out, minutes % 60, 2);
}

void AppendClockRange(std::string* out, int start, int end) {
  AppendClock(out, start);
  out->push_back('-');
  AppendClock(out, end);
}

std::string FormatClock(int minutes) {
  std::string text;
  AppendClock(&text, minutes);
  return text;
}

}  // namespace fairmatch
