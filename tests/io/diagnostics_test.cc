#include "engine/io/diagnostics.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace fairmatch {
namespace {

using Lines = std::vector<std::string>;

TEST_CASE("diagnostics: one line per problem, FILE:LINE:COL or FILE", "[io]") {
  CHECK(FormatDiagnostic({"a.yaml", 3, 7}, "bad") == "a.yaml:3:7: error: bad");
  CHECK(FormatDiagnostic({"a.yaml", 0, 0}, "file not found") ==
        "a.yaml: error: file not found");
  CHECK(FormatDiagnostic({"a.yaml", 1, 1}, "odd", "warning") ==
        "a.yaml:1:1: warning: odd");
  // User text can never start a new line or carry an escape.
  const std::string forged = FormatDiagnostic(
      {"a.yaml", 1, 1}, "unknown 'x\nb.yaml:1:1: error: \x1b[31m'");
  CHECK(forged.find('\n') == std::string::npos);
  CHECK(forged.find('\x1b') == std::string::npos);
}

TEST_CASE(
    "diagnostics: grouped by file in registration order, then by "
    "position, stable",
    "[io]") {
  Diagnostics d;
  d.RegisterFile("event.yaml");
  d.RegisterFile("attendees.yaml");
  d.Error({"attendees.yaml", 9, 1}, "third");
  d.Error({"attendees.yaml", 2, 5}, "second");
  d.Error({"other.yaml", 1, 1}, "last: a file first seen here");
  d.Error({"event.yaml", 4, 2}, "first");
  d.Error({"attendees.yaml", 9, 1}, "third, found later");
  CHECK_FALSE(d.ok());
  CHECK(d.error_count() == 5);
  CHECK(d.Lines() == Lines{"event.yaml:4:2: error: first",
                           "attendees.yaml:2:5: error: second",
                           "attendees.yaml:9:1: error: third",
                           "attendees.yaml:9:1: error: third, found later",
                           "other.yaml:1:1: error: last: a file first seen "
                           "here"});
  const absl::Status status = d.ToStatus();
  CHECK(status.code() == absl::StatusCode::kInvalidArgument);
  CHECK(std::string(status.message())
            .rfind("event.yaml:4:2: error: first\n", 0) == 0);
}

TEST_CASE("diagnostics: warnings never fail; a missing file is NotFound",
          "[io]") {
  Diagnostics d;
  d.Warning({"a.yaml", 2, 1}, "later");
  d.Warning({"a.yaml", 1, 1}, "sooner");
  CHECK(d.ok());
  CHECK(d.ToStatus().ok());
  CHECK(d.WarningLines() ==
        Lines{"a.yaml:1:1: warning: sooner", "a.yaml:2:1: warning: later"});
  d.NotFound("employers.yaml");
  CHECK(d.ToStatus().code() == absl::StatusCode::kNotFound);
  CHECK(d.Lines() == Lines{"employers.yaml: error: file not found"});
}

TEST_CASE("diagnostics: at most kMaxErrors, then one line saying so", "[io]") {
  Diagnostics d;
  for (int i = 1; i <= Diagnostics::kMaxErrors + 20; ++i) {
    CHECK(d.full() == (i > Diagnostics::kMaxErrors));
    d.Error({"a.yaml", i, 1}, absl::StrCat("error ", i));
  }
  const Lines lines = d.Lines();
  REQUIRE(lines.size() == Diagnostics::kMaxErrors + 1);
  CHECK(lines[Diagnostics::kMaxErrors - 1] ==
        absl::StrCat("a.yaml:", Diagnostics::kMaxErrors, ":1: error: error ",
                     Diagnostics::kMaxErrors));
  CHECK(lines.back() == "too many errors; stopping");
  for (int i = 0; i < 2 * Diagnostics::kMaxErrors; ++i) {
    d.Warning({"a.yaml", i, 1}, "w");
  }
  CHECK(d.WarningLines().size() == Diagnostics::kMaxErrors);
}

}  // namespace
}  // namespace fairmatch
