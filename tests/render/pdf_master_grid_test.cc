#include "engine/render/pdf_master_grid.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/render/meeting_index.h"
#include "engine/render/people.h"
#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"
#include "tests/render/pdf_sheets_fixture.h"

namespace fairmatch::sheets {
namespace {

using testing::Contains;
using testing::CountOccurrences;
using testing::FiveAttendees;
using testing::FiveSchedule;
using testing::FixtureFair;
using testing::LongDay;
using testing::MakeEmployer;
using testing::PdfFile;

// The grid of `fair` and `schedule` alone, as employers.pdf ends with it.
std::string Grid(const Fair& fair, const Schedule& schedule) {
  const Compatibility compat = Compatibility::Build(fair);
  absl::StatusOr<MeetingIndex> index = MeetingIndex::Build(fair, schedule);
  REQUIRE(index.ok());
  const PeopleView people(fair);
  PdfWriter pdf(fair, Paper::kA4, "grid");
  WriteMasterGrid(SheetInputs{fair, compat, schedule, *index, people}, pdf);
  absl::StatusOr<std::string> bytes = pdf.Close();
  REQUIRE(bytes.ok());
  return *std::move(bytes);
}

TEST_CASE("the grid shows every table against the slots, landscape",
          "[render]") {
  Fair fair = FiveAttendees();
  fair.employers[1].available = {{10 * 60 + 15, 11 * 60}};  // from 10:15
  PdfFile pdf(Grid(fair, FiveSchedule()));
  REQUIRE(pdf.Pages() == 1);
  CHECK(pdf.PageSize() == "841.89 x 595.276 pts (A4)");
  const std::string text = pdf.Text();
  CHECK(Contains(text, "ORGANISER DESK · MASTER GRID"));
  CHECK(Contains(text, "All tables, 10:00–11:00"));
  CHECK(Contains(text, "EMPLOYER / TABLE"));
  CHECK(Contains(text, "10:00–10:15 10:15–10:30 10:45–11:00"));
  CHECK(Contains(text, "Booth A1 · table 1"));
  CHECK(Contains(text, "Booth A1 · table 2"));
  CHECK(Contains(text, "Booth B2 · table 1"));
  // Acme table 1 has Ada and Hương at 10:00; the grid names both.
  CHECK(Contains(text, "Ada Lovelace"));
  CHECK(Contains(text, "Nguyễn Thị Hương"));
  CHECK(Contains(text, "Анна Иванова"));
  CHECK_FALSE(Contains(text, "Şükrü"));
  // Acme: 6 cells, 2 taken, 4 free; Blue Labs: Ada at 10:15, Giorgos at
  // 10:45, and away at 10:00: a grey cell, not "free".
  CHECK(CountOccurrences(text, "free") == 4);
  CHECK(Contains(pdf.Outlines(), "Master grid"));
}

TEST_CASE("a long day is split into runs of slots, one page group each",
          "[render]") {
  Fair fair = LongDay();
  REQUIRE(fair.num_slots() == 60);
  PdfFile pdf(Grid(fair, Schedule{}));
  // Six columns of 92 points fit beside the row heads on A4 landscape: 60
  // slots make ten runs of six.
  CHECK(pdf.Pages() == 10);
  const std::string text = pdf.Text();
  CHECK(Contains(pdf.Text(1, 1), "All tables, 08:00–09:00"));
  CHECK(Contains(pdf.Text(10, 10), "All tables, 17:00–18:00"));
  CHECK(CountOccurrences(text, "MASTER GRID") == 10);
}

TEST_CASE("rows that do not fit go on under the heads again", "[render]") {
  Fair fair = FixtureFair();
  fair.employers.clear();
  for (int e = 0; e < 40; ++e) {
    fair.employers.push_back(MakeEmployer("e" + std::to_string(100 + e),
                                          "Employer " + std::to_string(e), "",
                                          1, {3, 3, 3}, {}, {}));
  }
  PdfFile pdf(Grid(fair, Schedule{}));
  REQUIRE(pdf.Pages() >= 2);
  const std::string second = pdf.Text(2, 2);
  CHECK(Contains(second, "All tables, 10:00–11:00 (continued)"));
  CHECK(Contains(second, "EMPLOYER / TABLE"));
  CHECK_FALSE(Contains(second, "ORGANISER DESK"));
  CHECK(Contains(pdf.Text(), "Employer 39"));
}

TEST_CASE("a fair without employers says so in the grid", "[render]") {
  Fair fair = FixtureFair();
  fair.employers.clear();
  PdfFile pdf(Grid(fair, Schedule{}));
  CHECK(pdf.Pages() == 1);
  CHECK(Contains(pdf.Text(), "This fair has no employers."));
}

}  // namespace
}  // namespace fairmatch::sheets
