// The second step of `fairmatch import` (docs/import.md): every record of
// the spreadsheet, read by the typed mapping (import_mapping.h) into an
// ImportRow of normalised text: names and tags space-collapsed, ratings
// rescaled to 0..5, unavailable times turned into available windows,
// references to the other side resolved to ids, requirement cells parsed.
//
//   std::vector<std::string> warnings;
//   std::vector<ImportRow> rows =
//       ReadImportRows(mapping, table, &diags, &warnings);
//
// Problems go to `diags` at the cell, "FILE.csv:LINE:COL" (the line the
// record starts on, the 1-based field); a control character other than
// white space is refused wherever it is. Rows are returned in input order,
// one per record, also when some of their cells had errors.
#ifndef FAIRMATCH_IO_IMPORT_ROWS_H_
#define FAIRMATCH_IO_IMPORT_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/io/csv.h"
#include "engine/io/diagnostics.h"
#include "engine/io/import_intents.h"
#include "engine/io/import_mapping.h"
#include "engine/model/fair.h"

namespace fairmatch {

struct ImportRow {
  int row = 0;   // index into the records
  int line = 0;  // physical line of the record
  std::string id;
  SourceMark id_mark;
  std::string name, email, email_key, program, booth;
  std::optional<int> tables, group_size, max_meetings;
  std::vector<std::pair<std::string, std::string>> values;  // (id, rating)
  std::vector<std::string> offers, seeks, must_meet, avoid, wants;
  std::vector<std::pair<std::string, CellRequirement>> requirements;
  bool has_available = false;  // the mapping reads unavailable times
  std::vector<TimeWindow> available;
  std::vector<std::pair<std::string, std::string>> extra;
  std::optional<std::int64_t> timestamp;  // ParseTimestamp of the cell
  std::string timestamp_text;
};

// Reads every record of `table` by `mapping`. Warnings that are not errors
// (a required value no entry of the other side's file has, each once) are
// appended to `warnings` as "FILE:LINE:COL: warning: ...".
std::vector<ImportRow> ReadImportRows(const ImportMapping& mapping,
                                      const CsvTable& table, Diagnostics* diags,
                                      std::vector<std::string>* warnings);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_IMPORT_ROWS_H_
