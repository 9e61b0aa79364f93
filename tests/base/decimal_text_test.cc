#include "engine/base/decimal_text.h"

#include <catch2/catch.hpp>
#include <string>

namespace fairmatch {
namespace {

TEST_CASE("zero-padded numbers and their digits", "[base]") {
  std::string s;
  AppendPadded(&s, 7, 3);
  AppendPadded(&s, 1234, 2);
  AppendPadded(&s, 0, 1);
  CHECK(s == "00712340");
  CHECK(DecimalDigits(0) == 1);
  CHECK(DecimalDigits(9) == 1);
  CHECK(DecimalDigits(10) == 2);
  CHECK(DecimalDigits(30000) == 5);
}

}  // namespace
}  // namespace fairmatch
