#include "engine/render/pdf_attendee_sheets.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"
#include "tests/render/pdf_sheets_fixture.h"

// attendees.pdf's sheets, read back with poppler (tests/fixtures/pdf_file.h).

namespace fairmatch {
namespace {

using testing::Attendees;
using testing::CheckInsideTheBody;
using testing::Contains;
using testing::CountOccurrences;
using testing::FiveAttendees;
using testing::FiveSchedule;
using testing::FixtureFair;
using testing::FixtureSchedule;
using testing::LongTexts;
using testing::PdfFile;
using testing::Word;
using testing::Words;

TEST_CASE("attendees.pdf has one page per attendee, sorted by name",
          "[render]") {
  PdfFile pdf(Attendees(FiveAttendees(), FiveSchedule()));
  REQUIRE(pdf.Pages() == 5);
  CHECK(Contains(pdf.Text(1, 1), "Ada Lovelace"));
  CHECK(Contains(pdf.Text(2, 2), "Nguyễn Thị Hương"));
  CHECK(Contains(pdf.Text(3, 3), "Şükrü Öztürk"));
  CHECK(Contains(pdf.Text(4, 4), "Γιώργος Παπαδόπουλος"));
  CHECK(Contains(pdf.Text(5, 5), "Анна Иванова"));
}

TEST_CASE("an attendee's page lists conversations with talking points",
          "[render]") {
  PdfFile pdf(Attendees(FiveAttendees(), FiveSchedule()));
  std::string ada = pdf.Text(1, 1);
  // The band: event, date, hours, venue.
  CHECK(Contains(ada, "Spring Fair 2025"));
  CHECK(Contains(ada, "2025-03-14"));
  CHECK(Contains(ada, "Hall B"));
  CHECK(Contains(ada, "MSc Computer Science"));
  // Both conversations in time order, with where and with whom.
  std::size_t acme = ada.find("Acme Energy");
  std::size_t blue = ada.find("Blue Labs");
  REQUIRE(acme != std::string::npos);
  REQUIRE(blue != std::string::npos);
  CHECK(acme < blue);
  CHECK(Contains(ada, "10:00–10:15"));
  CHECK(Contains(ada, "10:15–10:30"));
  CHECK(Contains(ada, "Booth A1"));
  CHECK(Contains(ada, "Table 1"));
  CHECK(Contains(ada, "with Nguyễn Thị Hương"));
  CHECK(Contains(ada, "one-to-one"));
  // Ada offers python, which Acme seeks; Acme offers mentoring, which she
  // seeks.
  CHECK(Contains(ada, "You offer: python"));
  CHECK(Contains(ada, "They offer: mentoring"));
  CHECK(Contains(ada, "Shared values:"));
  CHECK_FALSE(Contains(ada, "could not fit"));
}

TEST_CASE("an attendee without a conversation gets a kind page with booths",
          "[render]") {
  PdfFile pdf(Attendees(FiveAttendees(), FiveSchedule()));
  std::string sukru = pdf.Text(3, 3);
  CHECK(Contains(sukru,
                 "We could not fit a scheduled conversation for you "
                 "this time, and we are sorry."));
  CHECK(Contains(sukru, "Open booths worth a visit"));
  // Blue Labs seeks his sales and offers the growth path he seeks.
  CHECK(Contains(sukru, "Blue Labs"));
  CHECK(Contains(sukru, "You offer: sales"));

  SECTION("never suggesting an employer on the avoid list") {
    Fair fair = FiveAttendees();
    fair.attendees[2].avoid = {1};
    PdfFile avoiding(Attendees(fair, FiveSchedule()));
    std::string page = avoiding.Text(3, 3);
    CHECK(Contains(page, "could not fit"));
    CHECK_FALSE(Contains(page, "Blue Labs"));
  }
}

TEST_CASE("long names wrap instead of running off the page", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[0].name = std::string(300, 'W');
  fair.attendees[1].name = "\xFF\xFE not UTF-8";
  PdfFile pdf(Attendees(fair, FixtureSchedule()));
  CHECK(pdf.Pages() == 3);
  CHECK(Contains(pdf.Text(), "WWWWWWWWWW"));
  CHECK(Contains(pdf.Text(), "not UTF-8"));
}

// Finding 9 of "Hostile and odd inputs": a field of any length wraps and
// goes on over pages inside the body; nothing is drawn over the footer or
// off the page, and no conversation is lost.
TEST_CASE("a 5,000-character name wraps over pages and keeps every meeting",
          "[render][hostile]") {
  for (const std::string& name : LongTexts()) {
    Fair fair = FiveAttendees();
    fair.attendees[0].name = name;  // Ada; her sheet comes third
    PdfFile pdf(Attendees(fair, FiveSchedule()));
    const int pages = pdf.Pages();
    REQUIRE(pages > 5);
    CheckInsideTheBody(pdf);
    // Ada's pages: after Nguyễn's and Şükrü's, before Γιώργος' and Анна's.
    const std::string ada = pdf.Text(3, pages - 2);
    CHECK(Contains(ada, "MSc Computer Science · a001@example.org · a001"));
    const std::size_t acme = ada.find("10:00–10:15 Acme Energy");
    const std::size_t blue = ada.find("10:15–10:30 Blue Labs");
    CHECK(acme != std::string::npos);
    CHECK(blue != std::string::npos);
    CHECK(Contains(ada, "They offer: mentoring"));
    CHECK(Contains(ada, "(continued)"));
    CHECK(Contains(pdf.Text(pages - 1, pages - 1), "Γιώργος Παπαδόπουλος"));
    // Nguyễn meets Acme with Ada: the row naming her goes on over pages,
    // and Şükrü's sheet follows it. (Анна meets Acme at 10:00 too.)
    const std::string all = pdf.Text();
    CHECK(CountOccurrences(all, "10:00–10:15 Acme Energy") == 3);
    CHECK(all.find("with " + name.substr(0, 12)) < all.find("Şükrü Öztürk"));
  }
}

// Finding 10: user text is a bidi isolate, so a direction control inside
// it reorders nothing after it, and right-to-left text still reads right
// to left inside.
TEST_CASE("a right-to-left name reads right to left inside its isolate",
          "[render][hostile]") {
  Fair fair = FiveAttendees();
  fair.attendees[0].name = "שרה כהן";   // Sarah Cohen
  fair.attendees[0].program = "هندسة";  // engineering
  PdfFile pdf(Attendees(fair, FiveSchedule()));
  std::vector<Word> words = Words(pdf);
  auto find = [&](const std::string& a, const std::string& b) {
    for (const Word& w : words) {
      if (w.page == 5 && (w.text == a || w.text == b)) return w;
    }
    return Word{};
  };
  // Hebrew after Cyrillic in the event's order: the last sheet. The first
  // name is to the right of the family name; pdftotext may spell each word
  // in either order.
  Word first = find("שרה", "הרש");
  Word family = find("כהן", "ןהכ");
  REQUIRE(first.page == 5);
  REQUIRE(family.page == 5);
  CHECK(first.x_min > family.x_max);
  // The programme, the e-mail and the id still follow left to right.
  Word email = find("a001@example.org", "");
  Word program = find("هندسة", "ةسدنه");
  REQUIRE(email.page == 5);
  REQUIRE(program.page == 5);
  CHECK(program.x_max < email.x_min);
}

}  // namespace
}  // namespace fairmatch
