// Turns a registration spreadsheet (a CSV export of a form or a sheet) into
// attendees.yaml or employers.yaml, following a mapping file that says which
// column feeds which field (docs/import.md):
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

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "engine/io/import_ids.h"  // IdFromEmail, Slugify, IdFromNameAndRow

namespace fairmatch {

enum class ImportKind { kAttendees, kEmployers };

// One entry written, with its text ("  - id: ...\n    name: ...\n...").
struct ImportedEntry {
  std::string id;
  std::string name;
  std::string email;
  int line = 0;  // the CSV line its row starts on
  std::string text;
};

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

// Seconds since 0000-03-01 (only the order matters) for the timestamp
// formats spreadsheets write: "2027-02-01 14:03:22", "2027-02-01T14:03:22Z",
// "2027/02/01 14:03", "2/1/2027 14:03:22" (month first unless
// `day_first`), "1.2.2027 14:03" (always day first), with optional seconds,
// optional "AM"/"PM", or a date alone. nullopt when the text is none of
// these or not a real date and time.
std::optional<std::int64_t> ParseTimestamp(absl::string_view text,
                                           bool day_first);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_CSV_IMPORT_H_
