// A fast path for the YAML the fair files are made of: block maps and
// lists, one-line flow lists and maps, and one-line plain, '...' and "..."
// scalars, with comments and blank lines. `fairmatch synth` and
// `fairmatch import` write only this, and so do most people by hand.
//
//   std::optional<YamlNode> root = ParseYamlFast(text, "attendees.yaml",
//                                                limits);
//   if (!root) { /* not in the subset, or not clean: use yaml-cpp */ }
//
// The tree is the one yaml_tree's yaml-cpp builder makes of the same text:
// the same kinds, scalars, `quoted` flags and FILE:LINE:COL marks
// (tests/io/yaml_fast_test.cc compares the two on every YAML file of the
// repository and on generated and mutated fairs). Anything else, and
// anything the builder would report (a duplicate key, a control character,
// nesting deeper than limits.max_depth), returns nullopt without a word, so
// that ParseYaml parses the text again with yaml-cpp, which gives the
// exact diagnostics: multi-line scalars and flows, block scalars (| >),
// anchors, aliases, tags, '?' keys, documents markers, directives, an
// empty document, and scalars with characters whose reading differs
// between YAML versions.
//
// REQUIRES: `text` has LF line ends, no byte order mark, and passed
// yaml_tree's pre-scan (valid UTF-8, no tab in indentation).
#ifndef FAIRMATCH_IO_YAML_FAST_H_
#define FAIRMATCH_IO_YAML_FAST_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "engine/io/yaml_tree.h"

namespace fairmatch {

std::optional<YamlNode> ParseYamlFast(absl::string_view text,
                                      const std::string& file,
                                      const YamlLimits& limits);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_YAML_FAST_H_
