// The keys of both sides' say beyond values and tags (io/intents_loader.h):
// `requires:` read from YAML, and must_meet, avoid and wants resolved into
// indices on fairs built in code, with every contradiction reported where
// it was written.
#include "engine/io/intents_loader.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/io/changes_loader.h"
#include "engine/io/diagnostics.h"
#include "engine/io/yaml_tree.h"
#include "engine/model/fair.h"
#include "tests/fixtures/intents.h"

namespace fairmatch {
namespace {

using Catch::Matchers::Contains;
using testing::AnyOf;
using testing::Range;

using Lines = std::vector<std::string>;

// ReadRequirements on the value of `requires` in employers.yaml (or
// attendees.yaml) holding `text`, which starts "requires:" on line 1.
struct Requires {
  std::string file;
  Diagnostics diags;
  std::vector<Requirement> clauses;

  Requires(const std::string& text, bool of_employer)
      : file(of_employer ? "employers.yaml" : "attendees.yaml") {
    Diagnostics parse;
    std::optional<YamlNode> root = ParseYaml(text, file, &parse);
    INFO(parse.ToStatus().message());
    REQUIRE(parse.ok());
    REQUIRE(root.has_value());
    REQUIRE(root->Find("requires") != nullptr);
    clauses = ReadRequirements(*root->Find("requires"), of_employer, &diags);
  }
};

Requires OfEmployer(const std::string& text) { return Requires(text, true); }
Requires OfAttendee(const std::string& text) { return Requires(text, false); }

TEST_CASE("requires: nothing, or an empty map, requires nothing",
          "[io][intents]") {
  for (const char* text : {"requires:\n", "requires: {}\n", "requires: ~\n"}) {
    INFO(text);
    Requires r = OfEmployer(text);
    CHECK(r.clauses.empty());
    CHECK(r.diags.ok());
  }
}

TEST_CASE("requires: accepted values, normalised like tags, each once",
          "[io][intents]") {
  Requires r = OfEmployer(
      "requires:\n"
      "  program: [Computer  Science, \" computer science \", Law]\n"
      "  extra.level: MSc\n");
  INFO(r.diags.ToStatus().message());
  CHECK(r.diags.ok());
  REQUIRE(r.clauses.size() == 2);
  const Requirement& program = r.clauses[0];
  CHECK(program.field == "program");
  CHECK(program.any_of == std::vector<std::string>{"computer science", "law"});
  CHECK_FALSE(program.range);
  CHECK(program.mark.ToString() == "employers.yaml:2:3");  // the key's
  const Requirement& level = r.clauses[1];
  CHECK(level.field == "extra.level");
  CHECK(level.any_of == std::vector<std::string>{"msc"});
  CHECK(level.mark.ToString() == "employers.yaml:3:3");
}

TEST_CASE("requires: an extra field nested under 'extra' is dotted",
          "[io][intents]") {
  Requires r = OfAttendee(
      "requires:\n"
      "  extra:\n"
      "    remote: [yes, Hybrid]\n"
      "    sector: Energy\n");
  INFO(r.diags.ToStatus().message());
  CHECK(r.diags.ok());
  REQUIRE(r.clauses.size() == 2);
  CHECK(r.clauses[0].field == "extra.remote");
  CHECK(r.clauses[0].any_of == std::vector<std::string>{"yes", "hybrid"});
  CHECK(r.clauses[0].mark.ToString() == "attendees.yaml:3:5");
  CHECK(r.clauses[1].field == "extra.sector");
  CHECK(r.clauses[1].any_of == std::vector<std::string>{"energy"});
}

TEST_CASE("requires: a range with min, max or both", "[io][intents]") {
  Requires r = OfEmployer(
      "requires:\n"
      "  extra.year: {min: 2026, max: 2027}\n"
      "  extra.gpa: {min: 3.5}\n"
      "  extra.age: {max: \"30\"}\n"
      "  extra.term: {min: -2, max: -2}\n");
  INFO(r.diags.ToStatus().message());
  CHECK(r.diags.ok());
  REQUIRE(r.clauses.size() == 4);
  for (const Requirement& c : r.clauses) {
    CHECK(c.range);
    CHECK(c.any_of.empty());
  }
  CHECK(r.clauses[0].min == 2026);
  CHECK(r.clauses[0].max == 2027);
  CHECK(r.clauses[0].ToString() == "extra.year is 2026 to 2027");
  CHECK(r.clauses[1].min == 3.5);
  CHECK(r.clauses[1].max == 1e300);  // open
  CHECK(r.clauses[1].ToString() == "extra.gpa is at least 3.5");
  CHECK(r.clauses[2].min == -1e300);  // open
  CHECK(r.clauses[2].max == 30);
  CHECK(r.clauses[3].ToString() == "extra.term is -2");
  CHECK(r.clauses[3].mark.ToString() == "employers.yaml:5:3");
}

TEST_CASE("requires: a value that is not a map of fields", "[io][intents]") {
  SECTION("an employer's example names program and an extra field") {
    Requires r = OfEmployer("requires: [MSc, PhD]\n");
    CHECK(r.clauses.empty());
    CHECK(r.diags.Lines() ==
          Lines{"employers.yaml:1:11: error: 'requires' must be a map of "
                "fields like {program: [Computer Science], extra.level: [MSc, "
                "PhD]}, got a list"});
  }
  SECTION("an attendee's example names an employer's extra field") {
    Requires r = OfAttendee("requires: remote\n");
    CHECK(r.clauses.empty());
    CHECK(r.diags.Lines() ==
          Lines{"attendees.yaml:1:11: error: 'requires' must be a map of "
                "fields like {extra.remote: [yes]}, got 'remote'"});
  }
}

TEST_CASE("requires: fields the other side does not have are unknown",
          "[io][intents]") {
  SECTION("an employer: program or extra.KEY") {
    Requires r = OfEmployer(
        "requires:\n"
        "  level: [MSc]\n"
        "  extra.: [x]\n"
        "  program: [Law]\n");
    REQUIRE(r.clauses.size() == 1);  // the rest is still read
    CHECK(r.clauses[0].field == "program");
    const Lines lines = r.diags.Lines();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] ==
          "employers.yaml:2:3: error: unknown requirement field 'level'; an "
          "employer may require 'program' or an attendee's extra field as "
          "'extra.level'");
    // "extra." names no field.
    CHECK_THAT(lines[1], Catch::StartsWith("employers.yaml:3:3: error: unknown "
                                           "requirement field 'extra.'"));
  }
  SECTION("an attendee: extra.KEY only, and not program") {
    Requires r = OfAttendee(
        "requires:\n"
        "  program: [Law]\n"
        "  sector: [energy]\n");
    CHECK(r.clauses.empty());
    CHECK(r.diags.Lines() ==
          Lines{"attendees.yaml:2:3: error: unknown requirement field "
                "'program'; an attendee may require an employer's extra "
                "field, as 'extra.sector'",
                "attendees.yaml:3:3: error: unknown requirement field "
                "'sector'; an attendee may require an employer's extra "
                "field, as 'extra.sector'"});
  }
}

TEST_CASE("requires: a clause without accepted values", "[io][intents]") {
  SECTION("empty") {
    Requires r = OfEmployer("requires:\n  program: ~\n  extra.level: MSc\n");
    REQUIRE(r.clauses.size() == 1);
    CHECK(r.clauses[0].field == "extra.level");
    CHECK(r.diags.Lines() ==
          Lines{"employers.yaml:2:12: error: requirement 'program' is empty; "
                "give the accepted values, like [MSc, PhD], or a range {min: "
                "2026, max: 2027}"});
  }
  SECTION("an empty list") {
    Requires r = OfEmployer("requires:\n  program: []\n");
    CHECK(r.clauses.empty());
    CHECK(r.diags.Lines() ==
          Lines{"employers.yaml:2:12: error: requirement 'program' lists no "
                "accepted value; remove it to accept everyone"});
  }
  SECTION("a value that is not text") {
    Requires r = OfEmployer("requires:\n  program: [Law, {x: 1}, \"\"]\n");
    CHECK(r.clauses.empty());
    const Lines lines = r.diags.Lines();
    REQUIRE(lines.size() == 2);
    CHECK_THAT(lines[0], Catch::StartsWith("employers.yaml:2:18: error: each "
                                           "value of requirement 'program'"));
    CHECK_THAT(lines[1], Catch::StartsWith("employers.yaml:2:26: error: each "
                                           "value of requirement 'program' "
                                           "is empty"));
  }
}

TEST_CASE("requires: a range that is no range", "[io][intents]") {
  SECTION("neither bound") {
    Requires r = OfEmployer("requires:\n  extra.year: {}\n");
    CHECK(r.clauses.empty());
    CHECK(r.diags.Lines() ==
          Lines{"employers.yaml:2:15: error: the range of requirement "
                "'extra.year' needs 'min', 'max' or both"});
  }
  SECTION("min above max") {
    Requires r =
        OfEmployer("requires:\n  extra.year: {min: 2028, max: 2026}\n");
    CHECK(r.clauses.empty());
    CHECK(r.diags.Lines() ==
          Lines{"employers.yaml:2:15: error: the range of requirement "
                "'extra.year' has 'min' above 'max'"});
  }
  SECTION("a bound that is not a number, or too large") {
    Requires r = OfEmployer(
        "requires:\n"
        "  extra.year: {min: soon}\n"
        "  extra.gpa: {max: 1e16}\n");
    CHECK(r.clauses.empty());
    const Lines lines = r.diags.Lines();
    REQUIRE(lines.size() == 2);
    CHECK_THAT(lines[0], Catch::StartsWith("employers.yaml:2:21: error: 'min' "
                                           "of requirement 'extra.year' must "
                                           "be "));
    CHECK_THAT(lines[0], Catch::EndsWith(", got 'soon'"));
    CHECK_THAT(lines[1], Catch::StartsWith("employers.yaml:3:20: error: 'max' "
                                           "of requirement 'extra.gpa' must "
                                           "be "));
  }
  SECTION("an unknown key in it") {
    Requires r = OfEmployer("requires:\n  extra.year: {mn: 2026, max: 2027}\n");
    CHECK(r.diags.Lines() ==
          Lines{"employers.yaml:2:16: error: unknown key 'mn' in the range of "
                "requirement 'extra.year'; did you mean 'min'?"});
  }
}

// ResolveIntents on a fair of people with only ids, and their references
// as the loader would have read them.
struct Sides {
  Fair fair;
  std::vector<PersonRefs> attendee_refs;
  std::vector<PersonRefs> employer_refs;
  WithdrawnIds withdrawn;
  Diagnostics diags;

  Sides(const std::vector<std::string>& attendees,
        const std::vector<std::string>& employers)
      : attendee_refs(attendees.size()), employer_refs(employers.size()) {
    for (const std::string& id : attendees) {
      Attendee a;
      a.id = id;
      fair.attendees.push_back(a);
    }
    for (const std::string& id : employers) {
      Employer e;
      e.id = id;
      fair.employers.push_back(e);
    }
  }
  void Resolve() {
    ResolveIntents(attendee_refs, employer_refs, withdrawn, &fair, &diags);
  }
};

// A reference to `id` written on `line` of attendees.yaml or employers.yaml.
IdRef InAttendees(const std::string& id, int line) {
  return {id, SourceMark{"attendees.yaml", line, 7}};
}
IdRef InEmployers(const std::string& id, int line) {
  return {id, SourceMark{"employers.yaml", line, 7}};
}

TEST_CASE("intents resolve to sorted must_meet and avoid and ranked wants",
          "[io][intents]") {
  Sides s({"a1", "a2", "a3"}, {"e1", "e2", "e3", "e4"});
  s.attendee_refs[0].must_meet = {InAttendees("e3", 3), InAttendees("e1", 3),
                                  InAttendees("e3", 3)};
  s.attendee_refs[0].avoid = {InAttendees("e4", 4), InAttendees("e2", 4)};
  s.attendee_refs[0].wants = {InAttendees("e3", 5), InAttendees("e1", 5)};
  s.employer_refs[1].must_meet = {InEmployers("a3", 9), InEmployers("a2", 9)};
  s.employer_refs[1].avoid = {InEmployers("a1", 10)};
  s.employer_refs[3].wants = {InEmployers("a2", 20), InEmployers("a3", 20)};
  // a1 avoids e2 and e2 avoids a1: one pair avoided by both is no conflict.
  s.Resolve();
  INFO(s.diags.ToStatus().message());
  CHECK(s.diags.ok());
  CHECK(s.diags.WarningLines().empty());
  const Attendee& a1 = s.fair.attendees[0];
  CHECK(a1.must_meet == std::vector<int>{0, 2});
  CHECK(a1.avoid == std::vector<int>{1, 3});
  CHECK(a1.wants == std::vector<int>{2, 0});  // file order, not sorted
  CHECK(s.fair.attendees[1].must_meet.empty());
  CHECK(s.fair.employers[1].must_meet == std::vector<int>{1, 2});
  CHECK(s.fair.employers[1].avoid == std::vector<int>{0});
  CHECK(s.fair.employers[3].wants == std::vector<int>{1, 2});
  CHECK(s.fair.employers[0].wants.empty());
}

TEST_CASE("intents: an unknown id is an error with a did-you-mean, dropped",
          "[io][intents]") {
  Sides s({"a0001", "a0002"}, {"acme-energie", "globex"});
  s.attendee_refs[1].must_meet = {InAttendees("acme-energy", 6),
                                  InAttendees("globex", 6)};
  s.employer_refs[0].avoid = {InEmployers("a0003", 4)};
  s.employer_refs[1].wants = {InEmployers("zzz", 8)};
  s.Resolve();
  CHECK(s.fair.attendees[1].must_meet == std::vector<int>{1});
  CHECK(s.fair.employers[0].avoid.empty());
  CHECK(s.fair.employers[1].wants.empty());
  const Lines lines = s.diags.Lines();
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] ==
        "attendees.yaml:6:7: error: unknown employer 'acme-energy' in "
        "'must_meet'; did you mean 'acme-energie'?");
  CHECK_THAT(lines[1], Catch::StartsWith("employers.yaml:4:7: error: unknown "
                                         "attendee 'a0003' in 'avoid'"));
  CHECK(lines[2] ==
        "employers.yaml:8:7: error: unknown attendee 'zzz' in 'wants'");
}

TEST_CASE("intents: an id that withdrew is dropped with a warning",
          "[io][intents]") {
  Sides s({"a1"}, {"e1", "e2"});
  s.withdrawn["e9"] = SourceMark{"changes.yaml", 3, 5};
  s.withdrawn["a7"] = SourceMark{"changes.yaml", 4, 5};
  s.attendee_refs[0].wants = {InAttendees("e9", 2), InAttendees("e2", 2)};
  s.employer_refs[0].must_meet = {InEmployers("a7", 5)};
  s.Resolve();
  CHECK(s.diags.ok());  // warnings only
  CHECK(s.fair.attendees[0].wants == std::vector<int>{1});
  CHECK(s.fair.employers[0].must_meet.empty());
  CHECK(s.diags.WarningLines() ==
        Lines{"attendees.yaml:2:7: warning: 'e9' has withdrawn "
              "(changes.yaml:3:5); dropped from 'wants'",
              "employers.yaml:5:7: warning: 'a7' has withdrawn "
              "(changes.yaml:4:5); dropped from 'must_meet'"});
}

TEST_CASE("intents: a wish listed twice counts in its first place",
          "[io][intents]") {
  Sides s({"a1", "a2"}, {"e1", "e2"});
  s.attendee_refs[0].wants = {InAttendees("e2", 2), InAttendees("e1", 3),
                              InAttendees("e2", 4)};
  s.Resolve();
  CHECK(s.diags.ok());
  CHECK(s.fair.attendees[0].wants == std::vector<int>{1, 0});
  CHECK(s.diags.WarningLines() ==
        Lines{"attendees.yaml:4:7: warning: 'e2' is already in 'wants'; the "
              "first place counts"});
}

TEST_CASE("intents: one person's avoid that is also a must_meet or a wish",
          "[io][intents]") {
  Sides s({"a1"}, {"e1", "e2"});
  s.attendee_refs[0].must_meet = {InAttendees("e1", 2)};
  s.attendee_refs[0].wants = {InAttendees("e2", 3)};
  s.attendee_refs[0].avoid = {InAttendees("e1", 4), InAttendees("e2", 4)};
  s.employer_refs[1].must_meet = {InEmployers("a1", 8)};
  s.employer_refs[1].avoid = {InEmployers("a1", 9)};
  s.employer_refs[0].wants = {InEmployers("a1", 12)};
  s.employer_refs[0].avoid = {InEmployers("a1", 13)};
  s.Resolve();
  CHECK_FALSE(s.diags.ok());
  const Lines lines = s.diags.Lines();
  const auto has = [&lines](const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  };
  CHECK(
      has("attendees.yaml:4:7: error: employer 'e1' is in both "
          "'must_meet' and 'avoid'; keep it in one of them"));
  CHECK(
      has("attendees.yaml:4:7: error: employer 'e2' is in both 'wants' and "
          "'avoid'; keep it in one of them"));
  CHECK(
      has("employers.yaml:9:7: error: attendee 'a1' is in both "
          "'must_meet' and 'avoid'; keep it in one of them"));
  CHECK(
      has("employers.yaml:13:7: error: attendee 'a1' is in both 'wants' "
          "and 'avoid'; keep it in one of them"));
}

TEST_CASE("intents: a must_meet that the other side avoids", "[io][intents]") {
  SECTION("an attendee's must_meet, avoided by the employer") {
    Sides s({"a1"}, {"e1"});
    s.attendee_refs[0].must_meet = {InAttendees("e1", 3)};
    s.employer_refs[0].avoid = {InEmployers("a1", 7)};
    s.Resolve();
    CHECK(s.diags.Lines() ==
          Lines{"attendees.yaml:3:7: error: attendee a1 must meet employer "
                "e1, but e1 avoids a1 (employers.yaml:7:7)"});
  }
  SECTION("an employer's must_meet, avoided by the attendee") {
    Sides s({"a1"}, {"e1"});
    s.employer_refs[0].must_meet = {InEmployers("a1", 7)};
    s.attendee_refs[0].avoid = {InAttendees("e1", 3)};
    s.Resolve();
    CHECK(s.diags.Lines() ==
          Lines{"employers.yaml:7:7: error: employer e1 must meet attendee "
                "a1, but a1 avoids e1 (attendees.yaml:3:7)"});
  }
}

TEST_CASE("intents: a must_meet that a requirement forbids names both lines",
          "[io][intents]") {
  SECTION("the employer's requirement on the attendee") {
    Sides s({"a1", "a2"}, {"e1"});
    s.fair.attendees[0].program = "Computer Science";
    Requirement law = AnyOf("program", {"law"});
    law.mark = SourceMark{"employers.yaml", 4, 7};
    s.fair.employers[0].requirements = {law};
    s.attendee_refs[0].must_meet = {InAttendees("e1", 3)};
    s.attendee_refs[1].must_meet = {InAttendees("e1", 9)};
    s.Resolve();
    CHECK(s.diags.Lines() ==
          Lines{"attendees.yaml:3:7: error: attendee a1 must meet employer "
                "e1, but e1 requires program is law (employers.yaml:4:7) and "
                "a1's is 'Computer Science'; drop the must_meet or the "
                "requirement",
                "attendees.yaml:9:7: error: attendee a2 must meet employer "
                "e1, but e1 requires program is law (employers.yaml:4:7) and "
                "a2 has no program; drop the must_meet or the requirement"});
  }
  SECTION("the attendee's requirement on the employer") {
    Sides s({"a1"}, {"e1"});
    s.fair.employers[0].extra = {{"sector", "retail"}};
    Requirement energy = AnyOf("extra.sector", {"energy"});
    energy.mark = SourceMark{"attendees.yaml", 5, 7};
    s.fair.attendees[0].requirements = {energy};
    s.employer_refs[0].must_meet = {InEmployers("a1", 8)};
    s.Resolve();
    CHECK(s.diags.Lines() ==
          Lines{"employers.yaml:8:7: error: employer e1 must meet attendee "
                "a1, but a1 requires extra.sector is energy "
                "(attendees.yaml:5:7) and e1's is 'retail'; drop the "
                "must_meet or the requirement"});
  }
  SECTION("a must_meet on both sides is told once, at the attendee's") {
    Sides s({"a1"}, {"e1"});
    s.fair.attendees[0].extra = {{"year", "2025"}};
    Requirement year = Range("extra.year", 2026, 2027);
    year.mark = SourceMark{"employers.yaml", 4, 7};
    s.fair.employers[0].requirements = {year};
    s.attendee_refs[0].must_meet = {InAttendees("e1", 3)};
    s.employer_refs[0].must_meet = {InEmployers("a1", 6)};
    s.Resolve();
    CHECK(s.diags.Lines() ==
          Lines{"attendees.yaml:3:7: error: attendee a1 must meet employer "
                "e1, but e1 requires extra.year is 2026 to 2027 "
                "(employers.yaml:4:7) and a1's is '2025'; drop the must_meet "
                "or the requirement"});
  }
  SECTION("a requirement that holds is no conflict") {
    Sides s({"a1"}, {"e1"});
    s.fair.attendees[0].program = "Law";
    s.fair.employers[0].requirements = {AnyOf("program", {"law"})};
    s.attendee_refs[0].must_meet = {InAttendees("e1", 3)};
    s.Resolve();
    CHECK(s.diags.ok());
    CHECK(s.fair.attendees[0].must_meet == std::vector<int>{0});
  }
}

TEST_CASE("intents: a requirement on a field nobody has is a warning, once",
          "[io][intents]") {
  Sides s({"a1", "a2"}, {"e1", "e2"});
  s.fair.attendees[0].extra = {{"level", "MSc"}};
  s.fair.employers[1].extra = {{"remote", "yes"}};
  Requirement levle = AnyOf("extra.levle", {"msc"});
  levle.mark = SourceMark{"employers.yaml", 4, 7};
  Requirement levle_again = levle;
  levle_again.mark = SourceMark{"employers.yaml", 9, 7};
  Requirement program = AnyOf("program", {"law"});  // no attendee has one
  program.mark = SourceMark{"employers.yaml", 10, 7};
  s.fair.employers[0].requirements = {levle};
  s.fair.employers[1].requirements = {levle_again, program};
  Requirement headcount = Range("extra.headcount", 10, 1e300);
  headcount.mark = SourceMark{"attendees.yaml", 3, 7};
  Requirement remote = AnyOf("extra.remote", {"yes"});  // e2 has it
  remote.mark = SourceMark{"attendees.yaml", 4, 7};
  s.fair.attendees[1].requirements = {headcount, remote};
  s.Resolve();
  CHECK(s.diags.ok());
  // By file in the order first mentioned (the employers' are checked
  // first), then by line.
  CHECK(s.diags.WarningLines() ==
        Lines{"employers.yaml:4:7: warning: no attendee has 'extra.levle', so "
              "this requirement excludes every attendee; did you mean "
              "'extra.level'?",
              "employers.yaml:10:7: warning: no attendee has 'program', so "
              "this requirement excludes every attendee",
              "attendees.yaml:3:7: warning: no employer has 'extra.headcount', "
              "so this requirement excludes every employer"});
}

TEST_CASE("intents: a fair without intents resolves to empty lists",
          "[io][intents]") {
  Sides s({"a1"}, {"e1"});
  s.fair.attendees[0].must_meet = {0};  // replaced, not added to
  s.fair.employers[0].avoid = {0};
  s.Resolve();
  CHECK(s.diags.ok());
  CHECK(s.diags.WarningLines().empty());
  CHECK(s.fair.attendees[0].must_meet.empty());
  CHECK(s.fair.employers[0].avoid.empty());
  Sides none({}, {});
  none.Resolve();
  CHECK(none.diags.ok());
}

}  // namespace
}  // namespace fairmatch
