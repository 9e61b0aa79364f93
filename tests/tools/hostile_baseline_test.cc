// Odd and hostile baselines and ids, through the binary (issue "Hostile
// and odd inputs"): a thin baseline is rendered correctly or refused with a
// clear error, and no two calendar events share a UID.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "tests/fixtures/data_dirs.h"
#include "tests/fixtures/minimal_fair.h"
#include "tests/fixtures/read_file.h"
#include "tests/tools/subprocess.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::kDemoFair;
using testing::ProcessResult;
using testing::RunFairmatch;

// Every content line of every calendar in `dir`/calendar.
std::vector<std::string> CalendarLines(const fs::path& dir) {
  std::vector<std::string> lines;
  for (const auto& entry : fs::directory_iterator(dir / "calendar")) {
    const std::string text = testing::ReadFile(entry.path().string());
    size_t at = 0;
    while (at < text.size()) {
      size_t end = text.find("\r\n", at);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(at, end - at);
      if (!line.empty() && line[0] == ' ' && !lines.empty()) {
        lines.back() += line.substr(1);  // unfold
      } else {
        lines.push_back(line);
      }
      at = end + 2;
    }
  }
  return lines;
}

TEST_CASE("a baseline without its event or slots renders valid calendars",
          "[tools][hostile]") {
  const testing::TempDir scratch;
  const fs::path dir = scratch.path();
  REQUIRE(RunFairmatch(dir, {"plan", kDemoFair, "--format", "json", "--out",
                             (dir / "v1").string()})
              .exit_code == 0);
  json thin =
      json::parse(testing::ReadFile((dir / "v1" / "schedule.json").string()));
  thin.erase("event");
  thin.erase("slots");
  thin.erase("people");
  scratch.Write("thin.json", thin.dump(2));
  ProcessResult r = RunFairmatch(
      dir, {"plan", kDemoFair, "--baseline", (dir / "thin.json").string(),
            "--format", "json,ics", "--out", (dir / "v2").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // Nothing changed, so nothing is cancelled; every time is a valid
  // DATE-TIME and every UID starts with the day.
  const std::regex stamp(
      R"(^(DTSTART|DTEND)(;TZID=[^:]+)?:\d{8}T([01]\d|2[0-3])[0-5]\d[0-5]\d$)");
  const std::regex uid(R"(^UID:\d{8}-.+@fairmatch$)");
  int events = 0;
  for (const std::string& line : CalendarLines(dir / "v2")) {
    INFO(line);
    CHECK(line != "STATUS:CANCELLED");
    if (line.rfind("DTSTART", 0) == 0 || line.rfind("DTEND", 0) == 0) {
      if (line.rfind("DTSTART:", 0) == 0 && line.size() == 16 + 8) continue;
      CHECK(std::regex_match(line, stamp));
    }
    if (line.rfind("UID:", 0) == 0) {
      ++events;
      CHECK(std::regex_match(line, uid));
    }
  }
  CHECK(events > 0);

  // Now one attendee loses a meeting: the cancelled event has the day and
  // an end although the baseline names neither.
  scratch.Write("changes.yaml", "withdraw:\n  - {who: e001}\n");
  r = RunFairmatch(
      dir, {"plan", kDemoFair, "--changes", (dir / "changes.yaml").string(),
            "--baseline", (dir / "thin.json").string(), "--format", "ics",
            "--out", (dir / "v3").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  int cancelled = 0;
  for (const std::string& line : CalendarLines(dir / "v3")) {
    INFO(line);
    cancelled += line == "STATUS:CANCELLED";
    if (line.rfind("DTSTART", 0) == 0 || line.rfind("DTEND", 0) == 0) {
      if (line.rfind("DTSTART:", 0) == 0 && line.size() == 16 + 8) continue;
      CHECK(std::regex_match(line, stamp));
    }
  }
  CHECK(cancelled > 0);

  // A baseline whose date is not a date is refused, naming it.
  thin["event"] = {{"name", "x"}, {"date", "9999999991234"}};
  scratch.Write("garbage.json", thin.dump(2));
  r = RunFairmatch(
      dir, {"plan", kDemoFair, "--baseline", (dir / "garbage.json").string(),
            "--out", (dir / "v4").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("\"event\": \"date\" must be a date like 2027-03-04, not "
                   "\"9999999991234\"") != std::string::npos);
  CHECK(!fs::exists(dir / "v4"));
}

TEST_CASE("ids with dashes never give two meetings one UID",
          "[tools][hostile]") {
  const testing::TempDir scratch;
  const fs::path dir = scratch.path();
  fs::create_directories(dir / "fair");
  scratch.Write("fair/event.yaml", testing::kMinimalEvent);
  scratch.Write("fair/employers.yaml",
                "employers:\n  - {id: c, name: C}\n  - {id: b-c, name: BC}\n");
  scratch.Write(
      "fair/attendees.yaml",
      "attendees:\n"
      "  - {id: a-b, name: AB, values: {impact: 5}, must_meet: [c]}\n"
      "  - {id: a, name: A, values: {impact: 5}, must_meet: [b-c]}\n");
  ProcessResult r = RunFairmatch(
      dir, {"plan", (dir / "fair").string(), "--set", "min_score=0", "--format",
            "ics", "--out", (dir / "out").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> uids;
  for (const std::string& line : CalendarLines(dir / "out")) {
    if (line.rfind("UID:", 0) == 0) uids.push_back(line);
  }
  const std::set<std::string> unique(uids.begin(), uids.end());
  CHECK(uids.size() >= 2);
  CHECK(unique.size() == uids.size());
}

}  // namespace
}  // namespace fairmatch
