// `fairmatch plan --baseline/--from/--print-config` through the binary, on
// the demo fair: the organiser's rerun cases of docs/reruns.md.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "tests/fixtures/data_dirs.h"
#include "tests/fixtures/read_file.h"
#include "tests/fixtures/temp_dir.h"
#include "tests/tools/subprocess.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::kDemoFair;
using testing::ProcessResult;
using testing::ReadFile;
using testing::RunFairmatch;

// (attendee, employer) -> "start table" of every attendee-meeting.
std::map<std::pair<std::string, std::string>, std::string> Places(
    const json& schedule) {
  std::map<std::pair<std::string, std::string>, std::string> places;
  for (const json& m : schedule["meetings"]) {
    for (const json& a : m["attendees"]) {
      places[{a.get<std::string>(), m["employer"].get<std::string>()}] =
          m["start"].get<std::string>() + " " +
          std::to_string(m["table"].get<int>());
    }
  }
  return places;
}

// The busiest employer of a plan that no attendee names in must_meet or
// avoid (so it can be deleted from employers.yaml alone).
std::string BusiestUnreferenced(const json& schedule,
                                const std::string& attendees_yaml) {
  std::map<std::string, int> load;
  for (const json& m : schedule["meetings"]) {
    load[m["employer"].get<std::string>()] +=
        static_cast<int>(m["attendees"].size());
  }
  std::string best;
  for (const auto& [id, n] : load) {
    if (attendees_yaml.find(id) != std::string::npos) continue;
    if (best.empty() || n > load[best]) best = id;
  }
  return best;
}

// employers.yaml without the entry of `id`.
std::string DeleteEmployer(const std::string& yaml, const std::string& id) {
  std::istringstream in(yaml);
  std::string out;
  bool skipping = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  - id: ", 0) == 0) skipping = line == "  - id: " + id;
    if (!skipping) out += line + "\n";
  }
  return out;
}

// Every UID line of an .ics file.
std::set<std::string> Uids(const fs::path& ics) {
  std::set<std::string> uids;
  std::istringstream in(ReadFile(ics));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("UID:", 0) == 0) uids.insert(line);
  }
  return uids;
}

TEST_CASE(
    "an employer cancels: the rerun keeps almost every other meeting, "
    "passes check and keeps calendar UIDs",
    "[tools][rerun]") {
  const testing::TempDir scratch;  // unique per process and test
  const fs::path dir = scratch.path();
  ProcessResult r =
      RunFairmatch(dir, {"plan", kDemoFair, "--out", (dir / "v1").string()});
  REQUIRE(r.exit_code == 0);
  const json v1 = json::parse(ReadFile(dir / "v1" / "schedule.json"));

  fs::copy(kDemoFair, dir / "fair");
  const std::string gone =
      BusiestUnreferenced(v1, ReadFile(dir / "fair" / "attendees.yaml"));
  REQUIRE(!gone.empty());
  const std::string employers =
      DeleteEmployer(ReadFile(dir / "fair" / "employers.yaml"), gone);
  std::ofstream(dir / "fair" / "employers.yaml") << employers;

  r = RunFairmatch(dir, {"plan", (dir / "fair").string(), "--baseline",
                         (dir / "v1" / "schedule.json").string(), "--out",
                         (dir / "v2").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("against the baseline:") != std::string::npos);
  r = RunFairmatch(dir, {"check", (dir / "fair").string(),
                         (dir / "v2" / "schedule.json").string()});
  CHECK(r.exit_code == 0);

  const json v2 = json::parse(ReadFile(dir / "v2" / "schedule.json"));
  const auto before = Places(v1);
  const auto after = Places(v2);
  int others = 0, kept = 0;
  for (const auto& [pair, place] : before) {
    if (pair.second == gone) continue;
    ++others;
    const auto it = after.find(pair);
    kept += it != after.end() && it->second == place;
  }
  INFO("kept " << kept << " of " << others);
  CHECK(kept >= 0.95 * others);
  const json& b = v2["metrics"]["baseline"];
  CHECK(b["kept"].get<int>() + b["moved"].get<int>() +
            b["dropped"].get<int>() ==
        static_cast<int>(before.size()));
  CHECK(b["kept"].get<int>() + b["moved"].get<int>() + b["added"].get<int>() ==
        static_cast<int>(after.size()));

  // An attendee whose meetings are all kept keeps every calendar UID.
  int same = 0, checked = 0;
  for (const json& person : v2["people"]["attendees"]) {
    const std::string id = person["id"].get<std::string>();
    bool untouched = true;
    for (const auto& [pair, place] : before) {
      if (pair.first != id) continue;
      const auto it = after.find(pair);
      untouched = untouched && it != after.end() && it->second == place;
    }
    for (const auto& [pair, place] : after) {
      if (pair.first == id) untouched = untouched && before.count(pair) == 1;
    }
    const fs::path one = dir / "v1" / "calendar" / (id + ".ics");
    const fs::path two = dir / "v2" / "calendar" / (id + ".ics");
    if (!untouched || !fs::exists(one)) continue;
    ++checked;
    same += Uids(one) == Uids(two) && !Uids(one).empty();
  }
  CHECK(checked > 100);
  CHECK(same == checked);

  // Everyone who was to meet the cancelled employer finds that conversation
  // cancelled, under its old UID, in the new calendar file.
  CHECK(v2["fairmatch"]["revision"].get<int>() == 1);
  int lost = 0;
  for (const auto& [pair, place] : before) {
    if (pair.second != gone) continue;
    ++lost;
    const fs::path one = dir / "v1" / "calendar" / (pair.first + ".ics");
    const fs::path two = dir / "v2" / "calendar" / (pair.first + ".ics");
    REQUIRE(fs::exists(two));
    const std::string text = ReadFile(two);
    std::string old_uid;
    for (const std::string& uid : Uids(one)) {
      if (uid.find("-" + gone + "-") != std::string::npos) old_uid = uid;
    }
    INFO(pair.first << " " << old_uid);
    REQUIRE(!old_uid.empty());
    const std::size_t at = text.find(old_uid);  // "UID:...\r", a whole line
    REQUIRE(at != std::string::npos);
    const std::size_t end = text.find("END:VEVENT", at);
    CHECK(text.substr(at, end - at).find("STATUS:CANCELLED") !=
          std::string::npos);
    CHECK(text.substr(at, end - at).find("SEQUENCE:1") != std::string::npos);
  }
  CHECK(lost > 0);
}

TEST_CASE("a lock that cannot hold exits 3, says why and writes nothing",
          "[tools][rerun]") {
  const testing::TempDir scratch;  // unique per process and test
  const fs::path dir = scratch.path();
  REQUIRE(RunFairmatch(dir, {"plan", kDemoFair, "--format", "json", "--out",
                             (dir / "v1").string()})
              .exit_code == 0);
  json v1 = json::parse(ReadFile(dir / "v1" / "schedule.json"));
  fs::copy(kDemoFair, dir / "fair");
  const std::string gone =
      BusiestUnreferenced(v1, ReadFile(dir / "fair" / "attendees.yaml"));
  const std::string employers =
      DeleteEmployer(ReadFile(dir / "fair" / "employers.yaml"), gone);
  std::ofstream(dir / "fair" / "employers.yaml") << employers;
  for (json& m : v1["meetings"]) {
    if (m["employer"] == gone) {
      m["locked"] = true;
      break;
    }
  }
  std::ofstream(dir / "locked.json") << v1.dump(1);
  ProcessResult r = RunFairmatch(
      dir, {"plan", (dir / "fair").string(), "--baseline",
            (dir / "locked.json").string(), "--out", (dir / "v2").string()});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("locked meeting at ") != std::string::npos);
  CHECK(r.err.find("employer " + gone + " is no longer in employers.yaml") !=
        std::string::npos);
  CHECK(!fs::exists(dir / "v2"));
}

TEST_CASE("a replan from a time of day keeps everything before it",
          "[tools][rerun]") {
  const testing::TempDir scratch;  // unique per process and test
  const fs::path dir = scratch.path();
  REQUIRE(RunFairmatch(dir, {"plan", kDemoFair, "--format", "json", "--out",
                             (dir / "v1").string()})
              .exit_code == 0);
  // The day's priorities change at 11:00: more weight on shared values.
  ProcessResult r = RunFairmatch(
      dir, {"plan", kDemoFair, "--baseline",
            (dir / "v1" / "schedule.json").string(), "--from", "11:00", "--set",
            "weights.values=0.9", "--set", "rerun.change_penalty=0", "--format",
            "json", "--out", (dir / "v2").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json v1 = json::parse(ReadFile(dir / "v1" / "schedule.json"));
  const json v2 = json::parse(ReadFile(dir / "v2" / "schedule.json"));
  auto before_eleven = [](const json& s) {
    std::set<std::string> lines;
    for (json m : s["meetings"]) {
      if (m["start"].get<std::string>() >= "11:00") continue;
      m.erase("scores");  // the weights changed, so the scores did
      // and what had happened is now history
      if (m.contains("history")) {
        if (!m["history"].get<bool>()) continue;
        m.erase("history");
      }
      lines.insert(m.dump());
    }
    return lines;
  };
  CHECK(!before_eleven(v1).empty());
  CHECK(before_eleven(v1) == before_eleven(v2));
  // Every one of them is marked history, none locked.
  for (const json& m : v2["meetings"]) {
    if (m["start"].get<std::string>() >= "11:00") continue;
    CHECK(m.value("history", false));
    CHECK_FALSE(m.contains("locked"));
  }
  // With no change penalty and new weights, later slots did change.
  CHECK(v2["metrics"]["baseline"]["kept"].get<int>() <
        static_cast<int>(Places(v1).size()));
}

TEST_CASE("plan --from needs --baseline and a time of day", "[tools][rerun]") {
  const testing::TempDir scratch;  // unique per process and test
  const fs::path dir = scratch.path();
  ProcessResult r = RunFairmatch(dir, {"plan", kDemoFair, "--from", "11:00",
                                       "--out", (dir / "out").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--baseline") != std::string::npos);
  REQUIRE(RunFairmatch(dir, {"plan", kDemoFair, "--format", "json", "--out",
                             (dir / "v1").string()})
              .exit_code == 0);
  for (const char* bad : {"25:00", "11", "11:5", "eleven"}) {
    r = RunFairmatch(dir, {"plan", kDemoFair, "--baseline",
                           (dir / "v1" / "schedule.json").string(), "--from",
                           bad, "--out", (dir / "out").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--from: error:") != std::string::npos);
  }
  CHECK(!fs::exists(dir / "out"));
}

TEST_CASE("plan --print-config shows every value and where it came from",
          "[tools][rerun]") {
  const testing::TempDir scratch;  // unique per process and test
  const fs::path dir = scratch.path();
  ProcessResult r =
      RunFairmatch(dir, {"plan", kDemoFair, "--print-config", "--set",
                         "min_score=0.3", "--out", (dir / "out").string()});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("min_score: 0.3") != std::string::npos);
  CHECK(r.out.find("# --set") != std::string::npos);
  CHECK(r.out.find("seed: 1") != std::string::npos);
  CHECK(r.out.find("config.yaml") != std::string::npos);  // demo sets seed
  CHECK(r.out.find("weights.values: 0.5") != std::string::npos);
  CHECK(r.out.find("# default") != std::string::npos);
  CHECK(!fs::exists(dir / "out"));
  // The printout is itself a valid config file.
  std::ofstream(dir / "printed.yaml") << r.out;
  r = RunFairmatch(dir, {"plan", kDemoFair, "--config",
                         (dir / "printed.yaml").string(), "--print-config"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("min_score: 0.3") != std::string::npos);
}

TEST_CASE(
    "schedule.json records the version, the resolved config and a hash "
    "of the inputs",
    "[tools][rerun]") {
  const testing::TempDir scratch;  // unique per process and test
  const fs::path dir = scratch.path();
  REQUIRE(RunFairmatch(dir, {"plan", kDemoFair, "--format", "json", "--out",
                             (dir / "a").string()})
              .exit_code == 0);
  REQUIRE(RunFairmatch(dir, {"plan", kDemoFair, "--format", "json", "--set",
                             "min_score=0.25", "--out", (dir / "b").string()})
              .exit_code == 0);
  const json a = json::parse(ReadFile(dir / "a" / "schedule.json"));
  const json b = json::parse(ReadFile(dir / "b" / "schedule.json"));
  const std::string ha = a["fairmatch"]["inputs_sha256"].get<std::string>();
  CHECK(ha.size() == 64);
  CHECK(ha.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(b["fairmatch"]["inputs_sha256"].get<std::string>() != ha);
  CHECK(a["fairmatch"]["config"]["min_score"] == "0.2");
  CHECK(b["fairmatch"]["config"]["min_score"] == "0.25");
  CHECK(a["fairmatch"]["config"]["rerun.change_penalty"] == "0.1");
  CHECK(!a["fairmatch"]["version"].get<std::string>().empty());
  // The same inputs from another folder hash the same (paths are not hashed).
  fs::copy(kDemoFair, dir / "copy");
  REQUIRE(RunFairmatch(dir, {"plan", (dir / "copy").string(), "--format",
                             "json", "--out", (dir / "c").string()})
              .exit_code == 0);
  CHECK(ReadFile(dir / "c" / "schedule.json") ==
        ReadFile(dir / "a" / "schedule.json"));
}

TEST_CASE("revisions have no ceiling a fair can reach: every rerun reads back",
          "[rerun][e2e]") {
  const testing::TempDir scratch;
  const fs::path root = scratch.path();
  const std::string base =
      std::string(FAIRMATCH_SOURCE_DIR) + "/tests/data/bad/_base";
  REQUIRE(RunFairmatch(root, {"plan", base, "--out", (root / "v0").string(),
                              "--format", "json", "-q"})
              .exit_code == 0);
  // A baseline at revision 1,000,000 (it used to be the ceiling).
  json v0 = json::parse(ReadFile(root / "v0" / "schedule.json"));
  v0["fairmatch"]["revision"] = 1000000;
  std::ofstream(root / "v0.json") << v0.dump();
  std::string previous = (root / "v0.json").string();
  for (int step = 1; step <= 2; ++step) {
    const fs::path out = root / ("v" + std::to_string(step));
    const ProcessResult r =
        RunFairmatch(root, {"plan", base, "--baseline", previous, "--out",
                            out.string(), "--format", "json", "-q"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(
        json::parse(ReadFile(out / "schedule.json"))["fairmatch"]["revision"] ==
        1000000 + step);
    previous = (out / "schedule.json").string();
  }
  // The very last revision is refused before planning, with a reason.
  v0["fairmatch"]["revision"] = std::numeric_limits<int>::max();
  std::ofstream(root / "last.json") << v0.dump();
  const ProcessResult last = RunFairmatch(
      root, {"plan", base, "--baseline", (root / "last.json").string(), "--out",
             (root / "v9").string()});
  CHECK(last.exit_code == 2);
  CHECK_THAT(last.err, Catch::Contains("the last one; plan afresh instead"));
  CHECK_FALSE(fs::exists(root / "v9"));
}

}  // namespace
}  // namespace fairmatch
