#include "engine/io/output_files.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/fixtures/temp_dir.h"

namespace fairmatch::output_files {
namespace {

using testing::TempDir;

TEST_CASE("safe relative names have only plain components", "[io]") {
  struct Case {
    const char* name;
    bool safe;
  };
  const Case cases[] = {
      {"schedule.json", true},
      {"calendar/a0001.ics", true},
      {"", false},
      {"/etc/passwd", false},
      {"../up", false},
      {"a/./b", false},
      {"a//b", false},
      {"a/", false},
      {"line\nbreak", false},
      {"del\x7f", false},
      {".fairmatch-x", true},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(SafeRelativeName(c.name) == c.safe);
  }
}

TEST_CASE("containment compares whole path components", "[io]") {
  CHECK(Contains("/a/b", "/a/b"));
  CHECK(Contains("/a/b", "/a/b/c"));
  CHECK_FALSE(Contains("/a/b", "/a/bc"));
  CHECK_FALSE(Contains("/a/b/c", "/a/b"));
}

TEST_CASE("sizes read as kB, MB and GB", "[io]") {
  CHECK(FormatBytes(500) == "0.5 kB");
  CHECK(FormatBytes(3'200'000) == "3.2 MB");
  CHECK(FormatBytes(1'250'000'000) == "1.25 GB");
}

TEST_CASE("errors name what the user gave and keep the errno's kind", "[io]") {
  const absl::Status denied = IoError("out/", "create 'out/'", EACCES);
  CHECK(absl::IsPermissionDenied(denied));
  CHECK(denied.message().rfind("out/: error: cannot create 'out/': ", 0) == 0);
  CHECK(absl::IsResourceExhausted(IoError("x", "write", ENOSPC)));
  CHECK(absl::IsUnavailable(IoError("x", "write", EIO)));
}

TEST_CASE("a manifest reads back what ManifestLine wrote", "[io]") {
  const std::string sha(64, 'a');
  const std::string text = "fairmatch output 1\n" +
                           ManifestLine(sha, 12, "schedule.json") +
                           ManifestLine(sha, 7, "calendar/a 1.ics");
  Manifest manifest;
  REQUIRE(ParseManifest(text, "fairmatch output 1", &manifest));
  REQUIRE(manifest.size() == 2);
  CHECK(manifest["schedule.json"] ==
        std::vector<std::pair<std::string, std::uintmax_t>>{{sha, 12}});
  CHECK(manifest["calendar/a 1.ics"][0].second == 7);
  Manifest other;
  CHECK_FALSE(ParseManifest(text, "fairmatch files 1", &other));
  CHECK_FALSE(ParseManifest("", "fairmatch output 1", &other));
}

TEST_CASE("new files are written, hashed, read back and removed as a tree",
          "[io]") {
  TempDir dir;
  const std::filesystem::path root = dir.path();
  const std::filesystem::path tree = root / "tree";
  std::filesystem::create_directories(tree / "sub");
  REQUIRE(WriteNewFile(tree / "a.txt", "hello", /*sync=*/true, "a.txt").ok());
  CHECK(Sha256OfFile(tree / "a.txt") == Sha256Hex("hello"));
  CHECK(Sha256OfFile(tree / "missing") == "");
  // A second write to the same name is refused: the file exists.
  CHECK_FALSE(WriteNewFile(tree / "a.txt", "again", false, "a.txt").ok());
  std::string text;
  REQUIRE(ReadSmallFile(tree / "a.txt", &text));
  CHECK(text == "hello");
  CHECK_FALSE(ReadSmallFile(tree / "sub", &text));
  REQUIRE(WriteNewFile(tree / "sub" / "b", "", false, "b").ok());
  std::filesystem::create_symlink(root, tree / "link");
  CHECK(ListedNames(tree) == std::vector<std::string>{"a.txt", "link", "sub"});
  REQUIRE(RemoveTree(tree, "a.txt"));
  CHECK_FALSE(std::filesystem::exists(tree));
  // The link was unlinked, not followed.
  CHECK(std::filesystem::exists(root));
}

}  // namespace
}  // namespace fairmatch::output_files
