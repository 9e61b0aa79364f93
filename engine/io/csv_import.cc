#include "engine/io/csv_import.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "engine/base/civil_time.h"
#include "engine/base/control_chars.h"
#include "engine/base/edit_distance.h"
#include "engine/base/email.h"
#include "engine/base/yaml_writer.h"
#include "engine/io/csv.h"
#include "engine/io/diagnostics.h"
#include "engine/io/import_intents.h"
#include "engine/io/import_text.h"
#include "engine/io/yaml_fields.h"
#include "engine/io/yaml_tree.h"
#include "engine/model/fair.h"

namespace fairmatch {
namespace {

// ---- text helpers ----

std::string FormatNumber(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e9) {
    return absl::StrCat(static_cast<long long>(v));
  }
  return absl::StrCat(v);
}

// Times of day written in `text`: "10:00", "9.30", "2pm", "2:30 PM". A bare
// number without minutes or am/pm is not a time (it may be a question
// number). Returns minutes since midnight, in order of appearance.
std::vector<int> ExtractTimes(absl::string_view text) {
  std::vector<int> out;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    int hour = 0;
    while (j < n && j - i < 3 &&
           absl::ascii_isdigit(static_cast<unsigned char>(text[j]))) {
      hour = hour * 10 + (text[j] - '0');
      ++j;
    }
    if (j < n && absl::ascii_isdigit(static_cast<unsigned char>(text[j]))) {
      // A longer number (a year, an id): skip it.
      while (j < n && absl::ascii_isdigit(static_cast<unsigned char>(text[j])))
        ++j;
      i = j;
      continue;
    }
    int minute = 0;
    bool has_minutes = false;
    if (j + 2 < n && (text[j] == ':' || text[j] == '.' || text[j] == 'h') &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[j + 1])) &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[j + 2]))) {
      minute = (text[j + 1] - '0') * 10 + (text[j + 2] - '0');
      has_minutes = true;
      j += 3;
    }
    size_t k = j;
    while (k < n && text[k] == ' ') ++k;
    bool am = false, pm = false;
    if (k < n) {
      const char c = absl::ascii_tolower(static_cast<unsigned char>(text[k]));
      absl::string_view rest = text.substr(k);
      const bool m_next =
          (k + 1 < n && absl::ascii_tolower(
                            static_cast<unsigned char>(text[k + 1])) == 'm') ||
          (k + 2 < n && text[k + 1] == '.' &&
           absl::ascii_tolower(static_cast<unsigned char>(text[k + 2])) == 'm');
      if ((c == 'a' || c == 'p') && m_next) {
        am = c == 'a';
        pm = c == 'p';
        j = k + (rest.size() > 1 && rest[1] == '.' ? 3 : 2);
        if (j < n && text[j] == '.') ++j;
      }
    }
    i = j;
    if (!has_minutes && !am && !pm) continue;
    if (am || pm) {
      if (hour < 1 || hour > 12) continue;
      if (hour == 12) hour = 0;
      if (pm) hour += 12;
    }
    if (hour > 24 || minute > 59 || (hour == 24 && minute != 0)) continue;
    out.push_back(hour * 60 + minute);
  }
  return out;
}

// ---- timestamps ----

// Days from 0000-03-01 (proleptic Gregorian), after Howard Hinnant's
// days_from_civil.

// ---- mapping ----

constexpr char kIdHelp[] =
    "'id' must be a column header, or a map with one of 'column', "
    "'from_email' (a prefix, e.g. a-) or 'from_name' (a prefix, e.g. e-)";

struct Column {
  int index = -1;  // 0-based field index; -1: not mapped
  bool mapped() const { return index >= 0; }
};

struct ListSpec {
  std::vector<int> columns;
  std::string delimiter;  // empty: ';' if the cell has one, else ','
  // Reference columns (must_meet, avoid, wants): what the items are, and
  // the prefix of ids derived from names or e-mails.
  RefBy by = RefBy::kAny;
  std::string prefix;
};

struct ValueSpec {
  bool present = false;
  std::vector<std::pair<int, int>> ratings;  // (value index, column)
  std::vector<std::string> likert_words;     // as written in the mapping
  std::vector<double> likert_numbers;
  double max_rating = 5;  // ratings are rescaled from 0..max_rating to 0..5
  int select_column = -1;
  std::string delimiter;
  double selected = 5;
  double unselected = 0;
  std::vector<std::string> labels;  // label or id as written
  std::vector<int> label_values;    // value index per label
};

struct NumberSpec {
  int column = -1;
  std::optional<int> constant;
};

struct UnavailableSpec {
  int column = -1;  // one cell listing times
  std::string delimiter;
  std::vector<std::pair<int, TimeWindow>> checkbox_columns;  // one per time
  std::vector<std::string> ignore;  // normalised answers meaning "none"
};

struct Entry {
  int row = 0;   // index into the records
  int line = 0;  // physical line of the record
  std::string id;
  SourceMark id_mark;
  std::string name, email, email_key, program, booth;
  std::optional<int> tables, group_size, max_meetings;
  std::vector<std::pair<std::string, std::string>> values;
  std::vector<std::string> offers, seeks, must_meet, avoid, wants;
  std::vector<std::pair<std::string, CellRequirement>> requirements;
  bool has_available = false;
  std::vector<TimeWindow> available;
  std::vector<std::pair<std::string, std::string>> extra;
  std::optional<std::int64_t> timestamp;
  std::string timestamp_text;
};

class Importer {
 public:
  Importer(ImportKind kind, std::string csv_path, std::string mapping_path)
      : kind_(kind),
        csv_path_(std::move(csv_path)),
        mapping_path_(std::move(mapping_path)) {}

  absl::StatusOr<ImportResult> Run() {
    diags_.RegisterFile(mapping_path_);
    diags_.RegisterFile(csv_path_);
    if (!std::filesystem::exists(mapping_path_)) {
      diags_.NotFound(mapping_path_);
    }
    if (!std::filesystem::exists(csv_path_)) diags_.NotFound(csv_path_);
    if (!diags_.ok()) return diags_.ToStatus();

    std::optional<YamlNode> mapping = ReadYamlFile(mapping_path_, &diags_);
    if (!mapping) return diags_.ToStatus();
    if (!mapping->is_map()) {
      diags_.Error(mapping->mark,
                   absl::StrCat("the mapping must be a map of field: column, "
                                "got ",
                                mapping->Describe()));
      return diags_.ToStatus();
    }
    CsvOptions csv_options;
    if (const YamlNode* sep = Get(*mapping, "separator")) {
      if (sep->is_scalar() && (sep->scalar == "," || sep->scalar == ";" ||
                               sep->scalar == "\t" || sep->scalar == "tab")) {
        csv_options.separator = sep->scalar == "tab" ? '\t' : sep->scalar[0];
      } else {
        diags_.Error(sep->mark,
                     absl::StrCat("'separator' must be \",\", \";\" or "
                                  "\"tab\", got ",
                                  sep->Describe()));
      }
    }
    std::optional<CsvTable> table =
        ReadCsvFile(csv_path_, csv_options, &diags_);
    if (!table) return diags_.ToStatus();
    table_ = std::move(*table);
    for (const std::string& h : table_.header.fields) {
      headers_.push_back(CollapseSpace(h));
      normalized_headers_.push_back(MatchKey(h));
    }

    ReadMapping(*mapping);
    if (!diags_.ok()) return diags_.ToStatus();

    std::vector<Entry> entries;
    for (size_t r = 0; r < table_.records.size(); ++r) {
      entries.push_back(ReadRow(static_cast<int>(r)));
    }
    if (!diags_.ok()) return diags_.ToStatus();

    ImportResult result;
    result.rows = static_cast<int>(entries.size());
    // A row with more or fewer cells than the header (a stray separator, a
    // cell pasted across columns) is read as far as it goes: say so.
    const size_t columns = table_.header.fields.size();
    for (const CsvRecord& record : table_.records) {
      if (record.fields.size() != columns) {
        result.notes.push_back(absl::StrCat(
            csv_path_, ":", record.line, ": warning: the row has ",
            record.fields.size(), " cells but the header has ", columns,
            record.fields.size() < columns
                ? "; the missing ones are read as empty"
                : "; the extra ones are ignored",
            ": check the row for a stray or missing separator"));
      }
    }
    for (std::string& w : warnings_) result.notes.push_back(std::move(w));
    std::vector<Entry> kept = Deduplicate(std::move(entries), &result.notes);
    CheckUniqueIds(kept);
    if (!diags_.ok()) return diags_.ToStatus();
    result.imported = static_cast<int>(kept.size());
    result.yaml = Emit(kept, &result.entries);
    return result;
  }

 private:
  bool attendees() const { return kind_ == ImportKind::kAttendees; }

  // The value under `key`, or nullptr when absent or empty.
  static const YamlNode* Get(const YamlNode& map, absl::string_view key) {
    const YamlNode* n = map.Find(key);
    return n == nullptr || n->is_null() ? nullptr : n;
  }

  SourceMark Cell(const CsvRecord& record, int column) const {
    return SourceMark{csv_path_, record.line, column + 1};
  }

  static std::string CellText(const CsvRecord& record, int column) {
    if (column < 0 || column >= static_cast<int>(record.fields.size())) {
      return "";
    }
    return record.fields[column];
  }

  // ---- reading the mapping ----

  // A column named by its header text; reports unknown and ambiguous
  // headers at the mapping's position.
  std::optional<int> ResolveColumn(const YamlNode& node,
                                   absl::string_view what) {
    if (!node.is_scalar() || CollapseSpace(node.scalar).empty()) {
      diags_.Error(node.mark,
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
      diags_.Error(node.mark,
                   absl::StrCat("no column '", CollapseSpace(node.scalar),
                                "' in the header of ", csv_path_, " (line ",
                                table_.header.line, ")",
                                DidYouMean(node.scalar, headers_)));
      return std::nullopt;
    }
    diags_.Error(node.mark,
                 absl::StrCat("column '", CollapseSpace(node.scalar),
                              "' appears more than once in the header of ",
                              csv_path_, " (columns ",
                              absl::StrJoin(found, " and ",
                                            [](std::string* out, int c) {
                                              absl::StrAppend(out, c + 1);
                                            }),
                              "); rename one"));
    return std::nullopt;
  }

  // A field given as `header` or `{column: header}`.
  Column ReadColumnField(const YamlNode& map, absl::string_view key) {
    const YamlNode* node = Get(map, key);
    if (node == nullptr) return {};
    if (node->is_map()) {
      CheckKeys(*node, {"column"}, absl::StrCat("'", key, "'"), &diags_);
      const YamlNode* c = Get(*node, "column");
      if (c == nullptr) {
        diags_.Error(node->mark, absl::StrCat("'", key, "' needs 'column'"));
        return {};
      }
      node = c;
    }
    std::optional<int> col = ResolveColumn(*node, absl::StrCat("'", key, "'"));
    return col ? Column{*col} : Column{};
  }

  std::optional<std::string> ReadDelimiter(const YamlNode& map) {
    const YamlNode* d = Get(map, "delimiter");
    if (d == nullptr) return std::string();
    if (!d->is_scalar() || d->scalar.empty()) {
      diags_.Error(d->mark, absl::StrCat("'delimiter' must be text such as "
                                         "\";\", got ",
                                         d->Describe()));
      return std::nullopt;
    }
    return d->scalar;
  }

  // offers, seeks, must_meet, avoid, wants: `header`, or a map with
  // `column` or `columns`, and `delimiter`; `by`, `names` and `prefix` for
  // references to the other side.
  std::optional<ListSpec> ReadListField(const YamlNode& map,
                                        absl::string_view key, bool refs) {
    const YamlNode* node = Get(map, key);
    if (node == nullptr) return std::nullopt;
    ListSpec spec;
    const std::string what = absl::StrCat("'", key, "'");
    if (node->is_scalar()) {
      if (std::optional<int> c = ResolveColumn(*node, what)) {
        spec.columns.push_back(*c);
      }
      return spec;
    }
    if (!node->is_map()) {
      diags_.Error(node->mark, absl::StrCat(what,
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
    CheckKeys(*node, keys, what, &diags_);
    if (const YamlNode* c = Get(*node, "column")) {
      if (std::optional<int> col = ResolveColumn(*c, what)) {
        spec.columns.push_back(*col);
      }
    }
    if (const YamlNode* cs = Get(*node, "columns")) {
      if (!cs->is_sequence()) {
        diags_.Error(cs->mark, absl::StrCat("'columns' must be a list of "
                                            "column headers, got ",
                                            cs->Describe()));
      } else {
        for (const YamlNode& c : cs->items) {
          if (std::optional<int> col = ResolveColumn(c, what)) {
            spec.columns.push_back(*col);
          }
        }
      }
    }
    if (Get(*node, "column") == nullptr && Get(*node, "columns") == nullptr) {
      diags_.Error(node->mark, absl::StrCat(what,
                                            " needs 'column' or "
                                            "'columns'"));
    }
    if (std::optional<std::string> d = ReadDelimiter(*node)) {
      spec.delimiter = *d;
    }
    if (const YamlNode* names = Get(*node, "names")) {
      if (names->is_scalar() &&
          (names->scalar == "true" || names->scalar == "false")) {
        if (names->scalar == "true") spec.by = RefBy::kName;
      } else {
        diags_.Error(names->mark, absl::StrCat("'names' must be true or "
                                               "false, got ",
                                               names->Describe()));
      }
    }
    if (const YamlNode* by = Get(*node, "by")) {
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
        diags_.Error(by->mark, absl::StrCat("'by' must be id, name or email, "
                                            "got ",
                                            by->Describe()));
      }
    }
    if (const YamlNode* p = Get(*node, "prefix")) {
      if (p->is_scalar()) spec.prefix = p->scalar;
    }
    return spec;
  }

  // tables, group_size, max_meetings: a column header or {value: N}.
  NumberSpec ReadNumberField(const YamlNode& map, absl::string_view key, int lo,
                             int hi) {
    NumberSpec spec;
    const YamlNode* node = Get(map, key);
    if (node == nullptr) return spec;
    const std::string what = absl::StrCat("'", key, "'");
    if (node->is_map()) {
      CheckKeys(*node, {"column", "value"}, what, &diags_);
      if (const YamlNode* v = Get(*node, "value")) {
        spec.constant = ReadInt(*v, what, lo, hi, &diags_);
        return spec;
      }
      node = Get(*node, "column");
      if (node == nullptr) {
        diags_.Error(map.Find(key)->mark,
                     absl::StrCat(what, " needs 'column' or 'value'"));
        return spec;
      }
    }
    if (std::optional<int> c = ResolveColumn(*node, what)) spec.column = *c;
    return spec;
  }

  void ReadId(const YamlNode& map) {
    const YamlNode* node = Get(map, "id");
    if (node == nullptr) {
      diags_.Error({mapping_path_, map.mark.line, map.mark.column},
                   absl::StrCat("the mapping has no 'id'; ", kIdHelp));
      return;
    }
    if (node->is_scalar()) {
      if (std::optional<int> c = ResolveColumn(*node, "'id'")) id_column_ = *c;
      return;
    }
    if (!node->is_map() || node->entries.size() != 1) {
      diags_.Error(node->mark, kIdHelp);
      return;
    }
    CheckKeys(*node, {"column", "from_email", "from_name"}, "'id'", &diags_);
    const YamlEntry& e = node->entries[0];
    if (e.key == "column") {
      if (std::optional<int> c = ResolveColumn(e.value, "'id'")) {
        id_column_ = *c;
      }
    } else if (e.key == "from_email" || e.key == "from_name") {
      if (!e.value.is_null() && !e.value.is_scalar()) {
        diags_.Error(e.value.mark, absl::StrCat("'", e.key,
                                                "' must be an id "
                                                "prefix such as a-, got ",
                                                e.value.Describe()));
        return;
      }
      id_prefix_ = e.value.is_scalar() ? e.value.scalar : "";
      if (!id_prefix_.empty() && !IsValidId(id_prefix_ + "x")) {
        diags_.Error(e.value.mark,
                     absl::StrCat("the id prefix '", id_prefix_,
                                  "' may use only A-Z a-z 0-9 _ . - and must "
                                  "start with a letter or digit"));
      }
      id_from_email_ = e.key == "from_email";
      id_from_name_ = e.key == "from_name";
    }
  }

  // The event: slot times for availability and the value vocabulary.
  void ReadEvent(const YamlNode& map) {
    if (const YamlNode* ev = Get(map, "event")) {
      if (!ev->is_scalar()) {
        diags_.Error(ev->mark, absl::StrCat("'event' must be the path of "
                                            "event.yaml, got ",
                                            ev->Describe()));
        return;
      }
      const std::string path = RelativeToMapping(ev->scalar);
      if (!std::filesystem::exists(path)) {
        diags_.Error(ev->mark,
                     absl::StrCat("event file '", path,
                                  "' not found (the path is relative to the "
                                  "mapping file)"));
        return;
      }
      std::optional<YamlNode> event = ReadYamlFile(path, &diags_);
      if (!event) return;
      if (!event->is_map()) {
        diags_.Error(event->mark, "event.yaml must be a map");
        return;
      }
      if (const YamlNode* slots = Get(*event, "slots");
          slots && slots->is_map()) {
        ReadDay(*slots);
      }
      if (const YamlNode* values = Get(*event, "values");
          values && values->is_sequence()) {
        for (const YamlNode& v : values->items) {
          if (!v.is_map()) continue;
          const YamlNode* id = Get(v, "id");
          if (id == nullptr || !id->is_scalar()) continue;
          const YamlNode* label = Get(v, "label");
          vocab_.push_back({id->scalar, label && label->is_scalar()
                                            ? label->scalar
                                            : id->scalar});
        }
      }
      have_event_ = true;
    }
    if (const YamlNode* day = Get(map, "day")) {
      if (!day->is_map()) {
        diags_.Error(day->mark, absl::StrCat("'day' must be a map like "
                                             "{start: \"10:00\", end: "
                                             "\"13:15\", length: 15}, got ",
                                             day->Describe()));
      } else {
        CheckKeys(*day, {"start", "end", "length"}, "'day'", &diags_);
        ReadDay(*day);
      }
    }
  }

  void ReadDay(const YamlNode& slots) {
    if (const YamlNode* s = Get(slots, "start")) {
      day_start_ = ReadClock(*s, "'start'", &diags_);
    }
    if (const YamlNode* e = Get(slots, "end")) {
      day_end_ = ReadClock(*e, "'end'", &diags_);
    }
    if (const YamlNode* l = Get(slots, "length")) {
      if (std::optional<int> len = ReadInt(*l, "'length'", 5, 240, &diags_)) {
        slot_length_ = *len;
      }
    }
  }

  // Index of value `id` in the vocabulary; with no event, the vocabulary
  // grows from the mapping.
  std::optional<int> ValueIndex(const std::string& id, const SourceMark& mark) {
    for (size_t i = 0; i < vocab_.size(); ++i) {
      if (vocab_[i].id == id) return static_cast<int>(i);
    }
    if (have_event_) {
      std::vector<std::string> ids;
      for (const ValueDef& v : vocab_) ids.push_back(v.id);
      diags_.Error(
          mark,
          absl::StrCat("unknown value '", id, "'; the event's values are ",
                       absl::StrJoin(ids, ", "), DidYouMean(id, ids)));
      return std::nullopt;
    }
    if (!IsValidId(id)) {
      diags_.Error(mark, absl::StrCat("'", id, "' is not a valid value id"));
      return std::nullopt;
    }
    vocab_.push_back({id, id});
    return static_cast<int>(vocab_.size()) - 1;
  }

  void ReadValues(const YamlNode& map) {
    const YamlNode* node = Get(map, "values");
    if (node == nullptr) return;
    if (!node->is_map()) {
      diags_.Error(node->mark, absl::StrCat("'values' must be a map with "
                                            "'ratings' or 'column', got ",
                                            node->Describe()));
      return;
    }
    CheckKeys(*node,
              {"ratings", "likert", "max", "column", "selected", "unselected",
               "delimiter", "labels"},
              "'values'", &diags_);
    values_.present = true;
    const YamlNode* ratings = Get(*node, "ratings");
    const YamlNode* column = Get(*node, "column");
    if ((ratings == nullptr) == (column == nullptr)) {
      diags_.Error(node->mark,
                   "'values' needs exactly one of 'ratings' (one column per "
                   "value) or 'column' (one multi-select column)");
      return;
    }
    if (ratings != nullptr) {
      if (!ratings->is_map()) {
        diags_.Error(ratings->mark, absl::StrCat("'ratings' must map value "
                                                 "ids to column headers, "
                                                 "got ",
                                                 ratings->Describe()));
      } else {
        for (const YamlEntry& e : ratings->entries) {
          std::optional<int> v = ValueIndex(e.key, e.key_mark);
          std::optional<int> c = ResolveColumn(
              e.value, absl::StrCat("the rating column for '", e.key, "'"));
          if (v && c) values_.ratings.emplace_back(*v, *c);
        }
      }
      if (const YamlNode* likert = Get(*node, "likert")) {
        if (!likert->is_map()) {
          diags_.Error(likert->mark, absl::StrCat("'likert' must map answers "
                                                  "to numbers, got ",
                                                  likert->Describe()));
        } else {
          for (const YamlEntry& e : likert->entries) {
            std::optional<double> num = ReadNumber(
                e.value, absl::StrCat("the number for '", e.key, "'"), 0, 1000,
                &diags_);
            if (num) {
              values_.likert_words.push_back(e.key);
              values_.likert_numbers.push_back(*num);
            }
          }
        }
      }
      if (const YamlNode* max = Get(*node, "max")) {
        if (std::optional<double> m =
                ReadNumber(*max, "'max'", 1, 1000, &diags_)) {
          values_.max_rating = *m;
        }
      }
      return;
    }
    if (std::optional<int> c = ResolveColumn(*column, "'values.column'")) {
      values_.select_column = *c;
    }
    if (std::optional<std::string> d = ReadDelimiter(*node)) {
      values_.delimiter = *d;
    }
    if (const YamlNode* s = Get(*node, "selected")) {
      if (auto v = ReadNumber(*s, "'selected'", 0, 5, &diags_)) {
        values_.selected = *v;
      }
    }
    if (const YamlNode* s = Get(*node, "unselected")) {
      if (auto v = ReadNumber(*s, "'unselected'", 0, 5, &diags_)) {
        values_.unselected = *v;
      }
    }
    if (const YamlNode* labels = Get(*node, "labels")) {
      if (!labels->is_map()) {
        diags_.Error(labels->mark, absl::StrCat("'labels' must map value ids "
                                                "to the answer text, got ",
                                                labels->Describe()));
      } else {
        for (const YamlEntry& e : labels->entries) {
          std::optional<int> v = ValueIndex(e.key, e.key_mark);
          if (!v) continue;
          std::vector<const YamlNode*> texts;
          if (e.value.is_sequence()) {
            for (const YamlNode& t : e.value.items) texts.push_back(&t);
          } else {
            texts.push_back(&e.value);
          }
          for (const YamlNode* t : texts) {
            if (!t->is_scalar()) {
              diags_.Error(t->mark, "a label must be text");
              continue;
            }
            values_.labels.push_back(CollapseSpace(t->scalar));
            values_.label_values.push_back(*v);
          }
        }
      }
    }
    // The event's labels and ids are always accepted too.
    for (size_t i = 0; i < vocab_.size(); ++i) {
      values_.labels.push_back(vocab_[i].label);
      values_.label_values.push_back(static_cast<int>(i));
      values_.labels.push_back(vocab_[i].id);
      values_.label_values.push_back(static_cast<int>(i));
    }
    if (vocab_.empty()) {
      diags_.Error(node->mark,
                   "'values.column' needs the value vocabulary: give "
                   "'event: event.yaml' or 'labels:'");
    }
  }

  void ReadUnavailable(const YamlNode& map) {
    const YamlNode* node = Get(map, "unavailable");
    if (node == nullptr) return;
    if (!node->is_map()) {
      diags_.Error(node->mark, absl::StrCat("'unavailable' must be a map "
                                            "with 'column' or 'columns', got ",
                                            node->Describe()));
      return;
    }
    CheckKeys(*node, {"column", "columns", "delimiter", "ignore"},
              "'unavailable'", &diags_);
    has_unavailable_ = true;
    if (!day_start_ || !day_end_) {
      diags_.Error(node->mark,
                   "'unavailable' needs the times of the event: give "
                   "'event: event.yaml' or 'day: {start: \"10:00\", end: "
                   "\"13:15\", length: 15}'");
    }
    if (const YamlNode* c = Get(*node, "column")) {
      if (auto col = ResolveColumn(*c, "'unavailable.column'")) {
        unavailable_.column = *col;
      }
    }
    if (const YamlNode* cs = Get(*node, "columns")) {
      if (!cs->is_sequence()) {
        diags_.Error(cs->mark, absl::StrCat("'columns' must be a list of "
                                            "column headers, got ",
                                            cs->Describe()));
      } else {
        for (const YamlNode& c : cs->items) {
          std::optional<int> col = ResolveColumn(c, "'unavailable.columns'");
          if (!col) continue;
          std::optional<TimeWindow> w = WindowFromText(headers_[*col]);
          if (!w) {
            diags_.Error(c.mark, absl::StrCat("the header '", headers_[*col],
                                              "' names no time such as "
                                              "10:00 or 10:00-10:30"));
            continue;
          }
          unavailable_.checkbox_columns.emplace_back(*col, *w);
        }
      }
    }
    if (Get(*node, "column") == nullptr && Get(*node, "columns") == nullptr) {
      diags_.Error(node->mark, "'unavailable' needs 'column' or 'columns'");
    }
    if (std::optional<std::string> d = ReadDelimiter(*node)) {
      unavailable_.delimiter = *d;
    }
    if (const YamlNode* ig = Get(*node, "ignore")) {
      std::vector<const YamlNode*> items;
      if (ig->is_sequence()) {
        for (const YamlNode& i : ig->items) items.push_back(&i);
      } else {
        items.push_back(ig);
      }
      for (const YamlNode* i : items) {
        if (i->is_scalar()) unavailable_.ignore.push_back(MatchKey(i->scalar));
      }
    }
  }

  void ReadExtra(const YamlNode& map) {
    const YamlNode* node = Get(map, "extra");
    if (node == nullptr) return;
    if (!node->is_map()) {
      diags_.Error(node->mark, absl::StrCat("'extra' must map names to "
                                            "column headers, got ",
                                            node->Describe()));
      return;
    }
    for (const YamlEntry& e : node->entries) {
      if (e.key.empty()) continue;
      if (auto c =
              ResolveColumn(e.value, absl::StrCat("'extra.", e.key, "'"))) {
        extra_.emplace_back(e.key, *c);
      }
    }
  }

  // `employers: employers.yaml` in an attendee mapping, `attendees:
  // attendees.yaml` in an employer mapping: the file references are looked
  // up in (relative to the mapping's folder).
  void ReadOtherSide(const YamlNode& map) {
    const char* key = attendees() ? "employers" : "attendees";
    const YamlNode* node = Get(map, key);
    if (node == nullptr) return;
    if (!node->is_scalar()) {
      diags_.Error(node->mark,
                   absl::StrCat("'", key, "' must be the path of ", key,
                                ".yaml, got ", node->Describe()));
      return;
    }
    const std::string path = RelativeToMapping(node->scalar);
    if (!std::filesystem::exists(path)) {
      diags_.Error(node->mark,
                   absl::StrCat(key, " file '", path,
                                "' not found (the path is relative to the "
                                "mapping file; import that side first)"));
      return;
    }
    other_ = OtherSide::Read(
        path, attendees() ? OtherSide::kEmployers : OtherSide::kAttendees,
        &diags_);
  }

  // `requires:` maps a field of the other side (an employer mapping:
  // `program` or `extra.KEY`; an attendee mapping: `extra.KEY`) to a
  // column header or {column, delimiter, accept, ignore}.
  void ReadRequires(const YamlNode& map) {
    const YamlNode* node = Get(map, "requires");
    if (node == nullptr) return;
    if (!node->is_map()) {
      diags_.Error(node->mark,
                   absl::StrCat("'requires' must map fields such as ",
                                attendees() ? "extra.remote" : "program",
                                " to column headers, got ", node->Describe()));
      return;
    }
    for (const YamlEntry& e : node->entries) {
      const std::string what = absl::StrCat("'requires.", e.key, "'");
      const bool extra = absl::StartsWith(e.key, "extra.") && e.key.size() > 6;
      if (!extra && (attendees() || e.key != "program")) {
        diags_.Error(e.key_mark,
                     absl::StrCat(what, ": a requirement is on ",
                                  attendees() ? "an employer's extra.KEY "
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
                  &diags_);
        column = Get(e.value, "column");
        if (column == nullptr) {
          diags_.Error(e.value.mark, absl::StrCat(what, " needs 'column'"));
          continue;
        }
        if (std::optional<std::string> d = ReadDelimiter(e.value)) {
          spec.delimiter = *d;
        }
        spec.accept = ReadWords(e.value, "accept", /*match_keys=*/false);
        spec.ignore = ReadWords(e.value, "ignore", /*match_keys=*/true);
        if (Get(e.value, "accept") != nullptr && spec.accept.empty()) {
          diags_.Error(Get(e.value, "accept")->mark,
                       absl::StrCat(what,
                                    ": 'accept' lists the values a yes "
                                    "requires, e.g. [yes]"));
        }
      }
      if (std::optional<int> col = ResolveColumn(*column, what)) {
        requires_.emplace_back(std::move(spec), *col);
      }
    }
  }

  // A word or a list of words under `key` (MatchKey'd with `match_keys`).
  std::vector<std::string> ReadWords(const YamlNode& map, absl::string_view key,
                                     bool match_keys) {
    std::vector<std::string> out;
    const YamlNode* node = Get(map, key);
    if (node == nullptr) return out;
    std::vector<const YamlNode*> items;
    if (node->is_sequence()) {
      for (const YamlNode& i : node->items) items.push_back(&i);
    } else {
      items.push_back(node);
    }
    for (const YamlNode* i : items) {
      if (!i->is_scalar() || CollapseSpace(i->scalar).empty()) {
        diags_.Error(i->mark, absl::StrCat("'", key,
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
      p = std::filesystem::path(mapping_path_).parent_path() / p;
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
    if (attendees()) {
      for (const char* k : {"program", "max_meetings", "employers"}) {
        keys.push_back(k);
      }
    } else {
      for (const char* k : {"booth", "tables", "group_size", "attendees"}) {
        keys.push_back(k);
      }
    }
    CheckKeys(map, keys,
              attendees() ? "an attendee mapping" : "an employer mapping",
              &diags_);
    ReadEvent(map);
    ReadId(map);
    name_ = ReadColumnField(map, "name");
    if (Get(map, "name") == nullptr) {
      diags_.Error(map.mark,
                   "the mapping has no 'name' (the column with "
                   "each person's or organisation's name)");
    }
    email_ = ReadColumnField(map, "email");
    if (id_from_email_ && !email_.mapped() && Get(map, "email") == nullptr) {
      diags_.Error(map.Find("id")->mark,
                   "'id: {from_email: ...}' needs the 'email' column");
    }
    timestamp_ = ReadColumnField(map, "timestamp");
    if (const YamlNode* order = Get(map, "date_order")) {
      if (order->is_scalar() &&
          (order->scalar == "mdy" || order->scalar == "dmy")) {
        day_first_ = order->scalar == "dmy";
      } else {
        diags_.Error(order->mark, absl::StrCat("'date_order' must be mdy "
                                               "(2/1/2027 is February 1) or "
                                               "dmy (January 2), got ",
                                               order->Describe()));
      }
    }
    ReadValues(map);
    offers_ = ReadListField(map, "offers", false);
    seeks_ = ReadListField(map, "seeks", false);
    ReadUnavailable(map);
    ReadExtra(map);
    ReadOtherSide(map);
    must_meet_ = ReadListField(map, "must_meet", true);
    avoid_ = ReadListField(map, "avoid", true);
    wants_ = ReadListField(map, "wants", true);
    ReadRequires(map);
    if (attendees()) {
      program_ = ReadColumnField(map, "program");
      max_meetings_ = ReadNumberField(map, "max_meetings", 0, 1000);
    } else {
      booth_ = ReadColumnField(map, "booth");
      tables_ = ReadNumberField(map, "tables", 1, 100);
      group_size_ = ReadNumberField(map, "group_size", 1, 20);
    }
  }

  // ---- reading rows ----

  std::optional<TimeWindow> WindowFromText(absl::string_view text) const {
    std::vector<int> times = ExtractTimes(text);
    if (times.empty()) return std::nullopt;
    if (times.size() == 1) return TimeWindow{times[0], times[0] + slot_length_};
    if (times[1] <= times[0]) return std::nullopt;
    return TimeWindow{times[0], times[1]};
  }

  // A rating cell: a number, or a Likert answer.
  std::optional<double> ReadRating(const CsvRecord& record, int column,
                                   const std::string& value_id) {
    const std::string text = CollapseSpace(CellText(record, column));
    const std::string norm = MatchKey(text);
    for (size_t i = 0; i < values_.likert_words.size(); ++i) {
      if (MatchKey(values_.likert_words[i]) == norm) {
        return Rescale(values_.likert_numbers[i], record, column, value_id);
      }
    }
    if (std::optional<double> num = ParseFiniteNumber(text)) {
      if (*num < 0 || *num > values_.max_rating) {
        diags_.Error(Cell(record, column),
                     absl::StrCat("rating for '", value_id,
                                  "' must be a number from 0 to ",
                                  FormatNumber(values_.max_rating), ", got '",
                                  text, "'"));
        return std::nullopt;
      }
      return Rescale(*num, record, column, value_id);
    }
    if (values_.likert_words.empty()) {
      diags_.Error(
          Cell(record, column),
          absl::StrCat("rating for '", value_id,
                       "' must be a number from 0 to ",
                       FormatNumber(values_.max_rating), ", got '", text,
                       "' (map answer words to numbers with "
                       "'likert:' in the mapping)"));
    } else {
      diags_.Error(Cell(record, column),
                   absl::StrCat("unknown answer '", text, "' for '", value_id,
                                "'; expected a number or one of the 'likert' "
                                "answers",
                                DidYouMean(text, values_.likert_words)));
    }
    return std::nullopt;
  }

  std::optional<double> Rescale(double v, const CsvRecord& record, int column,
                                const std::string& value_id) {
    const double r = values_.max_rating == 5 ? v : v * 5 / values_.max_rating;
    if (r < 0 || r > 5) {
      diags_.Error(
          Cell(record, column),
          absl::StrCat("rating for '", value_id, "' is ", FormatNumber(v),
                       ", above 5; set 'values.max' to the top of "
                       "the form's scale"));
      return std::nullopt;
    }
    return std::round(r * 100) / 100;
  }

  void ReadRowValues(const CsvRecord& record, Entry* e) {
    if (!values_.present) return;
    std::vector<std::optional<double>> ratings(vocab_.size());
    if (values_.select_column >= 0) {
      const int col = values_.select_column;
      for (auto& r : ratings) r = values_.unselected;
      std::vector<std::string> items =
          SplitList(CellText(record, col), values_.delimiter);
      std::vector<std::string> norm_labels;
      for (const std::string& l : values_.labels) {
        norm_labels.push_back(MatchKey(l));
      }
      const std::string delim =
          values_.delimiter.empty() ? ", " : values_.delimiter;
      for (size_t i = 0; i < items.size(); ++i) {
        // A label holding the delimiter ("Diversity, equity and
        // inclusion") arrives in pieces: join pieces until one matches.
        std::string item = items[i];
        int found = -1;
        for (size_t j = i; j < items.size(); ++j) {
          if (j > i) item = absl::StrCat(item, delim, items[j]);
          const std::string n = MatchKey(item);
          for (size_t k = 0; k < norm_labels.size(); ++k) {
            if (norm_labels[k] == n) {
              found = static_cast<int>(k);
              break;
            }
          }
          if (found >= 0) {
            i = j;
            break;
          }
        }
        if (found < 0) {
          std::vector<std::string> choices;
          for (const ValueDef& v : vocab_) choices.push_back(v.label);
          for (const std::string& l : values_.labels) choices.push_back(l);
          diags_.Error(Cell(record, col),
                       absl::StrCat("unknown value '", items[i], "'",
                                    DidYouMean(items[i], choices),
                                    " (add it under 'values.labels' in the "
                                    "mapping if it is another wording)"));
          continue;
        }
        ratings[values_.label_values[found]] = values_.selected;
      }
    }
    for (const auto& [v, col] : values_.ratings) {
      if (CollapseSpace(CellText(record, col)).empty()) continue;
      if (std::optional<double> r = ReadRating(record, col, vocab_[v].id)) {
        ratings[v] = *r;
      }
    }
    for (size_t v = 0; v < vocab_.size(); ++v) {
      if (ratings[v])
        e->values.emplace_back(vocab_[v].id, FormatNumber(*ratings[v]));
    }
  }

  std::vector<std::string> ReadList(const CsvRecord& record,
                                    const std::optional<ListSpec>& spec) {
    std::vector<std::string> out;
    if (!spec) return out;
    for (int col : spec->columns) {
      for (std::string& item :
           SplitList(CellText(record, col), spec->delimiter)) {
        if (std::find(out.begin(), out.end(), item) == out.end()) {
          out.push_back(std::move(item));
        }
      }
    }
    return out;
  }

  // must_meet, avoid, wants: the ids of the other side the cells name, in
  // order (a ranked list keeps its ranks: the columns' order, then the
  // items' order in a cell), looked up in the other side's file when the
  // mapping names one, else derived from the items (import_intents.h).
  std::vector<std::string> ReadRefs(const CsvRecord& record,
                                    const std::optional<ListSpec>& spec,
                                    absl::string_view key) {
    std::vector<std::string> out;
    if (!spec) return out;
    const absl::string_view noun = attendees() ? "employer" : "attendee";
    for (int col : spec->columns) {
      for (const std::string& item :
           SplitList(CellText(record, col), spec->delimiter)) {
        RefMatch m = other_ ? other_->Resolve(item, spec->by, !diags_.full())
                            : DeriveRef(item, spec->by, spec->prefix, noun);
        if (!m.error.empty()) {
          diags_.Error(Cell(record, col),
                       absl::StrCat(m.error, " in '", key, "'", m.suggestion));
          continue;
        }
        if (std::find(out.begin(), out.end(), m.id) == out.end()) {
          out.push_back(std::move(m.id));
        }
      }
    }
    return out;
  }

  // `requires:` of one row, in the mapping's order of fields.
  void ReadRowRequires(const CsvRecord& record, Entry* e) {
    for (const auto& [spec, col] : requires_) {
      CellRequirement r;
      std::string error;
      if (!ReadRequirementCell(CellText(record, col), spec, &r, &error)) {
        diags_.Error(Cell(record, col), error);
        continue;
      }
      if (r.empty()) continue;
      if (other_) {
        for (const std::string& v : r.any_of) {
          std::string suggestion;
          if (!warned_values_.insert(absl::StrCat(spec.field, "\n", v))
                   .second) {
            continue;
          }
          if (!other_->HasValue(spec.field, v, true, &suggestion)) {
            warnings_.push_back(FormatDiagnostic(
                Cell(record, col),
                absl::StrCat("no ", other_->noun(), " in ", other_->path(),
                             " has ", spec.field, " '", v, "'", suggestion),
                "warning"));
          }
        }
      }
      e->requirements.emplace_back(spec.field, std::move(r));
    }
  }

  void ReadAvailability(const CsvRecord& record, Entry* e) {
    if (!has_unavailable_ || !day_start_ || !day_end_) return;
    std::vector<TimeWindow> busy;
    if (unavailable_.column >= 0) {
      const int col = unavailable_.column;
      for (const std::string& item :
           SplitList(CellText(record, col), unavailable_.delimiter)) {
        if (std::find(unavailable_.ignore.begin(), unavailable_.ignore.end(),
                      MatchKey(item)) != unavailable_.ignore.end()) {
          continue;
        }
        std::optional<TimeWindow> w = WindowFromText(item);
        if (!w) {
          diags_.Error(Cell(record, col),
                       absl::StrCat("'", item,
                                    "' is not a time such as 10:00 or "
                                    "10:00-10:30 (list answers that mean "
                                    "'none' under 'unavailable.ignore')"));
          continue;
        }
        busy.push_back(*w);
      }
    }
    for (const auto& [col, window] : unavailable_.checkbox_columns) {
      const std::string n = MatchKey(CellText(record, col));
      if (IsNoAnswer(n)) {
        continue;
      }
      busy.push_back(window);
    }
    if (busy.empty()) return;
    std::sort(busy.begin(), busy.end(),
              [](const TimeWindow& a, const TimeWindow& b) {
                return a.start < b.start;
              });
    // available = [day start, day end) minus the union of busy windows.
    int cursor = *day_start_;
    for (const TimeWindow& b : busy) {
      if (b.start > cursor) {
        e->available.push_back({cursor, std::min(b.start, *day_end_)});
      }
      cursor = std::max(cursor, b.end);
      if (cursor >= *day_end_) break;
    }
    if (cursor < *day_end_) e->available.push_back({cursor, *day_end_});
    e->available.erase(
        std::remove_if(e->available.begin(), e->available.end(),
                       [](const TimeWindow& w) { return w.end <= w.start; }),
        e->available.end());
    e->has_available = true;
  }

  std::optional<int> ReadRowNumber(const CsvRecord& record,
                                   const NumberSpec& spec,
                                   absl::string_view what, int lo, int hi) {
    if (spec.constant) return spec.constant;
    if (spec.column < 0) return std::nullopt;
    const std::string text = CollapseSpace(CellText(record, spec.column));
    if (text.empty()) return std::nullopt;
    std::optional<std::int64_t> n = ParseWholeNumber(text);
    if (!n || *n < lo || *n > hi) {
      diags_.Error(Cell(record, spec.column),
                   absl::StrCat("'", what, "' must be a whole number from ", lo,
                                " to ", hi, ", got '", text, "'"));
      return std::nullopt;
    }
    return static_cast<int>(*n);
  }

  // The id: from its column, or derived from the e-mail or the name.
  void ReadRowId(const CsvRecord& record, Entry* e) {
    if (id_column_ >= 0) {
      e->id = CollapseSpace(CellText(record, id_column_));
      e->id_mark = Cell(record, id_column_);
      if (e->id.empty()) {
        diags_.Error(e->id_mark,
                     absl::StrCat("missing id (column '", headers_[id_column_],
                                  "' is empty)"));
      } else if (!IsValidId(e->id)) {
        diags_.Error(e->id_mark,
                     absl::StrCat("'", e->id,
                                  "' is not a valid id: use 1-64 characters "
                                  "from A-Z a-z 0-9 _ . -, starting with a "
                                  "letter or digit (or derive ids with "
                                  "'id: {from_email: a-}')"));
      }
    } else if (id_from_email_ && email_.mapped() && !e->email.empty()) {
      e->id = IdFromEmail(id_prefix_, e->email);
      e->id_mark = Cell(record, email_.index);
    } else if (id_from_email_ && name_.mapped() && !e->name.empty()) {
      // No e-mail (a walk-in who gave none): from the name and the row.
      e->id = IdFromNameAndRow(id_prefix_, e->name, e->line);
      e->id_mark = Cell(record, name_.index);
    } else if (id_from_name_ && name_.mapped() && !e->name.empty()) {
      e->id = Slugify(id_prefix_, e->name);
      e->id_mark = Cell(record, name_.index);
      if (e->id.empty()) {
        diags_.Error(e->id_mark, absl::StrCat("the name '", e->name,
                                              "' gives no id; map 'id' to a "
                                              "column instead"));
      }
    }
  }

  // The submission time, when a column holds it.
  void ReadRowTimestamp(const CsvRecord& record, Entry* e) {
    if (timestamp_.mapped()) {
      e->timestamp_text = CollapseSpace(CellText(record, timestamp_.index));
      if (!e->timestamp_text.empty()) {
        e->timestamp = ParseTimestamp(e->timestamp_text, day_first_);
        if (!e->timestamp) {
          diags_.Error(Cell(record, timestamp_.index),
                       absl::StrCat("'", e->timestamp_text,
                                    "' is not a date and time like "
                                    "2027-02-01 14:03:22 or 2/1/2027 "
                                    "14:03:22"));
        }
      }
    }
  }

  Entry ReadRow(int r) {
    const CsvRecord& record = table_.records[r];
    Entry e;
    e.row = r;
    e.line = record.line;
    // White space (line breaks in a cell included) becomes one space; any
    // other control character is refused where it is.
    for (int c = 0; c < static_cast<int>(record.fields.size()); ++c) {
      const std::string& cell = record.fields[c];
      if (const int at = FindControlCharacter(cell, "\t\n\v\f\r"); at >= 0) {
        diags_.Error(Cell(record, c),
                     absl::StrCat("the cell holds the control character ",
                                  ControlCharacterName(cell, at),
                                  "; remove it from '", cell, "'"));
      }
    }
    // Name (required).
    if (name_.mapped()) {
      e.name = CollapseSpace(CellText(record, name_.index));
      if (e.name.empty()) {
        diags_.Error(Cell(record, name_.index),
                     absl::StrCat("missing name (column '",
                                  headers_[name_.index], "' is empty)"));
      }
    }
    // E-mail.
    if (email_.mapped()) {
      e.email = CollapseSpace(CellText(record, email_.index));
      e.email_key = absl::AsciiStrToLower(e.email);
      if (!e.email.empty()) {
        if (!LooksLikeEmail(e.email)) {
          diags_.Error(Cell(record, email_.index),
                       absl::StrCat("'", e.email,
                                    "' is not an e-mail address like "
                                    "name@example.org"));
        }
      }
    }
    ReadRowId(record, &e);
    ReadRowTimestamp(record, &e);
    ReadRowValues(record, &e);
    e.offers = ReadList(record, offers_);
    e.seeks = ReadList(record, seeks_);
    ReadAvailability(record, &e);
    for (const auto& [key, col] : extra_) {
      std::string text =
          std::string(absl::StripAsciiWhitespace(CellText(record, col)));
      if (!text.empty()) e.extra.emplace_back(key, std::move(text));
    }
    e.must_meet = ReadRefs(record, must_meet_, "must_meet");
    e.avoid = ReadRefs(record, avoid_, "avoid");
    e.wants = ReadRefs(record, wants_, "wants");
    ReadRowRequires(record, &e);
    if (attendees()) {
      if (program_.mapped()) {
        e.program = CollapseSpace(CellText(record, program_.index));
      }
      e.max_meetings =
          ReadRowNumber(record, max_meetings_, "max_meetings", 0, 1000);
      if (e.has_available && e.available.empty()) {
        // An empty `available` would mean "the whole event".
        e.max_meetings = 0;
      }
    } else {
      if (booth_.mapped())
        e.booth = CollapseSpace(CellText(record, booth_.index));
      e.tables = ReadRowNumber(record, tables_, "tables", 1, 100);
      e.group_size = ReadRowNumber(record, group_size_, "group_size", 1, 20);
      if (e.has_available && e.available.empty()) {
        diags_.Error(Cell(record, unavailable_.column >= 0
                                      ? unavailable_.column
                                      : unavailable_.checkbox_columns[0].first),
                     "unavailable for the whole event; remove the row or "
                     "clear the times");
      }
    }
    return e;
  }

  // Keeps the latest submission per e-mail address; the others become
  // notes. The kept rows stay in input order.
  std::vector<Entry> Deduplicate(std::vector<Entry> entries,
                                 std::vector<std::string>* notes) {
    std::map<std::string, int> latest;  // e-mail -> index into entries
    std::vector<bool> dropped(entries.size(), false);
    std::vector<std::pair<int, std::string>> dropped_notes;
    auto later = [](const Entry& a, const Entry& b) {
      // True when `a` replaces `b`: a later timestamp, or on a tie (or
      // without timestamps) the later row.
      if (a.timestamp && b.timestamp && *a.timestamp != *b.timestamp) {
        return *a.timestamp > *b.timestamp;
      }
      return a.row > b.row;
    };
    for (size_t i = 0; i < entries.size(); ++i) {
      const std::string& key = entries[i].email_key;
      if (key.empty()) continue;
      auto [it, inserted] = latest.emplace(key, static_cast<int>(i));
      if (inserted) continue;
      int winner = it->second, loser = static_cast<int>(i);
      if (later(entries[i], entries[it->second])) std::swap(winner, loser);
      it->second = winner;
      dropped[loser] = true;
      const Entry& w = entries[winner];
      const Entry& l = entries[loser];
      std::string when = w.timestamp_text.empty()
                             ? std::string(" (later in the file)")
                             : absl::StrCat(" submitted ", w.timestamp_text);
      dropped_notes.emplace_back(
          l.line, absl::StrCat(csv_path_, ":", l.line, ": note: dropped row ",
                               l.line, " (", l.email,
                               l.timestamp_text.empty()
                                   ? ""
                                   : absl::StrCat(", ", l.timestamp_text),
                               "): replaced by row ", w.line, when));
    }
    std::sort(dropped_notes.begin(), dropped_notes.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, text] : dropped_notes) notes->push_back(std::move(text));
    std::vector<Entry> kept;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (!dropped[i]) kept.push_back(std::move(entries[i]));
    }
    return kept;
  }

  void CheckUniqueIds(const std::vector<Entry>& kept) {
    std::map<std::string, int> seen;  // id -> line
    for (const Entry& e : kept) {
      if (e.id.empty()) continue;
      auto [it, inserted] = seen.emplace(e.id, e.line);
      if (!inserted) {
        diags_.Error(e.id_mark, absl::StrCat("duplicate id '", e.id, "'; row ",
                                             it->second, " has it too"));
      }
    }
  }

  // ---- writing ----

  static void AppendList(std::string* out, const char* key,
                         const std::vector<std::string>& items) {
    if (items.empty()) return;
    absl::StrAppend(out, "    ", key, ": [");
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out->append(", ");
      AppendYamlScalar(out, items[i]);
    }
    out->append("]\n");
  }

  std::string Emit(const std::vector<Entry>& kept,
                   std::vector<ImportedEntry>* entries) const {
    std::string out = absl::StrCat(
        "# Imported by `fairmatch import ",
        attendees() ? "attendees" : "employers", "` from ",
        std::filesystem::path(csv_path_).filename().string(), " with ",
        std::filesystem::path(mapping_path_).filename().string(),
        ".\n# Edit the spreadsheet or the mapping and import again rather "
        "than editing this file.\n");
    const char* list_key = attendees() ? "attendees" : "employers";
    if (kept.empty()) {
      absl::StrAppend(&out, list_key, ": []\n");
      return out;
    }
    absl::StrAppend(&out, list_key, ":\n");
    for (const Entry& e : kept) {
      const size_t entry_start = out.size();
      out.append("  - id: ");
      AppendYamlScalar(&out, e.id);
      out.append("\n    name: ");
      AppendYamlScalar(&out, e.name);
      out.append("\n");
      if (!e.email.empty()) {
        out.append("    email: ");
        AppendYamlScalar(&out, e.email);
        out.append("\n");
      }
      if (attendees()) {
        if (!e.program.empty()) {
          out.append("    program: ");
          AppendYamlScalar(&out, e.program);
          out.append("\n");
        }
      } else {
        if (!e.booth.empty()) {
          out.append("    booth: ");
          AppendYamlScalar(&out, e.booth);
          out.append("\n");
        }
        if (e.tables) absl::StrAppend(&out, "    tables: ", *e.tables, "\n");
        if (e.group_size) {
          absl::StrAppend(&out, "    group_size: ", *e.group_size, "\n");
        }
      }
      if (!e.values.empty()) {
        out.append("    values: {");
        for (size_t i = 0; i < e.values.size(); ++i) {
          if (i > 0) out.append(", ");
          AppendYamlScalar(&out, e.values[i].first);
          absl::StrAppend(&out, ": ", e.values[i].second);
        }
        out.append("}\n");
      }
      AppendList(&out, "offers", e.offers);
      AppendList(&out, "seeks", e.seeks);
      if (e.has_available && !e.available.empty()) {
        out.append("    available: [");
        for (size_t i = 0; i < e.available.size(); ++i) {
          if (i > 0) out.append(", ");
          AppendQuoted(&out,
                       absl::StrCat(FormatClock(e.available[i].start), "-",
                                    FormatClock(e.available[i].end)));
        }
        out.append("]\n");
      }
      if (attendees() && e.max_meetings) {
        absl::StrAppend(&out, "    max_meetings: ", *e.max_meetings, "\n");
      }
      AppendList(&out, "must_meet", e.must_meet);
      AppendList(&out, "avoid", e.avoid);
      AppendList(&out, "wants", e.wants);
      AppendRequires(&out, e.requirements);
      if (!e.extra.empty()) {
        out.append("    extra:\n");
        for (const auto& [key, text] : e.extra) {
          out.append("      ");
          AppendYamlScalar(&out, key);
          out.append(": ");
          AppendYamlScalar(&out, text);
          out.append("\n");
        }
      }
      entries->push_back(ImportedEntry{e.id, e.name, e.email, e.line,
                                       out.substr(entry_start)});
    }
    return out;
  }

  ImportKind kind_;
  std::string csv_path_;
  std::string mapping_path_;
  Diagnostics diags_;
  CsvTable table_;
  std::vector<std::string> headers_;             // as written, space-collapsed
  std::vector<std::string> normalized_headers_;  // for lookups

  bool have_event_ = false;
  std::vector<ValueDef> vocab_;
  std::optional<int> day_start_, day_end_;
  int slot_length_ = 15;

  int id_column_ = -1;
  bool id_from_email_ = false;
  bool id_from_name_ = false;
  std::string id_prefix_;
  Column name_, email_, timestamp_, program_, booth_;
  bool day_first_ = false;
  ValueSpec values_;
  std::optional<ListSpec> offers_, seeks_, must_meet_, avoid_, wants_;
  std::vector<std::pair<RequirementColumn, int>> requires_;  // (spec, column)
  std::optional<OtherSide> other_;  // `employers:` / `attendees:` file
  std::vector<std::string> warnings_;
  std::set<std::string> warned_values_;  // field "\n" value
  bool has_unavailable_ = false;
  UnavailableSpec unavailable_;
  std::vector<std::pair<std::string, int>> extra_;
  NumberSpec max_meetings_, tables_, group_size_;
};

}  // namespace

std::optional<std::int64_t> ParseTimestamp(absl::string_view text,
                                           bool day_first) {
  text = absl::StripAsciiWhitespace(text);
  size_t i = 0;
  auto read_int = [&](int max_digits, int* digits) -> std::optional<int> {
    int v = 0;
    *digits = 0;
    while (i < text.size() && *digits < max_digits &&
           absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      v = v * 10 + (text[i] - '0');
      ++i;
      ++*digits;
    }
    if (*digits == 0) return std::nullopt;
    return v;
  };
  int da, db, dc;
  std::optional<int> a = read_int(4, &da);
  if (!a || i >= text.size()) return std::nullopt;
  const char sep = text[i];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  ++i;
  std::optional<int> b = read_int(2, &db);
  if (!b || i >= text.size() || text[i] != sep) return std::nullopt;
  ++i;
  std::optional<int> c = read_int(4, &dc);
  if (!c) return std::nullopt;
  int y, m, d;
  if (da == 4) {
    y = *a, m = *b, d = *c;
    if (dc > 2) return std::nullopt;
  } else if (dc == 4 && da <= 2) {
    y = *c;
    if (day_first || sep == '.') {
      d = *a, m = *b;
    } else {
      m = *a, d = *b;
    }
  } else {
    return std::nullopt;
  }
  if (!IsRealDate(y, m, d)) return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  if (i < text.size() && (text[i] == 'T' || text[i] == ' ' || text[i] == ',')) {
    while (i < text.size() &&
           (text[i] == 'T' || text[i] == ' ' || text[i] == ','))
      ++i;
    int dh, dm, ds;
    std::optional<int> h = read_int(2, &dh);
    if (!h || i >= text.size() || text[i] != ':') return std::nullopt;
    ++i;
    std::optional<int> mi = read_int(2, &dm);
    if (!mi || dm != 2) return std::nullopt;
    hour = *h, minute = *mi;
    if (i < text.size() && text[i] == ':') {
      ++i;
      std::optional<int> s = read_int(2, &ds);
      if (!s || ds != 2) return std::nullopt;
      second = *s;
      if (i < text.size() && text[i] == '.') {  // fractions: ignored
        ++i;
        while (i < text.size() &&
               absl::ascii_isdigit(static_cast<unsigned char>(text[i])))
          ++i;
      }
    }
    size_t k = i;
    while (k < text.size() && text[k] == ' ') ++k;
    absl::string_view rest = text.substr(k);
    std::string low = absl::AsciiStrToLower(rest.substr(0, 4));
    bool am = absl::StartsWith(low, "am") || absl::StartsWith(low, "a.m.");
    bool pm = absl::StartsWith(low, "pm") || absl::StartsWith(low, "p.m.");
    if (am || pm) {
      if (hour < 1 || hour > 12) return std::nullopt;
      if (hour == 12) hour = 0;
      if (pm) hour += 12;
      i = k + (low.size() >= 4 && low[1] == '.' ? 4 : 2);
    }
    // A zone designator is accepted and ignored: one export has one zone.
    if (i < text.size() &&
        (text[i] == 'Z' || text[i] == '+' || text[i] == '-')) {
      ++i;
      while (i < text.size() &&
             (absl::ascii_isdigit(static_cast<unsigned char>(text[i])) ||
              text[i] == ':'))
        ++i;
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  return DaysFromCivil(y, m, d) * 86400 + hour * 3600 + minute * 60 + second;
}

absl::StatusOr<ImportResult> ImportCsvFile(ImportKind kind,
                                           const std::string& csv_path,
                                           const std::string& mapping_path) {
  return Importer(kind, csv_path, mapping_path).Run();
}

}  // namespace fairmatch
