#include "engine/base/tags.h"

#include <catch2/catch.hpp>

namespace fairmatch {
namespace {

TEST_CASE("tags: one normal form for case and spacing", "[base]") {
  CHECK(NormalizeTag("Machine  Learning") == "machine learning");
  CHECK(NormalizeTag("  machine learning\t") == "machine learning");
  CHECK(NormalizeTag("MSc") == NormalizeTag("msc"));
  CHECK(NormalizeTag("a\n\tb") == "a b");
  CHECK(NormalizeTag("").empty());
  CHECK(NormalizeTag("   ").empty());
  // Only ASCII is lower-cased; other text is kept as written.
  CHECK(NormalizeTag("Énergie") == "Énergie");
  // Idempotent.
  for (const char* t : {"Data  Analysis ", "x", " A B  C "}) {
    CHECK(NormalizeTag(NormalizeTag(t)) == NormalizeTag(t));
  }
}

}  // namespace
}  // namespace fairmatch
