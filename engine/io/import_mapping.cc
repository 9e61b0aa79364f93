#include "engine/io/import_mapping.h"

#include <filesystem>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/base/edit_distance.h"
#include "engine/io/import_text.h"
#include "engine/io/import_times.h"
#include "engine/io/yaml_fields.h"

namespace fairmatch {
namespace {

constexpr char kIdHelp[] =
    "'id' must be a column header, or a map with one of 'column', "
    "'from_email' (a prefix, e.g. a-) or 'from_name' (a prefix, e.g. e-)";

class MappingReader {
 public:
  MappingReader(ImportKind kind, const std::string& csv_path,
                const std::string& mapping_path, const CsvRecord& header,
                Diagnostics* diags)
      : header_(header), diags_(diags) {
    m_.kind = kind;
    m_.csv_path = csv_path;
    m_.mapping_path = mapping_path;
    for (const std::string& h : header.fields) {
      m_.headers.push_back(CollapseSpace(h));
      normalized_headers_.push_back(MatchKey(h));
    }
  }

  ImportMapping Read(const YamlNode& map) && {
    ReadMapping(map);
    return std::move(m_);
  }

 private:
  // A column named by its header text; reports unknown and ambiguous
  // headers at the mapping's position.
  std::optional<int> ResolveColumn(const YamlNode& node,
                                   absl::string_view what) {
    if (!node.is_scalar() || CollapseSpace(node.scalar).empty()) {
      diags_->Error(node.mark,
                    absl::StrCat(what, " must be a column header, got ",
                                 node.Describe()));
      return std::nullopt;
    }
    const std::string want = MatchKey(node.scalar);
    std::vector<int> found;
    for (size_t i = 0; i < normalized_headers_.size(); ++i) {
      if (normalized_headers_[i] == want) found.push_back(static_cast<int>(i));
    }
    if (found.size() == 1) return found[0];
    if (found.empty()) {
      diags_->Error(
          node.mark,
          absl::StrCat("no column '", CollapseSpace(node.scalar),
                       "' in the header of ", m_.csv_path, " (line ",
                       header_.line, ")", DidYouMean(node.scalar, m_.headers)));
      return std::nullopt;
    }
    diags_->Error(node.mark,
                  absl::StrCat("column '", CollapseSpace(node.scalar),
                               "' appears more than once in the header of ",
                               m_.csv_path, " (columns ",
                               absl::StrJoin(found, " and ",
                                             [](std::string* out, int c) {
                                               absl::StrAppend(out, c + 1);
                                             }),
                               "); rename one"));
    return std::nullopt;
  }

  // A field given as `header` or `{column: header}`.
  ImportColumn ReadColumnField(const YamlNode& map, absl::string_view key) {
    const YamlNode* node = FindGiven(map, key);
    if (node == nullptr) return {};
    if (node->is_map()) {
      CheckKeys(*node, {"column"}, absl::StrCat("'", key, "'"), diags_);
      const YamlNode* c = FindGiven(*node, "column");
      if (c == nullptr) {
        diags_->Error(node->mark, absl::StrCat("'", key, "' needs 'column'"));
        return {};
      }
      node = c;
    }
    std::optional<int> col = ResolveColumn(*node, absl::StrCat("'", key, "'"));
    return col ? ImportColumn{*col} : ImportColumn{};
  }

  // `columns:` of a map that takes `column` or `columns`: each header of
  // the list that resolves, with its node (`column` the caller reads).
  // Reports a `columns` that is no list, and a map with neither key.
  std::vector<std::pair<const YamlNode*, int>> ReadColumnList(
      const YamlNode& node, absl::string_view what,
      absl::string_view item_what = "") {
    std::vector<std::pair<const YamlNode*, int>> out;
    if (const YamlNode* cs = FindGiven(node, "columns")) {
      if (!cs->is_sequence()) {
        diags_->Error(cs->mark, absl::StrCat("'columns' must be a list of "
                                             "column headers, got ",
                                             cs->Describe()));
      } else {
        for (const YamlNode& c : cs->items) {
          if (std::optional<int> col =
                  ResolveColumn(c, item_what.empty() ? what : item_what)) {
            out.emplace_back(&c, *col);
          }
        }
      }
    }
    if (FindGiven(node, "column") == nullptr &&
        FindGiven(node, "columns") == nullptr) {
      diags_->Error(node.mark,
                    absl::StrCat(what, " needs 'column' or 'columns'"));
    }
    return out;
  }

  // A node that is one item or a list of items, as a list.
  static std::vector<const YamlNode*> OneOrMany(const YamlNode& node) {
    std::vector<const YamlNode*> items;
    if (node.is_sequence()) {
      for (const YamlNode& i : node.items) items.push_back(&i);
    } else {
      items.push_back(&node);
    }
    return items;
  }

  std::optional<std::string> ReadDelimiter(const YamlNode& map) {
    const YamlNode* d = FindGiven(map, "delimiter");
    if (d == nullptr) return std::string();
    if (!d->is_scalar() || d->scalar.empty()) {
      diags_->Error(d->mark, absl::StrCat("'delimiter' must be text such as "
                                          "\";\", got ",
                                          d->Describe()));
      return std::nullopt;
    }
    return d->scalar;
  }

  // offers, seeks, must_meet, avoid, wants: `header`, or a map with
  // `column` or `columns`, and `delimiter`; `by`, `names` and `prefix` for
  // references to the other side.
  std::optional<ImportListSpec> ReadListField(const YamlNode& map,
                                              absl::string_view key,
                                              bool refs) {
    const YamlNode* node = FindGiven(map, key);
    if (node == nullptr) return std::nullopt;
    ImportListSpec spec;
    const std::string what = absl::StrCat("'", key, "'");
    if (node->is_scalar()) {
      if (std::optional<int> c = ResolveColumn(*node, what)) {
        spec.columns.push_back(*c);
      }
      return spec;
    }
    if (!node->is_map()) {
      diags_->Error(node->mark, absl::StrCat(what,
                                             " must be a column header "
                                             "or a map with 'column', got ",
                                             node->Describe()));
      return std::nullopt;
    }
    std::vector<std::string> keys = {"column", "columns", "delimiter"};
    if (refs) {
      keys.push_back("names");
      keys.push_back("by");
      keys.push_back("prefix");
    }
    CheckKeys(*node, keys, what, diags_);
    if (const YamlNode* c = FindGiven(*node, "column")) {
      if (std::optional<int> col = ResolveColumn(*c, what)) {
        spec.columns.push_back(*col);
      }
    }
    for (const auto& [c, col] : ReadColumnList(*node, what)) {
      spec.columns.push_back(col);
    }
    if (std::optional<std::string> d = ReadDelimiter(*node)) {
      spec.delimiter = *d;
    }
    if (const YamlNode* names = FindGiven(*node, "names")) {
      if (names->is_scalar() &&
          (names->scalar == "true" || names->scalar == "false")) {
        if (names->scalar == "true") spec.by = RefBy::kName;
      } else {
        diags_->Error(names->mark, absl::StrCat("'names' must be true or "
                                                "false, got ",
                                                names->Describe()));
      }
    }
    if (const YamlNode* by = FindGiven(*node, "by")) {
      static const std::pair<const char*, RefBy> kBy[] = {
          {"id", RefBy::kId}, {"name", RefBy::kName}, {"email", RefBy::kEmail}};
      bool known = false;
      for (const auto& [word, value] : kBy) {
        if (by->is_scalar() && by->scalar == word) {
          spec.by = value;
          known = true;
        }
      }
      if (!known) {
        diags_->Error(by->mark, absl::StrCat("'by' must be id, name or email, "
                                             "got ",
                                             by->Describe()));
      }
    }
    if (const YamlNode* p = FindGiven(*node, "prefix")) {
      if (p->is_scalar()) spec.prefix = p->scalar;
    }
    return spec;
  }

  // tables, group_size, max_meetings: a column header or {value: N}.
  ImportNumberSpec ReadNumberField(const YamlNode& map, absl::string_view key,
                                   int lo, int hi) {
    ImportNumberSpec spec;
    const YamlNode* node = FindGiven(map, key);
    if (node == nullptr) return spec;
    const std::string what = absl::StrCat("'", key, "'");
    if (node->is_map()) {
      CheckKeys(*node, {"column", "value"}, what, diags_);
      if (const YamlNode* v = FindGiven(*node, "value")) {
        spec.constant = ReadInt(*v, what, lo, hi, diags_);
        return spec;
      }
      node = FindGiven(*node, "column");
      if (node == nullptr) {
        diags_->Error(map.Find(key)->mark,
                      absl::StrCat(what, " needs 'column' or 'value'"));
        return spec;
      }
    }
    if (std::optional<int> c = ResolveColumn(*node, what)) spec.column = *c;
    return spec;
  }

  void ReadIdSpec(const YamlNode& map) {
    const YamlNode* node = FindGiven(map, "id");
    if (node == nullptr) {
      diags_->Error({m_.mapping_path, map.mark.line, map.mark.column},
                    absl::StrCat("the mapping has no 'id'; ", kIdHelp));
      return;
    }
    if (node->is_scalar()) {
      if (std::optional<int> c = ResolveColumn(*node, "'id'"))
        m_.id.column = *c;
      return;
    }
    if (!node->is_map() || node->entries.size() != 1) {
      diags_->Error(node->mark, kIdHelp);
      return;
    }
    CheckKeys(*node, {"column", "from_email", "from_name"}, "'id'", diags_);
    const YamlEntry& e = node->entries[0];
    if (e.key == "column") {
      if (std::optional<int> c = ResolveColumn(e.value, "'id'")) {
        m_.id.column = *c;
      }
    } else if (e.key == "from_email" || e.key == "from_name") {
      if (!e.value.is_null() && !e.value.is_scalar()) {
        diags_->Error(e.value.mark, absl::StrCat("'", e.key,
                                                 "' must be an id "
                                                 "prefix such as a-, got ",
                                                 e.value.Describe()));
        return;
      }
      m_.id.prefix = e.value.is_scalar() ? e.value.scalar : "";
      if (!m_.id.prefix.empty() && !IsValidId(m_.id.prefix + "x")) {
        diags_->Error(e.value.mark,
                      absl::StrCat("the id prefix '", m_.id.prefix,
                                   "' may use only A-Z a-z 0-9 _ . - and must "
                                   "start with a letter or digit"));
      }
      m_.id.from_email = e.key == "from_email";
      m_.id.from_name = e.key == "from_name";
    }
  }

  // The event: slot times for availability and the value vocabulary.
  void ReadEvent(const YamlNode& map) {
    if (const YamlNode* ev = FindGiven(map, "event")) {
      if (!ev->is_scalar()) {
        diags_->Error(ev->mark, absl::StrCat("'event' must be the path of "
                                             "event.yaml, got ",
                                             ev->Describe()));
        return;
      }
      const std::string path = RelativeToMapping(ev->scalar);
      if (!std::filesystem::exists(path)) {
        diags_->Error(ev->mark,
                      absl::StrCat("event file '", path,
                                   "' not found (the path is relative to the "
                                   "mapping file)"));
        return;
      }
      std::optional<YamlNode> event = ReadYamlFile(path, diags_);
      if (!event) return;
      if (!event->is_map()) {
        diags_->Error(event->mark, "event.yaml must be a map");
        return;
      }
      if (const YamlNode* slots = FindGiven(*event, "slots");
          slots && slots->is_map()) {
        ReadDay(*slots);
      }
      if (const YamlNode* values = FindGiven(*event, "values");
          values && values->is_sequence()) {
        for (const YamlNode& v : values->items) {
          if (!v.is_map()) continue;
          const YamlNode* id = FindGiven(v, "id");
          if (id == nullptr || !id->is_scalar()) continue;
          const YamlNode* label = FindGiven(v, "label");
          m_.vocabulary.push_back({id->scalar, label && label->is_scalar()
                                                   ? label->scalar
                                                   : id->scalar});
        }
      }
      have_event_ = true;
    }
    if (const YamlNode* day = FindGiven(map, "day")) {
      if (!day->is_map()) {
        diags_->Error(day->mark, absl::StrCat("'day' must be a map like "
                                              "{start: \"10:00\", end: "
                                              "\"13:15\", length: 15}, got ",
                                              day->Describe()));
      } else {
        CheckKeys(*day, {"start", "end", "length"}, "'day'", diags_);
        ReadDay(*day);
      }
    }
  }

  void ReadDay(const YamlNode& slots) {
    if (const YamlNode* s = FindGiven(slots, "start")) {
      m_.day_start = ReadClock(*s, "'start'", diags_);
    }
    if (const YamlNode* e = FindGiven(slots, "end")) {
      m_.day_end = ReadClock(*e, "'end'", diags_);
    }
    if (const YamlNode* l = FindGiven(slots, "length")) {
      if (std::optional<int> len = ReadInt(*l, "'length'", 5, 240, diags_)) {
        m_.slot_length = *len;
      }
    }
  }

  // Index of value `id` in the vocabulary; with no event, the vocabulary
  // grows from the mapping.
  std::optional<int> ValueIndex(const std::string& id, const SourceMark& mark) {
    for (size_t i = 0; i < m_.vocabulary.size(); ++i) {
      if (m_.vocabulary[i].id == id) return static_cast<int>(i);
    }
    if (have_event_) {
      std::vector<std::string> ids;
      for (const ValueDef& v : m_.vocabulary) ids.push_back(v.id);
      diags_->Error(
          mark,
          absl::StrCat("unknown value '", id, "'; the event's values are ",
                       absl::StrJoin(ids, ", "), DidYouMean(id, ids)));
      return std::nullopt;
    }
    if (!IsValidId(id)) {
      diags_->Error(mark, absl::StrCat("'", id, "' is not a valid value id"));
      return std::nullopt;
    }
    m_.vocabulary.push_back({id, id});
    return static_cast<int>(m_.vocabulary.size()) - 1;
  }

  void ReadValues(const YamlNode& map) {
    const YamlNode* node = FindGiven(map, "values");
    if (node == nullptr) return;
    if (!node->is_map()) {
      diags_->Error(node->mark, absl::StrCat("'values' must be a map with "
                                             "'ratings' or 'column', got ",
                                             node->Describe()));
      return;
    }
    CheckKeys(*node,
              {"ratings", "likert", "max", "column", "selected", "unselected",
               "delimiter", "labels"},
              "'values'", diags_);
    m_.values.present = true;
    const YamlNode* ratings = FindGiven(*node, "ratings");
    const YamlNode* column = FindGiven(*node, "column");
    if ((ratings == nullptr) == (column == nullptr)) {
      diags_->Error(node->mark,
                    "'values' needs exactly one of 'ratings' (one column per "
                    "value) or 'column' (one multi-select column)");
      return;
    }
    if (ratings != nullptr) {
      if (!ratings->is_map()) {
        diags_->Error(ratings->mark, absl::StrCat("'ratings' must map value "
                                                  "ids to column headers, "
                                                  "got ",
                                                  ratings->Describe()));
      } else {
        for (const YamlEntry& e : ratings->entries) {
          std::optional<int> v = ValueIndex(e.key, e.key_mark);
          std::optional<int> c = ResolveColumn(
              e.value, absl::StrCat("the rating column for '", e.key, "'"));
          if (v && c) m_.values.ratings.emplace_back(*v, *c);
        }
      }
      if (const YamlNode* likert = FindGiven(*node, "likert")) {
        if (!likert->is_map()) {
          diags_->Error(likert->mark, absl::StrCat("'likert' must map answers "
                                                   "to numbers, got ",
                                                   likert->Describe()));
        } else {
          for (const YamlEntry& e : likert->entries) {
            std::optional<double> num = ReadNumber(
                e.value, absl::StrCat("the number for '", e.key, "'"), 0, 1000,
                diags_);
            if (num) {
              m_.values.likert_words.push_back(e.key);
              m_.values.likert_numbers.push_back(*num);
            }
          }
        }
      }
      if (const YamlNode* max = FindGiven(*node, "max")) {
        if (std::optional<double> m =
                ReadNumber(*max, "'max'", 1, 1000, diags_)) {
          m_.values.max_rating = *m;
        }
      }
      return;
    }
    if (std::optional<int> c = ResolveColumn(*column, "'values.column'")) {
      m_.values.select_column = *c;
    }
    if (std::optional<std::string> d = ReadDelimiter(*node)) {
      m_.values.delimiter = *d;
    }
    if (const YamlNode* s = FindGiven(*node, "selected")) {
      if (auto v = ReadNumber(*s, "'selected'", 0, 5, diags_)) {
        m_.values.selected = *v;
      }
    }
    if (const YamlNode* s = FindGiven(*node, "unselected")) {
      if (auto v = ReadNumber(*s, "'unselected'", 0, 5, diags_)) {
        m_.values.unselected = *v;
      }
    }
    if (const YamlNode* labels = FindGiven(*node, "labels")) {
      if (!labels->is_map()) {
        diags_->Error(labels->mark, absl::StrCat("'labels' must map value ids "
                                                 "to the answer text, got ",
                                                 labels->Describe()));
      } else {
        for (const YamlEntry& e : labels->entries) {
          std::optional<int> v = ValueIndex(e.key, e.key_mark);
          if (!v) continue;
          for (const YamlNode* t : OneOrMany(e.value)) {
            if (!t->is_scalar()) {
              diags_->Error(t->mark, "a label must be text");
              continue;
            }
            m_.values.labels.push_back(CollapseSpace(t->scalar));
            m_.values.label_values.push_back(*v);
          }
        }
      }
    }
    // The event's labels and ids are always accepted too.
    for (size_t i = 0; i < m_.vocabulary.size(); ++i) {
      m_.values.labels.push_back(m_.vocabulary[i].label);
      m_.values.label_values.push_back(static_cast<int>(i));
      m_.values.labels.push_back(m_.vocabulary[i].id);
      m_.values.label_values.push_back(static_cast<int>(i));
    }
    if (m_.vocabulary.empty()) {
      diags_->Error(node->mark,
                    "'values.column' needs the value vocabulary: give "
                    "'event: event.yaml' or 'labels:'");
    }
  }

  void ReadUnavailable(const YamlNode& map) {
    const YamlNode* node = FindGiven(map, "unavailable");
    if (node == nullptr) return;
    if (!node->is_map()) {
      diags_->Error(node->mark, absl::StrCat("'unavailable' must be a map "
                                             "with 'column' or 'columns', got ",
                                             node->Describe()));
      return;
    }
    CheckKeys(*node, {"column", "columns", "delimiter", "ignore"},
              "'unavailable'", diags_);
    m_.has_unavailable = true;
    if (!m_.day_start || !m_.day_end) {
      diags_->Error(node->mark,
                    "'unavailable' needs the times of the event: give "
                    "'event: event.yaml' or 'day: {start: \"10:00\", end: "
                    "\"13:15\", length: 15}'");
    }
    if (const YamlNode* c = FindGiven(*node, "column")) {
      if (auto col = ResolveColumn(*c, "'unavailable.column'")) {
        m_.unavailable.column = *col;
      }
    }
    for (const auto& [c, col] :
         ReadColumnList(*node, "'unavailable'", "'unavailable.columns'")) {
      std::optional<TimeWindow> w =
          WindowFromText(m_.headers[col], m_.slot_length);
      if (!w) {
        diags_->Error(c->mark, absl::StrCat("the header '", m_.headers[col],
                                            "' names no time such as "
                                            "10:00 or 10:00-10:30"));
        continue;
      }
      m_.unavailable.checkbox_columns.emplace_back(col, *w);
    }
    if (std::optional<std::string> d = ReadDelimiter(*node)) {
      m_.unavailable.delimiter = *d;
    }
    if (const YamlNode* ig = FindGiven(*node, "ignore")) {
      for (const YamlNode* i : OneOrMany(*ig)) {
        if (i->is_scalar())
          m_.unavailable.ignore.push_back(MatchKey(i->scalar));
      }
    }
  }

  void ReadExtra(const YamlNode& map) {
    const YamlNode* node = FindGiven(map, "extra");
    if (node == nullptr) return;
    if (!node->is_map()) {
      diags_->Error(node->mark, absl::StrCat("'extra' must map names to "
                                             "column headers, got ",
                                             node->Describe()));
      return;
    }
    for (const YamlEntry& e : node->entries) {
      if (e.key.empty()) continue;
      if (auto c =
              ResolveColumn(e.value, absl::StrCat("'extra.", e.key, "'"))) {
        m_.extra.emplace_back(e.key, *c);
      }
    }
  }

  // `employers: employers.yaml` in an attendee mapping, `attendees:
  // attendees.yaml` in an employer mapping: the file references are looked
  // up in (relative to the mapping's folder).
  void ReadOtherSide(const YamlNode& map) {
    const char* key = m_.for_attendees() ? "employers" : "attendees";
    const YamlNode* node = FindGiven(map, key);
    if (node == nullptr) return;
    if (!node->is_scalar()) {
      diags_->Error(node->mark,
                    absl::StrCat("'", key, "' must be the path of ", key,
                                 ".yaml, got ", node->Describe()));
      return;
    }
    const std::string path = RelativeToMapping(node->scalar);
    if (!std::filesystem::exists(path)) {
      diags_->Error(node->mark,
                    absl::StrCat(key, " file '", path,
                                 "' not found (the path is relative to the "
                                 "mapping file; import that side first)"));
      return;
    }
    m_.other_side = OtherSide::Read(
        path,
        m_.for_attendees() ? OtherSide::kEmployers : OtherSide::kAttendees,
        diags_);
  }

  // `requires:` maps a field of the other side (an employer mapping:
  // `program` or `extra.KEY`; an attendee mapping: `extra.KEY`) to a
  // column header or {column, delimiter, accept, ignore}.
  void ReadRequires(const YamlNode& map) {
    const YamlNode* node = FindGiven(map, "requires");
    if (node == nullptr) return;
    if (!node->is_map()) {
      diags_->Error(
          node->mark,
          absl::StrCat("'requires' must map fields such as ",
                       m_.for_attendees() ? "extra.remote" : "program",
                       " to column headers, got ", node->Describe()));
      return;
    }
    for (const YamlEntry& e : node->entries) {
      const std::string what = absl::StrCat("'requires.", e.key, "'");
      const bool extra = absl::StartsWith(e.key, "extra.") && e.key.size() > 6;
      if (!extra && (m_.for_attendees() || e.key != "program")) {
        diags_->Error(
            e.key_mark,
            absl::StrCat(what, ": a requirement is on ",
                         m_.for_attendees() ? "an employer's extra.KEY "
                                              "field (e.g. extra.remote)"
                                            : "an attendee's program or an "
                                              "extra.KEY field (e.g. "
                                              "extra.level)"));
        continue;
      }
      RequirementColumn spec;
      spec.field = e.key;
      const YamlNode* column = &e.value;
      if (e.value.is_map()) {
        CheckKeys(e.value, {"column", "delimiter", "accept", "ignore"}, what,
                  diags_);
        column = FindGiven(e.value, "column");
        if (column == nullptr) {
          diags_->Error(e.value.mark, absl::StrCat(what, " needs 'column'"));
          continue;
        }
        if (std::optional<std::string> d = ReadDelimiter(e.value)) {
          spec.delimiter = *d;
        }
        spec.accept = ReadWords(e.value, "accept", /*match_keys=*/false);
        spec.ignore = ReadWords(e.value, "ignore", /*match_keys=*/true);
        if (FindGiven(e.value, "accept") != nullptr && spec.accept.empty()) {
          diags_->Error(FindGiven(e.value, "accept")->mark,
                        absl::StrCat(what,
                                     ": 'accept' lists the values a yes "
                                     "requires, e.g. [yes]"));
        }
      }
      if (std::optional<int> col = ResolveColumn(*column, what)) {
        m_.requirements.emplace_back(std::move(spec), *col);
      }
    }
  }

  // A word or a list of words under `key` (MatchKey'd with `match_keys`).
  std::vector<std::string> ReadWords(const YamlNode& map, absl::string_view key,
                                     bool match_keys) {
    std::vector<std::string> out;
    const YamlNode* node = FindGiven(map, key);
    if (node == nullptr) return out;
    for (const YamlNode* i : OneOrMany(*node)) {
      if (!i->is_scalar() || CollapseSpace(i->scalar).empty()) {
        diags_->Error(i->mark, absl::StrCat("'", key,
                                            "' must be a word or a list of "
                                            "words, got ",
                                            i->Describe()));
        continue;
      }
      out.push_back(match_keys ? MatchKey(i->scalar)
                               : CollapseSpace(i->scalar));
    }
    return out;
  }

  std::string RelativeToMapping(const std::string& name) const {
    std::filesystem::path p(name);
    if (p.is_relative()) {
      p = std::filesystem::path(m_.mapping_path).parent_path() / p;
    }
    return p.lexically_normal().string();
  }

  void ReadMapping(const YamlNode& map) {
    std::vector<std::string> keys = {
        "separator", "event",       "day",   "timestamp", "date_order",
        "id",        "name",        "email", "values",    "offers",
        "seeks",     "unavailable", "extra"};
    for (const char* k : {"must_meet", "avoid", "wants", "requires"}) {
      keys.push_back(k);
    }
    if (m_.for_attendees()) {
      for (const char* k : {"program", "max_meetings", "employers"}) {
        keys.push_back(k);
      }
    } else {
      for (const char* k : {"booth", "tables", "group_size", "attendees"}) {
        keys.push_back(k);
      }
    }
    CheckKeys(
        map, keys,
        m_.for_attendees() ? "an attendee mapping" : "an employer mapping",
        diags_);
    ReadEvent(map);
    ReadIdSpec(map);
    m_.name = ReadColumnField(map, "name");
    if (FindGiven(map, "name") == nullptr) {
      diags_->Error(map.mark,
                    "the mapping has no 'name' (the column with "
                    "each person's or organisation's name)");
    }
    m_.email = ReadColumnField(map, "email");
    if (m_.id.from_email && !m_.email.mapped() &&
        FindGiven(map, "email") == nullptr) {
      diags_->Error(map.Find("id")->mark,
                    "'id: {from_email: ...}' needs the 'email' column");
    }
    m_.timestamp = ReadColumnField(map, "timestamp");
    if (const YamlNode* order = FindGiven(map, "date_order")) {
      if (order->is_scalar() &&
          (order->scalar == "mdy" || order->scalar == "dmy")) {
        m_.day_first = order->scalar == "dmy";
      } else {
        diags_->Error(order->mark, absl::StrCat("'date_order' must be mdy "
                                                "(2/1/2027 is February 1) or "
                                                "dmy (January 2), got ",
                                                order->Describe()));
      }
    }
    ReadValues(map);
    m_.offers = ReadListField(map, "offers", false);
    m_.seeks = ReadListField(map, "seeks", false);
    ReadUnavailable(map);
    ReadExtra(map);
    ReadOtherSide(map);
    m_.must_meet = ReadListField(map, "must_meet", true);
    m_.avoid = ReadListField(map, "avoid", true);
    m_.wants = ReadListField(map, "wants", true);
    ReadRequires(map);
    if (m_.for_attendees()) {
      m_.program = ReadColumnField(map, "program");
      m_.max_meetings = ReadNumberField(map, "max_meetings", 0, 1000);
    } else {
      m_.booth = ReadColumnField(map, "booth");
      m_.tables = ReadNumberField(map, "tables", 1, 100);
      m_.group_size = ReadNumberField(map, "group_size", 1, 20);
    }
  }

  const CsvRecord& header_;
  Diagnostics* diags_;
  std::vector<std::string> normalized_headers_;  // for lookups
  bool have_event_ = false;  // the vocabulary is the event's, and closed
  ImportMapping m_;
};

}  // namespace

ImportMapping ReadImportMapping(ImportKind kind, const std::string& csv_path,
                                const std::string& mapping_path,
                                const YamlNode& root, const CsvRecord& header,
                                Diagnostics* diags) {
  return MappingReader(kind, csv_path, mapping_path, header, diags).Read(root);
}

}  // namespace fairmatch
