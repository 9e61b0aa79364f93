#include "engine/render/talking_point_lines.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace fairmatch {
namespace {

TalkingPoints Points() {
  TalkingPoints tp;
  tp.shared_values = {"Impact"};
  tp.attendee_offers = {"python", "statistics"};
  tp.employer_offers = {"mentoring"};
  return tp;
}

TEST_CASE("the lines come in order, from the reader's side", "[render]") {
  const TalkingPoints tp = Points();
  const std::vector<TalkingPointLine> attendee = TalkingPointLines(tp, false);
  REQUIRE(attendee.size() == 3);
  CHECK(attendee[0].label == "Shared values:");
  CHECK(*attendee[0].parts == std::vector<std::string>{"Impact"});
  CHECK(attendee[1].label == "You offer:");
  CHECK(*attendee[1].parts == std::vector<std::string>{"python", "statistics"});
  CHECK(attendee[2].label == "They offer:");
  CHECK(*attendee[2].parts == std::vector<std::string>{"mentoring"});

  const std::vector<TalkingPointLine> employer = TalkingPointLines(tp, true);
  REQUIRE(employer.size() == 3);
  CHECK(*employer[1].parts == std::vector<std::string>{"mentoring"});
  CHECK(*employer[2].parts == std::vector<std::string>{"python", "statistics"});
}

TEST_CASE("empty lines are left out", "[render]") {
  TalkingPoints tp = Points();
  tp.shared_values.clear();
  tp.employer_offers.clear();
  const std::vector<TalkingPointLine> lines = TalkingPointLines(tp, true);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].label == "They offer:");
  CHECK_FALSE(IsOpenConversation(tp));
}

TEST_CASE("a pair with nothing to list is an open conversation", "[render]") {
  TalkingPoints tp;
  CHECK(TalkingPointLines(tp, false).empty());
  CHECK(IsOpenConversation(tp));
  // A mutual wish alone is something to say.
  tp.mutual_wish = true;
  CHECK(TalkingPointLines(tp, false).empty());
  CHECK_FALSE(IsOpenConversation(tp));
  CHECK(std::string(kOpenConversationText) == "An open conversation");
}

}  // namespace
}  // namespace fairmatch
