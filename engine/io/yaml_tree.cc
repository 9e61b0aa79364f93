#include "engine/io/yaml_tree.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/base/control_chars.h"
#include "engine/io/file_reader.h"
#include "engine/io/yaml_fast.h"
#include "yaml-cpp/eventhandler.h"
#include "yaml-cpp/exceptions.h"
#include "yaml-cpp/mark.h"
#include "yaml-cpp/parser.h"

namespace fairmatch {
namespace {

// Thrown by the event handler to abandon a parse; caught in ParseYaml.
struct AbortParse {
  SourceMark mark;
  std::string message;
};

// Turns yaml-cpp marks (0-based line, 0-based column in bytes) into
// SourceMarks (1-based line, 1-based column in characters, which is what
// editors show for non-ASCII text).
class MarkConverter {
 public:
  MarkConverter(const std::string& file, const std::string& text)
      : file_(file), text_(text) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  SourceMark operator()(const YAML::Mark& mark) {
    if (mark.is_null() || mark.line < 0 || mark.column < 0) {
      return SourceMark{file_, 0, 0};
    }
    const size_t line = static_cast<size_t>(mark.line);
    if (line >= line_starts_.size()) {
      return SourceMark{file_, mark.line + 1, mark.column + 1};
    }
    const size_t start = line_starts_[line];
    const size_t byte = std::min(start + mark.column, text_.size());
    // Marks mostly move forward, so continue counting from the last one
    // on the same line instead of from the line start (long flow lines).
    if (line != cached_line_ || byte < cached_byte_) {
      cached_line_ = line;
      cached_byte_ = start;
      cached_chars_ = 0;
    }
    for (; cached_byte_ < byte; ++cached_byte_) {
      if ((static_cast<unsigned char>(text_[cached_byte_]) & 0xC0) != 0x80) {
        ++cached_chars_;
      }
    }
    return SourceMark{file_, mark.line + 1, cached_chars_ + 1};
  }

  // The byte offset of `mark` in the text, or npos when it has none.
  size_t Offset(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0 || mark.column < 0)
      return std::string::npos;
    const size_t line = static_cast<size_t>(mark.line);
    if (line >= line_starts_.size()) return std::string::npos;
    const size_t byte = line_starts_[line] + static_cast<size_t>(mark.column);
    return byte < text_.size() ? byte : std::string::npos;
  }
  const std::string& text() const { return text_; }

 private:
  const FileName file_;  // interned once, copied into every mark
  const std::string& text_;
  std::vector<size_t> line_starts_;
  size_t cached_line_ = static_cast<size_t>(-1);
  size_t cached_byte_ = 0;
  int cached_chars_ = 0;
};

// yaml-cpp's messages are terse; say what usually causes them.
std::string FriendlyParserMessage(const std::string& msg) {
  static const std::pair<const char*, const char*> kHints[] = {
      {YAML::ErrorMsg::END_OF_SEQ_FLOW,
       "a list opened with '[' is not closed with ']'"},
      {YAML::ErrorMsg::END_OF_MAP_FLOW,
       "a map opened with '{' is not closed with '}'"},
      {YAML::ErrorMsg::MAP_VALUE,
       "unexpected ':'; check the indentation, and put text that contains "
       "': ' in quotes"},
      {YAML::ErrorMsg::BLOCK_ENTRY,
       "unexpected '-' list item; check the indentation"},
      {YAML::ErrorMsg::END_OF_MAP,
       "a map ends unexpectedly; check the indentation"},
      {YAML::ErrorMsg::END_OF_SEQ,
       "a list ends unexpectedly; check the indentation"},
      {YAML::ErrorMsg::EOF_IN_SCALAR,
       "the file ends inside quoted text; a closing quote is missing"},
      {YAML::ErrorMsg::TAB_IN_INDENTATION,
       "tab character in indentation; indent with spaces"},
      {YAML::ErrorMsg::UNKNOWN_ANCHOR,
       "'*' alias refers to an anchor ('&name') that is not defined before "
       "it"},
  };
  for (const auto& [raw, hint] : kHints) {
    if (msg == raw) return absl::StrCat("YAML syntax error: ", hint);
  }
  return absl::StrCat("YAML syntax error: ", msg);
}

// Builds the YamlNode tree from parser events.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(MarkConverter* to_mark, const YamlLimits& limits,
              Diagnostics* diags)
      : to_mark_(*to_mark), limits_(limits), diags_(diags) {}

  bool has_root() const { return has_root_; }
  YamlNode TakeRoot() { return std::move(root_); }
  int documents() const { return documents_; }
  const SourceMark& last_document_mark() const { return document_mark_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    ++documents_;
    document_mark_ = to_mark_(mark);
    if (documents_ > 1) {
      throw AbortParse{document_mark_,
                       "a second YAML document starts here; a fair file "
                       "holds one document (remove the '---' line)"};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.mark = to_mark_(mark);
    Add(std::move(node), 1, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    SourceMark where = to_mark_(mark);
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      throw AbortParse{where,
                       "'*' alias refers to a collection that contains it; "
                       "recursive aliases are not allowed"};
    }
    // Both what aliases create and how much text they copy are capped: a
    // few aliases of one huge scalar are as costly as many small ones.
    alias_nodes_ += it->second.nodes;
    alias_bytes_ += it->second.bytes;
    if (alias_nodes_ > limits_.max_alias_nodes) {
      throw AbortParse{
          where, absl::StrFormat("aliases expand to more than %d nodes; "
                                 "write the data out instead of using '*'",
                                 limits_.max_alias_nodes)};
    }
    if (alias_bytes_ > limits_.max_alias_bytes) {
      throw AbortParse{
          where, absl::StrFormat("aliases copy more than %d bytes of text; "
                                 "write the data out instead of using '*'",
                                 limits_.max_alias_bytes)};
    }
    Add(YamlNode(it->second.node), it->second.nodes, YAML::NullAnchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor, const std::string& value) override {
    YamlNode node;
    node.kind = YamlNode::Kind::kScalar;
    node.mark = to_mark_(mark);
    if (!QuoteClosed(mark)) {
      throw AbortParse{node.mark,
                       "YAML syntax error: quoted text starting here is "
                       "never closed; a closing quote is missing"};
    }
    // Text of any kind, keys included, holds no control characters but
    // tabs and line breaks (block scalars); single-line fields refuse
    // those too (ReadText).
    if (const int at = FindControlCharacter(value, "\t\n"); at >= 0) {
      throw AbortParse{node.mark,
                       absl::StrCat("text may not contain the control "
                                    "character ",
                                    ControlCharacterName(value, at),
                                    "; remove it from '", value, "'")};
    }
    node.scalar = value;
    node.quoted = tag != "?";
    Add(std::move(node), 1, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(YamlNode::Kind::kSequence, mark, anchor);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&,
                  YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    Open(YamlNode::Kind::kMap, mark, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  // False when the scalar at `mark` starts with a quote that has no
  // matching closing quote before the end of the text. yaml-cpp accepts
  // such a scalar and swallows the rest of the file into it.
  bool QuoteClosed(const YAML::Mark& mark) const {
    const std::string& text = to_mark_.text();
    const size_t start = to_mark_.Offset(mark);
    if (start == std::string::npos) return true;
    const char quote = text[start];
    if (quote != '"' && quote != '\'') return true;
    for (size_t i = start + 1; i < text.size(); ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;  // an escaped character, possibly a quote
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;  // '' is an escaped single quote
        } else {
          return true;
        }
      }
    }
    return false;
  }

  struct Frame {
    YamlNode node;
    YAML::anchor_t anchor = YAML::NullAnchor;
    std::int64_t size = 1;  // nodes in this subtree
    // Maps: the key waiting for its value, and where each key was seen.
    bool have_key = false;
    bool drop_value = false;  // the pending key was invalid
    std::string key;
    SourceMark key_mark;
    absl::flat_hash_map<std::string, int> key_lines;
  };

  void Open(YamlNode::Kind kind, const YAML::Mark& mark,
            YAML::anchor_t anchor) {
    SourceMark where = to_mark_(mark);
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw AbortParse{where,
                       absl::StrFormat("lists and maps are nested more than "
                                       "%d deep here",
                                       limits_.max_depth)};
    }
    Frame frame;
    frame.node.kind = kind;
    frame.node.mark = where;
    frame.anchor = anchor;
    stack_.push_back(std::move(frame));
  }

  void Close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    Add(std::move(frame.node), frame.size, frame.anchor);
  }

  void Add(YamlNode node, std::int64_t size, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      anchors_[anchor] = Anchored{node, size, TextBytes(node)};
    }
    if (stack_.empty()) {
      root_ = std::move(node);
      has_root_ = true;
      return;
    }
    Frame& top = stack_.back();
    top.size += size;
    if (top.node.is_sequence()) {
      top.node.items.push_back(std::move(node));
      return;
    }
    if (!top.have_key) {
      top.have_key = true;
      top.drop_value = false;
      top.key_mark = node.mark;
      if (node.is_scalar()) {
        top.key = std::move(node.scalar);
      } else {
        top.drop_value = true;
        diags_->Error(node.mark, node.is_null()
                                     ? "empty map key; write 'key: value'"
                                     : "a map key must be plain text, not " +
                                           node.Describe());
      }
      return;
    }
    top.have_key = false;
    if (top.drop_value) return;
    // yaml-cpp marks an empty value where the next token starts, which is
    // usually the next line; the key is where the reader should look.
    if (node.is_null() && node.mark.line != top.key_mark.line) {
      node.mark = top.key_mark;
    }
    auto [it, inserted] = top.key_lines.emplace(top.key, top.key_mark.line);
    if (!inserted) {
      diags_->Error(top.key_mark,
                    absl::StrFormat("duplicate key '%s'; it is already set "
                                    "on line %d",
                                    top.key, it->second));
      return;
    }
    top.node.entries.push_back(
        YamlEntry{std::move(top.key), top.key_mark, std::move(node)});
  }

  MarkConverter& to_mark_;
  const YamlLimits& limits_;
  Diagnostics* diags_;
  std::vector<Frame> stack_;
  // The bytes of text a node holds (scalars and keys): what an alias of it
  // copies.
  static std::int64_t TextBytes(const YamlNode& node) {
    std::int64_t bytes = static_cast<std::int64_t>(node.scalar.size());
    for (const YamlNode& item : node.items) bytes += TextBytes(item);
    for (const YamlEntry& e : node.entries) {
      bytes += static_cast<std::int64_t>(e.key.size()) + TextBytes(e.value);
    }
    return bytes;
  }

  struct Anchored {
    YamlNode node;
    std::int64_t nodes = 0;
    std::int64_t bytes = 0;
  };
  absl::flat_hash_map<YAML::anchor_t, Anchored> anchors_;
  std::int64_t alias_nodes_ = 0;
  std::int64_t alias_bytes_ = 0;
  YamlNode root_;
  bool has_root_ = false;
  int documents_ = 0;
  SourceMark document_mark_;
};

// Length of the UTF-8 sequence starting at text[i], or 0 if invalid.
int Utf8Length(absl::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  int len;
  unsigned int min;
  unsigned int cp;
  if ((c & 0xE0) == 0xC0) {
    len = 2, min = 0x80, cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, min = 0x800, cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (int k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// The bytes that change nothing in PreScan but the column and the previous
// character: printable ASCII, less the quotes, brackets, '#' and '\\' of
// plain text; in a comment, every printable ASCII byte and tab.
struct QuietBytes {
  bool plain[256] = {};
  bool comment[256] = {};
  constexpr QuietBytes() {
    for (int c = 0x20; c < 0x7F; ++c) {
      comment[c] = true;
      plain[c] = c != '#' && c != '"' && c != '\'' && c != '[' && c != ']' &&
                 c != '{' && c != '}' && c != '\\';
    }
    comment[static_cast<int>('\t')] = true;
  }
};
constexpr QuietBytes kQuietBytes;

// Checks encoding, control characters, tab indentation and flow nesting
// before yaml-cpp sees the text. Columns count characters, like yaml-cpp.
// Returns false (after reporting) when the text must not be parsed.
bool PreScan(absl::string_view text, const std::string& file,
             const YamlLimits& limits, Diagnostics* diags) {
  bool ok = true;
  int line = 1, column = 1;
  bool at_line_start = true;  // only spaces/tabs so far on this line
  bool tab_in_indent = false;
  int tab_column = 0;
  char quote = 0;  // inside '...' or "..." when non-zero
  bool in_comment = false;
  int flow_depth = 0;
  char prev = '\n';
  for (size_t i = 0; i < text.size();) {
    // A run of quiet bytes at once (past the indentation, where a
    // non-space ends it).
    if (!at_line_start) {
      const bool* quiet = in_comment ? kQuietBytes.comment : kQuietBytes.plain;
      size_t j = i;
      while (j < text.size() && quiet[static_cast<unsigned char>(text[j])]) {
        ++j;
      }
      if (j > i) {
        column += static_cast<int>(j - i);
        prev = text[j - 1];
        i = j;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(text[i]);
    // Built only to report: a mark interns the file name (a lock and a
    // lookup), too much for every character.
    auto here = [&] { return SourceMark{file, line, column}; };
    int len = c < 0x80 ? 1 : Utf8Length(text, i);
    if (len == 0) {
      diags->Error(
          here(), absl::StrFormat("invalid UTF-8 byte 0x%02X; save the file as "
                                  "UTF-8 text",
                                  c));
      return false;
    }
    if (c < 0x20 && c != '\n' && c != '\t') {
      diags->Error(
          here(), absl::StrFormat("control character 0x%02X is not allowed; is "
                                  "this a text file?",
                                  c));
      return false;
    }
    if (c == 0x7F) {
      diags->Error(here(),
                   "control character 0x7F is not allowed; is this a "
                   "text file?");
      return false;
    }
    if (c == '\n') {
      line++;
      column = 1;
      at_line_start = true;
      tab_in_indent = false;
      in_comment = false;
      // Quoted text may span lines, but a stray apostrophe in plain text
      // must not blind the scan for the rest of the file.
      quote = 0;
      prev = '\n';
      ++i;
      continue;
    }
    if (at_line_start) {
      if (c == '\t') {
        if (!tab_in_indent) tab_column = column;
        tab_in_indent = true;
      } else if (c != ' ') {
        at_line_start = false;
        if (tab_in_indent && c != '#' && quote == 0) {
          diags->Error(SourceMark{file, line, tab_column},
                       "tab character in indentation; YAML indentation "
                       "must use spaces");
          ok = false;
        }
      }
    }
    if (!in_comment) {
      if (quote != 0) {
        if (c == static_cast<unsigned char>(quote)) {
          // '' inside single quotes is an escaped quote, not the end.
          if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            ++i;
            ++column;
          } else {
            quote = 0;
          }
        } else if (quote == '"' && c == '\\') {
          ++i;
          ++column;
        }
      } else if (c == '#' && (prev == ' ' || prev == '\t' || prev == '\n')) {
        in_comment = true;
      } else if ((c == '"' || c == '\'') &&
                 (prev == ' ' || prev == '\t' || prev == '\n' || prev == '[' ||
                  prev == '{' || prev == ',')) {
        quote = static_cast<char>(c);
      } else if (c == '[' || c == '{') {
        if (++flow_depth > limits.max_depth) {
          diags->Error(here(), absl::StrFormat("lists and maps are nested more "
                                               "than %d deep here",
                                               limits.max_depth));
          return false;
        }
      } else if ((c == ']' || c == '}') && flow_depth > 0) {
        --flow_depth;
      }
    }
    prev = static_cast<char>(c);
    i += len;
    ++column;
  }
  return ok;
}

}  // namespace

const YamlNode* YamlNode::Find(absl::string_view key) const {
  for (const YamlEntry& e : entries) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

std::string YamlNode::Describe() const {
  switch (kind) {
    case Kind::kNull:
      return "nothing";
    case Kind::kSequence:
      return "a list";
    case Kind::kMap:
      return "a map";
    case Kind::kScalar:
      break;
  }
  constexpr size_t kShown = 40;
  if (scalar.size() <= kShown) return absl::StrCat("'", scalar, "'");
  return absl::StrCat("'", scalar.substr(0, kShown), "...'");
}

namespace {

// Files this large are parsed in two halves on two threads when they have
// the shape of attendees.yaml / employers.yaml (see ParseHalves).
constexpr size_t kParallelBytes = size_t{1} << 20;

std::optional<YamlNode> ParseText(const std::string& normal,
                                  const std::string& file, Diagnostics* diags,
                                  const YamlLimits& limits);

// A file of people is the largest input: 14 MB at 30,000 attendees. When
// the text is one top-level key holding a block list ("attendees:" then
// "  - id: ..." items), it is cut at an item boundary near the middle and
// the halves are parsed concurrently, by the fast path (`fast_path`) or by
// yaml-cpp (about 5 MB/s); the second half is padded with empty lines so
// its marks are the file's own. Returns nullopt when the shape does not fit
// or either half does not parse cleanly: the caller then parses the whole
// text, which gives the exact diagnostics.
std::optional<YamlNode> ParseHalves(const std::string& text,
                                    const std::string& file,
                                    const YamlLimits& limits, bool fast_path) {
  // Lines as (begin, end) offsets.
  auto line_end = [&](size_t begin) {
    const size_t end = text.find('\n', begin);
    return end == std::string::npos ? text.size() : end;
  };
  auto blank_or_comment = [&](size_t begin, size_t end) {
    size_t i = begin;
    while (i < end && text[i] == ' ') ++i;
    return i == end || text[i] == '#';
  };
  size_t pos = 0;
  int line = 0;
  while (pos < text.size() && blank_or_comment(pos, line_end(pos))) {
    pos = line_end(pos) + 1;
    ++line;
  }
  // "key:" alone on its line, at column 0.
  const size_t key_end = line_end(pos);
  absl::string_view key_line(text.data() + pos, key_end - pos);
  while (!key_line.empty() && key_line.back() == ' ') key_line.remove_suffix(1);
  if (key_line.size() < 2 || key_line.back() != ':') return std::nullopt;
  const absl::string_view key = key_line.substr(0, key_line.size() - 1);
  for (char c : key) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) {
      return std::nullopt;
    }
  }
  // Every later line is blank, a comment, or indented (or, for a list at
  // column 0, an item); no document markers or directives.
  int indent = -1;
  for (size_t b = key_end + 1; b < text.size(); b = line_end(b) + 1) {
    const size_t e = line_end(b);
    if (blank_or_comment(b, e)) continue;
    size_t i = b;
    while (i < e && text[i] == ' ') ++i;
    if (indent < 0) {
      if (i + 1 >= e || text[i] != '-' || text[i + 1] != ' ')
        return std::nullopt;
      indent = static_cast<int>(i - b);
    }
    if (i == b && !(indent == 0 && text[b] == '-')) return std::nullopt;
  }
  if (indent < 0) return std::nullopt;
  // The first item boundary after the middle.
  const std::string marker = std::string(indent, ' ') + "- ";
  size_t split = text.find("\n" + marker, text.size() / 2);
  if (split == std::string::npos) return std::nullopt;
  ++split;  // the start of the item's line
  const int split_line =
      static_cast<int>(std::count(text.begin(), text.begin() + split, '\n'));

  std::string first = text.substr(0, split);
  std::string second = absl::StrCat(key, ":");
  second.append(static_cast<size_t>(split_line), '\n');
  second.append(text, split, std::string::npos);

  // One alias budget for the file, whatever the parallelism: each half
  // gets half of it (a file that needs more in one half is parsed whole,
  // with the whole budget, below).
  YamlLimits half = limits;
  half.max_alias_nodes = limits.max_alias_nodes / 2;
  half.max_alias_bytes = limits.max_alias_bytes / 2;
  // Each half by the fast path (yaml_fast.h), or by yaml-cpp.
  auto parse = [&](const std::string& part, Diagnostics* part_diags) {
    return fast_path ? ParseYamlFast(part, file, half)
                     : ParseText(part, file, part_diags, half);
  };
  Diagnostics diags_first, diags_second;
  std::optional<YamlNode> root_first, root_second;
  std::thread worker([&] { root_first = parse(first, &diags_first); });
  root_second = parse(second, &diags_second);
  worker.join();
  if (!root_first || !root_second || !diags_first.ok() || !diags_second.ok()) {
    return std::nullopt;
  }
  auto single_list = [&](YamlNode& root) -> YamlNode* {
    if (!root.is_map() || root.entries.size() != 1 ||
        root.entries[0].key != key || !root.entries[0].value.is_sequence()) {
      return nullptr;
    }
    return &root.entries[0].value;
  };
  YamlNode* list_first = single_list(*root_first);
  YamlNode* list_second = single_list(*root_second);
  if (list_first == nullptr || list_second == nullptr) return std::nullopt;
  list_first->items.reserve(list_first->items.size() +
                            list_second->items.size());
  for (YamlNode& item : list_second->items) {
    list_first->items.push_back(std::move(item));
  }
  return root_first;
}

}  // namespace

namespace {

std::optional<YamlNode> Parse(absl::string_view text, const std::string& file,
                              Diagnostics* diags, const YamlLimits& limits,
                              bool fast_path) {
  if (static_cast<std::int64_t>(text.size()) > limits.max_bytes) {
    diags->Error(SourceMark{file, 0, 0},
                 absl::StrFormat("file is larger than %d bytes; split it or "
                                 "check that it is the right file",
                                 limits.max_bytes));
    return std::nullopt;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Normalise CRLF and lone CR to LF; line numbers are unchanged.
  std::string normal;
  normal.reserve(text.size());
  const size_t first_cr = text.find('\r');
  normal.append(text.data(), std::min(first_cr, text.size()));
  for (size_t i = normal.size(); i < text.size(); ++i) {
    if (text[i] == '\r') {
      normal.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      normal.push_back(text[i]);
    }
  }
  if (!PreScan(normal, file, limits, diags)) return std::nullopt;

  // The fast path first (on two threads for a large file of people), then
  // yaml-cpp (likewise), then yaml-cpp on the whole text, whose
  // diagnostics are exact.
  for (const bool fast : {true, false}) {
    if (fast && !fast_path) continue;
    if (normal.size() >= kParallelBytes) {
      if (std::optional<YamlNode> root =
              ParseHalves(normal, file, limits, fast)) {
        return root;
      }
    }
    if (fast) {
      if (std::optional<YamlNode> root = ParseYamlFast(normal, file, limits)) {
        return root;
      }
    }
  }
  return ParseText(normal, file, diags, limits);
}

}  // namespace

std::optional<YamlNode> ParseYaml(absl::string_view text,
                                  const std::string& file, Diagnostics* diags,
                                  const YamlLimits& limits) {
  return Parse(text, file, diags, limits, /*fast_path=*/true);
}

std::optional<YamlNode> ParseYamlWithYamlCpp(absl::string_view text,
                                             const std::string& file,
                                             Diagnostics* diags,
                                             const YamlLimits& limits) {
  return Parse(text, file, diags, limits, /*fast_path=*/false);
}

namespace {

// Parses normalised text (no BOM, LF line ends, pre-scanned) into a tree.
std::optional<YamlNode> ParseText(const std::string& normal,
                                  const std::string& file, Diagnostics* diags,
                                  const YamlLimits& limits) {
  std::istringstream in(normal);
  MarkConverter to_mark(file, normal);
  TreeBuilder builder(&to_mark, limits, diags);
  try {
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder)) {
      // A second document is reported by OnDocumentStart.
      parser.HandleNextDocument(builder);
    }
  } catch (const AbortParse& abort) {
    diags->Error(abort.mark, abort.message);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diags->Error(to_mark(e.mark), FriendlyParserMessage(e.msg));
    return std::nullopt;
  } catch (const std::exception& e) {
    diags->Error(SourceMark{file, 0, 0},
                 absl::StrCat("cannot parse YAML: ", e.what()));
    return std::nullopt;
  }
  if (!builder.has_root()) {
    YamlNode empty;
    empty.mark = SourceMark{file, 1, 1};
    return empty;
  }
  return builder.TakeRoot();
}

}  // namespace

std::optional<YamlNode> ReadYamlFile(const std::string& path,
                                     Diagnostics* diags,
                                     const YamlLimits& limits) {
  // One byte past the cap, so that an oversized file is detected without
  // reading the rest of it (ParseYaml refuses it).
  std::string text;
  int error = 0;
  switch (ReadAtMost(path, static_cast<size_t>(limits.max_bytes) + 1, &text,
                     &error)) {
    case ReadResult::kOk:
      return ParseYaml(text, path, diags, limits);
    case ReadResult::kCannotOpen:
      diags->Error(SourceMark{path, 0, 0}, "cannot open file for reading");
      return std::nullopt;
    case ReadResult::kIsFolder:
    case ReadResult::kCannotRead:
      diags->Error(SourceMark{path, 0, 0}, "cannot read file");
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace fairmatch
