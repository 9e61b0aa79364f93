// Pango layouts drawn into a PdfDocument: the print context the sheets lay
// text out in, and what pango_cairo_show_layout_line would draw of a line,
// as glyphs with their text (so it stays selectable), for the paragraphs
// the WordSetter (pdf_text.h) hands to pango and for the labels the sheets
// lay out with pango directly.
//
//   PangoContext* context = CreatePrintContext();
//   PangoLayout* layout = pango_layout_new(context);
//   pango_layout_set_text(layout, "Ada Lovelace", -1);
//   DrawLayout(&doc, layout, 42, 80, 0, 0, 0);
#ifndef FAIRMATCH_RENDER_PDF_LAYOUT_DRAW_H_
#define FAIRMATCH_RENDER_PDF_LAYOUT_DRAW_H_

#include <pango/pangocairo.h>

#include "engine/render/pdf_document.h"

namespace fairmatch {

// A pango context set up for print, as the sheets use it: pango's cairo font
// map (so metrics match what cairo would draw), no hinting, unhinted
// metrics, unrounded glyph positions and the language "en" (it steers CJK
// fallback; the environment's must not). The caller unrefs it.
PangoContext* CreatePrintContext();

// Draws a line of a PangoLayout with its left end at x and its baseline at
// `baseline`, in (r, g, b) where no attribute gives a colour; what
// pango_cairo_show_layout_line draws, for the sheets' needs (no underlines,
// shapes or backgrounds).
void DrawLayoutLine(PdfDocument* doc, PangoLayoutLine* line, double x,
                    double baseline, double r, double g, double b);
// Draws a whole PangoLayout with its top left corner at (x, y).
void DrawLayout(PdfDocument* doc, PangoLayout* layout, double x, double y,
                double r, double g, double b);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_PDF_LAYOUT_DRAW_H_
