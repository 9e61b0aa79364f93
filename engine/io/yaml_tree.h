// A small YAML document tree that remembers where every node came from.
//
// yaml-cpp's Node API loses positions for some nodes, silently keeps one of
// two duplicate keys, expands aliases without limit and recurses as deep as
// the input nests. The loaders need the opposite on each count, so this
// module drives YAML::Parser with its own EventHandler and builds a tree of
// YamlNode values:
//
//   Diagnostics diags;
//   std::optional<YamlNode> root = ReadYamlFile("data/demo/event.yaml",
//   &diags); if (root && root->is_map()) { const YamlNode* name =
//   root->Find("name"); }
//
// Guarantees, each reported as "FILE:LINE:COL: error: ..." in `diags`:
//   - duplicate keys in one map are errors naming both lines (the first one
//     is kept so later checks still run);
//   - aliases are expanded here, and at most YamlLimits::max_alias_nodes
//     nodes may be created by expansion in one document (alias bombs fail);
//   - nesting deeper than YamlLimits::max_depth fails; a pre-scan of '['
//     and '{' nesting rejects absurd flow nesting before yaml-cpp, whose
//     parser is recursive, sees it;
//   - files above YamlLimits::max_bytes are refused without reading on;
//   - a UTF-8 byte order mark is dropped, CRLF line ends work, invalid UTF-8
//     and tabs in indentation are reported with their line and column;
//   - only one document per file; no yaml-cpp exception escapes.
// Text in the subset the fair files use (yaml_fast.h) is parsed by a
// purpose-built scanner into the same tree (the L bench fair's 14 MB
// attendees.yaml in about 0.5 s on two threads, where yaml-cpp took 2.7 s);
// any other text, and any text with a problem to report, goes through
// yaml-cpp.
// Scalars keep their text exactly as yaml-cpp delivers it: no type
// conversion happens here ("10:00" stays "10:00", "007" stays "007").
#ifndef FAIRMATCH_IO_YAML_TREE_H_
#define FAIRMATCH_IO_YAML_TREE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/io/diagnostics.h"
#include "engine/model/fair.h"

namespace fairmatch {

struct YamlEntry;

struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };

  Kind kind = Kind::kNull;
  SourceMark mark;
  std::string scalar;              // kScalar: the text
  bool quoted = false;             // kScalar: written in '...' or "..."
  std::vector<YamlNode> items;     // kSequence
  std::vector<YamlEntry> entries;  // kMap, in file order, keys unique

  bool is_null() const { return kind == Kind::kNull; }
  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_sequence() const { return kind == Kind::kSequence; }
  bool is_map() const { return kind == Kind::kMap; }

  // kMap: the value stored under `key`, or nullptr.
  const YamlNode* Find(absl::string_view key) const;
  // "a map", "a list", "text 'abc'", "nothing": for "expected X, got Y".
  std::string Describe() const;
};

// A map entry. Keys are always scalars (other keys are rejected).
struct YamlEntry {
  std::string key;
  SourceMark key_mark;
  YamlNode value;
};

struct YamlLimits {
  std::int64_t max_bytes = std::int64_t{64} << 20;       // 64 MiB
  int max_depth = 64;                                    // nested collections
  std::int64_t max_alias_nodes = 100000;                 // created by aliases
  std::int64_t max_alias_bytes = std::int64_t{4} << 20;  // text they copy

  // For a file of people (attendees.yaml, employers.yaml, a walk-ins
  // file), whose size follows the fair's: 1 GiB, room for 1,000,000
  // attendees as `fairmatch synth` writes them (about 380 bytes each) with
  // long extra fields, while still refusing a file that is no fair. The
  // alias and depth limits stay: they bound what a small file can expand
  // to, not what a large fair needs.
  static YamlLimits ForPeople() {
    YamlLimits limits;
    limits.max_bytes = std::int64_t{1} << 30;
    return limits;
  }
};

// Parses `text` as the contents of `file` (the name used in diagnostics).
// Returns the root (a kNull node at 1:1 for an empty document) or nullopt
// after adding the reason to `diags`. Duplicate keys are added to `diags`
// but still give a tree. REQUIRES: diags != nullptr.
std::optional<YamlNode> ParseYaml(absl::string_view text,
                                  const std::string& file, Diagnostics* diags,
                                  const YamlLimits& limits = {});

// ParseYaml without its fast path (yaml_fast.h): every text through
// yaml-cpp. The same tree and diagnostics, slower; for the tests that
// compare the two.
std::optional<YamlNode> ParseYamlWithYamlCpp(absl::string_view text,
                                             const std::string& file,
                                             Diagnostics* diags,
                                             const YamlLimits& limits = {});

// Reads `path` (at most limits.max_bytes) and parses it; the path is the
// file name in diagnostics. A missing file is a plain error here; callers
// that need NotFound check existence first.
std::optional<YamlNode> ReadYamlFile(const std::string& path,
                                     Diagnostics* diags,
                                     const YamlLimits& limits = {});

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_YAML_TREE_H_
