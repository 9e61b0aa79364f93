#include "engine/io/import_rows.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "engine/base/control_chars.h"
#include "engine/base/edit_distance.h"
#include "engine/base/email.h"
#include "engine/io/import_ids.h"
#include "engine/io/import_text.h"
#include "engine/io/import_times.h"
#include "engine/io/yaml_fields.h"

namespace fairmatch {
namespace {

std::string FormatNumber(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e9) {
    return absl::StrCat(static_cast<long long>(v));
  }
  return absl::StrCat(v);
}

class RowReader {
 public:
  RowReader(const ImportMapping& mapping, const CsvTable& table,
            Diagnostics* diags, std::vector<std::string>* warnings)
      : m_(mapping),
        table_(table),
        diags_(diags),
        warnings_(*warnings),
        file_(mapping.csv_path) {}

  std::vector<ImportRow> ReadAll() {
    std::vector<ImportRow> rows;
    for (size_t r = 0; r < table_.records.size(); ++r) {
      rows.push_back(ReadRow(static_cast<int>(r)));
    }
    return rows;
  }

 private:
  SourceMark Cell(const CsvRecord& record, int column) const {
    return SourceMark{file_, record.line, column + 1};
  }

  static std::string CellText(const CsvRecord& record, int column) {
    if (column < 0 || column >= static_cast<int>(record.fields.size())) {
      return "";
    }
    return record.fields[column];
  }

  // A rating cell: a number, or a Likert answer.
  std::optional<double> ReadRating(const CsvRecord& record, int column,
                                   const std::string& value_id) {
    const std::string text = CollapseSpace(CellText(record, column));
    const std::string norm = MatchKey(text);
    for (size_t i = 0; i < m_.values.likert_words.size(); ++i) {
      if (MatchKey(m_.values.likert_words[i]) == norm) {
        return Rescale(m_.values.likert_numbers[i], record, column, value_id);
      }
    }
    if (std::optional<double> num = ParseFiniteNumber(text)) {
      if (*num < 0 || *num > m_.values.max_rating) {
        diags_->Error(Cell(record, column),
                      absl::StrCat("rating for '", value_id,
                                   "' must be a number from 0 to ",
                                   FormatNumber(m_.values.max_rating),
                                   ", got '", text, "'"));
        return std::nullopt;
      }
      return Rescale(*num, record, column, value_id);
    }
    if (m_.values.likert_words.empty()) {
      diags_->Error(
          Cell(record, column),
          absl::StrCat("rating for '", value_id,
                       "' must be a number from 0 to ",
                       FormatNumber(m_.values.max_rating), ", got '", text,
                       "' (map answer words to numbers with "
                       "'likert:' in the mapping)"));
    } else {
      diags_->Error(Cell(record, column),
                    absl::StrCat("unknown answer '", text, "' for '", value_id,
                                 "'; expected a number or one of the 'likert' "
                                 "answers",
                                 DidYouMean(text, m_.values.likert_words)));
    }
    return std::nullopt;
  }

  std::optional<double> Rescale(double v, const CsvRecord& record, int column,
                                const std::string& value_id) {
    const double r =
        m_.values.max_rating == 5 ? v : v * 5 / m_.values.max_rating;
    if (r < 0 || r > 5) {
      diags_->Error(
          Cell(record, column),
          absl::StrCat("rating for '", value_id, "' is ", FormatNumber(v),
                       ", above 5; set 'values.max' to the top of "
                       "the form's scale"));
      return std::nullopt;
    }
    return std::round(r * 100) / 100;
  }

  void ReadRowValues(const CsvRecord& record, ImportRow* e) {
    if (!m_.values.present) return;
    std::vector<std::optional<double>> ratings(m_.vocabulary.size());
    if (m_.values.select_column >= 0) {
      const int col = m_.values.select_column;
      for (auto& r : ratings) r = m_.values.unselected;
      std::vector<std::string> items =
          SplitList(CellText(record, col), m_.values.delimiter);
      std::vector<std::string> norm_labels;
      for (const std::string& l : m_.values.labels) {
        norm_labels.push_back(MatchKey(l));
      }
      const std::string delim =
          m_.values.delimiter.empty() ? ", " : m_.values.delimiter;
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
          for (const ValueDef& v : m_.vocabulary) choices.push_back(v.label);
          for (const std::string& l : m_.values.labels) choices.push_back(l);
          diags_->Error(Cell(record, col),
                        absl::StrCat("unknown value '", items[i], "'",
                                     DidYouMean(items[i], choices),
                                     " (add it under 'values.labels' in the "
                                     "mapping if it is another wording)"));
          continue;
        }
        ratings[m_.values.label_values[found]] = m_.values.selected;
      }
    }
    for (const auto& [v, col] : m_.values.ratings) {
      if (CollapseSpace(CellText(record, col)).empty()) continue;
      if (std::optional<double> r =
              ReadRating(record, col, m_.vocabulary[v].id)) {
        ratings[v] = *r;
      }
    }
    for (size_t v = 0; v < m_.vocabulary.size(); ++v) {
      if (ratings[v])
        e->values.emplace_back(m_.vocabulary[v].id, FormatNumber(*ratings[v]));
    }
  }

  std::vector<std::string> ReadList(const CsvRecord& record,
                                    const std::optional<ImportListSpec>& spec) {
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
                                    const std::optional<ImportListSpec>& spec,
                                    absl::string_view key) {
    std::vector<std::string> out;
    if (!spec) return out;
    const absl::string_view noun = m_.for_attendees() ? "employer" : "attendee";
    for (int col : spec->columns) {
      for (const std::string& item :
           SplitList(CellText(record, col), spec->delimiter)) {
        RefMatch m =
            m_.other_side
                ? m_.other_side->Resolve(item, spec->by, !diags_->full())
                : DeriveRef(item, spec->by, spec->prefix, noun);
        if (!m.error.empty()) {
          diags_->Error(Cell(record, col),
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
  void ReadRowRequires(const CsvRecord& record, ImportRow* e) {
    for (const auto& [spec, col] : m_.requirements) {
      CellRequirement r;
      std::string error;
      if (!ReadRequirementCell(CellText(record, col), spec, &r, &error)) {
        diags_->Error(Cell(record, col), error);
        continue;
      }
      if (r.empty()) continue;
      if (m_.other_side) {
        for (const std::string& v : r.any_of) {
          std::string suggestion;
          if (!warned_values_.insert(absl::StrCat(spec.field, "\n", v))
                   .second) {
            continue;
          }
          if (!m_.other_side->HasValue(spec.field, v, true, &suggestion)) {
            warnings_.push_back(FormatDiagnostic(
                Cell(record, col),
                absl::StrCat("no ", m_.other_side->noun(), " in ",
                             m_.other_side->path(), " has ", spec.field, " '",
                             v, "'", suggestion),
                "warning"));
          }
        }
      }
      e->requirements.emplace_back(spec.field, std::move(r));
    }
  }

  void ReadAvailability(const CsvRecord& record, ImportRow* e) {
    if (!m_.has_unavailable || !m_.day_start || !m_.day_end) return;
    std::vector<TimeWindow> busy;
    if (m_.unavailable.column >= 0) {
      const int col = m_.unavailable.column;
      for (const std::string& item :
           SplitList(CellText(record, col), m_.unavailable.delimiter)) {
        if (std::find(m_.unavailable.ignore.begin(),
                      m_.unavailable.ignore.end(),
                      MatchKey(item)) != m_.unavailable.ignore.end()) {
          continue;
        }
        std::optional<TimeWindow> w = WindowFromText(item, m_.slot_length);
        if (!w) {
          diags_->Error(Cell(record, col),
                        absl::StrCat("'", item,
                                     "' is not a time such as 10:00 or "
                                     "10:00-10:30 (list answers that mean "
                                     "'none' under 'unavailable.ignore')"));
          continue;
        }
        busy.push_back(*w);
      }
    }
    for (const auto& [col, window] : m_.unavailable.checkbox_columns) {
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
    int cursor = *m_.day_start;
    for (const TimeWindow& b : busy) {
      if (b.start > cursor) {
        e->available.push_back({cursor, std::min(b.start, *m_.day_end)});
      }
      cursor = std::max(cursor, b.end);
      if (cursor >= *m_.day_end) break;
    }
    if (cursor < *m_.day_end) e->available.push_back({cursor, *m_.day_end});
    e->available.erase(
        std::remove_if(e->available.begin(), e->available.end(),
                       [](const TimeWindow& w) { return w.end <= w.start; }),
        e->available.end());
    e->has_available = true;
  }

  std::optional<int> ReadRowNumber(const CsvRecord& record,
                                   const ImportNumberSpec& spec,
                                   absl::string_view what, int lo, int hi) {
    if (spec.constant) return spec.constant;
    if (spec.column < 0) return std::nullopt;
    const std::string text = CollapseSpace(CellText(record, spec.column));
    if (text.empty()) return std::nullopt;
    std::optional<std::int64_t> n = ParseWholeNumber(text);
    if (!n || *n < lo || *n > hi) {
      diags_->Error(Cell(record, spec.column),
                    absl::StrCat("'", what, "' must be a whole number from ",
                                 lo, " to ", hi, ", got '", text, "'"));
      return std::nullopt;
    }
    return static_cast<int>(*n);
  }

  // The id: from its column, or derived from the e-mail or the name.
  void ReadRowId(const CsvRecord& record, ImportRow* e) {
    if (m_.id.column >= 0) {
      e->id = CollapseSpace(CellText(record, m_.id.column));
      e->id_mark = Cell(record, m_.id.column);
      if (e->id.empty()) {
        diags_->Error(e->id_mark,
                      absl::StrCat("missing id (column '",
                                   m_.headers[m_.id.column], "' is empty)"));
      } else if (!IsValidId(e->id)) {
        diags_->Error(e->id_mark,
                      absl::StrCat("'", e->id,
                                   "' is not a valid id: use 1-64 characters "
                                   "from A-Z a-z 0-9 _ . -, starting with a "
                                   "letter or digit (or derive ids with "
                                   "'id: {from_email: a-}')"));
      }
    } else if (m_.id.from_email && m_.email.mapped() && !e->email.empty()) {
      e->id = IdFromEmail(m_.id.prefix, e->email);
      e->id_mark = Cell(record, m_.email.index);
    } else if (m_.id.from_email && m_.name.mapped() && !e->name.empty()) {
      // No e-mail (a walk-in who gave none): from the name and the row.
      e->id = IdFromNameAndRow(m_.id.prefix, e->name, e->line);
      e->id_mark = Cell(record, m_.name.index);
    } else if (m_.id.from_name && m_.name.mapped() && !e->name.empty()) {
      e->id = Slugify(m_.id.prefix, e->name);
      e->id_mark = Cell(record, m_.name.index);
      if (e->id.empty()) {
        diags_->Error(e->id_mark, absl::StrCat("the name '", e->name,
                                               "' gives no id; map 'id' to a "
                                               "column instead"));
      }
    }
  }

  // The submission time, when a column holds it.
  void ReadRowTimestamp(const CsvRecord& record, ImportRow* e) {
    if (m_.timestamp.mapped()) {
      e->timestamp_text = CollapseSpace(CellText(record, m_.timestamp.index));
      if (!e->timestamp_text.empty()) {
        e->timestamp = ParseTimestamp(e->timestamp_text, m_.day_first);
        if (!e->timestamp) {
          diags_->Error(Cell(record, m_.timestamp.index),
                        absl::StrCat("'", e->timestamp_text,
                                     "' is not a date and time like "
                                     "2027-02-01 14:03:22 or 2/1/2027 "
                                     "14:03:22"));
        }
      }
    }
  }

  ImportRow ReadRow(int r) {
    const CsvRecord& record = table_.records[r];
    ImportRow e;
    e.row = r;
    e.line = record.line;
    // White space (line breaks in a cell included) becomes one space; any
    // other control character is refused where it is.
    for (int c = 0; c < static_cast<int>(record.fields.size()); ++c) {
      const std::string& cell = record.fields[c];
      if (const int at = FindControlCharacter(cell, "\t\n\v\f\r"); at >= 0) {
        diags_->Error(Cell(record, c),
                      absl::StrCat("the cell holds the control character ",
                                   ControlCharacterName(cell, at),
                                   "; remove it from '", cell, "'"));
      }
    }
    // Name (required).
    if (m_.name.mapped()) {
      e.name = CollapseSpace(CellText(record, m_.name.index));
      if (e.name.empty()) {
        diags_->Error(Cell(record, m_.name.index),
                      absl::StrCat("missing name (column '",
                                   m_.headers[m_.name.index], "' is empty)"));
      }
    }
    // E-mail.
    if (m_.email.mapped()) {
      e.email = CollapseSpace(CellText(record, m_.email.index));
      e.email_key = absl::AsciiStrToLower(e.email);
      if (!e.email.empty()) {
        if (!LooksLikeEmail(e.email)) {
          diags_->Error(Cell(record, m_.email.index),
                        absl::StrCat("'", e.email,
                                     "' is not an e-mail address like "
                                     "name@example.org"));
        }
      }
    }
    ReadRowId(record, &e);
    ReadRowTimestamp(record, &e);
    ReadRowValues(record, &e);
    e.offers = ReadList(record, m_.offers);
    e.seeks = ReadList(record, m_.seeks);
    ReadAvailability(record, &e);
    for (const auto& [key, col] : m_.extra) {
      std::string text =
          std::string(absl::StripAsciiWhitespace(CellText(record, col)));
      if (!text.empty()) e.extra.emplace_back(key, std::move(text));
    }
    e.must_meet = ReadRefs(record, m_.must_meet, "must_meet");
    e.avoid = ReadRefs(record, m_.avoid, "avoid");
    e.wants = ReadRefs(record, m_.wants, "wants");
    ReadRowRequires(record, &e);
    if (m_.for_attendees()) {
      if (m_.program.mapped()) {
        e.program = CollapseSpace(CellText(record, m_.program.index));
      }
      e.max_meetings =
          ReadRowNumber(record, m_.max_meetings, "max_meetings", 0, 1000);
      if (e.has_available && e.available.empty()) {
        // An empty `available` would mean "the whole event".
        e.max_meetings = 0;
      }
    } else {
      if (m_.booth.mapped())
        e.booth = CollapseSpace(CellText(record, m_.booth.index));
      e.tables = ReadRowNumber(record, m_.tables, "tables", 1, 100);
      e.group_size = ReadRowNumber(record, m_.group_size, "group_size", 1, 20);
      if (e.has_available && e.available.empty()) {
        diags_->Error(
            Cell(record, m_.unavailable.column >= 0
                             ? m_.unavailable.column
                             : m_.unavailable.checkbox_columns[0].first),
            "unavailable for the whole event; remove the row or "
            "clear the times");
      }
    }
    return e;
  }

  const ImportMapping& m_;
  const CsvTable& table_;
  Diagnostics* diags_;
  std::vector<std::string>& warnings_;
  const FileName file_;  // the CSV's, interned once for every cell's mark
  std::set<std::string> warned_values_;  // field "\n" value
};

}  // namespace

std::vector<ImportRow> ReadImportRows(const ImportMapping& mapping,
                                      const CsvTable& table, Diagnostics* diags,
                                      std::vector<std::string>* warnings) {
  return RowReader(mapping, table, diags, warnings).ReadAll();
}

}  // namespace fairmatch
