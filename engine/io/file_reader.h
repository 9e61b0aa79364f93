// The one way the loaders read a file: whole, into memory, never more than
// a cap. A path that names a device or a pipe (/dev/zero, a FIFO) is read
// like a file but stops one byte past the cap, so no input can make a
// loader read forever or exhaust memory.
//
//   absl::StatusOr<std::string> text = ReadFileCapped(path, 64 << 20);
#ifndef FAIRMATCH_IO_FILE_READER_H_
#define FAIRMATCH_IO_FILE_READER_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"

namespace fairmatch {

// The bytes of `path`. Errors, each "PATH: error: ...": NotFoundError when
// it cannot be opened or read, or is a folder; InvalidArgumentError when it
// holds more than `max_bytes` (found after reading max_bytes + 1).
absl::StatusOr<std::string> ReadFileCapped(const std::string& path,
                                           std::size_t max_bytes);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_FILE_READER_H_
