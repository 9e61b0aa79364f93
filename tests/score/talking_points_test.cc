#include "engine/score/talking_points.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/score/score_test_util.h"

namespace fairmatch {
namespace {

using testing::FairWithValues;
using testing::MakeAttendee;
using testing::MakeEmployer;

using Strings = std::vector<std::string>;

TEST_CASE("shared values are those both rate 3 or more, strongest first",
          "[score]") {
  struct Case {
    const char* name;
    std::vector<float> a, e;
    Strings expected;
  };
  const Strings labels = {"Impact", "Sustainability", "Learning", "Autonomy",
                          "Stability"};
  const std::vector<Case> cases = {
      {"ordered by the weaker rating",
       {3, 5, 4, 0, 0},
       {5, 5, 4, 0, 0},
       {"Sustainability", "Learning", "Impact"}},
      {"ties on the weaker rating go to the larger sum",
       {4, 4, 0, 0, 0},
       {4, 5, 0, 0, 0},
       {"Sustainability", "Impact"}},
      {"full ties keep vocabulary order",
       {4, 0, 4, 0, 4},
       {4, 0, 4, 0, 4},
       {"Impact", "Learning", "Stability"}},
      {"at most three",
       {5, 5, 5, 5, 5},
       {3, 4, 5, 4, 3},
       {"Learning", "Sustainability", "Autonomy"}},
      {"a value one side rates below 3 is not shared",
       {2.5, 5, 5, 0, 3},
       {5, 2, 5, 5, 3},
       {"Learning", "Stability"}},
      {"nothing shared", {5, 5, 0, 0, 0}, {0, 0, 5, 5, 5}, {}},
      {"missing ratings count as 0", {5, 5, 5, 5, 5}, {5}, {"Impact"}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      Fair fair = FairWithValues(labels);
      fair.attendees.push_back(MakeAttendee(c.a));
      fair.employers.push_back(MakeEmployer(c.e));
      CHECK(MakeTalkingPoints(fair, 0, 0).shared_values == c.expected);
    }
  }
}

TEST_CASE("a value without a label is named by its id", "[score]") {
  Fair fair = FairWithValues({"", "Impact"});
  fair.attendees.push_back(MakeAttendee({5, 3}));
  fair.employers.push_back(MakeEmployer({5, 3}));
  CHECK(MakeTalkingPoints(fair, 0, 0).shared_values == Strings{"v0", "Impact"});
}

TEST_CASE("offers listed are those the other side seeks, in the giver's words",
          "[score]") {
  Fair fair = FairWithValues(0);
  fair.attendees.push_back(MakeAttendee(
      {},
      /*offers=*/{"SQL", "Machine  Learning", "python", "Python ", "Go"},
      /*seeks=*/{"mentoring", "REMOTE work", "visa"}));
  fair.employers.push_back(MakeEmployer(
      {},
      /*offers=*/{"Remote Work", "Mentoring", "mentoring", "equity"},
      /*seeks=*/{"python", "machine learning", "sql", "rust"}));
  const TalkingPoints tp = MakeTalkingPoints(fair, 0, 0);
  // File order, first spelling of each normalised tag.
  CHECK(tp.attendee_offers == Strings{"SQL", "Machine  Learning", "python"});
  CHECK(tp.employer_offers == Strings{"Remote Work", "Mentoring"});
}

TEST_CASE("talking points without common ground are empty", "[score]") {
  Fair fair = FairWithValues(2);
  fair.attendees.push_back(MakeAttendee({5, 0}, {"a"}, {"b"}));
  fair.employers.push_back(MakeEmployer({0, 5}, {"c"}, {"d"}));
  const TalkingPoints tp = MakeTalkingPoints(fair, 0, 0);
  CHECK(tp.shared_values.empty());
  CHECK(tp.attendee_offers.empty());
  CHECK(tp.employer_offers.empty());
  CHECK(FormatTalkingPoints(tp).empty());
}

TEST_CASE("FormatTalkingPoints leaves out empty parts", "[score]") {
  struct Case {
    TalkingPoints tp;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {{{"Sustainability", "Impact"}, {"python"}, {"mentoring"}},
       "Shared values: Sustainability, Impact. You offer: python. They "
       "offer: mentoring."},
      {{{"Impact"}, {}, {}}, "Shared values: Impact."},
      {{{}, {"python", "sql"}, {}}, "You offer: python, sql."},
      {{{}, {}, {"mentoring"}}, "They offer: mentoring."},
      {{{"Impact"}, {}, {"mentoring", "equity"}},
       "Shared values: Impact. They offer: mentoring, equity."},
      {{{}, {}, {}}, ""},
  };
  for (const Case& c : cases) {
    CHECK(FormatTalkingPoints(c.tp) == c.expected);
  }
}

TEST_CASE("talking points of a whole pair read as one line", "[score]") {
  Fair fair = FairWithValues({"Sustainability", "Impact", "Salary"});
  fair.attendees.push_back(MakeAttendee({5, 4, 1}, {"Python"}, {"mentoring"}));
  fair.employers.push_back(
      MakeEmployer({5, 3, 5}, {"Mentoring", "gym"}, {"python", "java"}));
  CHECK(FormatTalkingPoints(MakeTalkingPoints(fair, 0, 0)) ==
        "Shared values: Sustainability, Impact. You offer: Python. They "
        "offer: Mentoring.");
}

}  // namespace
}  // namespace fairmatch
