// Reading a whole file under a cap (io/file_reader.h): ReadAtMost's
// results and truncation, ReadFileCapped's errors, and devices and pipes
// that never end or end late.
#include "engine/io/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

using testing::TempDir;

// `n` bytes that differ from one 64 KiB block to the next, so a read that
// skipped or repeated a block would not compare equal.
std::string Pattern(std::size_t n) {
  std::string text(n, '\0');
  for (std::size_t i = 0; i < n; ++i) {
    text[i] = static_cast<char>((i * 7 + i / 65536) % 251);
  }
  return text;
}

TEST_CASE("ReadAtMost reads a whole file byte for byte", "[io][file_reader]") {
  TempDir dir;
  const std::string bytes("a\r\nb\0c\xff\n", 8);
  const std::string path = dir.Write("f.bin", bytes);
  std::string text = "left over from before";
  int error = -1;
  CHECK(ReadAtMost(path, 1000, &text, &error) == ReadResult::kOk);
  CHECK(text == bytes);
}

TEST_CASE("ReadAtMost stops at the limit, across its 64 KiB reads",
          "[io][file_reader]") {
  TempDir dir;
  const std::string bytes = Pattern(200000);
  const std::string path = dir.Write("big.bin", bytes);
  std::string text;
  int error = 0;
  SECTION("the whole file when the limit is above its size") {
    CHECK(ReadAtMost(path, 1 << 20, &text, &error) == ReadResult::kOk);
    CHECK(text == bytes);
  }
  SECTION("exactly its size") {
    CHECK(ReadAtMost(path, bytes.size(), &text, &error) == ReadResult::kOk);
    CHECK(text == bytes);
  }
  SECTION("a limit inside the second block") {
    CHECK(ReadAtMost(path, 70001, &text, &error) == ReadResult::kOk);
    CHECK(text == bytes.substr(0, 70001));
  }
  SECTION("a limit of one byte") {
    CHECK(ReadAtMost(path, 1, &text, &error) == ReadResult::kOk);
    CHECK(text == bytes.substr(0, 1));
  }
  SECTION("a limit of zero reads nothing") {
    text = "stale";
    CHECK(ReadAtMost(path, 0, &text, &error) == ReadResult::kOk);
    CHECK(text.empty());
  }
}

TEST_CASE("ReadAtMost reads an empty file as empty text", "[io][file_reader]") {
  TempDir dir;
  const std::string path = dir.Write("empty.yaml", "");
  std::string text = "stale";
  int error = 0;
  CHECK(ReadAtMost(path, 10, &text, &error) == ReadResult::kOk);
  CHECK(text.empty());
}

TEST_CASE("ReadAtMost tells a missing file, a folder and a failed read apart",
          "[io][file_reader]") {
  TempDir dir;
  std::string text = "stale";
  int error = 0;
  SECTION("missing: kCannotOpen with errno ENOENT") {
    CHECK(ReadAtMost(dir.File("none.yaml"), 10, &text, &error) ==
          ReadResult::kCannotOpen);
    CHECK(error == ENOENT);
    CHECK(text.empty());
  }
  SECTION("under a file: kCannotOpen with errno ENOTDIR") {
    const std::string file = dir.Write("plain", "x");
    CHECK(ReadAtMost(file + "/inside", 10, &text, &error) ==
          ReadResult::kCannotOpen);
    CHECK(error == ENOTDIR);
  }
  SECTION("a folder: kIsFolder, nothing read") {
    CHECK(ReadAtMost(dir.path(), 10, &text, &error) == ReadResult::kIsFolder);
    CHECK(text.empty());
  }
  SECTION("a read that fails after the open: kCannotRead with its errno") {
    // /proc/self/mem opens, but reading at offset 0 (unmapped) fails.
    if (::access("/proc/self/mem", R_OK) != 0) {
      WARN("no /proc/self/mem here; the kCannotRead case is not run");
      return;
    }
    CHECK(ReadAtMost("/proc/self/mem", 10, &text, &error) ==
          ReadResult::kCannotRead);
    CHECK(error == EIO);
    CHECK(text.empty());
  }
}

TEST_CASE("ReadAtMost stops at the limit on a device that never ends",
          "[io][file_reader]") {
  std::string text;
  int error = 0;
  REQUIRE(ReadAtMost("/dev/zero", 300000, &text, &error) == ReadResult::kOk);
  CHECK(text == std::string(300000, '\0'));
}

TEST_CASE("ReadFileCapped returns the bytes of a file within the cap",
          "[io][file_reader]") {
  TempDir dir;
  SECTION("a small file") {
    const std::string path = dir.Write("event.yaml", "name: Fair\n");
    absl::StatusOr<std::string> text = ReadFileCapped(path, 1 << 20);
    REQUIRE(text.ok());
    CHECK(*text == "name: Fair\n");
  }
  SECTION("an empty file") {
    const std::string path = dir.Write("empty.yaml", "");
    absl::StatusOr<std::string> text = ReadFileCapped(path, 1 << 20);
    REQUIRE(text.ok());
    CHECK(text->empty());
  }
  SECTION("a file of exactly the cap") {
    const std::string bytes = Pattern(std::size_t{1} << 20);
    const std::string path = dir.Write("full.bin", bytes);
    absl::StatusOr<std::string> text = ReadFileCapped(path, bytes.size());
    REQUIRE(text.ok());
    CHECK(*text == bytes);
  }
  SECTION("an empty file under a cap of zero") {
    const std::string path = dir.Write("empty.yaml", "");
    absl::StatusOr<std::string> text = ReadFileCapped(path, 0);
    REQUIRE(text.ok());
    CHECK(text->empty());
  }
}

TEST_CASE("ReadFileCapped: a cap of SIZE_MAX reads the whole file",
          "[io][file_reader]") {
  // The cap plus one, read to tell "too large", must not wrap to zero.
  TempDir dir;
  const std::string path = dir.Write("event.yaml", "name: Fair\n");
  absl::StatusOr<std::string> text = ReadFileCapped(path, SIZE_MAX);
  REQUIRE(text.ok());
  CHECK(*text == "name: Fair\n");
}

TEST_CASE("ReadFileCapped refuses a file one byte over the cap",
          "[io][file_reader]") {
  TempDir dir;
  const std::string path =
      dir.Write("big.yaml", Pattern((std::size_t{2} << 20) + 1));
  absl::StatusOr<std::string> text = ReadFileCapped(path, std::size_t{2} << 20);
  REQUIRE_FALSE(text.ok());
  CHECK(absl::IsInvalidArgument(text.status()));
  CHECK(text.status().message() ==
        path +
            ": error: the file is larger than 2 MiB; check that it is the "
            "right file");
}

TEST_CASE("ReadFileCapped: a missing file or a folder is NotFound",
          "[io][file_reader]") {
  TempDir dir;
  SECTION("missing") {
    const std::string path = dir.File("none.yaml");
    absl::StatusOr<std::string> text = ReadFileCapped(path, 1 << 20);
    REQUIRE_FALSE(text.ok());
    CHECK(absl::IsNotFound(text.status()));
    CHECK(text.status().message() ==
          path + ": error: cannot read the file: " + std::strerror(ENOENT));
  }
  SECTION("a folder") {
    absl::StatusOr<std::string> text = ReadFileCapped(dir.path(), 1 << 20);
    REQUIRE_FALSE(text.ok());
    CHECK(absl::IsNotFound(text.status()));
    CHECK(text.status().message() ==
          dir.path() + ": error: cannot read the file: it is a folder");
  }
  SECTION("a failed read") {
    if (::access("/proc/self/mem", R_OK) != 0) {
      WARN("no /proc/self/mem here; the failed-read case is not run");
      return;
    }
    absl::StatusOr<std::string> text = ReadFileCapped("/proc/self/mem", 10);
    REQUIRE_FALSE(text.ok());
    CHECK(absl::IsNotFound(text.status()));
    CHECK(text.status().message() ==
          std::string("/proc/self/mem: error: cannot read the file: ") +
              std::strerror(EIO));
  }
}

TEST_CASE(
    "ReadFileCapped refuses a device that never ends instead of "
    "reading forever",
    "[io][file_reader]") {
  absl::StatusOr<std::string> text =
      ReadFileCapped("/dev/zero", std::size_t{1} << 20);
  REQUIRE_FALSE(text.ok());
  CHECK(absl::IsInvalidArgument(text.status()));
  CHECK(text.status().message() ==
        "/dev/zero: error: the file is larger than 1 MiB; check that it is "
        "the right file");
}

TEST_CASE("ReadFileCapped reads a pipe to its end, or refuses it past the cap",
          "[io][file_reader]") {
  TempDir dir;
  const std::string fifo = dir.File("pipe");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // The writer puts all of `bytes` in the pipe with one write (below
  // PIPE_BUF, so it is whole before the reader sees any of it, and the
  // reader closing early cannot raise SIGPIPE), then closes it.
  auto write_all = [&fifo](const std::string& bytes) {
    return std::thread([&fifo, bytes] {
      const int fd = ::open(fifo.c_str(), O_WRONLY | O_CLOEXEC);
      if (fd < 0) return;
      const ssize_t n = ::write(fd, bytes.data(), bytes.size());
      (void)n;
      ::close(fd);
    });
  };
  SECTION("within the cap: every byte, up to the writer's close") {
    std::thread writer = write_all("attendees: []\n");
    absl::StatusOr<std::string> text = ReadFileCapped(fifo, 100);
    writer.join();
    REQUIRE(text.ok());
    CHECK(*text == "attendees: []\n");
  }
  SECTION("over the cap: refused") {
    std::thread writer = write_all(std::string(200, 'x'));
    absl::StatusOr<std::string> text = ReadFileCapped(fifo, 100);
    writer.join();
    REQUIRE_FALSE(text.ok());
    CHECK(absl::IsInvalidArgument(text.status()));
    CHECK(absl::StartsWith(text.status().message(),
                           fifo + ": error: the file is larger than "));
  }
}

}  // namespace
}  // namespace fairmatch
