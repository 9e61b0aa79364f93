// The one way fairmatch reads a file: whole, into memory, never more than
// a limit. A path that names a device or a pipe (/dev/zero, a FIFO) is read
// like a file but stops at the limit, so no input can make a reader read
// forever or exhaust memory. Used by the YAML, CSV and schedule loaders and
// by the output policy's manifests.
//
//   absl::StatusOr<std::string> text = ReadFileCapped(path, 64 << 20);
#ifndef FAIRMATCH_IO_FILE_READER_H_
#define FAIRMATCH_IO_FILE_READER_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"

namespace fairmatch {

enum class ReadResult { kOk, kCannotOpen, kIsFolder, kCannotRead };

// Reads at most `limit` bytes of `path` into *text (replacing it); a caller
// that passes its cap plus one tells "too large" by text->size() > cap. On
// kCannotOpen and kCannotRead, *error holds errno. Loaders word their own
// messages from the result.
ReadResult ReadAtMost(const std::string& path, std::size_t limit,
                      std::string* text, int* error);

// The bytes of `path`. Errors, each "PATH: error: ...": NotFoundError when
// it cannot be opened or read, or is a folder; InvalidArgumentError when it
// holds more than `max_bytes`.
absl::StatusOr<std::string> ReadFileCapped(const std::string& path,
                                           std::size_t max_bytes);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_FILE_READER_H_
