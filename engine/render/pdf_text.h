// Fast text setting for the PDF sheets: each distinct word is shaped once
// by pango and kept; paragraphs are then broken into lines from the kept
// words and drawn as glyphs into a PdfDocument, so the text stays text.
//
//   WordSetter setter(context, "Noto Sans, DejaVu Sans, sans-serif");
//   SetText set;
//   setter.Set(text, spans, size, weight, width, 0, TextAlign::kLeft,
//              /*one_line=*/false, &set);
//   setter.Draw(&doc, set, x, y, r, g, b);  // set.height: the text's height
//
// Why: shaping (pango itemisation, font fallback and harfbuzz) was more than
// half the time of a 30,000-page attendees.pdf, and the sheets repeat the
// same few thousand words (names, tags, labels) over and over.
//
// The result is the same as a PangoLayout with the same font, width,
// spacing, alignment, PANGO_WRAP_WORD_CHAR and no auto direction: the same
// line breaks, baselines, height, glyphs and glyph positions (the tests
// compare them at many widths). Words can only promise that for text whose
// breaks and shaping depend on nothing beyond a word, so a paragraph is set
// from words only when it holds Latin, Greek and Cyrillic letters, combining
// marks, digits and a short list of punctuation (so no right-to-left
// scripts, no dashes or slashes with break rules of their own), no double
// spaces, no word wider than the line (pango would break inside it) and no
// glyph missing from every font (bidi isolates U+2066, U+2068 and U+2069
// are dropped from such a paragraph first: around left-to-right text they
// change nothing pango would draw). With Chinese, Japanese or Korean letters
// (a line may break between any two) or with `one_line` (pango would
// ellipsize), the paragraph must also fit its line. Any other paragraph is
// laid out by pango alone and its lines taken over as they are.
// What it cannot see: kerning or ligatures across a space or across a change
// of style inside a word (none in the fonts used; pango would apply them).
//
// Not thread-safe; one per PangoContext.
#ifndef FAIRMATCH_RENDER_PDF_TEXT_H_
#define FAIRMATCH_RENDER_PDF_TEXT_H_

#include <pango/pangocairo.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/render/pdf_document.h"

namespace fairmatch {

// A stretch of text in another look than the base font. Spans are sorted by
// start and do not overlap.
struct TextSpan {
  unsigned start = 0;  // bytes
  unsigned end = 0;
  bool bold = false;
  bool italic = false;
  int size = 0;  // absolute, pango units; 0: the base font's
  bool has_color = false;
  double r = 0, g = 0, b = 0;
};

enum class TextAlign { kLeft, kCentre, kRight };

// `num_bytes` of UTF-8 drawn by `num_glyphs` glyphs, in order (like
// cairo_text_cluster_t).
struct TextCluster {
  int num_bytes;
  int num_glyphs;
};

// Glyphs of one font and colour, drawn in one go.
struct SetGlyph {
  unsigned long index;
  int x;  // pango units from the line's start
  int y;  // pango units from the baseline
};
struct SetRun {
  PangoFont* font = nullptr;  // referenced by the WordSetter
  bool has_color = false;
  double r = 0, g = 0, b = 0;
  std::string utf8;
  std::vector<SetGlyph> glyphs;
  std::vector<TextCluster> clusters;
};
struct SetLine {
  int x = 0;         // pango units: the alignment offset
  int baseline = 0;  // pango units from the top of the text
  int top = 0;       // pango units from the top of the text: the line's box
  int bottom = 0;
  std::vector<SetRun> runs;
  // Or a line of pango's own layout of the paragraph (owned by the SetText).
  PangoLayoutLine* pango = nullptr;
};
// Text set in lines; `height` is what pango_layout_get_size would give.
struct SetText {
  std::vector<SetLine> lines;
  int height = 0;                     // pango units
  std::vector<PangoLayout*> layouts;  // referenced: paragraphs pango laid out

  SetText() = default;
  SetText(const SetText&) = delete;
  SetText& operator=(const SetText&) = delete;
  ~SetText() { Clear(); }
  void Clear() {
    lines.clear();
    height = 0;
    for (PangoLayout* layout : layouts) g_object_unref(layout);
    layouts.clear();
  }
};

class WordSetter {
 public:
  // REQUIRES: `context` outlives the setter and is not reconfigured.
  WordSetter(PangoContext* context, std::string families);
  ~WordSetter();
  WordSetter(const WordSetter&) = delete;
  WordSetter& operator=(const WordSetter&) = delete;

  // Sets `text` (valid UTF-8; '\n' separates paragraphs) in the base font
  // `size` (absolute, pango units) and `weight`, overridden by `spans`, in
  // lines of `width` pango units with `spacing` between lines. A paragraph
  // that words cannot set the same (see the file comment) is laid out by
  // pango alone, into lines of the same result. Returns false (`out` then
  // unspecified) only when the spans are not sorted and disjoint.
  bool Set(std::string_view text, const std::vector<TextSpan>& spans, int size,
           PangoWeight weight, int width, int spacing, TextAlign align,
           bool one_line, SetText* out);

  // Draws `text` with its top left corner at (x, y), in (r, g, b) where no
  // span gives a colour.
  void Draw(PdfDocument* doc, const SetText& text, double x, double y, double r,
            double g, double b) {
    DrawLines(doc, text, 0, text.lines.size(), x, y, r, g, b);
  }
  // Draws lines [first, last) of `text` where Draw would put them for a
  // text whose top left corner is at (x, y).
  void DrawLines(PdfDocument* doc, const SetText& text, std::size_t first,
                 std::size_t last, double x, double y, double r, double g,
                 double b);

  // Forgets the shaped words (the fonts stay); keeps memory bounded.
  void ClearWords() { words_.clear(); }
  std::size_t words() const { return words_.size(); }

 private:
  struct Style {
    int size;
    PangoWeight weight;
    bool italic;
  };
  // A shaped piece of text in one style: pango's runs for it alone.
  struct Piece {
    PangoFont* font;
    std::string utf8;
    std::vector<SetGlyph> glyphs;  // x from the word's start
    std::vector<TextCluster> clusters;
  };
  struct Word {
    bool ok = false;  // false: pango would draw something we cannot
    int width = 0;
    int trailing = 0;  // width of the trailing spaces
    int ascent = 0;
    int descent = 0;
    std::vector<Piece> pieces;
  };
  struct Extents {
    int ascent;
    int descent;
  };

  class ParagraphSetter;  // one paragraph from shaped words (pdf_text.cc)

  int StyleId(const Style& style);
  const Word& Shape(int style, std::string_view text);
  Extents EmptyExtents(int style);
  // Pango's layout of the paragraph text[start, end), line by line.
  void LayParagraph(std::string_view text, std::size_t start, std::size_t end,
                    const std::vector<TextSpan>& spans, int base, int width,
                    int spacing, TextAlign align, bool one_line, SetText* out,
                    std::vector<Extents>* extents);
  // Places the lines one under the other, `spacing` apart, and sets the
  // text's height.
  static void StackLines(const std::vector<Extents>& extents, int spacing,
                         SetText* out);
  PangoFont* KeepFont(PangoFont* font);

  PangoContext* context_;
  std::string families_;
  PangoLayout* layout_;  // for shaping words
  std::vector<Style> styles_;
  std::vector<PangoFontDescription*> descs_;
  std::vector<Extents> empty_;  // per style; ascent < 0: not known yet
  std::unordered_map<std::string, Word> words_;
  std::vector<PangoFont*> fonts_;  // referenced
  std::string key_;
  std::vector<PdfGlyph> glyphs_;
};

// `text` as one bidi isolate per line: each line between
// U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, so that
// user text (a name, a programme, a booth) is set in its own direction and
// never reorders the text around it. Embeddings and overrides left open
// inside (U+202A to U+202E) end at the closing U+2069; a U+2069 that closes
// nothing inside is dropped and isolates left open are closed, so that the
// text can never end the isolate early or keep it open. Empty lines stay
// empty; invalid UTF-8 is kept as it is. Every piece of user text the
// sheets give pango goes through this; nothing else (csv, json, ics)
// carries it.
//
//   IsolateBidi("CS \u202Eevil")  // "\u2068CS \u202Eevil\u2069"
std::string IsolateBidi(std::string_view text);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_PDF_TEXT_H_
