#include "engine/synth/employers.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"

namespace fairmatch::synth {
namespace {

TEST_CASE("booth rows are labelled A..Z, then AA", "[synth]") {
  CHECK(RowLabel(0) == "A");
  CHECK(RowLabel(25) == "Z");
  CHECK(RowLabel(26) == "AA");
  CHECK(RowLabel(27) == "AB");
  CHECK(RowLabel(26 + 26 * 26) == "AAA");
}

TEST_CASE("employers get unique ids and names and feasible must_meet room",
          "[synth]") {
  SynthOptions options;
  options.employers = 250;
  options.requirements = 1;
  const World world = PrepareWorld();
  const Day day = PlanDay(12);
  std::string yaml;
  const std::vector<SynthEmployer> employers =
      GenerateEmployers(options, world, day, 2027, &yaml);
  REQUIRE(employers.size() == 250);
  CHECK(yaml.rfind("employers:\n  - id: e001\n", 0) == 0);
  std::set<std::string> ids, names;
  for (absl::string_view line : absl::StrSplit(yaml, '\n')) {
    if (absl::ConsumePrefix(&line, "    name: ")) names.emplace(line);
  }
  CHECK(names.size() == 250);
  for (std::size_t e = 0; e < employers.size(); ++e) {
    const SynthEmployer& emp = employers[e];
    ids.insert(emp.id);
    CHECK(emp.tables >= 1);
    CHECK(emp.tables <= 3);
    CHECK(emp.slot_mask != 0);
    CHECK(emp.must_room == emp.tables * std::popcount(emp.slot_mask) / 4);
    CHECK(emp.offers[world.sector_tag[emp.sector]]);
    CHECK(emp.seeks.any());
    // Each entry ends where its lists will be spliced in.
    CHECK(yaml[emp.yaml_end] == '\n');
    const std::size_t next = yaml.find("  - id: ", emp.yaml_end);
    CHECK((next == emp.yaml_end + 1 || e + 1 == employers.size()));
  }
  CHECK(ids.size() == 250);
}

}  // namespace
}  // namespace fairmatch::synth
