#include "engine/io/import_mapping.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/fixtures/import_steps.h"
#include "tests/fixtures/minimal_fair.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

using Catch::Matchers::Contains;
using testing::ImportSteps;

constexpr char kHeader[] =
    "Timestamp,Full name,Email,Programme,Impact,Green,Skills,Busy\n";

TEST_CASE("import mapping: columns by header, compared loosely", "[import]") {
  ImportSteps s(ImportKind::kAttendees, kHeader,
                "id: {from_email: a-}\n"
                "name: full  NAME\n"
                "email: {column: Email}\n"
                "program: Programme\n"
                "timestamp: Timestamp\n"
                "date_order: dmy\n"
                "offers: {columns: [Skills], delimiter: /}\n"
                "max_meetings: {value: 3}\n");
  INFO(s.Errors());
  REQUIRE(s.ok());
  const ImportMapping& m = s.mapping;
  CHECK(m.for_attendees());
  CHECK(m.name.index == 1);
  CHECK(m.email.index == 2);
  CHECK(m.program.index == 3);
  CHECK(m.timestamp.index == 0);
  CHECK_FALSE(m.booth.mapped());
  CHECK(m.day_first);
  CHECK(m.id.from_email);
  CHECK_FALSE(m.id.from_name);
  CHECK(m.id.column == -1);
  CHECK(m.id.prefix == "a-");
  REQUIRE(m.offers);
  CHECK(m.offers->columns == std::vector<int>{6});
  CHECK(m.offers->delimiter == "/");
  CHECK_FALSE(m.seeks);
  CHECK(m.max_meetings.constant == 3);
  CHECK(m.max_meetings.column == -1);
  CHECK(m.headers[1] == "Full name");
}

TEST_CASE("import mapping: ratings grow the vocabulary without an event",
          "[import]") {
  ImportSteps s(ImportKind::kEmployers, kHeader,
                "id: Email\n"
                "name: Full name\n"
                "values:\n"
                "  ratings: {impact: Impact, green: Green}\n"
                "  likert: {Not at all: 0, Very much: 5}\n"
                "  max: 10\n"
                "tables: {column: Busy}\n");
  INFO(s.Errors());
  REQUIRE(s.ok());
  const ImportMapping& m = s.mapping;
  CHECK_FALSE(m.for_attendees());
  CHECK(m.id.column == 2);
  REQUIRE(m.vocabulary.size() == 2);
  CHECK(m.vocabulary[0].id == "impact");
  CHECK(m.vocabulary[1].id == "green");
  CHECK(m.values.present);
  CHECK(m.values.ratings == std::vector<std::pair<int, int>>{{0, 4}, {1, 5}});
  CHECK(m.values.likert_words ==
        std::vector<std::string>{"Not at all", "Very much"});
  CHECK(m.values.max_rating == 10);
  CHECK(m.tables.column == 7);
}

TEST_CASE("import mapping: the event names the vocabulary and the day",
          "[import]") {
  testing::TempDir dir;
  dir.Write("event.yaml", testing::kMinimalEvent);
  ImportSteps s(ImportKind::kAttendees,
                "Name,Email,Values,Busy at 10:15,Busy 10:30-11:00\n",
                "event: event.yaml\n"
                "id: {from_email: a-}\n"
                "name: Name\n"
                "email: Email\n"
                "values: {column: Values, labels: {impact: Helping}}\n"
                "unavailable: {columns: [Busy at 10:15, Busy 10:30-11:00]}\n",
                dir.File("map.yaml"));
  INFO(s.Errors());
  REQUIRE(s.ok());
  const ImportMapping& m = s.mapping;
  REQUIRE(m.vocabulary.size() == 2);
  CHECK(m.vocabulary[0].label == "Making a difference");
  CHECK(m.day_start == 600);
  CHECK(m.day_end == 660);
  CHECK(m.slot_length == 15);
  CHECK(m.values.select_column == 2);
  // The mapping's label, then the event's labels and ids.
  CHECK(m.values.labels.front() == "Helping");
  CHECK(m.values.label_values.front() == 0);
  CHECK(m.has_unavailable);
  REQUIRE(m.unavailable.checkbox_columns.size() == 2);
  CHECK(m.unavailable.checkbox_columns[0].second.start == 615);
  CHECK(m.unavailable.checkbox_columns[0].second.end == 630);
  CHECK(m.unavailable.checkbox_columns[1].second.start == 630);
  CHECK(m.unavailable.checkbox_columns[1].second.end == 660);
}

TEST_CASE("import mapping: problems at the mapping's line and column",
          "[import]") {
  struct Case {
    const char* yaml;
    const char* error;
  };
  const Case cases[] = {
      {"name: Full name\n", "map.yaml:1:1: error: the mapping has no 'id'"},
      {"id: Email\nname: Ful name\n",
       "map.yaml:2:7: error: no column 'Ful name' in the header of p.csv "
       "(line 1); did you mean 'Full name'?"},
      {"id: Email\n", "the mapping has no 'name'"},
      {"id: Email\nname: Full name\nbooth: Busy\n",
       "unknown key 'booth' in an attendee mapping"},
      {"id: {from_name: '-x'}\nname: Full name\n",
       "the id prefix '-x' may use only"},
      {"id: {from_email: a-}\nname: Full name\n",
       "'id: {from_email: ...}' needs the 'email' column"},
      {"id: Email\nname: Full name\ndate_order: ymd\n",
       "'date_order' must be mdy"},
      {"id: Email\nname: Full name\nvalues: {column: Skills}\n",
       "'values.column' needs the value vocabulary"},
      {"id: Email\nname: Full name\nunavailable: {column: Busy}\n",
       "'unavailable' needs the times of the event"},
      {"id: Email\nname: Full name\nmust_meet: {column: Skills, by: nick}\n",
       "'by' must be id, name or email"},
      {"id: Email\nname: Full name\nrequires: {program: Programme}\n",
       "'requires.program': a requirement is on an employer's extra.KEY"},
      {"id: Email\nname: Full name\nmax_meetings: {value: 5000}\n",
       "'max_meetings' must be a whole number from 0 to 1000"},
  };
  for (const Case& c : cases) {
    INFO(c.yaml);
    ImportSteps s(ImportKind::kAttendees, kHeader, c.yaml);
    CHECK_FALSE(s.ok());
    CHECK_THAT(s.Errors(), Contains(c.error));
  }
}

TEST_CASE("import mapping: a header written twice is refused", "[import]") {
  ImportSteps s(ImportKind::kAttendees, "Name,Email,name\n",
                "id: Email\nname: Name\n");
  CHECK_FALSE(s.ok());
  CHECK_THAT(s.Errors(),
             Contains("column 'Name' appears more than once in the header "
                      "of p.csv (columns 1 and 3); rename one"));
}

TEST_CASE("import mapping: the other side's file must exist", "[import]") {
  testing::TempDir dir;
  ImportSteps s(ImportKind::kAttendees, kHeader,
                "id: Email\nname: Full name\nemployers: employers.yaml\n",
                dir.File("map.yaml"));
  CHECK_FALSE(s.ok());
  CHECK_THAT(s.Errors(), Contains("import that side first"));
}

}  // namespace
}  // namespace fairmatch
