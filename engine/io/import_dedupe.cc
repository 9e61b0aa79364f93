#include "engine/io/import_dedupe.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"

namespace fairmatch {

std::vector<ImportRow> KeepLatestSubmissions(std::vector<ImportRow> entries,
                                             const std::string& csv_path,
                                             std::vector<std::string>* notes) {
  std::map<std::string, int> latest;  // e-mail -> index into entries
  std::vector<bool> dropped(entries.size(), false);
  std::vector<std::pair<int, std::string>> dropped_notes;
  auto later = [](const ImportRow& a, const ImportRow& b) {
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
    const ImportRow& w = entries[winner];
    const ImportRow& l = entries[loser];
    std::string when = w.timestamp_text.empty()
                           ? std::string(" (later in the file)")
                           : absl::StrCat(" submitted ", w.timestamp_text);
    dropped_notes.emplace_back(
        l.line, absl::StrCat(csv_path, ":", l.line, ": note: dropped row ",
                             l.line, " (", l.email,
                             l.timestamp_text.empty()
                                 ? ""
                                 : absl::StrCat(", ", l.timestamp_text),
                             "): replaced by row ", w.line, when));
  }
  std::sort(dropped_notes.begin(), dropped_notes.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [line, text] : dropped_notes) notes->push_back(std::move(text));
  std::vector<ImportRow> kept;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (!dropped[i]) kept.push_back(std::move(entries[i]));
  }
  return kept;
}

void CheckUniqueImportIds(const std::vector<ImportRow>& kept,
                          Diagnostics* diags) {
  std::map<std::string, int> seen;  // id -> line
  for (const ImportRow& e : kept) {
    if (e.id.empty()) continue;
    auto [it, inserted] = seen.emplace(e.id, e.line);
    if (!inserted) {
      diags->Error(e.id_mark, absl::StrCat("duplicate id '", e.id, "'; row ",
                                           it->second, " has it too"));
    }
  }
}
}  // namespace fairmatch
