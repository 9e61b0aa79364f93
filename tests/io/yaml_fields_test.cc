// Typed reads (io/yaml_fields.h). The date check and the did-you-mean
// suggestions are left to their own tests.
#include "engine/io/yaml_fields.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "engine/io/diagnostics.h"
#include "engine/io/yaml_tree.h"

namespace fairmatch {
namespace {

// The value of `v` in the one-line document "v: <value>" of f.yaml, so the
// value starts at 1:4.
YamlNode Value(const std::string& value) {
  Diagnostics diags;
  std::optional<YamlNode> root =
      ParseYaml("v: " + value + "\n", "f.yaml", &diags);
  INFO(diags.ToStatus().message());
  REQUIRE(diags.ok());
  REQUIRE(root.has_value());
  REQUIRE(root->Find("v") != nullptr);
  return *root->Find("v");
}

// The one diagnostic line of `diags`, or a note that there were more.
std::string OnlyLine(const Diagnostics& diags) {
  const std::vector<std::string> lines = diags.Lines();
  if (lines.size() != 1) {
    return std::to_string(lines.size()) + " lines";
  }
  return lines[0];
}

TEST_CASE("ParseFiniteNumber reads finite decimals and rejects the rest",
          "[io]") {
  CHECK(ParseFiniteNumber("1.5") == 1.5);
  CHECK(ParseFiniteNumber("+2") == 2.0);
  CHECK(ParseFiniteNumber(" 3 ") == 3.0);
  CHECK(ParseFiniteNumber("-0.25") == -0.25);
  CHECK(ParseFiniteNumber("1e3") == 1000.0);
  CHECK(ParseFiniteNumber("nan") == std::nullopt);
  CHECK(ParseFiniteNumber("inf") == std::nullopt);
  CHECK(ParseFiniteNumber("-inf") == std::nullopt);
  CHECK(ParseFiniteNumber("1e400") == std::nullopt);  // overflows double
  CHECK(ParseFiniteNumber("") == std::nullopt);
  CHECK(ParseFiniteNumber("+") == std::nullopt);
  CHECK(ParseFiniteNumber("1.5x") == std::nullopt);
  CHECK(ParseFiniteNumber("0x10") == std::nullopt);
  CHECK(ParseFiniteNumber("two") == std::nullopt);
}

TEST_CASE("ParseWholeNumber accepts 3 and 3.0 but not 3.5", "[io]") {
  CHECK(ParseWholeNumber("42") == 42);
  CHECK(ParseWholeNumber("+7") == 7);
  CHECK(ParseWholeNumber("-3") == -3);
  CHECK(ParseWholeNumber(" 8 ") == 8);
  CHECK(ParseWholeNumber("3.0") == 3);
  CHECK(ParseWholeNumber("1e3") == 1000);
  CHECK(ParseWholeNumber("3.5") == std::nullopt);
  CHECK(ParseWholeNumber("two") == std::nullopt);
  CHECK(ParseWholeNumber("") == std::nullopt);
  CHECK(ParseWholeNumber("9223372036854775807") ==
        std::numeric_limits<std::int64_t>::max());
  // Beyond int64, and reals too large to be exact, are refused.
  CHECK(ParseWholeNumber("9223372036854775808") == std::nullopt);
  CHECK(ParseWholeNumber("9e15") == std::nullopt);
}

TEST_CASE("IsValidId: 1 to 64 of [A-Za-z0-9_.-], starting alphanumeric",
          "[io]") {
  CHECK(IsValidId("a"));
  CHECK(IsValidId("7"));
  CHECK(IsValidId("Acme_Corp.eu-2"));
  CHECK(IsValidId(std::string(64, 'x')));
  CHECK_FALSE(IsValidId(std::string(65, 'x')));
  CHECK_FALSE(IsValidId(""));
  CHECK_FALSE(IsValidId("_a"));
  CHECK_FALSE(IsValidId(".a"));
  CHECK_FALSE(IsValidId("-a"));
  CHECK_FALSE(IsValidId("a/b"));
  CHECK_FALSE(IsValidId("a b"));
  CHECK_FALSE(IsValidId("caf\xc3\xa9"));  // non-ASCII letters are not ids
}

TEST_CASE("ReadInt reads whole numbers in range, quoted or not", "[io]") {
  Diagnostics diags;
  CHECK(ReadInt(Value("2"), "'tables'", 1, 100, &diags) == 2);
  CHECK(ReadInt(Value("\"2\""), "'tables'", 1, 100, &diags) == 2);
  CHECK(ReadInt(Value("100"), "'tables'", 1, 100, &diags) == 100);
  CHECK(ReadInt(Value("4.0"), "'tables'", 1, 100, &diags) == 4);
  CHECK(diags.ok());
}

TEST_CASE("ReadInt names the value, the range and what it got", "[io]") {
  struct Case {
    const char* yaml;
    const char* line;
  };
  const std::vector<Case> cases = {
      {"two",
       "f.yaml:1:4: error: 'tables' must be a whole number from 1 to 100, "
       "got 'two'"},
      {"0",
       "f.yaml:1:4: error: 'tables' must be a whole number from 1 to 100, "
       "got '0'"},
      {"101",
       "f.yaml:1:4: error: 'tables' must be a whole number from 1 to 100, "
       "got '101'"},
      {"2.5",
       "f.yaml:1:4: error: 'tables' must be a whole number from 1 to 100, "
       "got '2.5'"},
      {"[1, 2]",
       "f.yaml:1:4: error: 'tables' must be a whole number from 1 to 100, "
       "got a list"},
      {"{n: 1}",
       "f.yaml:1:4: error: 'tables' must be a whole number from 1 to 100, "
       "got a map"},
  };
  for (const Case& c : cases) {
    INFO(c.yaml);
    Diagnostics diags;
    CHECK(ReadInt(Value(c.yaml), "'tables'", 1, 100, &diags) == std::nullopt);
    CHECK(OnlyLine(diags) == c.line);
  }
}

TEST_CASE("ReadNumber reads finite numbers; an infinite top means at least",
          "[io]") {
  const double kInf = std::numeric_limits<double>::infinity();
  Diagnostics diags;
  CHECK(ReadNumber(Value("0.25"), "'w'", 0, 1, &diags) == 0.25);
  CHECK(ReadNumber(Value("1"), "'w'", 0, 1, &diags) == 1.0);
  CHECK(ReadNumber(Value("1e6"), "'w'", 0, kInf, &diags) == 1e6);
  REQUIRE(diags.ok());

  CHECK(ReadNumber(Value("1.5"), "'w'", 0, 1, &diags) == std::nullopt);
  CHECK(OnlyLine(diags) ==
        "f.yaml:1:4: error: 'w' must be a number from 0 to 1, got '1.5'");
  Diagnostics at_least;
  CHECK(ReadNumber(Value("-0.5"), "'penalty'", 0, kInf, &at_least) ==
        std::nullopt);
  CHECK(OnlyLine(at_least) ==
        "f.yaml:1:4: error: 'penalty' must be a number of at least 0, got "
        "'-0.5'");
  // Not a number, whatever the range.
  for (const char* text : {".nan", "nan", "inf", "\"\""}) {
    INFO(text);
    Diagnostics bad;
    CHECK(ReadNumber(Value(text), "'w'", -kInf, kInf, &bad) == std::nullopt);
    CHECK(bad.error_count() == 1);
  }
}

TEST_CASE("ReadUint64 reads the whole 64-bit range and nothing else", "[io]") {
  Diagnostics diags;
  CHECK(ReadUint64(Value("0"), "'seed'", &diags) == std::uint64_t{0});
  CHECK(ReadUint64(Value("+5"), "'seed'", &diags) == std::uint64_t{5});
  CHECK(ReadUint64(Value("18446744073709551615"), "'seed'", &diags) ==
        std::numeric_limits<std::uint64_t>::max());
  REQUIRE(diags.ok());
  for (const char* text :
       {"18446744073709551616", "-1", "1.0", "seven", "''"}) {
    INFO(text);
    Diagnostics bad;
    CHECK(ReadUint64(Value(text), "'seed'", &bad) == std::nullopt);
    REQUIRE(bad.error_count() == 1);
    CHECK(absl::StartsWith(OnlyLine(bad),
                           "f.yaml:1:4: error: 'seed' must be a whole number "
                           "of at least 0 (below 2^64), got "));
  }
}

TEST_CASE("ReadText wants non-blank text", "[io]") {
  Diagnostics diags;
  CHECK(ReadText(Value("Ada Lovelace"), "'name'", &diags) == "Ada Lovelace");
  CHECK(ReadText(Value("\" padded \""), "'name'", &diags) == " padded ");
  CHECK(ReadText(Value("42"), "'name'", &diags) == "42");
  REQUIRE(diags.ok());

  Diagnostics blank;
  CHECK(ReadText(Value("\"   \""), "'name'", &blank) == std::nullopt);
  CHECK(OnlyLine(blank) == "f.yaml:1:4: error: 'name' is empty");
  Diagnostics list;
  CHECK(ReadText(Value("[a]"), "'name'", &list) == std::nullopt);
  CHECK(OnlyLine(list) == "f.yaml:1:4: error: 'name' must be text, got a list");
  Diagnostics nothing;
  CHECK(ReadText(Value(""), "'name'", &nothing) == std::nullopt);
  CHECK(absl::EndsWith(OnlyLine(nothing), "'name' must be text, got nothing"));
}

TEST_CASE("ReadClock reads times of day and explains the format", "[io]") {
  Diagnostics diags;
  CHECK(ReadClock(Value("9:05"), "'start'", &diags) == 545);
  CHECK(ReadClock(Value("\"17:30\""), "'start'", &diags) == 1050);
  REQUIRE(diags.ok());
  CHECK(ReadClock(Value("25:00"), "'start'", &diags) == std::nullopt);
  CHECK(OnlyLine(diags) ==
        "f.yaml:1:4: error: 'start' must be a time of day like \"09:30\" "
        "(24-hour HH:MM), got '25:00'");
}

TEST_CASE("ReadWindow reads HH:MM-HH:MM that starts before it ends", "[io]") {
  Diagnostics diags;
  const std::optional<TimeWindow> w =
      ReadWindow(Value("10:00-12:30"), "'available'", &diags);
  REQUIRE(w.has_value());
  CHECK(w->start == 600);
  CHECK(w->end == 750);
  const std::optional<TimeWindow> to_midnight =
      ReadWindow(Value("22:00 - 24:00"), "'available'", &diags);
  REQUIRE(to_midnight.has_value());
  CHECK(to_midnight->start == 1320);
  CHECK(to_midnight->end == 1440);
  REQUIRE(diags.ok());

  struct Case {
    const char* yaml;
    const char* line;
  };
  const std::vector<Case> cases = {
      {"12:00-10:00",
       "f.yaml:1:4: error: 'available' '12:00-10:00' must start before it "
       "ends (HH:MM-HH:MM)"},
      {"10:00-10:00",
       "f.yaml:1:4: error: 'available' '10:00-10:00' must start before it "
       "ends (HH:MM-HH:MM)"},
      {"10:00",
       "f.yaml:1:4: error: 'available' must be a time window like "
       "\"10:00-12:30\", got '10:00'"},
      {"10:00-25:00",
       "f.yaml:1:4: error: 'available' must be a time window like "
       "\"10:00-12:30\", got '10:00-25:00'"},
      {"[10:00, 12:00]",
       "f.yaml:1:4: error: 'available' must be a time window like "
       "\"10:00-12:30\", got a list"},
  };
  for (const Case& c : cases) {
    INFO(c.yaml);
    Diagnostics bad;
    CHECK(ReadWindow(Value(c.yaml), "'available'", &bad) == std::nullopt);
    CHECK(OnlyLine(bad) == c.line);
  }
}

TEST_CASE("ReadId returns valid ids and says what an id may hold", "[io]") {
  Diagnostics diags;
  CHECK(ReadId(Value("acme-1"), "'id'", &diags) == "acme-1");
  CHECK(ReadId(Value("\"007\""), "'id'", &diags) == "007");
  REQUIRE(diags.ok());
  CHECK(ReadId(Value("-acme"), "'id'", &diags) == std::nullopt);
  CHECK(OnlyLine(diags) ==
        "f.yaml:1:4: error: 'id' must be 1 to 64 letters, digits, '_', '.' "
        "or '-', starting with a letter or digit, got '-acme'");
}

TEST_CASE("CheckKeys reports each unknown key at its own position", "[io]") {
  Diagnostics parse;
  std::optional<YamlNode> root =
      ParseYaml("name: Fair\nqqqqqqqq: 1\ndate: 2027-03-04\nzzzzzzzz: 2\n",
                "f.yaml", &parse);
  REQUIRE(parse.ok());
  REQUIRE(root.has_value());
  Diagnostics diags;
  CheckKeys(*root, {"name", "date"}, "event.yaml", &diags);
  const std::vector<std::string> lines = diags.Lines();
  REQUIRE(lines.size() == 2);
  CHECK(absl::StartsWith(
      lines[0], "f.yaml:2:1: error: unknown key 'qqqqqqqq' in event.yaml"));
  CHECK(absl::StartsWith(
      lines[1], "f.yaml:4:1: error: unknown key 'zzzzzzzz' in event.yaml"));

  Diagnostics known;
  CheckKeys(*root, {"zzzzzzzz", "date", "qqqqqqqq", "name"}, "event.yaml",
            &known);
  CHECK(known.ok());
}

}  // namespace
}  // namespace fairmatch
