#include "engine/io/import_text.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace fairmatch {
namespace {

using Items = std::vector<std::string>;

TEST_CASE("import text: white space collapses to single spaces", "[import]") {
  CHECK(CollapseSpace("  Ada \n Lovelace ") == "Ada Lovelace");
  CHECK(CollapseSpace("a\t\tb\r\nc") == "a b c");
  CHECK(CollapseSpace(" \n ").empty());
  CHECK(CollapseSpace("Zoë") == "Zoë");
}

TEST_CASE("import text: match keys ignore case, spacing and apostrophes",
          "[import]") {
  CHECK(MatchKey("What\xE2\x80\x99s your  Name? ") == "what's your name?");
  CHECK(MatchKey("\xE2\x80\x98quoted") == "'quoted");
  CHECK(MatchKey("Full\xC2\xA0"
                 "name") == "full name");  // no-break space
  CHECK(MatchKey("Full \xC2\xA0"
                 " name") == "full name");
  CHECK(MatchKey("\xC2\xA0"
                 "Full name\xC2\xA0") == "full name");
  CHECK(MatchKey("ÉCOLE") == "École");  // ASCII only is lower-cased: "É" stays
}

TEST_CASE("import text: answers that mean no", "[import]") {
  for (const char* no : {"", "no", "n", "false", "0"}) CHECK(IsNoAnswer(no));
  for (const char* yes : {"yes", "x", "true", "1", "required", "No!"}) {
    CHECK_FALSE(IsNoAnswer(yes));
  }
}

TEST_CASE("import text: list cells split on the delimiter and line breaks",
          "[import]") {
  CHECK(SplitList("Acme; Globex\nInitech", "") ==
        Items{"Acme", "Globex", "Initech"});
  CHECK(SplitList("a, b,  c", "") == Items{"a", "b", "c"});
  // A semicolon in the cell makes ';' the delimiter: commas stay.
  CHECK(SplitList("Smith, J.; Doe, A.", "") == Items{"Smith, J.", "Doe, A."});
  CHECK(SplitList("a | b | c", "|") == Items{"a", "b", "c"});
  CHECK(SplitList("a, b", " / ") == Items{"a, b"});
  // Empty items and CR line ends are dropped; the order is kept.
  CHECK(SplitList("z,,a\r\n\r\nm,", "") == Items{"z", "a", "m"});
  CHECK(SplitList("", "").empty());
}

}  // namespace
}  // namespace fairmatch
