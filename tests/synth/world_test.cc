#include "engine/synth/world.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

namespace fairmatch::synth {
namespace {

TEST_CASE("streams of one seed differ, and each is reproducible", "[synth]") {
  SynthRandom a = StreamRandom(7, kEmployerStream);
  SynthRandom b = StreamRandom(7, kAttendeeStream);
  SynthRandom a_again = StreamRandom(7, kEmployerStream);
  SynthRandom other_seed = StreamRandom(8, kEmployerStream);
  const std::uint64_t first = a.Next();
  CHECK(first == a_again.Next());
  CHECK(first != b.Next());
  CHECK(first != other_seed.Next());
}

TEST_CASE("the vocabulary interns each tag once, in first-seen order",
          "[synth]") {
  Vocabulary v;
  CHECK(v.Intern("python") == 0);
  CHECK(v.Intern("design") == 1);
  CHECK(v.Intern("python") == 0);
  CHECK(v.InternAll({"design", "sql", "python"}) == std::vector<int>{1, 2, 0});
  CHECK(v.size() == 3);
  CHECK(v.Name(2) == "sql");
}

TEST_CASE("e-mail slugs are lowercase ASCII joined by single hyphens",
          "[synth]") {
  struct Case {
    NamePart part;
    std::string slug;
  };
  const Case cases[] = {
      {{"José Núñez", nullptr}, "jose-nunez"},
      {{"O'Brien", nullptr}, "obrien"},
      {{"Anne -- Marie ", nullptr}, "anne-marie"},
      {{"王芳", "wang fang"}, "wang-fang"},
  };
  for (const Case& c : cases) {
    INFO(c.part.text);
    CHECK(Slug(c.part) == c.slug);
  }
}

TEST_CASE("the world indexes the whole catalogue", "[synth]") {
  const World w = PrepareWorld();
  const SynthCatalogue& c = GetSynthCatalogue();
  REQUIRE(w.catalogue == &c);
  CHECK(w.sector_tag.size() == c.sectors.size());
  CHECK(w.programme_sectors.size() == c.programmes.size());
  CHECK(w.origins.size() == c.origins.size());
  for (std::size_t k = 0; k < kKinds.size(); ++k) {
    CHECK(w.tags.Name(w.kind_tags[k]) == kKinds[k]);
  }
  // Every programme's sectors list that programme among the sector's
  // programmes.
  for (std::size_t p = 0; p < w.programme_sectors.size(); ++p) {
    for (int s : w.programme_sectors[p]) {
      const std::vector<int>& back = w.sector_programmes[s];
      CHECK(std::find(back.begin(), back.end(), static_cast<int>(p)) !=
            back.end());
    }
  }
  for (const Origin& o : w.origins) {
    CHECK(o.given_female.text.size() == o.given_female.slug.size());
    CHECK(o.family.text.size() == o.family.slug.size());
  }
}

TEST_CASE("DrawDistinct draws distinct entries not already drawn", "[synth]") {
  SynthRandom rng(3);
  const std::vector<int> pool = {5, 6, 7, 8};
  std::vector<int> out;
  TagSet set;
  set.set(6);
  DrawDistinct(rng, pool, 10, &out, &set);  // more than there are
  std::set<int> drawn(out.begin(), out.end());
  CHECK(drawn == std::set<int>{5, 7, 8});
  CHECK(out.size() == 3);
  CHECK(set[5]);
  CHECK(set[7]);
  CHECK(set[8]);
  out.clear();
  DrawDistinct(rng, pool, 2, &out, &set);  // all taken: nothing more
  CHECK(out.empty());
}

TEST_CASE("ratings stay in 0..5 and follow the means without noise",
          "[synth]") {
  SynthRandom rng(11);
  ValueMeans means{};
  for (int v = 0; v < kNumSynthValues; ++v) means[v] = v * 0.6;
  const Ratings exact = DrawRatings(rng, means, 0, 0);
  for (int v = 0; v < kNumSynthValues; ++v) {
    CHECK(exact[v] == std::min(5, static_cast<int>(std::floor(v * 0.6 + 0.5))));
  }
  for (int i = 0; i < 100; ++i) {
    for (int r : DrawRatings(rng, means, 2, 3)) {
      CHECK(r >= 0);
      CHECK(r <= 5);
    }
  }
}

}  // namespace
}  // namespace fairmatch::synth
