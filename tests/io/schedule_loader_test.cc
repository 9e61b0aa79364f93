#include "engine/io/schedule_loader.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "engine/check/check.h"
#include "engine/check/metrics.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/render/schedule_json.h"
#include "engine/score/compatibility.h"

namespace fairmatch {
namespace {

// Slots 10:00-10:15, 10:15-10:30, 10:30-10:45; attendees a001..a003;
// employers e001 (2 tables) and e002; every pair eligible.
Fair SmallFair() {
  Fair fair;
  fair.event.name = "Spring fair";
  fair.event.date = "2027-03-04";
  fair.event.start = 600;
  fair.event.end = 645;
  fair.slots = MakeSlots(600, 645, 15, {});
  fair.config.min_score = 0;  // profiles are empty: every score is 0
  for (const char* id : {"a001", "a002", "a003"}) {
    Attendee a;
    a.id = id;
    fair.attendees.push_back(a);
  }
  for (const char* id : {"e001", "e002"}) {
    Employer e;
    e.id = id;
    fair.employers.push_back(e);
  }
  fair.employers[0].tables = 2;
  return fair;
}

// Writes `text` to a file of its own in the temp folder and returns its path.
std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("fairmatch_schedule_loader_test_" + name + ".json");
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// Loads `text` and returns the error message; fails the test if it loads.
std::string LoadError(const std::string& name, const std::string& text) {
  const std::string path = WriteTemp(name, text);
  absl::StatusOr<Schedule> schedule = LoadScheduleJson(SmallFair(), path);
  REQUIRE_FALSE(schedule.ok());
  CHECK(schedule.status().code() == absl::StatusCode::kInvalidArgument);
  const std::string message(schedule.status().message());
  CHECK_THAT(message, Catch::StartsWith(path + ":"));
  return message;
}

// One meeting with `field` in place of the usual key/value pairs.
std::string OneMeeting(const std::string& fields) {
  return R"({"meetings": [{)" + fields + "}]}";
}

const char kFullFile[] = R"({
  "fairmatch": {"version": "0.1.0"},
  "event": {"name": "Spring fair", "date": "2027-03-04",
            "timezone": "America/Toronto", "venue": "Hall B"},
  "slots": [{"start": "10:00", "end": "10:15"},
            {"start": "10:15", "end": "10:30"},
            {"start": "10:30", "end": "10:45"}],
  "meetings": [
    {"slot": 1, "employer": "e002", "table": 1, "attendees": ["a003", "a001"],
     "scores": [0.5, 0.25]},
    {"slot": 0, "employer": "e001", "table": 2, "attendees": ["a002"],
     "scores": [0.71]}
  ],
  "metrics": {"total_score": 1.46}
}
)";

TEST_CASE("a hand-written schedule.json loads into sorted meetings", "[io]") {
  absl::StatusOr<Schedule> schedule =
      LoadScheduleJson(SmallFair(), WriteTemp("full", kFullFile));
  REQUIRE(schedule.ok());
  REQUIRE(schedule->meetings.size() == 2);
  const Meeting& first = schedule->meetings[0];
  CHECK(first.slot == 0);
  CHECK(first.employer == 0);
  CHECK(first.table == 2);
  CHECK(first.attendees == std::vector<int>{1});
  const Meeting& second = schedule->meetings[1];
  CHECK(second.slot == 1);
  CHECK(second.employer == 1);
  CHECK(second.table == 1);
  CHECK(second.attendees == std::vector<int>{0, 2});
}

TEST_CASE("only meetings are required and scores are ignored", "[io]") {
  absl::StatusOr<Schedule> schedule = LoadScheduleJson(
      SmallFair(),
      WriteTemp("minimal",
                R"({"meetings": [{"slot": 2, "employer": "e001", "table": 1,
                                  "attendees": ["a001"], "scores": "junk"}],
                    "extra": [1, 2, 3]})"));
  REQUIRE(schedule.ok());
  REQUIRE(schedule->meetings.size() == 1);
  CHECK(schedule->meetings[0].slot == 2);
  CHECK(LoadScheduleJson(SmallFair(), WriteTemp("none", R"({"meetings": []})"))
            ->meetings.empty());
}

TEST_CASE("what RenderScheduleJson writes loads back unchanged", "[io]") {
  const Fair fair = SmallFair();
  const Compatibility compat = Compatibility::Build(fair);
  Schedule original;
  original.meetings = {{0, 0, 1, {0, 2}}, {0, 0, 2, {1}}, {2, 1, 1, {0}}};
  SortMeetings(original);
  const std::string json = RenderScheduleJson(
      fair, compat, original, ComputeMetrics(fair, compat, original));

  absl::StatusOr<Schedule> loaded =
      LoadScheduleJson(fair, WriteTemp("rendered", json));
  REQUIRE(loaded.ok());
  REQUIRE(loaded->meetings.size() == original.meetings.size());
  for (size_t i = 0; i < original.meetings.size(); ++i) {
    CHECK(loaded->meetings[i].slot == original.meetings[i].slot);
    CHECK(loaded->meetings[i].employer == original.meetings[i].employer);
    CHECK(loaded->meetings[i].table == original.meetings[i].table);
    CHECK(loaded->meetings[i].attendees == original.meetings[i].attendees);
  }
}

TEST_CASE("a missing file is NotFound", "[io]") {
  absl::StatusOr<Schedule> schedule =
      LoadScheduleJson(SmallFair(), "/nonexistent/fairmatch/schedule.json");
  REQUIRE_FALSE(schedule.ok());
  CHECK(schedule.status().code() == absl::StatusCode::kNotFound);
}

TEST_CASE("malformed JSON is reported at its line and column", "[io]") {
  // Line 3, column 16 is the second comma.
  const std::string message = LoadError(
      "malformed", "{\n  \"meetings\": [\n    {\"slot\": 0,, }\n  ]\n}\n");
  CHECK_THAT(message, Catch::EndsWith(":3:16: error: syntax error while "
                                      "parsing object key - unexpected ','; "
                                      "expected string literal"));
  CHECK_THAT(LoadError("empty", ""), Catch::Contains(":1:1: error: "));
  CHECK_THAT(LoadError("second_line", "{\"meetings\": []}\nx"),
             Catch::Contains(":2:1: error: "));
}

TEST_CASE("every truncation of a schedule.json is an error with a position",
          "[io]") {
  const std::string full = kFullFile;
  // Up to the closing brace; with it, the file is complete.
  const size_t complete = full.rfind('}');
  for (size_t n = 0; n < complete; ++n) {
    CAPTURE(n);
    const std::string path = WriteTemp("truncated", full.substr(0, n));
    absl::StatusOr<Schedule> schedule = LoadScheduleJson(SmallFair(), path);
    REQUIRE_FALSE(schedule.ok());
    CHECK_THAT(std::string(schedule.status().message()),
               Catch::Matches(".*:[0-9]+:[0-9]+: error: .*"));
  }
}

TEST_CASE("a document without a meetings array is an error", "[io]") {
  CHECK_THAT(LoadError("array", "[]"),
             Catch::EndsWith(": error: the top level must be an object"));
  CHECK_THAT(LoadError("no_meetings", R"({"slots": []})"),
             Catch::Contains("missing key \"meetings\""));
  CHECK_THAT(LoadError("meetings_object", R"({"meetings": {}})"),
             Catch::Contains("\"meetings\" must be an array"));
  CHECK_THAT(LoadError("meeting_number", R"({"meetings": [3]})"),
             Catch::Contains("meetings[0] must be an object"));
}

TEST_CASE("missing and mistyped meeting keys name the meeting and the key",
          "[io]") {
  const std::string ok = R"("employer": "e001", "attendees": ["a001"])";
  CHECK_THAT(LoadError("no_slot", OneMeeting(R"("table": 1, )" + ok)),
             Catch::Contains("meetings[0]: missing key \"slot\""));
  CHECK_THAT(
      LoadError("float_slot", OneMeeting(R"("slot": 1.5, "table": 1, )" + ok)),
      Catch::Contains("meetings[0]: \"slot\" must be an integer, not 1.5"));
  CHECK_THAT(LoadError("string_table",
                       OneMeeting(R"("slot": 0, "table": "1", )" + ok)),
             Catch::Contains("meetings[0]: \"table\" must be an integer"));
  CHECK_THAT(LoadError("huge_table",
                       OneMeeting(R"("slot": 0, "table": 9999999999, )" + ok)),
             Catch::Contains("meetings[0]: \"table\" is out of range"));
  CHECK_THAT(
      LoadError(
          "number_employer",
          OneMeeting(
              R"("slot": 0, "table": 1, "employer": 1, "attendees": [])")),
      Catch::Contains("meetings[0]: \"employer\" must be a string id"));
  const std::string head = R"("slot": 0, "table": 1, "employer": "e001", )";
  CHECK_THAT(
      LoadError("attendee_string", OneMeeting(head + R"("attendees": "a001")")),
      Catch::Contains("meetings[0]: \"attendees\" must be an array"));
  CHECK_THAT(
      LoadError("attendee_number",
                OneMeeting(head + R"("attendees": ["a001", 2])")),
      Catch::Contains("meetings[0]: \"attendees\"[1] must be a string id"));
}

TEST_CASE("ids not in the fair name the id and the meeting", "[io]") {
  const std::string two_meetings = R"({"meetings": [
    {"slot": 0, "employer": "e001", "table": 1, "attendees": ["a001"]},
    {"slot": 1, "employer": "e999", "table": 1, "attendees": ["a002", "zed"]}
  ]})";
  const std::string message = LoadError("unknown_ids", two_meetings);
  // Both problems, one per line.
  CHECK_THAT(message,
             Catch::Contains("meetings[1]: unknown employer \"e999\"") &&
                 Catch::Contains("\n") &&
                 Catch::Contains("meetings[1]: unknown attendee \"zed\""));
  CHECK_THAT(message, !Catch::Contains("meetings[0]"));
}

TEST_CASE("slots of another event day are a load error", "[io]") {
  const std::string meetings = R"("meetings": [])";
  CHECK_THAT(
      LoadError("two_slots",
                R"({"slots": [{"start": "10:00", "end": "10:15"},
                              {"start": "10:15", "end": "10:30"}], )" +
                    meetings + "}"),
      Catch::Contains("schedule was made for a different event day: it has 2 "
                      "slots, the fair has 3"));
  CHECK_THAT(
      LoadError("shifted",
                R"({"slots": [{"start": "10:00", "end": "10:15"},
                              {"start": "10:20", "end": "10:35"},
                              {"start": "10:30", "end": "10:45"}], )" +
                    meetings + "}"),
      Catch::Contains("different event day: slot 1 is 10:20-10:35 in the "
                      "schedule, 10:15-10:30 in the fair"));
  CHECK_THAT(
      LoadError("slot_strings",
                R"({"slots": ["10:00", "10:15", "10:30"], )" + meetings + "}"),
      Catch::Contains("slots[0] must be an object"));
}

TEST_CASE(
    "out-of-range slots, tables and duplicate attendees load and fail "
    "the check",
    "[io]") {
  const Fair fair = SmallFair();
  absl::StatusOr<Schedule> schedule =
      LoadScheduleJson(fair, WriteTemp("structural", R"({"meetings": [
        {"slot": 9, "employer": "e002", "table": 1, "attendees": ["a001"]},
        {"slot": 0, "employer": "e002", "table": -4, "attendees": ["a002"]},
        {"slot": 1, "employer": "e001", "table": 1,
         "attendees": ["a003", "a003"]}
      ]})"));
  REQUIRE(schedule.ok());
  const Compatibility compat = Compatibility::Build(fair);
  std::vector<std::string> kinds;
  for (const Violation& v : CheckSchedule(fair, compat, *schedule)) {
    kinds.push_back(v.kind);
  }
  CHECK(kinds == std::vector<std::string>{"slot-out-of-range",
                                          "table-out-of-range",
                                          "duplicate-attendee"});
}

}  // namespace
}  // namespace fairmatch
