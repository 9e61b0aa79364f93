#include "engine/io/diagnostics.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace fairmatch {

std::string FormatDiagnostic(const SourceMark& mark,
                             absl::string_view message) {
  if (mark.line <= 0) return absl::StrCat(mark.file, ": error: ", message);
  return absl::StrCat(mark.file, ":", mark.line, ":", mark.column,
                      ": error: ", message);
}

void Diagnostics::RegisterFile(const std::string& file) { FileOrder(file); }

int Diagnostics::FileOrder(const std::string& file) {
  auto it = std::find(files_.begin(), files_.end(), file);
  if (it != files_.end()) return static_cast<int>(it - files_.begin());
  files_.push_back(file);
  return static_cast<int>(files_.size()) - 1;
}

void Diagnostics::Error(const SourceMark& mark, absl::string_view message) {
  if (static_cast<int>(entries_.size()) >= kMaxErrors) {
    overflow_ = true;
    return;
  }
  entries_.push_back(Entry{FileOrder(mark.file), mark.line, mark.column,
                           FormatDiagnostic(mark, message)});
}

void Diagnostics::NotFound(const std::string& file) {
  not_found_ = true;
  Error(SourceMark{file, 0, 0}, "file not found");
}

std::vector<std::string> Diagnostics::Lines() const {
  std::vector<const Entry*> sorted;
  sorted.reserve(entries_.size());
  for (const Entry& e : entries_) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Entry* x, const Entry* y) {
                     return std::tie(x->file_order, x->line, x->column) <
                            std::tie(y->file_order, y->line, y->column);
                   });
  std::vector<std::string> lines;
  lines.reserve(sorted.size() + 1);
  for (const Entry* e : sorted) lines.push_back(e->text);
  if (overflow_) lines.push_back("too many errors; stopping");
  return lines;
}

absl::Status Diagnostics::ToStatus() const {
  if (ok()) return absl::OkStatus();
  std::string message = absl::StrJoin(Lines(), "\n");
  if (not_found_) return absl::NotFoundError(message);
  return absl::InvalidArgumentError(message);
}

int EditDistance(absl::string_view a, absl::string_view b) {
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  const size_t n = a.size(), m = b.size();
  // Three rows suffice for the optimal-string-alignment distance.
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= m; ++j) {
      int cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1])) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::string ClosestMatch(absl::string_view word,
                         const std::vector<std::string>& candidates) {
  const int len = static_cast<int>(word.size());
  // Short words allow fewer edits, so "id" does not suggest "at".
  const int allowed = std::max(std::min(2, (len + 2) / 3), len / 3);
  int best = allowed + 1;
  std::string match;
  for (const std::string& c : candidates) {
    int d = EditDistance(word, c);
    if (d < best) {
      best = d;
      match = c;
    }
  }
  return match;
}

std::string DidYouMean(absl::string_view word,
                       const std::vector<std::string>& candidates) {
  std::string match = ClosestMatch(word, candidates);
  if (match.empty()) return "";
  return absl::StrCat("; did you mean '", match, "'?");
}

}  // namespace fairmatch
