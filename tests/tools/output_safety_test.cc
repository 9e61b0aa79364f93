// Nothing an organiser owns is ever lost: the output policy
// (engine/io/output_policy.h, docs/outputs.md "Where fairmatch writes")
// through the real binary. A table of cases, each run in a fresh world of
// user folders, earlier outputs, links and special files, asserting the
// exit status, the message and a byte-for-byte snapshot of everything that
// must not change; then the moments that matter: SIGKILL at random points
// of a large plan, SIGINT/SIGTERM/SIGHUP, two concurrent runs, a full disk.
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/fixtures/folder_snapshot.h"
#include "tests/fixtures/read_file.h"
#include "tests/fixtures/temp_dir.h"
#include "tests/tools/subprocess.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;
using testing::ChildProcess;
using testing::ListFolder;
using testing::ProcessResult;
using testing::RunProcess;
using testing::SnapshotTree;
using testing::TempDir;

const std::string kBin = FAIRMATCH_BINARY;
const fs::path kSource = FAIRMATCH_SOURCE_DIR;

void Put(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

ProcessResult Run(const fs::path& logs, std::vector<std::string> args,
                  const std::string& cwd = "",
                  std::chrono::milliseconds timeout = std::chrono::minutes(5)) {
  args.insert(args.begin(), kBin);
  return RunProcess(args, logs.string(), timeout, cwd);
}

// The world every case starts from, below `root`:
//   fair/          a tiny valid fair (tests/data/bad/_base), the user's own
//   broken/        the same fair with a broken attendees.yaml
//   pub/           fairmatch's plan of fair/ (every output)
//   added/         a copy of pub/ to which the user added notes.txt
//   ro/            a copy of pub/ made read-only (no write bit at all)
//   user/          budget.xlsx and notes/a.txt
//   hidden/        only .DS_Store
//   empty/         nothing
//   link-user -> user, link-pub -> pub
//   imp/           registrations.csv and its mapping; attendees.yaml
//                  written by hand; own.yaml, an earlier import;
//                  link-hand.yaml -> attendees.yaml
//   file.txt, fifo
void MakeWorld(const fs::path& root, const fs::path& logs) {
  fs::create_directories(root);
  fs::copy(kSource / "tests/data/bad/_base", root / "fair",
           fs::copy_options::recursive);
  fs::copy(root / "fair", root / "broken", fs::copy_options::recursive);
  Put(root / "broken" / "attendees.yaml", "attendees: [\n");
  const ProcessResult plan =
      Run(logs, {"plan", (root / "fair").string(), "--out",
                 (root / "pub").string(), "-q"});
  INFO(plan.err);
  REQUIRE(plan.exit_code == 0);
  fs::copy(root / "pub", root / "added", fs::copy_options::recursive);
  Put(root / "added" / "notes.txt", "my notes");
  fs::copy(root / "pub", root / "ro", fs::copy_options::recursive);
  fs::permissions(root / "ro", fs::perms::owner_read | fs::perms::owner_exec |
                                   fs::perms::group_read |
                                   fs::perms::group_exec);
  Put(root / "user" / "budget.xlsx", "money");
  Put(root / "user" / "notes" / "a.txt", "a");
  Put(root / "hidden" / ".DS_Store", "finder");
  fs::create_directory(root / "empty");
  fs::create_directory_symlink("user", root / "link-user");
  fs::create_directory_symlink("pub", root / "link-pub");
  fs::create_directories(root / "imp");
  fs::copy(kSource / "data/examples/registrations.csv", root / "imp");
  fs::copy(kSource / "data/examples/attendees-mapping.yaml", root / "imp");
  fs::copy(kSource / "data/examples/event.yaml", root / "imp");
  Put(root / "imp" / "attendees.yaml", "attendees: []  # written by hand\n");
  const ProcessResult import = Run(
      logs, {"import", "attendees", (root / "imp/registrations.csv").string(),
             "--mapping", (root / "imp/attendees-mapping.yaml").string(),
             "--out", (root / "imp/own.yaml").string(), "-q"});
  INFO(import.err);
  REQUIRE(import.exit_code == 0);
  fs::create_symlink("attendees.yaml", root / "imp" / "link-hand.yaml");
  Put(root / "file.txt", "precious");
  REQUIRE(::mkfifo((root / "fifo").c_str(), 0644) == 0);
}

// The table leaves trailing fields at their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

struct Case {
  const char* what;
  std::vector<std::string> args;  // "@/" is replaced by the world's root
  int exit_code;
  std::string message;    // in stderr; "@/" likewise
  std::string cwd;        // below the root; "" for the root
  std::string stdout_to;  // a file for stdout instead of the log
  // What may change (paths below the root, with everything below them);
  // everything else must stay byte for byte as it was.
  std::set<std::string> changes;
};

std::string Expand(const std::string& text, const fs::path& root) {
  std::string out = text;
  for (size_t at = out.find("@/"); at != std::string::npos;
       at = out.find("@/", at)) {
    out.replace(at, 2, root.string() + "/");
    at += root.string().size() + 1;
  }
  return out;
}

std::map<std::string, std::string> Without(
    std::map<std::string, std::string> snapshot,
    const std::set<std::string>& changes) {
  for (auto it = snapshot.begin(); it != snapshot.end();) {
    bool drop = false;
    for (const std::string& c : changes) {
      drop = drop || it->first == c || it->first.rfind(c + "/", 0) == 0;
    }
    it = drop ? snapshot.erase(it) : std::next(it);
  }
  return snapshot;
}

const std::string kImport[] = {"import", "attendees", "@/imp/registrations.csv",
                               "--mapping", "@/imp/attendees-mapping.yaml"};
std::vector<std::string> Import(std::vector<std::string> more) {
  std::vector<std::string> args(std::begin(kImport), std::end(kImport));
  args.insert(args.end(), more.begin(), more.end());
  args.push_back("-q");
  return args;
}

const Case kCases[] = {
    // Folders that hold the user's own files, or are inputs.
    {"the fair folder",
     {"plan", "@/fair", "--out", "@/fair"},
     2,
     "error: @/fair/ is an input of this run (the fair folder)"},
    {"the parent of the fair folder",
     {"plan", "@/fair", "--out", "@/"},
     2,
     "holds an input of this run (the fair folder @/fair)"},
    {"the current folder, which holds the fair",
     {"plan", "fair", "--out", "."},
     2,
     "error: ./ holds an input of this run (the fair folder fair); fairmatch "
     "never replaces a folder its inputs are in: choose another folder, e.g. "
     "fair/out",
     ""},
    {"the current folder, a user folder",
     {"plan", "../fair", "--out", "."},
     2,
     "error: ./ is not a fairmatch output folder (it holds budget.xlsx, "
     "notes/): choose another folder or empty this one",
     "user"},
    {"a user folder",
     {"plan", "@/fair", "--out", "@/user"},
     2,
     "error: @/user/ is not a fairmatch output folder (it holds budget.xlsx, "
     "notes/): choose another folder or empty this one"},
    {"a user folder with only a hidden file",
     {"plan", "@/fair", "--out", "@/hidden"},
     2,
     "is not a fairmatch output folder (it holds .DS_Store)"},
    {"a user folder behind a symlink",
     {"plan", "@/fair", "--out", "@/link-user"},
     2,
     "error: @/link-user/ is not a fairmatch output folder (it holds "
     "budget.xlsx"},
    {"an output to which the user added a file",
     {"plan", "@/fair", "--out", "@/added"},
     2,
     "is not a fairmatch output folder (it holds notes.txt)"},
    {"a read-only output",
     {"plan", "@/fair", "--out", "@/ro"},
     2,
     "error: @/ro/ is write-protected (mode 0550)"},
    {"a folder inside an output",
     {"plan", "@/fair", "--out", "@/pub/calendar"},
     2,
     "is not a fairmatch output folder"},
    {"the folder of the --baseline",
     {"plan", "@/fair", "--baseline", "@/pub/schedule.json", "--out", "@/pub"},
     2,
     "holds an input of this run (the --baseline @/pub/schedule.json)"},
    {"a file",
     {"plan", "@/fair", "--out", "@/file.txt"},
     2,
     "error: @/file.txt exists and is not a folder"},
    {"simulate into a user folder",
     {"simulate", "@/fair", "--out", "@/user"},
     2,
     "is not a fairmatch output folder"},
    {"synth into a user folder",
     {"synth", "@/user"},
     2,
     "is not a fairmatch output folder"},
    {"synth over a fair the user wrote",
     {"synth", "@/fair"},
     2,
     "is not a fairmatch output folder (it holds attendees.yaml, "
     "employers.yaml, "
     "event.yaml)"},
    // Folders fairmatch may replace.
    {"an own earlier output",
     {"plan", "@/fair", "--out", "@/pub", "-q"},
     0,
     "",
     "",
     "",
     {"pub"}},
    {"an own earlier output behind a symlink",
     {"plan", "@/fair", "--out", "@/link-pub", "-q", "--format", "json"},
     0,
     "",
     "",
     "",
     {"pub"}},
    {"an empty folder",
     {"plan", "@/fair", "--out", "@/empty", "-q"},
     0,
     "",
     "",
     "",
     {"empty"}},
    {"a subfolder of the fair folder",
     {"plan", "@/fair", "--out", "@/fair/out", "-q"},
     0,
     "",
     "",
     "",
     {"fair/out"}},
    {"new parent folders",
     {"simulate", "@/fair", "--out", "@/new/a/out"},
     0,
     "",
     "",
     "",
     {"new"}},
    // Arguments that would write nothing.
    {"an empty --format",
     {"plan", "@/fair", "--out", "@/pub", "--format", ""},
     2,
     "--format: error: '' names no output"},
    {"an all-commas --format",
     {"plan", "@/fair", "--out", "@/pub", "--format", ","},
     2,
     "--format: error: ',' names no output"},
    {"an unknown --format",
     {"plan", "@/fair", "--out", "@/pub", "--format", "json,pfd"},
     2,
     "--format: error: unknown format 'pfd'"},
    {"plan --out ''",
     {"plan", "@/fair", "--out", ""},
     2,
     "--out: error: the path is empty"},
    {"simulate --out ''",
     {"simulate", "@/fair", "--out", ""},
     2,
     "--out: error: the path is empty"},
    {"import --out ''", Import({"--out", ""}), 2,
     "--out: error: the path is empty"},
    {"scores --out ''",
     {"scores", "@/fair", "--out", ""},
     2,
     "--out: error: the path is empty"},
    {"diff --out ''",
     {"diff", "@/pub/schedule.json", "@/pub/schedule.json", "--out", ""},
     2,
     "--out: error: the path is empty"},
    // Single files.
    {"import over a hand-written file",
     Import({"--out", "@/imp/attendees.yaml"}), 2,
     "error: @/imp/attendees.yaml exists and was not written by fairmatch (or "
     "was changed since): pass --force to replace it, or choose another --out"},
    {"import over a hand-written file with --force",
     Import({"--out", "@/imp/attendees.yaml", "--force"}),
     0,
     "",
     "",
     "",
     {"imp/attendees.yaml", "imp/.fairmatch-files"}},
    {"import over its own earlier output",
     Import({"--out", "@/imp/own.yaml"}),
     0,
     "",
     "",
     "",
     {"imp/own.yaml", "imp/.fairmatch-files"}},
    {"import through a symlink to a hand-written file",
     Import({"--out", "@/imp/link-hand.yaml"}), 2,
     "was not written by fairmatch"},
    {"import over its own CSV",
     Import({"--out", "@/imp/registrations.csv", "--force"}), 2,
     "is an input of this run (the CSV export)"},
    {"import to a device", Import({"--out", "/dev/full", "--force"}), 2,
     "error: /dev/full is a device; fairmatch writes only regular files"},
    {"import to a FIFO", Import({"--out", "@/fifo", "--force"}), 2,
     "is a FIFO (named pipe)"},
    {"import to a folder", Import({"--out", "@/user", "--force"}), 2,
     "is a folder"},
    {"scores over a user file",
     {"scores", "@/fair", "--out", "@/user/budget.xlsx"},
     2,
     "was not written by fairmatch"},
    {"diff over a user file",
     {"diff", "@/pub/schedule.json", "@/pub/schedule.json", "--out",
      "@/file.txt"},
     2,
     "was not written by fairmatch"},
    {"diff over its input",
     {"diff", "@/pub/schedule.json", "@/added/schedule.json", "--out",
      "@/added/schedule.json", "--force"},
     2,
     "is an input of this run (the NEW schedule"},
    {"init over a fair",
     {"init", "@/fair"},
     2,
     "@/fair/event.yaml: error: already exists"},
    // A failed run removes the parent folders it created.
    {"a failed run with new parents",
     {"plan", "@/broken", "--out", "@/new/a/b/out"},
     2,
     "attendees.yaml:"},
    // Standard output that cannot be written.
    {"check to a full disk",
     {"check", "@/fair", "@/pub/schedule.json"},
     1,
     "fairmatch: error: cannot write the standard output",
     "",
     "/dev/full"},
    {"--print-config to a full disk",
     {"plan", "@/fair", "--print-config"},
     1,
     "cannot write the standard output",
     "",
     "/dev/full"},
    {"scores to a full disk",
     {"scores", "@/fair"},
     1,
     "cannot write the standard output",
     "",
     "/dev/full"},
    {"explain to a full disk",
     {"explain", "@/fair", "--attendee", "a1"},
     1,
     "cannot write the standard output",
     "",
     "/dev/full"},
};

TEST_CASE(
    "the output policy, case by case through the binary: exit status, "
    "message, and nothing else touched",
    "[hardening][e2e]") {
  for (const Case& c : kCases) {
    INFO("case: " << c.what);
    TempDir tmp;
    const fs::path root = fs::path(tmp.path()) / "world";
    const fs::path logs = fs::path(tmp.path()) / "logs";
    fs::create_directories(logs);
    MakeWorld(root, logs);
    const auto before = SnapshotTree(root);

    std::vector<std::string> argv = {kBin};
    for (const std::string& a : c.args) argv.push_back(Expand(a, root));
    const std::string cwd = (root / c.cwd).string();
    ChildProcess child(
        argv, c.stdout_to.empty() ? (logs / "out.txt").string() : c.stdout_to,
        (logs / "err.txt").string(), cwd);
    REQUIRE(child.started());
    const ProcessResult r = child.Wait(std::chrono::minutes(2));
    INFO("stderr: " << r.err);
    CHECK(r.signal == 0);
    CHECK(r.exit_code == c.exit_code);
    if (!c.message.empty()) {
      CHECK_THAT(r.err, Catch::Contains(Expand(c.message, root)));
    }
    // Never an uncaught exception or a hidden temporary name.
    CHECK_THAT(r.err, !Catch::Contains("terminate called") &&
                          !Catch::Contains("filesystem error") &&
                          !Catch::Contains("fairmatch-tmp"));
    const auto after = SnapshotTree(root);
    CHECK(Without(after, c.changes) == Without(before, c.changes));
    for (const std::string& changed : c.changes) {
      // What may change did, and no staging folder or lock is left.
      CHECK(after.count(changed) == 1);
    }
    CHECK(fs::is_character_file("/dev/full"));
    fs::permissions(root / "ro", fs::perms::owner_all);
  }
}

TEST_CASE("an import, a copied output and a changed output, step by step",
          "[hardening][e2e]") {
  TempDir tmp;
  const fs::path root = fs::path(tmp.path()) / "world";
  const fs::path logs = fs::path(tmp.path()) / "logs";
  fs::create_directories(logs);
  MakeWorld(root, logs);
  fs::permissions(root / "ro", fs::perms::owner_all);
  auto expanded = [&](std::vector<std::string> args) {
    for (std::string& a : args) a = Expand(a, root);
    return args;
  };
  // A forced import makes the file fairmatch's: the next import just works.
  REQUIRE(
      Run(logs, expanded(Import({"--out", "@/imp/attendees.yaml", "--force"})))
          .exit_code == 0);
  const std::vector<std::string> again =
      expanded(Import({"--out", "@/imp/attendees.yaml"}));
  REQUIRE(Run(logs, again).exit_code == 0);
  // Edited by hand afterwards: refused again, the edit kept.
  Put(root / "imp" / "attendees.yaml",
      "attendees: []  # fixed a name by hand\n");
  const ProcessResult edited = Run(logs, again);
  CHECK(edited.exit_code == 2);
  CHECK_THAT(edited.err, Catch::Contains("or was changed since"));
  CHECK(testing::ReadFile((root / "imp" / "attendees.yaml").string()) ==
        "attendees: []  # fixed a name by hand\n");
  // A moved output folder is still an output folder.
  fs::rename(root / "pub", root / "moved");
  CHECK(Run(logs, {"plan", (root / "fair").string(), "--out",
                   (root / "moved").string(), "-q"})
            .exit_code == 0);
  // The user removes what they added: the folder is fairmatch's again.
  fs::remove(root / "added" / "notes.txt");
  CHECK(Run(logs, {"plan", (root / "fair").string(), "--out",
                   (root / "added").string(), "-q"})
            .exit_code == 0);
}

// Entries beside `out` that a run may have left: staging folders, locks.
std::set<std::string> Debris(const fs::path& out) {
  std::set<std::string> found;
  const std::string prefix = "." + out.filename().string() + ".";
  for (const std::string& name : ListFolder(out.parent_path())) {
    if (name.rfind(prefix, 0) == 0) found.insert(name);
  }
  return found;
}

// What is left beside `out`, for failure messages.
std::string Describe(const fs::path& out) {
  std::string text;
  for (const std::string& name : Debris(out)) {
    text += name + " {";
    for (const auto& [path, what] : SnapshotTree(out.parent_path() / name)) {
      text += " " + path + " (" + std::to_string(what.size()) + " bytes)";
    }
    text += " } ";
  }
  return text;
}

bool Writing(const fs::path& out) {
  for (const std::string& name : Debris(out)) {
    if (name.find("fairmatch-tmp") != std::string::npos) return true;
  }
  return false;
}

// A fair big enough that planning and writing take a while.
struct BigFair {
  TempDir tmp;
  fs::path root = fs::path(tmp.path());
  fs::path logs = root / "logs";
  fs::path big = root / "big";
  fs::path demo = kSource / "data/demo";
  std::map<std::string, std::string> old_output, new_output;
  std::chrono::milliseconds full_run{0};

  BigFair() {
    fs::create_directories(logs);
    REQUIRE(Run(logs, {"synth", big.string(), "--attendees", "5000",
                       "--employers", "100"})
                .exit_code == 0);
    REQUIRE(Run(logs,
                {"plan", demo.string(), "--out", (root / "old").string(), "-q"})
                .exit_code == 0);
    old_output = SnapshotTree(root / "old");
    const auto start = std::chrono::steady_clock::now();
    const ProcessResult full = Run(
        logs, {"plan", big.string(), "--out", (root / "new").string(), "-q"},
        "", std::chrono::minutes(10));
    full_run = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    INFO(full.err);
    REQUIRE(full.exit_code == 0);
    new_output = SnapshotTree(root / "new");
    REQUIRE(new_output != old_output);
  }
  // `out` holds the previous good plan (the demo's).
  void ResetOut(const fs::path& out) {
    fs::remove_all(out);
    fs::copy(root / "old", out, fs::copy_options::recursive);
  }
  std::vector<std::string> PlanBig(const fs::path& out) const {
    return {kBin, "plan", big.string(), "--out", out.string(), "-q"};
  }
};

TEST_CASE(
    "SIGKILL at random points of a large plan: the last plan intact or "
    "the new one complete, and the next run leaves no debris",
    "[hardening][e2e]") {
  BigFair fair;
  const fs::path out = fair.root / "out";
  std::mt19937 random(20261201);
  // Up to 90% of a full run measured once: a kill may still land after the
  // end when the machine speeds up, which the counts below allow for.
  std::uniform_int_distribution<long> when(0, fair.full_run.count() * 9 / 10);
  int killed = 0, killed_while_writing = 0;
  // Ten random moments, then three keyed to the staging folder, when a
  // kill hurts most.
  for (int i = 0; i < 13; ++i) {
    fair.ResetOut(out);
    ChildProcess child(fair.PlanBig(out), (fair.logs / "o.txt").string(),
                       (fair.logs / "e.txt").string());
    REQUIRE(child.started());
    const long delay = i < 10 ? when(random) : -1;
    INFO("kill " << i << " after " << delay << " ms of about "
                 << fair.full_run.count());
    bool writing = false;
    if (delay >= 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      writing = Writing(out);
    } else {
      while (!child.Poll() && !(writing = Writing(out))) {
        std::this_thread::sleep_for(std::chrono::microseconds(100 * (i - 9)));
      }
    }
    child.Kill(SIGKILL);
    const ProcessResult r = child.Wait(std::chrono::minutes(2));
    CHECK((r.signal == SIGKILL || r.exit_code == 0));
    killed += r.signal == SIGKILL;
    killed_while_writing += writing && r.signal == SIGKILL;
    const auto now = SnapshotTree(out);
    CHECK((now == fair.old_output || now == fair.new_output));

    // The next run into the same place cleans up and leaves nothing.
    const ProcessResult next = Run(
        fair.logs, {"plan", fair.demo.string(), "--out", out.string(), "-q"});
    INFO(next.err);
    CHECK(next.exit_code == 0);
    INFO("left beside out: " << Describe(out));
    CHECK(Debris(out).empty());
    CHECK(SnapshotTree(out) == fair.old_output);
  }
  // Not vacuous: most kills landed, and one while the new plan was being
  // written beside the old one.
  CHECK(killed >= 6);
  CHECK(killed_while_writing >= 1);
}

TEST_CASE(
    "SIGINT, SIGTERM and SIGHUP leave no debris and the last plan "
    "intact",
    "[hardening][e2e]") {
  BigFair fair;
  int signalled = 0;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    for (bool while_writing : {false, true}) {
      INFO("signal " << sig
                     << (while_writing ? " while writing" : " while planning"));
      // While planning, into new parent folders, which must go again.
      const fs::path out =
          while_writing ? fair.root / "out" : fair.root / "fresh" / "a" / "out";
      if (while_writing) fair.ResetOut(out);
      ChildProcess child(fair.PlanBig(out), (fair.logs / "o.txt").string(),
                         (fair.logs / "e.txt").string());
      REQUIRE(child.started());
      const auto deadline =
          std::chrono::steady_clock::now() + std::chrono::minutes(2);
      // Planning: the lock is taken; writing: the staging folder exists.
      while (!child.Poll() && std::chrono::steady_clock::now() < deadline) {
        if (while_writing ? Writing(out) : !Debris(out).empty()) break;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
      child.Kill(sig);
      const ProcessResult r = child.Wait(std::chrono::minutes(2));
      CHECK((r.signal == sig || r.exit_code == 0));
      signalled += r.signal == sig;
      if (r.signal == sig) {
        if (while_writing) {
          CHECK(SnapshotTree(out) == fair.old_output);
          CHECK(Debris(out).empty());
        } else {
          CHECK_FALSE(fs::exists(fair.root / "fresh"));
        }
      }
    }
  }
  CHECK(signalled >= 5);  // each signal was keyed to a moment of the run
}

TEST_CASE(
    "two runs on one output: the second fails at once naming the "
    "first, the result is one complete plan",
    "[hardening][e2e]") {
  BigFair fair;
  const fs::path out = fair.root / "out";
  fair.ResetOut(out);
  ChildProcess first(fair.PlanBig(out), (fair.logs / "o1.txt").string(),
                     (fair.logs / "e1.txt").string());
  REQUIRE(first.started());
  while (!first.Poll() && Debris(out).empty()) {
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  const ProcessResult second =
      Run(fair.logs, {"plan", fair.demo.string(), "--out", out.string(), "-q"});
  const ProcessResult r = first.Wait(std::chrono::minutes(5));
  REQUIRE(r.exit_code == 0);
  CHECK(second.exit_code == 1);
  CHECK_THAT(second.err,
             Catch::Contains("error: " + out.string() +
                             "/ is being written by fairmatch (pid "));
  CHECK(SnapshotTree(out) == fair.new_output);
  CHECK(Debris(out).empty());

  // Started together: whichever wins, the folder holds one complete plan.
  fair.ResetOut(out);
  ChildProcess a(fair.PlanBig(out), (fair.logs / "oa.txt").string(),
                 (fair.logs / "ea.txt").string());
  ChildProcess b({kBin, "plan", fair.demo.string(), "--out", out.string(), "-q",
                  "--format", "json"},
                 (fair.logs / "ob.txt").string(),
                 (fair.logs / "eb.txt").string());
  const ProcessResult ra = a.Wait(std::chrono::minutes(5));
  const ProcessResult rb = b.Wait(std::chrono::minutes(5));
  CHECK((ra.exit_code == 0 || rb.exit_code == 0));
  const auto now = SnapshotTree(out);
  CHECK((now == fair.new_output ||
         (rb.exit_code == 0 && now.count("schedule.json") == 1 &&
          now.count(".fairmatch-plan") == 1 && now.size() == 3)));
  CHECK(Debris(out).empty());
}

// A tmpfs of `options` at `dir`, unmounted when done; mounting needs root.
class Tmpfs {
 public:
  Tmpfs(const fs::path& dir, const std::string& options) : dir_(dir) {
    fs::create_directories(dir);
    mounted_ = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) == 0;
  }
  ~Tmpfs() {
    if (mounted_) ::umount(dir_.c_str());
  }
  bool mounted() const { return mounted_; }

 private:
  fs::path dir_;
  bool mounted_ = false;
};

TEST_CASE("a full disk loses nothing and says how much space the run needs",
          "[hardening][e2e]") {
  TempDir tmp;
  const fs::path root = tmp.path();
  const fs::path logs = root / "logs";
  fs::create_directories(logs);
  const std::string demo = (kSource / "data/demo").string();
  const std::string base = (kSource / "tests/data/bad/_base").string();
  {
    Tmpfs disk(root / "disk", "size=2m");
    if (!disk.mounted()) {
      WARN(
          "cannot mount a tmpfs here (needs root); the full-disk case is not "
          "run");
      return;
    }
    const fs::path out = root / "disk" / "out";
    REQUIRE(Run(logs, {"plan", base, "--out", out.string(), "-q"}).exit_code ==
            0);
    const auto last = SnapshotTree(out);
    // The demo's PDFs alone are larger than the disk.
    const ProcessResult r =
        Run(logs, {"plan", demo, "--out", out.string(), "-q"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err,
               Catch::Contains("error: not enough space to write " +
                               out.string() + "/: this run needs about "));
    CHECK_THAT(r.err, Catch::Contains("the last output is unchanged"));
    CHECK(SnapshotTree(out) == last);
    CHECK(ListFolder(root / "disk") == std::set<std::string>{"out"});
    // Into new parent folders on the full disk: they go again.
    const ProcessResult fresh = Run(
        logs, {"plan", demo, "--out", (root / "disk/a/b/out").string(), "-q"});
    CHECK(fresh.exit_code == 1);
    CHECK(ListFolder(root / "disk") == std::set<std::string>{"out"});
  }
  {
    // Bytes to spare but few inodes: the disk fills up in the middle of
    // writing the calendars, after the space check passed.
    Tmpfs disk(root / "inodes", "size=64m,nr_inodes=40");
    REQUIRE(disk.mounted());
    const fs::path out = root / "inodes" / "out";
    REQUIRE(Run(logs, {"plan", base, "--out", out.string(), "-q"}).exit_code ==
            0);
    const auto last = SnapshotTree(out);
    const ProcessResult r =
        Run(logs, {"plan", demo, "--out", out.string(), "-q"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("error: not enough space to write"));
    CHECK_THAT(r.err, !Catch::Contains("fairmatch-tmp"));
    CHECK(SnapshotTree(out) == last);
    CHECK(ListFolder(root / "inodes") == std::set<std::string>{"out"});
  }
}

}  // namespace
}  // namespace fairmatch
