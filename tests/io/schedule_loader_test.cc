#include "engine/io/schedule_loader.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "engine/check/check.h"
#include "engine/check/metrics.h"
#include "engine/check/schedule_diff.h"
#include "engine/model/fair.h"
#include "engine/model/recorded_schedule.h"
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

// Writes `text` to a file of its own in the temp folder and returns its
// path; the pid keeps test runs of other checkouts on the machine apart.
std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("fairmatch_schedule_loader_test_" + std::to_string(::getpid()) + "_" +
       name + ".json");
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
      Catch::Contains("meetings[0]: \"attendees\"[1] must be a non-empty "
                      "string id, not 2"));
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

// --- LoadRecordedSchedule: schedule.json by ids and clock times ---

// Loads `text` as recorded and returns the error message; fails the test
// if it loads.
std::string RecordedError(const std::string& name, const std::string& text) {
  const std::string path = WriteTemp("recorded_" + name, text);
  absl::StatusOr<RecordedSchedule> schedule = LoadRecordedSchedule(path);
  REQUIRE_FALSE(schedule.ok());
  CHECK(schedule.status().code() == absl::StatusCode::kInvalidArgument);
  const std::string message(schedule.status().message());
  CHECK_THAT(message, Catch::StartsWith(path + ":"));
  return message;
}

// The file as `fairmatch plan` writes it after issue #5: meeting "start",
// "locked", "people" and provenance in "fairmatch". Line 9 is meetings[0].
const char kNewFormat[] = R"({
  "fairmatch": {"version": "0.2.0", "inputs_sha256": "ab12", "revision": 3, "config": {"seed": 1}},
  "event": {"name": "Spring fair", "date": "2027-03-04", "timezone": "", "venue": ""},
  "slots": [
    {"start": "10:00", "end": "10:15"},
    {"start": "10:15", "end": "10:30"}
  ],
  "meetings": [
    {"slot": 0, "start": "10:00", "employer": "E02", "table": 2, "attendees": ["A9", "A1"], "scores": [0.5, 0.4], "locked": true},
    {"slot": 1, "start": "10:15", "employer": "E01", "table": 1, "attendees": ["A1"], "scores": [0.7]}
  ],
  "people": {
    "attendees": [{"id": "A9", "name": "Zoë Q", "email": "z@x.org"},
                  {"id": "A1", "name": "Ana Pérez", "email": "ana@x.org"}],
    "employers": [{"id": "E02", "name": "Globex"}, {"id": "E01", "name": "Acme"}]
  },
  "metrics": {"total_score": 1.6, "meetings": 2}
}
)";

TEST_CASE("a schedule.json with people, starts and locks loads as recorded",
          "[io]") {
  const std::string path = WriteTemp("recorded_new", kNewFormat);
  absl::StatusOr<RecordedSchedule> s = LoadRecordedSchedule(path);
  REQUIRE(s.ok());
  CHECK(s->path == path);
  CHECK(s->event_name == "Spring fair");
  CHECK(s->event_date == "2027-03-04");
  CHECK(s->revision == 3);
  REQUIRE(s->meetings.size() == 2);
  const RecordedMeeting& first = s->meetings[0];  // file order is kept
  CHECK(first.start == "10:00");
  CHECK(first.end == "10:15");
  CHECK(first.employer == "E02");
  CHECK(first.table == 2);
  CHECK(first.attendees == std::vector<std::string>{"A9", "A1"});
  CHECK(first.locked);
  CHECK(first.line == 9);
  const RecordedMeeting& second = s->meetings[1];
  CHECK(second.start == "10:15");
  CHECK(second.end == "10:30");
  CHECK_FALSE(second.locked);
  CHECK(second.line == 10);
  // People come back sorted by id.
  REQUIRE(s->attendees.size() == 2);
  CHECK(s->attendees[0].id == "A1");
  CHECK(s->attendees[0].name == "Ana Pérez");
  CHECK(s->attendees[0].email == "ana@x.org");
  CHECK(s->attendees[1].id == "A9");
  REQUIRE(s->employers.size() == 2);
  CHECK(s->employers[0].id == "E01");
  CHECK(s->employers[0].name == "Acme");
  CHECK(s->employers[0].email.empty());
}

TEST_CASE("a schedule.json from before people and starts loads as recorded",
          "[io]") {
  absl::StatusOr<RecordedSchedule> s =
      LoadRecordedSchedule(WriteTemp("recorded_old", kFullFile));
  REQUIRE(s.ok());
  REQUIRE(s->meetings.size() == 2);
  // Starts and ends come from the slots; the file's order is kept.
  CHECK(s->meetings[0].start == "10:15");
  CHECK(s->meetings[0].end == "10:30");
  CHECK(s->meetings[0].employer == "e002");
  CHECK(s->meetings[0].attendees == std::vector<std::string>{"a003", "a001"});
  CHECK(s->meetings[0].line == 9);
  CHECK(s->meetings[1].start == "10:00");
  CHECK(s->meetings[1].table == 2);
  CHECK(s->meetings[1].line == 11);
  CHECK_FALSE(s->meetings[1].locked);
  CHECK(s->attendees.empty());
  CHECK(s->employers.empty());
  CHECK(s->revision == 0);  // no "revision" before reruns counted them
}

TEST_CASE("what RenderScheduleJson writes loads as RecordSchedule records it",
          "[io]") {
  Fair fair = SmallFair();
  fair.attendees[1].name = "Bea";
  const Compatibility compat = Compatibility::Build(fair);
  Schedule schedule;
  schedule.meetings = {{0, 0, 1, {0, 2}}, {0, 0, 2, {1}}, {2, 1, 1, {0}}};
  SortMeetings(schedule);
  const std::string json = RenderScheduleJson(
      fair, compat, schedule, ComputeMetrics(fair, compat, schedule));
  absl::StatusOr<RecordedSchedule> loaded =
      LoadRecordedSchedule(WriteTemp("recorded_rendered", json));
  REQUIRE(loaded.ok());
  const RecordedSchedule recorded = RecordSchedule(fair, schedule);
  REQUIRE(loaded->meetings.size() == recorded.meetings.size());
  for (size_t i = 0; i < recorded.meetings.size(); ++i) {
    CAPTURE(i);
    CHECK(loaded->meetings[i].start == recorded.meetings[i].start);
    CHECK(loaded->meetings[i].end == recorded.meetings[i].end);
    CHECK(loaded->meetings[i].employer == recorded.meetings[i].employer);
    CHECK(loaded->meetings[i].table == recorded.meetings[i].table);
    CHECK(loaded->meetings[i].attendees == recorded.meetings[i].attendees);
    CHECK(loaded->meetings[i].line > 0);
  }
  CHECK(DiffSchedules(*loaded, recorded).kept == 4);
  CHECK(DiffSchedules(*loaded, recorded).identical());
}

TEST_CASE("a recorded meeting needs no slots when it has a start", "[io]") {
  absl::StatusOr<RecordedSchedule> s = LoadRecordedSchedule(
      WriteTemp("recorded_no_slots",
                R"({"meetings": [{"start": "9:05", "employer": "e1",
                    "table": 3, "attendees": [], "note": {"any": [1]}}]})"));
  REQUIRE(s.ok());
  REQUIRE(s->meetings.size() == 1);
  CHECK(s->meetings[0].start == "09:05");  // normalised
  CHECK(s->meetings[0].end.empty());
  CHECK(s->meetings[0].table == 3);
  CHECK(s->meetings[0].attendees.empty());
}

TEST_CASE("recorded meeting errors name the file, the line and the meeting",
          "[io]") {
  auto two_meetings = [](const std::string& second) {
    return "{\"slots\": [{\"start\": \"10:00\", \"end\": \"10:15\"}],\n"
           "\"meetings\": [\n"
           "{\"slot\": 0, \"employer\": \"e1\", \"table\": 1, "
           "\"attendees\": [\"a1\"]},\n"
           "{" +
           second + "}\n]}\n";
  };
  const std::string tail =
      R"("employer": "e1", "table": 1, "attendees": ["a2"])";
  struct Case {
    const char* name;
    std::string meeting;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"disagree", R"("slot": 0, "start": "10:05", )" + tail,
       "\"start\" 10:05 disagrees with slots[0], which starts at 10:00"},
      {"no_time", tail, "missing key \"start\" (or \"slot\")"},
      {"slot_range", R"("slot": 1, )" + tail,
       "\"slot\" 1 is not in \"slots\" (1 slots, from 0)"},
      {"bad_start", R"("start": "25:00", )" + tail,
       "\"start\" must be a time of day like \"09:30\", not \"25:00\""},
      {"table_zero",
       R"("slot": 0, "employer": "e1", "table": 0, "attendees": [])",
       "\"table\" must be 1 or more, not 0"},
      {"table_float",
       R"("slot": 0, "employer": "e1", "table": 1.5, "attendees": [])",
       "\"table\" must be an integer, not 1.5"},
      {"no_table", R"("slot": 0, "employer": "e1", "attendees": [])",
       "missing key \"table\""},
      {"empty_employer",
       R"("slot": 0, "employer": "", "table": 1, "attendees": [])",
       "\"employer\" must be a non-empty string id, not \"\""},
      {"number_employer",
       R"("slot": 0, "employer": 7, "table": 1, "attendees": [])",
       "\"employer\" must be a non-empty string id, not 7"},
      {"empty_attendee",
       R"("slot": 0, "employer": "e1", "table": 1, "attendees": ["a1", ""])",
       "\"attendees\"[1] must be a non-empty string id, not \"\""},
      {"attendees_string",
       R"("slot": 0, "employer": "e1", "table": 1, "attendees": "a1")",
       "\"attendees\" must be an array of ids"},
      {"locked_string", R"("slot": 0, "locked": "yes", )" + tail,
       "\"locked\" must be true or false, not \"yes\""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const std::string message = RecordedError(c.name, two_meetings(c.meeting));
    CHECK_THAT(message,
               Catch::EndsWith(":4: error: meetings[1]: " + c.expected));
  }
  // Elements that are not objects are placed by their line too.
  const std::string message =
      RecordedError("not_object", "{\"meetings\": [\n1,\n2]}");
  CHECK_THAT(message, Catch::Contains(":2: error: meetings[0] must be an "
                                      "object\n") &&
                          Catch::EndsWith(":3: error: meetings[1] must be an "
                                          "object"));
}

TEST_CASE("a slot without slots is an error only when there is no start",
          "[io]") {
  CHECK_THAT(RecordedError("slot_no_slots", OneMeeting(R"("slot": 0,
                 "employer": "e1", "table": 1, "attendees": [])")),
             Catch::Contains("meetings[0]: \"slot\" 0 has no time: the file "
                             "has no \"slots\" and the meeting no \"start\""));
  absl::StatusOr<RecordedSchedule> s = LoadRecordedSchedule(
      WriteTemp("recorded_slot_start", OneMeeting(R"("slot": 0,
          "start": "11:00", "employer": "e1", "table": 1, "attendees": [])")));
  REQUIRE(s.ok());
  CHECK(s->meetings[0].start == "11:00");
}

TEST_CASE("meeting lines are found past strings and nested meetings keys",
          "[io]") {
  // A nested "meetings" array and brackets, quotes and escapes inside
  // strings must not be taken for the top-level meetings array.
  const std::string text =
      "{\"metrics\": {\"meetings\": [1, 2]},\n"
      " \"event\": {\"name\": \"a \\\"[fair]\\\", {x}\"},\n"
      " \"meetings\":\n"
      "  [\n"
      "   {\"start\": \"10:00\", \"employer\": \"e]1\", \"table\": 1,\n"
      "    \"attendees\": [\"a,1\"]},\n"
      "   {\"start\": \"10:00\", \"employer\": \"e2\", \"table\": 0,"
      " \"attendees\": []}]}\n";
  CHECK_THAT(RecordedError("lines", text),
             Catch::EndsWith(":7: error: meetings[1]: \"table\" must be 1 "
                             "or more, not 0"));
  // The same file with the second table fixed loads, with both lines.
  std::string fixed = text;
  fixed.replace(fixed.rfind("\"table\": 0"), 10, "\"table\": 2");
  absl::StatusOr<RecordedSchedule> s =
      LoadRecordedSchedule(WriteTemp("recorded_lines_ok", fixed));
  REQUIRE(s.ok());
  REQUIRE(s->meetings.size() == 2);
  CHECK(s->meetings[0].line == 5);
  CHECK(s->meetings[0].employer == "e]1");
  CHECK(s->meetings[1].line == 7);
}

TEST_CASE("recorded slots, event and people are checked", "[io]") {
  const std::string meetings = R"("meetings": [])";
  CHECK_THAT(
      RecordedError("slots_object", R"({"slots": {}, )" + meetings + "}"),
      Catch::EndsWith(": error: \"slots\" must be an array"));
  CHECK_THAT(RecordedError("slot_end",
                           R"({"slots": [{"start": "10:00", "end": 5}], )" +
                               meetings + "}"),
             Catch::Contains("slots[0]: \"end\" must be a time of day"));
  CHECK_THAT(RecordedError("event_name",
                           R"({"event": {"name": 3}, )" + meetings + "}"),
             Catch::Contains("event: \"name\" must be a string, not 3"));
  CHECK_THAT(
      RecordedError("people_array", R"({"people": [], )" + meetings + "}"),
      Catch::Contains("\"people\" must be an object"));
  CHECK_THAT(RecordedError(
                 "people_dup",
                 R"({"people": {"attendees": [{"id": "a1"}, {"id": "a1"}]}, )" +
                     meetings + "}"),
             Catch::Contains("people.attendees[1]: duplicate id \"a1\""));
  CHECK_THAT(RecordedError("people_id",
                           R"({"people": {"employers": [{"name": "Acme"}]}, )" +
                               meetings + "}"),
             Catch::Contains("people.employers[0]: missing key \"id\""));
  CHECK_THAT(
      RecordedError(
          "people_email",
          R"({"people": {"attendees": [{"id": "a1", "email": 1}]}, )" +
              meetings + "}"),
      Catch::Contains("people.attendees[0]: \"email\" must be a string"));
  CHECK_THAT(RecordedError("revision", R"({"fairmatch": {"revision": -1}, )" +
                                           meetings + "}"),
             Catch::Contains("\"fairmatch\": \"revision\" must be a whole "
                             "number from 0 to 2147483647, not -1"));
  CHECK_THAT(
      RecordedError("revision_text",
                    R"({"fairmatch": {"revision": "2"}, )" + meetings + "}"),
      Catch::Contains("\"revision\" must be a whole number"));
  CHECK_THAT(RecordedError("top_array", "[]"),
             Catch::EndsWith(": error: the top level must be an object"));
  CHECK_THAT(RecordedError("no_meetings", "{}"),
             Catch::EndsWith(": error: missing key \"meetings\""));
}

TEST_CASE("recorded: a missing file is NotFound and bad JSON has a position",
          "[io]") {
  absl::StatusOr<RecordedSchedule> missing =
      LoadRecordedSchedule("/nonexistent/fairmatch/schedule.json");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == absl::StatusCode::kNotFound);
  const std::string folder = std::filesystem::temp_directory_path().string();
  absl::StatusOr<RecordedSchedule> dir = LoadRecordedSchedule(folder);
  REQUIRE_FALSE(dir.ok());
  CHECK(dir.status().code() == absl::StatusCode::kNotFound);
  CHECK(dir.status().message() ==
        folder + ": error: cannot read the file: it is a folder");
  CHECK(LoadScheduleJson(SmallFair(), folder).status().code() ==
        absl::StatusCode::kNotFound);
  CHECK_THAT(
      RecordedError("malformed",
                    "{\n  \"meetings\": [\n    {\"slot\": 0,, }\n  ]\n}\n"),
      Catch::Contains(":3:16: error: syntax error"));
  const std::string full = kNewFormat;
  const size_t complete = full.rfind('}');
  for (size_t n = 0; n < complete; ++n) {
    CAPTURE(n);
    absl::StatusOr<RecordedSchedule> s = LoadRecordedSchedule(
        WriteTemp("recorded_truncated", full.substr(0, n)));
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(std::string(s.status().message()),
               Catch::Matches(".*:[0-9]+:[0-9]+: error: .*"));
  }
}

}  // namespace
}  // namespace fairmatch
