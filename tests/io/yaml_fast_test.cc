#include "engine/io/yaml_fast.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/io/diagnostics.h"
#include "engine/io/yaml_tree.h"
#include "engine/synth/generator.h"
#include "tests/fixtures/read_file.h"
#include "tests/fixtures/yaml_paths.h"

namespace fairmatch {
namespace {

bool TakesFastPath(std::string text) {
  // ParseYaml gives the fast path LF line ends.
  for (size_t i; (i = text.find("\r\n")) != std::string::npos;) {
    text.erase(i, 1);
  }
  return ParseYamlFast(text, "f.yaml", YamlLimits{}).has_value();
}

// Both paths agree on `text`; returns whether the fast one took it.
bool Agree(const std::string& text) {
  const std::string fast = testing::ParsedBy(text, true);
  const std::string full = testing::ParsedBy(text, false);
  if (fast != full) {
    // Where they part, for the reader of a failure.
    size_t at = 0;
    while (at < fast.size() && at < full.size() && fast[at] == full[at]) ++at;
    const size_t from = at < 60 ? 0 : at - 60;
    UNSCOPED_INFO("text:\n"
                  << text << "\nfast path: ..." << fast.substr(from, 160)
                  << "\nyaml-cpp:  ..." << full.substr(from, 160));
  }
  CHECK(fast == full);
  return TakesFastPath(text);
}

TEST_CASE("yaml fast path: the same tree as yaml-cpp, case by case",
          "[io][yaml]") {
  struct Case {
    const char* text;
    bool fast;  // taken by the fast path
  };
  const Case cases[] = {
      {"a: 1\nb: two words\n", true},
      {"# c\n\nname: Zoë Müller  # a comment\nid: a1\n", true},
      {"list:\n  - x\n  - \"y z\"\n  - 'it''s'\n", true},
      {"people:\n  - id: a\n    name: B\n  - id: c\n    tags: [p, q]\n", true},
      {"- id: a\n  v: {x: 1, y: two}\n- id: b\n", true},
      {"a: {}\nb: []\nc: [[1, 2], {k: v}]\n", true},
      {"a:\nb: ~\nc: null\nd: 'null'\n", true},
      {"nested:\n  deeper:\n    deepest: 3\n  back: 1\nout: 2\n", true},
      {"time: 10:00\nurl: http://x.org/a\nneg: -5\n", true},
      {"name: O'Brien\nq: \"say \\\"hi\\\"\\n\"\n", true},
      {"  indented: 1\n  root: 2\n", true},
      {"k: v", true},  // no final line end
      {"\"quoted key\": 1\n'single': 2\n", true},
      {"a: 1\r\n", true},  // ParseYaml normalises the line end first
      {"walk_ins:\n  - {id: w01, name: Sam, values: {impact: 4}}\n", true},
      // Left to yaml-cpp:
      {"", false},
      {"# only a comment\n", false},
      {"a: |\n  block\n", false},
      {"a: >\n  folded\n", false},
      {"a: &x 1\nb: *x\n", false},
      {"a: !!str 1\n", false},
      {"---\na: 1\n", false},
      {"a: 1\n...\n", false},
      {"a: 1\na: 2\n", false},  // a duplicate key: yaml-cpp reports it
      {"a: multi\n  line\n", false},
      {"a: [1,\n  2]\n", false},
      {"a: \"open\n", false},
      {"? a\n: b\n", false},
      {"a:\n- x\n- y\n", false},  // an indentless list
      {"a: x: y\n", false},
      {"a: [1, 2,]\n", false},
      {"a: \"\\u00e9\"\n", false},
      {"{a: 1}\n", false},
      {"just text\n", false},
      {"a:\n  - b\n c: 1\n", false},
      {"a: 1\n\tb: 2\n", false},
      {"a: x\xc2\x85y\n", false},
      {"url: http://x.org/a#b\n", false},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Agree(c.text) == c.fast);
  }
}

TEST_CASE("yaml fast path: the repository's YAML files", "[io][yaml]") {
  int files = 0, fast = 0;
  for (const char* folder : {"data", "configs", "tests/data", "tests/fuzz"}) {
    const std::filesystem::path root =
        std::filesystem::path(FAIRMATCH_SOURCE_DIR) / folder;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(root)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) {
        continue;
      }
      INFO(entry.path().string());
      ++files;
      if (Agree(testing::ReadFile(entry.path().string()))) ++fast;
    }
  }
  // Most of them are in the subset (the rest test what is not).
  CHECK(files > 50);
  CHECK(fast * 2 > files);
}

TEST_CASE("yaml fast path: generated fairs take it, whole", "[io][yaml]") {
  SynthOptions options;
  options.attendees = 400;
  options.employers = 40;
  options.requirements = 1;
  options.wishes = 0.85;
  options.free_text = 1;
  absl::StatusOr<SynthFiles> fair = GenerateFair(options);
  REQUIRE(fair.ok());
  for (const std::string* text : {&fair->event_yaml, &fair->attendees_yaml,
                                  &fair->employers_yaml, &fair->config_yaml}) {
    CHECK(Agree(*text));
  }
}

TEST_CASE("yaml fast path: mutated fairs agree with yaml-cpp", "[io][yaml]") {
  SynthOptions options;
  options.attendees = 12;
  options.employers = 4;
  options.requirements = 1;
  options.wishes = 0.85;
  absl::StatusOr<SynthFiles> fair = GenerateFair(options);
  REQUIRE(fair.ok());
  // Whole lines of attendees.yaml, then the event's keys; whole lines of
  // employers.yaml, then the config's.
  auto head = [](const std::string& text) {
    return text.substr(0, text.rfind('\n', 1500) + 1);
  };
  const std::string bases[] = {
      head(fair->attendees_yaml) + fair->event_yaml,
      head(fair->employers_yaml) + fair->config_yaml +
          "walk_ins:\n  - {id: w1, name: R&D Lab, email: x@y.org}\n"};
  for (const std::string& base : bases) REQUIRE(TakesFastPath(base));
  // One edit per text: a character deleted, or one of the characters that
  // change YAML's reading inserted, somewhere.
  const std::string inserts[] = {":",  ": ",  "#",  " #",   "-",     "- ", "\"",
                                 "'",  "[",   "]",  "{",    "}",     ",",  "\n",
                                 " ",  "  ",  "~",  "&a ",  "*a",    "!",  "|",
                                 "? ", "\\",  "\t", "é",    "---\n", "@",  "%",
                                 "`",  " > ", "?",  "a: b", "...\n"};
  std::mt19937 rng(7);
  int fast = 0, runs = 0;
  for (int k = 0; k < 4000; ++k) {
    std::string text = bases[k % 2];
    for (int e = 0; e < 1 + k % 3; ++e) {
      const size_t at = rng() % text.size();
      if (rng() % 4 == 0) {
        text.erase(at, 1);
      } else {
        text.insert(at, inserts[rng() % std::size(inserts)]);
      }
    }
    ++runs;
    if (Agree(text)) ++fast;
  }
  // Both outcomes occur: mutations the fast path takes, and ones it leaves.
  CHECK(fast > runs / 10);
  CHECK(fast < runs);
}

}  // namespace
}  // namespace fairmatch
