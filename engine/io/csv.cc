#include "engine/io/csv.h"

#include <iterator>

#include "absl/strings/str_cat.h"
#include "engine/io/file_reader.h"

namespace fairmatch {
namespace {

constexpr absl::string_view kBom = "\xEF\xBB\xBF";

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values
// above U+10FFFF).
bool IsValidUtf8(absl::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int extra;
    unsigned int cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<size_t>(extra) >= s.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) ||
        (extra == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

}  // namespace

char DetectSeparator(absl::string_view text) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  int commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted) {
      if (c == '\n' || c == '\r') break;
      if (c == ',') ++commas;
      if (c == ';') ++semicolons;
      if (c == '\t') ++tabs;
    }
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

std::optional<CsvTable> ParseCsv(absl::string_view text,
                                 const std::string& file,
                                 const CsvOptions& options,
                                 Diagnostics* diags) {
  const int errors_before = diags->error_count();
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  CsvTable table;
  table.file = file;
  table.separator =
      options.separator != 0 ? options.separator : DetectSeparator(text);
  const char sep = table.separator;

  std::vector<CsvRecord> records;
  int line = 1;
  size_t i = 0;
  const size_t n = text.size();
  // One record per iteration.
  while (i < n) {
    // Skip blank lines between records.
    if (text[i] == '\n' || text[i] == '\r') {
      if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
      continue;
    }
    CsvRecord record;
    record.line = line;
    bool end_of_record = false;
    while (!end_of_record) {
      std::string field;
      const int column = static_cast<int>(record.fields.size()) + 1;
      if (i < n && text[i] == '"') {
        const int open_line = line;
        ++i;
        bool closed = false;
        while (i < n) {
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\r') {
            // CRLF or a lone CR inside a cell: one line break.
            field.push_back('\n');
            if (i + 1 < n && text[i + 1] == '\n') ++i;
            ++i;
            ++line;
            continue;
          }
          if (c == '\n') ++line;
          field.push_back(c);
          ++i;
        }
        if (!closed) {
          diags->Error({file, open_line, column},
                       "a quoted field is never closed: the '\"' that opens "
                       "it has no matching '\"' before the end of the file");
          return std::nullopt;
        }
        if (i < n && text[i] != sep && text[i] != '\n' && text[i] != '\r') {
          diags->Error({file, record.line, column},
                       absl::StrCat("unexpected text after the closing quote "
                                    "of a field; write a quote inside a "
                                    "quoted field as '\"\"'"));
          return std::nullopt;
        }
      } else {
        while (i < n && text[i] != sep && text[i] != '\n' && text[i] != '\r') {
          field.push_back(text[i]);
          ++i;
        }
      }
      if (!IsValidUtf8(field)) {
        diags->Error({file, record.line, column},
                     "the field is not valid UTF-8; export the sheet as "
                     "\"CSV UTF-8\"");
      }
      record.fields.push_back(std::move(field));
      if (i < n && text[i] == sep) {
        ++i;  // another field follows (possibly empty, at the line end)
      } else {
        if (i < n) {
          if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
          ++i;
          ++line;
        }
        end_of_record = true;
      }
    }
    records.push_back(std::move(record));
  }
  if (diags->error_count() > errors_before) return std::nullopt;
  if (records.empty()) {
    diags->Error({file, 0, 0}, "the file is empty; expected a header row");
    return std::nullopt;
  }
  table.header = std::move(records.front());
  table.records.assign(std::make_move_iterator(records.begin() + 1),
                       std::make_move_iterator(records.end()));
  return table;
}

std::optional<CsvTable> ReadCsvFile(const std::string& path,
                                    const CsvOptions& options,
                                    Diagnostics* diags) {
  std::string text;
  int error = 0;
  switch (ReadAtMost(path, options.max_bytes + 1, &text, &error)) {
    case ReadResult::kOk:
      break;
    case ReadResult::kCannotOpen:
      diags->Error({path, 0, 0}, "cannot open the file");
      return std::nullopt;
    case ReadResult::kIsFolder:
    case ReadResult::kCannotRead:
      diags->Error({path, 0, 0}, "cannot read the file");
      return std::nullopt;
  }
  if (text.size() > options.max_bytes) {
    diags->Error({path, 0, 0}, absl::StrCat("the file is larger than ",
                                            options.max_bytes >> 20, " MiB"));
    return std::nullopt;
  }
  return ParseCsv(text, path, options, diags);
}

}  // namespace fairmatch
