#include "engine/render/pdf_employer_sheets.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"
#include "tests/render/pdf_sheets_fixture.h"

// employers.pdf's rosters, read back with poppler (tests/fixtures/pdf_file.h).

namespace fairmatch {
namespace {

using testing::Attendees;
using testing::CheckInsideTheBody;
using testing::Contains;
using testing::CountOccurrences;
using testing::Employers;
using testing::FiveAttendees;
using testing::FiveSchedule;
using testing::FixtureFair;
using testing::LongDay;
using testing::LongTexts;
using testing::PdfFile;

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

TEST_CASE("a roster that does not fit one page continues on the next",
          "[render]") {
  Fair fair = LongDay();
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

}  // namespace
}  // namespace fairmatch
