// The third step of `fairmatch import` (docs/import.md): one entry per
// person. People submit a form twice (a correction, a changed mind); the
// latest submission per e-mail address is the one that counts.
//
//   std::vector<ImportRow> kept =
//       KeepLatestSubmissions(std::move(rows), "form.csv", &notes);
//   CheckUniqueImportIds(kept, &diags);
#ifndef FAIRMATCH_IO_IMPORT_DEDUPE_H_
#define FAIRMATCH_IO_IMPORT_DEDUPE_H_

#include <string>
#include <vector>

#include "engine/io/diagnostics.h"
#include "engine/io/import_rows.h"

namespace fairmatch {

// Keeps the latest row per e-mail address (compared trimmed and lower-cased,
// ImportRow::email_key): the later timestamp, or on a tie or without
// timestamps the later row. Rows without an e-mail are all kept. The kept
// rows stay in input order; each dropped row becomes a note
// "CSV:LINE: note: dropped row ...: replaced by row ..." appended to
// `notes` in line order.
std::vector<ImportRow> KeepLatestSubmissions(std::vector<ImportRow> rows,
                                             const std::string& csv_path,
                                             std::vector<std::string>* notes);

// Reports every id given to two kept rows, at the later row's id cell.
void CheckUniqueImportIds(const std::vector<ImportRow>& kept,
                          Diagnostics* diags);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_IMPORT_DEDUPE_H_
