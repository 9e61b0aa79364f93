// Writes a set of files as one folder, all or nothing: everything goes to a
// fresh temporary folder beside the destination, which is then swapped into
// place atomically (renameat2 RENAME_EXCHANGE), so a failed or killed run
// leaves the previous folder exactly as it was.
#ifndef FAIRMATCH_IO_OUTPUT_DIR_H_
#define FAIRMATCH_IO_OUTPUT_DIR_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace fairmatch {

// `files` are (relative name, content) pairs; a name that is absolute,
// contains "..", or is otherwise able to leave the folder is rejected with
// InvalidArgumentError before anything is written. I/O failures are
// UnavailableError / PermissionDeniedError statuses naming the path.
absl::Status WriteOutputDir(
    const std::string& dir,
    const std::vector<std::pair<std::string, std::string>>& files);

// Writes one file atomically (temporary file + rename).
absl::Status WriteFileAtomically(const std::string& path,
                                 const std::string& content);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_OUTPUT_DIR_H_
