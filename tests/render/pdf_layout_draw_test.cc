#include "engine/render/pdf_layout_draw.h"

#include <catch2/catch.hpp>
#include <string>

#include "engine/render/pdf_text.h"
#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/text_search.h"

namespace fairmatch {
namespace {

using testing::Contains;
using testing::PdfFile;

// `text` laid out by pango in the print context, `width` points wide (0:
// unlimited), ellipsized when `one_line`, drawn on one A4 page.
std::string Drawn(const std::string& text, double width = 0,
                  bool one_line = false) {
  PangoContext* context = CreatePrintContext();
  PangoLayout* layout = pango_layout_new(context);
  PangoFontDescription* desc =
      pango_font_description_from_string("Noto Sans, DejaVu Sans, sans-serif");
  pango_font_description_set_absolute_size(desc, 10 * PANGO_SCALE);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  if (width > 0) pango_layout_set_width(layout, width * PANGO_SCALE);
  if (one_line) pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  PdfDocument doc;
  doc.BeginPage(595.276, 841.89);
  DrawLayout(&doc, layout, 42, 60, 0, 0, 0);
  doc.EndPage();
  g_object_unref(layout);
  g_object_unref(context);
  absl::StatusOr<std::string> bytes = doc.Finish();
  REQUIRE(bytes.ok());
  return *std::move(bytes);
}

TEST_CASE("the print context has no hinting and a fixed language", "[render]") {
  PangoContext* context = CreatePrintContext();
  CHECK(std::string(pango_language_to_string(
            pango_context_get_language(context))) == "en");
  CHECK_FALSE(pango_context_get_round_glyph_positions(context));
  const cairo_font_options_t* options =
      pango_cairo_context_get_font_options(context);
  REQUIRE(options != nullptr);
  CHECK(cairo_font_options_get_hint_style(options) == CAIRO_HINT_STYLE_NONE);
  CHECK(cairo_font_options_get_hint_metrics(options) == CAIRO_HINT_METRICS_OFF);
  g_object_unref(context);
}

TEST_CASE("a drawn layout reads back as its text, line by line", "[render]") {
  PdfFile pdf(Drawn("Ada Lovelace meets Acme Energy at ten", 80));
  CHECK(Contains(pdf.Check(), "No syntax or stream encoding errors found"));
  CHECK(pdf.Text() == "Ada Lovelace meets Acme Energy at ten ");
  // Wrapped at 80 points: more than one line.
  const std::string boxes = pdf.Boxes();
  const std::size_t ada = boxes.find(">Ada</word>");
  const std::size_t ten = boxes.find(">ten</word>");
  REQUIRE(ada != std::string::npos);
  REQUIRE(ten != std::string::npos);
  auto y_min = [&](std::size_t at) {
    const std::size_t p = boxes.rfind("yMin=\"", at);
    return std::stod(boxes.substr(p + 6));
  };
  CHECK(y_min(ten) > y_min(ada) + 10);
}

TEST_CASE("isolates change nothing a reader gets", "[render]") {
  PdfFile plain(Drawn("Booth A1"));
  PdfFile isolated(Drawn(IsolateBidi("Booth") + " " + IsolateBidi("A1")));
  CHECK(plain.Text() == "Booth A1 ");
  CHECK(isolated.Text() == plain.Text());
}

TEST_CASE("an ellipsized line copies as an ellipsis", "[render]") {
  PdfFile pdf(Drawn("Wolfeschlegelsteinhausenbergerdorff Employer", 60, true));
  const std::string text = pdf.Text();
  CHECK(Contains(text, "\xE2\x80\xA6"));
  CHECK_FALSE(Contains(text, "Employer"));
}

}  // namespace
}  // namespace fairmatch
