#include "engine/io/yaml_tree.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "engine/base/edit_distance.h"
#include "engine/io/diagnostics.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

// Parses `text` as "f.yaml"; returns the diagnostics joined by '\n'.
std::string ParseErrors(const std::string& text,
                        const YamlLimits& limits = {}) {
  Diagnostics diags;
  ParseYaml(text, "f.yaml", &diags, limits);
  return std::string(diags.ToStatus().message());
}

YamlNode ParseOk(const std::string& text) {
  Diagnostics diags;
  std::optional<YamlNode> root = ParseYaml(text, "f.yaml", &diags);
  INFO(diags.ToStatus().message());
  REQUIRE(diags.ok());
  REQUIRE(root.has_value());
  return *root;
}

TEST_CASE("nodes carry 1-based file, line and column", "[io]") {
  YamlNode root = ParseOk("a: 1\nlist:\n  - x\n  - {k: v}\n");
  REQUIRE(root.is_map());
  CHECK(root.mark.file.str() == "f.yaml");
  REQUIRE(root.entries.size() == 2);
  CHECK(root.entries[0].key == "a");
  CHECK(root.entries[0].key_mark.line == 1);
  CHECK(root.entries[0].key_mark.column == 1);
  CHECK(root.entries[0].value.mark.column == 4);
  const YamlNode* list = root.Find("list");
  REQUIRE(list != nullptr);
  REQUIRE(list->is_sequence());
  REQUIRE(list->items.size() == 2);
  CHECK(list->items[0].scalar == "x");
  CHECK(list->items[0].mark.line == 3);
  CHECK(list->items[0].mark.column == 5);
  CHECK(list->items[1].is_map());
  CHECK(list->items[1].mark.line == 4);
  CHECK(list->items[1].Find("k")->scalar == "v");
  CHECK(root.Find("missing") == nullptr);
}

TEST_CASE("scalars keep their text and whether they were quoted", "[io]") {
  YamlNode root = ParseOk("t: 10:00\nz: 007\nq: \"10:00\"\nn: ~\ne:\n");
  CHECK(root.Find("t")->scalar == "10:00");
  CHECK_FALSE(root.Find("t")->quoted);
  CHECK(root.Find("z")->scalar == "007");
  CHECK(root.Find("q")->scalar == "10:00");
  CHECK(root.Find("q")->quoted);
  CHECK(root.Find("n")->is_null());
  CHECK(root.Find("e")->is_null());
}

TEST_CASE("columns count characters, not bytes", "[io]") {
  YamlNode root = ParseOk("{ü: 1, ñé: 2}\n");
  CHECK(root.entries[1].key == "ñé");
  CHECK(root.entries[1].key_mark.column == 8);
  // Also in yaml-cpp's own errors: the ',' after a 3-byte character.
  CHECK_THAT(ParseErrors("x: \"ẞ\", b: 1\n"), Catch::StartsWith("f.yaml:1:7:"));
}

TEST_CASE("duplicate keys are an error naming both lines", "[io]") {
  CHECK(ParseErrors("a: 1\nb: 2\na: 3\n") ==
        "f.yaml:3:1: error: duplicate key 'a'; it is already set on line 1");
  // Nested maps are checked too, and every duplicate is reported.
  CHECK(ParseErrors("m:\n  x: 1\n  x: 2\n  y: 1\n  y: 2\n") ==
        "f.yaml:3:3: error: duplicate key 'x'; it is already set on line 2\n"
        "f.yaml:5:3: error: duplicate key 'y'; it is already set on line 4");
  // The first value is kept, so later checks see a sensible tree.
  Diagnostics diags;
  std::optional<YamlNode> root = ParseYaml("a: 1\na: 2\n", "f.yaml", &diags);
  REQUIRE(root.has_value());
  CHECK(root->Find("a")->scalar == "1");
  CHECK(root->entries.size() == 1);
}

TEST_CASE("aliases are expanded into copies", "[io]") {
  YamlNode root = ParseOk(
      "window: &w [\"10:00-11:00\", \"12:00-13:00\"]\n"
      "people:\n  - {id: a, available: *w}\n  - {id: b, available: *w}\n");
  const YamlNode* people = root.Find("people");
  REQUIRE(people->items.size() == 2);
  for (const YamlNode& p : people->items) {
    const YamlNode* available = p.Find("available");
    REQUIRE(available != nullptr);
    REQUIRE(available->is_sequence());
    REQUIRE(available->items.size() == 2);
    CHECK(available->items[1].scalar == "12:00-13:00");
  }
}

TEST_CASE("an alias bomb is an error, not an explosion", "[io]") {
  // Nine levels of ten-fold aliases would expand to 10^9 nodes.
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k ? ", " : "") + prev;
    text += "]\n";
  }
  std::string errors = ParseErrors(text);
  CHECK_THAT(errors, Catch::StartsWith("f.yaml:"));
  CHECK_THAT(errors, Catch::Contains("aliases expand to more than 100000 "
                                     "nodes"));
}

TEST_CASE("aliases of a large scalar are capped by the bytes they copy",
          "[io]") {
  // A 1 MB scalar used 299 times: few nodes, 300 MB of text.
  std::string text = "program: &p \"" + std::string(1 << 20, 'x') + "\"\n";
  text += "copies:\n";
  for (int i = 0; i < 299; ++i) text += "  - *p\n";
  const std::string errors = ParseErrors(text);
  CHECK_THAT(errors, Catch::StartsWith("f.yaml:"));
  CHECK_THAT(errors, Catch::Contains("aliases copy more than 4194304 bytes of "
                                     "text"));
  // A few copies stay legal.
  std::string few = "program: &p \"" + std::string(1 << 20, 'x') + "\"\n";
  few += "copies: [*p, *p]\n";
  Diagnostics diags;
  CHECK(ParseYaml(few, "f.yaml", &diags).has_value());
  CHECK(diags.ok());
}

TEST_CASE("the halves of a large file share one alias budget", "[io]") {
  // 60,000 alias nodes in each half: 120,000 in the file, over the
  // 100,000 limit whether parsed in halves or whole.
  std::string text =
      "attendees:\n  - id: a0\n    values: &v [1, 2, 3, 4, 5, "
      "6, 7, 8, 9]\n";
  for (int i = 1; i <= 12000; ++i) {
    text += "  - id: a" + std::to_string(i) + "\n    values: *v\n    pad: \"" +
            std::string(60, 'p') + "\"\n";
  }
  REQUIRE(text.size() > (size_t{1} << 20));  // parsed in halves
  const std::string errors = ParseErrors(text);
  CHECK_THAT(errors, Catch::Contains("aliases expand to more than 100000 "
                                     "nodes"));
}

TEST_CASE("nesting deeper than the limit is an error", "[io]") {
  SECTION("flow nesting within yaml-cpp's reach") {
    std::string text = "a: " + std::string(70, '[') + std::string(70, ']');
    CHECK_THAT(ParseErrors(text),
               Catch::StartsWith("f.yaml:1:") &&
                   Catch::Contains("nested more than 64 deep"));
  }
  SECTION("absurd flow nesting is stopped by the pre-scan") {
    std::string text = std::string(200000, '{');
    CHECK(ParseErrors(text) ==
          "f.yaml:1:65: error: lists and maps are nested more than 64 deep "
          "here");
  }
  SECTION("block nesting") {
    std::string text;
    for (int i = 0; i < 80; ++i) {
      text += std::string(2 * i, ' ') + "k" + std::to_string(i) + ":\n";
    }
    text += std::string(160, ' ') + "leaf\n";
    CHECK_THAT(ParseErrors(text),
               Catch::StartsWith("f.yaml:65:") &&
                   Catch::Contains("nested more than 64 deep"));
  }
  SECTION("64 levels are fine") {
    std::string text = std::string(63, '[') + std::string(63, ']');
    CHECK(ParseErrors(text).empty());
  }
}

TEST_CASE("a UTF-8 byte order mark is dropped", "[io]") {
  YamlNode root = ParseOk("\xEF\xBB\xBFname: Zoë\n");
  REQUIRE(root.entries.size() == 1);
  CHECK(root.entries[0].key == "name");
  CHECK(root.entries[0].key_mark.column == 1);
  CHECK(root.Find("name")->scalar == "Zoë");
}

TEST_CASE("CRLF line ends parse like LF", "[io]") {
  YamlNode root = ParseOk("a: 1\r\nb: two words\r\nc:\r\n  - x\r\n");
  CHECK(root.Find("b")->scalar == "two words");
  CHECK(root.Find("b")->mark.line == 2);
  CHECK(root.Find("c")->items[0].scalar == "x");
  CHECK(root.Find("c")->items[0].mark.line == 4);
}

TEST_CASE("invalid UTF-8 is reported at its line and column", "[io]") {
  CHECK(ParseErrors("a: 1\nb: \xFF\xFE\n") ==
        "f.yaml:2:4: error: invalid UTF-8 byte 0xFF; save the file as UTF-8 "
        "text");
  // Overlong encodings and lone continuation bytes are invalid too.
  CHECK_THAT(ParseErrors("x: \xC0\xAF\n"),
             Catch::StartsWith("f.yaml:1:4: error: invalid UTF-8"));
  CHECK_THAT(ParseErrors("é: \x80\n"),
             Catch::StartsWith("f.yaml:1:4: error: invalid UTF-8"));
}

TEST_CASE("the pre-scan's positions hold after long runs of plain text",
          "[io]") {
  const std::string run(300, 'x');
  // A control character, an invalid byte and a deep nesting right after a
  // run, in plain text and in a comment.
  CHECK(ParseErrors("a: " + run + "\x01\n") ==
        "f.yaml:1:304: error: control character 0x01 is not allowed; is this "
        "a text file?");
  CHECK(ParseErrors("a: 1 # " + run + "\x7F\n") ==
        "f.yaml:1:308: error: control character 0x7F is not allowed; is this "
        "a text file?");
  CHECK(ParseErrors("a: 1\n# " + run + " \xFF\n") ==
        "f.yaml:2:304: error: invalid UTF-8 byte 0xFF; save the file as UTF-8 "
        "text");
  CHECK(ParseErrors("k: " + run + " " + std::string(200, '[')) ==
        "f.yaml:1:369: error: lists and maps are nested more than 64 deep "
        "here");
  // Characters count as one column each, ASCII runs or not.
  CHECK(ParseErrors("é: " + run + "\x02\n") ==
        "f.yaml:1:304: error: control character 0x02 is not allowed; is this "
        "a text file?");
  // Brackets in a comment or in quotes do not nest; a '#' inside quotes
  // starts no comment, so brackets after the quote still count.
  CHECK(ParseErrors("a: 1 # " + std::string(200, '[') + "\n").empty());
  CHECK(ParseErrors("a: '" + std::string(200, '{') + "'\n").empty());
  CHECK(ParseErrors("a: \"x # y\" " + std::string(100, '[')) ==
        "f.yaml:1:76: error: lists and maps are nested more than 64 deep "
        "here");
  // A tab in the indentation of the line after a long one.
  CHECK(ParseErrors("a: " + run + "\n\tb: 1\n") ==
        "f.yaml:2:1: error: tab character in indentation; YAML indentation "
        "must use spaces");
}

TEST_CASE("tabs in indentation get a clear message", "[io]") {
  CHECK(ParseErrors("a:\n\tb: 1\n") ==
        "f.yaml:2:1: error: tab character in indentation; YAML indentation "
        "must use spaces");
  // Tabs after the indentation are ordinary characters.
  YamlNode root = ParseOk("a: x\ty\n");
  CHECK(root.Find("a")->scalar == "x\ty");
}

TEST_CASE("empty input is a null document", "[io]") {
  for (const char* text : {"", "# only a comment\n", "\xEF\xBB\xBF", "\n\n"}) {
    YamlNode root = ParseOk(text);
    CHECK(root.is_null());
    CHECK(root.mark.line == 1);
  }
}

TEST_CASE("syntax errors become diagnostics with a hint", "[io]") {
  CHECK(ParseErrors("a: [1, 2\n") ==
        "f.yaml:2:1: error: YAML syntax error: a list opened with '[' is not "
        "closed with ']'");
  CHECK(ParseErrors("a: b: c\n") ==
        "f.yaml:1:5: error: YAML syntax error: unexpected ':'; check the "
        "indentation, and put text that contains ': ' in quotes");
  CHECK_THAT(
      ParseErrors("a: *nowhere\n"),
      Catch::StartsWith("f.yaml:1:") && Catch::Contains("YAML syntax error"));
}

TEST_CASE("a second document is an error", "[io]") {
  CHECK_THAT(ParseErrors("a: 1\n---\nb: 2\n"),
             Catch::StartsWith("f.yaml:2:1: error: a second YAML document"));
}

TEST_CASE("map keys must be scalars", "[io]") {
  CHECK_THAT(ParseErrors("? [a, b]\n: 1\n"),
             Catch::StartsWith("f.yaml:1:3: error: a map key must be plain "
                               "text, not a list"));
}

TEST_CASE("files over the size cap are refused", "[io]") {
  YamlLimits limits;
  limits.max_bytes = 16;
  CHECK_THAT(ParseErrors("name: a fairly long value\n", limits),
             Catch::StartsWith("f.yaml: error: file is larger than 16 "
                               "bytes"));
  testing::TempDir dir;
  std::string path = dir.Write("big.yaml", std::string(1000, '#'));
  Diagnostics diags;
  CHECK_FALSE(ReadYamlFile(path, &diags, limits).has_value());
  CHECK_THAT(std::string(diags.ToStatus().message()),
             Catch::StartsWith(path + ": error: file is larger than 16"));
}

TEST_CASE("reading a file that is not there is an error", "[io]") {
  Diagnostics diags;
  CHECK_FALSE(ReadYamlFile("/nonexistent/x.yaml", &diags).has_value());
  CHECK(diags.ToStatus().message() ==
        "/nonexistent/x.yaml: error: cannot open file for reading");
}

TEST_CASE("binary garbage never crashes the parser", "[io]") {
  std::mt19937 rng(12345);
  for (int round = 0; round < 300; ++round) {
    std::string text(1 + rng() % 400, '\0');
    for (char& c : text) {
      // Mix YAML punctuation into random bytes to reach deeper states.
      static const char kPunct[] = "[]{}:-,&*!|>'\"#\n ?%@`";
      c = rng() % 3 == 0 ? kPunct[rng() % (sizeof(kPunct) - 1)]
                         : static_cast<char>(rng() % 256);
    }
    Diagnostics diags;
    std::optional<YamlNode> root = ParseYaml(text, "g.yaml", &diags);
    // Either a tree or at least one diagnostic about g.yaml.
    if (!root.has_value()) {
      REQUIRE_FALSE(diags.ok());
      CHECK_THAT(std::string(diags.ToStatus().message()),
                 Catch::StartsWith("g.yaml"));
    }
  }
}

TEST_CASE("every truncation of a valid file parses or fails cleanly", "[io]") {
  const std::string text =
      "attendees:\n  - id: a1\n    name: \"Zoë\"\n    values: {impact: 4}\n"
      "    available: &w ['10:00-11:00']\n  - {id: a2, name: B, available: "
      "*w}\n";
  for (size_t n = 0; n <= text.size(); ++n) {
    Diagnostics diags;
    std::optional<YamlNode> root =
        ParseYaml(text.substr(0, n), "t.yaml", &diags);
    if (!root.has_value()) {
      CHECK_THAT(std::string(diags.ToStatus().message()),
                 Catch::StartsWith("t.yaml:"));
    }
  }
}

TEST_CASE("did-you-mean finds plausible typos only", "[io]") {
  std::vector<std::string> keys = {"name", "values", "offers", "seeks"};
  CHECK(ClosestMatch("nme", keys) == "name");
  CHECK(ClosestMatch("vaules", keys) == "values");  // transposition
  CHECK(ClosestMatch("Name", keys) == "name");
  CHECK(ClosestMatch("xyz", keys).empty());
  CHECK(ClosestMatch("id", {"at"}).empty());
  CHECK(DidYouMean("seek", keys) == "; did you mean 'seeks'?");
  CHECK(DidYouMean("zzzzzz", keys).empty());
  CHECK(EditDistance("kitten", "sitting") == 3);
}

TEST_CASE("diagnostics are grouped by file, sorted by position and capped",
          "[io]") {
  Diagnostics diags;
  diags.RegisterFile("event.yaml");
  diags.RegisterFile("attendees.yaml");
  diags.Error(SourceMark{"attendees.yaml", 9, 1}, "later");
  diags.Error(SourceMark{"attendees.yaml", 2, 5}, "earlier");
  diags.Error(SourceMark{"event.yaml", 3, 1}, "event");
  diags.Error(SourceMark{"--set", 1, 1}, "set");
  CHECK(diags.ToStatus().code() == absl::StatusCode::kInvalidArgument);
  CHECK(diags.ToStatus().message() ==
        "event.yaml:3:1: error: event\n"
        "attendees.yaml:2:5: error: earlier\n"
        "attendees.yaml:9:1: error: later\n"
        "--set:1:1: error: set");
  for (int i = 0; i < 60; ++i) {
    diags.Error(SourceMark{"x.yaml", i + 1, 1}, "bad");
  }
  std::vector<std::string> lines = diags.Lines();
  CHECK(lines.size() == Diagnostics::kMaxErrors + 1);
  CHECK(lines.back() == "too many errors; stopping");
  diags.NotFound("y.yaml");
  CHECK(diags.ToStatus().code() == absl::StatusCode::kNotFound);
  CHECK(Diagnostics().ToStatus().ok());
}

}  // namespace
}  // namespace fairmatch

namespace fairmatch {
namespace {

// A list file over the parallel-parse threshold: `n` items of 4 lines each.
std::string BigListFile(int n) {
  std::string text = "# generated\nattendees:\n";
  for (int i = 0; i < n; ++i) {
    text += "  - id: a" + std::to_string(i) + "\n    name: \"Zoë " +
            std::to_string(i) + "\"\n    values: {impact: 3}\n" +
            "    offers: [python, data]\n";
  }
  return text;
}

TEST_CASE("large list files parse in halves with the file's own marks",
          "[io]") {
  const int n = 20000;
  const std::string text = BigListFile(n);
  REQUIRE(text.size() > (size_t{1} << 20));
  Diagnostics diags;
  std::optional<YamlNode> root = ParseYaml(text, "big.yaml", &diags);
  REQUIRE(root.has_value());
  REQUIRE(diags.ok());
  const YamlNode* list = root->Find("attendees");
  REQUIRE(list != nullptr);
  REQUIRE(list->items.size() == static_cast<size_t>(n));
  for (int i : {0, n / 2 - 1, n / 2, n / 2 + 1, n - 1}) {
    const YamlNode& item = list->items[i];
    CHECK(item.Find("id")->scalar == "a" + std::to_string(i));
    // Item i starts on line 3 + 4i; "- " is at column 3.
    CHECK(item.mark.line == 3 + 4 * i);
    CHECK(item.Find("name")->mark.line == 4 + 4 * i);
    CHECK(item.Find("name")->mark.column == 11);
  }
}

TEST_CASE(
    "an error in the second half of a large file is reported at its "
    "own line",
    "[io]") {
  const int n = 20000;
  std::string text = BigListFile(n);
  // Break item 15000's values map: an unclosed flow map.
  const std::string needle =
      "  - id: a15000\n    name: \"Zoë 15000\"\n    values: {impact: 3}";
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  text.replace(
      at, needle.size(),
      "  - id: a15000\n    name: \"Zoë 15000\"\n    values: {impact: 3");
  Diagnostics diags;
  std::optional<YamlNode> root = ParseYaml(text, "big.yaml", &diags);
  CHECK(!root.has_value());
  REQUIRE(!diags.ok());
  const std::string first = diags.Lines().front();
  // The error is found at or just after item 15000 (line 3 + 4 * 15000).
  CHECK_THAT(first, Catch::StartsWith("big.yaml:6000"));
}

TEST_CASE("an alias across the halves of a large file still resolves", "[io]") {
  std::string text =
      "attendees:\n  - id: first\n    values: &shared {impact: 5}\n";
  const std::string body = BigListFile(20000).substr(
      std::string("# generated\nattendees:\n").size());
  text += body;
  text += "  - id: last\n    values: *shared\n";
  Diagnostics diags;
  std::optional<YamlNode> root = ParseYaml(text, "alias.yaml", &diags);
  REQUIRE(root.has_value());
  const YamlNode* list = root->Find("attendees");
  REQUIRE(list != nullptr);
  CHECK(list->items.back().Find("values")->Find("impact")->scalar == "5");
}

}  // namespace
}  // namespace fairmatch
