#include "engine/io/fair_loader.h"

#include <catch2/catch.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "tests/fixtures/data_dirs.h"
#include "tests/fixtures/minimal_fair.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

using testing::kMinimalAttendees;
using testing::kValidFair;
using testing::TempDir;
using testing::WriteMinimalFair;

// Loads `dir`, which must fail; returns the message.
std::string LoadErrors(const std::string& dir,
                       const LoadOptions& options = {}) {
  absl::StatusOr<Fair> fair = LoadFair(dir, options);
  REQUIRE_FALSE(fair.ok());
  return std::string(fair.status().message());
}

std::vector<std::string> Lines(const std::string& message) {
  return absl::StrSplit(message, '\n');
}

TEST_CASE("a valid fair loads completely", "[io]") {
  absl::StatusOr<Fair> loaded = LoadFair(kValidFair, LoadOptions{});
  INFO(loaded.status().message());
  REQUIRE(loaded.ok());
  const Fair& fair = *loaded;
  CHECK(fair.dir == kValidFair);

  const Event& event = fair.event;
  CHECK(event.name == "Spring Career Fair 2027");
  CHECK(event.date == "2027-03-04");
  CHECK(event.timezone == "America/Toronto");
  CHECK(event.venue == "Student Centre, Hall B");
  CHECK(event.start == 600);
  CHECK(event.end == 13 * 60 + 15);  // unquoted 13:15 is read as a time
  CHECK(event.length == 15);
  REQUIRE(event.breaks.size() == 1);
  CHECK(event.breaks[0].start == 690);
  REQUIRE(fair.num_values() == 3);
  CHECK(event.values[0].id == "impact");
  CHECK(event.values[0].label == "Making a difference");
  CHECK(event.values[2].id == "growth");

  // 10:00-11:30 and 11:45-13:15 hold six 15-minute slots each.
  REQUIRE(fair.num_slots() == 12);
  CHECK(fair.slots[6].start == 705);

  REQUIRE(fair.num_employers() == 3);
  const Employer& acme = fair.employers[0];
  CHECK(acme.id == "acme");
  CHECK(acme.name == "Acme Énergie");
  CHECK(acme.booth == "A1");
  CHECK(acme.tables == 2);
  CHECK(acme.group_size == 2);
  CHECK(acme.values == std::vector<float>{4, 5, 0});
  CHECK(acme.offers == std::vector<std::string>{"internships", "mentoring"});
  CHECK(acme.seeks == std::vector<std::string>{"python", "data analysis"});
  REQUIRE(acme.available.size() == 1);
  CHECK(acme.available[0].start == 600);
  CHECK(acme.available[0].end == 720);
  CHECK(acme.extra == ExtraFields{{"contact.name", "Zoë"},
                                  {"contact.phone", "+1 555 0100"},
                                  {"languages", "en, fr"}});
  CHECK(acme.mark.file.str() == kValidFair + "/employers.yaml");
  CHECK(acme.mark.line == 2);
  CHECK(acme.mark.column == 5);
  CHECK(fair.employers[1].name == "Globex Đà Nẵng");
  CHECK(fair.employers[1].values == std::vector<float>{0, 0, 3.5f});
  CHECK(fair.employers[1].tables == 1);
  CHECK(fair.employers[1].group_size == -1);
  CHECK(fair.employers[2].name == "Инитех");

  REQUIRE(fair.num_attendees() == 4);
  const Attendee& a1 = fair.attendees[0];
  CHECK(a1.name == "Nguyễn Thị Minh Khai");
  CHECK(a1.email == "minh@example.org");
  CHECK(a1.program == "MSc Environmental Science");
  CHECK(a1.values == std::vector<float>{5, 4.5f, 0});
  CHECK(a1.max_meetings == 3);
  CHECK(a1.must_meet == std::vector<int>{0, 1});  // sorted, unique
  CHECK(a1.avoid == std::vector<int>{2});
  const Attendee& a2 = fair.attendees[1];
  CHECK(a2.name == "Ελένη Παπαδοπούλου");
  CHECK(a2.max_meetings == -1);
  REQUIRE(a2.available.size() == 2);
  CHECK(a2.available[1].start == 720);
  CHECK(a2.extra == ExtraFields{{"portfolio.url", "https://example.org/eleni"},
                                {"year", "3"}});
  CHECK(fair.attendees[2].name == "Дмитрий Иванов");
  CHECK(fair.attendees[3].id == "b.4-x_5");
  CHECK(fair.attendees[3].name == "José Ñúñez");
  CHECK(fair.attendees[3].values == std::vector<float>{0, 0, 0});

  // config.yaml in the folder is layered over the defaults.
  CHECK(fair.config.min_score == Approx(0.3));
  CHECK(fair.config.meetings_max == 5);
  CHECK(fair.config.meetings_min == 2);
  CHECK(fair.MaxMeetings(0) == 3);
  CHECK(fair.MaxMeetings(1) == 5);
}

TEST_CASE("an event without a timezone loads, with a warning", "[io]") {
  TempDir dir;
  WriteMinimalFair(dir);
  absl::StatusOr<Fair> with_zone = LoadFair(dir.path(), LoadOptions{});
  REQUIRE(with_zone.ok());
  CHECK(with_zone->warnings.empty());

  // Calendars then carry floating times: say so, where the key belongs.
  dir.Write("event.yaml",
            "name: F\ndate: 2027-03-04\n"
            "slots: {start: \"10:00\", end: \"11:00\", length: 15}\n"
            "values: [{id: impact, label: Impact}]\n");
  absl::StatusOr<Fair> fair = LoadFair(dir.path(), LoadOptions{});
  REQUIRE(fair.ok());
  CHECK(fair->event.timezone.empty());
  REQUIRE(fair->warnings.size() == 1);
  CHECK(fair->warnings[0] ==
        dir.File("event.yaml") +
            ":1:1: warning: no 'timezone': calendar times are floating "
            "(each reader's own clock); add one like 'timezone: "
            "Europe/London'");

  // `timezone:` with no value is missing too, and is pointed at.
  dir.Write("event.yaml",
            "name: F\ndate: 2027-03-04\ntimezone:\n"
            "slots: {start: \"10:00\", end: \"11:00\", length: 15}\n"
            "values: [{id: impact, label: Impact}]\n");
  fair = LoadFair(dir.path(), LoadOptions{});
  REQUIRE(fair.ok());
  REQUIRE(fair->warnings.size() == 1);
  CHECK_THAT(fair->warnings[0],
             Catch::StartsWith(dir.File("event.yaml") +
                               ":3:1: warning: no 'timezone'"));
}

TEST_CASE("layers from --config and --set apply on top of the fair's config",
          "[io]") {
  TempDir dir;
  std::string extra = dir.Write("rerun.yaml", "meetings: {max: 2}\nseed: 9\n");
  LoadOptions options;
  options.config_files = {extra};
  options.sets = {"seed=11"};
  absl::StatusOr<Fair> fair = LoadFair(kValidFair, options);
  REQUIRE(fair.ok());
  CHECK(fair->config.min_score == Approx(0.3));
  CHECK(fair->config.meetings_max == 2);
  CHECK(fair->config.seed == 11);
}

TEST_CASE("a fair without config.yaml uses the defaults", "[io]") {
  TempDir dir;
  WriteMinimalFair(dir);
  absl::StatusOr<Fair> fair = LoadFair(dir.path(), LoadOptions{});
  INFO(fair.status().message());
  REQUIRE(fair.ok());
  CHECK(fair->num_slots() == 4);
  CHECK(fair->config.meetings_max == 4);
  CHECK(fair->attendees[0].values == std::vector<float>{0, 0});
}

TEST_CASE("event.yaml may name the event's language", "[io]") {
  TempDir dir;
  WriteMinimalFair(dir);
  absl::StatusOr<Fair> plain = LoadFair(dir.path(), LoadOptions{});
  REQUIRE(plain.ok());
  CHECK(plain->event.locale.empty());
  CHECK(plain->config.locale == "event");

  dir.Write("event.yaml",
            std::string(testing::kMinimalEvent) + "locale: fr-CA\n");
  absl::StatusOr<Fair> french = LoadFair(dir.path(), LoadOptions{});
  INFO(french.status().message());
  REQUIRE(french.ok());
  CHECK(french->event.locale == "fr-CA");
}

TEST_CASE("output.extra names only extra fields someone has", "[io]") {
  TempDir dir;
  WriteMinimalFair(dir);
  dir.Write("attendees.yaml",
            "attendees:\n  - id: a1\n    name: Ada\n    extra:\n"
            "      accessibility: ramp\n      portfolio: {url: u}\n");
  dir.Write("config.yaml",
            "output:\n  extra: [portfolio, acessibility, portfolio.url]\n");
  absl::StatusOr<Fair> fair = LoadFair(dir.path(), LoadOptions{});
  REQUIRE_FALSE(fair.ok());
  CHECK(std::string(fair.status().message()) ==
        dir.File("config.yaml") +
            ":2:22: error: 'output.extra' lists 'acessibility', but no "
            "attendee or employer has an extra field of that name; did you "
            "mean 'accessibility'?");

  LoadOptions fixed;
  fixed.sets = {"output.extra=[portfolio, accessibility]"};
  fair = LoadFair(dir.path(), fixed);
  INFO(fair.status().message());
  REQUIRE(fair.ok());
  CHECK(fair->config.extra ==
        std::vector<std::string>{"portfolio", "accessibility"});

  // A broken attendees.yaml is reported, not blamed on output.extra.
  dir.Write("attendees.yaml", "attendees:\n  - id: a1\n");
  fair = LoadFair(dir.path(), LoadOptions{});
  REQUIRE_FALSE(fair.ok());
  CHECK(std::string(fair.status().message()).find("output.extra") ==
        std::string::npos);
}

TEST_CASE("BOM and CRLF files load", "[io]") {
  TempDir dir;
  WriteMinimalFair(dir);
  dir.Write("attendees.yaml",
            "\xEF\xBB\xBF"
            "attendees:\r\n  - id: a1\r\n    name: Zoë\r\n"
            "    values: {impact: 2}\r\n");
  absl::StatusOr<Fair> fair = LoadFair(dir.path(), LoadOptions{});
  INFO(fair.status().message());
  REQUIRE(fair.ok());
  CHECK(fair->attendees[0].name == "Zoë");
  CHECK(fair->attendees[0].values[0] == 2);
}

TEST_CASE("the input hash covers people files above 64 MiB", "[io]") {
  // attendees.yaml loads with the people's 1 GiB cap, not the 64 MiB of
  // other files, and is hashed with it too (employers.yaml and walk-ins
  // files as well).
  TempDir dir;
  WriteMinimalFair(dir);
  const std::string attendees =
      kMinimalAttendees + ("# " + std::string(std::size_t{65} << 20, 'x'));
  dir.Write("attendees.yaml", attendees + "a\n");
  absl::StatusOr<Fair> before = LoadFair(dir.path(), LoadOptions{});
  INFO(before.status().message());
  REQUIRE(before.ok());
  dir.Write("attendees.yaml", attendees + "b\n");
  absl::StatusOr<Fair> after = LoadFair(dir.path(), LoadOptions{});
  REQUIRE(after.ok());
  CHECK(after->inputs_sha256 != before->inputs_sha256);
}

TEST_CASE("missing files are NotFound, and every one is named", "[io]") {
  TempDir dir;
  dir.Write("employers.yaml", testing::kMinimalEmployers);
  absl::StatusOr<Fair> fair = LoadFair(dir.path(), LoadOptions{});
  REQUIRE(fair.status().code() == absl::StatusCode::kNotFound);
  CHECK(fair.status().message() ==
        dir.File("event.yaml") + ": error: file not found\n" +
            dir.File("attendees.yaml") + ": error: file not found");

  CHECK(LoadFair(dir.File("no_such_dir"), LoadOptions{}).status().code() ==
        absl::StatusCode::kNotFound);
}

TEST_CASE("empty files get a clear message", "[io]") {
  TempDir dir;
  WriteMinimalFair(dir);
  dir.Write("attendees.yaml", "");
  CHECK(LoadErrors(dir.path()) ==
        dir.File("attendees.yaml") +
            ":1:1: error: file is empty; expected a map with key "
            "'attendees'");
}

// One broken input per row: which file to replace, its new content, and
// the exact diagnostic expected after "DIR/FILE:", and how many lines the
// whole message has (a typo in a required key is also a missing key).
struct BadInput {
  const char* file;
  const char* content;
  const char* expected;
  size_t lines = 1;
};

TEST_CASE("each kind of mistake is reported at its line and column", "[io]") {
  const BadInput cases[] = {
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n    values: {impact: high}\n",
       "4:22: error: rating for 'impact' must be a number from 0 to 5, got "
       "'high'"},
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n    values: {impact: 6}\n",
       "4:22: error: rating for 'impact' must be a number from 0 to 5, got "
       "'6'"},
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n    values: {impct: 3}\n",
       "4:14: error: unknown value 'impct'; did you mean 'impact'?"},
      {"attendees.yaml", "attendees:\n  - id: a1\n    nme: Ada\n",
       "3:5: error: unknown key 'nme' for an attendee; did you mean 'name'?",
       2},
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n    booth: B2\n",
       "4:5: error: unknown key 'booth' for an attendee ('booth' is only for "
       "employers)"},
      {"attendees.yaml", "attendees:\n  - id: a1\n",
       "2:5: error: this attendee has no 'name'"},
      {"attendees.yaml", "attendees:\n  - id: a 1\n    name: Ada\n",
       "2:9: error: 'id' must be 1 to 64 letters, digits, '_', '.' or '-', "
       "starting with a letter or digit, got 'a 1'"},
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n  - id: a1\n    name: Bo\n",
       "4:9: error: duplicate attendee id 'a1'; it is already used by the "
       "entry on line 2"},
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n    must_meet: [acme, globx]\n",
       "4:23: error: unknown employer 'globx' in 'must_meet'; did you mean "
       "'globex'?"},
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n    must_meet: [acme]\n"
       "    avoid: [globex, acme]\n",
       "5:21: error: employer 'acme' is in both 'must_meet' and 'avoid'; keep "
       "it in one of them"},
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n    max_meetings: 5\n",
       "4:19: error: 'max_meetings' (at most the number of slots) must be a "
       "whole number from 0 to 4, got '5'"},
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n"
       "    available: [\"10:00-11:00\", \"12:00-11:00\"]\n",
       "4:32: error: each 'available' window '12:00-11:00' must start before "
       "it ends (HH:MM-HH:MM)"},
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n    available: [\"10-11\"]\n",
       "4:17: error: each 'available' window must be a time window like "
       "\"10:00-12:30\", got '10-11'"},
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n    email: ada.example.org\n",
       "4:12: error: 'email' must look like name@example.org, got "
       "'ada.example.org'"},
      {"attendees.yaml", "- id: a1\n  name: Ada\n",
       "1:1: error: expected a map with key 'attendees', got a list; start "
       "the file with 'attendees:' and indent the entries under it"},
      {"attendees.yaml", "atendees:\n  - id: a1\n    name: Ada\n",
       "1:1: error: unknown key 'atendees' in attendees.yaml; did you mean "
       "'attendees'?",
       2},
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n    offers: mentoring\n",
       "4:13: error: 'offers' must be a list of tags like [mentoring, "
       "internships], got 'mentoring'"},
      {"attendees.yaml",
       "attendees:\n  - id: a1\n    name: Ada\n    extra: {links: [{a: b}]}\n",
       "4:21: error: lists in 'extra' may hold only plain values, got a map "
       "in 'links'"},
      {"employers.yaml",
       "employers:\n  - id: acme\n    name: Acme\n    tables: 0\n"
       "  - id: globex\n    name: Globex\n",
       "4:13: error: 'tables' must be a whole number from 1 to 100, got '0'"},
      {"employers.yaml",
       "employers:\n  - id: acme\n    name: Acme\n    group_size: 21\n"
       "  - id: globex\n    name: Globex\n",
       "4:17: error: 'group_size' must be a whole number from 1 to 20, got "
       "'21'"},
      {"employers.yaml",
       "employers:\n  - id: acme\n    name: Acme\n    max_meetings: 2\n"
       "  - id: globex\n    name: Globex\n",
       "4:5: error: unknown key 'max_meetings' for an employer "
       "('max_meetings' is only for attendees)"},
      {"event.yaml",
       "name: F\ndate: 2027-02-29\nslots: {start: \"10:00\", end: \"11:00\", "
       "length: 15}\nvalues: [{id: impact}, {id: sustainability}]\n",
       "2:7: error: 'date' must be a real calendar date written YYYY-MM-DD, "
       "like 2027-03-04, got '2027-02-29'"},
      {"event.yaml",
       "name: F\ndate: 2027-03-04\ntimezone: America/Torronto\n"
       "slots: {start: \"10:00\", end: \"11:00\", length: 15}\n"
       "values: [{id: impact}, {id: sustainability}]\n",
       "3:11: error: 'timezone' must be an IANA time zone name like "
       "'America/Toronto' or 'UTC', got 'America/Torronto'; did you mean "
       "'America/Toronto'?"},
      {"event.yaml",
       "name: F\ndate: 2027-03-04\nslots: {start: \"10:00\", end: \"10:10\", "
       "length: 15}\nvalues: [{id: impact}, {id: sustainability}]\n",
       "3:8: error: no conversation slot fits: between 10:00 and 10:10 "
       "(minus breaks) there is no room for a 15-minute slot; check "
       "'start', 'end', 'length' and 'breaks'"},
      {"event.yaml",
       "name: F\ndate: 2027-03-04\nslots: {start: \"25:00\", end: \"11:00\", "
       "length: 15}\nvalues: [{id: impact}, {id: sustainability}]\n",
       "3:16: error: 'slots.start' must be a time of day like \"09:30\" "
       "(24-hour HH:MM), got '25:00'"},
      {"event.yaml",
       "name: F\ndate: 2027-03-04\nslots: {start: \"10:00\", end: \"11:00\", "
       "length: 3}\nvalues: [{id: impact}, {id: sustainability}]\n",
       "3:47: error: 'slots.length' (minutes per conversation) must be a "
       "whole number from 5 to 240, got '3'"},
      {"event.yaml",
       "name: F\ndate: 2027-03-04\nslots: {start: \"10:00\", end: \"11:00\", "
       "length: 15,\n  breaks: [{start: \"10:30\", ends: \"10:45\"}]}\n"
       "values: [{id: impact}, {id: sustainability}]\n",
       "4:29: error: unknown key 'ends' in a break; did you mean 'end'?", 2},
      {"event.yaml",
       "name: F\ndate: 2027-03-04\nslots: {start: \"10:00\", end: \"11:00\", "
       "length: 15}\nvalues: [{id: impact}, {id: impact}]\n",
       "4:29: error: duplicate value id 'impact'; it is already defined on "
       "line 4"},
      {"event.yaml",
       "name: F\ndate: 2027-03-04\nslots: {start: \"10:00\", end: \"11:00\", "
       "length: 15}\nvalues: []\n",
       "4:9: error: 'values' must be a non-empty list of entries like {id: "
       "impact, label: Making a difference}, got a list"},
      {"event.yaml",
       "name: F\ndate: 2027-03-04\nslots: {start: \"10:00\", end: \"11:00\", "
       "length: 15}\nvalues: [{id: impact}, {id: sustainability}]\nvenu: X\n",
       "5:1: error: unknown key 'venu' in event.yaml; did you mean 'venue'?"},
      {"event.yaml",
       "date: 2027-03-04\nslots: {start: \"10:00\", end: \"11:00\", "
       "length: 15}\nvalues: [{id: impact}, {id: sustainability}]\n",
       "1:1: error: event.yaml is missing required key 'name'"},
      {"event.yaml",
       "name: F\ndate: 2027-03-04\nlocale: klingon\n"
       "slots: {start: \"10:00\", end: \"11:00\", length: 15}\n"
       "values: [{id: impact}, {id: sustainability}]\n",
       "3:9: error: 'locale' must be a language code such as en, fr, de or "
       "fr-CA (ICU must know it), got 'klingon'"},
  };
  for (const BadInput& c : cases) {
    TempDir dir;
    WriteMinimalFair(dir);
    dir.Write(c.file, c.content);
    INFO(c.file << ":\n" << c.content);
    absl::StatusOr<Fair> fair = LoadFair(dir.path(), LoadOptions{});
    REQUIRE_FALSE(fair.ok());
    CHECK(fair.status().code() == absl::StatusCode::kInvalidArgument);
    std::vector<std::string> lines =
        Lines(std::string(fair.status().message()));
    CHECK(lines.size() == c.lines);
    CHECK_THAT(lines,
               Catch::VectorContains(dir.File(c.file) + ":" + c.expected));
  }
}

TEST_CASE("problems in every file are reported in one pass, in file order",
          "[io]") {
  TempDir dir;
  WriteMinimalFair(dir);
  dir.Write("event.yaml", std::string(testing::kMinimalEvent) + "venu: X\n");
  dir.Write("employers.yaml",
            "employers:\n  - id: acme\n    name: Acme\n    tables: many\n");
  dir.Write("attendees.yaml",
            "attendees:\n  - id: a1\n    name: Ada\n    must_meet: [acmee]\n"
            "  - id: a2\n    name: Bo\n    values: {impact: -1}\n");
  dir.Write("config.yaml", "min_score: 2\n");
  LoadOptions options;
  options.sets = {"sed=3"};
  std::vector<std::string> lines = Lines(LoadErrors(dir.path(), options));
  REQUIRE(lines.size() == 6);
  CHECK_THAT(lines[0], Catch::StartsWith(dir.File("event.yaml") +
                                         ":11:1: "
                                         "error: unknown key 'venu'"));
  CHECK_THAT(lines[1],
             Catch::StartsWith(dir.File("attendees.yaml") +
                               ":4:17: error: unknown employer 'acmee'"));
  CHECK_THAT(lines[2], Catch::StartsWith(dir.File("attendees.yaml") +
                                         ":7:22: error: rating for 'impact'"));
  CHECK_THAT(lines[3], Catch::StartsWith(dir.File("employers.yaml") +
                                         ":4:13: error: 'tables'"));
  CHECK_THAT(lines[4], Catch::StartsWith(dir.File("config.yaml") +
                                         ":1:12: error: 'min_score'"));
  CHECK(lines[5] ==
        "--set:1:1: error: unknown key 'sed'; did you mean "
        "'seed'?");
}

TEST_CASE("at most 50 errors are listed", "[io]") {
  TempDir dir;
  WriteMinimalFair(dir);
  std::string attendees = "attendees:\n";
  for (int i = 0; i < 80; ++i) {
    attendees += "  - {id: p" + std::to_string(i) + ", name: P, tables: 1}\n";
  }
  dir.Write("attendees.yaml", attendees);
  std::vector<std::string> lines = Lines(LoadErrors(dir.path()));
  REQUIRE(lines.size() == 51);
  CHECK_THAT(lines[0], Catch::StartsWith(dir.File("attendees.yaml") +
                                         ":2:23: error: unknown key 'tables'"));
  CHECK(lines[50] == "too many errors; stopping");
}

TEST_CASE("a missing file does not hide problems in the others", "[io]") {
  TempDir dir;
  WriteMinimalFair(dir);
  dir.Remove("employers.yaml");
  dir.Write("attendees.yaml", "attendees:\n  - id: a1\n    nam: Ada\n");
  absl::StatusOr<Fair> fair = LoadFair(dir.path(), LoadOptions{});
  REQUIRE(fair.status().code() == absl::StatusCode::kNotFound);
  std::vector<std::string> lines = Lines(std::string(fair.status().message()));
  REQUIRE(lines.size() == 3);
  CHECK_THAT(lines[0], Catch::StartsWith(dir.File("attendees.yaml") +
                                         ":2:5: error: this attendee has no "
                                         "'name'"));
  CHECK_THAT(lines[1], Catch::StartsWith(dir.File("attendees.yaml") +
                                         ":3:5: error: unknown key 'nam'"));
  CHECK(lines[2] == dir.File("employers.yaml") + ": error: file not found");
}

TEST_CASE("YAML-level problems surface through LoadFair", "[io]") {
  TempDir dir;
  WriteMinimalFair(dir);
  SECTION("duplicate keys") {
    dir.Write("attendees.yaml",
              "attendees:\n  - id: a1\n    name: Ada\n    name: Bo\n");
    CHECK(LoadErrors(dir.path()) ==
          dir.File("attendees.yaml") +
              ":4:5: error: duplicate key 'name'; it is already set on line "
              "3");
  }
  SECTION("tabs") {
    dir.Write("attendees.yaml", "attendees:\n  - id: a1\n\tname: Ada\n");
    CHECK(LoadErrors(dir.path()) ==
          dir.File("attendees.yaml") +
              ":3:1: error: tab character in indentation; YAML indentation "
              "must use spaces");
  }
  SECTION("binary garbage") {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
      garbage.push_back(static_cast<char>((i * 7919 + 13) % 256));
    }
    dir.Write("employers.yaml", garbage);
    CHECK_THAT(LoadErrors(dir.path()),
               Catch::StartsWith(dir.File("employers.yaml") + ":"));
  }
}

}  // namespace
}  // namespace fairmatch
