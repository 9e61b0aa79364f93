// The output policy (engine/io/output_policy.h), on the engine's API: what
// may be replaced, what is refused with which message, and that a refusal
// or a failure touches nothing. tests/tools/output_safety_test.cc runs the
// same promises through the binary (signals, concurrency, a full disk).
#include "engine/io/output_policy.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tests/fixtures/folder_snapshot.h"
#include "tests/fixtures/read_file.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::TempDir;
using Files = std::vector<std::pair<std::string, std::string>>;

void Put(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  return testing::SnapshotTree(dir);
}
std::set<std::string> Listing(const fs::path& dir) {
  return testing::ListFolder(dir);
}

// Files of a folder without the marker.
std::map<std::string, std::string> Outputs(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string rel = fs::relative(entry.path(), dir).string();
    if (rel != kOutputMarker) files[rel] = ReadFile(entry.path());
  }
  return files;
}

absl::Status WriteFolder(const fs::path& dir, const Files& files,
                         OutputRules rules = {}) {
  absl::StatusOr<std::unique_ptr<OutputTarget>> out =
      OutputTarget::ClaimFolder(dir.string(), rules);
  if (!out.ok()) return out.status();
  return (*out)->WriteFolder(files);
}

absl::Status WriteFile(const fs::path& path, const std::string& content,
                       OutputRules rules = {}) {
  absl::StatusOr<std::unique_ptr<OutputTarget>> out =
      OutputTarget::ClaimFile(path.string(), rules);
  if (!out.ok()) return out.status();
  return (*out)->WriteFile(content);
}

std::string Message(const absl::Status& s) { return std::string(s.message()); }

TEST_CASE("a new output folder is written with its parents and a manifest",
          "[hardening][io]") {
  TempDir tmp;
  const fs::path out = fs::path(tmp.path()) / "a" / "b" / "out";
  REQUIRE(WriteFolder(out, {{"x.txt", "x"}, {"sub/y.txt", "y"}}).ok());
  CHECK(Outputs(out) ==
        std::map<std::string, std::string>{{"x.txt", "x"}, {"sub/y.txt", "y"}});
  const std::string manifest = ReadFile(out / kOutputMarker);
  CHECK_THAT(manifest, Catch::StartsWith("fairmatch output 1\n"));
  CHECK_THAT(manifest, Catch::Contains(" 1 sub/y.txt\n"));
  CHECK_THAT(manifest, Catch::Contains(" 1 x.txt\n"));
  // Nothing beside it: no staging folder, no lock file.
  CHECK(Listing(out.parent_path()) == std::set<std::string>{"out"});
}

TEST_CASE("an earlier output, also a copied one, is replaced as a whole",
          "[hardening][io]") {
  TempDir tmp;
  const fs::path root = tmp.path();
  REQUIRE(
      WriteFolder(root / "out", {{"old.txt", "old"}, {"same.txt", "1"}}).ok());
  REQUIRE(
      WriteFolder(root / "out", {{"new.txt", "new"}, {"same.txt", "2"}}).ok());
  CHECK(Outputs(root / "out") == std::map<std::string, std::string>{
                                     {"new.txt", "new"}, {"same.txt", "2"}});
  CHECK(Listing(root) == std::set<std::string>{"out"});
  // A trailing slash names the same folder.
  REQUIRE(
      WriteFolder((root / "out").string() + "/", {{"third.txt", "3"}}).ok());
  CHECK(Outputs(root / "out") ==
        std::map<std::string, std::string>{{"third.txt", "3"}});
  // Copied elsewhere (new inodes and times), it is still fairmatch's.
  fs::copy(root / "out", root / "copy", fs::copy_options::recursive);
  REQUIRE(WriteFolder(root / "copy", {{"fourth.txt", "4"}}).ok());
  CHECK(Outputs(root / "copy") ==
        std::map<std::string, std::string>{{"fourth.txt", "4"}});
  // An empty folder is fine too.
  fs::create_directory(root / "empty");
  REQUIRE(WriteFolder(root / "empty", {{"a.txt", "a"}}).ok());
  CHECK(Listing(root) == std::set<std::string>{"out", "copy", "empty"});
}

TEST_CASE(
    "folders that are not fairmatch's are refused untouched, naming "
    "what they hold",
    "[hardening][io]") {
  struct Case {
    const char* what;
    std::function<void(const fs::path& out)> make;
    const char* message;
  };
  const Case kCases[] = {
      {"a user folder",
       [](const fs::path& out) {
         Put(out / "budget.xlsx", "money");
         Put(out / "notes" / "a.txt", "a");
         Put(out / "zeta.txt", "z");
         Put(out / "zz.txt", "z");
       },
       "error: OUT/ is not a fairmatch output folder (it holds budget.xlsx, "
       "notes/, zeta.txt, ...): choose another folder or empty this one"},
      {"a folder with only a hidden file",
       [](const fs::path& out) { Put(out / ".DS_Store", "x"); },
       "(it holds .DS_Store)"},
      {"an output to which the user added a file",
       [](const fs::path& out) {
         REQUIRE(WriteFolder(out, {{"schedule.json", "{}"}}).ok());
         Put(out / "calendar" / "mine.txt", "mine");
       },
       "(it holds calendar/)"},
      {"an output with a file the user changed",
       [](const fs::path& out) {
         REQUIRE(WriteFolder(out, {{"meetings.csv", "a,b\n"}}).ok());
         Put(out / "meetings.csv", "a,b\nmy notes\n");
       },
       "(it holds meetings.csv (changed since fairmatch wrote it))"},
      {"an output with a symlink in it",
       [](const fs::path& out) {
         REQUIRE(WriteFolder(out, {{"schedule.json", "{}"}}).ok());
         fs::create_directory_symlink("/", out / "root");
       },
       "(it holds root (a symbolic link))"},
      {"an output with a write-protected file",
       [](const fs::path& out) {
         REQUIRE(WriteFolder(out, {{"schedule.json", "{}"}}).ok());
         fs::permissions(out / "schedule.json", fs::perms::owner_read);
       },
       "(it holds schedule.json (write-protected))"},
      {"a write-protected output",
       [](const fs::path& out) {
         REQUIRE(WriteFolder(out, {{"schedule.json", "{}"}}).ok());
         fs::permissions(out, fs::perms::owner_read | fs::perms::owner_exec);
       },
       "error: OUT/ is write-protected (mode 0500)"},
      {"a file", [](const fs::path& out) { Put(out, "precious"); },
       "error: OUT exists and is not a folder"},
      {"a marker that is not a manifest",
       [](const fs::path& out) { Put(out / kOutputMarker, "hello\n"); },
       "(it holds .fairmatch-output)"},
  };
  for (const Case& c : kCases) {
    INFO(c.what);
    TempDir tmp;
    const fs::path out = fs::path(tmp.path()) / "OUT";
    c.make(out);
    const auto before = Snapshot(tmp.path());
    const absl::Status s = WriteFolder(out, {{"schedule.json", "new"}});
    CHECK(s.code() == absl::StatusCode::kInvalidArgument);
    std::string message = Message(s);
    const size_t at = message.find(out.string());
    if (at != std::string::npos)
      message.replace(at, out.string().size(), "OUT");
    CHECK_THAT(message, Catch::Contains(c.message));
    CHECK(Snapshot(tmp.path()) == before);
    fs::permissions(out, fs::perms::owner_all);
  }
}

TEST_CASE(
    "a folder that is or holds an input is refused; a subfolder of the "
    "fair folder is fine",
    "[hardening][io]") {
  TempDir tmp;
  const fs::path root = tmp.path();
  const fs::path fair = root / "fair";
  Put(fair / "event.yaml", "event");
  REQUIRE(WriteFolder(root / "pub", {{"schedule.json", "{}"}}).ok());
  const auto before = Snapshot(root);
  OutputRules rules;
  rules.inputs = {
      {"the fair folder", fair.string()},
      {"the --baseline", (root / "pub" / "schedule.json").string()}};
  for (const fs::path& out : {fair, root, root / "pub", fair / ".." / "fair"}) {
    INFO(out);
    const absl::Status s = WriteFolder(out, {{"x", "x"}}, rules);
    CHECK(s.code() == absl::StatusCode::kInvalidArgument);
    CHECK_THAT(Message(s), Catch::Contains("input of this run"));
  }
  CHECK(Snapshot(root) == before);
  CHECK(WriteFolder(fair / "out", {{"x", "x"}}, rules).ok());
  // A symlink to the fair folder is the fair folder.
  fs::create_directory_symlink(fair, root / "link");
  CHECK(WriteFolder(root / "link", {{"x", "x"}}, rules).code() ==
        absl::StatusCode::kInvalidArgument);
}

TEST_CASE(
    "unsafe or clashing file names are refused before anything is "
    "written",
    "[hardening][io]") {
  TempDir tmp;
  const fs::path out = fs::path(tmp.path()) / "out";
  REQUIRE(WriteFolder(out, {{"keep.txt", "keep"}}).ok());
  const auto before = Snapshot(tmp.path());
  const std::string kBad[] = {"",
                              "../escape.txt",
                              "sub/../../escape.txt",
                              "..",
                              "/tmp/abs",
                              "/",
                              "a//b",
                              "a/",
                              "./x",
                              "x/.",
                              "sub/..",
                              std::string("a\0b", 3),
                              "line\nbreak",
                              ".fairmatch-output"};
  for (const std::string& name : kBad) {
    INFO("name '" << name << "'");
    const absl::Status s =
        WriteFolder(out, {{"fine.txt", "ok"}, {name, "bad"}});
    CHECK(s.code() == absl::StatusCode::kInvalidArgument);
    CHECK(Snapshot(tmp.path()) == before);
  }
  // "x" as a file and as the folder of "x/y".
  CHECK(WriteFolder(out, {{"x", "1"}, {"x/y", "2"}}).code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(Snapshot(tmp.path()) == before);
  CHECK_FALSE(fs::exists(fs::path(tmp.path()) / "escape.txt"));
}

TEST_CASE("parent folders created for a run that does not write are removed",
          "[hardening][io]") {
  TempDir tmp;
  const fs::path root = tmp.path();
  {
    absl::StatusOr<std::unique_ptr<OutputTarget>> out =
        OutputTarget::ClaimFolder((root / "a" / "b" / "out").string(), {});
    REQUIRE(out.ok());
    CHECK(fs::is_directory(root / "a" / "b"));
    // The run fails (bad input, say) before writing: the claim goes.
  }
  CHECK(Listing(root).empty());
  {
    absl::StatusOr<std::unique_ptr<OutputTarget>> out =
        OutputTarget::ClaimFile((root / "c" / "scores.csv").string(), {});
    REQUIRE(out.ok());
  }
  CHECK(Listing(root).empty());
}

TEST_CASE(
    "one writer at a time: a second claim fails at once naming the "
    "first, a dead holder's lock never blocks",
    "[hardening][io]") {
  TempDir tmp;
  const fs::path out = fs::path(tmp.path()) / "out";
  {
    absl::StatusOr<std::unique_ptr<OutputTarget>> first =
        OutputTarget::ClaimFolder(out.string(), {});
    REQUIRE(first.ok());
    absl::StatusOr<std::unique_ptr<OutputTarget>> second =
        OutputTarget::ClaimFolder(out.string(), {});
    REQUIRE_FALSE(second.ok());
    CHECK(second.status().code() == absl::StatusCode::kUnavailable);
    CHECK_THAT(Message(second.status()),
               Catch::StartsWith("error: " + out.string() +
                                 "/ is being written by fairmatch (pid " +
                                 std::to_string(::getpid()) + ")"));
    REQUIRE((*first)->WriteFolder({{"a", "a"}}).ok());
  }
  // A lock file left by a killed run (nobody holds it) does not block.
  Put(fs::path(tmp.path()) / ".out.fairmatch-lock", "99999\n");
  CHECK(WriteFolder(out, {{"b", "b"}}).ok());
  CHECK(Listing(tmp.path()) == std::set<std::string>{"out"});
}

TEST_CASE(
    "what killed runs left is removed by the next run, recognised by "
    "name and marker together",
    "[hardening][io]") {
  TempDir tmp;
  const fs::path root = tmp.path();
  REQUIRE(WriteFolder(root / "out", {{"a", "a"}}).ok());
  // A staging folder killed mid-write, one killed before its marker, one
  // holding a previous output that was being removed.
  Put(root / ".out.fairmatch-tmp-123-0" / kOutputMarker,
      "fairmatch staging 1\n# ...\n");
  Put(root / ".out.fairmatch-tmp-123-0" / "calendar" / "a.ics", "half");
  fs::create_directory(root / ".out.fairmatch-tmp-124-0");
  fs::copy(root / "out", root / ".out.fairmatch-tmp-125-3",
           fs::copy_options::recursive);
  // Same name pattern, but no marker: not ours, kept. Another output's
  // leftovers are that output's business.
  Put(root / ".out.fairmatch-tmp-mine" / "notes.txt", "mine");
  Put(root / ".other.fairmatch-tmp-1-0" / kOutputMarker,
      "fairmatch staging 1\n");
  absl::StatusOr<std::unique_ptr<OutputTarget>> out =
      OutputTarget::ClaimFolder((root / "out").string(), {});
  REQUIRE(out.ok());
  CHECK((*out)->removed_leftovers() == 3);
  REQUIRE((*out)->WriteFolder({{"b", "b"}}).ok());
  out->reset();
  CHECK(Listing(root) == std::set<std::string>{"out", ".out.fairmatch-tmp-mine",
                                               ".other.fairmatch-tmp-1-0"});
}

TEST_CASE("the folder is checked again before the swap", "[hardening][io]") {
  TempDir tmp;
  const fs::path out = fs::path(tmp.path()) / "out";
  REQUIRE(WriteFolder(out, {{"a", "a"}}).ok());
  absl::StatusOr<std::unique_ptr<OutputTarget>> claim =
      OutputTarget::ClaimFolder(out.string(), {});
  REQUIRE(claim.ok());
  Put(out / "added-while-planning.txt", "mine");  // the user, meanwhile
  const absl::Status s = (*claim)->WriteFolder({{"b", "b"}});
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  CHECK_THAT(Message(s), Catch::Contains("added-while-planning.txt"));
  claim->reset();
  CHECK(Outputs(out) == std::map<std::string, std::string>{
                            {"a", "a"}, {"added-while-planning.txt", "mine"}});
  CHECK(Listing(tmp.path()) == std::set<std::string>{"out"});
}

TEST_CASE(
    "single files: fairmatch's own are replaced, others only with "
    "force, never devices, FIFOs, folders or inputs",
    "[hardening][io]") {
  TempDir tmp;
  const fs::path root = tmp.path();
  // A new file, then the same again: it is fairmatch's.
  REQUIRE(WriteFile(root / "scores.csv", "one").ok());
  REQUIRE(WriteFile(root / "scores.csv", "two").ok());
  CHECK(ReadFile(root / "scores.csv") == "two");
  CHECK(Listing(root) == std::set<std::string>{"scores.csv", kFilesManifest});
  // Changed by the user: refused, then replaced with force.
  Put(root / "scores.csv", "two, sorted by hand");
  absl::Status s = WriteFile(root / "scores.csv", "three");
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  CHECK_THAT(Message(s), Catch::Contains("was not written by fairmatch (or was "
                                         "changed since): pass --force"));
  CHECK(ReadFile(root / "scores.csv") == "two, sorted by hand");
  OutputRules force;
  force.force = true;
  REQUIRE(WriteFile(root / "scores.csv", "three", force).ok());
  CHECK(ReadFile(root / "scores.csv") == "three");
  // And after that it is fairmatch's again.
  REQUIRE(WriteFile(root / "scores.csv", "four").ok());
  // Its mode is kept.
  fs::permissions(root / "scores.csv",
                  fs::perms::owner_read | fs::perms::owner_write);
  REQUIRE(WriteFile(root / "scores.csv", "five").ok());
  CHECK((fs::status(root / "scores.csv").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));

  // A hand-written file, even with force when it is write-protected.
  Put(root / "attendees.yaml", "attendees: []  # mine\n");
  CHECK(WriteFile(root / "attendees.yaml", "x").code() ==
        absl::StatusCode::kInvalidArgument);
  fs::permissions(root / "attendees.yaml", fs::perms::owner_read);
  s = WriteFile(root / "attendees.yaml", "x", force);
  CHECK_THAT(Message(s), Catch::Contains("is write-protected (mode 0400)"));
  CHECK(ReadFile(root / "attendees.yaml") == "attendees: []  # mine\n");

  // Not regular files: refused even with force, and never turned into one.
  ::mkfifo((root / "fifo").c_str(), 0644);
  fs::create_directory(root / "folder");
  for (const auto& [path, kind] : std::vector<std::pair<fs::path, std::string>>{
           {"/dev/null", "a device"},
           {root / "fifo", "a FIFO"},
           {root / "folder", "a folder"}}) {
    INFO(path);
    s = WriteFile(path, "x", force);
    CHECK(s.code() == absl::StatusCode::kInvalidArgument);
    CHECK_THAT(Message(s), Catch::Contains("is " + kind));
  }
  CHECK(fs::is_character_file("/dev/null"));
  CHECK(fs::is_fifo(root / "fifo"));

  // An input of the run, even with force.
  OutputRules inputs = force;
  inputs.inputs = {{"the CSV export", (root / "scores.csv").string()}};
  s = WriteFile(root / "scores.csv", "x", inputs);
  CHECK_THAT(Message(s),
             Catch::Contains("is an input of this run (the CSV export)"));
  CHECK(ReadFile(root / "scores.csv") == "five");

  // Nothing temporary is left beside them.
  CHECK(Listing(root) == std::set<std::string>{"scores.csv", kFilesManifest,
                                               "attendees.yaml", "fifo",
                                               "folder"});
  fs::permissions(root / "attendees.yaml", fs::perms::owner_all);
}

TEST_CASE(
    "a symlinked output is written through to a target the policy "
    "allows, and refused otherwise",
    "[hardening][io]") {
  TempDir tmp;
  const fs::path root = tmp.path();
  REQUIRE(WriteFile(root / "real.csv", "one").ok());
  fs::create_symlink("real.csv", root / "link.csv");
  REQUIRE(WriteFile(root / "link.csv", "two").ok());
  CHECK(fs::is_symlink(root / "link.csv"));
  CHECK(ReadFile(root / "real.csv") == "two");
  // To a hand-written file: refused like the file itself.
  Put(root / "mine.csv", "mine");
  fs::create_symlink("mine.csv", root / "mine-link.csv");
  CHECK(WriteFile(root / "mine-link.csv", "x").code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(ReadFile(root / "mine.csv") == "mine");
  // Dangling: refused.
  fs::create_symlink("nowhere/x.csv", root / "dangling.csv");
  CHECK_THAT(Message(WriteFile(root / "dangling.csv", "x")),
             Catch::Contains("is a symbolic link to 'nowhere/x.csv', which "
                             "does not exist"));
  // A folder link: the target folder is judged.
  REQUIRE(WriteFolder(root / "out", {{"a", "a"}}).ok());
  fs::create_directory_symlink("out", root / "out-link");
  REQUIRE(WriteFolder(root / "out-link", {{"b", "b"}}).ok());
  CHECK(fs::is_symlink(root / "out-link"));
  CHECK(Outputs(root / "out") ==
        std::map<std::string, std::string>{{"b", "b"}});
}

TEST_CASE("new files are added all or nothing and never replace anything",
          "[hardening][io]") {
  TempDir tmp;
  const fs::path fair = fs::path(tmp.path()) / "new" / "fair";
  REQUIRE(OutputTarget::WriteNewFiles(
              fair.string(), {{"event.yaml", "e"}, {"attendees.yaml", "a"}}, {})
              .ok());
  CHECK(Listing(fair) ==
        std::set<std::string>{"event.yaml", "attendees.yaml", kFilesManifest});
  // An import may later replace the unchanged template.
  REQUIRE(WriteFile(fair / "attendees.yaml", "imported").ok());
  // A second init: every clash is named, nothing is written.
  Put(fair / "config.yaml", "mine");
  const auto before = Snapshot(tmp.path());
  const absl::Status s = OutputTarget::WriteNewFiles(
      fair.string(), {{"config.yaml", "c"}, {"employers.yaml", "e"}}, {});
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  CHECK_THAT(Message(s), Catch::Contains("config.yaml: error: already exists"));
  CHECK(Snapshot(tmp.path()) == before);
}

TEST_CASE(
    "a previous output that cannot be removed is an error, not "
    "silence, and the next run removes it",
    "[hardening][io]") {
  TempDir tmp;
  const fs::path root = tmp.path();
  REQUIRE(
      WriteFolder(root / "out", {{"a", "a"}, {"calendar/x.ics", "x"}}).ok());
  // A mount point inside the old output passes every check (it is a
  // writable folder of the manifest) but cannot be removed (EBUSY). An
  // immutable file would not do: it counts as write-protected.
  if (::mount("tmpfs", (root / "out" / "calendar").c_str(), "tmpfs", 0,
              "size=1m") != 0) {
    WARN("cannot mount a tmpfs here (needs root); skipped");
    return;
  }
  const absl::Status s = WriteFolder(root / "out", {{"b", "b"}});
  fs::path left;
  for (const std::string& name : Listing(root)) {
    if (name.rfind(".out.fairmatch-tmp-", 0) == 0) left = root / name;
  }
  CHECK(::umount((left / "calendar").c_str()) == 0);
  CHECK(s.code() == absl::StatusCode::kUnavailable);
  CHECK_THAT(Message(s), Catch::Contains("now holds the new output, but the "
                                         "previous one could not be removed"));
  CHECK(Outputs(root / "out") ==
        std::map<std::string, std::string>{{"b", "b"}});
  absl::StatusOr<std::unique_ptr<OutputTarget>> next =
      OutputTarget::ClaimFolder((root / "out").string(), {});
  REQUIRE(next.ok());
  CHECK((*next)->removed_leftovers() == 1);
  next->reset();
  CHECK(Listing(root) == std::set<std::string>{"out"});
}

TEST_CASE("cleaning up leftovers unlinks symlinks and never follows them",
          "[hardening][io]") {
  TempDir tmp;
  const fs::path root = tmp.path();
  Put(root / "user" / "precious.txt", "precious");
  const fs::path left = root / ".out.fairmatch-tmp-77-0";
  Put(left / kOutputMarker, "fairmatch staging 1\n");
  fs::create_directory_symlink(root / "user", left / "link");
  fs::create_symlink(root / "user" / "precious.txt", left / "file-link");
  absl::StatusOr<std::unique_ptr<OutputTarget>> out =
      OutputTarget::ClaimFolder((root / "out").string(), {});
  REQUIRE(out.ok());
  CHECK((*out)->removed_leftovers() == 1);
  out->reset();
  CHECK(Listing(root) == std::set<std::string>{"user"});
  CHECK(ReadFile(root / "user" / "precious.txt") == "precious");
}

// The policy holds only if nothing else writes: every call that creates,
// replaces or removes a file lives in engine/io/output_policy.cc or in
// the primitives it is built from, engine/io/output_files.cc. A new
// command that writes must go through OutputTarget, and this test says so.
TEST_CASE(
    "no code outside the output policy writes, renames or removes "
    "files",
    "[hardening][io]") {
  const fs::path source = FAIRMATCH_SOURCE_DIR;
  const char* kWriters[] = {"ofstream",
                            "fopen(",
                            "O_CREAT",
                            "O_WRONLY",
                            "O_RDWR",
                            "remove_all",
                            "fs::remove(",
                            "filesystem::remove",
                            "rename(",
                            "renameat",
                            "create_director",
                            "::unlink",
                            "unlinkat",
                            "::rmdir",
                            "fs::copy",
                            "filesystem::copy",
                            "permissions(",
                            "::truncate",
                            "ftruncate",
                            "mkdir(",
                            "cairo_pdf_surface_create(",
                            "cairo_surface_write_to_png(",
                            "::link(",
                            "symlink("};
  int files = 0;
  for (const char* layer : {"engine", "tools"}) {
    for (const auto& entry : fs::recursive_directory_iterator(source / layer)) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".cc" && ext != ".h") continue;
      const std::string rel = fs::relative(entry.path(), source).string();
      if (rel == "engine/io/output_policy.cc" ||
          rel == "engine/io/output_policy.h" ||
          rel == "engine/io/output_files.cc") {
        continue;
      }
      ++files;
      const std::string text = ReadFile(entry.path());
      for (const char* writer : kWriters) {
        INFO(rel << " uses " << writer);
        CHECK(text.find(writer) == std::string::npos);
      }
    }
  }
  CHECK(files > 50);
}

}  // namespace
}  // namespace fairmatch

namespace fairmatch {
namespace {

TEST_CASE(
    "an append-only file: complete lines back, a cut line repaired, "
    "one writer, regular files only",
    "[hardening][io]") {
  testing::TempDir dir;
  const std::string path = dir.File("journal.tsv");
  {
    std::string text;
    absl::StatusOr<std::unique_ptr<AppendOnlyFile>> f =
        AppendOnlyFile::Open(path, &text);
    REQUIRE(f.ok());
    CHECK(text.empty());
    REQUIRE((*f)->Append("one\n").ok());
    REQUIRE((*f)->Append("two, cut sh").ok());  // as if killed mid-record
    // A second writer is refused while the first holds the file.
    std::string other;
    CHECK(absl::IsUnavailable(AppendOnlyFile::Open(path, &other).status()));
  }
  std::string text;
  absl::StatusOr<std::unique_ptr<AppendOnlyFile>> f =
      AppendOnlyFile::Open(path, &text);
  REQUIRE(f.ok());
  CHECK(text == "one\n");
  REQUIRE((*f)->Append("three\n").ok());
  f->reset();
  CHECK(dir.Read("journal.tsv") == "one\nthree\n");
  std::string ignored;
  CHECK(absl::IsInvalidArgument(
      AppendOnlyFile::Open(dir.path(), &ignored).status()));
}

}  // namespace
}  // namespace fairmatch
