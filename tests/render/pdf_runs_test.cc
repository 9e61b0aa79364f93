#include "engine/render/pdf_runs.h"

#include <catch2/catch.hpp>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"
#include "tests/render/pdf_sheets_fixture.h"

// attendees.pdf is drawn in runs of kRunSheets sheets on several threads
// (pdf_runs.h); what a reader gets must be one document, the same bytes
// for any number of threads.

namespace fairmatch {
namespace {

using testing::Attendees;
using testing::Contains;
using testing::Employers;
using testing::FixtureFair;
using testing::FixtureSchedule;
using testing::MakeAttendee;
using testing::MakeEmployer;
using testing::PdfFile;

// The spring fair with 2.5 runs more attendees: "Person 000", ... sort
// between the fixture's N and Ş, and some draw with fonts that only
// later runs need (Greek, Chinese), so each run brings glyphs and faces
// of its own.
Fair ManyAttendees(int extra) {
  Fair fair = FixtureFair();
  for (int i = 0; i < extra; ++i) {
    std::string name = absl::StrFormat("Person %03d", i);
    if (i == sheets::kRunSheets + 5) name += " Γιώργος";
    if (i == 2 * sheets::kRunSheets + 7) name += " 王静";
    fair.attendees.push_back(MakeAttendee(absl::StrFormat("p%03d", i), name,
                                          {3, 3, 3}, {"python"},
                                          {"mentoring"}));
  }
  return fair;
}

// What `render(threads)` gives on one thread, which two and three threads
// must give byte for byte; and a reader must find it sound.
template <typename Render>
std::string OnAnyThreads(Render render) {
  const std::string one = render(1);
  CHECK(render(2) == one);
  CHECK(render(3) == one);
  CHECK(Contains(PdfFile(one).Check(),
                 "No syntax or stream encoding errors found"));
  return one;
}

TEST_CASE("attendees.pdf is the same document on one, two or three threads",
          "[render]") {
  const int extra = 2 * sheets::kRunSheets + 30;
  Fair fair = ManyAttendees(extra);
  Schedule schedule = FixtureSchedule();
  PdfFile pdf(OnAnyThreads([&](int threads) {
    return Attendees(fair, schedule, Paper::kA4, threads);
  }));
  const int sheets = extra + 3;
  REQUIRE(pdf.Pages() == sheets);  // one page each
  // Pages are numbered through the runs, and each shows its own sheet.
  for (int page : {1, sheets::kRunSheets, sheets::kRunSheets + 1, sheets}) {
    INFO(page);
    const std::string text = pdf.Text(page, page);
    CHECK(Contains(text, absl::StrCat("Page ", page)));
    CHECK_FALSE(Contains(text, absl::StrCat("Page ", page + 1)));
  }
  // Page 3 + i is Person i's (after Ada and Nguyễn, before Şükrü).
  const int greek = 3 + sheets::kRunSheets + 5;
  CHECK(Contains(pdf.Text(greek, greek),
                 absl::StrFormat("Person %03d Γιώργος", greek - 3)));
  const int chinese = 3 + 2 * sheets::kRunSheets + 7;
  CHECK(Contains(pdf.Text(chinese, chinese),
                 absl::StrFormat("Person %03d 王静", chinese - 3)));
  CHECK(Contains(pdf.Text(sheets, sheets), "Şükrü"));
  // Every font embedded and mapped to text once, whichever run drew it.
  const std::string fonts = pdf.Fonts();
  CHECK(Contains(fonts, "CID Type 0C"));
  CHECK_FALSE(Contains(fonts, " no "));
  // One bookmark per sheet, in order, to the sheet's page.
  const std::string outlines = pdf.Outlines();
  CHECK(Contains(outlines, "\"Person 000\""));
  CHECK(Contains(outlines, absl::StrFormat("\"Person %03d\"", extra - 1)));
  std::size_t count = 0;
  for (std::size_t at = outlines.find("\"title\""); at != std::string::npos;
       at = outlines.find("\"title\"", at + 1)) {
    ++count;
  }
  CHECK(count == static_cast<std::size_t>(sheets));
}

TEST_CASE("employers.pdf is the same document on one, two or three threads",
          "[render]") {
  // Two and a half runs of employers ("Firm 000", ... after the fixture's
  // Acme and Blue Labs), one table each, the last in Chinese.
  Fair fair = FixtureFair();
  const int extra = 2 * sheets::kRunSheets + 30;
  for (int i = 0; i < extra; ++i) {
    std::string name = absl::StrFormat("Firm %03d", i);
    if (i == extra - 1) name += " 王静";
    fair.employers.push_back(MakeEmployer(absl::StrFormat("f%03d", i), name, "",
                                          1, {3, 3, 3}, {"mentoring"},
                                          {"python"}));
  }
  Schedule schedule = FixtureSchedule();
  PdfFile pdf(OnAnyThreads([&](int threads) {
    return Employers(fair, schedule, Paper::kA4, threads);
  }));
  // Acme's two tables, Blue Labs' one, a page per firm, then the grid.
  const int rosters = 3 + extra;
  REQUIRE(pdf.Pages() > rosters);
  const std::string last_firm = pdf.Text(rosters, rosters);
  CHECK(Contains(last_firm, absl::StrFormat("Firm %03d 王静", extra - 1)));
  CHECK(Contains(last_firm, absl::StrCat("Page ", rosters)));
  const std::string grid = pdf.Text(rosters + 1, rosters + 1);
  CHECK(Contains(grid, "Master grid"));
  CHECK(Contains(grid, absl::StrCat("Page ", rosters + 1)));
  CHECK_FALSE(Contains(pdf.Fonts(), " no "));
}

}  // namespace
}  // namespace fairmatch
