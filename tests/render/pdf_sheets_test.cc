#include "engine/render/pdf_sheets.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/io/config_loader.h"
#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"
#include "tests/render/pdf_sheets_fixture.h"

// The PDFs are read back with poppler's pdfinfo and pdftotext
// (tools/deps/pdf.txt), so what is checked is what a reader gets: page
// counts, page sizes, and text that can be found and copied.

namespace fairmatch {
namespace {

using testing::Attendees;
using testing::Contains;
using testing::Employers;
using testing::FiveAttendees;
using testing::FiveSchedule;
using testing::FixtureFair;
using testing::FixtureSchedule;
using testing::PdfFile;
using testing::Word;
using testing::Words;

TEST_CASE("the sheets and the grid follow the event's language", "[render]") {
  Fair fair = FiveAttendees();
  fair.attendees[0].name = "Zoë Adams";  // bytes: before É and Ö
  fair.attendees[1].name = "Östen Berg";
  fair.attendees[2].name = "Érica Lopes";
  fair.employers[0].name = "Zenith";
  fair.employers[1].name = "Ébène";
  PdfFile attendees(Attendees(fair, FiveSchedule()));
  REQUIRE(attendees.Pages() == 5);
  CHECK(Contains(attendees.Text(1, 1), "Érica Lopes"));
  CHECK(Contains(attendees.Text(2, 2), "Östen Berg"));
  CHECK(Contains(attendees.Text(3, 3), "Zoë Adams"));
  PdfFile employers(Employers(fair, FiveSchedule()));
  REQUIRE(employers.Pages() == 4);
  CHECK(Contains(employers.Text(1, 1), "Ébène"));
  CHECK(Contains(employers.Text(2, 2), "Zenith"));
  std::string grid = employers.Text(4, 4);
  CHECK(grid.find("Ébène") < grid.find("Zenith"));

  fair.config.locale = "sv";
  PdfFile swedish(Attendees(fair, FiveSchedule()));
  CHECK(Contains(swedish.Text(2, 2), "Zoë Adams"));
  CHECK(Contains(swedish.Text(3, 3), "Östen Berg"));
}

TEST_CASE("the PDFs tell namesakes apart, in the grid too", "[render]") {
  Fair fair = FiveAttendees();
  // Anna (a004) becomes a second Ada with another programme; Giorgos a
  // third one with Ada's.
  fair.attendees[3].name = "Ada Lovelace";
  fair.attendees[3].program = "BSc Physics";
  fair.attendees[4].name = "ADA LOVELACE";
  PdfFile attendees(Attendees(fair, FiveSchedule()));
  REQUIRE(attendees.Pages() == 5);
  CHECK(Contains(attendees.Text(1, 1), "Ada Lovelace (a001)"));
  CHECK(Contains(attendees.Text(2, 2), "Ada Lovelace (BSc Physics)"));
  CHECK(Contains(attendees.Text(3, 3), "ADA LOVELACE (a005)"));
  CHECK(Contains(attendees.Outlines(), "Ada Lovelace (BSc Physics)"));

  PdfFile employers(Employers(fair, FiveSchedule()));
  REQUIRE(employers.Pages() == 4);
  // Acme table 1: Ada with Hương; the roster shows her programme anyway,
  // but it is Giorgos's too, so the id tells them apart.
  CHECK(Contains(employers.Text(1, 1), "Ada Lovelace (a001)"));
  // Acme table 2: Anna-now-Ada, with her own programme beside her name.
  CHECK(Contains(employers.Text(2, 2), "Ada Lovelace · BSc Physics"));
  std::string grid = employers.Text(4, 4);
  CHECK(Contains(grid, "Ada Lovelace (a001)"));
  CHECK(Contains(grid, "ADA LOVELACE (a005)"));
}

TEST_CASE("the organiser's extra fields print under the sheet's header",
          "[render]") {
  Fair fair = FiveAttendees();
  fair.attendees[0].extra = {
      {"accessibility", "I use a wheelchair, please seat me near the entrance"},
      {"portfolio.url", "https://example.org/ada"}};
  fair.employers[0].extra = {{"parking", "Bay 4, behind the hall"}};
  PdfFile attendees(Attendees(fair, FiveSchedule()));
  REQUIRE(attendees.Pages() == 5);
  std::string ada = attendees.Text(1, 1);
  CHECK(Contains(ada,
                 "accessibility: I use a wheelchair, please seat me near "
                 "the entrance"));
  CHECK(Contains(ada, "portfolio.url: https://example.org/ada"));
  // Above the conversations.
  CHECK(ada.find("accessibility:") < ada.find("Acme Energy"));
  CHECK_FALSE(Contains(attendees.Text(2, 5), "accessibility"));

  PdfFile employers(Employers(fair, FiveSchedule()));
  REQUIRE(employers.Pages() == 4);
  // On each of Acme's table sheets, not on Blue Labs'.
  CHECK(Contains(employers.Text(1, 1), "parking: Bay 4, behind the hall"));
  CHECK(Contains(employers.Text(2, 2), "parking: Bay 4, behind the hall"));
  CHECK_FALSE(Contains(employers.Text(3, 4), "parking"));

  fair.config.extra_all = false;
  fair.config.extra = {"portfolio"};
  PdfFile chosen(Attendees(fair, FiveSchedule()));
  CHECK(Contains(chosen.Text(1, 1), "portfolio.url:"));
  CHECK_FALSE(Contains(chosen.Text(1, 1), "accessibility"));
}

TEST_CASE("a long extra value wraps and never pushes a meeting off the page",
          "[render]") {
  Fair fair = FiveAttendees();
  // Three fields of about 4,000 characters: more than a page together, each
  // more than a third of one, so they break between lines.
  auto many = [](const std::string& stem) {
    std::string text;
    for (int i = 0; i < 450; ++i) text += stem + std::to_string(i) + " ";
    return text;
  };
  fair.attendees[0].extra = {
      {"url", "https://example.org/" + std::string(400, 'x')},
      {"notes", many("note") + "\nlast note"},
      {"more", many("more")},
      {"most", many("most") + "\nlast line"}};
  fair.employers[1].extra = fair.attendees[0].extra;
  // Without the fields: 5 and 4 pages.
  for (const auto& [bytes, pages] :
       {std::pair{Attendees(fair, FiveSchedule()), 5},
        std::pair{Employers(fair, FiveSchedule()), 4}}) {
    PdfFile pdf(bytes);
    CHECK(pdf.Pages() > pages + 1);
    std::vector<Word> words = Words(pdf);
    REQUIRE(words.size() > 1350);
    for (const Word& w : words) {
      INFO("page " << w.page << ": " << w.text);
      // Inside the side margins (42 pt) and above the footer's rule.
      CHECK(w.x_min >= 41.5);
      CHECK(w.x_max <= w.page_width - 41.5);
      bool footer = w.y_min > w.page_height - 40;
      if (!footer) CHECK(w.y_max <= w.page_height - 45);
    }
    std::string text = pdf.Text();
    CHECK(Contains(text, "note449"));
    CHECK(Contains(text, "most449"));
    CHECK(Contains(text, "last line"));
    CHECK_FALSE(Contains(text, "shortened"));
  }
  // Ada's sheet still lists both conversations, after her fields.
  PdfFile attendees(Attendees(fair, FiveSchedule()));
  int pages = attendees.Pages();
  std::string ada = attendees.Text(1, pages - 4);
  CHECK(Contains(ada, "Ada Lovelace (continued)"));
  std::size_t last = ada.find("last line");
  REQUIRE(last != std::string::npos);
  CHECK(ada.find("Acme Energy", last) != std::string::npos);
  CHECK(ada.find("Blue Labs", last) != std::string::npos);
  CHECK(Contains(attendees.Text(pages - 3, pages - 3), "Nguyễn Thị Hương"));
  // And every roster row of Blue Labs is there after its fields.
  PdfFile employers(Employers(fair, FiveSchedule()));
  std::string rosters = employers.Text();
  std::size_t fields_end = rosters.find("last line");
  REQUIRE(fields_end != std::string::npos);
  CHECK(rosters.find("10:45–11:00", fields_end) != std::string::npos);
  CHECK(Contains(rosters, "Blue Labs · Table 1 (continued)"));
}

TEST_CASE("an extra value of a document's length prints shortened",
          "[render]") {
  Fair fair = FiveAttendees();
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "é" + std::to_string(i) + " ";
  fair.attendees[0].extra = {{"cv", text}};
  PdfFile pdf(Attendees(fair, FiveSchedule()));
  std::string sheet = pdf.Text(1, pdf.Pages() - 4);
  CHECK(Contains(sheet, "é100 "));
  CHECK_FALSE(Contains(sheet, "é2999"));
  CHECK(Contains(sheet, "… (shortened; the whole text is in schedules.html)"));
  CHECK(Contains(sheet, "Blue Labs"));
}

TEST_CASE("two renders give identical bytes, dated by the event", "[render]") {
  Fair fair = FiveAttendees();
  Schedule schedule = FiveSchedule();
  std::string a1 = Attendees(fair, schedule);
  std::string a2 = Attendees(fair, schedule);
  CHECK(a1 == a2);
  CHECK(Employers(fair, schedule) == Employers(fair, schedule));
  // PDF dates: "(D:YYYYMMDDHHMMSS)".
  for (const char* key : {"/CreationDate (", "/ModDate ("}) {
    std::size_t at = a1.find(key);
    REQUIRE(at != std::string::npos);
    CHECK(Contains(a1.substr(at, 40), "20250314100000"));
  }
  CHECK(a1.rfind("%PDF-", 0) == 0);
}

TEST_CASE("both PDFs are well formed with every font embedded and mapped",
          "[render]") {
  Fair fair = FiveAttendees();
  fair.attendees[0].name = "王静 Ada";  // CJK: a CFF font (Noto Sans CJK)
  Schedule schedule = FiveSchedule();
  for (const std::string& bytes :
       {Attendees(fair, schedule), Employers(fair, schedule)}) {
    PdfFile pdf(bytes);
    CHECK(Contains(pdf.Check(), "No syntax or stream encoding errors found"));
    std::string fonts = pdf.Fonts();
    int rows = 0;
    std::size_t at = fonts.find('\n', fonts.find("-----"));
    for (std::size_t end; at != std::string::npos &&
                          (end = fonts.find('\n', at + 1)) != std::string::npos;
         at = end) {
      std::string row = fonts.substr(at + 1, end - at - 1);
      if (row.empty()) continue;
      ++rows;
      INFO(row);
      CHECK(Contains(row, "Identity-H       yes yes yes"));
    }
    CHECK(rows >= 2);
    CHECK(Contains(fonts, "CID Type 0C"));  // the CJK name
    CHECK(Contains(pdf.Text(), "王静"));
  }
}

TEST_CASE("paper size follows output.paper", "[render]") {
  Fair fair = FiveAttendees();
  Schedule schedule = FiveSchedule();
  PdfFile a4(Attendees(fair, schedule, Paper::kA4));
  PdfFile letter(Attendees(fair, schedule, Paper::kLetter));
  CHECK(a4.PageSize() == "595.276 x 841.89 pts (A4)");
  CHECK(letter.PageSize() == "612 x 792 pts (letter)");
  PdfFile roster(Employers(fair, schedule, Paper::kLetter));
  CHECK(roster.PageSize() == "612 x 792 pts (letter)");

  Config config;
  CHECK(PaperFromConfig(config) == Paper::kA4);
  absl::StatusOr<Config> loaded =
      LoadConfig("", LoadOptions{.config_files = {},
                                 .sets = {"output.paper=Letter"},
                                 .changes_files = {}});
  REQUIRE(loaded.ok());
  CHECK(loaded->paper == "letter");
  CHECK(PaperFromConfig(*loaded) == Paper::kLetter);
  absl::StatusOr<Config> bad =
      LoadConfig("", LoadOptions{.config_files = {},
                                 .sets = {"output.paper=a5"},
                                 .changes_files = {}});
  REQUIRE_FALSE(bad.ok());
  CHECK(Contains(std::string(bad.status().message()),
                 "'output.paper' must be a4 or letter, got 'a5'"));
}

TEST_CASE("a schedule naming a missing attendee is an error, not a crash",
          "[render]") {
  Fair fair = FixtureFair();
  Compatibility compat = Compatibility::Build(fair);
  Schedule schedule = FixtureSchedule();
  schedule.meetings[0].attendees.push_back(7);
  absl::StatusOr<std::string> pdf =
      RenderAttendeesPdf(fair, compat, schedule, Paper::kA4);
  CHECK(pdf.status().code() == absl::StatusCode::kInvalidArgument);
  schedule = FixtureSchedule();
  schedule.meetings[0].employer = 5;
  CHECK(
      RenderEmployersPdf(fair, compat, schedule, Paper::kA4).status().code() ==
      absl::StatusCode::kInvalidArgument);
}

TEST_CASE("an empty fair still gives a valid PDF", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees.clear();
  fair.employers.clear();
  PdfFile attendees(Attendees(fair, Schedule{}));
  CHECK(attendees.Pages() == 1);
  CHECK(Contains(attendees.Text(), "no attendees"));
  PdfFile employers(Employers(fair, Schedule{}));
  CHECK(employers.Pages() == 1);
  CHECK(Contains(employers.Text(), "no employers"));
}

// Finding 10: user text is a bidi isolate, so a direction control inside
// it reorders nothing after it, and right-to-left text still reads right
// to left inside.
TEST_CASE("a direction control in user text reorders nothing after it",
          "[render][hostile]") {
  const std::vector<std::string> controls = {
      "\u202E",        // RIGHT-TO-LEFT OVERRIDE (the tester's)
      "\u202B",        // RIGHT-TO-LEFT EMBEDDING
      "\u2067",        // RIGHT-TO-LEFT ISOLATE, left open
      "\u200F",        // RIGHT-TO-LEFT MARK
      "\u2069\u202E",  // a stray POP DIRECTIONAL ISOLATE, then an override
      "\u202E\u2069\u2069",
  };
  for (const std::string& control : controls) {
    INFO("control " << control.size() << " bytes");
    Fair fair = FiveAttendees();
    fair.attendees[0].program = "CS " + control + "evil";
    fair.attendees[0].email = "42ada@example.org";
    fair.employers[0].booth = control + "A1";
    PdfFile pdf(Attendees(fair, FiveSchedule()));
    const std::string ada = pdf.Text(1, 1);
    CHECK(Contains(ada, " · 42ada@example.org · a001"));
    CHECK(Contains(ada, "Table 1 · with Nguyễn Thị Hương"));
    PdfFile employers(Employers(fair, FiveSchedule()));
    CHECK(Contains(employers.Text(1, 1), "tables · up to"));
  }
}

}  // namespace
}  // namespace fairmatch
