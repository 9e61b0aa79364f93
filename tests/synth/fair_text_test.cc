#include "engine/synth/fair_text.h"

#include <catch2/catch.hpp>
#include <string>

namespace fairmatch::synth {
namespace {

TEST_CASE("tag lists quote what YAML needs and add free text", "[synth]") {
  Vocabulary v;
  const int python = v.Intern("python");
  const int yes = v.Intern("yes");  // a YAML 1.1 boolean: must be quoted
  std::string s;
  AppendTags(&s, v, {python, yes});
  CHECK(s == R"([python, "yes"])");
  s.clear();
  AppendTags(&s, v, {python}, "a0007", "offer", 2);
  CHECK(s == "[python, a0007 own offer 1, a0007 own offer 2]");
  s.clear();
  AppendTags(&s, v, {}, "a0007", "seek", 1);
  CHECK(s == "[a0007 own seek 1]");
}

TEST_CASE("ratings and id lists", "[synth]") {
  const SynthCatalogue& c = GetSynthCatalogue();
  Ratings r{};
  r[0] = 5;
  r[kNumSynthValues - 1] = 2;
  std::string s;
  AppendRatings(&s, c, r);
  CHECK(s.rfind(std::string("{") + c.values[0].id + ": 5, ", 0) == 0);
  CHECK(s.find(std::string(c.values[kNumSynthValues - 1].id) + ": 2}") !=
        std::string::npos);
  s.clear();
  AppendIdList(&s, {"e001", "e002", "e003"}, {2, 0});
  CHECK(s == "[e003, e001]");
}

}  // namespace
}  // namespace fairmatch::synth
