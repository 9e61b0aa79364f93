#include "engine/base/edit_distance.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace fairmatch {
namespace {

TEST_CASE(
    "edit distance counts insertions, deletions, substitutions and "
    "adjacent swaps, ignoring ASCII case",
    "[base]") {
  struct Case {
    const char* a;
    const char* b;
    int distance;
  };
  const Case kCases[] = {
      {"", "", 0},
      {"", "abc", 3},
      {"abc", "", 3},
      {"kitten", "sitting", 3},
      {"weigths", "weights", 1},
      {"ab", "ba", 1},
      {"Weights", "weights", 0},
      {"employes", "employers", 1},
      {"ca", "abc", 3},
      {"same", "same", 0},
  };
  for (const Case& c : kCases) {
    INFO(c.a << " / " << c.b);
    CHECK(EditDistance(c.a, c.b) == c.distance);
    CHECK(EditDistance(c.b, c.a) == c.distance);
  }
}

TEST_CASE("did you mean: only plausible typos, the earliest of ties",
          "[base]") {
  const std::vector<std::string> keys = {"weights", "min_score", "seed",
                                         "meetings"};
  CHECK(ClosestMatch("weigths", keys) == "weights");
  CHECK(ClosestMatch("min_scroe", keys) == "min_score");
  CHECK(ClosestMatch("sed", keys) == "seed");
  CHECK(ClosestMatch("id", keys).empty());  // short words allow one edit
  CHECK(ClosestMatch("colour", keys).empty());
  CHECK(ClosestMatch("ab", {"ax", "ay"}) == "ax");
  CHECK(DidYouMean("weigths", keys) == "; did you mean 'weights'?");
  CHECK(DidYouMean("zzz", keys).empty());
  CHECK(DidYouMean("x", {}).empty());
}

}  // namespace
}  // namespace fairmatch
