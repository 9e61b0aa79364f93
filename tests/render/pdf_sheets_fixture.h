// The PDF sheet tests' fair and readers: the spring fair plus two
// attendees in other scripts, the documents rendered through the public API
// (pdf_sheets.h), and the words of a PDF with their boxes, to check that
// nothing is drawn off the page.
#ifndef FAIRMATCH_TESTS_RENDER_PDF_SHEETS_FIXTURE_H_
#define FAIRMATCH_TESTS_RENDER_PDF_SHEETS_FIXTURE_H_

#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "engine/render/pdf_sheets.h"
#include "engine/score/compatibility.h"
#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/spring_fair.h"

namespace fairmatch::testing {

// The fixture plus a Russian and a Greek name: attendees sort as
// Ada, Nguyễn, Şükrü, Γιώργος, Анна (Latin, then Greek, then Cyrillic). Anna
// meets Acme at table 2 in slot 0, Giorgos Blue Labs after the break; Şükrü
// still has no meeting.
inline Fair FiveAttendees() {
  Fair fair = FixtureFair();
  fair.attendees.push_back(MakeAttendee("a004", "Анна Иванова", {5, 5, 1},
                                        {"python"}, {"mentoring"}));
  fair.attendees.push_back(MakeAttendee("a005", "Γιώργος Παπαδόπουλος",
                                        {2, 3, 5}, {"statistics"},
                                        {"growth path"}));
  return fair;
}

inline Schedule FiveSchedule() {
  Schedule schedule = FixtureSchedule();
  schedule.meetings.push_back(
      Meeting{.slot = 0, .employer = 0, .table = 2, .attendees = {3}});
  schedule.meetings.push_back(
      Meeting{.slot = 2, .employer = 1, .table = 1, .attendees = {4}});
  SortMeetings(schedule);
  return schedule;
}

// RenderAttendeesPdf or RenderEmployersPdf of every sheet, on `threads`
// threads, which must succeed.
using RenderPdf = absl::StatusOr<std::string> (*)(const Fair&,
                                                  const Compatibility&,
                                                  const Schedule&, Paper,
                                                  const std::vector<char>*,
                                                  int);
inline std::string Rendered(RenderPdf render, const Fair& fair,
                            const Schedule& schedule, Paper paper,
                            int threads) {
  Compatibility compat = Compatibility::Build(fair);
  absl::StatusOr<std::string> pdf =
      render(fair, compat, schedule, paper, nullptr, threads);
  REQUIRE(pdf.ok());
  return *std::move(pdf);
}

inline std::string Attendees(const Fair& fair, const Schedule& schedule,
                             Paper paper = Paper::kA4, int threads = 1) {
  return Rendered(RenderAttendeesPdf, fair, schedule, paper, threads);
}

inline std::string Employers(const Fair& fair, const Schedule& schedule,
                             Paper paper = Paper::kA4, int threads = 1) {
  return Rendered(RenderEmployersPdf, fair, schedule, paper, threads);
}

// The fixture's fair over a long day: 60 slots of 10 minutes from 08:00 to
// 18:00, no break.
inline Fair LongDay() {
  Fair fair = FixtureFair();
  fair.event.start = 8 * 60;
  fair.event.end = 18 * 60;
  fair.event.length = 10;
  fair.event.breaks.clear();
  fair.slots = MakeSlots(fair.event.start, fair.event.end, fair.event.length,
                         fair.event.breaks);
  return fair;
}

// Every word pdftotext finds, with its box and page size.
struct Word {
  int page;
  double page_width, page_height;
  double x_min, y_min, x_max, y_max;
  std::string text;
};

inline std::vector<Word> Words(const PdfFile& pdf) {
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

// Every word inside the page's content box (the side margins, below the
// top, above the footer's rule), or one of the footer's own words on the
// footer's line.
inline void CheckInsideTheBody(const PdfFile& pdf) {
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
inline std::vector<std::string> LongTexts() {
  std::string words;
  while (words.size() < 5000) words += "Wolfeschlegel ";
  words.pop_back();
  return {std::string(5000, 'W'), words};
}

}  // namespace fairmatch::testing

#endif  // FAIRMATCH_TESTS_RENDER_PDF_SHEETS_FIXTURE_H_
