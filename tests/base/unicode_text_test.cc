#include "engine/base/unicode_text.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace fairmatch {
namespace {

TEST_CASE("names fold equal when a person would call them the same", "[base]") {
  CHECK(FoldForLookup("  Chloé  DUBOIS ") == "chloe dubois");
  CHECK(FoldForLookup("chloe dubois") == FoldForLookup("CHLOÉ\tDubois"));
  CHECK(FoldForLookup("Straße") == "strasse");
  CHECK(FoldForLookup("ﬁne") == "fine");
  CHECK(FoldForLookup("Zoë Ñúñez") == "zoe nunez");
  CHECK(FoldForLookup("Olivia Østergaard") == "olivia ostergaard");
  CHECK(FoldForLookup("Łukasz Ærø Đoàn") == "lukasz aero doan");
  CHECK(FoldForLookup("") == "");
  CHECK(FoldForLookup("ana@Example.ORG") == "ana@example.org");
  CHECK(FoldForLookup("Chloé Dubois") != FoldForLookup("Chloé Dubais"));
}

TEST_CASE("a collation sorts names as the language reads them", "[base]") {
  absl::StatusOr<Collation> en = Collation::ForLocale("en");
  REQUIRE(en.ok());
  std::vector<std::string> names = {"Zoë", "Érica", "adam", "Émile", "Bo"};
  std::sort(names.begin(), names.end(),
            [&](const std::string& a, const std::string& b) {
              return en->Less(a, b);
            });
  CHECK(names ==
        std::vector<std::string>{"adam", "Bo", "Émile", "Érica", "Zoë"});
  // Keys sort the same way, bytewise.
  CHECK(en->Key("Érica") < en->Key("Zoë"));
  CHECK(en->Key("adam") < en->Key("Bo"));
  // Swedish puts Ö after Z; English does not.
  absl::StatusOr<Collation> sv = Collation::ForLocale("sv");
  REQUIRE(sv.ok());
  CHECK(sv->Less("Zeta", "Östen"));
  CHECK(en->Less("Östen", "Zeta"));
}

TEST_CASE("an unknown locale is an error naming it", "[base]") {
  for (const char* bad : {"", "xx", "klingon", "zz-ZZ"}) {
    INFO(bad);
    absl::StatusOr<Collation> c = Collation::ForLocale(bad);
    REQUIRE_FALSE(c.ok());
    CHECK(c.status().message().find("locale") != std::string::npos);
  }
  CHECK(Collation::ForLocale("fr-CA").ok());
  CHECK(Collation::ForLocale("de_DE").ok());
}

}  // namespace
}  // namespace fairmatch
