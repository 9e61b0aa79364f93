// Loads and validates a fair folder: event.yaml, attendees.yaml,
// employers.yaml, the day's changes (changes.yaml, then each --changes) and
// the layered configuration. Every problem found is
// reported as "FILE:LINE:COL: error: message", up to 50 in one pass.
//
//   LoadOptions options;
//   options.config_files = {"rerun.yaml"};
//   options.sets = {"min_score=0.3"};
//   absl::StatusOr<Fair> fair = LoadFair("data/demo", options);
//
// Fails with InvalidArgumentError (bad content) or NotFoundError (a
// required file is missing); the status message holds one diagnostic per
// line. Never throws.
#ifndef FAIRMATCH_IO_FAIR_LOADER_H_
#define FAIRMATCH_IO_FAIR_LOADER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/fair.h"

namespace fairmatch {

struct LoadOptions {
  std::vector<std::string> config_files;  // each --config FILE, in order
  std::vector<std::string> sets;          // each --set key=value, in order
  // Each --changes FILE, applied in order after FAIR_DIR/changes.yaml
  // (io/changes_loader.h).
  std::vector<std::string> changes_files;
};

absl::StatusOr<Fair> LoadFair(const std::string& dir,
                              const LoadOptions& options);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_FAIR_LOADER_H_
