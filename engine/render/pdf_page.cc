#include "engine/render/pdf_page.h"

#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/render/pdf_layout_draw.h"
#include "engine/render/pdf_text.h"

namespace fairmatch::sheets {
namespace {

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

}  // namespace

PageSize SizeOf(Paper paper, bool landscape) {
  PageSize p = paper == Paper::kLetter ? PageSize{612.0, 792.0}
                                       : PageSize{595.276, 841.890};
  if (landscape) std::swap(p.width, p.height);
  return p;
}

PdfWriter::PdfWriter(const Fair& fair, Paper paper, const std::string& title)
    : paper_(paper), doc_(std::make_unique<PdfDocument>()) {
  doc_->SetInfo(ValidUtf8(title), "fairmatch " FAIRMATCH_VERSION,
                PdfDate(fair.event));
  context_ = CreatePrintContext();
  for (int f = 0; f < kNumFonts; ++f) {
    fonts_[f] = pango_font_description_from_string(kFamilies);
    pango_font_description_set_absolute_size(fonts_[f],
                                             kFontSpecs[f].size * PANGO_SCALE);
    pango_font_description_set_weight(fonts_[f], kFontSpecs[f].weight);
  }
  words_ = std::make_unique<WordSetter>(context_, kFamilies);

  band_left_ = IsolateBidi(fair.event.name);
  std::vector<std::string> when = {fair.event.date};
  if (!fair.slots.empty()) {
    when.push_back(absl::StrCat(FormatClock(fair.slots.front().start), kEnDash,
                                FormatClock(fair.slots.back().end)));
  }
  if (!fair.event.venue.empty()) {
    when.push_back(IsolateBidi(fair.event.venue));
  }
  band_right_ = absl::StrJoin(when, kDot);
}

PdfWriter::~PdfWriter() {
  words_.reset();
  ClearCache();
  for (PangoLayout* layout : pool_) g_object_unref(layout);
  for (PangoFontDescription* font : fonts_) {
    if (font != nullptr) pango_font_description_free(font);
  }
  if (context_ != nullptr) g_object_unref(context_);
}

void PdfWriter::BeginPage(bool landscape, std::string footer) {
  if (!ok()) return;
  size_ = SizeOf(paper_, landscape);
  target().BeginPage(size_.width, size_.height);
  footer_ = std::move(footer);
  ++page_;
  DrawBand();
  y_ = body_top();
}

void PdfWriter::EndPage() {
  if (!ok()) return;
  const double foot = size_.height - kBottomMargin + 20;
  Rule(left(), right(), foot - 6, kRule, 0.5);
  Block owner =
      Lay(footer_, kTiny, width() * 0.75, kMuted, LayOptions{.one_line = true});
  Draw(owner, left(), foot);
  // A run's pages are numbered once the pages before it are counted.
  if (!in_run_) DrawPageNumber(page_);
  target().EndPage();
}

void PdfWriter::DrawPageNumber(int number) {
  const double foot = size_.height - kBottomMargin + 20;
  Block block = Lay(absl::StrCat("Page ", number), kTiny, width() * 0.2, kMuted,
                    LayOptions{.right = true});
  Draw(block, right() - width() * 0.2, foot);
}

void PdfWriter::StartRun(int run) {
  if (runs_ == nullptr) {
    runs_ = std::make_unique<PdfDocument>(PdfDocument::Mode::kRun);
  }
  runs_->BeginRun(run);
  in_run_ = true;
  page_ = 0;
}

PdfRunPages PdfWriter::EndRun(int first) {
  // A run that failed is not numbered (its error goes to the document).
  for (int k = 0; ok() && k < runs_->pages(); ++k) {
    runs_->ReopenPage(k);
    size_ = {runs_->page_width(), runs_->page_height()};
    ResetPool();
    DrawPageNumber(first + k);
    runs_->EndPage();
  }
  in_run_ = false;
  return runs_->EndRun();
}

std::unique_ptr<PdfDocument> PdfWriter::EndRuns() {
  if (runs_ != nullptr) runs_->ReleaseFonts();
  return std::move(runs_);
}

void PdfWriter::AppendRun(PdfRunPages& run) {
  page_ += static_cast<int>(run.pages.size());
  doc_->Append(run);
}

void PdfWriter::MergeFonts(PdfDocument& runs) { doc_->MergeFonts(runs); }

int PdfWriter::Bookmark(std::string_view name, int parent) {
  if (!ok()) return parent;
  return target().AddOutline(parent, ValidUtf8(name));
}

Block PdfWriter::Lay(std::string_view text, Font font, double w, Rgb color,
                     LayOptions options) {
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

Block PdfWriter::LayOnce(std::string_view text, Font font, double w, Rgb color,
                         LayOptions options) {
  std::string key = absl::StrCat(
      font, "|", w, "|", options.one_line, options.right, options.centre, "|",
      options.letter_spacing, "|", options.spacing, "|");
  key.append(text);
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    PangoLayout* layout = pango_layout_new(context_);
    Configure(layout, font, w, options);
    std::string valid = ValidUtf8(text);
    pango_layout_set_text(layout, valid.data(), static_cast<int>(valid.size()));
    SetLetterSpacing(layout, options.letter_spacing);
    it = cache_.emplace(std::move(key), Finish(layout, color)).first;
  }
  Block block = it->second;
  block.color = color;
  return block;
}

Block PdfWriter::Lay(const Rich& rich, Font font, double w, Rgb color,
                     LayOptions options) {
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

void PdfWriter::Draw(const Block& block, double x, double y) {
  if (!ok() || block.empty()) return;
  if (block.set != nullptr) {
    words_->Draw(&target(), *block.set, x, y, block.color.r, block.color.g,
                 block.color.b);
    return;
  }
  DrawLayout(&target(), block.layout, x, y, block.color.r, block.color.g,
             block.color.b);
}

void PdfWriter::FlowParagraph(const Rich& rich, Font font, Rgb color,
                              const std::function<void()>& new_page) {
  if (!ok()) return;
  Flow(Lay(rich, font, width(), color), new_page);
}

void PdfWriter::FlowParagraph(std::string_view text, Font font, Rgb color,
                              const std::function<void()>& new_page) {
  if (!ok()) return;
  Flow(Lay(text, font, width(), color), new_page);
}

void PdfWriter::DrawRow(const std::vector<RowPiece>& pieces, double need,
                        double advance, const std::function<void()>& new_page) {
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

double PdfWriter::Paragraph(std::string_view text, Font font, Rgb color,
                            LayOptions options, bool once) {
  Block b = once ? LayOnce(text, font, width(), color, options)
                 : Lay(text, font, width(), color, options);
  Draw(b, left(), y_);
  y_ += b.height;
  return b.height;
}

void PdfWriter::ResetPool() {
  used_ = 0;
  sets_used_ = 0;
  if (cache_.size() > kMaxCached) ClearCache();
  if (words_->words() > kMaxWords) words_->ClearWords();
}

void PdfWriter::Rule(double x0, double x1, double y, Rgb color,
                     double line_width) {
  if (!ok()) return;
  target().StrokeLine(x0, y, x1, y, line_width, color.r, color.g, color.b);
}

void PdfWriter::Fill(double x, double y, double w, double h, Rgb color) {
  if (!ok()) return;
  target().SetFill(color.r, color.g, color.b);
  target().FillRect(x, y, w, h);
}

void PdfWriter::RoundedFill(double x, double y, double w, double h, double r,
                            Rgb color) {
  if (!ok()) return;
  target().SetFill(color.r, color.g, color.b);
  target().FillRoundedRect(x, y, w, h, r);
}

absl::StatusOr<std::string> PdfWriter::Close() {
  words_.reset();
  ClearCache();
  for (PangoLayout* layout : pool_) g_object_unref(layout);
  pool_.clear();
  return doc_->Finish();
}

void PdfWriter::Flow(const Block& block,
                     const std::function<void()>& new_page) {
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

std::vector<PdfWriter::BlockLine> PdfWriter::LinesOf(const Block& block) {
  std::vector<BlockLine> lines;
  if (block.set != nullptr) {
    for (std::size_t i = 0; i < block.set->lines.size(); ++i) {
      const SetLine& line = block.set->lines[i];
      lines.push_back(BlockLine{static_cast<double>(line.top) / PANGO_SCALE,
                                static_cast<double>(line.bottom) / PANGO_SCALE,
                                i});
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

void PdfWriter::DrawSliced(const std::vector<RowPiece>& pieces, double advance,
                           double reserve,
                           const std::function<void()>& new_page) {
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

std::size_t PdfWriter::FirstUndone(const std::vector<char>& done) {
  std::size_t k = 0;
  while (k < done.size() && done[k]) ++k;
  return k;
}

void PdfWriter::DrawItem(const RowPiece& piece, const BlockLine& line,
                         double origin) {
  const double top = origin + piece.dy;
  if (piece.rule_to > piece.x) {
    Rule(piece.x, piece.rule_to, top, kRule, 0.4);
  } else if (piece.block.set != nullptr) {
    const Rgb& c = piece.block.color;
    words_->DrawLines(&target(), *piece.block.set, line.set_line,
                      line.set_line + 1, piece.x, top, c.r, c.g, c.b);
  } else if (line.line != nullptr) {
    const Rgb& c = piece.block.color;
    DrawLayoutLine(&target(), line.line, piece.x + line.x, top + line.baseline,
                   c.r, c.g, c.b);
  }
}

PangoLayout* PdfWriter::PangoRich(const Rich& rich, Font font, double w,
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

bool PdfWriter::SetWords(const std::string& text, Font font, double w,
                         Rgb color, const LayOptions& options, Block* block) {
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

void PdfWriter::ClearCache() {
  for (auto& [key, block] : cache_) g_object_unref(block.layout);
  cache_.clear();
}

PangoLayout* PdfWriter::Prepare(Font font, double w,
                                const LayOptions& options) {
  if (used_ == pool_.size()) pool_.push_back(pango_layout_new(context_));
  PangoLayout* layout = pool_[used_++];
  Configure(layout, font, w, options);
  return layout;
}

void PdfWriter::Configure(PangoLayout* layout, Font font, double w,
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

void PdfWriter::SetLetterSpacing(PangoLayout* layout, double points) {
  if (points == 0) return;
  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(
                                    static_cast<int>(points * PANGO_SCALE)));
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
}

Block PdfWriter::Finish(PangoLayout* layout, Rgb color) {
  int w = 0;
  int h = 0;
  pango_layout_get_size(layout, &w, &h);
  return Block{layout, nullptr, static_cast<double>(h) / PANGO_SCALE, color};
}

void PdfWriter::DrawBand() {
  RoundedFill(left(), kTopMargin, width(), kBandHeight, 3, kNavy);
  const double pad = 9;
  Block right_text = LayOnce(band_right_, kBand, width() * 0.5 - pad, kWhite,
                             LayOptions{.one_line = true, .right = true});
  Block left_text = LayOnce(band_left_, kBandBold, width() * 0.5 - pad, kWhite,
                            LayOptions{.one_line = true});
  Draw(left_text, left() + pad,
       kTopMargin + (kBandHeight - left_text.height) / 2);
  Draw(right_text, left() + width() * 0.5,
       kTopMargin + (kBandHeight - right_text.height) / 2);
}

}  // namespace fairmatch::sheets
