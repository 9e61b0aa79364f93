#include "engine/render/pdf_fonts.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "engine/render/pdf_layout_draw.h"
#include "engine/render/pdf_text.h"

namespace fairmatch {
namespace {

// The sheets' body font at `size` points, loaded in their print context.
class BodyFont {
 public:
  explicit BodyFont(double size) : context_(CreatePrintContext()) {
    PangoFontDescription* desc = pango_font_description_from_string(
        "Noto Sans, DejaVu Sans, sans-serif");
    pango_font_description_set_absolute_size(desc, size * PANGO_SCALE);
    font_ = pango_context_load_font(context_, desc);
    pango_font_description_free(desc);
  }
  ~BodyFont() {
    if (font_ != nullptr) g_object_unref(font_);
    g_object_unref(context_);
  }
  PangoFont* font() const { return font_; }
  hb_face_t* face() const {
    return hb_font_get_face(pango_font_get_hb_font(font_));
  }
  // The glyph id of code point `c`.
  std::uint32_t Glyph(char32_t c) const {
    hb_codepoint_t gid = 0;
    hb_font_get_nominal_glyph(pango_font_get_hb_font(font_), c, &gid);
    return gid;
  }

 private:
  PangoContext* context_;
  PangoFont* font_ = nullptr;
};

TEST_CASE("a face starts with nothing used and measures its glyphs",
          "[render]") {
  BodyFont body(10);
  REQUIRE(body.font() != nullptr);
  bool readable = false;
  std::unique_ptr<PdfFace> face = OpenFace(body.face(), 3, 17, &readable);
  CHECK(readable);
  CHECK(face->index == 3);
  CHECK(face->object == 17);
  CHECK(face->upem >= 1);
  REQUIRE(face->used.size() > 100);
  CHECK(face->used.size() == face->width.size());
  for (std::uint8_t used : face->used) CHECK(used == 0);
  const std::uint32_t m = body.Glyph('m');
  const std::uint32_t i = body.Glyph('i');
  REQUIRE(m != 0);
  REQUIRE(i != 0);
  // In thousandths of an em: an 'm' is wider than an 'i'.
  CHECK(face->Width(m) > face->Width(i));
  CHECK(face->Width(m) == static_cast<float>(static_cast<int>(face->Width(m))));
  CHECK(face->Width(face->used.size() + 5) == 0);
  if (!face->cff) CHECK(face->Code(m) == m);
}

TEST_CASE("a use knows the font's size", "[render]") {
  BodyFont body(8.8);
  bool readable = false;
  std::unique_ptr<PdfFace> face = OpenFace(body.face(), 0, 1, &readable);
  const PdfFontUse use = DescribeUse(body.font(), face.get());
  CHECK(use.face == face.get());
  CHECK(use.size == Approx(8.8).margin(0.01));
  CHECK(use.slant == 0);
  CHECK_FALSE(use.embolden);
}

TEST_CASE("widths, text map and name cover the glyphs used", "[render]") {
  BodyFont body(10);
  bool readable = false;
  std::unique_ptr<PdfFace> face = OpenFace(body.face(), 0, 1, &readable);
  const std::uint32_t a = body.Glyph('A');
  const std::uint32_t b = body.Glyph('B');
  const std::uint32_t z = body.Glyph('z');
  for (std::uint32_t g : {a, b, z}) face->used[g] = 1;
  face->mapped[a] = 1;
  face->text[a] = "A";
  face->mapped[z] = 1;
  face->text[z] = "z";

  const std::string w = WidthsArray(*face);
  CHECK(w.front() == '[');
  CHECK(w.back() == ']');
  // 'A' and 'B' have consecutive glyph ids in these fonts: one run.
  if (b == a + 1) {
    CHECK(w.find(std::to_string(a) + " [") != std::string::npos);
    CHECK(w.find(std::to_string(b) + " [") == std::string::npos);
  }
  CHECK(w.find(std::to_string(z) + " [") != std::string::npos);

  const std::string cmap = ToUnicodeCMap(*face);
  CHECK(cmap.find("2 beginbfchar") != std::string::npos);
  CHECK(cmap.find("> <0041>") != std::string::npos);
  CHECK(cmap.find("> <007A>") != std::string::npos);
  CHECK(cmap.find("endcmap") != std::string::npos);

  const std::string name = SubsetFontName(*face);
  REQUIRE(name.size() > 7);
  CHECK(name[6] == '+');
  for (int k = 0; k < 6; ++k) CHECK((name[k] >= 'A' && name[k] <= 'Z'));
  // Another glyph set, another tag; the same set, the same name.
  CHECK(SubsetFontName(*face) == name);
  face->used[body.Glyph('q')] = 1;
  CHECK(SubsetFontName(*face).substr(0, 6) != name.substr(0, 6));
}

TEST_CASE("the subset program holds the glyphs used", "[render]") {
  BodyFont body(10);
  bool readable = false;
  std::unique_ptr<PdfFace> face = OpenFace(body.face(), 0, 1, &readable);
  face->used[body.Glyph('x')] = 1;
  absl::StatusOr<SubsetProgram> program = MakeSubsetProgram(*face);
  REQUIRE(program.ok());
  CHECK(program->bytes.size() > 100);
  CHECK_FALSE((program->open_type && !face->cff));
  const PdfFontMetrics metrics = FontMetrics(*face);
  CHECK(metrics.ascent > 0);
  CHECK(metrics.descent < 0);
  CHECK(metrics.cap_height > 0);
  CHECK(metrics.cap_height <= metrics.ascent);
  CHECK(metrics.bbox[2] > metrics.bbox[0]);
  CHECK(metrics.bbox[3] > metrics.bbox[1]);
}

}  // namespace
}  // namespace fairmatch
