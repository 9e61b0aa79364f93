#include "engine/base/civil_time.h"

#include <catch2/catch.hpp>
#include <string>

namespace fairmatch {
namespace {

TEST_CASE("real dates: month lengths, leap years, the four-digit range",
          "[base]") {
  struct Case {
    int y, m, d;
    bool real;
  };
  const Case kCases[] = {
      {2027, 3, 4, true},   {2027, 2, 28, true},  {2027, 2, 29, false},
      {2028, 2, 29, true},  {1900, 2, 29, false}, {2000, 2, 29, true},
      {2027, 4, 31, false}, {2027, 12, 31, true}, {2027, 13, 1, false},
      {2027, 0, 1, false},  {2027, 1, 0, false},  {999, 1, 1, false},
      {1000, 1, 1, true},   {9999, 12, 31, true}, {10000, 1, 1, false},
  };
  for (const Case& c : kCases) {
    INFO(c.y << "-" << c.m << "-" << c.d);
    CHECK(IsRealDate(c.y, c.m, c.d) == c.real);
  }
}

TEST_CASE("date text is YYYY-MM-DD naming a real day", "[base]") {
  CHECK(IsValidDate("2027-03-04"));
  CHECK(IsValidDate("2028-02-29"));
  CHECK_FALSE(IsValidDate("2027-02-29"));
  CHECK_FALSE(IsValidDate("2027-3-4"));
  CHECK_FALSE(IsValidDate("2027/03/04"));
  CHECK_FALSE(IsValidDate("2027-03-04 "));
  CHECK_FALSE(IsValidDate("20x7-03-04"));
  CHECK_FALSE(IsValidDate(""));
  CHECK_FALSE(IsValidDate("9999999991234"));
}

TEST_CASE("days from the civil date count from 1970-01-01", "[base]") {
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(1970, 1, 2) == 1);
  CHECK(DaysFromCivil(1969, 12, 31) == -1);
  CHECK(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28) == 2);
  CHECK(DaysFromCivil(2027, 1, 1) - DaysFromCivil(2026, 1, 1) == 365);
  CHECK(DaysFromCivil(2029, 1, 1) - DaysFromCivil(2028, 1, 1) == 366);
}

TEST_CASE("clock times read as minutes and print as HH:MM", "[base]") {
  CHECK(ParseClock("09:30") == 570);
  CHECK(ParseClock("9:30") == 570);
  CHECK(ParseClock(" 13:05 ") == 785);
  CHECK(ParseClock("00:00") == 0);
  CHECK(ParseClock("24:00") == 1440);
  CHECK_FALSE(ParseClock("24:01").has_value());
  CHECK_FALSE(ParseClock("12:60").has_value());
  CHECK_FALSE(ParseClock("123:00").has_value());
  CHECK_FALSE(ParseClock("12:5").has_value());
  CHECK_FALSE(ParseClock(":30").has_value());
  CHECK_FALSE(ParseClock("ab:cd").has_value());
  CHECK_FALSE(ParseClock("").has_value());
  CHECK(FormatClock(570) == "09:30");
  CHECK(FormatClock(0) == "00:00");
  CHECK(FormatClock(1440) == "24:00");
  for (int m = 0; m <= 1440; ++m) CHECK(ParseClock(FormatClock(m)) == m);
}

TEST_CASE("ParseClock reads H:MM and HH:MM up to 24:00", "[io]") {
  struct Case {
    const char* text;
    std::optional<int> minutes;
  };
  const std::vector<Case> cases = {
      {"00:00", 0},
      {"09:30", 570},
      {"9:30", 570},
      {"23:59", 1439},
      {"24:00", 1440},
      {" 10:15 ", 615},
      {"24:01", std::nullopt},
      {"25:00", std::nullopt},
      {"12:60", std::nullopt},
      {"930", std::nullopt},
      {":30", std::nullopt},
      {"123:00", std::nullopt},
      {"9:3", std::nullopt},
      {"9:300", std::nullopt},
      {"0a:30", std::nullopt},
      {"-1:00", std::nullopt},
      {"", std::nullopt},
      {"9.30", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO("'" << c.text << "'");
    CHECK(ParseClock(c.text) == c.minutes);
  }
}

TEST_CASE("FormatClock writes minutes since midnight as zero-padded HH:MM",
          "[model]") {
  CHECK(FormatClock(0) == "00:00");
  CHECK(FormatClock(5) == "00:05");
  CHECK(FormatClock(545) == "09:05");
  CHECK(FormatClock(600) == "10:00");
  CHECK(FormatClock(1439) == "23:59");
  CHECK(FormatClock(1440) == "24:00");  // midnight at the end of the day
}

TEST_CASE("clock times are appended as HH:MM", "[base]") {
  std::string s;
  AppendClock(&s, 9 * 60 + 5);
  CHECK(s == "09:05");
  s.clear();
  AppendClockRange(&s, 0, 24 * 60);
  CHECK(s == "00:00-24:00");
  CHECK(FormatClock(13 * 60 + 45) == "13:45");
  CHECK(FormatClock(100 * 60) == "100:00");
  CHECK(FormatClock(-90) == "-1:-30");  // not a time; as printf writes it
}

}  // namespace
}  // namespace fairmatch
