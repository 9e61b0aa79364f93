// libFuzzer target: the --set parser. Each line of the input is one
// `--set key=value` argument, applied in order over the defaults (no fair
// folder, so no config.yaml layer); an in-memory entry point, no files.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "engine/io/config_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace fairmatch;
  const std::string text(reinterpret_cast<const char*>(data), size);
  LoadOptions options;
  options.sets = absl::StrSplit(text, '\n');
  absl::StatusOr<Config> config = LoadConfig("", options);
  if (!config.ok() && config.status().message().empty()) __builtin_trap();
  ResolveConfig("", options).IgnoreError();
  return 0;
}
