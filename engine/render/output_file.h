// One rendered output file: a name relative to the output folder and its
// bytes. Renderers that make many files (calendars) return several.
#ifndef FAIRMATCH_RENDER_OUTPUT_FILE_H_
#define FAIRMATCH_RENDER_OUTPUT_FILE_H_

#include <string>

namespace fairmatch {

struct OutputFile {
  std::string name;  // relative to the output folder, '/'-separated
  std::string content;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_OUTPUT_FILE_H_
