// The last step of `fairmatch import` (docs/import.md): the kept rows
// written as attendees.yaml or employers.yaml text that `fairmatch plan`
// accepts unchanged, one entry per row in input order (so reruns on a grown
// export diff cleanly), with a header saying where it came from.
//
//   std::vector<ImportedEntry> entries;
//   std::string yaml = WriteImportedYaml(mapping, kept, &entries);
#ifndef FAIRMATCH_IO_IMPORT_WRITER_H_
#define FAIRMATCH_IO_IMPORT_WRITER_H_

#include <string>
#include <vector>

#include "engine/io/import_mapping.h"
#include "engine/io/import_rows.h"

namespace fairmatch {

// One entry written, with its text ("  - id: ...\n    name: ...\n...").
struct ImportedEntry {
  std::string id;
  std::string name;
  std::string email;
  int line = 0;  // the CSV line its row starts on
  std::string text;
};

// The YAML of `kept`; appends each entry's text to `entries`. The mapping
// gives the side (the list key and the fields written) and the file names
// in the header comment.
std::string WriteImportedYaml(const ImportMapping& mapping,
                              const std::vector<ImportRow>& kept,
                              std::vector<ImportedEntry>* entries);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_IMPORT_WRITER_H_
