// libFuzzer target: the fuzzer's bytes as a YAML file, parsed by ParseYaml
// (the fast path of io/yaml_fast.h where it applies) and by
// ParseYamlWithYamlCpp. The two must agree: on failing or not, on the
// diagnostics, and on every node, scalar, quote flag and mark. A difference
// is a bug in the fast path.
#include <cstddef>
#include <cstdint>
#include <string>

#include "tests/fixtures/yaml_paths.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size > 1 << 16) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (fairmatch::testing::ParsedBy(text, true) !=
      fairmatch::testing::ParsedBy(text, false)) {
    __builtin_trap();
  }
  return 0;
}
