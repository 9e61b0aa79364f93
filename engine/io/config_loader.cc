#include "engine/io/config_loader.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "engine/base/edit_distance.h"
#include "engine/base/unicode_text.h"
#include "engine/base/yaml_writer.h"
#include "engine/io/default_config.h"
#include "engine/io/yaml_fields.h"
#include "engine/io/yaml_tree.h"

namespace fairmatch {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr char kDefaultOrigin[] = "default";
constexpr char kSetFile[] = "--set";

// How each setting reaches Config and which values it accepts. Which keys
// exist is decided by configs/default.yaml alone; a key there without a
// binding here (or the reverse) is a programmer error caught by the tests.
struct Binding {
  absl::string_view key;
  double Config::*real = nullptr;
  int Config::*whole = nullptr;
  std::uint64_t Config::*unsigned64 = nullptr;
  double lo = 0;
  double hi = kInf;
  // A word setting: one of `choices` (space-separated), stored lower case.
  std::string Config::*word = nullptr;
  absl::string_view choices = "";
  // A locale ICU can collate ("fr", "de-AT") or "event".
  std::string Config::*locale = nullptr;
  // output.extra: `all`, or a list of extra keys (Config::extra).
  bool extra_list = false;
};

const Binding kBindings[] = {
    // Only the ratio of the weights matters; the cap keeps the score
    // arithmetic (float) and the flow's integer costs finite.
    {"weights.values", &Config::weight_values, nullptr, nullptr, 0, 1000},
    {"weights.benefit", &Config::weight_benefit, nullptr, nullptr, 0, 1000},
    {"weights.wants", &Config::weight_wants, nullptr, nullptr, 0, 1},
    {"weights.mutual_wants", &Config::weight_mutual_wants, nullptr, nullptr, 0,
     1},
    {"min_score", &Config::min_score, nullptr, nullptr, 0, 1},
    {"meetings.min", nullptr, &Config::meetings_min, nullptr, 0, 1000},
    {"meetings.max", nullptr, &Config::meetings_max, nullptr, 1, 1000},
    {"group_size", nullptr, &Config::group_size, nullptr, 1, 20},
    {"objective.fairness", &Config::fairness, nullptr, nullptr, 0, 1},
    {"employers.min_meetings", nullptr, &Config::employer_min_meetings, nullptr,
     0, 1000},
    {"employers.max_consecutive", nullptr, &Config::employer_max_consecutive,
     nullptr, 0, 1000},
    {"rerun.change_penalty", &Config::change_penalty, nullptr, nullptr, 0, 1},
    {"seed", nullptr, nullptr, &Config::seed, 0, kInf},
    {"output.paper", nullptr, nullptr, nullptr, 0, 0, &Config::paper,
     "a4 letter"},
    {"output.locale", nullptr, nullptr, nullptr, 0, 0, nullptr, "",
     &Config::locale},
    {"output.extra", nullptr, nullptr, nullptr, 0, 0, nullptr, "", nullptr,
     true},
};

const Binding* FindBinding(absl::string_view key) {
  for (const Binding& b : kBindings) {
    if (b.key == key) return &b;
  }
  return nullptr;
}

// output.extra: `all` (any case), one key, or a list of keys.
bool ApplyExtra(const YamlNode& value, const std::string& what, Config* config,
                Diagnostics* diags) {
  std::vector<std::string> keys;
  if (value.is_scalar() && absl::AsciiStrToLower(value.scalar) == "all") {
    config->extra_all = true;
    config->extra.clear();
    return true;
  }
  const std::vector<YamlNode> one = {value};
  const std::vector<YamlNode>& items = value.is_sequence() ? value.items : one;
  bool ok = true;
  for (const YamlNode& item : items) {
    std::optional<std::string> key =
        ReadText(item, absl::StrCat("an entry of ", what), diags);
    if (!key) {
      ok = false;
      continue;
    }
    keys.push_back(*std::move(key));
  }
  if (!ok) return false;
  config->extra_all = false;
  config->extra = std::move(keys);
  return true;
}

// Reads `value` as the setting `b` and stores it into `config`.
bool Apply(const Binding& b, const YamlNode& value, Config* config,
           Diagnostics* diags) {
  std::string what = absl::StrCat("'", b.key, "'");
  if (b.extra_list) return ApplyExtra(value, what, config, diags);
  if (b.locale != nullptr) {
    std::optional<std::string> v = ReadText(value, what, diags);
    if (!v) return false;
    if (absl::AsciiStrToLower(*v) == "event") {
      config->*b.locale = "event";
      return true;
    }
    if (!Collation::ForLocale(*v).ok()) {
      diags->Error(value.mark,
                   absl::StrCat(what,
                                " must be a language code such as en, "
                                "fr, de or fr-CA (ICU must know it), or event "
                                "for the locale of event.yaml, got '",
                                *v, "'"));
      return false;
    }
    config->*b.locale = *std::move(v);
    return true;
  }
  if (b.word != nullptr) {
    std::optional<std::string> v = ReadText(value, what, diags);
    if (!v) return false;
    std::string word = absl::AsciiStrToLower(*v);
    std::vector<absl::string_view> choices =
        absl::StrSplit(b.choices, ' ', absl::SkipEmpty());
    if (std::find(choices.begin(), choices.end(), word) == choices.end()) {
      diags->Error(value.mark, absl::StrCat(what, " must be ",
                                            absl::StrJoin(choices, " or "),
                                            ", got '", *v, "'"));
      return false;
    }
    config->*b.word = std::move(word);
  } else if (b.real != nullptr) {
    std::optional<double> v = ReadNumber(value, what, b.lo, b.hi, diags);
    if (!v) return false;
    config->*b.real = *v;
  } else if (b.whole != nullptr) {
    std::optional<int> v = ReadInt(value, what, static_cast<int>(b.lo),
                                   static_cast<int>(b.hi), diags);
    if (!v) return false;
    config->*b.whole = *v;
  } else {
    std::optional<std::uint64_t> v = ReadUint64(value, what, diags);
    if (!v) return false;
    config->*b.unsigned64 = *v;
  }
  return true;
}

struct Setting {
  std::string key;
  const Binding* binding = nullptr;
  std::string value;
  std::string origin;
  SourceMark mark;
  int layer = 0;
  // A list value: where each entry was written (output.extra).
  std::vector<SourceMark> item_marks;
};

// The text of a setting as its layer wrote it: the scalar, or a list in
// YAML flow style ("[accessibility, portfolio.url]").
std::string SettingText(const YamlNode& value) {
  if (!value.is_sequence()) return value.scalar;
  std::string text = "[";
  for (std::size_t i = 0; i < value.items.size(); ++i) {
    if (i > 0) text.append(", ");
    AppendYamlScalar(&text, value.items[i].scalar);
  }
  text.push_back(']');
  return text;
}

class Layering {
 public:
  explicit Layering(Diagnostics* diags) : diags_(diags) {}

  // Reads the built-in defaults; they define the legal keys.
  bool Init() {
    Diagnostics internal;
    std::optional<YamlNode> root =
        ParseYaml(kDefaultConfigYaml, "configs/default.yaml", &internal);
    if (!root || !internal.ok() || !root->is_map()) {
      diags_->Error(SourceMark{"configs/default.yaml", 0, 0},
                    "internal error: the built-in defaults do not parse");
      return false;
    }
    CollectDefaults(*root, "");
    for (const Binding& b : kBindings) {
      if (Find(b.key) == nullptr) {
        diags_->Error(
            SourceMark{"configs/default.yaml", 0, 0},
            absl::StrCat("internal error: no default for '", b.key, "'"));
        return false;
      }
    }
    for (const Setting& s : settings_) {
      if (s.binding == nullptr) {
        diags_->Error(SourceMark{"configs/default.yaml", 0, 0},
                      absl::StrCat("internal error: setting '", s.key,
                                   "' is not bound to a Config field"));
        return false;
      }
    }
    Diagnostics check;
    for (Setting& s : settings_) {
      YamlNode node;
      node.kind = YamlNode::Kind::kScalar;
      node.scalar = s.value;
      node.mark = s.mark;
      if (!Apply(*s.binding, node, &config_, &check)) {
        diags_->Error(s.mark, absl::StrCat("internal error: bad default for '",
                                           s.key, "'"));
        return false;
      }
      s.mark = SourceMark{};  // defaults have no user-visible location
    }
    return true;
  }

  // Applies one config document (FAIR_DIR/config.yaml or a --config file).
  void ApplyDocument(const YamlNode& root, const std::string& origin,
                     int layer) {
    if (root.is_null()) return;  // an empty file sets nothing
    if (!root.is_map()) {
      diags_->Error(root.mark,
                    absl::StrCat("a config file must be a map of settings "
                                 "like 'min_score: 0.3', got ",
                                 root.Describe()));
      return;
    }
    ApplyMap(root, "", origin, layer);
  }

  // Applies the `n`-th (1-based) --set argument "dotted.key=value".
  void ApplySet(const std::string& arg, int n, int layer) {
    auto at = [&](int column) { return SourceMark{kSetFile, n, column}; };
    size_t eq = arg.find('=');
    if (eq == std::string::npos) {
      diags_->Error(at(1), absl::StrCat("expected key=value (for example "
                                        "'min_score=0.3'), got '",
                                        arg, "'"));
      return;
    }
    std::string key(absl::StripAsciiWhitespace(arg.substr(0, eq)));
    if (key.empty()) {
      diags_->Error(at(1),
                    "missing key before '='; write key=value, for "
                    "example 'min_score=0.3'");
      return;
    }
    const int value_column = static_cast<int>(eq) + 2;
    Setting* setting = Find(key);
    if (setting == nullptr) {
      diags_->Error(at(1), UnknownKeyMessage(key));
      return;
    }
    // Read the value as a YAML scalar, so quoting works as in files.
    Diagnostics scratch;
    std::optional<YamlNode> value =
        ParseYaml(arg.substr(eq + 1), kSetFile, &scratch);
    if (!value || !scratch.ok()) {
      diags_->Error(at(value_column),
                    absl::StrCat("cannot read the value for '", key,
                                 "' as a single YAML value; quote it"));
      return;
    }
    value->mark = at(value_column);
    // A list's entries: their columns inside the argument.
    for (YamlNode& item : value->items) {
      item.mark = at(value_column + item.mark.column - 1);
    }
    if (value->is_null()) {
      diags_->Error(at(value_column),
                    absl::StrCat("no value after '=' for '", key, "'"));
      return;
    }
    Assign(setting, *value, kSetFile, layer);
  }

  // Cross-key checks on the final values, and output.extra against the
  // extra keys of the fair when given; fills the outputs.
  void Finish(const std::vector<std::string>* extra_keys, Config* config,
              std::vector<ConfigEntry>* entries) {
    const Setting* values = Find("weights.values");
    const Setting* benefit = Find("weights.benefit");
    if (config_.weight_values == 0 && config_.weight_benefit == 0) {
      diags_->Error(Later(values, benefit)->mark,
                    "'weights.values' and 'weights.benefit' are both 0; at "
                    "least one weight must be above 0");
    }
    if (config_.meetings_min > config_.meetings_max) {
      diags_->Error(Later(Find("meetings.min"), Find("meetings.max"))->mark,
                    absl::StrCat("'meetings.min' (", config_.meetings_min,
                                 ") must not exceed 'meetings.max' (",
                                 config_.meetings_max, ")"));
    }
    if (extra_keys != nullptr) CheckExtra(*extra_keys);
    if (config != nullptr) *config = config_;
    if (entries != nullptr) {
      entries->clear();
      for (const Setting& s : settings_) {
        entries->push_back(ConfigEntry{s.key, s.value, s.origin});
      }
    }
  }

 private:
  // Every key output.extra lists must select a field someone has: a typo
  // would otherwise drop the field from every sheet without a word.
  void CheckExtra(const std::vector<std::string>& present) {
    if (config_.extra_all) return;
    const Setting* setting = Find("output.extra");
    // What a key may be: a field, or a group of fields ("portfolio").
    std::vector<std::string> candidates;
    for (const std::string& key : present) {
      for (std::size_t dot = key.find('.'); dot != std::string::npos;
           dot = key.find('.', dot + 1)) {
        candidates.push_back(key.substr(0, dot));
      }
      candidates.push_back(key);
    }
    for (std::size_t i = 0; i < config_.extra.size(); ++i) {
      const std::string& selector = config_.extra[i];
      bool selects = false;
      for (const std::string& key : present) {
        if (ExtraSelects(selector, key)) {
          selects = true;
          break;
        }
      }
      if (selects) continue;
      SourceMark mark = i < setting->item_marks.size() ? setting->item_marks[i]
                                                       : setting->mark;
      std::string hint = DidYouMean(selector, candidates);
      if (hint.empty() && present.empty()) {
        hint = "; nobody in this fair has extra fields";
      }
      diags_->Error(mark, absl::StrCat("'output.extra' lists '", selector,
                                       "', but no attendee or employer has an "
                                       "extra field of that name",
                                       hint));
    }
  }

  void CollectDefaults(const YamlNode& map, const std::string& prefix) {
    for (const YamlEntry& e : map.entries) {
      std::string key = prefix.empty() ? e.key : prefix + "." + e.key;
      if (e.value.is_map()) {
        groups_.push_back(key);
        CollectDefaults(e.value, key);
      } else {
        Setting s;
        s.key = key;
        s.binding = FindBinding(key);
        s.value = e.value.scalar;
        s.origin = kDefaultOrigin;
        s.mark = e.value.mark;
        settings_.push_back(std::move(s));
      }
    }
  }

  Setting* Find(absl::string_view key) {
    for (Setting& s : settings_) {
      if (s.key == key) return &s;
    }
    return nullptr;
  }
  bool IsGroup(absl::string_view key) const {
    for (const std::string& g : groups_) {
      if (g == key) return true;
    }
    return false;
  }
  std::vector<std::string> KeysUnder(absl::string_view group) const {
    std::vector<std::string> keys;
    for (const Setting& s : settings_) {
      if (absl::StartsWith(s.key, absl::StrCat(group, "."))) {
        keys.push_back(s.key);
      }
    }
    return keys;
  }

  static const Setting* Later(const Setting* a, const Setting* b) {
    return b->layer >= a->layer ? b : a;
  }

  std::string UnknownKeyMessage(const std::string& key) const {
    if (IsGroup(key)) {
      return absl::StrCat("'", key, "' is a group of settings; set one of ",
                          absl::StrJoin(KeysUnder(key), ", "), " instead");
    }
    std::vector<std::string> candidates = groups_;
    for (const Setting& s : settings_) candidates.push_back(s.key);
    std::string hint = DidYouMean(key, candidates);
    if (hint.empty()) {
      // "values" alone probably means "weights.values".
      for (const Setting& s : settings_) {
        size_t dot = s.key.rfind('.');
        if (dot != std::string::npos && s.key.substr(dot + 1) == key) {
          hint = absl::StrCat("; did you mean '", s.key, "'?");
          break;
        }
      }
    }
    if (hint.empty()) {
      std::vector<std::string> top;
      for (const std::string& c : candidates) {
        if (c.find('.') == std::string::npos) top.push_back(c);
      }
      hint = absl::StrCat("; the settings are: ", absl::StrJoin(top, ", "));
    }
    return absl::StrCat("unknown key '", key, "'", hint);
  }

  void ApplyMap(const YamlNode& map, const std::string& prefix,
                const std::string& origin, int layer) {
    for (const YamlEntry& e : map.entries) {
      std::string key = prefix.empty() ? e.key : prefix + "." + e.key;
      if (IsGroup(key)) {
        if (e.value.is_map()) {
          ApplyMap(e.value, key, origin, layer);
        } else if (!e.value.is_null()) {
          diags_->Error(e.value.mark,
                        absl::StrCat("'", key, "' must be a map of settings (",
                                     absl::StrJoin(KeysUnder(key), ", "),
                                     "), got ", e.value.Describe()));
        }
        continue;
      }
      Setting* setting = Find(key);
      if (setting == nullptr) {
        diags_->Error(e.key_mark, UnknownKeyMessage(key));
        continue;
      }
      if (e.value.is_null()) {
        diags_->Error(e.key_mark, absl::StrCat("'", key,
                                               "' has no value; give one or "
                                               "delete the line"));
        continue;
      }
      Assign(setting, e.value, origin, layer);
    }
  }

  void Assign(Setting* setting, const YamlNode& value,
              const std::string& origin, int layer) {
    if (!Apply(*setting->binding, value, &config_, diags_)) return;
    setting->value = SettingText(value);
    setting->origin = origin;
    setting->mark = value.mark;
    setting->layer = layer;
    setting->item_marks.clear();
    for (const YamlNode& item : value.items) {
      setting->item_marks.push_back(item.mark);
    }
  }

  Diagnostics* diags_;
  Config config_;
  std::vector<Setting> settings_;    // in default-file order
  std::vector<std::string> groups_;  // "weights", "meetings", ...
};

}  // namespace

bool LoadConfigInto(const std::string& fair_dir, const LoadOptions& options,
                    Diagnostics* diags, Config* config,
                    std::vector<ConfigEntry>* entries,
                    const std::vector<std::string>* extra_keys) {
  const int errors_before = diags->error_count();
  const bool ok_before = diags->ok();
  Layering layering(diags);
  if (!layering.Init()) return false;
  int layer = 1;
  std::error_code ec;
  if (!fair_dir.empty()) {
    std::string path =
        (std::filesystem::path(fair_dir) / "config.yaml").string();
    if (std::filesystem::exists(path, ec)) {
      std::optional<YamlNode> root = ReadYamlFile(path, diags);
      if (root) layering.ApplyDocument(*root, path, layer);
    }
  }
  for (const std::string& path : options.config_files) {
    ++layer;
    if (!std::filesystem::exists(path, ec)) {
      diags->NotFound(path);
      continue;
    }
    std::optional<YamlNode> root = ReadYamlFile(path, diags);
    if (root) layering.ApplyDocument(*root, path, layer);
  }
  for (size_t i = 0; i < options.sets.size(); ++i) {
    layering.ApplySet(options.sets[i], static_cast<int>(i) + 1, ++layer);
  }
  layering.Finish(extra_keys, config, entries);
  return diags->error_count() == errors_before && diags->ok() == ok_before;
}

absl::StatusOr<Config> LoadConfig(const std::string& fair_dir,
                                  const LoadOptions& options) {
  Diagnostics diags;
  Config config;
  LoadConfigInto(fair_dir, options, &diags, &config, nullptr, nullptr);
  if (!diags.ok()) return diags.ToStatus();
  return config;
}

absl::StatusOr<std::vector<ConfigEntry>> ResolveConfig(
    const std::string& fair_dir, const LoadOptions& options) {
  Diagnostics diags;
  std::vector<ConfigEntry> entries;
  LoadConfigInto(fair_dir, options, &diags, nullptr, &entries, nullptr);
  if (!diags.ok()) return diags.ToStatus();
  return entries;
}

}  // namespace fairmatch
