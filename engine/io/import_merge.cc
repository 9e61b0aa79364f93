#include "engine/io/import_merge.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "engine/base/unicode_text.h"
#include "engine/io/diagnostics.h"
#include "engine/io/file_reader.h"
#include "engine/io/yaml_tree.h"

namespace fairmatch {
namespace {

constexpr absl::string_view kBom = "\xEF\xBB\xBF";
// The importer writes each entry's dash at this column (from 0).
constexpr size_t kEntryIndent = 2;

// The length of the line break at `at`: 2 for "\r\n", 1 for "\r" or "\n",
// 0 when there is none.
size_t BreakAt(const std::string& text, size_t at) {
  if (at >= text.size()) return 0;
  if (text[at] == '\n') return 1;
  if (text[at] != '\r') return 0;
  return at + 1 < text.size() && text[at + 1] == '\n' ? 2 : 1;
}

// The byte offset where line `line` (from 1) starts, counted as the parser
// counts lines: line 1 starts after a byte order mark, and "\r\n", a lone
// "\r" and "\n" each end a line. text.size() past the last line.
size_t LineStart(const std::string& text, int line) {
  size_t at = absl::StartsWith(text, kBom) ? kBom.size() : 0;
  for (int l = 1; l < line; ++l) {
    at = text.find_first_of("\r\n", at);
    if (at == std::string::npos) return text.size();
    at += BreakAt(text, at);
  }
  return at;
}

// The byte offset of a parser mark: (line, column), both from 1, the
// column in characters (UTF-8 sequences), not bytes. At most the end of
// the line.
size_t Offset(const std::string& text, const SourceMark& mark) {
  size_t at = LineStart(text, mark.line);
  for (int c = 1; c < mark.column && at < text.size() && BreakAt(text, at) == 0;
       ++c) {
    ++at;
    while (at < text.size() &&
           (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
      ++at;
    }
  }
  return at;
}

// The file's line break: its first one, "\n" when it has none.
std::string LineBreak(const std::string& text) {
  const size_t at = text.find_first_of("\r\n");
  return at == std::string::npos ? "\n" : text.substr(at, BreakAt(text, at));
}

// The column (from 0) of `at` when only spaces come before it on its
// line (which starts at `line_start`), or nullopt.
std::optional<size_t> StartsLine(const std::string& text, size_t line_start,
                                 size_t at) {
  for (size_t i = line_start; i < at; ++i) {
    if (text[i] != ' ') return std::nullopt;
  }
  return at - line_start;
}

bool SameMark(const SourceMark& a, const SourceMark& b) {
  return a.line == b.line && a.column == b.column;
}

// The length of the null written at `at` (~, null, Null or NULL, then the
// end of the line, a space or a tab), or 0.
size_t NullTokenAt(const std::string& text, size_t at) {
  for (absl::string_view token : {"~", "null", "Null", "NULL"}) {
    if (text.compare(at, token.size(), token.data(), token.size()) != 0) {
      continue;
    }
    const size_t end = at + token.size();
    if (end == text.size() || BreakAt(text, end) > 0 || text[end] == ' ' ||
        text[end] == '\t') {
      return token.size();
    }
  }
  return 0;
}

// True when the rest of the line from `at` holds nothing but blanks and a
// comment.
bool RestIsBlank(const std::string& text, size_t at) {
  for (; at < text.size() && BreakAt(text, at) == 0; ++at) {
    if (text[at] == '#') return true;
    if (text[at] != ' ' && text[at] != '\t') return false;
  }
  return true;
}

// `entry`, as the importer writes it (dash at kEntryIndent, "\n" line
// ends), with its dash at column `indent` and `newline` line ends.
std::string Placed(const std::string& entry, size_t indent,
                   const std::string& newline) {
  if (indent == kEntryIndent && newline == "\n") return entry;
  std::string out;
  size_t start = 0;
  while (start < entry.size()) {
    size_t end = entry.find('\n', start);
    const bool ended = end != std::string::npos;
    if (!ended) end = entry.size();
    absl::string_view line(entry.data() + start, end - start);
    if (!line.empty()) {
      if (indent >= kEntryIndent) {
        out.append(indent - kEntryIndent, ' ');
      } else {
        size_t drop = 0;
        while (drop < kEntryIndent - indent && drop < line.size() &&
               line[drop] == ' ') {
          ++drop;
        }
        line.remove_prefix(drop);
      }
      out.append(line.data(), line.size());
    }
    if (ended) out.append(newline);
    start = end + 1;
  }
  return out;
}

// "FILE:LINE:COL: error: --merge cannot add to WHAT; write 'KEY:' ...".
absl::Status CannotAdd(const SourceMark& mark, absl::string_view what,
                       absl::string_view key) {
  Diagnostics diags;
  diags.Error(mark,
              absl::StrCat("--merge cannot add to ", what, "; write '", key,
                           ":' on a line of its own, with one '- ' "
                           "entry per line under it"));
  return diags.ToStatus();
}

// "the list under 'KEY' as it is written here".
std::string AsWritten(absl::string_view key) {
  return absl::StrCat("the list under '", key, "' as it is written here");
}

// Where and how the imported entries go into the file's text.
struct Layout {
  size_t insert_at = 0;  // byte offset the entries are inserted at
  size_t erase_at = 0;   // before insert_at: a [] or a null to remove
  size_t erase_size = 0;
  size_t indent = kEntryIndent;  // the column of the entries' dashes
};

// The offset of the document end marker ("..." starting a line) after
// `from`, or text.size().
size_t DocumentEnd(const std::string& text, size_t from) {
  for (size_t at = text.find("...", from); at != std::string::npos;
       at = text.find("...", at + 1)) {
    const bool line_start = at == 0 || text[at - 1] == '\n' ||
                            text[at - 1] == '\r' ||
                            (at == kBom.size() && absl::StartsWith(text, kBom));
    if (line_start && (at + 3 == text.size() || BreakAt(text, at + 3) > 0 ||
                       text[at + 3] == ' ' || text[at + 3] == '\t')) {
      return at;
    }
  }
  return text.size();
}

// How to add to the list under root->entries[index] in `text`, or the
// reason it cannot be added to without rewriting what is there: each
// entry's text is only ever added to, never rewritten.
absl::StatusOr<Layout> FindLayout(const std::string& text, const YamlNode& root,
                                  size_t index) {
  const YamlEntry& entry = root.entries[index];
  const YamlNode& list = entry.value;
  auto refuse = [&](const SourceMark& mark, absl::string_view what) {
    return CannotAdd(mark, what, entry.key);
  };
  const std::string as_written = AsWritten(entry.key);

  // A block map: it starts at its first key. A flow map starts at its '{'.
  if (!SameMark(root.mark, root.entries[0].key_mark)) {
    const size_t at = Offset(text, root.mark);
    return refuse(root.mark, at < text.size() && text[at] == '{'
                                 ? "a file written as one {...} map"
                                 : as_written);
  }
  // The key starts its line ("? key" does not).
  const size_t key_at = Offset(text, entry.key_mark);
  const std::optional<size_t> key_column =
      StartsLine(text, LineStart(text, entry.key_mark.line), key_at);
  if (!key_column) return refuse(entry.key_mark, as_written);

  Layout layout;
  layout.indent = *key_column + kEntryIndent;
  if (list.is_sequence()) {
    const size_t at = Offset(text, list.mark);
    if (at < text.size() && text[at] == '[') {
      if (!list.items.empty()) {
        Diagnostics diags;
        diags.Error(list.mark,
                    "--merge cannot add to a list written in [...] style; "
                    "write one '- ' entry per line");
        return diags.ToStatus();
      }
      // An empty [] (with blanks inside, on one line or more) goes.
      size_t close = at + 1;
      while (close < text.size() &&
             (text[close] == ' ' || text[close] == '\t' ||
              BreakAt(text, close) > 0)) {
        ++close;
      }
      if (close >= text.size() || text[close] != ']') {
        return refuse(list.mark, as_written);
      }
      layout.erase_at = at;
      layout.erase_size = close + 1 - at;
    } else {
      // A block list: its first dash starts a line (no anchor, no tag).
      const std::optional<size_t> dash =
          at < text.size() && text[at] == '-'
              ? StartsLine(text, LineStart(text, list.mark.line), at)
              : std::nullopt;
      if (!dash) return refuse(list.mark, as_written);
      layout.indent = *dash;
    }
  } else if (!SameMark(list.mark, entry.key_mark)) {
    // A null on the key's line: ~ or null goes; nothing at all stays.
    const size_t at = Offset(text, list.mark);
    if (const size_t size = NullTokenAt(text, at); size > 0) {
      layout.erase_at = at;
      layout.erase_size = size;
    } else if (!RestIsBlank(text, at)) {
      return refuse(list.mark, as_written);
    }
  }

  // The entries go after the list: before the next key, or the end of the
  // document.
  if (index + 1 < root.entries.size()) {
    layout.insert_at = LineStart(text, root.entries[index + 1].key_mark.line);
  } else {
    layout.insert_at = DocumentEnd(text, key_at);
  }
  if (layout.erase_size > 0 &&
      layout.erase_at + layout.erase_size > layout.insert_at) {
    return refuse(list.mark, as_written);
  }
  return layout;
}

// True when `merged` reads back as a file of people whose list under
// `key` holds `kept` entries, then `added` in order.
bool ReadsBack(const std::string& merged, const std::string& path,
               const std::string& key, size_t kept,
               const std::vector<ImportedEntry>& added,
               const YamlLimits& limits) {
  Diagnostics diags;
  std::optional<YamlNode> root = ParseYaml(merged, path, &diags, limits);
  if (!root || !diags.ok() || !root->is_map()) return false;
  const YamlNode* list = root->Find(key);
  if (list == nullptr || !list->is_sequence() ||
      list->items.size() != kept + added.size()) {
    return false;
  }
  for (size_t i = 0; i < added.size(); ++i) {
    const YamlNode& item = list->items[kept + i];
    const YamlNode* id = item.is_map() ? item.Find("id") : nullptr;
    if (id == nullptr || !id->is_scalar() || id->scalar != added[i].id) {
      return false;
    }
  }
  return true;
}

// The ids, e-mails and names already in the file (then added): the id's
// "FILE:LINE", and the folded e-mail's and name's id.
struct Taken {
  absl::flat_hash_map<std::string, std::string> ids, emails, names;
};

Taken TakenBy(const YamlNode& list, const std::string& path) {
  Taken taken;
  for (const YamlNode& item : list.items) {
    if (!item.is_map()) continue;
    const YamlNode* id = item.Find("id");
    if (id == nullptr || !id->is_scalar()) continue;
    taken.ids.emplace(id->scalar, absl::StrCat(path, ":", item.mark.line));
    if (const YamlNode* e = item.Find("email");
        e != nullptr && e->is_scalar()) {
      taken.emails.emplace(FoldForLookup(e->scalar), id->scalar);
    }
    if (const YamlNode* n = item.Find("name"); n != nullptr && n->is_scalar()) {
      taken.names.emplace(FoldForLookup(n->scalar), id->scalar);
    }
  }
  return taken;
}

// `imported` without the rows whose id or e-mail is taken, each with a
// note, and a note for each added row whose name is taken.
ImportResult LeaveOutTaken(ImportResult imported, const std::string& csv_path,
                           Taken* taken) {
  auto& [ids, emails, names] = *taken;
  ImportResult out;
  out.rows = imported.rows;
  out.notes = std::move(imported.notes);
  for (ImportedEntry& e : imported.entries) {
    const std::string row = absl::StrCat(csv_path, ":", e.line, ": note: ");
    if (const auto it = ids.find(e.id); it != ids.end()) {
      out.notes.push_back(absl::StrCat(row, e.id, " is already in ", it->second,
                                       "; kept that entry"));
      continue;
    }
    if (const auto it = emails.find(FoldForLookup(e.email));
        !e.email.empty() && it != emails.end()) {
      out.notes.push_back(absl::StrCat(row, e.email, " is already ", it->second,
                                       "'s e-mail; kept that "
                                       "entry"));
      continue;
    }
    if (const auto it = names.find(FoldForLookup(e.name)); it != names.end()) {
      out.notes.push_back(absl::StrCat(row, "added ", e.id,
                                       ", who has the "
                                       "name of ",
                                       it->second, ": is it the same person?"));
    }
    ids.emplace(e.id, absl::StrCat(csv_path, ":", e.line));
    if (!e.email.empty()) emails.emplace(FoldForLookup(e.email), e.id);
    names.emplace(FoldForLookup(e.name), e.id);
    out.entries.push_back(std::move(e));
    ++out.imported;
  }
  return out;
}

}  // namespace

absl::StatusOr<ImportResult> MergeImport(ImportKind kind,
                                         const std::string& existing_path,
                                         const std::string& csv_path,
                                         ImportResult imported) {
  const std::string key =
      kind == ImportKind::kAttendees ? "attendees" : "employers";
  std::error_code ec;
  if (!std::filesystem::exists(existing_path, ec)) {
    return absl::NotFoundError(
        absl::StrCat(existing_path,
                     ": error: --merge adds to an existing file, and there "
                     "is none; import without --merge to create it"));
  }
  // Read as the loader reads a file of people.
  const YamlLimits limits = YamlLimits::ForPeople();
  absl::StatusOr<std::string> text =
      ReadFileCapped(existing_path, static_cast<std::size_t>(limits.max_bytes));
  if (!text.ok()) return text.status();
  Diagnostics diags;
  std::optional<YamlNode> root =
      ParseYaml(*text, existing_path, &diags, limits);
  // A duplicate key still gives a tree, but the file would not load: it
  // is refused like any other error.
  if (!root || !diags.ok()) return diags.ToStatus();
  size_t index = 0;
  while (root->is_map() && index < root->entries.size() &&
         root->entries[index].key != key) {
    ++index;
  }
  const YamlNode* list = root->is_map() && index < root->entries.size()
                             ? &root->entries[index].value
                             : nullptr;
  if (list == nullptr || !(list->is_sequence() || list->is_null())) {
    diags.Error(root->mark, absl::StrCat("--merge needs a file with the key '",
                                         key, "' holding a list of entries"));
    return diags.ToStatus();
  }
  absl::StatusOr<Layout> layout = FindLayout(*text, *root, index);
  if (!layout.ok()) return layout.status();
  const SourceMark list_mark = list->mark;
  const size_t kept = list->items.size();

  Taken taken = TakenBy(*list, existing_path);
  // The tree can be large (a file of people); what follows needs only
  // the text and the lookups.
  root.reset();
  list = nullptr;
  ImportResult out = LeaveOutTaken(std::move(imported), csv_path, &taken);

  // The file's byte order mark and line ends stay; its last line is ended.
  std::string merged = *std::move(text);
  const std::string newline = LineBreak(merged);
  const bool ended =
      merged.size() <= (absl::StartsWith(merged, kBom) ? 3 : 0) ||
      merged.back() == '\n' || merged.back() == '\r';
  if (out.entries.empty()) {
    if (!ended) merged.append(newline);
    out.yaml = std::move(merged);
    return out;
  }
  std::string added;
  if (layout->insert_at == merged.size() && !ended) added = newline;
  for (const ImportedEntry& e : out.entries) {
    added.append(Placed(e.text, layout->indent, newline));
  }
  if (merged.size() + added.size() - layout->erase_size >
      static_cast<size_t>(limits.max_bytes)) {
    return absl::InvalidArgumentError(absl::StrCat(
        existing_path,
        ": error: with the entries added the file would be "
        "larger than ",
        limits.max_bytes >> 20, " MiB, the most a file of people may hold"));
  }
  merged.insert(layout->insert_at, added);
  merged.erase(layout->erase_at, layout->erase_size);
  // Each step above keeps the file readable; reading it back makes sure
  // no layout they missed turns into a broken file.
  if (!ReadsBack(merged, existing_path, key, kept, out.entries, limits)) {
    return CannotAdd(list_mark, AsWritten(key), key);
  }
  out.yaml = std::move(merged);
  return out;
}

}  // namespace fairmatch
