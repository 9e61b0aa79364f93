#include "engine/render/pdf_document.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/render/pdf_layout_draw.h"
#include "engine/render/pdf_text.h"
#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/text_search.h"

// The writer is checked through what readers get: qpdf for the structure,
// poppler for text, fonts, page sizes, word positions and bookmarks.

namespace fairmatch {
namespace {

using testing::Contains;
using testing::PdfFile;

// A pango layout in the sheets' print context, owning both.
class Text {
 public:
  Text(const std::string& text, double size, bool italic = false)
      : context_(CreatePrintContext()), layout_(pango_layout_new(context_)) {
    PangoFontDescription* desc = pango_font_description_from_string(
        "Noto Sans, DejaVu Sans, sans-serif");
    pango_font_description_set_absolute_size(desc, size * PANGO_SCALE);
    if (italic) pango_font_description_set_style(desc, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(layout_, desc);
    pango_font_description_free(desc);
    pango_layout_set_text(layout_, text.data(), static_cast<int>(text.size()));
  }
  ~Text() {
    g_object_unref(layout_);
    g_object_unref(context_);
  }
  PangoLayout* layout() { return layout_; }
  double width() const {
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
  }

 private:
  PangoContext* context_;
  PangoLayout* layout_;
};

// The first <word> box in pdftotext -bbox output whose text is `word`:
// {xMin, xMax}, or {-1, -1}.
std::pair<double, double> WordBox(const std::string& boxes,
                                  const std::string& word) {
  std::size_t at = boxes.find(">" + word + "</word>");
  if (at == std::string::npos) return {-1, -1};
  std::size_t start = boxes.rfind("<word ", at);
  auto attribute = [&](const char* name) {
    std::size_t p = boxes.find(name, start);
    return std::atof(boxes.c_str() + p + std::string(name).size());
  };
  return {attribute("xMin=\""), attribute("xMax=\"")};
}

TEST_CASE("names in many scripts read back as the same text", "[render]") {
  const std::vector<std::string> names = {
      "Zoë Lévesque-Núñez",   "Nguyễn Thị Minh Khai", "Şükrü Öztürk Iğdır",
      "Анна Иванова",         "Γιώργος Παπαδόπουλος", "王静 高橋健太 김민준",
      "Ångström final office"};
  PdfDocument doc;
  doc.SetInfo("Scripts", "fairmatch test", "2025-03-14T10:00:00");
  doc.BeginPage(595.276, 841.89);
  double y = 60;
  for (const std::string& name : names) {
    Text text(name, 14);
    DrawLayout(&doc, text.layout(), 50, y, 0.1, 0.1, 0.1);
    y += 30;
  }
  doc.EndPage();
  absl::StatusOr<std::string> bytes = doc.Finish();
  REQUIRE(bytes.ok());
  PdfFile pdf(*bytes);
  CHECK(Contains(pdf.Check(), "No syntax or stream encoding errors found"));
  CHECK(pdf.Pages() == 1);
  std::string text = pdf.Text();
  for (const std::string& name : names) {
    if (name == "Ångström final office") continue;  // ligatures: below
    CHECK(Contains(text, name));
  }
  CHECK(Contains(text, "Ångström"));
  CHECK(Contains(text, "final"));  // the ligature glyphs map to "fi", "ffi"
  CHECK(Contains(text, "office"));
  std::string fonts = pdf.Fonts();
  CHECK(Contains(fonts, "CID TrueType      Identity-H       yes yes yes"));
  CHECK(Contains(fonts, "CID Type 0C       Identity-H       yes yes yes"));
  CHECK_FALSE(Contains(fonts, " no "));
}

TEST_CASE("glyphs land where pango placed them", "[render]") {
  // Kerned pairs (AV, Ta, We) move glyphs off their nominal advances; the
  // text must still start and end where pango's layout does.
  PdfDocument doc;
  doc.BeginPage(600, 400);
  Text kerned("AVATAR Tower Wave", 20);
  DrawLayout(&doc, kerned.layout(), 100, 100, 0, 0, 0);
  Text plain("minimum", 11);
  DrawLayout(&doc, plain.layout(), 37.25, 200, 0, 0, 0);
  doc.EndPage();
  absl::StatusOr<std::string> bytes = doc.Finish();
  REQUIRE(bytes.ok());
  PdfFile pdf(*bytes);
  std::string boxes = pdf.Boxes();
  auto first = WordBox(boxes, "AVATAR");
  auto last = WordBox(boxes, "Wave");
  CHECK(first.first == Approx(100).margin(0.01));
  CHECK(last.second == Approx(100 + kerned.width()).margin(0.1));
  auto word = WordBox(boxes, "minimum");
  CHECK(word.first == Approx(37.25).margin(0.01));
  CHECK(word.second == Approx(37.25 + plain.width()).margin(0.1));
}

TEST_CASE("pages keep their own sizes and bookmarks nest", "[render]") {
  PdfDocument doc;
  doc.BeginPage(595.276, 841.89);
  const int employer = doc.AddOutline(0, "Acme «Énergie»");
  doc.AddOutline(employer, "Table 1");
  doc.SetFill(0.2, 0.3, 0.4);
  doc.FillRoundedRect(40, 40, 200, 30, 3);
  doc.EndPage();
  doc.BeginPage(595.276, 841.89);
  doc.AddOutline(employer, "Table 2");
  doc.StrokeLine(40, 100, 300, 100, 0.5, 0, 0, 0);
  doc.EndPage();
  doc.BeginPage(841.89, 595.276);
  doc.AddOutline(0, "Master grid");
  doc.FillRect(10, 10, 20, 20);
  doc.EndPage();
  CHECK(doc.pages() == 3);
  absl::StatusOr<std::string> bytes = doc.Finish();
  REQUIRE(bytes.ok());
  PdfFile pdf(*bytes);
  CHECK(Contains(pdf.Check(), "No syntax or stream encoding errors found"));
  CHECK(pdf.Pages() == 3);
  CHECK(pdf.PageSize() == "595.276 x 841.89 pts (A4)");
  std::string outlines = pdf.Outlines();
  INFO(outlines);
  // The employer's entry holds both tables, each pointing at its own page.
  std::size_t acme = outlines.find("\"title\": \"Acme «Énergie»\"");
  std::size_t t1 = outlines.find("\"title\": \"Table 1\"");
  std::size_t t2 = outlines.find("\"title\": \"Table 2\"");
  std::size_t grid = outlines.find("\"title\": \"Master grid\"");
  REQUIRE(acme != std::string::npos);
  REQUIRE(t1 != std::string::npos);
  REQUIRE(t2 != std::string::npos);
  REQUIRE(grid != std::string::npos);
  // qpdf writes an entry's kids before its title: tables, then Acme, then
  // the grid at the top level.
  CHECK(t1 < t2);
  CHECK(t2 < acme);
  CHECK(acme < grid);
  std::size_t page_of_t2 = outlines.rfind("\"destpageposfrom1\": ", t2);
  CHECK(outlines.substr(page_of_t2 + 20, 1) == "2");
  std::size_t page_of_grid = outlines.rfind("\"destpageposfrom1\": ", grid);
  CHECK(outlines.substr(page_of_grid + 20, 1) == "3");
}

TEST_CASE("the same calls give the same bytes", "[render]") {
  auto render = [] {
    PdfDocument doc;
    doc.SetInfo("Same", "fairmatch test", "2025-03-14T10:00:00");
    doc.BeginPage(300, 300);
    Text text("Déjà vu 王静", 12, /*italic=*/true);
    DrawLayout(&doc, text.layout(), 20, 20, 0, 0, 0);
    doc.AddOutline(0, "Only page");
    doc.EndPage();
    absl::StatusOr<std::string> bytes = doc.Finish();
    REQUIRE(bytes.ok());
    return *bytes;
  };
  std::string a = render();
  CHECK(a == render());
  CHECK(a.rfind("%PDF-1.7\n", 0) == 0);
  CHECK(Contains(a, "/CreationDate (D:20250314100000)"));
  PdfFile pdf(a);
  CHECK(Contains(pdf.Text(), "Déjà vu 王静"));
}

TEST_CASE("a document without pages gets one blank page", "[render]") {
  PdfDocument doc;
  absl::StatusOr<std::string> bytes = doc.Finish();
  REQUIRE(bytes.ok());
  PdfFile pdf(*bytes);
  CHECK(Contains(pdf.Check(), "No syntax or stream encoding errors found"));
  CHECK(pdf.Pages() == 1);  // poppler will not open a PDF with none
}

}  // namespace
}  // namespace fairmatch
