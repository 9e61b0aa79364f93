#include "engine/model/people.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace fairmatch {
namespace {

Attendee MakeAttendee(const char* id, const char* name, const char* email) {
  Attendee a;
  a.id = id;
  a.name = name;
  a.email = email;
  return a;
}

Employer MakeEmployer(const char* id, const char* name) {
  Employer e;
  e.id = id;
  e.name = name;
  return e;
}

TEST_CASE(
    "people are found by id, e-mail or name, ignoring case and "
    "accents",
    "[model]") {
  const std::vector<Attendee> attendees = {
      MakeAttendee("a1", "Chloé Dubois", "chloe.dubois@uni.example.edu"),
      MakeAttendee("a2", "Sam Lee", "sam1@uni.example.edu"),
      MakeAttendee("a3", "Sam Lee", ""), MakeAttendee("globex", "Globe X", "")};
  const std::vector<Employer> employers = {MakeEmployer("globex", "Globex"),
                                           MakeEmployer("e2", "Acme Énergie")};
  const PeopleIndex people(attendees, employers);

  for (const char* q : {"a1", "Chloé Dubois", "chloe dubois",
                        "  CHLOE   DUBOIS ", "Chloe.Dubois@UNI.example.edu"}) {
    INFO(q);
    absl::StatusOr<PersonRef> r = people.Find(q);
    REQUIRE(r.ok());
    CHECK(r->role == Role::kAttendee);
    CHECK(r->index == 0);
  }
  absl::StatusOr<PersonRef> acme = people.Find("acme energie");
  REQUIRE(acme.ok());
  CHECK(acme->role == Role::kEmployer);
  CHECK(acme->index == 1);
  CHECK(people.Describe(*acme) == "Acme Énergie (e2)");

  // An id shared by an attendee and an employer: the role decides.
  CHECK_FALSE(people.Find("globex").ok());
  REQUIRE(people.Find("globex", Role::kEmployer).ok());
  CHECK(people.Find("globex", Role::kEmployer)->index == 0);
  CHECK(people.Find("globex", Role::kAttendee)->index == 3);

  // Ambiguous names list the candidates, with how to tell them apart.
  absl::StatusOr<PersonRef> sam = people.Find("sam lee");
  REQUIRE_FALSE(sam.ok());
  const std::string text(sam.status().message());
  CHECK(text.find("'sam lee' names 2 people") != std::string::npos);
  CHECK(text.find("attendee Sam Lee (a2), sam1@uni.example.edu") !=
        std::string::npos);
  CHECK(text.find("attendee Sam Lee (a3)") != std::string::npos);
  CHECK(text.find("use the id or the e-mail") != std::string::npos);
  CHECK(people.Find("sam1@uni.example.edu")->index == 1);

  // Unknown: did you mean.
  absl::StatusOr<PersonRef> typo = people.Find("Chloe Dubios");
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.status().code() == absl::StatusCode::kNotFound);
  CHECK(std::string(typo.status().message()) ==
        "no attendee or employer 'Chloe Dubios' (by id, e-mail or name); did "
        "you mean Chloé Dubois (a1)?");
  absl::StatusOr<PersonRef> nobody = people.Find("Zyx", Role::kEmployer);
  REQUIRE_FALSE(nobody.ok());
  CHECK(std::string(nobody.status().message()) ==
        "no employer 'Zyx' (by id, e-mail or name)");
}

}  // namespace
}  // namespace fairmatch
