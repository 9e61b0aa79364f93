// libFuzzer target: the fuzzer's bytes as a YAML file, parsed by ParseYaml
// (the fast path of io/yaml_fast.h where it applies) and by
// ParseYamlWithYamlCpp. The two must agree: on failing or not, on the
// diagnostics, and on every node, scalar, quote flag and mark. A difference
// is a bug in the fast path.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/io/diagnostics.h"
#include "engine/io/yaml_tree.h"

namespace {

using fairmatch::YamlEntry;
using fairmatch::YamlNode;

void Dump(const YamlNode& n, std::string* out) {
  absl::StrAppend(out, n.mark.line, ":", n.mark.column, ":",
                  static_cast<int>(n.kind), n.quoted ? "q" : "p", "<", n.scalar,
                  ">[");
  for (const YamlNode& i : n.items) Dump(i, out);
  out->append("]{");
  for (const YamlEntry& e : n.entries) {
    absl::StrAppend(out, e.key_mark.line, ":", e.key_mark.column, "<", e.key,
                    ">=");
    Dump(e.value, out);
  }
  out->append("}");
}

std::string Result(const std::string& text, bool fast) {
  fairmatch::Diagnostics diags;
  std::optional<YamlNode> root =
      fast ? fairmatch::ParseYaml(text, "f.yaml", &diags)
           : fairmatch::ParseYamlWithYamlCpp(text, "f.yaml", &diags);
  std::string out = absl::StrJoin(diags.Lines(), "\n");
  if (root) Dump(*root, &out);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size > 1 << 16) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (Result(text, true) != Result(text, false)) __builtin_trap();
  return 0;
}
