#include "engine/render/people.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/fixtures/spring_fair.h"

namespace fairmatch {
namespace {

using testing::FixtureFair;
using testing::MakeAttendee;

// A fair whose attendees are named `names`, ids a0, a1, ... in that order.
Fair Named(const std::vector<std::string>& names) {
  Fair fair = FixtureFair();
  fair.attendees.clear();
  for (std::size_t i = 0; i < names.size(); ++i) {
    fair.attendees.push_back(
        MakeAttendee("a" + std::to_string(i), names[i], {1, 1, 1}, {}, {}));
  }
  return fair;
}

std::vector<std::string> Listed(const Fair& fair) {
  std::vector<std::string> names;
  const PeopleView people(fair);
  for (int a : people.attendees()) {
    names.push_back(fair.attendees[a].name);
  }
  return names;
}

TEST_CASE("people are listed as the event's language reads names", "[render]") {
  Fair fair =
      Named({"Zoë Adams", "Érica Lopes", "adam Smith", "Östen Berg", "Bo Li"});
  // Byte order would put "Zoë" before "adam", "Érica" and "Östen".
  CHECK(Listed(fair) == std::vector<std::string>{"adam Smith", "Bo Li",
                                                 "Érica Lopes", "Östen Berg",
                                                 "Zoë Adams"});
  SECTION("event.yaml's locale, when output.locale is event") {
    fair.event.locale = "sv";
    CHECK(OutputLocale(fair) == "sv");
    CHECK(Listed(fair) == std::vector<std::string>{"adam Smith", "Bo Li",
                                                   "Érica Lopes", "Zoë Adams",
                                                   "Östen Berg"});
  }
  SECTION("output.locale over event.yaml's") {
    fair.event.locale = "sv";
    fair.config.locale = "de";
    CHECK(OutputLocale(fair) == "de");
    CHECK(Listed(fair).back() == "Zoë Adams");
  }
  SECTION("en when neither says") { CHECK(OutputLocale(fair) == "en"); }
}

TEST_CASE("names the collation calls equal are listed by id, then file order",
          "[render]") {
  Fair fair = Named({"Sam Lee", "Sam Lee", "Sam Lee", "Ann Ek"});
  fair.attendees[0].id = "a9";
  fair.attendees[1].id = "a10";  // bytes: "a10" < "a9"
  fair.attendees[2].id = "a10";  // a hand-built duplicate id: file order
  PeopleView people(fair);
  CHECK(people.attendees() == std::vector<int>{3, 1, 2, 0});
  CHECK(people.AttendeeRank(3) == 0);
  CHECK(people.AttendeeRank(0) == 3);
  // And the same order on every run.
  CHECK(PeopleView(fair).attendees() == people.attendees());
}

TEST_CASE("employers are listed in the same order", "[render]") {
  Fair fair = FixtureFair();
  fair.employers[0].name = "Zenith";
  fair.employers[1].name = "Ébène";
  PeopleView people(fair);
  CHECK(people.employers() == std::vector<int>{1, 0});
  CHECK(people.EmployerRank(1) == 0);
}

TEST_CASE("a locale ICU cannot collate falls back to English", "[render]") {
  Fair fair = Named({"Zoë", "Érica"});
  fair.config.locale = "not a locale";
  CHECK(Listed(fair) == std::vector<std::string>{"Érica", "Zoë"});
}

TEST_CASE("namesakes are told apart by programme, else by id", "[render]") {
  Fair fair = Named({"Sam Lee", "SAM  LÉE", "Sam Lee", "Sam Lee", "Ann Ek"});
  fair.attendees[0].program = "Computer Science";
  fair.attendees[1].program = "Mathematics";
  fair.attendees[2].program = "Nursing";
  fair.attendees[3].program = "nursing";  // the same programme, folded
  PeopleView people(fair);
  CHECK(people.AttendeeName(0) == "Sam Lee (Computer Science)");
  CHECK(people.AttendeeName(1) == "SAM  LÉE (Mathematics)");
  CHECK(people.AttendeeName(2) == "Sam Lee (a2)");
  CHECK(people.AttendeeName(3) == "Sam Lee (a3)");
  CHECK(people.AttendeeName(4) == "Ann Ek");
  // Beside the programme, only the id is missing.
  CHECK(people.AttendeeNameBesideProgramme(0) == "Sam Lee");
  CHECK(people.AttendeeNameBesideProgramme(2) == "Sam Lee (a2)");
  CHECK(people.AttendeeNameBesideProgramme(4) == "Ann Ek");

  SECTION("an empty programme tells nobody apart") {
    fair.attendees[1].program.clear();
    PeopleView again(fair);
    CHECK(again.AttendeeName(1) == "SAM  LÉE (a1)");
    CHECK(again.AttendeeNameBesideProgramme(1) == "SAM  LÉE (a1)");
    CHECK(again.AttendeeName(0) == "Sam Lee (Computer Science)");
  }
}

TEST_CASE("people with a name of their own print as written", "[render]") {
  Fair fair = FixtureFair();
  PeopleView people(fair);
  for (int a = 0; a < fair.num_attendees(); ++a) {
    CHECK(people.AttendeeName(a) == fair.attendees[a].name);
    CHECK(people.AttendeeNameBesideProgramme(a) == fair.attendees[a].name);
  }
  for (int e = 0; e < fair.num_employers(); ++e) {
    CHECK(people.EmployerName(e) == fair.employers[e].name);
  }
}

TEST_CASE("employers who share a name are told apart by id", "[render]") {
  Fair fair = FixtureFair();
  fair.employers[1].name = "acme energy";
  PeopleView people(fair);
  CHECK(people.EmployerName(0) == "Acme Energy (e001)");
  CHECK(people.EmployerName(1) == "acme energy (e002)");
}

}  // namespace
}  // namespace fairmatch
