// PdfDocument: a small PDF 1.7 writer for the printed sheets. It takes
// shaped glyphs (from pango and harfbuzz), filled rectangles and lines, and
// writes pages with their text as real text: fonts embedded as subsets
// (harfbuzz's hb-subset), one ToUnicode map per font so text can be
// selected, searched and extracted, and bookmarks.
//
//   PdfDocument doc;
//   doc.SetInfo("Attendee schedules", "fairmatch 1.0", "2025-03-14T10:00:00");
//   doc.BeginPage(595.276, 841.89);
//   doc.SetFill(0, 0, 0);
//   doc.FillRect(10, 10, 100, 20);
//   doc.ShowGlyphs(font, glyphs, utf8);  // font: a PangoFont*
//   doc.EndPage();
//   absl::StatusOr<std::string> bytes = doc.Finish();
//
// Why not cairo: cairo's PDF surface records every page, replays it to
// analyse it and again to write it, and formats every number with printf;
// for a 30,000-page attendees.pdf that was three quarters of the time. The
// sheets only need glyphs, rectangles and lines in solid colours.
//
// Coordinates are in points from the page's top left corner, y down (as in
// cairo). Output is a deterministic function of the calls: no dates or ids
// beyond those given.
//
// Fonts: glyph ids are those of the font's harfbuzz face (pango's). A
// TrueType font is embedded as a CIDFontType2 with its glyph ids kept
// (hb-subset's RETAIN_GIDS; CIDToGIDMap /Identity); a CFF-based OpenType font
// (Noto CJK) as its bare CFF table in a CIDFontType0, with each glyph written
// as its CID read from the font's CFF charset (checked against the subset's;
// a name-keyed CFF font goes in as OpenType, its glyph ids as CIDs). Synthetic
// oblique (fontconfig's matrix) becomes a shear in the text matrix, synthetic
// bold a stroked outline. What it cannot do: a glyph that maps to different
// text in two places keeps the first mapping for copy and paste; glyphs pango
// marks unknown (no font has the character) are left out, where cairo drew a
// box with the code point; bitmap-only (colour emoji) fonts have no outlines to
// embed, so their glyphs do not show.
//
// Not thread-safe; one document per thread.
#ifndef FAIRMATCH_RENDER_PDF_DOCUMENT_H_
#define FAIRMATCH_RENDER_PDF_DOCUMENT_H_

#include <pango/pango.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/render/pdf_syntax.h"

namespace fairmatch {

struct PdfFace;         // one embedded font program (pdf_fonts.h)
struct PdfFontUse;      // a PangoFont: its face, size and synthetic style
struct PdfFontMetrics;  // a font descriptor's numbers

// A glyph at an absolute position on the page (its origin on the
// baseline), and the text it shows for copy and paste: bytes
// [text, text + text_length) of the UTF-8 given with it (length 0: none,
// e.g. the second glyph of a character drawn with two).
struct PdfGlyph {
  std::uint32_t id;
  double x;
  double y;
  std::uint32_t text = 0;
  std::uint32_t text_length = 0;
};

class PdfDocument {
 public:
  PdfDocument();
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // The info dictionary. `date` is "YYYY-MM-DDTHH:MM:SS" (local time).
  void SetInfo(std::string_view title, std::string_view creator,
               std::string_view date);

  // REQUIRES: no page is open. Starts a page of `width` x `height` points.
  void BeginPage(double width, double height);
  // REQUIRES: a page is open.
  void EndPage();
  int pages() const { return static_cast<int>(pages_.size()); }
  // False once something cannot be written; Finish() returns why.
  bool ok() const { return status_.ok(); }

  // Drawing on the open page, in the current fill (or stroke) colour.
  void SetFill(double r, double g, double b);
  void FillRect(double x, double y, double w, double h);
  void FillRoundedRect(double x, double y, double w, double h, double radius);
  void StrokeLine(double x0, double y0, double x1, double y1, double width,
                  double r, double g, double b);

  // Draws `glyphs` of `font` (referenced while the document lives) in the
  // fill colour; each glyph's text range is into `utf8`.
  void ShowGlyphs(PangoFont* font, const std::vector<PdfGlyph>& glyphs,
                  std::string_view utf8);

  // Adds a bookmark to the open page under `parent` (0: the top level);
  // returns its id for children.
  int AddOutline(int parent, std::string_view title);

  // Ends the document (and the open page): embeds the fonts and writes the
  // cross-reference table. A document without pages gets one blank A4 page,
  // since readers refuse none. Returns the PDF, or an error when a font
  // cannot be embedded.
  absl::StatusOr<std::string> Finish();

 private:
  struct Outline {
    int parent;
    std::string title;
    int page;
    std::vector<int> children;
  };

  int NewObject() { return next_object_++; }
  void StartObject(int number);
  void WriteStream(int number, std::string_view dict_extra,
                   std::string_view data, bool compress);
  const PdfFontUse* UseOf(PangoFont* font);
  // Writes the font objects of `face`: the Type0 font, its CIDFont, font
  // descriptor, font program and ToUnicode map.
  absl::Status WriteFace(PdfFace& face);
  void WriteFontDescriptor(int number, const std::string& name,
                           const PdfFontMetrics& metrics, bool cff, int file);
  void WriteOutlines(int root);

  std::string out_;
  std::vector<std::uint64_t> offsets_;  // by object number; 0: not written
  int next_object_ = 1;
  int pages_object_;
  int resources_object_;
  std::string info_;
  std::vector<int> pages_;         // page object numbers
  std::vector<Outline> outlines_;  // outlines_[0]: the root

  // The open page.
  bool open_ = false;
  double width_ = 0;
  double height_ = 0;
  std::string content_;
  bool have_fill_ = false;
  double fill_[3] = {0, 0, 0};

  std::vector<std::unique_ptr<PdfFace>> faces_;
  std::unordered_map<PangoFont*, std::unique_ptr<PdfFontUse>> uses_;
  std::string scratch_;
  Deflater deflater_;
  absl::Status status_;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_PDF_DOCUMENT_H_
