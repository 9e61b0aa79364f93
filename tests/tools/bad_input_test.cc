// The bad-input corpus: every folder in tests/data/bad/ is one fair broken
// in exactly one way (or odd but valid), run through the real binary.
//
// A case folder holds only the files that differ from tests/data/bad/_base/
// (a tiny valid fair without config.yaml) and an expect.txt:
//
//   # what is broken (free text)
//   exit: 2                          required: the exit status
//   first: attendees.yaml:7:5: error:   substring of the first stderr line
//   stderr: names 'acme'             substring anywhere in stderr (repeatable)
//   stdout: 1 violation found        substring anywhere in stdout (repeatable)
//   position: none                   the first line has no LINE:COL
//   arg: --set                       one extra command-line argument each,
//   arg: min_score=abc               in order, after FAIR_DIR
//   remove: employers.yaml           delete a base file
//   generate: attendees.yaml huge    write a file at test time: binary,
//                                    deep-block, deep-json or huge (> 64 MiB)
//   command: check                   run `check FAIR FAIR/schedule.json`
//
// For every case: no signal, no timeout, the expected exit status; for a
// failure, a diagnostic with FILE:LINE:COL unless `position: none`, and an
// output folder (pre-filled with sentinel files) byte-for-byte unchanged
// with nothing left beside it; for success, a complete output that passes
// `fairmatch check`.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/fixtures/folder_snapshot.h"
#include "tests/fixtures/read_file.h"
#include "tests/tools/subprocess.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;
using testing::ProcessResult;
using testing::ReadFile;
using testing::RunProcess;

const fs::path kCorpus = fs::path(FAIRMATCH_SOURCE_DIR) / "tests/data/bad";

struct Expectation {
  int exit_code = -1;
  std::string first;
  std::vector<std::string> stderr_has;
  std::vector<std::string> stdout_has;
  bool has_position = true;
  std::vector<std::string> args;
  std::vector<std::string> remove;
  std::vector<std::pair<std::string, std::string>> generate;  // file, kind
  std::string command = "plan";
};

Expectation ReadExpectation(const fs::path& file) {
  Expectation e;
  std::istringstream lines(ReadFile(file));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t colon = line.find(": ");
    REQUIRE(colon != std::string::npos);
    const std::string key = line.substr(0, colon);
    const std::string value = line.substr(colon + 2);
    if (key == "exit") {
      e.exit_code = std::stoi(value);
    } else if (key == "first") {
      e.first = value;
    } else if (key == "stderr") {
      e.stderr_has.push_back(value);
    } else if (key == "stdout") {
      e.stdout_has.push_back(value);
    } else if (key == "position") {
      e.has_position = value != "none";
    } else if (key == "arg") {
      e.args.push_back(value);
    } else if (key == "remove") {
      e.remove.push_back(value);
    } else if (key == "generate") {
      const size_t space = value.find(' ');
      REQUIRE(space != std::string::npos);
      e.generate.emplace_back(value.substr(0, space), value.substr(space + 1));
    } else if (key == "command") {
      e.command = value;
    } else {
      FAIL("unknown key '" << key << "' in " << file);
    }
  }
  return e;
}

// Inputs too big or too odd to commit, made the same way every time.
void Generate(const fs::path& path, const std::string& kind) {
  std::ofstream out(path, std::ios::binary);
  if (kind == "binary") {
    // 4 KiB of bytes from a fixed LCG: NULs, high bytes, no structure.
    std::uint32_t x = 12345;
    for (int i = 0; i < 4096; ++i) {
      x = x * 1103515245u + 12345u;
      out.put(static_cast<char>(x >> 24));
    }
  } else if (kind == "deep-block") {
    // 100 block lists nested by indentation alone (no '[' for the
    // pre-scan to count).
    out << "attendees:\n";
    for (int depth = 1; depth <= 100; ++depth) {
      out << std::string(2 * depth, ' ') << "-\n";
    }
    out << std::string(202, ' ') << "x\n";
  } else if (kind == "deep-json") {
    // JSON nested 100,000 deep: must not overflow the stack.
    out << std::string(100000, '[') << std::string(100000, ']') << "\n";
  } else if (kind == "huge") {
    // Just over the 64 MiB cap; the size check must fire before parsing.
    out << "attendees:\n";
    const std::string pad = "# " + std::string(1021, 'x') + "\n";
    for (int i = 0; i < 65 * 1024 + 1; ++i) out << pad;
  } else {
    FAIL("unknown generator '" << kind << "'");
  }
}

std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  return testing::SnapshotTree(dir);
}
std::set<std::string> Listing(const fs::path& dir) {
  return testing::ListFolder(dir);
}

std::string FirstLine(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && name[0] != '_') names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// A scratch folder: the fair, the output folder and captured output.
fs::path Scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() /
                       ("fairmatch_bad_" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The output of a previous good run: the base fair planned to JSON and CSV
// (so a successful case visibly replaces it as a whole), made once.
const fs::path& PreviousOutput() {
  static const fs::path dir = [] {
    const fs::path root = Scratch("_previous");
    const fs::path out = root / "out";
    const ProcessResult r =
        RunProcess({FAIRMATCH_BINARY, "plan", (kCorpus / "_base").string(),
                    "--out", out.string(), "--format", "json,csv", "-q"},
                   root.string());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return out;
  }();
  return dir;
}

void RunCase(const std::string& name) {
  const fs::path source = kCorpus / name;
  const Expectation expect = ReadExpectation(source / "expect.txt");
  REQUIRE(expect.exit_code >= 0);

  const fs::path scratch = Scratch(name);
  const fs::path fair = scratch / "fair";
  fs::copy(kCorpus / "_base", fair);
  for (const auto& entry : fs::directory_iterator(source)) {
    if (entry.path().filename() == "expect.txt") continue;
    fs::copy(entry.path(), fair / entry.path().filename(),
             fs::copy_options::overwrite_existing);
  }
  for (const std::string& f : expect.remove) fs::remove(fair / f);
  for (const auto& [file, kind] : expect.generate) Generate(fair / file, kind);

  // The output folder of a previous good run (a copy is still one).
  const fs::path outputs = scratch / "outputs";
  const fs::path out = outputs / "out";
  fs::create_directories(outputs);
  fs::copy(PreviousOutput(), out, fs::copy_options::recursive);
  const auto before = Snapshot(out);
  const auto listing_before = Listing(outputs);

  std::vector<std::string> argv = {FAIRMATCH_BINARY, expect.command,
                                   fair.string()};
  if (expect.command == "check") {
    argv.push_back((fair / "schedule.json").string());
  } else {
    argv.insert(argv.end(), {"--out", out.string()});
  }
  argv.insert(argv.end(), expect.args.begin(), expect.args.end());
  const ProcessResult r = RunProcess(argv, scratch.string());

  INFO("stderr:\n" << r.err);
  REQUIRE(r.started);
  CHECK_FALSE(r.timed_out);
  CHECK(r.signal == 0);
  CHECK(r.exit_code == expect.exit_code);
  CHECK(r.err.find("Sanitizer") == std::string::npos);
  CHECK(r.err.find("runtime error") == std::string::npos);
  for (const std::string& s : expect.stderr_has) {
    CHECK_THAT(r.err, Catch::Contains(s));
  }
  for (const std::string& s : expect.stdout_has) {
    CHECK_THAT(r.out, Catch::Contains(s));
  }

  if (expect.exit_code == 0) {
    if (expect.command == "plan") {
      const auto after = Snapshot(out);
      CHECK(after.count("schedule.json") == 1);
      CHECK(after.count("meetings.csv") == 1);
      CHECK(after.count("schedules.html") == 1);
      CHECK(after != before);  // replaced as a whole
      const ProcessResult check =
          RunProcess({FAIRMATCH_BINARY, "check", fair.string(),
                      (out / "schedule.json").string()},
                     scratch.string());
      INFO("check stderr:\n" << check.err);
      CHECK(check.exit_code == 0);
    }
  } else {
    // `check` reports violations (exit 1) on stdout; every error is on
    // stderr.
    const std::string first = FirstLine(r.err);
    if (expect.exit_code != 1) CHECK_FALSE(first.empty());
    if (!expect.first.empty()) CHECK_THAT(first, Catch::Contains(expect.first));
    if (expect.has_position) {
      static const std::regex kPositioned(R"(^\S+:[0-9]+:[0-9]+: error: .+)");
      CHECK(std::regex_match(first, kPositioned));
    }
    // Nothing written, nothing left behind beside the folder.
    CHECK(Snapshot(out) == before);
    CHECK(Listing(outputs) == listing_before);
  }
  fs::remove_all(scratch);
}

TEST_CASE(
    "the bad-input corpus: exit status, position, no crash, outputs "
    "untouched",
    "[hardening]") {
  const std::vector<std::string> names = CaseNames();
  REQUIRE(names.size() >= 40);
  int failing = 0;
  for (const std::string& name : names) {
    INFO("case tests/data/bad/" << name);
    RunCase(name);
    failing += name.rfind("valid_", 0) != 0;
  }
  CHECK(failing >= 40);
  fs::remove_all(fs::temp_directory_path() /
                 ("fairmatch_bad_" + std::to_string(::getpid())));
}

TEST_CASE("every case of the corpus states its exit status", "[hardening]") {
  for (const std::string& name : CaseNames()) {
    INFO("case tests/data/bad/" << name);
    CHECK(ReadExpectation(kCorpus / name / "expect.txt").exit_code >= 0);
  }
}

// Every reader stops at its cap: /dev/zero (endless bytes) as each kind of
// input fails fast with a message instead of reading until memory runs out.
TEST_CASE("every reader stops at its cap: /dev/zero as each input",
          "[hardening]") {
  const fs::path scratch = Scratch("_dev_zero");
  const fs::path fair = scratch / "fair";
  fs::copy(kCorpus / "_base", fair);
  const fs::path pub = scratch / "pub";
  REQUIRE(RunProcess({FAIRMATCH_BINARY, "plan", fair.string(), "--out",
                      pub.string(), "--format", "json", "-q"},
                     scratch.string())
              .exit_code == 0);
  const fs::path zero_fair = scratch / "zero-fair";
  fs::copy(kCorpus / "_base", zero_fair);
  fs::remove(zero_fair / "attendees.yaml");
  fs::create_symlink("/dev/zero", zero_fair / "attendees.yaml");
  const std::string schedule = (pub / "schedule.json").string();
  const std::string out = (scratch / "out").string();
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> kCases = {
      {{"check", fair.string(), "/dev/zero"},
       "/dev/zero: error: the file is larger than 512 MiB"},
      {{"diff", "/dev/zero", schedule}, "/dev/zero: error: the file is larger"},
      {{"diff", schedule, "/dev/zero"}, "/dev/zero: error: the file is larger"},
      {{"plan", fair.string(), "--baseline", "/dev/zero", "--out", out},
       "/dev/zero: error: the file is larger"},
      {{"explain", fair.string(), "--attendee", "a1", "--schedule",
        "/dev/zero"},
       "/dev/zero: error: the file is larger"},
      {{"plan", fair.string(), "--config", "/dev/zero", "--out", out},
       "file is larger than"},
      {{"plan", zero_fair.string(), "--out", out}, "file is larger than"},
  };
  for (const Case& c : kCases) {
    std::vector<std::string> argv = {FAIRMATCH_BINARY};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    const ProcessResult r = RunProcess(argv, scratch.string());
    INFO(c.args[0] << " " << c.args[1] << " " << c.args[2] << ": " << r.err);
    CHECK_FALSE(r.timed_out);
    CHECK(r.signal == 0);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(c.message));
  }
  CHECK_FALSE(fs::exists(out));
  fs::remove_all(scratch);
}

// Error reporting stays linear: a vocabulary of 10,000 values and 800
// unknown ids (and 800 unknown employers) give at most the capped number
// of lines, none listing the whole vocabulary.
TEST_CASE("error reporting stays linear with thousands of ids", "[hardening]") {
  const fs::path scratch = Scratch("_many_unknown");
  const fs::path fair = scratch / "fair";
  fs::copy(kCorpus / "_base", fair);
  {
    std::ofstream event(fair / "event.yaml");
    event << "name: Big\ndate: 2027-03-04\nslots:\n  start: \"10:00\"\n"
             "  end: \"11:00\"\n  length: 15\nvalues:\n";
    for (int v = 0; v < 10000; ++v) {
      event << "  - {id: value" << v << ", label: Value " << v << "}\n";
    }
    std::ofstream attendees(fair / "attendees.yaml");
    attendees << "attendees:\n";
    for (int a = 0; a < 800; ++a) {
      attendees << "  - id: a" << a << "\n    name: A" << a
                << "\n    values: {unknown" << a << ": 3}\n"
                << "    must_meet: [nobody" << a << "]\n";
    }
  }
  const ProcessResult r = RunProcess({FAIRMATCH_BINARY, "plan", fair.string(),
                                      "--out", (scratch / "out").string()},
                                     scratch.string());
  CHECK_FALSE(r.timed_out);
  CHECK(r.exit_code == 2);
  const auto lines = std::count(r.err.begin(), r.err.end(), '\n');
  CHECK(lines <= 52);
  CHECK(r.err.size() < 20000);
  CHECK_THAT(r.err, Catch::Contains("unknown value 'unknown0'"));
  CHECK_THAT(r.err, Catch::Contains("(10000 in all)"));
  CHECK_THAT(r.err, Catch::EndsWith("too many errors; stopping\n"));
  fs::remove_all(scratch);
}

}  // namespace
}  // namespace fairmatch
