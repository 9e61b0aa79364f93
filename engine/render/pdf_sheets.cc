#include "engine/render/pdf_sheets.h"

#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/check/shortfall.h"
#include "engine/render/pdf_text.h"
#include "engine/render/people.h"
#include "engine/score/score_blocks.h"
#include "engine/score/talking_points.h"

namespace fairmatch {
namespace {

// ---------------------------------------------------------------------------
// Look: the palette and type scale of schedules.html, for paper. Units are
// PDF points (1/72 in).

struct Rgb {
  double r, g, b;
};
constexpr Rgb kInk{0x1d / 255.0, 0x23 / 255.0, 0x2a / 255.0};
constexpr Rgb kNavy{0x24 / 255.0, 0x47 / 255.0, 0x6b / 255.0};
constexpr Rgb kMuted{0x5b / 255.0, 0x66 / 255.0, 0x70 / 255.0};
constexpr Rgb kFaint{0x8a / 255.0, 0x96 / 255.0, 0xa3 / 255.0};
constexpr Rgb kRule{0xd5 / 255.0, 0xdb / 255.0, 0xe1 / 255.0};
constexpr Rgb kWash{0xf1 / 255.0, 0xf4 / 255.0, 0xf7 / 255.0};
constexpr Rgb kWhite{1, 1, 1};

// Fallback happens per character along this list, so a Vietnamese or Greek
// name stays in Noto Sans and a Chinese one takes whatever CJK font
// fontconfig finds for "sans-serif".
constexpr char kFamilies[] = "Noto Sans, DejaVu Sans, sans-serif";

enum Font {
  kBody,       // 10pt: body text
  kBodyBold,   // 10pt bold: times, names in lists
  kSmall,      // 8.8pt: talking points, details
  kSmallBold,  // 8.8pt bold
  kTiny,       // 7.2pt: grid cells, footers
  kTinyBold,   // 7.2pt bold
  kLabel,      // 7.4pt bold, spaced capitals: kind labels, column heads
  kTitle,      // 20pt bold: the sheet owner's name
  kHeading,    // 12pt bold: employer names, section titles
  kBand,       // 9pt: header band
  kBandBold,   // 9pt bold
  kNumFonts
};

struct FontSpec {
  double size;
  PangoWeight weight;
};
constexpr FontSpec kFontSpecs[kNumFonts] = {
    {10.0, PANGO_WEIGHT_NORMAL}, {10.0, PANGO_WEIGHT_BOLD},
    {8.8, PANGO_WEIGHT_NORMAL},  {8.8, PANGO_WEIGHT_BOLD},
    {7.2, PANGO_WEIGHT_NORMAL},  {7.2, PANGO_WEIGHT_BOLD},
    {7.4, PANGO_WEIGHT_BOLD},    {20.0, PANGO_WEIGHT_BOLD},
    {12.0, PANGO_WEIGHT_BOLD},   {9.0, PANGO_WEIGHT_NORMAL},
    {9.0, PANGO_WEIGHT_BOLD},
};

struct PageSize {
  double width;
  double height;
};
PageSize SizeOf(Paper paper, bool landscape) {
  PageSize p = paper == Paper::kLetter ? PageSize{612.0, 792.0}
                                       : PageSize{595.276, 841.890};
  if (landscape) std::swap(p.width, p.height);
  return p;
}

constexpr double kSideMargin = 42;    // ~15 mm
constexpr double kTopMargin = 34;     // band starts here
constexpr double kBottomMargin = 46;  // body ends here; the footer is below
constexpr double kBandHeight = 24;
constexpr double kGap = 6;

constexpr char kEnDash[] = "\xE2\x80\x93";
constexpr char kDot[] = " \xC2\xB7 ";

// ---------------------------------------------------------------------------
// Text helpers.

// Text pango accepts: invalid UTF-8 becomes U+FFFD (pango would otherwise
// warn on stderr and drop the text).
std::string ValidUtf8(std::string_view text) {
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
    return std::string(text);
  }
  gchar* valid =
      g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  std::string out(valid);
  g_free(valid);
  return out;
}

// Text with bold, italic and coloured stretches, laid out as one pango
// layout (newlines start paragraphs).
struct Rich {
  struct Span {
    unsigned start;
    unsigned end;
    bool bold;
    bool italic;
    const Rgb* color;
    double size = 0;  // points; 0: the layout's
  };
  std::string text;
  std::vector<Span> spans;

  Rich& Add(std::string_view piece, bool bold = false,
            const Rgb* color = nullptr, bool italic = false) {
    unsigned start = static_cast<unsigned>(text.size());
    text.append(ValidUtf8(piece));
    if (bold || italic || color != nullptr) {
      spans.push_back(
          {start, static_cast<unsigned>(text.size()), bold, italic, color});
    }
    return *this;
  }
  Rich& Newline() {
    text.push_back('\n');
    return *this;
  }
  // Text in another size (a heading inside one layout).
  Rich& Sized(std::string_view piece, double size, bool bold,
              const Rgb* color = nullptr) {
    unsigned start = static_cast<unsigned>(text.size());
    text.append(ValidUtf8(piece));
    spans.push_back(
        {start, static_cast<unsigned>(text.size()), bold, false, color, size});
    return *this;
  }
  // Ends the paragraph and leaves an empty line `size` points tall: one
  // layout can then hold what would otherwise be several (pango's cost is
  // mostly per layout).
  Rich& Gap(double size) {
    text.push_back('\n');
    unsigned start = static_cast<unsigned>(text.size());
    text.push_back('\n');
    spans.push_back({start, start + 1, false, false, nullptr, size});
    return *this;
  }
};

std::string ClockRange(const Slot& slot) {
  return absl::StrCat(FormatClock(slot.start), kEnDash, FormatClock(slot.end));
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text.append(sep);
    text.append(parts[i]);
  }
  return text;
}

// Parts of user text (names, tags), each its own bidi isolate, joined.
std::string JoinIsolated(const std::vector<std::string>& parts,
                         std::string_view sep) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text.append(sep);
    text.append(IsolateBidi(parts[i]));
  }
  return text;
}

std::string Upper(std::string_view ascii) {
  std::string out(ascii);
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Talking points as labelled lines; "you" is the employer on an employer's
// sheet. An empty set still says something useful.
void AddTalkingPoints(const TalkingPoints& tp, bool employer_view, Rich* rich) {
  const std::vector<std::string>& you_offer =
      employer_view ? tp.employer_offers : tp.attendee_offers;
  const std::vector<std::string>& they_offer =
      employer_view ? tp.attendee_offers : tp.employer_offers;
  if (!tp.mutual_wish && tp.shared_values.empty() && you_offer.empty() &&
      they_offer.empty()) {
    rich->Add("An open conversation", false, &kMuted, true);
    return;
  }
  bool first = true;
  if (tp.mutual_wish) {
    rich->Add(kMutualWishText, true);
    first = false;
  }
  auto item = [&](std::string_view label,
                  const std::vector<std::string>& parts) {
    if (parts.empty()) return;
    if (!first) rich->Newline();
    first = false;
    rich->Add(label, true).Add(" ").Add(JoinIsolated(parts, ", "));
  };
  item("Shared values:", tp.shared_values);
  item("You offer:", you_offer);
  item("They offer:", they_offer);
}

// The ISO 8601 date for the PDF info dictionary: the event's date and
// start, so that the bytes never depend on the clock.
std::string PdfDate(const Event& event) {
  const std::string& d = event.date;
  bool iso = d.size() == 10 && d[4] == '-' && d[7] == '-';
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (iso && !std::isdigit(static_cast<unsigned char>(d[i]))) iso = false;
  }
  int start = std::clamp(event.start, 0, 23 * 60 + 59);
  return absl::StrCat(iso ? d : std::string("2000-01-01"), "T",
                      FormatClock(start), ":00");
}

// ---------------------------------------------------------------------------
// PdfWriter: one PdfDocument, a pango context
// with print settings (no hinting, unrounded glyph positions, fixed
// language), a pool of reusable layouts, and the page frame (band, footer).

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

class PdfWriter {
 public:
  PdfWriter(const Fair& fair, Paper paper, const std::string& title)
      : paper_(paper) {
    doc_.SetInfo(ValidUtf8(title), "fairmatch " FAIRMATCH_VERSION,
                 PdfDate(fair.event));
    context_ = CreatePrintContext();
    for (int f = 0; f < kNumFonts; ++f) {
      fonts_[f] = pango_font_description_from_string(kFamilies);
      pango_font_description_set_absolute_size(
          fonts_[f], kFontSpecs[f].size * PANGO_SCALE);
      pango_font_description_set_weight(fonts_[f], kFontSpecs[f].weight);
    }
    words_ = std::make_unique<WordSetter>(context_, kFamilies);

    band_left_ = IsolateBidi(fair.event.name);
    std::vector<std::string> when = {fair.event.date};
    if (!fair.slots.empty()) {
      when.push_back(absl::StrCat(FormatClock(fair.slots.front().start),
                                  kEnDash, FormatClock(fair.slots.back().end)));
    }
    if (!fair.event.venue.empty()) {
      when.push_back(IsolateBidi(fair.event.venue));
    }
    band_right_ = Join(when, kDot);
  }

  ~PdfWriter() {
    words_.reset();
    ClearCache();
    for (PangoLayout* layout : pool_) g_object_unref(layout);
    for (PangoFontDescription* font : fonts_) {
      if (font != nullptr) pango_font_description_free(font);
    }
    if (context_ != nullptr) g_object_unref(context_);
  }

  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // False once the document cannot be written (a font cannot be read);
  // Close() then says why.
  bool ok() const { return doc_.ok(); }

  // Page frame ------------------------------------------------------------

  // Starts a page with the header band; the body starts at y().
  void BeginPage(bool landscape, std::string footer) {
    if (!ok()) return;
    size_ = SizeOf(paper_, landscape);
    doc_.BeginPage(size_.width, size_.height);
    footer_ = std::move(footer);
    ++page_;
    DrawBand();
    y_ = body_top();
  }

  // Draws the footer and emits the page.
  void EndPage() {
    if (!ok()) return;
    const double foot = size_.height - kBottomMargin + 20;
    Rule(left(), right(), foot - 6, kRule, 0.5);
    Block owner = Lay(footer_, kTiny, width() * 0.75, kMuted,
                      LayOptions{.one_line = true});
    Draw(owner, left(), foot);
    Block number = Lay(absl::StrCat("Page ", page_), kTiny, width() * 0.2,
                       kMuted, LayOptions{.right = true});
    Draw(number, right() - width() * 0.2, foot);
    doc_.EndPage();
  }

  int page() const { return page_; }
  double left() const { return kSideMargin; }
  double right() const { return size_.width - kSideMargin; }
  double width() const { return right() - left(); }
  double bottom() const { return size_.height - kBottomMargin; }
  double y() const { return y_; }
  void Advance(double dy) { y_ += dy; }
  bool Fits(double height) const { return y_ + height <= bottom(); }

  // Adds a bookmark to the current page; returns its id for children.
  int Bookmark(std::string_view name, int parent = 0) {
    if (!ok()) return parent;
    return doc_.AddOutline(parent, ValidUtf8(name));
  }

  // Text -------------------------------------------------------------------

  Block Lay(std::string_view text, Font font, double w, Rgb color,
            LayOptions options = {}) {
    std::string valid = ValidUtf8(text);
    spans_.clear();
    if (Block block; SetWords(valid, font, w, color, options, &block)) {
      return block;
    }
    PangoLayout* layout = Prepare(font, w, options);
    pango_layout_set_text(layout, valid.data(), static_cast<int>(valid.size()));
    SetLetterSpacing(layout, options.letter_spacing);
    return Finish(layout, color);
  }

  // Like Lay, for text that recurs on many pages (labels, times, employer
  // names, the band): laid out once and kept. Shaping is most of the cost
  // of a page, so this matters for fairs with thousands of sheets.
  Block LayOnce(std::string_view text, Font font, double w, Rgb color,
                LayOptions options = {}) {
    std::string key = absl::StrCat(
        font, "|", w, "|", options.one_line, options.right, options.centre, "|",
        options.letter_spacing, "|", options.spacing, "|");
    key.append(text);
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      PangoLayout* layout = pango_layout_new(context_);
      Configure(layout, font, w, options);
      std::string valid = ValidUtf8(text);
      pango_layout_set_text(layout, valid.data(),
                            static_cast<int>(valid.size()));
      SetLetterSpacing(layout, options.letter_spacing);
      it = cache_.emplace(std::move(key), Finish(layout, color)).first;
    }
    Block block = it->second;
    block.color = color;
    return block;
  }

  Block Lay(const Rich& rich, Font font, double w, Rgb color,
            LayOptions options = {}) {
    spans_.clear();
    for (const Rich::Span& s : rich.spans) {
      TextSpan span;
      span.start = s.start;
      span.end = s.end;
      span.bold = s.bold;
      span.italic = s.italic;
      span.size = s.size > 0 ? static_cast<int>(s.size * PANGO_SCALE) : 0;
      if (s.color != nullptr) {
        span.has_color = true;
        span.r = s.color->r;
        span.g = s.color->g;
        span.b = s.color->b;
      }
      spans_.push_back(span);
    }
    if (Block block; SetWords(rich.text, font, w, color, options, &block)) {
      return block;
    }
    return Finish(PangoRich(rich, font, w, options), color);
  }

  void Draw(const Block& block, double x, double y) {
    if (!ok() || block.empty()) return;
    if (block.set != nullptr) {
      words_->Draw(&doc_, *block.set, x, y, block.color.r, block.color.g,
                   block.color.b);
      return;
    }
    DrawLayout(&doc_, block.layout, x, y, block.color.r, block.color.g,
               block.color.b);
  }

  // Lays out `rich` (or `text`) full width and draws it at the cursor, on as
  // many pages as it needs: `new_page` ends the page and starts the next one
  // (the sheet's own "(continued)" page). A paragraph that fits the page is
  // drawn whole; one that does not moves whole to the next page when it is
  // short, and is otherwise broken between lines, so no text of any length
  // runs off the page.
  void FlowParagraph(const Rich& rich, Font font, Rgb color,
                     const std::function<void()>& new_page) {
    if (!ok()) return;
    Flow(Lay(rich, font, width(), color), new_page);
  }
  void FlowParagraph(std::string_view text, Font font, Rgb color,
                     const std::function<void()>& new_page) {
    if (!ok()) return;
    Flow(Lay(text, font, width(), color), new_page);
  }

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
               const std::function<void()>& new_page) {
    if (!ok()) return;
    if (!Fits(need)) new_page();
    if (!ok()) return;
    if (Fits(need)) {
      for (const RowPiece& piece : pieces) {
        if (piece.rule_to > piece.x) {
          Rule(piece.x, piece.rule_to, y_ + piece.dy, kRule, 0.4);
        } else {
          Draw(piece.block, piece.x, y_ + piece.dy);
        }
      }
      y_ += advance;
      return;
    }
    DrawSliced(pieces, advance, need - advance, new_page);
  }

  // Lays out and draws at the cursor, full width; returns the height.
  // `once`: the text recurs on many pages (see LayOnce).
  double Paragraph(std::string_view text, Font font, Rgb color,
                   LayOptions options = {}, bool once = false) {
    Block b = once ? LayOnce(text, font, width(), color, options)
                   : Lay(text, font, width(), color, options);
    Draw(b, left(), y_);
    y_ += b.height;
    return b.height;
  }

  // Forgets every laid-out block; call between rows, never inside one (a
  // page break inside a row lays out the new page's frame from the pool
  // too, after the row's blocks).
  void ResetPool() {
    used_ = 0;
    sets_used_ = 0;
    if (cache_.size() > kMaxCached) ClearCache();
    if (words_->words() > kMaxWords) words_->ClearWords();
  }

  // Shapes ------------------------------------------------------------------

  void Rule(double x0, double x1, double y, Rgb color, double line_width) {
    if (!ok()) return;
    doc_.StrokeLine(x0, y, x1, y, line_width, color.r, color.g, color.b);
  }

  void Fill(double x, double y, double w, double h, Rgb color) {
    if (!ok()) return;
    doc_.SetFill(color.r, color.g, color.b);
    doc_.FillRect(x, y, w, h);
  }

  void RoundedFill(double x, double y, double w, double h, double r,
                   Rgb color) {
    if (!ok()) return;
    doc_.SetFill(color.r, color.g, color.b);
    doc_.FillRoundedRect(x, y, w, h, r);
  }

  // Ends the document; returns the PDF bytes or the writer's error.
  absl::StatusOr<std::string> Close() {
    words_.reset();
    ClearCache();
    for (PangoLayout* layout : pool_) g_object_unref(layout);
    pool_.clear();
    return doc_.Finish();
  }

 private:
  static constexpr std::size_t kMaxCached = 4096;
  // Shaped words kept (names, ids and e-mail addresses make most of them).
  static constexpr std::size_t kMaxWords = 1 << 16;

  // `block` at the cursor, full width, over as many pages as it needs (see
  // FlowParagraph).
  void Flow(const Block& block, const std::function<void()>& new_page) {
    if (!Fits(block.height) && block.height <= (bottom() - body_top()) / 3) {
      new_page();
    }
    if (!ok()) return;
    if (Fits(block.height)) {
      Draw(block, left(), y_);
      y_ += block.height;
      return;
    }
    DrawSliced({RowPiece{block, left(), 0, 0}}, block.height, 0, new_page);
  }

  // One line of a block: its box from the block's top, and how to draw it.
  struct BlockLine {
    double top;
    double bottom;
    std::size_t set_line = 0;         // a line of block.set
    PangoLayoutLine* line = nullptr;  // or of block.layout,
    double x = 0;                     // at this offset
    double baseline = 0;              // and baseline
  };

  static std::vector<BlockLine> LinesOf(const Block& block) {
    std::vector<BlockLine> lines;
    if (block.set != nullptr) {
      for (std::size_t i = 0; i < block.set->lines.size(); ++i) {
        const SetLine& line = block.set->lines[i];
        lines.push_back(
            BlockLine{static_cast<double>(line.top) / PANGO_SCALE,
                      static_cast<double>(line.bottom) / PANGO_SCALE, i});
      }
    } else if (block.layout != nullptr) {
      PangoLayoutIter* iter = pango_layout_get_iter(block.layout);
      do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        lines.push_back(BlockLine{
            static_cast<double>(logical.y) / PANGO_SCALE,
            static_cast<double>(logical.y + logical.height) / PANGO_SCALE, 0,
            pango_layout_iter_get_line_readonly(iter),
            static_cast<double>(logical.x) / PANGO_SCALE,
            static_cast<double>(pango_layout_iter_get_baseline(iter)) /
                PANGO_SCALE});
      } while (pango_layout_iter_next_line(iter));
      pango_layout_iter_free(iter);
    }
    return lines;
  }

  // Draws `pieces` line by line from the cursor on: a line goes on the
  // current page when its bottom is `reserve` above the body's bottom, on
  // the next page (`new_page`) otherwise, where the row goes on from its
  // first line not yet drawn. The cursor ends `advance` below where the
  // row's top would be on the last page.
  void DrawSliced(const std::vector<RowPiece>& pieces, double advance,
                  double reserve, const std::function<void()>& new_page) {
    struct Item {
      double top;
      double bottom;
      const RowPiece* piece;
      BlockLine line;
    };
    std::vector<Item> items;
    for (const RowPiece& piece : pieces) {
      if (piece.rule_to > piece.x) {
        items.push_back(Item{piece.dy, piece.dy, &piece, BlockLine{0, 0}});
        continue;
      }
      for (const BlockLine& line : LinesOf(piece.block)) {
        items.push_back(
            Item{piece.dy + line.top, piece.dy + line.bottom, &piece, line});
      }
    }
    std::vector<char> done(items.size(), 0);
    std::size_t left_to_draw = items.size();
    double origin = y_;  // where the row's top is on this page
    bool fresh = false;  // nothing of the row is on this page yet
    while (ok()) {
      bool drew = false;
      for (std::size_t k = 0; k < items.size(); ++k) {
        const Item& item = items[k];
        if (done[k]) continue;
        // A line taller than a whole page (none the sheets make) goes
        // alone on a page, so the loop always ends.
        const bool forced = fresh && !drew && k == FirstUndone(done);
        if (origin + item.bottom + reserve > bottom() && !forced) continue;
        DrawItem(*item.piece, item.line, origin);
        done[k] = 1;
        --left_to_draw;
        drew = true;
      }
      if (left_to_draw == 0) break;
      new_page();
      if (!ok()) return;
      double first = 0;
      bool any = false;
      for (std::size_t k = 0; k < items.size(); ++k) {
        if (!done[k] && (!any || items[k].top < first)) {
          first = items[k].top;
          any = true;
        }
      }
      origin = y_ - first;
      fresh = true;
    }
    y_ = origin + advance;
  }

  static std::size_t FirstUndone(const std::vector<char>& done) {
    std::size_t k = 0;
    while (k < done.size() && done[k]) ++k;
    return k;
  }

  void DrawItem(const RowPiece& piece, const BlockLine& line, double origin) {
    const double top = origin + piece.dy;
    if (piece.rule_to > piece.x) {
      Rule(piece.x, piece.rule_to, top, kRule, 0.4);
    } else if (piece.block.set != nullptr) {
      const Rgb& c = piece.block.color;
      words_->DrawLines(&doc_, *piece.block.set, line.set_line,
                        line.set_line + 1, piece.x, top, c.r, c.g, c.b);
    } else if (line.line != nullptr) {
      const Rgb& c = piece.block.color;
      DrawLayoutLine(&doc_, line.line, piece.x + line.x, top + line.baseline,
                     c.r, c.g, c.b);
    }
  }

  // Where the body of a page starts (BeginPage).
  static double body_top() { return kTopMargin + kBandHeight + 16; }

  // `rich` laid out by pango alone, in a layout of the pool.
  PangoLayout* PangoRich(const Rich& rich, Font font, double w,
                         const LayOptions& options) {
    PangoLayout* layout = Prepare(font, w, options);
    pango_layout_set_text(layout, rich.text.data(),
                          static_cast<int>(rich.text.size()));
    if (!rich.spans.empty()) {
      PangoAttrList* attrs = pango_attr_list_new();
      for (const Rich::Span& s : rich.spans) {
        auto insert = [&](PangoAttribute* a) {
          a->start_index = s.start;
          a->end_index = s.end;
          pango_attr_list_insert(attrs, a);
        };
        if (s.bold) insert(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
        if (s.size > 0) {
          insert(pango_attr_size_new_absolute(
              static_cast<int>(s.size * PANGO_SCALE)));
        }
        if (s.italic) insert(pango_attr_style_new(PANGO_STYLE_ITALIC));
        if (s.color != nullptr) {
          insert(pango_attr_foreground_new(
              static_cast<guint16>(s.color->r * 65535),
              static_cast<guint16>(s.color->g * 65535),
              static_cast<guint16>(s.color->b * 65535)));
        }
      }
      pango_layout_set_attributes(layout, attrs);
      pango_attr_list_unref(attrs);
    }
    return layout;
  }

  // Sets text with the WordSetter when it gives what pango would; false:
  // lay it out with pango. Letter-spaced text (labels, laid out once and
  // kept) always goes to pango. Uses spans_.
  bool SetWords(const std::string& text, Font font, double w, Rgb color,
                const LayOptions& options, Block* block) {
    if (options.letter_spacing != 0) return false;
    if (sets_used_ == sets_.size()) sets_.emplace_back();
    SetText* set = &sets_[sets_used_];
    const TextAlign align = options.right    ? TextAlign::kRight
                            : options.centre ? TextAlign::kCentre
                                             : TextAlign::kLeft;
    if (!words_->Set(text, spans_,
                     static_cast<int>(kFontSpecs[font].size * PANGO_SCALE),
                     kFontSpecs[font].weight,
                     static_cast<int>(std::max(w, 1.0) * PANGO_SCALE),
                     static_cast<int>(options.spacing * PANGO_SCALE), align,
                     options.one_line, set)) {
      return false;
    }
    ++sets_used_;
    *block = Block{nullptr, set, static_cast<double>(set->height) / PANGO_SCALE,
                   color};
    return true;
  }

  void ClearCache() {
    for (auto& [key, block] : cache_) g_object_unref(block.layout);
    cache_.clear();
  }

  PangoLayout* Prepare(Font font, double w, const LayOptions& options) {
    if (used_ == pool_.size()) pool_.push_back(pango_layout_new(context_));
    PangoLayout* layout = pool_[used_++];
    Configure(layout, font, w, options);
    return layout;
  }

  void Configure(PangoLayout* layout, Font font, double w,
                 const LayOptions& options) {
    pango_layout_set_attributes(layout, nullptr);
    pango_layout_set_spacing(layout,
                             static_cast<int>(options.spacing * PANGO_SCALE));
    pango_layout_set_font_description(layout, fonts_[font]);
    pango_layout_set_width(layout,
                           static_cast<int>(std::max(w, 1.0) * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_ellipsize(
        layout, options.one_line ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
    // Paragraphs run left to right whatever script they start with; an
    // Arabic name is still shaped right to left inside.
    pango_layout_set_auto_dir(layout, FALSE);
    pango_layout_set_alignment(layout, options.right    ? PANGO_ALIGN_RIGHT
                                       : options.centre ? PANGO_ALIGN_CENTER
                                                        : PANGO_ALIGN_LEFT);
  }

  static void SetLetterSpacing(PangoLayout* layout, double points) {
    if (points == 0) return;
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(
                                      static_cast<int>(points * PANGO_SCALE)));
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
  }

  static Block Finish(PangoLayout* layout, Rgb color) {
    int w = 0;
    int h = 0;
    pango_layout_get_size(layout, &w, &h);
    return Block{layout, nullptr, static_cast<double>(h) / PANGO_SCALE, color};
  }

  void DrawBand() {
    RoundedFill(left(), kTopMargin, width(), kBandHeight, 3, kNavy);
    const double pad = 9;
    Block right_text = LayOnce(band_right_, kBand, width() * 0.5 - pad, kWhite,
                               LayOptions{.one_line = true, .right = true});
    Block left_text = LayOnce(band_left_, kBandBold, width() * 0.5 - pad,
                              kWhite, LayOptions{.one_line = true});
    Draw(left_text, left() + pad,
         kTopMargin + (kBandHeight - left_text.height) / 2);
    Draw(right_text, left() + width() * 0.5,
         kTopMargin + (kBandHeight - right_text.height) / 2);
  }

  Paper paper_;
  PdfDocument doc_;
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

// A name in a continuation page's heading: cut after kMaxHeadlineChars
// characters with an ellipsis, so that the heading of a name of any length
// leaves room for the page (the whole name heads the sheet's first page).
constexpr std::size_t kMaxHeadlineChars = 80;

// Room a sheet needs below its header for what comes first (the notice, or
// the summary and the column heads); with less left, they start a new page.
constexpr double kHeadRoom = 90;

// An extra value longer than this many characters prints shortened on a
// sheet: laying out a paragraph costs memory in proportion to its length
// (about 400 bytes a character), so a field of megabytes would exhaust it,
// and a check-in sheet is no place for a document. schedules.html,
// meetings.csv and schedule.json carry the whole text.
constexpr std::size_t kMaxExtraChars = 5000;

// `text` cut after `max_chars` characters, then `mark`; `text` itself when
// it is no longer.
std::string CutAfter(std::string_view text, std::size_t max_chars,
                     std::string_view mark) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Count lead bytes only, so the cut never splits a character.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max_chars) {
      std::string cut(text.substr(0, i));
      cut.append(mark);
      return cut;
    }
  }
  return std::string(text);
}

// `text` cut after kMaxExtraChars characters, saying so.
std::string Shortened(std::string_view text) {
  return CutAfter(
      text, kMaxExtraChars,
      "\xE2\x80\xA6 (shortened; the whole text is in schedules.html)");
}

std::string Headline(std::string_view name) {
  return CutAfter(name, kMaxHeadlineChars, "\xE2\x80\xA6");
}

// The organiser's extra fields of a sheet's owner, under its header: one
// "key: value" paragraph each (the value's own line breaks kept), wrapped to
// the page, continued on the sheet's next page (`new_page`) when long.
void Extras(const Config& config, const ExtraFields& extra, PdfWriter& pdf,
            const std::function<void()>& new_page) {
  const ExtraFields shown = ShownExtra(config, extra);
  if (shown.empty()) return;
  pdf.Advance(6);
  for (const auto& [key, value] : shown) {
    pdf.ResetPool();
    Rich line;
    line.Add(absl::StrCat(IsolateBidi(key), ":"), true, &kMuted)
        .Add(" ")
        .Add(IsolateBidi(Shortened(value)));
    pdf.FlowParagraph(line, kSmall, kInk, new_page);
    pdf.Advance(2);
  }
}

// ---------------------------------------------------------------------------
// What both documents need to know about the schedule.

struct Index {
  std::vector<std::vector<int>> of_attendee;  // meeting indices, time order
  std::vector<std::vector<int>> of_employer;
  std::vector<int> tables;  // per employer: pages (>= Employer::tables)
};

absl::StatusOr<Index> IndexSchedule(const Fair& fair,
                                    const Schedule& schedule) {
  Index index;
  index.of_attendee.resize(fair.num_attendees());
  index.of_employer.resize(fair.num_employers());
  index.tables.resize(fair.num_employers());
  for (int e = 0; e < fair.num_employers(); ++e) {
    index.tables[e] = std::max(fair.employers[e].tables, 1);
  }
  for (std::size_t i = 0; i < schedule.meetings.size(); ++i) {
    const Meeting& m = schedule.meetings[i];
    if (m.slot < 0 || m.slot >= fair.num_slots() || m.employer < 0 ||
        m.employer >= fair.num_employers() || m.table < 1) {
      return absl::InvalidArgumentError(
          absl::StrCat("meeting ", i,
                       " refers to a slot, employer or table that does not "
                       "exist"));
    }
    // A table past `tables` is invalid (check/ reports it) but must still
    // be printed rather than vanish, as in schedules.html.
    index.tables[m.employer] = std::max(index.tables[m.employer], m.table);
    index.of_employer[m.employer].push_back(static_cast<int>(i));
    for (int a : m.attendees) {
      if (a < 0 || a >= fair.num_attendees()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "meeting ", i, " refers to attendee ", a, " that does not exist"));
      }
      index.of_attendee[a].push_back(static_cast<int>(i));
    }
  }
  return index;
}

// ---------------------------------------------------------------------------
// attendees.pdf

class AttendeeSheets {
 public:
  AttendeeSheets(const Fair& fair, const Compatibility& compat,
                 const Schedule& schedule, const Index& index,
                 const PeopleView& people, PdfWriter& pdf)
      : fair_(fair),
        compat_(compat),
        schedule_(schedule),
        index_(index),
        people_(people),
        pdf_(pdf) {}

  void Render() {
    if (fair_.attendees.empty()) {
      pdf_.BeginPage(false, fair_.event.name);
      pdf_.Paragraph("This fair has no attendees.", kBody, kMuted);
      pdf_.EndPage();
      return;
    }
    bool any = false;
    for (int a : people_.attendees()) {
      if (!pdf_.ok()) return;
      if (only_ != nullptr && !(*only_)[a]) continue;
      Sheet(a);
      any = true;
    }
    if (!any) {
      pdf_.BeginPage(false, fair_.event.name);
      pdf_.Paragraph("No attendee's day changed.", kBody, kMuted);
      pdf_.EndPage();
    }
  }

  // Only the attendees marked in `only` (by index), e.g. those whose day
  // changed in a rerun; null: everyone.
  void Only(const std::vector<char>* only) { only_ = only; }

 private:
  static constexpr double kTimeColumn = 74;

  void Sheet(int a) {
    const Attendee& attendee = fair_.attendees[a];
    const std::vector<int>& mine = index_.of_attendee[a];
    pdf_.ResetPool();
    const std::string& name = people_.AttendeeName(a);
    pdf_.BeginPage(false, Footer(a));
    pdf_.Bookmark(name);
    pdf_.Paragraph(
        Upper(mine.empty() ? "Your day at the fair" : "Your conversations"),
        kLabel, kMuted, LayOptions{.letter_spacing = 0.8}, true);
    pdf_.Advance(2);
    const auto continue_page = [&] { ContinuePage(a); };
    pdf_.FlowParagraph(IsolateBidi(name), kTitle, kInk, continue_page);
    pdf_.Advance(2);
    std::vector<std::string> meta;
    if (!attendee.program.empty()) meta.push_back(attendee.program);
    if (!attendee.email.empty()) meta.push_back(attendee.email);
    meta.push_back(attendee.id);
    pdf_.FlowParagraph(JoinIsolated(meta, kDot), kBody, kMuted, continue_page);
    Extras(fair_.config, attendee.extra, pdf_, continue_page);
    pdf_.Advance(14);
    // The notice or the column heads need room of their own.
    if (!pdf_.Fits(kHeadRoom)) ContinuePage(a);

    if (mine.empty()) {
      NoConversation(a);
    } else {
      pdf_.Paragraph(
          absl::StrCat(
              mine.size() == 1 ? "One conversation"
                               : absl::StrCat(mine.size(), " conversations"),
              ", in time order. Please be at the booth a few minutes early; "
              "the talking points are what you have in common."),
          kSmall, kMuted, {}, true);
      pdf_.Advance(10);
      ColumnHead("Time", "Conversation");
      for (int i : mine) {
        ConversationRow(a, schedule_.meetings[i]);
        if (!pdf_.ok()) return;
      }
    }
    pdf_.EndPage();
  }

  void ColumnHead(std::string_view first, std::string_view second) {
    LayOptions spaced{.letter_spacing = 0.6};
    Block t = pdf_.LayOnce(Upper(first), kLabel, kTimeColumn, kMuted, spaced);
    Block c = pdf_.LayOnce(Upper(second), kLabel, pdf_.width() - kTimeColumn,
                           kMuted, spaced);
    pdf_.Draw(t, pdf_.left(), pdf_.y());
    pdf_.Draw(c, pdf_.left() + kTimeColumn, pdf_.y());
    pdf_.Advance(t.height + 3);
    pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), kNavy, 0.9);
    pdf_.Advance(kGap + 2);
  }

  // The footer of attendee a's pages: name and id.
  std::string Footer(int a) const {
    return absl::StrCat(IsolateBidi(people_.AttendeeName(a)), kDot,
                        IsolateBidi(fair_.attendees[a].id));
  }

  // A new page for the rest of this attendee's sheet.
  void ContinuePage(int a) {
    pdf_.EndPage();
    pdf_.BeginPage(false, Footer(a));
    pdf_.Paragraph(absl::StrCat(IsolateBidi(Headline(people_.AttendeeName(a))),
                                " (continued)"),
                   kHeading, kInk);
    pdf_.Advance(10);
  }

  // The same, with the column heads of the table that goes on.
  void Continue(int a, std::string_view first, std::string_view second) {
    ContinuePage(a);
    ColumnHead(first, second);
  }

  // One row: time on the left; employer, where and with whom, and the
  // talking points on the right, as one layout.
  void ConversationRow(int a, const Meeting& m) {
    const Employer& employer = fair_.employers[m.employer];
    const double body_w = pdf_.width() - kTimeColumn;
    pdf_.ResetPool();
    Block time = pdf_.LayOnce(ClockRange(fair_.slots[m.slot]), kBodyBold,
                              kTimeColumn - 8, kInk);
    Rich text;
    text.Sized(IsolateBidi(people_.EmployerName(m.employer)),
               kFontSpecs[kHeading].size, true)
        .Gap(2);
    if (!employer.booth.empty()) {
      text.Add("Booth ", false, &kMuted)
          .Add(IsolateBidi(employer.booth), true)
          .Add(kDot, false, &kMuted);
    }
    text.Add("Table ", false, &kMuted)
        .Add(std::to_string(m.table), true)
        .Add(kDot, false, &kMuted);
    if (m.attendees.size() <= 1) {
      text.Add("one-to-one", false, &kMuted);
    } else {
      std::vector<std::string> others;
      for (int other : m.attendees) {
        if (other != a) others.push_back(people_.AttendeeName(other));
      }
      text.Add("with ", false, &kMuted).Add(JoinIsolated(others, ", "));
    }
    text.Gap(4);
    AddTalkingPoints(MakeTalkingPoints(fair_, a, m.employer), false, &text);
    Block body = pdf_.Lay(text, kSmall, body_w, kInk);

    const double height = std::max(time.height + 1.5, body.height) + 2 * kGap;
    pdf_.DrawRow({{time, pdf_.left(), 1.5}, {body, pdf_.left() + kTimeColumn}},
                 height, height - kGap,
                 [&] { Continue(a, "Time", "Conversation"); });
    pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), kRule, 0.5);
    pdf_.Advance(kGap + 2);
  }

  // The page of an attendee the plan left out: say so plainly, apologise,
  // and point to the booths that suit them best.
  void NoConversation(int a) {
    const std::vector<int> candidates = OpenBooths(fair_, compat_, a);

    // The notice: a washed box with a navy bar, like schedules.html.
    const double pad = 12;
    Rich notice;
    notice
        .Add(
            "We could not fit a scheduled conversation for you this time, "
            "and we are sorry.",
            true)
        .Newline()
        .Add(
            "You are warmly welcome all day: every booth is open to "
            "visitors, and the reps are glad to talk.");
    if (!candidates.empty()) {
      notice.Add(
          " These employers match you best, so they are a good place to "
          "start.");
    }
    Block text = pdf_.Lay(notice, kBody, pdf_.width() - 2 * pad - 3, kInk,
                          LayOptions{.spacing = 4});
    const double box = text.height + 2 * pad;
    pdf_.Fill(pdf_.left(), pdf_.y(), pdf_.width(), box, kWash);
    pdf_.Fill(pdf_.left(), pdf_.y(), 3, box, kNavy);
    pdf_.Draw(text, pdf_.left() + 3 + pad, pdf_.y() + pad);
    pdf_.Advance(box + 18);
    if (candidates.empty()) return;

    pdf_.Paragraph("Open booths worth a visit", kHeading, kNavy);
    pdf_.Advance(8);
    ColumnHead("Booth", "Employer");
    const double body_w = pdf_.width() - kTimeColumn;
    for (int e : candidates) {
      const Employer& employer = fair_.employers[e];
      pdf_.ResetPool();
      Block booth = pdf_.LayOnce(
          employer.booth.empty() ? "\xE2\x80\x93" : IsolateBidi(employer.booth),
          kBodyBold, kTimeColumn - 8, kInk);
      Rich line;
      line.Sized(IsolateBidi(people_.EmployerName(e)),
                 kFontSpecs[kHeading].size, true)
          .Gap(4);
      AddTalkingPoints(MakeTalkingPoints(fair_, a, e), false, &line);
      Block body = pdf_.Lay(line, kSmall, body_w, kInk);
      const double height =
          std::max(booth.height + 1.5, body.height) + 2 * kGap;
      pdf_.DrawRow(
          {{booth, pdf_.left(), 1.5}, {body, pdf_.left() + kTimeColumn}},
          height, height - kGap, [&] { Continue(a, "Booth", "Employer"); });
      pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), kRule, 0.5);
      pdf_.Advance(kGap + 2);
    }
  }

  const Fair& fair_;
  const Compatibility& compat_;
  const Schedule& schedule_;
  const Index& index_;
  const PeopleView& people_;
  PdfWriter& pdf_;
  const std::vector<char>* only_ = nullptr;
};

// ---------------------------------------------------------------------------
// Alternates: who could step in at (employer, slot).

class Alternates {
 public:
  // Precomputes, per employer, the best-scoring attendees who could be
  // added to one of its conversations at all (eligible, not meeting it
  // already), streaming the score matrix in blocks: the
  // whole A x E matrix is never held. Only the `keep_` best per employer are
  // kept; Best() rescans one employer exactly when that is not enough.
  Alternates(const Fair& fair, const Compatibility& compat,
             const Schedule& schedule, const Index& index)
      : fair_(fair),
        compat_(compat),
        schedule_(schedule),
        index_(index),
        busy_(static_cast<std::size_t>(fair.num_attendees()) * fair.num_slots(),
              0),
        best_(fair.num_employers()),
        truncated_(fair.num_employers(), 0),
        exact_(fair.num_employers(), 0) {
    const int slots = fair.num_slots();
    for (const Meeting& m : schedule.meetings) {
      for (int a : m.attendees) {
        busy_[static_cast<std::size_t>(a) * slots + m.slot] = 1;
      }
    }
    ForEachScoreBlock(compat, /*threads=*/1,
                      [&](int begin, int end, const ScoreMatrix& block) {
                        for (int a = begin; a < end; ++a) {
                          for (int e = 0; e < fair.num_employers(); ++e) {
                            float score = block(a - begin, e);
                            if (!compat.Eligible(a, e, score) || Meets(a, e))
                              continue;
                            Push(e, score, a);
                          }
                        }
                      });
    for (std::vector<Entry>& list : best_) {
      std::sort(list.begin(), list.end(), Better);
    }
  }

  // Up to `n` alternates for (e, s), skipping the first `skip` (the ones
  // shown on earlier tables), best first.
  std::vector<int> Best(int e, int s, int skip, int n) {
    std::vector<int> out;
    int seen = 0;
    auto scan = [&](const std::vector<Entry>& list) {
      out.clear();
      seen = 0;
      for (const Entry& entry : list) {
        int a = entry.second;
        if (busy_[static_cast<std::size_t>(a) * fair_.num_slots() + s] ||
            !fair_.AttendeeAvailable(a, s)) {
          continue;
        }
        if (seen++ < skip) continue;
        out.push_back(a);
        if (static_cast<int>(out.size()) == n) return;
      }
    };
    scan(best_[e]);
    if (static_cast<int>(out.size()) < n && truncated_[e] && !exact_[e]) {
      Rescan(e);
      scan(best_[e]);
    }
    return out;
  }

 private:
  // (score, attendee); better = higher score, then lower index.
  using Entry = std::pair<float, int>;
  static bool Better(const Entry& x, const Entry& y) {
    if (x.first != y.first) return x.first > y.first;
    return x.second < y.second;
  }

  std::size_t Keep(int e) const {
    return static_cast<std::size_t>(3 * index_.tables[e] + 29);
  }

  bool Meets(int a, int e) const {
    for (int i : index_.of_attendee[a]) {
      if (schedule_.meetings[i].employer == e) return true;
    }
    return false;
  }

  // Keeps the Keep(e) best entries as a heap whose top is the worst.
  void Push(int e, float score, int a) {
    std::vector<Entry>& heap = best_[e];
    Entry entry{score, a};
    if (heap.size() < Keep(e)) {
      heap.push_back(entry);
      std::push_heap(heap.begin(), heap.end(), Better);
      return;
    }
    truncated_[e] = 1;
    if (!Better(entry, heap.front())) return;
    std::pop_heap(heap.begin(), heap.end(), Better);
    heap.back() = entry;
    std::push_heap(heap.begin(), heap.end(), Better);
  }

  // Every possible alternate of `e`, from exact pair scores (the same bits
  // as ScoreBlock's).
  void Rescan(int e) {
    std::vector<Entry>& list = best_[e];
    list.clear();
    for (int a = 0; a < fair_.num_attendees(); ++a) {
      if (Meets(a, e)) continue;
      float score = compat_.Pair(a, e).score;
      if (compat_.Eligible(a, e, score)) list.push_back({score, a});
    }
    std::sort(list.begin(), list.end(), Better);
    exact_[e] = 1;
  }

  const Fair& fair_;
  const Compatibility& compat_;
  const Schedule& schedule_;
  const Index& index_;
  std::vector<std::uint8_t> busy_;  // [a * slots + s]
  std::vector<std::vector<Entry>> best_;
  std::vector<std::uint8_t> truncated_;
  std::vector<std::uint8_t> exact_;
};

// ---------------------------------------------------------------------------
// employers.pdf

class EmployerSheets {
 public:
  EmployerSheets(const Fair& fair, const Compatibility& compat,
                 const Schedule& schedule, const Index& index,
                 const PeopleView& people, PdfWriter& pdf)
      : fair_(fair),
        schedule_(schedule),
        index_(index),
        people_(people),
        pdf_(pdf),
        alternates_(fair, compat, schedule, index),
        cells_(fair.num_employers()) {
    const int slots = fair.num_slots();
    for (int e = 0; e < fair.num_employers(); ++e) {
      cells_[e].assign(static_cast<std::size_t>(index.tables[e]) * slots, -1);
      for (int i : index.of_employer[e]) {
        const Meeting& m = schedule.meetings[i];
        cells_[e][static_cast<std::size_t>(m.table - 1) * slots + m.slot] = i;
      }
    }
  }

  void Render() {
    bool any = false;
    for (int e : people_.employers()) {
      if (only_ != nullptr && !(*only_)[e]) continue;
      for (int t = 1; t <= index_.tables[e]; ++t) {
        if (!pdf_.ok()) return;
        TableSheet(e, t);
        any = true;
      }
    }
    if (only_ == nullptr) {
      if (pdf_.ok()) MasterGrid();
    } else if (!any && pdf_.ok()) {
      pdf_.BeginPage(false, fair_.event.name);
      pdf_.Paragraph("No employer's roster changed.", kBody, kMuted);
      pdf_.EndPage();
    }
  }

  // Only the employers marked in `only` (by index), without the master
  // grid; null: every employer and the grid.
  void Only(const std::vector<char>* only) { only_ = only; }

 private:
  static constexpr double kTimeColumn = 64;
  static constexpr double kAlternatesColumn = 150;
  static constexpr int kAlternates = 3;

  int Cell(int e, int t, int s) const {
    return cells_[e][static_cast<std::size_t>(t - 1) * fair_.num_slots() + s];
  }

  std::string Footer(int e, int t) const {
    return absl::StrCat(IsolateBidi(people_.EmployerName(e)), kDot, "Table ", t,
                        " of ", index_.tables[e]);
  }

  void TableSheet(int e, int t) {
    const Employer& employer = fair_.employers[e];
    const std::vector<int>& mine = index_.of_employer[e];
    int places = 0;
    for (int i : mine) {
      places += static_cast<int>(schedule_.meetings[i].attendees.size());
    }
    pdf_.ResetPool();
    pdf_.BeginPage(false, Footer(e, t));
    if (t == 1) employer_bookmark_ = pdf_.Bookmark(people_.EmployerName(e));
    pdf_.Bookmark(absl::StrCat("Table ", t), employer_bookmark_);
    pdf_.Paragraph(Upper(absl::StrCat("Employer roster", kDot, "Table ", t,
                                      " of ", index_.tables[e])),
                   kLabel, kMuted, LayOptions{.letter_spacing = 0.8}, true);
    pdf_.Advance(2);
    const auto continue_page = [&] { ContinuePage(e, t); };
    pdf_.FlowParagraph(IsolateBidi(people_.EmployerName(e)), kTitle, kInk,
                       continue_page);
    pdf_.Advance(2);
    std::vector<std::string> meta;
    if (!employer.booth.empty()) {
      meta.push_back("Booth " + IsolateBidi(employer.booth));
    }
    meta.push_back(absl::StrCat(employer.tables,
                                employer.tables == 1 ? " table" : " tables"));
    meta.push_back(
        absl::StrCat("up to ", fair_.GroupSize(e), " per conversation"));
    meta.push_back(absl::StrCat(
        mine.size(), mine.size() == 1 ? " conversation, " : " conversations, ",
        places, places == 1 ? " attendee" : " attendees"));
    pdf_.FlowParagraph(Join(meta, kDot), kBody, kMuted, continue_page);
    Extras(fair_.config, employer.extra, pdf_, continue_page);
    pdf_.Advance(8);
    if (!pdf_.Fits(kHeadRoom)) ContinuePage(e, t);
    pdf_.Paragraph(
        "Alternates are attendees who are free at that time, suit you and "
        "are not meeting you yet: ask one of them if someone does not show.",
        kSmall, kMuted, {}, true);
    pdf_.Advance(12);
    RosterHead();

    const int slots = fair_.num_slots();
    for (int s = 0; s < slots && pdf_.ok(); ++s) {
      const Slot& slot = fair_.slots[s];
      if (fair_.RestBefore(s)) {
        BreakRow(e, t,
                 FormatClock(fair_.slots[s - 1].end) + std::string(kEnDash) +
                     FormatClock(slot.start));
      }
      SlotRow(e, t, s);
    }
    pdf_.EndPage();
  }

  void RosterHead() {
    LayOptions spaced{.letter_spacing = 0.6};
    const double conv_w = pdf_.width() - kTimeColumn - kAlternatesColumn;
    Block a = pdf_.LayOnce("TIME", kLabel, kTimeColumn, kMuted, spaced);
    Block b = pdf_.LayOnce("CONVERSATION", kLabel, conv_w, kMuted, spaced);
    Block c =
        pdf_.LayOnce("ALTERNATES", kLabel, kAlternatesColumn, kMuted, spaced);
    pdf_.Draw(a, pdf_.left(), pdf_.y());
    pdf_.Draw(b, pdf_.left() + kTimeColumn, pdf_.y());
    pdf_.Draw(c, pdf_.right() - kAlternatesColumn, pdf_.y());
    pdf_.Advance(a.height + 3);
    pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), kNavy, 0.9);
    pdf_.Advance(kGap);
  }

  // A new page for the rest of table t's roster.
  void ContinuePage(int e, int t) {
    pdf_.EndPage();
    pdf_.BeginPage(false, Footer(e, t));
    pdf_.Paragraph(absl::StrCat(IsolateBidi(Headline(people_.EmployerName(e))),
                                kDot, "Table ", t, " (continued)"),
                   kHeading, kInk);
    pdf_.Advance(10);
  }

  // The same, with the column heads of the roster.
  void Continue(int e, int t) {
    ContinuePage(e, t);
    RosterHead();
  }

  void BreakRow(int e, int t, const std::string& when) {
    pdf_.ResetPool();
    Block time = pdf_.LayOnce(when, kSmall, kTimeColumn - 6, kMuted);
    Block label = pdf_.LayOnce("Break", kSmall, 100, kMuted);
    const double height = time.height + 6;
    if (!pdf_.Fits(height + 4)) Continue(e, t);
    pdf_.Fill(pdf_.left(), pdf_.y() - kGap + 2, pdf_.width(), height, kWash);
    pdf_.Draw(time, pdf_.left() + 2, pdf_.y() - kGap + 5);
    pdf_.Draw(label, pdf_.left() + kTimeColumn, pdf_.y() - kGap + 5);
    pdf_.Advance(height);
  }

  void SlotRow(int e, int t, int s) {
    const double conv_x = pdf_.left() + kTimeColumn;
    const double conv_w = pdf_.width() - kTimeColumn - kAlternatesColumn - 12;
    pdf_.ResetPool();
    Block time = pdf_.LayOnce(ClockRange(fair_.slots[s]), kBodyBold,
                              kTimeColumn - 6, kInk);
    std::vector<Block> people;  // one layout per attendee
    Block status;
    Block alternates;
    int i = Cell(e, t, s);
    if (i >= 0) {
      for (int a : schedule_.meetings[i].attendees) {
        const Attendee& attendee = fair_.attendees[a];
        Rich who;
        who.Sized(IsolateBidi(people_.AttendeeNameBesideProgramme(a)),
                  kFontSpecs[kBody].size, true);
        if (!attendee.program.empty()) {
          who.Add(kDot, false, &kFaint)
              .Add(IsolateBidi(attendee.program), false, &kMuted);
        }
        who.Gap(1.5);
        AddTalkingPoints(MakeTalkingPoints(fair_, a, e), true, &who);
        people.push_back(pdf_.Lay(who, kSmall, conv_w, kInk));
      }
    } else {
      bool open = fair_.EmployerAvailable(e, s);
      Rich text;
      text.Add(open ? "free" : "unavailable", false, nullptr, true);
      status = pdf_.Lay(text, kBody, conv_w, kFaint);  // (italic: not cached)
    }
    if (fair_.EmployerAvailable(e, s)) {
      std::vector<int> alts =
          alternates_.Best(e, s, (t - 1) * kAlternates, kAlternates);
      Rich text;
      for (std::size_t k = 0; k < alts.size(); ++k) {
        const Attendee& attendee = fair_.attendees[alts[k]];
        if (k > 0) text.Newline();
        text.Add(IsolateBidi(
                     ValidUtf8(people_.AttendeeNameBesideProgramme(alts[k]))),
                 true, &kInk);
        if (!attendee.program.empty()) {
          text.Newline().Add(IsolateBidi(attendee.program));
        }
      }
      if (alts.empty()) text.Add("none", false, &kFaint, true);
      alternates = pdf_.Lay(text, kTiny, kAlternatesColumn, kMuted,
                            LayOptions{.spacing = 0.5});
    }

    double conv_h = status.height;
    for (std::size_t k = 0; k < people.size(); ++k) {
      conv_h += people[k].height + (k + 1 < people.size() ? 7 : 0);
    }
    const double height =
        std::max({time.height, conv_h, alternates.height}) + 2 * kGap;
    std::vector<PdfWriter::RowPiece> pieces = {{time, pdf_.left(), 0.5}};
    if (!status.empty()) pieces.push_back({status, conv_x});
    double y = 0;
    for (std::size_t k = 0; k < people.size(); ++k) {
      pieces.push_back({people[k], conv_x, y});
      y += people[k].height;
      if (k + 1 < people.size()) {
        pieces.push_back({Block{}, conv_x, y + 3.5, conv_x + conv_w});
        y += 7;
      }
    }
    if (!alternates.empty()) {
      pieces.push_back({alternates, pdf_.right() - kAlternatesColumn, 1});
    }
    pdf_.DrawRow(pieces, height, height - kGap, [&] { Continue(e, t); });
    pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), kRule, 0.5);
    pdf_.Advance(kGap);
  }

  // The organiser desk's view: every table (rows, by employer name) against
  // a run of slots (columns) per landscape page, as many slots as fit.
  void MasterGrid() {
    constexpr double kRowHead = 132;
    constexpr double kMinColumn = 92;
    const int slots = fair_.num_slots();
    pdf_.BeginPage(true, "Master grid");
    const double avail = pdf_.width() - kRowHead;
    int per_page = std::max(1, static_cast<int>(avail / kMinColumn));
    int chunks = std::max(1, (slots + per_page - 1) / std::max(per_page, 1));
    per_page = slots == 0 ? 0 : (slots + chunks - 1) / chunks;
    bool first_page = true;
    pdf_.Bookmark("Master grid");
    for (int c = 0; c < chunks && pdf_.ok(); ++c) {
      int s0 = c * per_page;
      int s1 = std::min(slots, s0 + per_page);
      if (!first_page) {
        pdf_.EndPage();
        pdf_.BeginPage(true, "Master grid");
      }
      first_page = false;
      GridHead(s0, s1, false);
      for (int e : people_.employers()) {
        for (int t = 1; t <= index_.tables[e] && pdf_.ok(); ++t) {
          GridRow(e, t, s0, s1);
        }
      }
      if (fair_.employers.empty()) {
        pdf_.Paragraph("This fair has no employers.", kBody, kMuted);
      }
    }
    pdf_.EndPage();
  }

  std::string SlotRun(int s0, int s1) const {
    if (s0 >= s1) return "no slots";
    return absl::StrCat(FormatClock(fair_.slots[s0].start), kEnDash,
                        FormatClock(fair_.slots[s1 - 1].end));
  }

  void GridHead(int s0, int s1, bool continued) {
    constexpr double kRowHead = 132;
    if (!continued) {
      pdf_.Paragraph(Upper(absl::StrCat("Organiser desk", kDot, "Master grid")),
                     kLabel, kMuted, LayOptions{.letter_spacing = 0.8}, true);
      pdf_.Advance(2);
    }
    pdf_.Paragraph(absl::StrCat("All tables, ", SlotRun(s0, s1),
                                continued ? " (continued)" : ""),
                   kHeading, kInk);
    pdf_.Advance(8);
    const double col = (pdf_.width() - kRowHead) / std::max(1, s1 - s0);
    LayOptions spaced{.letter_spacing = 0.4};
    Block head =
        pdf_.LayOnce("EMPLOYER / TABLE", kLabel, kRowHead - 6, kMuted, spaced);
    pdf_.Draw(head, pdf_.left(), pdf_.y());
    double h = head.height;
    for (int s = s0; s < s1; ++s) {
      Block b =
          pdf_.LayOnce(ClockRange(fair_.slots[s]), kSmallBold, col - 6, kInk);
      pdf_.Draw(b, pdf_.left() + kRowHead + (s - s0) * col + 3, pdf_.y() - 1);
      h = std::max(h, b.height - 1);
    }
    pdf_.Advance(h + 3);
    pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), kNavy, 0.9);
    grid_s0_ = s0;
    grid_s1_ = s1;
  }

  void GridRow(int e, int t, int s0, int s1) {
    constexpr double kRowHead = 132;
    constexpr double kPad = 3;
    const Employer& employer = fair_.employers[e];
    const double col = (pdf_.width() - kRowHead) / std::max(1, s1 - s0);
    pdf_.ResetPool();
    Rich head;
    head.Add(IsolateBidi(people_.EmployerName(e)), true, &kInk).Newline();
    head.Add(employer.booth.empty()
                 ? std::string()
                 : absl::StrCat("Booth ", IsolateBidi(employer.booth), kDot));
    head.Add(absl::StrCat("table ", t));
    Block row_head =
        pdf_.Lay(head, kTiny, kRowHead - 2 * kPad, kMuted, {.one_line = true});
    std::vector<Block> cells;
    double h = row_head.height;
    for (int s = s0; s < s1; ++s) {
      int i = Cell(e, t, s);
      Rich text;
      if (i >= 0) {
        const std::vector<int>& group = schedule_.meetings[i].attendees;
        for (std::size_t k = 0; k < group.size(); ++k) {
          if (k > 0) text.Newline();
          text.Add(IsolateBidi(people_.AttendeeName(group[k])));
        }
        cells.push_back(
            pdf_.Lay(text, kTiny, col - 2 * kPad, kInk, {.one_line = true}));
      } else if (fair_.EmployerAvailable(e, s)) {
        cells.push_back(pdf_.LayOnce("free", kTiny, col - 2 * kPad, kFaint));
      } else {
        cells.push_back(Block{});  // unavailable: grey cell
      }
      h = std::max(h, cells.back().height);
    }
    const double height = h + 2 * kPad;
    if (!pdf_.Fits(height)) {
      pdf_.EndPage();
      pdf_.BeginPage(true, "Master grid");
      GridHead(grid_s0_, grid_s1_, true);
    }
    const double y = pdf_.y();
    for (int s = s0; s < s1; ++s) {
      const double x = pdf_.left() + kRowHead + (s - s0) * col;
      const Block& cell = cells[s - s0];
      if (cell.empty()) {
        pdf_.Fill(x + 0.5, y + 0.5, col - 1, height - 1, kWash);
      } else {
        pdf_.Draw(cell, x + kPad, y + kPad);
      }
    }
    pdf_.Draw(row_head, pdf_.left(), y + kPad);
    pdf_.Advance(height);
    // A stronger rule after an employer's last table.
    bool last_table = t == index_.tables[e];
    pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), last_table ? kFaint : kRule,
              last_table ? 0.6 : 0.4);
  }

  const Fair& fair_;
  const Schedule& schedule_;
  const Index& index_;
  const PeopleView& people_;
  PdfWriter& pdf_;
  const std::vector<char>* only_ = nullptr;
  Alternates alternates_;
  // cells_[e][(table - 1) * slots + slot]: the meeting there, or -1.
  std::vector<std::vector<int>> cells_;
  int employer_bookmark_ = 0;  // the top level
  int grid_s0_ = 0;
  int grid_s1_ = 0;
};

}  // namespace

Paper PaperFromConfig(const Config& config) {
  return config.paper == "letter" ? Paper::kLetter : Paper::kA4;
}

absl::StatusOr<std::string> RenderAttendeesPdf(const Fair& fair,
                                               const Compatibility& compat,
                                               const Schedule& schedule,
                                               Paper paper,
                                               const std::vector<char>* only) {
  absl::StatusOr<Index> index = IndexSchedule(fair, schedule);
  if (!index.ok()) return index.status();
  PdfWriter pdf(
      fair, paper,
      absl::StrCat(fair.event.name, " ", kEnDash, " attendee schedules"));
  const PeopleView people(fair);
  if (pdf.ok()) {
    AttendeeSheets sheets(fair, compat, schedule, *index, people, pdf);
    sheets.Only(only);
    sheets.Render();
  }
  return pdf.Close();
}

absl::StatusOr<std::string> RenderEmployersPdf(const Fair& fair,
                                               const Compatibility& compat,
                                               const Schedule& schedule,
                                               Paper paper,
                                               const std::vector<char>* only) {
  absl::StatusOr<Index> index = IndexSchedule(fair, schedule);
  if (!index.ok()) return index.status();
  PdfWriter pdf(
      fair, paper,
      absl::StrCat(fair.event.name, " ", kEnDash, " employer rosters"));
  const PeopleView people(fair);
  if (pdf.ok()) {
    EmployerSheets sheets(fair, compat, schedule, *index, people, pdf);
    sheets.Only(only);
    sheets.Render();
  }
  return pdf.Close();
}

}  // namespace fairmatch
