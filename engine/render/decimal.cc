#include "engine/render/decimal.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <system_error>

#include "engine/score/compatibility.h"

namespace fairmatch {

void AppendDecimal(double value, std::string* out) {
  if (std::isnan(value)) {
    out->append("nan");
    return;
  }
  if (std::isinf(value)) {
    out->append(value < 0 ? "-inf" : "inf");
    return;
  }
  // std::to_chars never consults the locale and rounds the exact binary
  // value correctly; 1e308 with 6 decimals needs about 316 characters.
  char buffer[400];
  std::to_chars_result r = std::to_chars(buffer, buffer + sizeof(buffer), value,
                                         std::chars_format::fixed, 6);
  if (r.ec != std::errc()) {  // cannot happen with the buffer above
    out->append("nan");
    return;
  }
  std::string_view text(buffer, r.ptr - buffer);
  // -0.0 and tiny negatives round to "-0.000000"; print them unsigned.
  if (text == "-0.000000") text.remove_prefix(1);
  out->append(text);
}

std::string FormatDecimal(double value) {
  std::string out;
  AppendDecimal(value, &out);
  return out;
}

void AppendScore(float score, std::string* out) {
  if (!std::isfinite(score)) {
    AppendDecimal(score, out);
    return;
  }
  std::int64_t scaled = ScaledScore(score);
  static_assert(kScoreScale == 1000000, "6 decimals assume a scale of 1e6");
  if (scaled < 0) out->push_back('-');
  std::uint64_t magnitude = scaled < 0 ? 0 - static_cast<std::uint64_t>(scaled)
                                       : static_cast<std::uint64_t>(scaled);
  char buffer[24];
  std::to_chars_result r =
      std::to_chars(buffer, buffer + sizeof(buffer), magnitude / 1000000);
  out->append(buffer, r.ptr);
  out->push_back('.');
  std::uint64_t fraction = magnitude % 1000000;
  char digits[6];
  for (int i = 5; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  out->append(digits, 6);
}

std::string FormatScore(float score) {
  std::string out;
  AppendScore(score, &out);
  return out;
}

std::string FormatFixed(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  char buffer[400];
  std::to_chars_result r = std::to_chars(buffer, buffer + sizeof(buffer), value,
                                         std::chars_format::fixed, decimals);
  std::string text(buffer, r.ptr);
  if (text.find_first_not_of("-0.") == std::string::npos && text[0] == '-') {
    text.erase(0, 1);  // "-0.00" -> "0.00"
  }
  return text;
}

}  // namespace fairmatch
