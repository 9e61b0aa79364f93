#include "engine/synth/attendees.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace fairmatch::synth {
namespace {

struct Generated {
  std::vector<SynthEmployer> employers;
  AttendeeRecords records;
  std::string yaml;
};

Generated Make(const SynthOptions& options) {
  const World world = PrepareWorld();
  const Day day = PlanDay(options.slots);
  Generated g;
  std::string employers_yaml;
  g.employers = GenerateEmployers(options, world, day, 2027, &employers_yaml);
  g.records =
      GenerateAttendees(options, world, day, 2027, &g.employers, &g.yaml);
  return g;
}

int Count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST_CASE("attendees get unique ids and e-mails, padded to four digits",
          "[synth]") {
  SynthOptions options;
  options.attendees = 400;
  options.employers = 20;
  const Generated g = Make(options);
  CHECK(g.yaml.rfind("attendees:\n  - id: a0001\n    name: ", 0) == 0);
  std::set<std::string> emails;
  for (absl::string_view line : absl::StrSplit(g.yaml, '\n')) {
    if (absl::ConsumePrefix(&line, "    email: ")) {
      CHECK(absl::EndsWith(line, "@example.edu"));
      emails.emplace(line);
    }
  }
  CHECK(emails.size() == 400);
  CHECK(Count(g.yaml, "\n  - id: a") == 400);
  CHECK(g.records.records.empty());  // no wishes: nothing kept
}

TEST_CASE("exactly the requested attendees get must_meet and avoid lists",
          "[synth]") {
  SynthOptions options;
  options.attendees = 300;
  options.employers = 30;
  options.must_meets = 25;
  options.avoids = 40;
  options.conflict_fraction = 0;  // everyone shares a slot with someone
  const Generated g = Make(options);
  CHECK(Count(g.yaml, "\n    must_meet: [") == 25);
  CHECK(Count(g.yaml, "\n    avoid: [") == 40);
  CHECK(Count(g.yaml, "\n    available: ") == 0);
  for (const SynthEmployer& e : g.employers) CHECK(e.must_room >= 0);
}

TEST_CASE("with wishes, every attendee is kept for the employers' lists",
          "[synth]") {
  SynthOptions options;
  options.attendees = 200;
  options.employers = 25;
  options.wishes = 1;
  options.free_text = 2;
  const Generated g = Make(options);
  REQUIRE(g.records.records.size() == 200);
  REQUIRE(g.records.ids.size() == 200);
  CHECK(g.records.ids[199] == "a0200");
  CHECK(Count(g.yaml, "\n    wants: [") == 200);
  CHECK(Count(g.yaml, " own offer 2") == 200);
  CHECK(Count(g.yaml, " own seek 1") == 200);
  for (const AttendeeRecord& r : g.records.records) {
    CHECK(std::is_sorted(r.avoid.begin(), r.avoid.end()));
  }
}

}  // namespace
}  // namespace fairmatch::synth
