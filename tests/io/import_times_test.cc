#include "engine/io/import_times.h"

#include <catch2/catch.hpp>
#include <vector>

namespace fairmatch {
namespace {

TEST_CASE("import times: times of day in free text", "[import]") {
  struct Case {
    const char* text;
    std::vector<int> minutes;
  };
  const Case cases[] = {
      {"10:00", {600}},
      {"9.30", {570}},
      {"2pm", {840}},
      {"2:30 PM", {870}},
      {"12 a.m.", {0}},
      {"12pm", {720}},
      {"10:00 - 2pm", {600, 840}},
      {"10h15-10h45", {615, 645}},
      {"Question 3", {}},           // a bare number is not a time
      {"in 2027 at 10:30", {630}},  // a year is skipped
      {"25:00, 13pm, 24:30", {}},
      {"24:00", {1440}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(ExtractTimes(c.text) == c.minutes);
  }
}

TEST_CASE("import times: a window from a header or an answer", "[import]") {
  std::optional<TimeWindow> one = WindowFromText("10:30", 15);
  REQUIRE(one);
  CHECK(one->start == 630);
  CHECK(one->end == 645);
  std::optional<TimeWindow> range = WindowFromText("Busy 10:00-11:30?", 15);
  REQUIRE(range);
  CHECK(range->start == 600);
  CHECK(range->end == 690);
  CHECK_FALSE(WindowFromText("11:00-10:00", 15));  // reversed
  CHECK_FALSE(WindowFromText("none", 15));
}

TEST_CASE("import times: common timestamp formats", "[import]") {
  const auto iso = ParseTimestamp("2027-02-01 14:03:22", false);
  REQUIRE(iso.has_value());
  CHECK(ParseTimestamp("2/1/2027 14:03:22", false) == iso);
  CHECK(ParseTimestamp("1/2/2027 14:03:22", true) == iso);
  CHECK(ParseTimestamp("01.02.2027 14:03:22", false) == iso);
  CHECK(ParseTimestamp("2027-02-01T14:03:22Z", false) == iso);
  CHECK(ParseTimestamp("2027-02-01T14:03:22+01:00", false) == iso);
  CHECK(ParseTimestamp("2/1/2027 2:03:22 PM", false) == iso);
  CHECK(ParseTimestamp("2/1/2027 2:03:22 p.m.", false) == iso);
  CHECK(ParseTimestamp("2027-02-01 14:03:22.517", false) == iso);
  CHECK(ParseTimestamp("2027/02/01 14:03", false) == *iso - 22);
  CHECK(*ParseTimestamp("2027-02-02", false) > *iso);
  CHECK(*ParseTimestamp("2027-01-31 23:59:59", false) < *iso);
  CHECK_FALSE(ParseTimestamp("2027-02-30 10:00", false));
  CHECK_FALSE(ParseTimestamp("13/13/2027", false));
  CHECK_FALSE(ParseTimestamp("yesterday", false));
  CHECK_FALSE(ParseTimestamp("2027-02-01 25:00", false));
  CHECK_FALSE(ParseTimestamp("2027-02-01 10:5", false));
  CHECK_FALSE(ParseTimestamp("2027-02-01 10:00 tomorrow", false));
}

}  // namespace
}  // namespace fairmatch
