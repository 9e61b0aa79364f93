#include "engine/io/diagnostics.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/base/control_chars.h"

namespace fairmatch {

std::string FormatDiagnostic(const SourceMark& mark, absl::string_view message,
                             absl::string_view severity) {
  // One line, always: user text quoted in a message (or a file name) can
  // never start a new line or carry a terminal escape.
  const std::string file = EscapeControlCharacters(mark.file.str());
  const std::string text = EscapeControlCharacters(message);
  if (mark.line <= 0) return absl::StrCat(file, ": ", severity, ": ", text);
  return absl::StrCat(file, ":", mark.line, ":", mark.column, ": ", severity,
                      ": ", text);
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
  entries_.push_back(Entry{FileOrder(mark.file.str()), mark.line, mark.column,
                           FormatDiagnostic(mark, message)});
}

void Diagnostics::Warning(const SourceMark& mark, absl::string_view message) {
  if (static_cast<int>(warnings_.size()) >= kMaxErrors) return;
  warnings_.push_back(Entry{FileOrder(mark.file.str()), mark.line, mark.column,
                            FormatDiagnostic(mark, message, "warning")});
}

void Diagnostics::NotFound(const std::string& file) {
  not_found_ = true;
  Error(SourceMark{file, 0, 0}, "file not found");
}

namespace {

std::vector<const Diagnostics::Entry*> InFileOrder(
    const std::vector<Diagnostics::Entry>& entries) {
  std::vector<const Diagnostics::Entry*> sorted;
  sorted.reserve(entries.size());
  for (const Diagnostics::Entry& e : entries) sorted.push_back(&e);
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [](const Diagnostics::Entry* x, const Diagnostics::Entry* y) {
        return std::tie(x->file_order, x->line, x->column) <
               std::tie(y->file_order, y->line, y->column);
      });
  return sorted;
}

}  // namespace

std::vector<std::string> Diagnostics::WarningLines() const {
  std::vector<std::string> lines;
  for (const Entry* e : InFileOrder(warnings_)) lines.push_back(e->text);
  return lines;
}

std::vector<std::string> Diagnostics::Lines() const {
  std::vector<std::string> lines;
  for (const Entry* e : InFileOrder(entries_)) lines.push_back(e->text);
  if (overflow_) lines.push_back("too many errors; stopping");
  return lines;
}

absl::Status Diagnostics::ToStatus() const {
  if (ok()) return absl::OkStatus();
  std::string message = absl::StrJoin(Lines(), "\n");
  if (not_found_) return absl::NotFoundError(message);
  return absl::InvalidArgumentError(message);
}

}  // namespace fairmatch
