#include "engine/render/scores_csv.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "engine/model/intents.h"
#include "tests/fixtures/spring_fair.h"

namespace fairmatch {
namespace {

using testing::FixtureFair;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  REQUIRE(!lines.empty());
  CHECK(lines.back().empty());  // the text ends in a newline
  lines.pop_back();
  return lines;
}

std::string ExpectedRow(const Fair& fair, const Compatibility& compat, int a,
                        int e) {
  PairScore p = compat.Pair(a, e);
  bool by_employer = false;
  const Requirement* r = FailedRequirement(fair, a, e, &by_employer);
  std::string failed;
  if (r != nullptr) {
    // The fixtures' requirements have no comma: the cell needs no quotes.
    failed =
        absl::StrCat(by_employer ? fair.employers[e].id : fair.attendees[a].id,
                     " requires ", r->ToString());
  }
  return absl::StrFormat("%s,%s,%.6f,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%d,%d,%s",
                         fair.attendees[a].id, fair.employers[e].id, p.score,
                         compat.Eligible(a, e, p.score) ? 1 : 0, p.values,
                         p.benefit, p.attendee_gives, p.employer_gives, p.fit,
                         p.wish, WishRank(fair.attendees[a].wants, e),
                         WishRank(fair.employers[e].wants, a), failed);
}

TEST_CASE("scores CSV lists every pair, attendee-major", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[1].avoid = {0};  // never eligible
  Compatibility compat = Compatibility::Build(fair);
  std::ostringstream out;
  WriteScoresCsv(compat, out);
  std::vector<std::string> lines = Lines(out.str());
  REQUIRE(lines.size() == 1 + 3 * 2);
  CHECK(lines[0] ==
        "attendee,employer,score,eligible,values,benefit,attendee_gives,"
        "employer_gives,fit,wish,attendee_wish_rank,employer_wish_rank,"
        "failed_requirement");
  int row = 1;
  for (int a = 0; a < 3; ++a) {
    for (int e = 0; e < 2; ++e) {
      INFO("a=" << a << " e=" << e);
      CHECK(lines[row++] == ExpectedRow(fair, compat, a, e));
    }
  }
  CHECK(lines[3].rfind("a002,e001,", 0) == 0);
  CHECK(lines[3].find(",0,", 10) != std::string::npos);
}

TEST_CASE("scores CSV shows wishes and the failed requirement", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[0].wants = {1, 0};  // e002 first, then e001
  fair.employers[1].wants = {0};     // e002 wants a001 too: mutual
  fair.attendees[2].program = "Law";
  Requirement r;
  r.field = "program";
  r.any_of = {"computer science"};
  fair.employers[0].requirements = {r};
  fair.config.weight_wants = 0.15;  // fixed here, whatever the defaults
  fair.config.weight_mutual_wants = 0.1;
  Compatibility compat = Compatibility::Build(fair);
  std::ostringstream out;
  WriteScoresCsv(compat, out);
  std::vector<std::string> lines = Lines(out.str());
  REQUIRE(lines.size() == 1 + 3 * 2);
  for (int a = 0; a < 3; ++a) {
    for (int e = 0; e < 2; ++e) {
      INFO("a=" << a << " e=" << e);
      CHECK(lines[1 + 2 * a + e] == ExpectedRow(fair, compat, a, e));
    }
  }
  // a001 x e002: both wish (ranks 1 and 1): 0.15 + 0.15 + 0.1.
  CHECK(compat.Pair(0, 1).wish == Approx(0.4f));
  CHECK(lines[2].find(",0.400000,1,1,") != std::string::npos);
  // a001 x e001: the attendee's second wish: 0.15 * 2 / 3.
  CHECK(compat.Pair(0, 0).wish == Approx(0.1f));
  // a003 (Law) fails e001's requirement.
  CHECK(lines[5].find(",e001 requires program is computer science") !=
        std::string::npos);
  CHECK(lines[5].find(",0,") != std::string::npos);  // not eligible
}

TEST_CASE("scores CSV streams across block boundaries", "[render]") {
  Fair fair = FixtureFair();
  // 2,500 attendees: three blocks of at most 1,024.
  const Attendee base = fair.attendees[0];
  fair.attendees.clear();
  for (int i = 0; i < 2500; ++i) {
    Attendee a = base;
    a.id = absl::StrFormat("a%04d", i);
    a.values = {static_cast<float>(i % 6), static_cast<float>((i / 6) % 6),
                static_cast<float>((i / 36) % 6)};
    fair.attendees.push_back(a);
  }
  Compatibility compat = Compatibility::Build(fair);
  std::ostringstream out;
  WriteScoresCsv(compat, out);
  std::vector<std::string> lines = Lines(out.str());
  REQUIRE(lines.size() == 1 + 2500 * 2);
  for (int a : {0, 1023, 1024, 1025, 2047, 2048, 2499}) {
    for (int e = 0; e < 2; ++e) {
      INFO("a=" << a << " e=" << e);
      CHECK(lines[1 + 2 * a + e] == ExpectedRow(fair, compat, a, e));
    }
  }
}

TEST_CASE("scores CSV of a fair without attendees is the header", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees.clear();
  Compatibility compat = Compatibility::Build(fair);
  std::ostringstream out;
  WriteScoresCsv(compat, out);
  CHECK(out.str() ==
        "attendee,employer,score,eligible,values,benefit,attendee_gives,"
        "employer_gives,fit,wish,attendee_wish_rank,employer_wish_rank,"
        "failed_requirement\n");
}

}  // namespace
}  // namespace fairmatch
