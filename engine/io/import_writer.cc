#include "engine/io/import_writer.h"

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "engine/base/yaml_writer.h"
#include "engine/io/import_intents.h"

namespace fairmatch {
namespace {

// "    key: [a, b]\n", nothing for an empty list.
void AppendList(std::string* out, const char* key,
                const std::vector<std::string>& items) {
  if (items.empty()) return;
  absl::StrAppend(out, "    ", key, ": ");
  AppendFlowList(out, items);
  out->push_back('\n');
}

}  // namespace

std::string WriteImportedYaml(const ImportMapping& mapping,
                              const std::vector<ImportRow>& kept,
                              std::vector<ImportedEntry>* entries) {
  std::string out = absl::StrCat(
      "# Imported by `fairmatch import ",
      mapping.for_attendees() ? "attendees" : "employers", "` from ",
      std::filesystem::path(mapping.csv_path).filename().string(), " with ",
      std::filesystem::path(mapping.mapping_path).filename().string(),
      ".\n# Edit the spreadsheet or the mapping and import again rather "
      "than editing this file.\n");
  const char* list_key = mapping.for_attendees() ? "attendees" : "employers";
  if (kept.empty()) {
    absl::StrAppend(&out, list_key, ": []\n");
    return out;
  }
  absl::StrAppend(&out, list_key, ":\n");
  for (const ImportRow& e : kept) {
    const size_t entry_start = out.size();
    out.append("  - id: ");
    AppendYamlScalar(&out, e.id);
    out.append("\n    name: ");
    AppendYamlScalar(&out, e.name);
    out.append("\n");
    if (!e.email.empty()) {
      out.append("    email: ");
      AppendYamlScalar(&out, e.email);
      out.append("\n");
    }
    if (mapping.for_attendees()) {
      if (!e.program.empty()) {
        out.append("    program: ");
        AppendYamlScalar(&out, e.program);
        out.append("\n");
      }
    } else {
      if (!e.booth.empty()) {
        out.append("    booth: ");
        AppendYamlScalar(&out, e.booth);
        out.append("\n");
      }
      if (e.tables) absl::StrAppend(&out, "    tables: ", *e.tables, "\n");
      if (e.group_size) {
        absl::StrAppend(&out, "    group_size: ", *e.group_size, "\n");
      }
    }
    if (!e.values.empty()) {
      out.append("    values: {");
      for (size_t i = 0; i < e.values.size(); ++i) {
        if (i > 0) out.append(", ");
        AppendYamlScalar(&out, e.values[i].first);
        absl::StrAppend(&out, ": ", e.values[i].second);
      }
      out.append("}\n");
    }
    AppendList(&out, "offers", e.offers);
    AppendList(&out, "seeks", e.seeks);
    if (e.has_available && !e.available.empty()) {
      out.append("    available: ");
      AppendYamlWindows(&out, e.available);
      out.push_back('\n');
    }
    if (mapping.for_attendees() && e.max_meetings) {
      absl::StrAppend(&out, "    max_meetings: ", *e.max_meetings, "\n");
    }
    AppendList(&out, "must_meet", e.must_meet);
    AppendList(&out, "avoid", e.avoid);
    AppendList(&out, "wants", e.wants);
    AppendRequires(&out, e.requirements);
    if (!e.extra.empty()) {
      out.append("    extra:\n");
      for (const auto& [key, text] : e.extra) {
        out.append("      ");
        AppendYamlScalar(&out, key);
        out.append(": ");
        AppendYamlScalar(&out, text);
        out.append("\n");
      }
    }
    entries->push_back(
        ImportedEntry{e.id, e.name, e.email, e.line, out.substr(entry_start)});
  }
  return out;
}

}  // namespace fairmatch
