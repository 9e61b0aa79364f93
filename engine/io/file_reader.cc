#include "engine/io/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace fairmatch {

absl::StatusOr<std::string> ReadFileCapped(const std::string& path,
                                           std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return absl::NotFoundError(absl::StrCat(
        path, ": error: cannot read the file: ", std::strerror(errno)));
  }
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return absl::NotFoundError(
        absl::StrCat(path, ": error: cannot read the file: it is a folder"));
  }
  std::string text;
  if (S_ISREG(st.st_mode)) {
    text.reserve(
        std::min<std::size_t>(static_cast<std::size_t>(st.st_size), max_bytes) +
        1);
  }
  char buffer[1 << 16];
  while (text.size() <= max_bytes) {
    const std::size_t want =
        std::min(sizeof buffer, max_bytes + 1 - text.size());
    const ssize_t n = ::read(fd, buffer, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return absl::NotFoundError(absl::StrCat(
          path, ": error: cannot read the file: ", std::strerror(err)));
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  if (text.size() > max_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": error: the file is larger than ", max_bytes >> 20,
                     " MiB; check that it is the right file"));
  }
  return text;
}

}  // namespace fairmatch
