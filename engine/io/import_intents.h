// The import's reference and requirement columns (docs/import.md,
// "Wishes, must-meets and requirements"): turning the cells of a form or a
// sheet into ids of the other side (an attendee's "Top 5 employers you'd
// like to meet", an employer's pre-selected students by e-mail) and into
// `requires:` clauses (an employer's "Which programmes are you recruiting
// from?", "Graduation years", a yes/no "Work authorisation required").
//
// csv_import.cc reads the mapping and the rows; this file holds what one
// cell means, so each rule has one home and a test of its own:
//
//   absl::StatusOr<OtherSide> emp = OtherSide::Read("employers.yaml",
//                                                   OtherSide::kEmployers, &d);
//   RefMatch m = emp->Resolve("Acme Energie", RefBy::kAny, true);
//   // m.id == "acme-energie", or m.error == "unknown employer 'Acme
//   // Enrgie' (no name, e-mail or id in employers.yaml)" and
//   // m.suggestion == "; did you mean 'Acme Énergie'?"
#ifndef FAIRMATCH_IO_IMPORT_INTENTS_H_
#define FAIRMATCH_IO_IMPORT_INTENTS_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "engine/io/diagnostics.h"

namespace fairmatch {

// What the items of a reference column are: `by:` in the mapping.
enum class RefBy {
  kAny,    // with the other side's file: an id, an e-mail or a name
  kId,     // ids as the other side's file has them
  kName,   // names (`names: true`); without the file, ids made by Slugify
  kEmail,  // e-mail addresses; without the file, ids made by IdFromEmail
};

// One reference resolved: the id, or why there is none.
struct RefMatch {
  std::string id;
  std::string error;       // non-empty: the message for the cell
  std::string suggestion;  // "; did you mean 'x'?" or ""
};

// Without the other side's file, the id an item stands for: as written
// (kId, kAny; it must be a valid id), `prefix` + Slugify(item) (kName), or
// IdFromEmail(prefix, item) (kEmail; it must look like an e-mail). `noun`
// ("employer", "attendee") words the error.
RefMatch DeriveRef(absl::string_view item, RefBy by, absl::string_view prefix,
                   absl::string_view noun);

// The people of the other side's YAML file (employers.yaml for an attendee
// mapping's `employers:`, attendees.yaml for an employer mapping's
// `attendees:`): what references are resolved against, and which values
// of each field exist (for did-you-mean on requirement values).
class OtherSide {
 public:
  enum Kind { kAttendees, kEmployers };

  // Reads `path` (its list under "attendees" or "employers", each entry's
  // id, name, email, program and scalar extra fields). Problems in the
  // file go to `diags` at their place; nullopt when it cannot be used.
  static std::optional<OtherSide> Read(const std::string& path, Kind kind,
                                       Diagnostics* diags);

  // Resolves one item: an exact id first (kAny, kId), then an e-mail
  // (kAny, kEmail; ignoring case), then a name (kAny, kName; ignoring case,
  // accents, punctuation and spacing, as Slugify does). An unknown or
  // ambiguous item gets an error naming the file; with `suggest`, an
  // unknown one gets a did-you-mean over the names (or e-mails, or ids).
  RefMatch Resolve(absl::string_view item, RefBy by, bool suggest) const;

  // Whether someone has `value` (compared as requirements compare, tags'
  // normal form) in `field` ("program" or "extra.KEY"); when not, with
  // `suggest`, "; did you mean ...?" over the values present ("" when none
  // is close, or for a number). True when nobody has the field at all: the
  // plan's loader warns about that.
  bool HasValue(absl::string_view field, absl::string_view value, bool suggest,
                std::string* did_you_mean) const;

  const std::string& path() const { return path_; }
  absl::string_view noun() const {
    return kind_ == kEmployers ? "employer" : "attendee";
  }

 private:
  struct Person {
    std::string id, name, email;
  };
  Kind kind_ = kEmployers;
  std::string path_;
  std::vector<Person> people_;
  absl::flat_hash_map<std::string, int> by_id_;
  absl::flat_hash_map<std::string, int> by_email_;  // lower case
  absl::flat_hash_map<std::string, int> by_name_;   // Slugify; -1: several
  // field -> normal form -> the value as written (first seen)
  absl::flat_hash_map<std::string,
                      std::vector<std::pair<std::string, std::string>>>
      values_;
};

// A requirement column of a mapping's `requires:`.
struct RequirementColumn {
  std::string field;      // "program" or "extra.KEY"
  std::string delimiter;  // for lists; empty: SplitList's default
  // Non-empty: the column is a yes/no question; a yes (any answer but
  // empty, no, false, 0, n) requires one of these values, a no nothing.
  std::vector<std::string> accept;
  std::vector<std::string> ignore;  // MatchKey'd answers meaning "anyone"
};

// What one cell of a requirement column asks: nothing (empty, a no, an
// ignored answer), a list of accepted values, or a range of numbers.
struct CellRequirement {
  std::vector<std::string> any_of;
  std::optional<double> min, max;
  bool empty() const { return any_of.empty() && !min && !max; }
};

// Reads a cell. A range is a whole cell such as "2026-2027", "2026 – 2027",
// "2026 to 2027", "2026+", ">= 2026" or "<= 2027"; anything else is a list
// (split as SplitList does). Returns false with `error` set for a range
// whose ends are reversed.
bool ReadRequirementCell(absl::string_view cell, const RequirementColumn& col,
                         CellRequirement* out, std::string* error);

// "    requires: {program: [CS, Economics], extra.year: {min: 2026}}\n", or
// nothing when `clauses` is empty.
void AppendRequires(
    std::string* out,
    const std::vector<std::pair<std::string, CellRequirement>>& clauses);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_IMPORT_INTENTS_H_
