// fairmatch import attendees FILE.csv --mapping MAP.yaml [--out FILE]
// fairmatch import employers FILE.csv --mapping MAP.yaml [--out FILE]
//
// Converts a registration spreadsheet into attendees.yaml or employers.yaml
// (engine/io/csv_import.h, docs/import.md). Notes (dropped duplicate
// submissions) and a summary go to stderr; the output file is written
// atomically and only when the whole import succeeds.
#include <iostream>
#include <memory>
#include <string>

#include "CLI/CLI.hpp"
#include "engine/io/csv_import.h"
#include "engine/io/import_merge.h"
#include "tools/cli.h"
#include "tools/commands.h"

namespace fairmatch {
namespace {

struct ImportArgs {
  std::string csv;
  std::string mapping;
  std::string out;
  bool quiet = false;
  bool force = false;
  bool merge = false;
};

int RunImport(ImportKind kind, const ImportArgs& args) {
  int exit_code = kExitOk;
  if (args.merge && args.out == "-") {
    PrintStatus(absl::InvalidArgumentError(
        "--merge: error: --merge adds to the --out file; give one, e.g. "
        "--out my-fair/attendees.yaml"));
    return kExitBadInput;
  }
  std::unique_ptr<OutputTarget> out;
  if (!ClaimFileOrStdout(
          args.out,
          {{"the CSV export", args.csv}, {"the mapping", args.mapping}},
          // --merge keeps every byte of the file and appends: the user's
          // own file may take it.
          args.force || args.merge, &out, &exit_code)) {
    std::cerr << "import: nothing was written\n";
    return exit_code;
  }
  absl::StatusOr<ImportResult> result =
      ImportCsvFile(kind, args.csv, args.mapping);
  if (result.ok() && args.merge) {
    // Checked by CLI11: --merge needs an --out file.
    result = MergeImport(kind, args.out, args.csv, *std::move(result));
  }
  if (!result.ok()) {
    PrintStatus(result.status());
    std::cerr << "import: nothing was written\n";
    return ExitCodeFor(result.status());
  }
  const char* what = kind == ImportKind::kAttendees ? "attendees" : "employers";
  if (out == nullptr) {
    std::cout << result->yaml;
  } else if (absl::Status s = out->WriteFile(result->yaml); !s.ok()) {
    PrintStatus(s);
    return ExitCodeFor(s);
  }
  // Warnings (a ragged row) print even with --quiet; notes do not.
  for (const std::string& note : result->notes) {
    if (!args.quiet || note.find(": warning: ") != std::string::npos) {
      std::cerr << note << "\n";
    }
  }
  if (!args.quiet) {
    const int dropped = result->rows - result->imported;
    std::cerr << "import: " << result->imported << " " << what << " from "
              << result->rows << " rows";
    if (args.merge) {
      std::cerr << " added; every existing entry kept";
    } else if (dropped > 0) {
      std::cerr << " (" << dropped << " earlier duplicate submission"
                << (dropped == 1 ? "" : "s") << " dropped)";
    }
    if (args.out != "-") std::cerr << " written to " << args.out;
    std::cerr << "\n";
  }
  return kExitOk;
}

void AddKind(CLI::App* import, ImportKind kind, int* exit_code) {
  const bool attendees = kind == ImportKind::kAttendees;
  auto args = std::make_shared<ImportArgs>();
  args->out = attendees ? "attendees.yaml" : "employers.yaml";
  CLI::App* cmd = import->add_subcommand(
      attendees ? "attendees" : "employers",
      attendees ? "Convert an attendee registration export to attendees.yaml"
                : "Convert an employer spreadsheet to employers.yaml");
  cmd->add_option("FILE", args->csv, "The CSV export (comma or semicolon)")
      ->required();
  cmd->add_option("--mapping", args->mapping,
                  "Mapping YAML: which column feeds which field "
                  "(docs/import.md)")
      ->required();
  cmd->add_option("--out", args->out,
                  "Output file, replaced atomically and only if fairmatch "
                  "wrote it (an earlier import); - for standard output")
      ->capture_default_str();
  cmd->add_flag("--force", args->force,
                "Replace the --out file even if fairmatch did not write it "
                "(e.g. a hand-written attendees.yaml)");
  cmd->add_flag("--merge", args->merge,
                "Add the new people to the existing --out file instead of "
                "replacing it: every existing entry is kept, duplicates by "
                "id or e-mail are left out with a note (e.g. walk-ins)");
  cmd->add_flag("--quiet,-q", args->quiet, "Print only errors");
  cmd->callback([args, kind, exit_code] {
    const int code = RunImport(kind, *args);
    if (code != kExitOk) *exit_code = code;
  });
}

}  // namespace

void AddImportCommand(CLI::App& app, int* exit_code) {
  CLI::App* import = app.add_subcommand(
      "import",
      "Convert a registration spreadsheet (CSV) to attendees.yaml or "
      "employers.yaml (docs/import.md)");
  import->require_subcommand(1);
  AddKind(import, ImportKind::kAttendees, exit_code);
  AddKind(import, ImportKind::kEmployers, exit_code);
}

}  // namespace fairmatch
