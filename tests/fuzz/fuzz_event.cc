// libFuzzer target: the fuzzer's bytes are event.yaml of an otherwise valid
// fair, loaded with LoadFair. Any crash, sanitizer report or escaping exception
// is a bug; an error status is the expected outcome for most inputs.
#include <cstddef>
#include <cstdint>

#include "engine/io/fair_loader.h"
#include "tests/fuzz/fuzz_fair.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace fairmatch;
  fuzz::WriteInput("event.yaml", data, size);
  absl::StatusOr<Fair> fair = LoadFair(fuzz::FairDir(), LoadOptions{});
  // A failure must say something; a success must be a usable fair.
  if (!fair.ok() && fair.status().message().empty()) __builtin_trap();
  if (fair.ok() && fair->slots.empty()) __builtin_trap();
  return 0;
}
