#include "engine/io/yaml_fast.h"

#include <cstddef>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "engine/base/control_chars.h"

namespace fairmatch {
namespace {

// Thrown where the text leaves the subset; caught in ParseYamlFast.
struct Leave {};

// Plain scalars yaml-cpp reads as null.
bool IsNullWord(absl::string_view s) {
  return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// Characters that may not start a plain scalar here (YAML indicators), and
// those this path does not accept inside one.
bool IsIndicator(char c) {
  switch (c) {
    case '-':
    case '?':
    case ':':
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`':
      return true;
    default:
      return false;
  }
}

// True when a plain scalar may start at text[i] (c) followed by `next`: not
// an indicator, except '-' before a letter or digit ("-5", "-x").
bool PlainStart(char c, char next) {
  if (c == '-') {
    return (next >= '0' && next <= '9') || (next >= 'a' && next <= 'z') ||
           (next >= 'A' && next <= 'Z');
  }
  return !IsIndicator(c);
}

// Line breaks other than LF (NEL, U+2028, U+2029) and byte order marks
// inside the text: what YAML versions read differently.
bool HasOddBreaks(absl::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0xC2) continue;
    const unsigned char d = static_cast<unsigned char>(text[i + 1]);
    if (c == 0xC2 && d == 0x85) return true;
    if (i + 2 < text.size()) {
      const unsigned char e = static_cast<unsigned char>(text[i + 2]);
      if (c == 0xE2 && d == 0x80 && (e == 0xA8 || e == 0xA9)) return true;
      if (c == 0xEF && d == 0xBB && e == 0xBF) return true;
    }
  }
  return false;
}

class FastParser {
 public:
  FastParser(absl::string_view text, const std::string& file,
             const YamlLimits& limits)
      : text_(text), file_(file), limits_(limits) {}

  YamlNode Document() {
    if (NextContentLine() < 0) throw Leave{};  // empty: yaml-cpp's answer
    YamlNode root = BlockNode(indent_);
    if (indent_ >= 0) throw Leave{};  // text left over at a lower indent
    return root;
  }

 private:
  char At(size_t i) const { return i < text_.size() ? text_[i] : '\n'; }
  bool AtEnd() const { return pos_ >= text_.size(); }
  bool Blank(size_t i) const {
    const char c = At(i);
    return c == ' ' || c == '\n';
  }

  // 1-based column in characters of byte `i` on the current line.
  SourceMark Mark(size_t i) {
    if (i < mark_byte_ || mark_line_start_ != line_start_) {
      mark_line_start_ = line_start_;
      mark_byte_ = line_start_;
      mark_chars_ = 0;
    }
    for (; mark_byte_ < i; ++mark_byte_) {
      if ((static_cast<unsigned char>(text_[mark_byte_]) & 0xC0) != 0x80) {
        ++mark_chars_;
      }
    }
    return SourceMark{file_, line_, mark_chars_ + 1};
  }

  // Moves to the first character of the next line holding content (not
  // blank, not only a comment) and sets indent_ to its column, or -1 at
  // the end of the text. Starts at the beginning of a line.
  int NextContentLine() {
    while (!AtEnd()) {
      size_t i = pos_;
      while (i < text_.size() && text_[i] == ' ') ++i;
      const char c = At(i);
      if (i >= text_.size()) {
        pos_ = i;
        break;
      }
      if (c == '\n' || c == '#') {
        const size_t end = text_.find('\n', i);
        if (end == absl::string_view::npos) {
          pos_ = text_.size();
          break;
        }
        pos_ = end + 1;
        line_start_ = pos_;
        ++line_;
        continue;
      }
      if (c == '\t') throw Leave{};
      // Document markers and directives belong to yaml-cpp.
      if (i == pos_ &&
          (c == '%' ||
           (c == '-' && text_.substr(i, 3) == "---" && Blank(i + 3)) ||
           (c == '.' && text_.substr(i, 3) == "..." && Blank(i + 3)))) {
        throw Leave{};
      }
      pos_ = i;
      indent_ = static_cast<int>(i - line_start_);
      return indent_;
    }
    indent_ = -1;
    return -1;
  }

  // After a value on the current line: spaces, an optional comment, the
  // line end. Then moves on to the next content line.
  void EndLine() {
    const size_t start = pos_;
    while (At(pos_) == ' ') ++pos_;
    if (!AtEnd() && At(pos_) == '#') {
      if (pos_ == start) throw Leave{};
      pos_ = text_.find('\n', pos_);
      if (pos_ == absl::string_view::npos) pos_ = text_.size();
    }
    if (!AtEnd()) {
      if (text_[pos_] != '\n') throw Leave{};
      ++pos_;
      line_start_ = pos_;
      ++line_;
    }
    NextContentLine();
  }

  void Enter() {
    if (++depth_ >= limits_.max_depth) throw Leave{};
  }

  YamlNode Scalar(size_t at, std::string value, bool quoted) {
    if (FindControlCharacter(value, "\t\n") >= 0) throw Leave{};
    YamlNode node;
    node.mark = Mark(at);
    if (!quoted && IsNullWord(value)) return node;
    node.kind = YamlNode::Kind::kScalar;
    node.scalar = std::move(value);
    node.quoted = quoted;
    return node;
  }

  // A '...' or "..." scalar closed on its line; pos_ moves past it.
  YamlNode Quoted() {
    const size_t at = pos_;
    const char quote = text_[pos_++];
    std::string value;
    for (;;) {
      if (AtEnd()) throw Leave{};
      const char c = text_[pos_];
      if (c == '\n') throw Leave{};
      if (c == quote) {
        if (quote == '\'' && At(pos_ + 1) == '\'') {
          value.push_back('\'');
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      if (quote == '"' && c == '\\') {
        switch (At(pos_ + 1)) {
          case '\\':
            value.push_back('\\');
            break;
          case '"':
            value.push_back('"');
            break;
          case 'n':
            value.push_back('\n');
            break;
          case 't':
            value.push_back('\t');
            break;
          default:
            throw Leave{};
        }
        pos_ += 2;
        continue;
      }
      value.push_back(c);
      ++pos_;
    }
    return Scalar(at, std::move(value), true);
  }

  // A plain scalar in a flow collection: up to ',', ']' or '}' (a key: up
  // to ':').
  YamlNode FlowPlain(bool key) {
    const size_t at = pos_;
    if (!PlainStart(At(pos_), At(pos_ + 1))) throw Leave{};
    size_t end = pos_;
    for (;; ++end) {
      const char c = At(end);
      if (c == ',' || c == ']' || c == '}' || (key && c == ':')) break;
      // Inside a flow, yaml-cpp reads more characters as indicators than
      // in a block ("a? b" ends a key there): those are left to it. The
      // ones that only matter first ("R&D", "a@b.org") are text.
      if (c == '\n' || c == '\t' || c == ':' || c == '?' || c == '#' ||
          c == '[' || c == '{' || c == '"' || c == '\'') {
        throw Leave{};
      }
    }
    size_t last = end;
    while (last > at && text_[last - 1] == ' ') --last;
    if (last == at) throw Leave{};
    pos_ = end;
    return Scalar(at, std::string(text_.substr(at, last - at)), false);
  }

  void SkipSpaces() {
    while (At(pos_) == ' ') ++pos_;
  }

  YamlNode FlowItem() {
    const char c = At(pos_);
    if (c == '[' || c == '{') return Flow();
    if (c == '"' || c == '\'') return Quoted();
    return FlowPlain(false);
  }

  YamlNode FlowKey() {
    const char c = At(pos_);
    if (c == '"' || c == '\'') return Quoted();
    return FlowPlain(true);
  }

  // [a, b] or {k: v, ...} closed on its line; pos_ moves past it.
  YamlNode Flow() {
    Enter();
    YamlNode node;
    node.mark = Mark(pos_);
    const bool map = text_[pos_] == '{';
    const char close = map ? '}' : ']';
    node.kind = map ? YamlNode::Kind::kMap : YamlNode::Kind::kSequence;
    ++pos_;
    SkipSpaces();
    if (At(pos_) == close) {
      ++pos_;
      --depth_;
      return node;
    }
    KeySet seen;
    for (;;) {
      if (map) {
        YamlNode key = FlowKey();
        if (!key.is_scalar() || At(pos_) != ':' || At(pos_ + 1) != ' ') {
          throw Leave{};
        }
        pos_ += 2;
        SkipSpaces();
        const char v = At(pos_);
        if (v == ',' || v == '}') throw Leave{};
        YamlNode value = FlowItem();
        AddEntry(&node, &seen, std::move(key), std::move(value));
      } else {
        node.items.push_back(FlowItem());
      }
      SkipSpaces();
      if (At(pos_) == ',') {
        ++pos_;
        SkipSpaces();
        if (At(pos_) == close) throw Leave{};  // a trailing comma
        continue;
      }
      if (At(pos_) != close) throw Leave{};
      ++pos_;
      --depth_;
      return node;
    }
  }

  // Where the key of a block map entry starting at pos_ ends (its ':'), or
  // npos when the line holds no such key.
  size_t KeyColon() const {
    const char c = At(pos_);
    if (c == '"' || c == '\'') {
      size_t i = pos_ + 1;
      for (;; ++i) {
        const char d = At(i);
        if (d == '\n') return absl::string_view::npos;
        if (c == '"' && d == '\\') {
          ++i;
        } else if (d == c) {
          if (c == '\'' && At(i + 1) == '\'') {
            ++i;
          } else {
            break;
          }
        }
      }
      return At(i + 1) == ':' && Blank(i + 2) ? i + 1 : absl::string_view::npos;
    }
    if (c == '[' || c == '{') return absl::string_view::npos;  // a flow value
    for (size_t i = pos_;; ++i) {
      const char d = At(i);
      if (d == '\n' || (d == '#' && i > pos_ && text_[i - 1] == ' ')) {
        return absl::string_view::npos;
      }
      if (d == ':' && Blank(i + 1)) return i;
    }
  }

  YamlNode BlockKey(size_t colon) {
    if (At(pos_) == '"' || At(pos_) == '\'') {
      YamlNode key = Quoted();
      if (pos_ != colon) throw Leave{};
      return key;
    }
    const size_t at = pos_;
    if (!PlainStart(At(at), At(at + 1))) throw Leave{};
    size_t last = colon;
    while (last > at && text_[last - 1] == ' ') --last;
    const absl::string_view key = text_.substr(at, last - at);
    if (key.size() >= 1024) throw Leave{};  // yaml-cpp's simple-key limit
    for (char c : key) {
      if (c == '#' || c == '[' || c == ']' || c == '{' || c == '}' ||
          c == '"' || c == '\'' || c == '\t') {
        throw Leave{};
      }
    }
    pos_ = colon;
    YamlNode node = Scalar(at, std::string(key), false);
    if (node.is_null()) throw Leave{};
    return node;
  }

  // A scalar or flow collection after "key: " or "- ", to the line end.
  YamlNode InlineValue() {
    const char c = At(pos_);
    if (c == '[' || c == '{') return Flow();
    if (c == '"' || c == '\'') return Quoted();
    const size_t at = pos_;
    if (!PlainStart(c, At(pos_ + 1))) throw Leave{};
    size_t end = pos_;
    for (;; ++end) {
      const char d = At(end);
      if (d == '\n' || (d == '#' && text_[end - 1] == ' ')) break;
      if (d == '[' || d == ']' || d == '{' || d == '}' || d == '\t' ||
          d == '#' || ((d == ':' || d == '?') && Blank(end + 1))) {
        throw Leave{};
      }
    }
    size_t last = end;
    while (last > at && text_[last - 1] == ' ') --last;
    pos_ = last;
    return Scalar(at, std::string(text_.substr(at, last - at)), false);
  }

  // The keys of one map once it has many (a duplicate goes to yaml-cpp).
  using KeySet = absl::flat_hash_set<std::string>;
  static constexpr size_t kScanKeys = 16;

  void AddEntry(YamlNode* map, KeySet* seen, YamlNode key, YamlNode value) {
    if (!key.is_scalar()) throw Leave{};
    if (map->entries.size() < kScanKeys) {
      for (const YamlEntry& e : map->entries) {
        if (e.key == key.scalar) throw Leave{};
      }
    } else {
      if (map->entries.size() == kScanKeys) {
        for (const YamlEntry& e : map->entries) seen->insert(e.key);
      }
      if (!seen->insert(key.scalar).second) throw Leave{};
    }
    map->entries.push_back(
        YamlEntry{std::move(key.scalar), key.mark, std::move(value)});
  }

  // The block collection whose first line starts at pos_, column `indent`.
  YamlNode BlockNode(int indent) {
    if (At(pos_) == '-' && Blank(pos_ + 1)) return BlockSeq(indent);
    if (KeyColon() != absl::string_view::npos) return BlockMap(indent);
    throw Leave{};
  }

  YamlNode BlockSeq(int indent) {
    Enter();
    YamlNode node;
    node.kind = YamlNode::Kind::kSequence;
    node.mark = Mark(pos_);
    for (;;) {
      ++pos_;                              // the '-'
      if (At(pos_) != ' ') throw Leave{};  // an item on the next lines
      SkipSpaces();
      const char c = At(pos_);
      if (c == '\n' || c == '#' || (c == '-' && Blank(pos_ + 1))) {
        throw Leave{};
      }
      if (KeyColon() != absl::string_view::npos) {
        node.items.push_back(BlockMap(static_cast<int>(pos_ - line_start_)));
      } else {
        node.items.push_back(InlineValue());
        EndLine();
      }
      if (indent_ > indent) throw Leave{};
      if (indent_ < indent || !(At(pos_) == '-' && Blank(pos_ + 1))) break;
    }
    --depth_;
    return node;
  }

  YamlNode BlockMap(int indent) {
    Enter();
    KeySet seen;
    YamlNode node;
    node.kind = YamlNode::Kind::kMap;
    node.mark = Mark(pos_);
    for (;;) {
      const size_t colon = KeyColon();
      if (colon == absl::string_view::npos) throw Leave{};
      YamlNode key = BlockKey(colon);
      ++pos_;  // the ':'
      const size_t after = pos_;
      SkipSpaces();
      const char c = At(pos_);
      if (c == '\n' || (c == '#' && pos_ > after)) {
        EndLine();
        if (indent_ > indent) {
          YamlNode value = BlockNode(indent_);
          AddEntry(&node, &seen, std::move(key), std::move(value));
        } else {
          if (indent_ < 0) throw Leave{};  // yaml-cpp marks the end
          if (indent_ == indent && At(pos_) == '-') throw Leave{};
          YamlNode null;
          null.mark = key.mark;
          AddEntry(&node, &seen, std::move(key), std::move(null));
        }
      } else {
        YamlNode value = InlineValue();
        EndLine();
        if (indent_ > indent) throw Leave{};  // a continuation line
        AddEntry(&node, &seen, std::move(key), std::move(value));
      }
      if (indent_ > indent) throw Leave{};
      if (indent_ != indent) break;
    }
    --depth_;
    return node;
  }

  absl::string_view text_;
  const FileName file_;  // interned once, copied into every mark
  const YamlLimits& limits_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  int line_ = 1;
  int indent_ = -1;  // of the line at pos_; -1 at the end
  int depth_ = 0;
  // Mark(): characters counted so far on the line.
  size_t mark_line_start_ = static_cast<size_t>(-1);
  size_t mark_byte_ = 0;
  int mark_chars_ = 0;
};

}  // namespace

std::optional<YamlNode> ParseYamlFast(absl::string_view text,
                                      const std::string& file,
                                      const YamlLimits& limits) {
  if (HasOddBreaks(text)) return std::nullopt;
  try {
    return FastParser(text, file, limits).Document();
  } catch (const Leave&) {
    return std::nullopt;
  }
}

}  // namespace fairmatch
