#include "engine/render/pdf_layout_draw.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace fairmatch {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

// Whether `text` holds U+2066 to U+2069 (a bidi isolate's control) at
// byte `at`.
bool IsolateControlAt(std::string_view text, std::size_t at) {
  return at + 3 <= text.size() && text[at] == '\xE2' &&
         text[at + 1] == '\x81' &&
         static_cast<unsigned char>(text[at + 2]) >= 0xA6 &&
         static_cast<unsigned char>(text[at + 2]) <= 0xA9;
}

// The colour a run's attributes give, if any.
bool RunColor(const PangoItem* item, double* r, double* g, double* b) {
  for (GSList* l = item->analysis.extra_attrs; l != nullptr; l = l->next) {
    const PangoAttribute* attr = static_cast<const PangoAttribute*>(l->data);
    if (attr->klass->type == PANGO_ATTR_FOREGROUND) {
      const PangoColor& c =
          reinterpret_cast<const PangoAttrColor*>(attr)->color;
      *r = c.red / 65535.0;
      *g = c.green / 65535.0;
      *b = c.blue / 65535.0;
      return true;
    }
  }
  return false;
}

// The text of each glyph of `run` (bytes [start, start + length) of the
// layout's text): the first glyph of each cluster carries the cluster's
// text, the others none; an ellipsis run's first glyph carries "…".
void GlyphTexts(PangoGlyphItem* run, const char* text, bool ellipsis,
                std::vector<std::uint32_t>* start,
                std::vector<std::uint32_t>* length) {
  const int num_glyphs = run->glyphs->num_glyphs;
  start->assign(num_glyphs, 0);
  length->assign(num_glyphs, 0);
  if (ellipsis) {
    if (num_glyphs > 0) (*length)[0] = kEllipsis.size();
    return;
  }
  PangoGlyphItemIter iter;
  for (gboolean more = pango_glyph_item_iter_init_start(&iter, run, text); more;
       more = pango_glyph_item_iter_next_cluster(&iter)) {
    const int first = iter.start_glyph;
    if (first < 0 || first >= num_glyphs) continue;
    if (iter.end_index > iter.start_index && (*length)[first] == 0) {
      (*start)[first] = static_cast<std::uint32_t>(iter.start_index);
      (*length)[first] =
          static_cast<std::uint32_t>(iter.end_index - iter.start_index);
    }
  }
}

// Glyphs of one font and colour waiting to be shown. Pango items text
// apart at a bidi isolate; runs of one font and colour split there only
// (their text ends or starts with an isolate's control, or a run of
// nothing but the controls' empty glyphs lies between) are shown in one
// go, so that isolating text leaves what is drawn, and how, as it was.
struct PendingGlyphs {
  std::vector<PdfGlyph> glyphs;
  PangoFont* font = nullptr;
  double color[3] = {0, 0, 0};
  bool ellipsis = false;
  bool ends_isolate = false;

  // Whether a run of `font` in (r, g, b) that starts at an isolate (or
  // follows one) may be shown with these glyphs.
  bool Joins(bool at_isolate, PangoFont* run_font, bool run_ellipsis, double r,
             double g, double b) const {
    return (at_isolate || ends_isolate) && !glyphs.empty() &&
           font == run_font && !ellipsis && !run_ellipsis && color[0] == r &&
           color[1] == g && color[2] == b;
  }

  void Flush(PdfDocument* doc, std::string_view layout_text) {
    if (glyphs.empty()) return;
    doc->SetFill(color[0], color[1], color[2]);
    doc->ShowGlyphs(font, glyphs, ellipsis ? kEllipsis : layout_text);
    glyphs.clear();
  }
};

}  // namespace

void DrawLayoutLine(PdfDocument* doc, PangoLayoutLine* line, double x,
                    double baseline, double r, double g, double b) {
  const char* text = pango_layout_get_text(line->layout);
  const std::string_view layout_text(text == nullptr ? "" : text);
  std::vector<PdfGlyph> glyphs;
  std::vector<std::uint32_t> text_start;
  std::vector<std::uint32_t> text_length;
  double pen = x;
  PendingGlyphs pending;
  bool after_empty = false;
  for (GSList* l = line->runs; l != nullptr; l = l->next) {
    PangoGlyphItem* run = static_cast<PangoGlyphItem*>(l->data);
    PangoGlyphString* string = run->glyphs;
    const bool ellipsis =
        (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) != 0;
    GlyphTexts(run, text, ellipsis, &text_start, &text_length);
    glyphs.clear();
    bool all_empty = string->num_glyphs > 0;
    for (int k = 0; k < string->num_glyphs; ++k) {
      const PangoGlyphInfo& info = string->glyphs[k];
      const double gx =
          pen + static_cast<double>(info.geometry.x_offset) / PANGO_SCALE;
      const double gy = baseline + static_cast<double>(info.geometry.y_offset +
                                                       run->y_offset) /
                                       PANGO_SCALE;
      pen += static_cast<double>(info.geometry.width) / PANGO_SCALE;
      if (info.glyph != PANGO_GLYPH_EMPTY) all_empty = false;
      if (info.glyph == PANGO_GLYPH_EMPTY ||
          (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0) {
        continue;
      }
      glyphs.push_back(
          PdfGlyph{info.glyph, gx, gy, text_start[k], text_length[k]});
    }
    if (glyphs.empty()) {
      after_empty = after_empty || all_empty;
      continue;
    }
    double cr = r, cg = g, cb = b;
    RunColor(run->item, &cr, &cg, &cb);
    const std::size_t start = static_cast<std::size_t>(run->item->offset);
    const std::size_t end = start + static_cast<std::size_t>(run->item->length);
    const bool at_isolate = after_empty || IsolateControlAt(layout_text, start);
    if (!pending.Joins(at_isolate, run->item->analysis.font, ellipsis, cr, cg,
                       cb)) {
      pending.Flush(doc, layout_text);
    }
    pending.font = run->item->analysis.font;
    pending.color[0] = cr;
    pending.color[1] = cg;
    pending.color[2] = cb;
    pending.ellipsis = ellipsis;
    pending.glyphs.insert(pending.glyphs.end(), glyphs.begin(), glyphs.end());
    pending.ends_isolate = end >= 3 && IsolateControlAt(layout_text, end - 3);
    after_empty = false;
  }
  pending.Flush(doc, layout_text);
}

PangoContext* CreatePrintContext() {
  PangoContext* context =
      pango_font_map_create_context(pango_cairo_font_map_get_default());
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context, FALSE);
  pango_context_set_language(context, pango_language_from_string("en"));
  return context;
}

void DrawLayout(PdfDocument* doc, PangoLayout* layout, double x, double y,
                double r, double g, double b) {
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    const int baseline = pango_layout_iter_get_baseline(iter);
    DrawLayoutLine(doc, pango_layout_iter_get_line_readonly(iter),
                   x + static_cast<double>(logical.x) / PANGO_SCALE,
                   y + static_cast<double>(baseline) / PANGO_SCALE, r, g, b);
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

}  // namespace fairmatch
