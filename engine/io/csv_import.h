// Turns a registration spreadsheet (a CSV export of a form or a sheet) into
// attendees.yaml or employers.yaml, following a mapping file that says which
// column feeds which field (docs/import.md). The import runs in steps, each
// in its own module: the typed mapping (import_mapping.h), reading and
// normalising rows (import_rows.h, with import_times.h and import_text.h),
// one row per person (import_dedupe.h), and the YAML (import_writer.h).
//
//   absl::StatusOr<ImportResult> r = ImportCsvFile(
//       ImportKind::kAttendees, "registrations.csv", "attendees-mapping.yaml");
//   if (r.ok()) { r->yaml;  r->notes; }   // notes: dropped duplicates, ...
//
// The output is YAML text that `fairmatch plan` accepts unchanged: one entry
// per kept row, in input row order, so reruns on a grown export diff cleanly.
//
// Problems are collected, up to Diagnostics::kMaxErrors, and returned as an
// InvalidArgumentError (NotFoundError for a missing file) whose message has
// one line per problem:
//   - in the CSV, "FILE.csv:ROW:COL: error: ..." where ROW is the physical
//     line on which the record starts and COL the 1-based field index;
//   - in the mapping or event file, "FILE.yaml:LINE:COL: error: ...".
// Unknown headers, value labels and Likert answers come with a did-you-mean
// suggestion. Nothing is returned on error, so callers write all or nothing.
//
// Duplicate submissions: rows with the same e-mail address (compared
// trimmed and lower-cased) keep only the latest one, by the `timestamp`
// column when the mapping names one, else the last in the file; every
// dropped row is listed in ImportResult::notes.
//
// What it cannot see: whether the values, tags and employer ids it writes
// make a good fair. `fairmatch plan` validates the result against
// event.yaml and employers.yaml like any hand-written file.
#ifndef FAIRMATCH_IO_CSV_IMPORT_H_
#define FAIRMATCH_IO_CSV_IMPORT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/io/import_ids.h"      // IdFromEmail, Slugify, IdFromNameAndRow
#include "engine/io/import_mapping.h"  // ImportKind
#include "engine/io/import_writer.h"   // ImportedEntry

namespace fairmatch {

struct ImportResult {
  std::string yaml;                    // attendees.yaml or employers.yaml text
  std::vector<std::string> notes;      // "FILE:ROW: note: ...", in row order
  int rows = 0;                        // data rows read
  int imported = 0;                    // entries written
  std::vector<ImportedEntry> entries;  // in output order
};

// Reads `csv_path` and `mapping_path` (and the event file the mapping names,
// relative to the mapping's folder) and converts. Never throws.
absl::StatusOr<ImportResult> ImportCsvFile(ImportKind kind,
                                           const std::string& csv_path,
                                           const std::string& mapping_path);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_CSV_IMPORT_H_
