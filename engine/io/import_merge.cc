#include "engine/io/import_merge.h"

#include <filesystem>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/base/unicode_text.h"
#include "engine/io/diagnostics.h"
#include "engine/io/file_reader.h"
#include "engine/io/yaml_tree.h"

namespace fairmatch {
namespace {

// The byte offset of (line, column), both from 1, in `text`.
size_t Offset(const std::string& text, int line, int column) {
  size_t at = 0;
  for (int l = 1; l < line && at < text.size(); ++l) {
    at = text.find('\n', at);
    if (at == std::string::npos) return text.size();
    ++at;
  }
  return std::min(text.size(), at + static_cast<size_t>(column - 1));
}

}  // namespace

absl::StatusOr<ImportResult> MergeImport(ImportKind kind,
                                         const std::string& existing_path,
                                         const std::string& csv_path,
                                         ImportResult imported) {
  const char* key = kind == ImportKind::kAttendees ? "attendees" : "employers";
  std::error_code ec;
  if (!std::filesystem::exists(existing_path, ec)) {
    return absl::NotFoundError(
        absl::StrCat(existing_path,
                     ": error: --merge adds to an existing file, and there "
                     "is none; import without --merge to create it"));
  }
  const YamlLimits limits;
  absl::StatusOr<std::string> text =
      ReadFileCapped(existing_path, static_cast<std::size_t>(limits.max_bytes));
  if (!text.ok()) return text.status();
  Diagnostics diags;
  std::optional<YamlNode> root =
      ParseYaml(*text, existing_path, &diags, limits);
  if (!root) return diags.ToStatus();
  const YamlNode* list = root->is_map() ? root->Find(key) : nullptr;
  if (list == nullptr || !(list->is_sequence() || list->is_null())) {
    diags.Error(root->mark, absl::StrCat("--merge needs a file with the key '",
                                         key, "' holding a list of entries"));
    return diags.ToStatus();
  }

  std::string merged = *text;
  if (list->is_sequence()) {
    const size_t at = Offset(merged, list->mark.line, list->mark.column);
    if (at < merged.size() && merged[at] == '[') {
      if (!list->items.empty()) {
        diags.Error(list->mark,
                    "--merge cannot add to a list written in "
                    "[...] style; write one '- ' entry per line");
        return diags.ToStatus();
      }
      const size_t close = merged.find(']', at);
      merged.erase(at, close == std::string::npos ? 1 : close - at + 1);
    }
  }

  absl::flat_hash_map<std::string, std::string> ids, emails, names;
  for (const YamlNode& item : list->items) {
    if (!item.is_map()) continue;
    const YamlNode* id = item.Find("id");
    if (id == nullptr || !id->is_scalar()) continue;
    const std::string where = absl::StrCat(existing_path, ":", item.mark.line);
    ids.emplace(id->scalar, where);
    if (const YamlNode* e = item.Find("email");
        e != nullptr && e->is_scalar()) {
      emails.emplace(FoldForLookup(e->scalar), id->scalar);
    }
    if (const YamlNode* n = item.Find("name"); n != nullptr && n->is_scalar()) {
      names.emplace(FoldForLookup(n->scalar), id->scalar);
    }
  }

  if (!merged.empty() && merged.back() != '\n') merged.push_back('\n');
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
    merged.append(e.text);
    out.entries.push_back(std::move(e));
    ++out.imported;
  }
  out.yaml = std::move(merged);
  return out;
}

}  // namespace fairmatch
