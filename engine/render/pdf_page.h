// PdfWriter: the page writer and frame of attendees.pdf and employers.pdf.
// It owns one PdfDocument, a pango context with print settings (no hinting,
// unrounded glyph positions, fixed language), a pool of reusable layouts and
// the WordSetter, and draws every page's frame: the navy header band with
// the event, date and venue, and the footer with the sheet's owner and the
// page number.
//
//   PdfWriter pdf(fair, Paper::kA4, "Fair - attendee schedules");
//   pdf.BeginPage(/*landscape=*/false, "Ada Lovelace");
//   pdf.Paragraph("Your conversations", kLabel, kMuted);
//   pdf.EndPage();
//   absl::StatusOr<std::string> bytes = pdf.Close();
//
// Text goes on at a cursor, y(), that moves down the body of the page;
// FlowParagraph and DrawRow carry what does not fit over to the next page
// (the caller's `new_page` starts it), so no text of any length is drawn
// below the body or lost.
#ifndef FAIRMATCH_RENDER_PDF_PAGE_H_
#define FAIRMATCH_RENDER_PDF_PAGE_H_

#include <pango/pango.h>

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/fair.h"
#include "engine/render/pdf_document.h"
#include "engine/render/pdf_palette.h"
#include "engine/render/pdf_rich.h"
#include "engine/render/pdf_sheets.h"
#include "engine/render/pdf_text.h"

namespace fairmatch::sheets {

// The page geometry, in points.
inline constexpr double kSideMargin = 42;  // ~15 mm
inline constexpr double kTopMargin = 34;   // band starts here
inline constexpr double kBottomMargin =
    46;  // body ends here; the footer is below
inline constexpr double kBandHeight = 24;
inline constexpr double kGap = 6;

struct PageSize {
  double width;
  double height;
};

// The size of `paper`, turned when `landscape`.
PageSize SizeOf(Paper paper, bool landscape);

// A laid-out piece of text, ready to draw: a pango layout, or words set by
// the WordSetter. Valid until the pool is reset.
struct Block {
  PangoLayout* layout = nullptr;
  const SetText* set = nullptr;
  double height = 0;
  Rgb color = kInk;

  bool empty() const { return layout == nullptr && set == nullptr; }
};

struct LayOptions {
  bool one_line = false;  // ellipsize instead of wrapping
  bool right = false;     // right-aligned in its width
  bool centre = false;
  double letter_spacing = 0;  // points
  double spacing = 0;         // extra points between lines
};

// One PDF being written: the document, its pages and their frame.
class PdfWriter {
 public:
  PdfWriter(const Fair& fair, Paper paper, const std::string& title);

  ~PdfWriter();

  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // False once the document cannot be written (a font cannot be read);
  // Close() then says why.
  bool ok() const { return doc_->ok() && (runs_ == nullptr || runs_->ok()); }

  // Runs (see PdfDocument): a document drawn on several threads, in runs
  // of sheets. On each worker thread its own writer draws runs, each
  // between StartRun(r) and EndRun(first), which numbers the run's pages
  // from `first` on (known once the runs before it are drawn) and hands it
  // over; EndRuns() hands over its fonts when it has drawn its last. The
  // writer of the document appends the runs in order, then merges every
  // worker's fonts.
  //
  //   worker.StartRun(r);  ... sheets ...
  //   PdfRunPages run = worker.EndRun(first);
  //   pdf.AppendRun(run);
  //   std::unique_ptr<PdfDocument> fonts = worker.EndRuns();
  //   pdf.MergeFonts(*fonts);
  void StartRun(int run);
  // The pages of the run so far.
  int run_pages() const { return runs_->pages(); }
  PdfRunPages EndRun(int first);
  std::unique_ptr<PdfDocument> EndRuns();
  void AppendRun(PdfRunPages& run);
  void MergeFonts(PdfDocument& runs);

  // Page frame ------------------------------------------------------------

  // Starts a page with the header band; the body starts at y().
  void BeginPage(bool landscape, std::string footer);

  // Draws the footer and emits the page.
  void EndPage();

  int page() const { return page_; }
  double left() const { return kSideMargin; }
  double right() const { return size_.width - kSideMargin; }
  double width() const { return right() - left(); }
  double bottom() const { return size_.height - kBottomMargin; }
  double y() const { return y_; }
  void Advance(double dy) { y_ += dy; }
  bool Fits(double height) const { return y_ + height <= bottom(); }

  // Adds a bookmark to the current page; returns its id for children.
  int Bookmark(std::string_view name, int parent = 0);

  // Text -------------------------------------------------------------------

  Block Lay(std::string_view text, Font font, double w, Rgb color,
            LayOptions options = {});

  // Like Lay, for text that recurs on many pages (labels, times, employer
  // names, the band): laid out once and kept. Shaping is most of the cost
  // of a page, so this matters for fairs with thousands of sheets.
  Block LayOnce(std::string_view text, Font font, double w, Rgb color,
                LayOptions options = {});

  Block Lay(const Rich& rich, Font font, double w, Rgb color,
            LayOptions options = {});

  void Draw(const Block& block, double x, double y);

  // Lays out `rich` (or `text`) full width and draws it at the cursor, on as
  // many pages as it needs: `new_page` ends the page and starts the next one
  // (the sheet's own "(continued)" page). A paragraph that fits the page is
  // drawn whole; one that does not moves whole to the next page when it is
  // short, and is otherwise broken between lines, so no text of any length
  // runs off the page.
  void FlowParagraph(const Rich& rich, Font font, Rgb color,
                     const std::function<void()>& new_page);
  void FlowParagraph(std::string_view text, Font font, Rgb color,
                     const std::function<void()>& new_page);

  // A piece of a table row: a block drawn at (x, the row's top + dy), or,
  // with rule_to > x, a rule from x to rule_to at the row's top + dy.
  struct RowPiece {
    Block block;
    double x = 0;
    double dy = 0;
    double rule_to = 0;
  };

  // Draws a row `need` points tall (its pieces within it) at the cursor and
  // moves the cursor `advance` down: on this page when it fits, else on the
  // next (`new_page`: the sheet's continuation with its column heads). A row
  // taller than that goes on line by line over as many pages as it needs,
  // each column's lines in order, so nothing is drawn below the body or
  // lost.
  void DrawRow(const std::vector<RowPiece>& pieces, double need, double advance,
               const std::function<void()>& new_page);

  // Lays out and draws at the cursor, full width; returns the height.
  // `once`: the text recurs on many pages (see LayOnce).
  double Paragraph(std::string_view text, Font font, Rgb color,
                   LayOptions options = {}, bool once = false);

  // Forgets every laid-out block; call between rows, never inside one (a
  // page break inside a row lays out the new page's frame from the pool
  // too, after the row's blocks).
  void ResetPool();

  // Shapes ------------------------------------------------------------------

  void Rule(double x0, double x1, double y, Rgb color, double line_width);

  void Fill(double x, double y, double w, double h, Rgb color);

  void RoundedFill(double x, double y, double w, double h, double r, Rgb color);

  // Ends the document; returns the PDF bytes or the writer's error.
  absl::StatusOr<std::string> Close();

 private:
  static constexpr std::size_t kMaxCached = 4096;
  // Shaped words kept (names, ids and e-mail addresses make most of them).
  static constexpr std::size_t kMaxWords = 1 << 16;

  // `block` at the cursor, full width, over as many pages as it needs (see
  // FlowParagraph).
  void Flow(const Block& block, const std::function<void()>& new_page);

  // One line of a block: its box from the block's top, and how to draw it.
  struct BlockLine {
    double top;
    double bottom;
    std::size_t set_line = 0;         // a line of block.set
    PangoLayoutLine* line = nullptr;  // or of block.layout,
    double x = 0;                     // at this offset
    double baseline = 0;              // and baseline
  };

  static std::vector<BlockLine> LinesOf(const Block& block);

  // Draws `pieces` line by line from the cursor on: a line goes on the
  // current page when its bottom is `reserve` above the body's bottom, on
  // the next page (`new_page`) otherwise, where the row goes on from its
  // first line not yet drawn. The cursor ends `advance` below where the
  // row's top would be on the last page.
  void DrawSliced(const std::vector<RowPiece>& pieces, double advance,
                  double reserve, const std::function<void()>& new_page);

  static std::size_t FirstUndone(const std::vector<char>& done);

  void DrawItem(const RowPiece& piece, const BlockLine& line, double origin);

  // Where the body of a page starts (BeginPage).
  static double body_top() { return kTopMargin + kBandHeight + 16; }

  // `rich` laid out by pango alone, in a layout of the pool.
  PangoLayout* PangoRich(const Rich& rich, Font font, double w,
                         const LayOptions& options);

  // Sets text with the WordSetter when it gives what pango would; false:
  // lay it out with pango. Letter-spaced text (labels, laid out once and
  // kept) always goes to pango. Uses spans_.
  bool SetWords(const std::string& text, Font font, double w, Rgb color,
                const LayOptions& options, Block* block);

  void ClearCache();

  PangoLayout* Prepare(Font font, double w, const LayOptions& options);

  void Configure(PangoLayout* layout, Font font, double w,
                 const LayOptions& options);

  static void SetLetterSpacing(PangoLayout* layout, double points);

  static Block Finish(PangoLayout* layout, Rgb color);

  void DrawBand();

  // "Page <number>" in the footer of the open page.
  void DrawPageNumber(int number);

  // Where drawing goes: the runs, when one is open, else the document.
  PdfDocument& target() { return in_run_ ? *runs_ : *doc_; }

  Paper paper_;
  std::unique_ptr<PdfDocument> doc_;
  std::unique_ptr<PdfDocument> runs_;  // this thread's runs
  bool in_run_ = false;
  PangoContext* context_ = nullptr;
  PangoFontDescription* fonts_[kNumFonts] = {};
  std::vector<PangoLayout*> pool_;
  std::size_t used_ = 0;
  std::unique_ptr<WordSetter> words_;
  std::deque<SetText> sets_;  // a deque: blocks point into it
  std::size_t sets_used_ = 0;
  std::vector<TextSpan> spans_;
  // Never iterated into the output, so its order does not matter.
  std::unordered_map<std::string, Block> cache_;
  PageSize size_ = {0, 0};
  int page_ = 0;
  double y_ = 0;
  std::string footer_;
  std::string band_left_;
  std::string band_right_;
};

}  // namespace fairmatch::sheets

#endif  // FAIRMATCH_RENDER_PDF_PAGE_H_
