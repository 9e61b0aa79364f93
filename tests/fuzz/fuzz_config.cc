// libFuzzer target: the fuzzer's bytes are FAIR_DIR/config.yaml, layered
// over the built-in defaults by LoadConfig.
#include <cstddef>
#include <cstdint>

#include "engine/io/config_loader.h"
#include "tests/fuzz/fuzz_fair.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace fairmatch;
  fuzz::WriteInput("config.yaml", data, size);
  absl::StatusOr<Config> config = LoadConfig(fuzz::FairDir(), LoadOptions{});
  if (!config.ok() && config.status().message().empty()) __builtin_trap();
  // Whatever loads must satisfy the documented ranges.
  if (config.ok() &&
      (config->meetings_max < config->meetings_min || config->group_size < 1 ||
       config->min_score < 0 || config->min_score > 1)) {
    __builtin_trap();
  }
  return 0;
}
