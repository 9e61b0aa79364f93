#include "engine/io/config_loader.h"

#include <catch2/catch.hpp>
#include <functional>
#include <string>
#include <vector>

#include "engine/io/default_config.h"
#include "engine/io/yaml_tree.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

using testing::TempDir;

std::string Errors(const std::string& dir, const LoadOptions& options) {
  absl::StatusOr<Config> config = LoadConfig(dir, options);
  REQUIRE_FALSE(config.ok());
  return std::string(config.status().message());
}

LoadOptions Sets(std::vector<std::string> sets) {
  LoadOptions options;
  options.sets = std::move(sets);
  return options;
}

const ConfigEntry* FindEntry(const std::vector<ConfigEntry>& entries,
                             const std::string& key) {
  for (const ConfigEntry& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

TEST_CASE("the built-in defaults come from configs/default.yaml", "[io]") {
  absl::StatusOr<Config> config = LoadConfig("", LoadOptions{});
  REQUIRE(config.ok());
  CHECK(config->weight_values == 0.5);
  CHECK(config->weight_benefit == 0.5);
  CHECK(config->min_score == Approx(0.2));
  CHECK(config->meetings_min == 2);
  CHECK(config->meetings_max == 4);
  CHECK(config->group_size == 3);
  CHECK(config->fairness == 0.5);
  CHECK(config->employer_min_meetings == 1);
  CHECK(config->employer_max_consecutive == 0);
  CHECK(config->seed == 1);
}

TEST_CASE("every leaf of the default document is a setting, in order", "[io]") {
  Diagnostics diags;
  std::optional<YamlNode> root =
      ParseYaml(kDefaultConfigYaml, "default.yaml", &diags);
  REQUIRE(root.has_value());
  std::vector<std::string> leaves;
  std::function<void(const YamlNode&, const std::string&)> walk =
      [&](const YamlNode& node, const std::string& prefix) {
        for (const YamlEntry& e : node.entries) {
          std::string key = prefix.empty() ? e.key : prefix + "." + e.key;
          if (e.value.is_map()) {
            walk(e.value, key);
          } else {
            leaves.push_back(key);
          }
        }
      };
  walk(*root, "");
  absl::StatusOr<std::vector<ConfigEntry>> entries =
      ResolveConfig("", LoadOptions{});
  REQUIRE(entries.ok());
  std::vector<std::string> keys;
  for (const ConfigEntry& e : *entries) {
    keys.push_back(e.key);
    CHECK(e.origin == "default");
  }
  CHECK(keys == leaves);
  CHECK(FindEntry(*entries, "weights.values")->value == "0.5");
}

TEST_CASE("layers apply in order: default < fair < --config < --set", "[io]") {
  TempDir dir;
  dir.Write("config.yaml",
            "min_score: 0.3\nseed: 2\nobjective: {fairness: 0.9}\n");
  std::string first =
      dir.Write("first.yaml", "seed: 3\nobjective:\n  fairness: 0.1\n");
  std::string second = dir.Write("second.yaml", "seed: 4\ngroup_size: 2\n");
  LoadOptions options;
  options.config_files = {first, second};
  options.sets = {"seed=5", "meetings.max=6", "seed=6"};

  absl::StatusOr<Config> config = LoadConfig(dir.path(), options);
  REQUIRE(config.ok());
  CHECK(config->min_score == Approx(0.3));  // fair config
  CHECK(config->fairness == Approx(0.1));   // first --config beats fair
  CHECK(config->group_size == 2);           // second --config
  CHECK(config->meetings_max == 6);         // --set
  CHECK(config->seed == 6);                 // the last --set wins
  CHECK(config->meetings_min == 2);         // default

  absl::StatusOr<std::vector<ConfigEntry>> entries =
      ResolveConfig(dir.path(), options);
  REQUIRE(entries.ok());
  CHECK(FindEntry(*entries, "min_score")->origin == dir.File("config.yaml"));
  CHECK(FindEntry(*entries, "min_score")->value == "0.3");
  CHECK(FindEntry(*entries, "objective.fairness")->origin == first);
  CHECK(FindEntry(*entries, "group_size")->origin == second);
  CHECK(FindEntry(*entries, "seed")->origin == "--set");
  CHECK(FindEntry(*entries, "seed")->value == "6");
  CHECK(FindEntry(*entries, "meetings.min")->origin == "default");
}

TEST_CASE("a missing fair config.yaml is fine -- an empty one too", "[io]") {
  TempDir dir;
  CHECK(LoadConfig(dir.path(), LoadOptions{}).ok());
  dir.Write("config.yaml", "# nothing set yet\n");
  CHECK(LoadConfig(dir.path(), LoadOptions{}).ok());
}

TEST_CASE("a missing --config file is NotFound", "[io]") {
  TempDir dir;
  LoadOptions options;
  options.config_files = {dir.File("nope.yaml")};
  absl::StatusOr<Config> config = LoadConfig(dir.path(), options);
  REQUIRE(config.status().code() == absl::StatusCode::kNotFound);
  CHECK(config.status().message() ==
        dir.File("nope.yaml") + ": error: file not found");
}

TEST_CASE("a bad --set names the argument and the column", "[io]") {
  CHECK(Errors("", Sets({"weigths.values=0.7"})) ==
        "--set:1:1: error: unknown key 'weigths.values'; did you mean "
        "'weights.values'?");
  CHECK(Errors("", Sets({"seed=1", "weights.values=abc"})) ==
        "--set:2:16: error: 'weights.values' must be a number from 0 to 1000, "
        "got 'abc'");
  CHECK(Errors("", Sets({"min_score"})) ==
        "--set:1:1: error: expected key=value (for example 'min_score=0.3'), "
        "got 'min_score'");
  CHECK(Errors("", Sets({"seed="})) ==
        "--set:1:6: error: no value after '=' for 'seed'");
  CHECK(Errors("", Sets({"seed=-1"})) ==
        "--set:1:6: error: 'seed' must be a whole number of at least 0 "
        "(below 2^64), got '-1'");
  CHECK_THAT(Errors("", Sets({"weights=1"})),
             Catch::StartsWith("--set:1:1: error: 'weights' is a group of "
                               "settings; set one of weights.values, "
                               "weights.benefit"));
  CHECK(Errors("", Sets({"meetings.max=[1, 2]"})) ==
        "--set:1:14: error: 'meetings.max' must be a whole number from 1 to "
        "1000, got a list");
  CHECK_THAT(Errors("", Sets({"values=0.7"})),
             Catch::EndsWith("did you mean 'weights.values'?"));
}

TEST_CASE("values given with --set are read as YAML scalars", "[io]") {
  absl::StatusOr<Config> config =
      LoadConfig("", Sets({"min_score='0.4'", " seed = 7", "group_size=1"}));
  REQUIRE(config.ok());
  CHECK(config->min_score == Approx(0.4));
  CHECK(config->seed == 7);
  CHECK(config->group_size == 1);
  // The full 64-bit range is available for seeds.
  config = LoadConfig("", Sets({"seed=18446744073709551615"}));
  REQUIRE(config.ok());
  CHECK(config->seed == 18446744073709551615ull);
}

TEST_CASE("NaN and infinity are rejected", "[io]") {
  for (const char* bad : {"nan", ".nan", "inf", "-.inf", ".inf", "1e999"}) {
    INFO(bad);
    CHECK_THAT(Errors("", Sets({std::string("objective.fairness=") + bad})),
               Catch::StartsWith("--set:1:20: error: 'objective.fairness' "
                                 "must be a number from 0 to 1"));
  }
}

TEST_CASE("config values are range-checked at their line", "[io]") {
  struct Case {
    const char* yaml;
    const char* expected;  // after "DIR/config.yaml:"
  };
  const Case cases[] = {
      {"min_score: 1.5\n",
       "1:12: error: 'min_score' must be a number from 0 to 1, got '1.5'"},
      {"group_size: 0\n",
       "1:13: error: 'group_size' must be a whole number from 1 to 20, got "
       "'0'"},
      {"group_size: 2.5\n",
       "1:13: error: 'group_size' must be a whole number from 1 to 20, got "
       "'2.5'"},
      {"weights:\n  values: -1\n",
       "2:11: error: 'weights.values' must be a number from 0 to 1000, got "
       "'-1'"},
      {"objective:\n  fairness: 2\n",
       "2:13: error: 'objective.fairness' must be a number from 0 to 1, got "
       "'2'"},
      {"meetings: {min: 5, max: 3}\n",
       "1:25: error: 'meetings.min' (5) must not exceed 'meetings.max' (3)"},
      {"weights: {values: 0, benefit: 0}\n",
       "1:31: error: 'weights.values' and 'weights.benefit' are both 0; at "
       "least one weight must be above 0"},
      {"employers:\n  max_consecutive: -2\n",
       "2:20: error: 'employers.max_consecutive' must be a whole number from "
       "0 to 1000, got '-2'"},
      {"meetings: 3\n",
       "1:11: error: 'meetings' must be a map of settings (meetings.min, "
       "meetings.max), got '3'"},
      {"seed:\n",
       "1:1: error: 'seed' has no value; give one or delete the "
       "line"},
      {"weigths:\n  values: 1\n",
       "1:1: error: unknown key 'weigths'; did you mean 'weights'?"},
      {"weights:\n  valeus: 1\n",
       "2:3: error: unknown key 'weights.valeus'; did you mean "
       "'weights.values'?"},
      {"- min_score: 0.3\n",
       "1:1: error: a config file must be a map of settings like "
       "'min_score: 0.3', got a list"},
  };
  for (const Case& c : cases) {
    TempDir dir;
    dir.Write("config.yaml", c.yaml);
    INFO(c.yaml);
    CHECK(Errors(dir.path(), LoadOptions{}) ==
          dir.File("config.yaml") + ":" + c.expected);
  }
}

TEST_CASE("output.locale is a language ICU can collate, or event", "[io]") {
  absl::StatusOr<Config> fallback = LoadConfig("", LoadOptions{});
  REQUIRE(fallback.ok());
  CHECK(fallback->locale == "event");
  for (const char* good : {"sv", "fr-CA", "de_AT", "EVENT"}) {
    INFO(good);
    absl::StatusOr<Config> config =
        LoadConfig("", Sets({std::string("output.locale=") + good}));
    REQUIRE(config.ok());
    CHECK(config->locale == (std::string(good) == "EVENT" ? "event" : good));
  }
  CHECK(Errors("", Sets({"output.locale=xx"})) ==
        "--set:1:15: error: 'output.locale' must be a language code such as "
        "en, fr, de or fr-CA (ICU must know it), or event for the locale of "
        "event.yaml, got 'xx'");
  TempDir dir;
  dir.Write("config.yaml", "output:\n  locale: [fr]\n");
  CHECK_THAT(
      Errors(dir.path(), LoadOptions{}),
      Catch::StartsWith(dir.File("config.yaml") + ":2:11: error: "
                                                  "'output.locale' must be"));
}

TEST_CASE("output.extra is all, one key or a list of keys", "[io]") {
  absl::StatusOr<Config> all = LoadConfig("", LoadOptions{});
  REQUIRE(all.ok());
  CHECK(all->extra_all);
  CHECK(all->extra.empty());

  TempDir dir;
  dir.Write("config.yaml",
            "output:\n  extra: [accessibility, \"portfolio.url\"]\n");
  absl::StatusOr<Config> listed = LoadConfig(dir.path(), LoadOptions{});
  REQUIRE(listed.ok());
  CHECK_FALSE(listed->extra_all);
  CHECK(listed->extra ==
        std::vector<std::string>{"accessibility", "portfolio.url"});
  absl::StatusOr<std::vector<ConfigEntry>> entries =
      ResolveConfig(dir.path(), LoadOptions{});
  REQUIRE(entries.ok());
  CHECK(FindEntry(*entries, "output.extra")->value ==
        "[accessibility, portfolio.url]");

  absl::StatusOr<Config> one = LoadConfig("", Sets({"output.extra=diet"}));
  REQUIRE(one.ok());
  CHECK(one->extra == std::vector<std::string>{"diet"});
  absl::StatusOr<Config> none =
      LoadConfig(dir.path(), Sets({"output.extra=[]"}));
  REQUIRE(none.ok());
  CHECK_FALSE(none->extra_all);
  CHECK(none->extra.empty());
  absl::StatusOr<Config> back =
      LoadConfig(dir.path(), Sets({"output.extra=ALL"}));
  REQUIRE(back.ok());
  CHECK(back->extra_all);

  CHECK(Errors("", Sets({"output.extra=[diet, {a: 1}]"})) ==
        "--set:1:21: error: an entry of 'output.extra' must be text, got a "
        "map");
}

TEST_CASE("a cross-key error points at the layer that caused it", "[io]") {
  TempDir dir;
  dir.Write("config.yaml", "meetings:\n  min: 3\n");
  CHECK(Errors(dir.path(), Sets({"meetings.max=2"})) ==
        "--set:1:14: error: 'meetings.min' (3) must not exceed "
        "'meetings.max' (2)");
}

TEST_CASE("all config problems are reported in one pass", "[io]") {
  TempDir dir;
  dir.Write("config.yaml", "min_score: x\nseeed: 3\n");
  std::string other = dir.Write("other.yaml", "group_size: 99\n");
  LoadOptions options;
  options.config_files = {other};
  options.sets = {"fairness=0.2"};
  CHECK(
      Errors(dir.path(), options) ==
      dir.File("config.yaml") +
          ":1:12: error: 'min_score' must be a number from 0 to 1, got 'x'\n" +
          dir.File("config.yaml") +
          ":2:1: error: unknown key 'seeed'; did you mean 'seed'?\n" + other +
          ":1:13: error: 'group_size' must be a whole number from 1 to 20, "
          "got '99'\n"
          "--set:1:1: error: unknown key 'fairness'; did you mean "
          "'objective.fairness'?");
}

}  // namespace
}  // namespace fairmatch
