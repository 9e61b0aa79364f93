// Reading renderer output back: CSV records and the HTML sheets. The
// renderers' fair (FixtureFair, FixtureSchedule) is in
// tests/fixtures/spring_fair.h, Contains and CountOccurrences in
// tests/fixtures/text_search.h.
#ifndef FAIRMATCH_TESTS_RENDER_RENDER_FIXTURE_H_
#define FAIRMATCH_TESTS_RENDER_RENDER_FIXTURE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fairmatch::testing {

// Parses RFC 4180 text whose records end in CRLF. Returns false (leaving
// what was read in *records) on a bare CR or LF outside quotes, a stray
// quote, or text after the last CRLF.
inline bool ParseCsv(std::string_view text,
                     std::vector<std::vector<std::string>>* records) {
  records->clear();
  std::vector<std::string> record;
  std::string cell;
  std::size_t i = 0;
  bool cell_started = false;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' && !cell_started) {
      ++i;
      while (true) {
        if (i >= text.size()) return false;
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell.push_back(text[i++]);
      }
      cell_started = true;
      if (i < text.size() && text[i] != ',' && text[i] != '\r') return false;
      continue;
    }
    if (c == ',') {
      record.push_back(std::move(cell));
      cell.clear();
      cell_started = false;
      ++i;
      continue;
    }
    if (c == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n') return false;
      record.push_back(std::move(cell));
      cell.clear();
      cell_started = false;
      records->push_back(std::move(record));
      record.clear();
      i += 2;
      continue;
    }
    if (c == '\n' || c == '"') return false;
    cell.push_back(c);
    cell_started = true;
    ++i;
  }
  return record.empty() && cell.empty();
}

// The HTML of each <section class="sheet">, in document order.
inline std::vector<std::string> Sheets(const std::string& html) {
  static constexpr std::string_view kOpen = "<section class=\"sheet\"";
  static constexpr std::string_view kClose = "</section>";
  std::vector<std::string> sheets;
  for (std::size_t pos = html.find(kOpen); pos != std::string::npos;
       pos = html.find(kOpen, pos + 1)) {
    std::size_t end = html.find(kClose, pos);
    if (end == std::string::npos) break;
    sheets.push_back(html.substr(pos, end + kClose.size() - pos));
  }
  return sheets;
}

}  // namespace fairmatch::testing

#endif  // FAIRMATCH_TESTS_RENDER_RENDER_FIXTURE_H_
