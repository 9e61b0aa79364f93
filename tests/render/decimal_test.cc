#include "engine/render/decimal.h"

#include <catch2/catch.hpp>
#include <limits>
#include <locale>
#include <string>

#include "engine/score/compatibility.h"

namespace fairmatch {
namespace {

TEST_CASE("decimals are fixed at 6 places and never negative zero",
          "[render]") {
  struct Case {
    double value;
    const char* text;
  };
  const Case cases[] = {
      {0.0, "0.000000"},          {-0.0, "0.000000"},      {-1e-9, "0.000000"},
      {-4.9e-7, "0.000000"},      {-5.1e-7, "-0.000001"},  {0.71, "0.710000"},
      {1234.5, "1234.500000"},    {2.0 / 3.0, "0.666667"}, {-0.25, "-0.250000"},
      {1e9, "1000000000.000000"},
  };
  for (const Case& c : cases) {
    INFO(c.value);
    CHECK(FormatDecimal(c.value) == c.text);
  }
  CHECK(FormatDecimal(std::numeric_limits<double>::quiet_NaN()) == "nan");
  CHECK(FormatDecimal(-std::numeric_limits<double>::infinity()) == "-inf");
}

TEST_CASE("scores print as the planner's integer millionths", "[render]") {
  CHECK(FormatScore(0.71f) == "0.710000");
  CHECK(FormatScore(0.0f) == "0.000000");
  CHECK(FormatScore(-0.0f) == "0.000000");
  CHECK(FormatScore(1.0f) == "1.000000");
  CHECK(FormatScore(0.0000004f) == "0.000000");
  CHECK(FormatScore(0.0000006f) == "0.000001");
  CHECK(FormatScore(-0.25f) == "-0.250000");
  CHECK(FormatScore(12.5f) == "12.500000");
  // The text times 1e6 is ScaledScore exactly, for a spread of floats.
  for (int i = 0; i <= 1000; ++i) {
    float score = static_cast<float>(i) / 997.0f;
    std::string text = FormatScore(score);
    std::string digits =
        text.substr(0, text.size() - 7) + text.substr(text.size() - 6);
    CHECK(std::stoll(digits) == ScaledScore(score));
  }
}

// A decimal comma in the global C++ locale must not leak into outputs.
struct CommaPunct : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
};

TEST_CASE("decimals ignore the global locale", "[render]") {
  std::locale previous =
      std::locale::global(std::locale(std::locale::classic(), new CommaPunct));
  std::string text = FormatDecimal(0.5) + " " + FormatScore(0.5f);
  std::locale::global(previous);
  CHECK(text == "0.500000 0.500000");
}

TEST_CASE("fixed text for people has the decimals asked for", "[render]") {
  CHECK(FormatFixed(0.714, 2) == "0.71");
  CHECK(FormatFixed(12, 1) == "12.0");
  CHECK(FormatFixed(2.5, 0) == "2");  // to nearest, ties to even
  CHECK(FormatFixed(-0.004, 2) == "0.00");
  CHECK(FormatFixed(-0.5, 0) == "0");
  CHECK(FormatFixed(-1.25, 1) == "-1.2");
  CHECK(FormatFixed(std::numeric_limits<double>::infinity(), 2) == "n/a");
  CHECK(FormatFixed(std::nan(""), 3) == "n/a");
  std::locale previous =
      std::locale::global(std::locale(std::locale::classic(), new CommaPunct));
  const std::string text = FormatFixed(1.5, 1);
  std::locale::global(previous);
  CHECK(text == "1.5");
}

}  // namespace
}  // namespace fairmatch
