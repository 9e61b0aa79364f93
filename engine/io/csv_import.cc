#include "engine/io/csv_import.h"

#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/io/csv.h"
#include "engine/io/diagnostics.h"
#include "engine/io/import_dedupe.h"
#include "engine/io/import_mapping.h"
#include "engine/io/import_rows.h"
#include "engine/io/import_writer.h"
#include "engine/io/yaml_fields.h"
#include "engine/io/yaml_tree.h"

namespace fairmatch {
namespace {

// `separator:` of the mapping: how the CSV's fields are separated.
CsvOptions ReadSeparator(const YamlNode& mapping, Diagnostics* diags) {
  CsvOptions csv_options;
  if (const YamlNode* sep = FindGiven(mapping, "separator")) {
    if (sep->is_scalar() && (sep->scalar == "," || sep->scalar == ";" ||
                             sep->scalar == "\t" || sep->scalar == "tab")) {
      csv_options.separator = sep->scalar == "tab" ? '\t' : sep->scalar[0];
    } else {
      diags->Error(sep->mark,
                   absl::StrCat("'separator' must be \",\", \";\" or "
                                "\"tab\", got ",
                                sep->Describe()));
    }
  }
  return csv_options;
}

// A row with more or fewer cells than the header (a stray separator, a cell
// pasted across columns) is read as far as it goes: say so.
void NoteRaggedRows(const std::string& csv_path, const CsvTable& table,
                    std::vector<std::string>* notes) {
  const size_t columns = table.header.fields.size();
  for (const CsvRecord& record : table.records) {
    if (record.fields.size() != columns) {
      notes->push_back(absl::StrCat(
          csv_path, ":", record.line, ": warning: the row has ",
          record.fields.size(), " cells but the header has ", columns,
          record.fields.size() < columns
              ? "; the missing ones are read as empty"
              : "; the extra ones are ignored",
          ": check the row for a stray or missing separator"));
    }
  }
}

}  // namespace

// The steps: the mapping (import_mapping), the rows (import_rows), one row
// per person (import_dedupe), the YAML (import_writer). Each step runs only
// when the ones before it found no error.
absl::StatusOr<ImportResult> ImportCsvFile(ImportKind kind,
                                           const std::string& csv_path,
                                           const std::string& mapping_path) {
  Diagnostics diags;
  diags.RegisterFile(mapping_path);
  diags.RegisterFile(csv_path);
  if (!std::filesystem::exists(mapping_path)) diags.NotFound(mapping_path);
  if (!std::filesystem::exists(csv_path)) diags.NotFound(csv_path);
  if (!diags.ok()) return diags.ToStatus();

  std::optional<YamlNode> root = ReadYamlFile(mapping_path, &diags);
  if (!root) return diags.ToStatus();
  if (!root->is_map()) {
    diags.Error(root->mark,
                absl::StrCat("the mapping must be a map of field: column, "
                             "got ",
                             root->Describe()));
    return diags.ToStatus();
  }
  const CsvOptions csv_options = ReadSeparator(*root, &diags);
  std::optional<CsvTable> table = ReadCsvFile(csv_path, csv_options, &diags);
  if (!table) return diags.ToStatus();

  const ImportMapping mapping = ReadImportMapping(kind, csv_path, mapping_path,
                                                  *root, table->header, &diags);
  if (!diags.ok()) return diags.ToStatus();

  std::vector<std::string> warnings;
  std::vector<ImportRow> rows =
      ReadImportRows(mapping, *table, &diags, &warnings);
  if (!diags.ok()) return diags.ToStatus();

  ImportResult result;
  result.rows = static_cast<int>(rows.size());
  NoteRaggedRows(csv_path, *table, &result.notes);
  for (std::string& w : warnings) result.notes.push_back(std::move(w));
  std::vector<ImportRow> kept =
      KeepLatestSubmissions(std::move(rows), csv_path, &result.notes);
  CheckUniqueImportIds(kept, &diags);
  if (!diags.ok()) return diags.ToStatus();
  result.imported = static_cast<int>(kept.size());
  result.yaml = WriteImportedYaml(mapping, kept, &result.entries);
  return result;
}

}  // namespace fairmatch
