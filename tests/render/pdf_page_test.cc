#include "engine/render/pdf_page.h"

#include <catch2/catch.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"
#include "tests/render/pdf_sheets_fixture.h"

namespace fairmatch::sheets {
namespace {

using testing::Contains;
using testing::FixtureFair;
using testing::PdfFile;
using testing::Word;
using testing::Words;

std::string Closed(PdfWriter& pdf) {
  absl::StatusOr<std::string> bytes = pdf.Close();
  REQUIRE(bytes.ok());
  return *std::move(bytes);
}

TEST_CASE("paper sizes in points, turned for landscape", "[render]") {
  CHECK(SizeOf(Paper::kA4, false).width == Approx(595.276));
  CHECK(SizeOf(Paper::kA4, false).height == Approx(841.890));
  CHECK(SizeOf(Paper::kLetter, false).width == 612);
  CHECK(SizeOf(Paper::kLetter, true).width == 792);
  CHECK(SizeOf(Paper::kLetter, true).height == 612);
}

TEST_CASE("every page has the event's band and a numbered footer", "[render]") {
  const Fair fair = FixtureFair();
  PdfWriter pdf(fair, Paper::kA4, "Spring Fair 2025 - test");
  REQUIRE(pdf.ok());
  for (const char* owner : {"First owner", "Second owner"}) {
    pdf.BeginPage(false, owner);
    CHECK(pdf.page() >= 1);
    pdf.Paragraph("Body text", kBody, kInk);
    pdf.EndPage();
  }
  PdfFile file(Closed(pdf));
  REQUIRE(file.Pages() == 2);
  for (int page : {1, 2}) {
    const std::string text = file.Text(page, page);
    CHECK(Contains(text, "Spring Fair 2025"));
    CHECK(Contains(text, "2025-03-14 · 10:00–11:00 · Hall B"));
    CHECK(Contains(text, "Body text"));
    CHECK(Contains(text, "Page " + std::to_string(page)));
  }
  CHECK(Contains(file.Text(1, 1), "First owner"));
  CHECK(Contains(file.Text(2, 2), "Second owner"));
  CHECK(Contains(file.Check(), "No syntax or stream encoding errors found"));
}

TEST_CASE("the cursor moves down the body and knows what fits", "[render]") {
  const Fair fair = FixtureFair();
  PdfWriter pdf(fair, Paper::kLetter, "cursor");
  pdf.BeginPage(false, "owner");
  CHECK(pdf.left() == 42);
  CHECK(pdf.right() == 612 - 42);
  CHECK(pdf.width() == 612 - 84);
  CHECK(pdf.bottom() == 792 - 46);
  const double top = pdf.y();
  CHECK(top > 34 + 24);  // below the band
  const double height = pdf.Paragraph("One line", kBody, kInk);
  CHECK(height > 10);
  CHECK(pdf.y() == Approx(top + height));
  pdf.Advance(5);
  CHECK(pdf.y() == Approx(top + height + 5));
  CHECK(pdf.Fits(pdf.bottom() - pdf.y()));
  CHECK_FALSE(pdf.Fits(pdf.bottom() - pdf.y() + 1));
  pdf.EndPage();
  PdfFile file(Closed(pdf));
  CHECK(file.PageSize() == "612 x 792 pts (letter)");
}

TEST_CASE("a paragraph longer than a page flows onto the next pages",
          "[render]") {
  const Fair fair = FixtureFair();
  PdfWriter pdf(fair, Paper::kA4, "flow");
  pdf.BeginPage(false, "owner");
  std::string text;
  for (int i = 0; i < 1500; ++i) text += "word" + std::to_string(i) + " ";
  int new_pages = 0;
  pdf.FlowParagraph(text, kBody, kInk, [&] {
    ++new_pages;
    pdf.EndPage();
    pdf.BeginPage(false, "owner");
  });
  pdf.EndPage();
  CHECK(new_pages >= 2);
  PdfFile file(Closed(pdf));
  CHECK(file.Pages() == new_pages + 1);
  const std::string all = file.Text();
  CHECK(Contains(all, "word0 "));
  CHECK(Contains(all, "word1499"));
  for (const Word& w : Words(file)) {
    INFO("page " << w.page << ": " << w.text);
    const bool footer = w.y_min > w.page_height - 40;
    if (!footer) CHECK(w.y_max <= w.page_height - 45);
  }
}

TEST_CASE("a row that does not fit moves whole to the next page", "[render]") {
  const Fair fair = FixtureFair();
  PdfWriter pdf(fair, Paper::kA4, "rows");
  pdf.BeginPage(false, "owner");
  pdf.Advance(pdf.bottom() - pdf.y() - 10);  // 10 points left
  Block left = pdf.Lay("left cell", kBody, 100, kInk);
  Block right = pdf.Lay("right cell", kBody, 100, kInk);
  int new_pages = 0;
  pdf.DrawRow({{left, pdf.left()}, {right, pdf.left() + 200}}, 30, 25, [&] {
    ++new_pages;
    pdf.EndPage();
    pdf.BeginPage(false, "owner");
  });
  CHECK(new_pages == 1);
  pdf.EndPage();
  PdfFile file(Closed(pdf));
  REQUIRE(file.Pages() == 2);
  CHECK_FALSE(Contains(file.Text(1, 1), "cell"));
  CHECK(Contains(file.Text(2, 2), "left cell"));
  CHECK(Contains(file.Text(2, 2), "right cell"));
}

TEST_CASE("bookmarks nest under their parent", "[render]") {
  const Fair fair = FixtureFair();
  PdfWriter pdf(fair, Paper::kA4, "bookmarks");
  pdf.BeginPage(false, "owner");
  const int parent = pdf.Bookmark("Acme Energy");
  pdf.Bookmark("Table 1", parent);
  pdf.EndPage();
  PdfFile file(Closed(pdf));
  const std::string outlines = file.Outlines();
  INFO(outlines);
  const std::size_t acme = outlines.find("\"title\": \"Acme Energy\"");
  const std::size_t table = outlines.find("\"title\": \"Table 1\"");
  REQUIRE(acme != std::string::npos);
  REQUIRE(table != std::string::npos);
  // qpdf writes an entry's kids before its title.
  CHECK(table < acme);
}

}  // namespace
}  // namespace fairmatch::sheets
