// A reader for spreadsheet exports: RFC 4180 CSV as Google Forms, Excel and
// LibreOffice write it, with the deviations real files have.
//
//   Diagnostics diags;
//   std::optional<CsvTable> table = ParseCsv(text, "people.csv", {}, &diags);
//   if (table) {
//     for (const CsvRecord& r : table->records) { r.line; r.fields[0]; }
//   }
//
// What it accepts:
//   - a UTF-8 byte order mark at the start (dropped);
//   - records ending in LF, CRLF or a lone CR; a last record without a line
//     end;
//   - fields in double quotes holding separators, quotes written `""`, and
//     line breaks (multi-line cells; a CRLF inside a cell becomes "\n");
//   - a comma, semicolon or tab separator, detected from the header line
//     (the one of the three that occurs most often outside quotes; comma on
//     a tie or when none occurs) unless CsvOptions::separator fixes it;
//   - blank lines between records (skipped).
// What it rejects, as "FILE:LINE:COL: error: ..." (LINE is the physical line
// where the record starts, COL the 1-based index of the field):
//   - a quote that is never closed;
//   - text after a closing quote other than a separator or line end
//     (`"abc"x`);
//   - invalid UTF-8.
// Records may have fewer or more fields than the header; callers decide.
#ifndef FAIRMATCH_IO_CSV_H_
#define FAIRMATCH_IO_CSV_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/io/diagnostics.h"

namespace fairmatch {

struct CsvRecord {
  int line = 0;  // physical line (from 1) on which the record starts
  std::vector<std::string> fields;
};

struct CsvTable {
  std::string file;  // the name used in diagnostics
  char separator = ',';
  CsvRecord header;                // the first record
  std::vector<CsvRecord> records;  // every record after the header
};

struct CsvOptions {
  // ',' ';' or '\t'; 0 detects it from the header line.
  char separator = 0;
  std::size_t max_bytes = std::size_t{64} << 20;  // 64 MiB
};

// The separator the header line (text up to the first line end outside
// quotes) suggests: the most frequent of ',', ';', '\t' outside quotes;
// ',' on a tie or when none occurs.
char DetectSeparator(absl::string_view text);

// Parses `text` as the contents of `file`. Returns nullopt after adding the
// problems to `diags` (an empty file is an error: there is no header).
// REQUIRES: diags != nullptr.
std::optional<CsvTable> ParseCsv(absl::string_view text,
                                 const std::string& file,
                                 const CsvOptions& options, Diagnostics* diags);

// Reads `path` and parses it; the path is the file name in diagnostics.
std::optional<CsvTable> ReadCsvFile(const std::string& path,
                                    const CsvOptions& options,
                                    Diagnostics* diags);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_CSV_H_
