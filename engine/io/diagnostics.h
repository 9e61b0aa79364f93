// Collects the problems found while loading a fair, as lines of the form
//
//   FILE:LINE:COL: error: message
//   FILE: error: message            (when no position is known)
//
// so that one run reports every problem at once, up to a cap. Loaders add
// errors as they go and turn the collection into a Status at the end:
//
//   Diagnostics diags;
//   diags.Error(mark, "rating for 'impact' must be a number from 0 to 5");
//   return diags.ToStatus();
//
// Lines are grouped by file in the order the files were first registered or
// mentioned, then ordered by line and column; the sort is stable, so two
// problems at one spot keep the order they were found in.
#ifndef FAIRMATCH_IO_DIAGNOSTICS_H_
#define FAIRMATCH_IO_DIAGNOSTICS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "engine/model/fair.h"

namespace fairmatch {

class Diagnostics {
 public:
  // At most this many errors are kept; then "too many errors; stopping".
  static constexpr int kMaxErrors = 50;

  // Fixes the position of `file` in the output order (files not registered
  // are placed in the order they first appear).
  void RegisterFile(const std::string& file);

  // Records an error at `mark`. A mark with line 0 prints as "FILE: error:".
  void Error(const SourceMark& mark, absl::string_view message);
  // Records a warning: worth telling, never a failure. At most kMaxErrors
  // are kept.
  void Warning(const SourceMark& mark, absl::string_view message);
  // Records that a required file is missing; ToStatus then returns
  // NotFoundError.
  void NotFound(const std::string& file);

  bool ok() const { return entries_.empty() && !overflow_; }
  // True once kMaxErrors are kept: further errors are dropped, so callers
  // skip costly work for them (did-you-mean over thousands of ids).
  bool full() const { return static_cast<int>(entries_.size()) >= kMaxErrors; }
  int error_count() const { return static_cast<int>(entries_.size()); }

  // OkStatus when nothing was recorded; NotFoundError if any required file
  // was missing; otherwise InvalidArgumentError. The message is the
  // diagnostics joined by '\n', without a trailing newline.
  absl::Status ToStatus() const;
  // The formatted lines, in output order.
  std::vector<std::string> Lines() const;
  // The warnings, "FILE:LINE:COL: warning: ...", in the same order.
  std::vector<std::string> WarningLines() const;

  struct Entry {
    int file_order;
    int line;
    int column;
    std::string text;
  };

 private:
  int FileOrder(const std::string& file);

  std::vector<std::string> files_;
  std::vector<Entry> entries_;
  std::vector<Entry> warnings_;
  bool overflow_ = false;
  bool not_found_ = false;
};

// "FILE:LINE:COL: error: message", or "FILE: error: message" without a line
// (another `severity`, e.g. "warning", in place of "error").
std::string FormatDiagnostic(const SourceMark& mark, absl::string_view message,
                             absl::string_view severity = "error");

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_DIAGNOSTICS_H_
