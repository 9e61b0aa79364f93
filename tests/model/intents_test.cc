#include "engine/model/intents.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/fair.h"
#include "tests/fixtures/intents.h"

namespace fairmatch {
namespace {

using testing::AnyOf;
using testing::Range;

TEST_CASE("intents: field values of both sides", "[model]") {
  Attendee a;
  a.program = "Computer Science";
  a.extra = {{"level", "MSc"}, {"portfolio.url", "https://x"}, {"empty", ""}};
  Employer e;
  e.extra = {{"remote", "yes"}};
  CHECK(FieldValue(a, "program") ==
        std::optional<absl::string_view>("Computer Science"));
  CHECK(FieldValue(a, "extra.level") ==
        std::optional<absl::string_view>("MSc"));
  CHECK(FieldValue(a, "extra.portfolio.url") ==
        std::optional<absl::string_view>("https://x"));
  CHECK_FALSE(FieldValue(a, "extra.empty"));  // empty is missing
  CHECK_FALSE(FieldValue(a, "extra.nothing"));
  CHECK_FALSE(FieldValue(a, "level"));  // not dotted: no such field
  CHECK(FieldValue(e, "extra.remote") ==
        std::optional<absl::string_view>("yes"));
  CHECK_FALSE(FieldValue(e, "program"));  // employers have extra only
  Attendee no_program;
  CHECK_FALSE(FieldValue(no_program, "program"));
}

TEST_CASE("intents: value forms and numbers", "[model]") {
  CHECK(ValueForms("MSc") == std::vector<std::string>{"msc"});
  const std::vector<std::string> forms = ValueForms("French, German ");
  CHECK(std::find(forms.begin(), forms.end(), "french") != forms.end());
  CHECK(std::find(forms.begin(), forms.end(), "german") != forms.end());
  CHECK(ValueNumber("2026") == std::optional<double>(2026));
  CHECK(ValueNumber(" 3.5 ") == std::optional<double>(3.5));
  CHECK_FALSE(ValueNumber("soon"));
  CHECK_FALSE(ValueNumber("inf"));
  CHECK_FALSE(ValueNumber("nan"));
  CHECK_FALSE(ValueNumber(""));
}

TEST_CASE("intents: what satisfies a requirement, form by form", "[model]") {
  struct Row {
    Requirement r;
    std::optional<absl::string_view> value;
    bool holds;
  };
  const Row rows[] = {
      {AnyOf("program", {"computer science"}), "Computer  Science", true},
      {AnyOf("program", {"computer science", "law"}), "LAW", true},
      {AnyOf("program", {"law"}), "Computer Science", false},
      {AnyOf("extra.lang", {"german"}), "French, German", true},  // a part
      {AnyOf("extra.lang", {"french, german"}), "French, German", true},
      {AnyOf("extra.level", {"msc"}), std::nullopt, false},  // missing
      {Range("extra.year", 2026, 2027), "2026", true},
      {Range("extra.year", 2026, 2027), "2027", true},  // inclusive
      {Range("extra.year", 2026, 2027), "2028", false},
      {Range("extra.year", 2026, 1e300), "3000", true},  // open end
      {Range("extra.year", 2026, 2027), "next year", false},
      {Range("extra.year", 2026, 2027), std::nullopt, false},
  };
  for (const Row& row : rows) {
    INFO(row.r.ToString() << " / "
                          << (row.value ? std::string(*row.value) : "(none)"));
    CHECK(Satisfies(row.r, row.value) == row.holds);
  }
}

TEST_CASE("intents: requirements read as sentences", "[model]") {
  CHECK(AnyOf("extra.level", {"msc"}).ToString() == "extra.level is msc");
  CHECK(AnyOf("extra.level", {"bsc", "msc"}).ToString() ==
        "extra.level is one of bsc, msc");
  CHECK(Range("extra.year", 2026, 2027).ToString() ==
        "extra.year is 2026 to 2027");
  CHECK(Range("extra.year", 2026, 2026).ToString() == "extra.year is 2026");
  CHECK(Range("extra.gpa", 3.5, 1e300).ToString() ==
        "extra.gpa is at least 3.5");
  CHECK(Range("extra.gpa", -1e300, 4).ToString() == "extra.gpa is at most 4");
}

// Two attendees and two employers with a little of everything.
Fair SmallFair() {
  Fair fair;
  fair.attendees.resize(2);
  fair.employers.resize(2);
  fair.attendees[0].program = "Law";
  fair.attendees[1].program = "Computer Science";
  fair.attendees[1].extra = {{"year", "2026"}};
  fair.employers[0].requirements = {AnyOf("program", {"computer science"})};
  fair.employers[1].extra = {{"remote", "no"}};
  fair.attendees[1].requirements = {AnyOf("extra.remote", {"yes"})};
  fair.attendees[0].must_meet = {1};
  fair.employers[1].must_meet = {1};
  fair.employers[0].avoid = {1};
  fair.attendees[0].wants = {1, 0};
  return fair;
}

TEST_CASE("intents: the first failing requirement, and whose", "[model]") {
  const Fair fair = SmallFair();
  bool by_employer = false;
  const Requirement* r = FailedRequirement(fair, 0, 0, &by_employer);
  REQUIRE(r != nullptr);
  CHECK(r->field == "program");
  CHECK(by_employer);
  // Employer 0's requirement holds for attendee 1 (CS), but attendee 1's
  // own fails: employer 0 has no extra.remote at all.
  r = FailedRequirement(fair, 1, 0, &by_employer);
  REQUIRE(r != nullptr);
  CHECK(r->field == "extra.remote");
  CHECK_FALSE(by_employer);
  r = FailedRequirement(fair, 1, 1, &by_employer);  // remote: no
  REQUIRE(r != nullptr);
  CHECK_FALSE(by_employer);
  CHECK(FailedRequirement(fair, 0, 1) == nullptr);  // nobody requires a thing
}

TEST_CASE("intents: must_meet, avoid and wishes of either side", "[model]") {
  const Fair fair = SmallFair();
  CHECK(MustMeet(fair, 0, 1));  // the attendee's
  CHECK(MustMeet(fair, 1, 1));  // the employer's
  CHECK_FALSE(MustMeet(fair, 0, 0));
  CHECK(Avoided(fair, 1, 0));  // the employer's
  CHECK_FALSE(Avoided(fair, 0, 0));
  CHECK(WishRank(fair.attendees[0].wants, 1) == 1);
  CHECK(WishRank(fair.attendees[0].wants, 0) == 2);
  CHECK(WishRank(fair.attendees[1].wants, 0) == 0);
  const std::vector<std::vector<int>> must = MustMeetLists(fair);
  REQUIRE(must.size() == 2);
  CHECK(must[0] == std::vector<int>{1});
  CHECK(must[1] == std::vector<int>{1});
}

}  // namespace
}  // namespace fairmatch
