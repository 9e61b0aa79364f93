#include "engine/io/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include "absl/strings/str_cat.h"

namespace fairmatch {

ReadResult ReadAtMost(const std::string& path, std::size_t limit,
                      std::string* text, int* error) {
  text->clear();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = errno;
    return ReadResult::kCannotOpen;
  }
  struct stat st;
  const bool known = ::fstat(fd, &st) == 0;
  if (known && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return ReadResult::kIsFolder;
  }
  if (known && S_ISREG(st.st_mode)) {
    text->reserve(std::min(static_cast<std::size_t>(st.st_size), limit));
  }
  char buffer[1 << 16];
  while (text->size() < limit) {
    const ssize_t n =
        ::read(fd, buffer, std::min(sizeof buffer, limit - text->size()));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = errno;
      ::close(fd);
      return ReadResult::kCannotRead;
    }
    if (n == 0) break;
    text->append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return ReadResult::kOk;
}

absl::StatusOr<std::string> ReadFileCapped(const std::string& path,
                                           std::size_t max_bytes) {
  std::string text;
  int error = 0;
  // One byte past the cap tells "too large"; a cap of SIZE_MAX has no byte
  // past it (and + 1 would wrap to a limit of 0).
  const std::size_t limit = max_bytes == std::numeric_limits<std::size_t>::max()
                                ? max_bytes
                                : max_bytes + 1;
  switch (ReadAtMost(path, limit, &text, &error)) {
    case ReadResult::kOk:
      break;
    case ReadResult::kIsFolder:
      return absl::NotFoundError(
          absl::StrCat(path, ": error: cannot read the file: it is a folder"));
    case ReadResult::kCannotOpen:
    case ReadResult::kCannotRead:
      return absl::NotFoundError(absl::StrCat(
          path, ": error: cannot read the file: ", std::strerror(error)));
  }
  if (text.size() > max_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": error: the file is larger than ", max_bytes >> 20,
                     " MiB; check that it is the right file"));
  }
  return text;
}

}  // namespace fairmatch
