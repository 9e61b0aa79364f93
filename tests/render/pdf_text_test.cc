#include "engine/render/pdf_text.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/render/pdf_layout_draw.h"

// WordSetter must set text exactly as a PangoLayout would: the same line
// breaks, baselines, heights, glyphs and glyph positions. Each case is laid
// out both ways, at many widths, in the sheets' own print context
// (CreatePrintContext).

namespace fairmatch {
namespace {

constexpr char kFamilies[] = "Noto Sans, DejaVu Sans, sans-serif";

class Pango {
 public:
  Pango() : context_(CreatePrintContext()) {}
  ~Pango() { g_object_unref(context_); }
  PangoContext* context() { return context_; }

 private:
  PangoContext* context_;
};

struct Case {
  std::string text;
  std::vector<TextSpan> spans;
  double size = 8.8;
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  double spacing = 0;
  TextAlign align = TextAlign::kLeft;
};

TextSpan Span(unsigned start, unsigned end, bool bold, double size = 0,
              bool italic = false, bool color = false) {
  TextSpan s;
  s.start = start;
  s.end = end;
  s.bold = bold;
  s.italic = italic;
  s.size = static_cast<int>(size * PANGO_SCALE);
  s.has_color = color;
  s.r = color ? 0.5 : 0;
  return s;
}

// One glyph as pango places it on a line.
struct Placed {
  unsigned long glyph;
  int x;
  int y;
  bool operator==(const Placed&) const = default;
};

// The glyphs pango's renderer draws for a line, and the line's text.
std::vector<Placed> GlyphsOf(PangoLayoutLine* line, std::string* text) {
  std::vector<Placed> glyphs;
  const char* layout_text = pango_layout_get_text(line->layout);
  int run_x = 0;
  for (GSList* l = line->runs; l != nullptr; l = l->next) {
    PangoGlyphItem* run = static_cast<PangoGlyphItem*>(l->data);
    text->append(layout_text + run->item->offset, run->item->length);
    int x = run_x;
    for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
      const PangoGlyphInfo& info = run->glyphs->glyphs[g];
      // Pango's renderer skips empty glyphs (a wrapped line's final space).
      if (info.glyph != PANGO_GLYPH_EMPTY) {
        glyphs.push_back({info.glyph, x + info.geometry.x_offset,
                          info.geometry.y_offset - run->y_offset});
      }
      x += info.geometry.width;
    }
    run_x = x;
  }
  return glyphs;
}

PangoLayout* PangoLayoutOf(PangoContext* context, const Case& c, int width) {
  PangoLayout* layout = pango_layout_new(context);
  PangoFontDescription* desc = pango_font_description_from_string(kFamilies);
  pango_font_description_set_absolute_size(desc, c.size * PANGO_SCALE);
  pango_font_description_set_weight(desc, c.weight);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  pango_layout_set_width(layout, width);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir(layout, FALSE);
  pango_layout_set_spacing(layout, static_cast<int>(c.spacing * PANGO_SCALE));
  pango_layout_set_alignment(
      layout, c.align == TextAlign::kRight    ? PANGO_ALIGN_RIGHT
              : c.align == TextAlign::kCentre ? PANGO_ALIGN_CENTER
                                              : PANGO_ALIGN_LEFT);
  pango_layout_set_text(layout, c.text.data(), static_cast<int>(c.text.size()));
  PangoAttrList* attrs = pango_attr_list_new();
  for (const TextSpan& s : c.spans) {
    auto insert = [&](PangoAttribute* a) {
      a->start_index = s.start;
      a->end_index = s.end;
      pango_attr_list_insert(attrs, a);
    };
    if (s.bold) insert(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
    if (s.size > 0) insert(pango_attr_size_new_absolute(s.size));
    if (s.italic) insert(pango_attr_style_new(PANGO_STYLE_ITALIC));
    if (s.has_color) insert(pango_attr_foreground_new(32767, 0, 0));
  }
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  return layout;
}

// Sets `c` both ways at `width` points; counts the lines that pango laid out
// for the setter in `pango_lines`.
void SameAsPango(Pango& pango, WordSetter& setter, const Case& c,
                 double width_points, int* pango_lines, bool one_line = false) {
  const int width = static_cast<int>(width_points * PANGO_SCALE);
  SetText set;
  bool took = setter.Set(
      c.text, c.spans, static_cast<int>(c.size * PANGO_SCALE), c.weight, width,
      static_cast<int>(c.spacing * PANGO_SCALE), c.align, one_line, &set);
  REQUIRE(took);
  PangoLayout* layout = PangoLayoutOf(pango.context(), c, width);
  if (one_line) pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  INFO("text: " << c.text << "; width " << width_points);
  int w = 0;
  int h = 0;
  pango_layout_get_size(layout, &w, &h);
  CHECK(set.height == h);
  REQUIRE(static_cast<int>(set.lines.size()) ==
          pango_layout_get_line_count(layout));
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  std::size_t i = 0;
  do {
    INFO("line " << i);
    const SetLine& line = set.lines[i++];
    CHECK(line.baseline == pango_layout_iter_get_baseline(iter));
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    if (c.align != TextAlign::kLeft) CHECK(line.x == logical.x);
    std::string want_text;
    std::vector<Placed> want =
        GlyphsOf(pango_layout_iter_get_line_readonly(iter), &want_text);
    std::string got_text;
    std::vector<Placed> got;
    if (line.pango != nullptr) {
      ++*pango_lines;
      got = GlyphsOf(line.pango, &got_text);
    }
    for (const SetRun& run : line.runs) {
      got_text += run.utf8;
      int glyphs = 0;
      int bytes = 0;
      for (const TextCluster& cl : run.clusters) {
        glyphs += cl.num_glyphs;
        bytes += cl.num_bytes;
      }
      CHECK(glyphs == static_cast<int>(run.glyphs.size()));
      CHECK(bytes == static_cast<int>(run.utf8.size()));
      for (const SetGlyph& g : run.glyphs) got.push_back({g.index, g.x, g.y});
    }
    CHECK(got_text == want_text);
    std::string diff;
    for (std::size_t k = 0; k < std::max(got.size(), want.size()); ++k) {
      if (k < got.size() && k < want.size() && got[k] == want[k]) continue;
      diff = "glyph " + std::to_string(k) + ": got " +
             (k < got.size() ? std::to_string(got[k].glyph) + " at " +
                                   std::to_string(got[k].x) + "," +
                                   std::to_string(got[k].y)
                             : "none") +
             ", pango " +
             (k < want.size() ? std::to_string(want[k].glyph) + " at " +
                                    std::to_string(want[k].x) + "," +
                                    std::to_string(want[k].y)
                              : "none");
      break;
    }
    CHECK(diff == "");
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  g_object_unref(layout);
}

// A conversation row of attendees.pdf, as pdf_sheets.cc builds it.
Case ConversationRow() {
  Case c;
  c.text =
      "Acme Energy\n\nBooth A1 · Table 2 · with Nguyễn Thị Hương, Анна "
      "Иванова, Γιώργος Παπαδόπουλος\n\nShared values: Being part of a "
      "community, Diversity and inclusion, Independence\nYou offer: python, "
      "machine-learning, c++, data-analysis\nThey offer: mentoring, co-op";
  auto at = [&](const std::string& s) {
    return static_cast<unsigned>(c.text.find(s));
  };
  c.spans = {Span(0, 11, true, 12),
             Span(12, 13, false, 2),
             Span(at("Booth"), at(" A1"), false, 0, false, true),
             Span(at("A1"), at("A1") + 2, true),
             Span(at("\n\nShared") + 1, at("\n\nShared") + 2, false, 4),
             Span(at("Shared"), at("Shared") + 14, true),
             Span(at("You offer:"), at("You offer:") + 10, true),
             Span(at("They offer:"), at("They offer:") + 11, true)};
  return c;
}

TEST_CASE("words set like pango's own layout, at every width", "[render]") {
  Pango pango;
  WordSetter setter(pango.context(), kFamilies);
  Case title;
  title.text = "Nguyễn Thị Hương-Gauthier Østergaard Şükrü Öztürk";
  title.size = 20;
  title.weight = PANGO_WEIGHT_BOLD;
  Case alternates;
  alternates.text = "Olivia Anderson\nComputer Science\nАнна Иванова\nNursing";
  alternates.size = 7.2;
  alternates.spacing = 0.5;
  alternates.spans = {Span(0, 15, true)};
  Case notice;
  notice.text =
      "We could not fit a scheduled conversation for you this time, and we "
      "are sorry.\nYou are warmly welcome all day: every booth is open to "
      "visitors, and the reps are glad to talk. (See e-mail.)";
  notice.size = 10;
  notice.spacing = 4;
  notice.spans = {Span(0, 78, true)};
  Case ends_empty;
  ends_empty.text = "Trailing newline\n";
  Case punctuation;
  punctuation.text =
      "c++, data-analysis; C# .NET (see) foo ( bar ) a ! b Yes!No a?5 "
      "e-mail co-op x-5 -a --a a-(b) a.(b) 50% +% O'Brien \"q\" (\"r\") "
      "A&B a@b.c x_y thu-trang.hoang.a0002@example.edu Анна-Мария é-è";
  Case mixed;  // an Arabic name pango sets, among paragraphs words set
  mixed.text =
      "Olivia Anderson\nمحمد الحسن\nComputer Science\nwith 渡辺美咲, Jack "
      "Walsh, 박민준, 陈伟\n渡辺美咲, Jack\n佐藤健太\nEconomics\n박민준\n陈伟 "
      "\n\nShared values: Growing and learning, Work-life balance";
  mixed.spans = {Span(0, 15, true), Span(16, 35, true, 10, false, true)};
  for (const Case& c : {ConversationRow(), title, alternates, notice,
                        ends_empty, punctuation, mixed}) {
    int pango_lines = 0;
    for (double width = 30; width <= 520; width += 3.7) {
      SameAsPango(pango, setter, c, width, &pango_lines);
    }
    // Pango's own lines only where a narrow width breaks inside a word, or
    // for the CJK and Arabic paragraphs.
    pango_lines = 0;
    SameAsPango(pango, setter, c, 600, &pango_lines);
    CHECK(pango_lines == (c.text == mixed.text ? 3 : 0));
  }
  for (double width : {40.0, 90.0, 300.0}) {
    int pango_lines = 0;
    SameAsPango(pango, setter, mixed, width, &pango_lines, true);
    CHECK(pango_lines >= 2);
  }
  Case page;
  page.text = "Page 12";
  page.size = 7.2;
  page.align = TextAlign::kRight;
  int pango_lines = 0;
  SameAsPango(pango, setter, page, 100.5, &pango_lines);
  page.align = TextAlign::kCentre;
  SameAsPango(pango, setter, page, 100.5, &pango_lines);
  CHECK(pango_lines == 0);
}

TEST_CASE("words leave to pango what they cannot set the same", "[render]") {
  Pango pango;
  WordSetter setter(pango.context(), kFamilies);
  SetText set;
  // Whether words set every line of `text`.
  auto takes = [&](const std::string& text, double width,
                   bool one_line = false) {
    REQUIRE(setter.Set(text, {}, 10 * PANGO_SCALE, PANGO_WEIGHT_NORMAL,
                       static_cast<int>(width * PANGO_SCALE), 0,
                       TextAlign::kLeft, one_line, &set));
    for (const SetLine& line : set.lines) {
      if (line.pango != nullptr) return false;
    }
    return true;
  };
  CHECK(takes("Ada Lovelace", 200));
  CHECK_FALSE(takes("محمد عبد الله", 200));  // right to left
  CHECK(takes("with 王小明", 200));
  CHECK(takes("王小明", 200));
  CHECK_FALSE(takes("王小明 Wang", 200));  // pango moves the baseline after CJK
  CHECK_FALSE(takes("with 王小明 王小明", 40));  // breaks between ideographs
  CHECK_FALSE(takes("10:00–10:15", 200));        // an en dash breaks
  CHECK_FALSE(takes("and/or", 200));
  CHECK_FALSE(takes("Wolfeschlegelsteinhausen", 40));  // breaks inside
  CHECK(takes("Ada Lovelace Byron", 200, true));
  CHECK_FALSE(takes("Ada Lovelace Byron", 60, true));  // pango ellipsizes
}

TEST_CASE("IsolateBidi makes each line of user text one closed isolate",
          "[render][hostile]") {
  const std::string fsi = "\u2068";
  const std::string pdi = "\u2069";
  struct Example {
    std::string text;
    std::string isolated;
  };
  const std::vector<Example> examples = {
      {"", ""},
      {"Ada", fsi + "Ada" + pdi},
      // Embeddings and overrides end with the isolate; they stay.
      {"CS \u202Eevil", fsi + "CS \u202Eevil" + pdi},
      {"\u202B\u202Ax", fsi + "\u202B\u202Ax" + pdi},
      // A stray pop would close ours: dropped.
      {"a\u2069\u202Eb", fsi + "a\u202Eb" + pdi},
      // Isolates left open are closed before ours.
      {"\u2067x", fsi + "\u2067x" + pdi + pdi},
      {"\u2066x\u2069y", fsi + "\u2066x\u2069y" + pdi},
      {"\u2069\u2068", fsi + "\u2068" + pdi + pdi},
      // One isolate per line; empty lines stay empty.
      {"one\n\ntwo", fsi + "one" + pdi + "\n\n" + fsi + "two" + pdi},
      {"\xFF", fsi + "\xFF" + pdi},  // invalid bytes kept
  };
  for (const Example& e : examples) {
    INFO(e.text);
    CHECK(IsolateBidi(e.text) == e.isolated);
  }
}

TEST_CASE("words set isolated left-to-right text as without the isolates",
          "[render][hostile]") {
  Pango pango;
  WordSetter setter(pango.context(), kFamilies);
  const std::string plain = "with Ada Lovelace, Nguyễn Thị Hương · a001";
  const std::string isolated = "with " + IsolateBidi("Ada Lovelace") + ", " +
                               IsolateBidi("Nguyễn Thị Hương") + " · " +
                               IsolateBidi("a001");
  // The spans cover "with " and the id, as bytes of each text.
  const unsigned tail = static_cast<unsigned>(plain.size() - 4);
  const unsigned tail_isolated = static_cast<unsigned>(isolated.size() - 7);
  for (double width : {60.0, 110.0, 400.0}) {
    SetText a;
    SetText b;
    REQUIRE(setter.Set(
        plain, {Span(0, 5, true), Span(tail, tail + 4, false, 7)},
        10 * PANGO_SCALE, PANGO_WEIGHT_NORMAL,
        static_cast<int>(width * PANGO_SCALE), 0, TextAlign::kLeft, false, &a));
    REQUIRE(setter.Set(
        isolated,
        {Span(0, 5, true), Span(tail_isolated, tail_isolated + 7, false, 7)},
        10 * PANGO_SCALE, PANGO_WEIGHT_NORMAL,
        static_cast<int>(width * PANGO_SCALE), 0, TextAlign::kLeft, false, &b));
    REQUIRE(a.lines.size() == b.lines.size());
    CHECK(a.height == b.height);
    for (std::size_t i = 0; i < a.lines.size(); ++i) {
      REQUIRE(a.lines[i].pango == nullptr);
      REQUIRE(b.lines[i].pango == nullptr);
      REQUIRE(a.lines[i].runs.size() == b.lines[i].runs.size());
      CHECK(a.lines[i].top == b.lines[i].top);
      CHECK(a.lines[i].bottom == b.lines[i].bottom);
      for (std::size_t r = 0; r < a.lines[i].runs.size(); ++r) {
        const SetRun& x = a.lines[i].runs[r];
        const SetRun& y = b.lines[i].runs[r];
        CHECK(x.utf8 == y.utf8);
        REQUIRE(x.glyphs.size() == y.glyphs.size());
        for (std::size_t g = 0; g < x.glyphs.size(); ++g) {
          CHECK(x.glyphs[g].index == y.glyphs[g].index);
          CHECK(x.glyphs[g].x == y.glyphs[g].x);
        }
      }
    }
  }
  // Right-to-left text, or an isolate that sets a direction, goes to pango
  // with its isolates.
  for (const std::string& text :
       {"with " + IsolateBidi("CS \u202Eevil") + " · a001",
        "with " + IsolateBidi("\u2067Ada") + " · a001",
        "with " + IsolateBidi("שרה") + " · a001"}) {
    SetText set;
    REQUIRE(setter.Set(text, {}, 10 * PANGO_SCALE, PANGO_WEIGHT_NORMAL,
                       400 * PANGO_SCALE, 0, TextAlign::kLeft, false, &set));
    REQUIRE(set.lines.size() == 1);
    REQUIRE(set.lines[0].pango != nullptr);
    const std::string laid = pango_layout_get_text(set.lines[0].pango->layout);
    CHECK(laid == text);
  }
}

}  // namespace
}  // namespace fairmatch
