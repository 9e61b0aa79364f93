// `fairmatch import ... --merge`: adds what an import found to the
// attendees.yaml (or employers.yaml) it would otherwise replace, so that a
// walk-ins export or a grown registration export never loses anyone.
//
// Every existing entry is kept exactly as written (its text is not
// rewritten); imported people are appended after them, in row order, at
// the list's indentation, with the file's line ends (a byte order mark
// stays). An empty list (nothing, [], ~ or null after the key) is filled,
// its [], ~ or null removed. The file is read as the loader reads a file
// of people (YamlLimits::ForPeople()), and the merged text is read back
// before it is returned: a layout that would break is refused. An
// imported row whose id, or e-mail (ignoring case), an existing entry
// already has is left out with a note: the existing entry stays. One with
// the name (ignoring case and accents) of an existing entry is added, with
// a note asking whether it is the same person.
#ifndef FAIRMATCH_IO_IMPORT_MERGE_H_
#define FAIRMATCH_IO_IMPORT_MERGE_H_

#include <string>

#include "absl/status/statusor.h"
#include "engine/io/csv_import.h"

namespace fairmatch {

// Merges `imported` (from `csv_path`) into the file at `existing_path`.
// The result's yaml is the merged text, `imported` the number of entries
// added, notes the import's notes then one per row left out or doubted.
// Fails with NotFoundError when the file is missing and InvalidArgumentError
// ("FILE:LINE:COL: error: ...") when it does not parse (duplicate keys
// included), is not a list of entries under the kind's key, holds that
// list in flow style ([...]) with entries, is one flow map ({...}), or
// has the list in any other layout that entries cannot be appended to
// (an anchor, a tag, an explicit '? ' key).
absl::StatusOr<ImportResult> MergeImport(ImportKind kind,
                                         const std::string& existing_path,
                                         const std::string& csv_path,
                                         ImportResult imported);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_IMPORT_MERGE_H_
