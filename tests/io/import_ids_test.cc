#include "engine/io/import_ids.h"

#include <catch2/catch.hpp>
#include <string>

namespace fairmatch {
namespace {

TEST_CASE("ids from e-mail addresses ignore case and spacing", "[io]") {
  CHECK(IdFromEmail("a-", " Ana@Example.org") ==
        IdFromEmail("a-", "ana@example.org"));
  const std::string id = IdFromEmail("a-", "ana@example.org");
  CHECK(id.size() == 2 + 10);
  CHECK(id.rfind("a-", 0) == 0);
  CHECK(id.find_first_not_of("0123456789abcdef", 2) == std::string::npos);
  CHECK(IdFromEmail("a-", "ben@example.org") != id);
  CHECK(IdFromEmail("", "ana@example.org") == id.substr(2));
}

TEST_CASE("ids from names are folded, hyphenated and at most 64 long", "[io]") {
  struct Case {
    const char* prefix;
    const char* name;
    const char* id;
  };
  const Case cases[] = {
      {"", "Acme Énergie & Co.", "acme-energie-co"},
      {"e-", "  Northwind  Labs ", "e-northwind-labs"},
      {"", "!!!", ""},
      {"", "O'Brien", "o-brien"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(Slugify(c.prefix, c.name) == c.id);
  }
  const std::string long_id = Slugify("", std::string(100, 'x'));
  CHECK(long_id.size() == 64);
}

TEST_CASE("ids from a name and a row fit 64 characters with the row", "[io]") {
  CHECK(IdFromNameAndRow("a-", "Sam Okafor", 12) == "a-sam-okafor-r12");
  CHECK(IdFromNameAndRow("a-", "???", 3) == "a-x-r3");
  const std::string id = IdFromNameAndRow("a-", std::string(100, 'y'), 1234);
  CHECK(id.size() == 64);
  CHECK(id.substr(id.size() - 6) == "-r1234");
}

}  // namespace
}  // namespace fairmatch
