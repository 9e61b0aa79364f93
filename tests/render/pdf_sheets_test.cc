#include "engine/render/pdf_sheets.h"

#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "engine/io/config_loader.h"
#include "tests/render/pdf_file.h"
#include "tests/render/render_fixture.h"

// The PDFs are read back with poppler's pdfinfo and pdftotext
// (tools/deps/pdf.txt), so what is checked is what a reader gets: page
// counts, page sizes, and text that can be found and copied.

namespace fairmatch {
namespace {

using render_testing::CountOccurrences;
using render_testing::FixtureFair;
using render_testing::FixtureSchedule;
using render_testing::MakeAttendee;
using render_testing::PdfFile;

// The fixture plus a Russian and a Greek name: attendees sort as
// Ada, Nguyễn, Şükrü, Γιώργος, Анна (Latin, then Greek, then Cyrillic). Anna
// meets Acme at table 2 in slot 0, Giorgos Blue Labs after the break; Şükrü
// still has no meeting.
Fair FiveAttendees() {
  Fair fair = FixtureFair();
  fair.attendees.push_back(MakeAttendee("a004", "Анна Иванова", {5, 5, 1},
                                        {"python"}, {"mentoring"}));
  fair.attendees.push_back(MakeAttendee("a005", "Γιώργος Παπαδόπουλος",
                                        {2, 3, 5}, {"statistics"},
                                        {"growth path"}));
  return fair;
}

Schedule FiveSchedule() {
  Schedule schedule = FixtureSchedule();
  schedule.meetings.push_back(
      Meeting{.slot = 0, .employer = 0, .table = 2, .attendees = {3}});
  schedule.meetings.push_back(
      Meeting{.slot = 2, .employer = 1, .table = 1, .attendees = {4}});
  SortMeetings(schedule);
  return schedule;
}

bool Contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

std::string Attendees(const Fair& fair, const Schedule& schedule,
                      Paper paper = Paper::kA4) {
  Compatibility compat = Compatibility::Build(fair);
  absl::StatusOr<std::string> pdf =
      RenderAttendeesPdf(fair, compat, schedule, paper);
  REQUIRE(pdf.ok());
  return *std::move(pdf);
}

std::string Employers(const Fair& fair, const Schedule& schedule,
                      Paper paper = Paper::kA4) {
  Compatibility compat = Compatibility::Build(fair);
  absl::StatusOr<std::string> pdf =
      RenderEmployersPdf(fair, compat, schedule, paper);
  REQUIRE(pdf.ok());
  return *std::move(pdf);
}

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

TEST_CASE("employers.pdf has a page per table, then the master grid",
          "[render]") {
  PdfFile pdf(Employers(FiveAttendees(), FiveSchedule()));
  // Acme Energy tables 1 and 2, Blue Labs table 1, one grid page.
  REQUIRE(pdf.Pages() == 4);
  std::string acme1 = pdf.Text(1, 1);
  CHECK(Contains(acme1, "Acme Energy"));
  CHECK(Contains(acme1, "Table 1 of 2"));
  CHECK(Contains(acme1, "Ada Lovelace"));
  CHECK(Contains(acme1, "Nguyễn Thị Hương"));
  // "You" is the employer on its roster: Acme offers mentoring.
  CHECK(Contains(acme1, "You offer: mentoring"));
  CHECK(Contains(acme1, "They offer: python"));
  CHECK(Contains(acme1, "Break"));
  CHECK(Contains(acme1, "free"));
  CHECK_FALSE(Contains(acme1, "Анна Иванова (continued)"));
  std::string acme2 = pdf.Text(2, 2);
  CHECK(Contains(acme2, "Table 2 of 2"));
  CHECK(Contains(acme2, "Анна Иванова"));
  std::string blue = pdf.Text(3, 3);
  CHECK(Contains(blue, "Blue Labs"));
  CHECK(Contains(blue, "Γιώργος Παπαδόπουλος"));
  std::string grid = pdf.Text(4, 4);
  CHECK(Contains(grid, "MASTER GRID"));
  for (const char* name : {"Ada Lovelace", "Nguyễn Thị Hương", "Анна Иванова",
                           "Γιώργος Παπαδόπουλος"}) {
    CHECK(Contains(grid, name));
  }
  CHECK_FALSE(Contains(grid, "Şükrü"));
}

TEST_CASE("alternates are free, eligible and not avoiding the employer",
          "[render]") {
  // Şükrü has no meeting and suits Blue Labs: he is its alternate in the
  // slots where he is free.
  PdfFile pdf(Employers(FiveAttendees(), FiveSchedule()));
  CHECK(Contains(pdf.Text(3, 3), "Şükrü Öztürk"));

  Fair fair = FiveAttendees();
  fair.attendees[2].avoid = {1};
  PdfFile avoiding(Employers(fair, FiveSchedule()));
  CHECK_FALSE(Contains(avoiding.Text(3, 3), "Şükrü Öztürk"));

  // Outside his availability he is nobody's alternate.
  fair = FiveAttendees();
  fair.attendees[2].available = {{9 * 60, 9 * 60 + 30}};
  PdfFile away(Employers(fair, FiveSchedule()));
  CHECK_FALSE(Contains(away.Text(1, 3), "Şükrü Öztürk"));
}

TEST_CASE("a roster that does not fit one page continues on the next",
          "[render]") {
  Fair fair = FixtureFair();
  fair.event.start = 8 * 60;
  fair.event.end = 18 * 60;
  fair.event.length = 10;
  fair.event.breaks.clear();
  fair.slots = MakeSlots(fair.event.start, fair.event.end, fair.event.length,
                         fair.event.breaks);
  REQUIRE(fair.num_slots() == 60);
  fair.employers[0].tables = 1;
  Schedule schedule;
  for (int s = 0; s < fair.num_slots(); ++s) {
    schedule.meetings.push_back(
        Meeting{.slot = s, .employer = 0, .table = 1, .attendees = {0, 1, 2}});
  }
  SortMeetings(schedule);
  PdfFile pdf(Employers(fair, schedule));
  std::string text = pdf.Text();
  CHECK(pdf.Pages() > 4);
  CHECK(Contains(text, "Acme Energy · Table 1 (continued)"));
  CHECK(Contains(text, "17:50–18:00"));
  CHECK(Contains(text, "All tables, 08:00"));
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

// Every word pdftotext finds, with its box and page size.
struct Word {
  int page;
  double page_width, page_height;
  double x_min, y_min, x_max, y_max;
  std::string text;
};

std::vector<Word> Words(const PdfFile& pdf) {
  std::vector<Word> words;
  std::string xml = pdf.Boxes();
  std::regex page_re("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">");
  std::regex word_re(
      "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
      "yMax=\"([0-9.]+)\">([^<]*)</word>");
  int page = 0;
  double width = 0, height = 0;
  std::size_t at = 0;
  while (at < xml.size()) {
    std::size_t next_page = xml.find("<page ", at);
    std::size_t end = next_page == std::string::npos
                          ? xml.size()
                          : xml.find("</page>", next_page);
    if (next_page == std::string::npos) break;
    std::smatch m;
    std::string head = xml.substr(next_page, 80);
    if (std::regex_search(head, m, page_re)) {
      width = std::stod(m[1]);
      height = std::stod(m[2]);
    }
    ++page;
    std::string body = xml.substr(next_page, end - next_page);
    for (std::sregex_iterator it(body.begin(), body.end(), word_re), last;
         it != last; ++it) {
      words.push_back(Word{page, width, height, std::stod((*it)[1]),
                           std::stod((*it)[2]), std::stod((*it)[3]),
                           std::stod((*it)[4]), (*it)[5]});
    }
    at = end;
  }
  return words;
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

// Finding 9 of "Hostile and odd inputs": a field of any length wraps and
// goes on over pages inside the body; nothing is drawn over the footer or
// off the page, and no conversation is lost.

// Every word inside the page's content box (the side margins, below the
// top, above the footer's rule), or one of the footer's own words on the
// footer's line.
void CheckInsideTheBody(const PdfFile& pdf) {
  for (const Word& w : Words(pdf)) {
    INFO("page " << w.page << ": " << w.text.substr(0, 40) << " at " << w.x_min
                 << "," << w.y_min << "-" << w.x_max << "," << w.y_max);
    CHECK(w.x_min >= 41.5);
    CHECK(w.x_max <= w.page_width - 41.5);
    CHECK(w.y_min >= 30);
    const bool footer_line =
        w.y_min >= w.page_height - 28 && w.y_max <= w.page_height - 14;
    if (!footer_line) CHECK(w.y_max <= w.page_height - 45);
  }
}

// A name of 5,000 characters: one word (broken inside), and words.
std::vector<std::string> LongTexts() {
  std::string words;
  while (words.size() < 5000) words += "Wolfeschlegel ";
  words.pop_back();
  return {std::string(5000, 'W'), words};
}

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

TEST_CASE("a roster row taller than a page goes on over pages",
          "[render][hostile]") {
  for (const std::string& text : LongTexts()) {
    Fair fair = FiveAttendees();
    // Ada meets Acme with Nguyễn at 10:00 and is an alternate elsewhere.
    fair.attendees[0].program = text;
    PdfFile pdf(Employers(fair, FiveSchedule()));
    CheckInsideTheBody(pdf);
    const std::string all = pdf.Text();
    // The tall row's second person, and every slot of every table after it.
    CHECK(Contains(all, "Nguyễn Thị Hương"));
    CHECK(CountOccurrences(all, "10:45–11:00") >= 3);  // 2 Acme tables, Blue
    CHECK(Contains(all, "Acme Energy · Table 1 (continued)"));
    CHECK(Contains(all, "All tables, 10:00"));
    // And the attendees' sheets hold the programme and both meetings.
    PdfFile attendees(Attendees(fair, FiveSchedule()));
    CheckInsideTheBody(attendees);
    CHECK(Contains(attendees.Text(), "10:15–10:30 Blue Labs"));
  }
}

TEST_CASE("an employer's name of 5,000 characters loses no row",
          "[render][hostile]") {
  for (const std::string& name : LongTexts()) {
    Fair fair = FiveAttendees();
    fair.employers[0].name = name;  // Acme: Ada and Nguyễn at 10:00
    fair.employers[0].booth = name.substr(0, 300);
    PdfFile attendees(Attendees(fair, FiveSchedule()));
    CheckInsideTheBody(attendees);
    // Ada's sheet still ends with Blue Labs after the long row.
    const std::string text = attendees.Text();
    const std::size_t blue = text.find("10:15–10:30 Blue Labs");
    CHECK(blue != std::string::npos);
    CHECK(text.find("Ada Lovelace") < blue);
    PdfFile employers(Employers(fair, FiveSchedule()));
    CheckInsideTheBody(employers);
    const std::string rosters = employers.Text();
    CHECK(CountOccurrences(rosters, "10:45–11:00") >= 4);  // + the grid
    CHECK(Contains(rosters, "Blue Labs"));
  }
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
