#include "engine/render/schedule_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "absl/strings/str_format.h"
#include "engine/score/compatibility.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"

namespace fairmatch {
namespace {

using testing::CountOccurrences;
using testing::FixtureFair;
using testing::FixtureSchedule;

// An oracle independent of the renderer's own number formatting.
std::string Six(float score) {
  return absl::StrFormat("%.6f", static_cast<double>(score));
}

Metrics SampleMetrics() {
  Metrics m;
  m.total_score = 1.5;
  m.meetings = 2;
  m.attendee_meetings = 3;
  m.attendees = 3;
  m.attendees_with_no_meeting = 1;
  m.eligible_attendees_with_no_meeting = 1;
  m.attendees_reaching_min = 1;
  m.mean_score_per_meeting = 0.5;
  m.attendee_total_worst = -0.0;  // must print unsigned
  m.attendee_total_p10 = 0.1;
  m.attendee_total_median = 2.0 / 3.0;
  m.table_utilisation = 0.25;
  m.seat_utilisation = 0.125;
  m.employers_without_meetings = 0;
  m.tables_without_meetings = 1;
  m.attendee_idle_slots = 0;
  return m;
}

TEST_CASE("schedule.json of a two-meeting plan is exactly the golden text",
          "[render]") {
  Fair fair = FixtureFair();
  fair.inputs_sha256 = "0123abcd";
  fair.config_entries = {{"weights.values", "0.7", "--set"},
                         {"min_score", "0.2", "default"}};
  Compatibility compat = Compatibility::Build(fair);
  Schedule schedule = FixtureSchedule();
  schedule.meetings[1].locked = true;
  std::string json =
      RenderScheduleJson(fair, compat, schedule, SampleMetrics());

  // clang-format off
  std::string expected = std::string(R"({
  "fairmatch": {
    "version": ")") + FAIRMATCH_VERSION + R"(",
    "inputs_sha256": "0123abcd",
    "revision": 0,
    "uid_scheme": 2,
    "config": {
      "weights.values": "0.7",
      "min_score": "0.2"
    }
  },
  "event": {
    "name": "Spring Fair 2025",
    "date": "2025-03-14",
    "timezone": "Europe/Berlin",
    "venue": "Hall B"
  },
  "slots": [
    {"start": "10:00", "end": "10:15"},
    {"start": "10:15", "end": "10:30"},
    {"start": "10:45", "end": "11:00"}
  ],
  "meetings": [
    {"slot": 0, "start": "10:00", "employer": "e001", "table": 1, "attendees": ["a001", "a002"], "scores": [)" +
      Six(compat.Pair(0, 0).score) + ", " + Six(compat.Pair(1, 0).score) +
      R"(]},
    {"slot": 1, "start": "10:15", "employer": "e002", "table": 1, "attendees": ["a001"], "scores": [)" +
      Six(compat.Pair(0, 1).score) + R"(], "locked": true}
  ],
  "people": {
    "attendees": [
      {"id": "a001", "name": "Ada Lovelace", "email": "a001@example.org"},
      {"id": "a002", "name": "Nguyễn Thị Hương", "email": "a002@example.org"},
      {"id": "a003", "name": "Şükrü Öztürk", "email": "a003@example.org"}
    ],
    "employers": [
      {"id": "e001", "name": "Acme Energy"},
      {"id": "e002", "name": "Blue Labs"}
    ]
  },
  "metrics": {
    "total_score": 1.500000,
    "meetings": 2,
    "attendee_meetings": 3,
    "attendees": 3,
    "attendees_with_no_meeting": 1,
    "eligible_attendees_with_no_meeting": 1,
    "attendees_reaching_min": 1,
    "mean_score_per_meeting": 0.500000,
    "attendee_total_worst": 0.000000,
    "attendee_total_p10": 0.100000,
    "attendee_total_median": 0.666667,
    "table_utilisation": 0.250000,
    "seat_utilisation": 0.125000,
    "employers_without_meetings": 0,
    "tables_without_meetings": 1,
    "attendee_idle_slots": 0
  }
}
)";
  // clang-format on
  CHECK(json == expected);
}

TEST_CASE("bound, gap and stage times appear only when known", "[render]") {
  Fair fair = FixtureFair();
  Compatibility compat = Compatibility::Build(fair);
  Metrics metrics = SampleMetrics();
  metrics.upper_bound = 2.25;
  metrics.gap = 0;
  metrics.stage_seconds = {{"load", 0.01}, {"score", 1.5}, {"plan", 12}};
  std::string json =
      RenderScheduleJson(fair, compat, FixtureSchedule(), metrics);
  CHECK(CountOccurrences(json, R"(    "attendee_idle_slots": 0,
    "upper_bound": 2.250000,
    "gap": 0.000000,
    "time_per_stage": {
      "load": 0.010000,
      "score": 1.500000,
      "plan": 12.000000
    }
  }
}
)") == 1);

  metrics.upper_bound = -1;
  metrics.gap = -1;
  metrics.stage_seconds.clear();
  json = RenderScheduleJson(fair, compat, FixtureSchedule(), metrics);
  CHECK(json.find("upper_bound") == std::string::npos);
  CHECK(json.find("\"gap\"") == std::string::npos);
  CHECK(json.find("time_per_stage") == std::string::npos);
}

TEST_CASE("wish and fit metrics appear only when someone wishes", "[render]") {
  Fair fair = FixtureFair();
  Compatibility compat = Compatibility::Build(fair);
  Metrics metrics = SampleMetrics();
  std::string json =
      RenderScheduleJson(fair, compat, FixtureSchedule(), metrics);
  CHECK(json.find("wishes") == std::string::npos);
  CHECK(json.find("total_fit") == std::string::npos);

  metrics.employers_with_wishes = 1;
  metrics.employer_wishes_met_share = 0.5;
  metrics.total_fit = 1.25;
  json = RenderScheduleJson(fair, compat, FixtureSchedule(), metrics);
  CHECK(CountOccurrences(json, R"(    "attendee_idle_slots": 0,
    "attendees_with_wishes": 0,
    "wishes_first_met_share": 0.000000,
    "wishes_met_share": 0.000000,
    "employers_with_wishes": 1,
    "employer_wishes_met_share": 0.500000,
    "total_fit": 1.250000,
    "attendee_fit_worst": 0.000000,
    "attendee_fit_p10": 0.000000
  }
)") == 1);
}

TEST_CASE("schedule.json parses, in key order, whatever the names hold",
          "[render]") {
  Fair fair = FixtureFair();
  fair.event.name = "Fair \"2025\" \\ <b>\n\ttabs\x01 Γιώργος";
  fair.event.venue = "bad byte \xff here";
  Compatibility compat = Compatibility::Build(fair);
  std::string json =
      RenderScheduleJson(fair, compat, FixtureSchedule(), SampleMetrics());
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(json);

  std::vector<std::string> keys;
  for (const auto& item : doc.items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"fairmatch", "event", "slots",
                                         "meetings", "people", "metrics"});
  CHECK(doc["event"]["name"] == fair.event.name);
  CHECK(doc["event"]["venue"] == "bad byte \xEF\xBF\xBD here");
  CHECK(doc["meetings"].size() == 2);
  CHECK(doc["meetings"][0]["attendees"] ==
        nlohmann::ordered_json::array({"a001", "a002"}));
  CHECK(doc["meetings"][1]["scores"][0].get<double>() ==
        Approx(compat.Pair(0, 1).score).margin(1e-6));
  CHECK(doc["metrics"]["attendees"] == 3);
  // One line per meeting, whatever the group size.
  CHECK(CountOccurrences(json, "\n    {\"slot\": ") == 2);
}

TEST_CASE("an empty plan gives empty arrays", "[render]") {
  Fair fair = FixtureFair();
  fair.slots.clear();
  Compatibility compat = Compatibility::Build(fair);
  std::string json = RenderScheduleJson(fair, compat, Schedule{}, Metrics{});
  CHECK(CountOccurrences(json, "\"slots\": [],\n  \"meetings\": [],\n") == 1);
  CHECK(CountOccurrences(json, "\"config\": {}") == 1);
  CHECK_NOTHROW(nlohmann::json::parse(json));
}

TEST_CASE("schedule.json is deterministic", "[render]") {
  Fair fair = FixtureFair();
  Compatibility compat = Compatibility::Build(fair);
  Schedule schedule = FixtureSchedule();
  CHECK(RenderScheduleJson(fair, compat, schedule, SampleMetrics()) ==
        RenderScheduleJson(fair, compat, schedule, SampleMetrics()));
}

TEST_CASE("people carry their extra fields, as output.extra shows them",
          "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[1].extra = {{"access", "wheelchair \"front\""},
                             {"portfolio.url", "u"}};
  fair.employers[0].extra = {{"parking", "bay 4"}};
  Compatibility compat = Compatibility::Build(fair);
  std::string json =
      RenderScheduleJson(fair, compat, FixtureSchedule(), SampleMetrics());
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(json);
  const auto& attendees = doc["people"]["attendees"];
  CHECK_FALSE(attendees[0].contains("extra"));
  CHECK(attendees[1]["extra"] ==
        nlohmann::ordered_json{{"access", "wheelchair \"front\""},
                               {"portfolio.url", "u"}});
  CHECK(doc["people"]["employers"][0]["extra"]["parking"] == "bay 4");
  // Still one line per person.
  CHECK(CountOccurrences(json,
                         "\"email\": \"a002@example.org\", \"extra\": "
                         "{\"access\": ") == 1);

  fair.config.extra_all = false;
  fair.config.extra = {"portfolio"};
  doc = nlohmann::ordered_json::parse(
      RenderScheduleJson(fair, compat, FixtureSchedule(), SampleMetrics()));
  CHECK(doc["people"]["attendees"][1]["extra"] ==
        nlohmann::ordered_json{{"portfolio.url", "u"}});
  CHECK_FALSE(doc["people"]["employers"][0].contains("extra"));
}

}  // namespace
}  // namespace fairmatch
