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
// Not thread-safe; one document per thread. A document can still be made
// on several threads, in runs of pages: each thread draws its runs into
// its own PdfDocument in kRun mode, which hands each run over as a
// PdfRunPages, and the document appends the runs in order (Append), then
// takes the fonts from every thread's (MergeFonts). The bytes depend on the
// runs' contents only, never on which thread drew which run.
//
//   PdfDocument mine(PdfDocument::Mode::kRun);  // on a worker thread
//   mine.BeginRun(r);  ... pages ...
//   PdfRunPages run = mine.EndRun();
//   mine.ReleaseFonts();                         // when its runs are done
//   doc.Append(run);                             // in order, on one thread
//   doc.MergeFonts(mine);                        // once every run is in
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

// One run of pages drawn on another thread (see above): its pages with
// their content streams, its bookmarks, and the fonts it draws with, as
// /F0, /F1, ... in the order it first drew with them.
struct PdfRunPages {
  struct Page {
    double width = 0;
    double height = 0;
    std::string content;  // deflated
  };
  struct Bookmark {
    int parent;  // 0: the top level, else a bookmark of the run (from 1)
    std::string title;
    int page;  // of the run
  };
  struct Font {
    std::string file;  // PdfFace::file
    int first_page;    // of the run
  };
  std::vector<Page> pages;
  std::vector<Bookmark> bookmarks;  // from bookmark 1 (0 is the top level)
  std::vector<Font> fonts;
};

class PdfDocument {
 public:
  // kDocument: a whole document, written as it goes. kRun: the pages of
  // one thread's runs, handed over by EndRun().
  enum class Mode { kDocument, kRun };
  explicit PdfDocument(Mode mode = Mode::kDocument);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // The info dictionary. `date` is "YYYY-MM-DDTHH:MM:SS" (local time).
  void SetInfo(std::string_view title, std::string_view creator,
               std::string_view date);

  // REQUIRES: no page is open. Starts a page of `width` x `height` points.
  void BeginPage(double width, double height);
  // REQUIRES: a page is open. In a run, the page's content is kept as it
  // is, to be added to once more (ReopenPage), and deflated when it is
  // ended the second time or the run ends.
  void EndPage();
  int pages() const {
    return static_cast<int>(mode_ == Mode::kRun ? run_pages_.size()
                                                : pages_.size());
  }
  // False once something cannot be written; Finish() returns why.
  bool ok() const { return status_.ok(); }
  // The size of the open page.
  double page_width() const { return width_; }
  double page_height() const { return height_; }

  // Runs ---------------------------------------------------------------------

  // kRun: the pages and bookmarks from here on are run `run`'s (runs are
  // numbered in document order; each thread takes its runs in order).
  void BeginRun(int run);
  // REQUIRES: kRun, no page open, page k of the run (from 0) ended once.
  // Opens page k again, with its content and fill colour, for what is
  // drawn last (the page number, once the pages before the run are
  // counted).
  void ReopenPage(int k);
  // REQUIRES: kRun. Hands the run over (ending a page a failure left
  // open).
  PdfRunPages EndRun();
  // kRun: lets go of the pango fonts; the document keeps their faces for
  // MergeFonts. Call it on the thread that drew, once its runs are done
  // (the fonts belong to that thread's font map).
  void ReleaseFonts();

  // REQUIRES: kDocument, no page open. Adds a run's pages and bookmarks
  // after this document's; runs are appended in document order.
  void Append(PdfRunPages& run);
  // REQUIRES: kDocument; `runs` kRun, its fonts released. Takes the faces
  // and glyphs `runs` drew with, and its error if it has one; called for
  // every thread's document once all runs are appended, before Finish().
  void MergeFonts(PdfDocument& runs);

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

  // A page of the current run: its content kept as drawn until final.
  struct RunPage {
    double width = 0;
    double height = 0;
    std::string content;
    bool deflated = false;
    // The fill colour when it ended, for ReopenPage.
    bool have_fill = false;
    double fill[3] = {0, 0, 0};
  };
  // The fonts of an appended run's pages: its /F<k> is faces_[faces[k]].
  struct Group {
    int object;
    std::vector<int> faces;
  };

  int NewObject() { return next_object_++; }
  void StartObject(int number);
  void WriteStream(int number, std::string_view dict_extra,
                   std::string_view data, bool compress);
  // Writes stream `number` with `body` as it is (deflated already when
  // `flate`).
  void WriteStreamBody(int number, std::string_view dict_extra,
                       std::string_view body, bool flate);
  // Writes the page object `page` of `width` x `height` points with
  // content stream `contents` and resources `resources`.
  void WritePage(int page, double width, double height, int contents,
                 int resources);
  // Adds what was drawn with `from` to `to` (the same font file): its
  // glyphs, and the text of each glyph from the earliest run.
  static void MergeUse(PdfFace& from, PdfFace& to);
  // The resource name's number of `face` in the content being drawn: its
  // index, or in a run the order the run first drew with it.
  int NameOf(PdfFace& face);
  // Deflates `data` into `out`; false, and the error in status_, when it
  // cannot.
  bool DeflateTo(std::string_view data, std::string* out);
  // Writes resource dictionary `number`: /F<k> is the face faces_[faces[k]].
  void WriteFontResources(int number, const std::vector<int>& faces);
  const PdfFontUse* UseOf(PangoFont* font);
  // Writes the font objects of `face`: the Type0 font, its CIDFont, font
  // descriptor, font program and ToUnicode map.
  absl::Status WriteFace(PdfFace& face);
  void WriteFontDescriptor(int number, const std::string& name,
                           const PdfFontMetrics& metrics, bool cff, int file);
  void WriteOutlines(int root);

  Mode mode_;
  std::string out_;
  std::vector<std::uint64_t> offsets_;  // by object number; 0: not written
  int next_object_ = 1;
  int pages_object_;
  int resources_object_;
  std::string info_;
  std::vector<int> pages_;         // page object numbers
  std::vector<Outline> outlines_;  // outlines_[0]: the root
  // kRun: the current run.
  int run_ = -1;
  std::vector<RunPage> run_pages_;
  std::vector<int> run_name_;  // by face: its /F number in the run, or -1
  std::vector<PdfRunPages::Font> run_fonts_;
  int reopened_ = -1;  // the run's page open again
  // kDocument: appended runs' fonts, and faces by font file.
  std::vector<Group> groups_;
  std::unordered_map<std::string, int> face_of_file_;

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
