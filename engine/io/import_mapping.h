// The first step of `fairmatch import` (docs/import.md): the mapping file,
// read once and checked against the spreadsheet's header, becomes a typed
// ImportMapping that says which column feeds which field. The later steps
// (import_rows: reading and normalising rows; import_dedupe: keeping the
// latest submission; import_writer: writing the YAML) read only this.
//
//   Diagnostics diags;
//   ImportMapping m = ReadImportMapping(
//       ImportKind::kAttendees, "form.csv", "mapping.yaml", root,
//       table.header, &diags);
//   if (diags.ok()) { m.name.index;  m.values.ratings;  m.other_side; }
//
// Columns are 0-based field indices, resolved by header text compared as
// MatchKey (import_text.h); unknown headers come with a did-you-mean and
// duplicated ones are refused. The event file (`event:`) and the other
// side's file (`employers:` / `attendees:`) are read relative to the
// mapping's folder.
#ifndef FAIRMATCH_IO_IMPORT_MAPPING_H_
#define FAIRMATCH_IO_IMPORT_MAPPING_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/io/csv.h"
#include "engine/io/diagnostics.h"
#include "engine/io/import_intents.h"
#include "engine/io/yaml_tree.h"
#include "engine/model/fair.h"

namespace fairmatch {

enum class ImportKind { kAttendees, kEmployers };

// One column the mapping names.
struct ImportColumn {
  int index = -1;  // 0-based field index; -1: not mapped
  bool mapped() const { return index >= 0; }
};

// Where ids come from: a column, or derived from the e-mail or the name
// with a prefix (import_ids.h).
struct ImportIdSpec {
  int column = -1;
  bool from_email = false;
  bool from_name = false;
  std::string prefix;
};

// offers, seeks, must_meet, avoid, wants.
struct ImportListSpec {
  std::vector<int> columns;
  std::string delimiter;  // empty: ';' if the cell has one, else ','
  // Reference columns (must_meet, avoid, wants): what the items are, and
  // the prefix of ids derived from names or e-mails.
  RefBy by = RefBy::kAny;
  std::string prefix;
};

// values: one rating column per value, or one multi-select column.
struct ImportValueSpec {
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

// tables, group_size, max_meetings: a column, or one value for every row.
struct ImportNumberSpec {
  int column = -1;
  std::optional<int> constant;
};

// unavailable: one cell listing times, or one checkbox column per time.
struct ImportUnavailableSpec {
  int column = -1;
  std::string delimiter;
  std::vector<std::pair<int, TimeWindow>> checkbox_columns;  // one per time
  std::vector<std::string> ignore;  // MatchKey'd answers meaning "none"
};

struct ImportMapping {
  ImportKind kind = ImportKind::kAttendees;
  std::string csv_path;
  std::string mapping_path;
  std::vector<std::string> headers;  // as written, space-collapsed

  // The event: the value vocabulary (from event.yaml, else grown from the
  // mapping) and the day's times, for availability.
  std::vector<ValueDef> vocabulary;
  std::optional<int> day_start, day_end;
  int slot_length = 15;

  ImportIdSpec id;
  ImportColumn name, email, timestamp, program, booth;
  bool day_first = false;  // date_order: dmy
  ImportValueSpec values;
  std::optional<ImportListSpec> offers, seeks, must_meet, avoid, wants;
  std::vector<std::pair<RequirementColumn, int>> requirements;  // (spec, col)
  std::optional<OtherSide> other_side;  // `employers:` / `attendees:` file
  bool has_unavailable = false;
  ImportUnavailableSpec unavailable;
  std::vector<std::pair<std::string, int>> extra;  // (key, column)
  ImportNumberSpec max_meetings, tables, group_size;

  bool for_attendees() const { return kind == ImportKind::kAttendees; }
};

// Reads the mapping `root` (the parsed mapping file) against `header`, the
// CSV's header record. Problems go to `diags` at the mapping's (or the
// event file's) FILE:LINE:COL; the result is meaningful only when
// diags->ok() afterwards.
ImportMapping ReadImportMapping(ImportKind kind, const std::string& csv_path,
                                const std::string& mapping_path,
                                const YamlNode& root, const CsvRecord& header,
                                Diagnostics* diags);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_IMPORT_MAPPING_H_
