// Layers the planner configuration. Each layer may set any subset of the
// keys, and later layers win:
//
//   1. built-in defaults: configs/default.yaml, compiled in as
//      kDefaultConfigYaml;
//   2. FAIR_DIR/config.yaml, if the file exists;
//   3. each LoadOptions::config_files entry, in order (each must exist);
//   4. each LoadOptions::sets entry "dotted.key=value", in order; the value
//      is read as one YAML scalar (or a flow list, for output.extra).
//
// The legal keys are exactly the leaves of the default document, so adding
// a setting means adding it to configs/default.yaml (and binding it to a
// Config field in config_loader.cc). Diagnostics for the N-th --set use the
// file name "--set", line N and the column of the problem inside that
// argument:
//
//   --set:1:1: error: unknown key 'weigths.values'; did you mean
//   'weights.values'?
#ifndef FAIRMATCH_IO_CONFIG_LOADER_H_
#define FAIRMATCH_IO_CONFIG_LOADER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/io/diagnostics.h"
#include "engine/io/fair_loader.h"
#include "engine/model/config.h"

namespace fairmatch {

// The layered configuration for the fair in `fair_dir` (which may be empty:
// then no FAIR_DIR/config.yaml layer). Fails with NotFoundError when a
// --config file is missing, InvalidArgumentError for bad content; the
// message holds one "FILE:LINE:COL: error: ..." line per problem.
absl::StatusOr<Config> LoadConfig(const std::string& fair_dir,
                                  const LoadOptions& options);

// The same layering, reported key by key in the order of the default file.
absl::StatusOr<std::vector<ConfigEntry>> ResolveConfig(
    const std::string& fair_dir, const LoadOptions& options);

// For LoadFair, which reports config problems together with the others:
// adds problems to `diags`, fills `config` and `entries` (either may be
// null) from whatever layers were valid. With `extra_keys` (every extra key
// of the fair's people), each key output.extra lists must select one of
// them (model/fair.h ExtraSelects), else it is an error at that key.
// Returns false if anything failed.
bool LoadConfigInto(const std::string& fair_dir, const LoadOptions& options,
                    Diagnostics* diags, Config* config,
                    std::vector<ConfigEntry>* entries,
                    const std::vector<std::string>* extra_keys = nullptr);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_CONFIG_LOADER_H_
