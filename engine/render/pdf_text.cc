#include "engine/render/pdf_text.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <utility>

#include "absl/cleanup/cleanup.h"
#include "engine/render/pdf_layout_draw.h"

namespace fairmatch {
namespace {

// Decodes the code point at `text[*i]` (valid UTF-8) and advances `*i`.
std::uint32_t Next(std::string_view text, std::size_t* i) {
  const auto byte = [&](std::size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(text[k]));
  };
  std::uint32_t c = byte(*i);
  int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  c &= extra == 0 ? 0x7F : extra == 1 ? 0x1F : extra == 2 ? 0x0F : 0x07;
  for (int k = 1; k <= extra && *i + k < text.size(); ++k) {
    c = (c << 6) | (byte(*i + k) & 0x3F);
  }
  *i += 1 + extra;
  return c;
}

// Characters whose line breaking (UAX #14 as pango applies it) is "only
// after a run of spaces, or after a hyphen before a letter", and whose
// shaping needs no context beyond the word: letters of Latin, Greek and
// Cyrillic, combining marks, digits, and punctuation that never opens a
// break by itself. Everything else goes to pango.
bool Simple(std::uint32_t c) {
  if (c >= 0x20 && c < 0x7F) {
    switch (c) {
      case '/':
      case '\\':
      case '|':
      case '{':
      case '}':
      case '[':
      case ']':
      case '<':
      case '>':
      case '~':
      case '^':
      case '`':
      case '$':
        return false;
      default:
        return true;
    }
  }
  if (c == 0xA0 || c == 0xB7) return true;
  if (c >= 0xC0 && c <= 0x24F) return true;         // Latin-1, Extended-A/B
  if (c >= 0x300 && c <= 0x36F) return true;        // combining marks
  if (c >= 0x370 && c <= 0x3FF) return c != 0x37E;  // Greek
  if (c >= 0x400 && c <= 0x52F) return true;        // Cyrillic
  if (c >= 0x1E00 && c <= 0x1FFF) return true;      // Vietnamese, Greek
  return c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D;
}

// Chinese, Japanese and Korean letters: shaped without context like the
// others, but a line may break between any two of them, so a paragraph that
// holds one is set from words only when it fits its line.
bool Ideograph(std::uint32_t c) {
  return (c >= 0x3041 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3);
}

// A letter after a hyphen opens a break after the hyphen.
bool Letter(std::uint32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (c == 0xD7 || c == 0xF7) return false;
  return (c >= 0xC0 && c <= 0x24F) || (c >= 0x370 && c <= 0x3FF) ||
         (c >= 0x400 && c <= 0x482) || (c >= 0x48A && c <= 0x52F) ||
         (c >= 0x1E00 && c <= 0x1FFF);
}

// Whether a line may break between `prev` and `c` (UAX #14 as pango 1.50
// applies it to the characters Simple() admits); `before_spaces` is the last
// character before the run of spaces that `prev` ends, if it is a space.
// Checked against pango_get_log_attrs by the tests.
bool BreakBetween(std::uint32_t before_spaces, std::uint32_t prev,
                  std::uint32_t c) {
  const bool digit = c >= '0' && c <= '9';
  switch (prev) {
    case ' ':
      if (c == ' ' || c == ')' || c == '!' || c == '?' || c == ',' ||
          c == '.' || c == ':' || c == ';') {
        return false;  // LB7, LB13: never before these
      }
      if (before_spaces == '(') return false;  // LB14
      if (c == '(' && (before_spaces == '"' || before_spaces == '\'' ||
                       (before_spaces >= 0x2018 && before_spaces <= 0x201D))) {
        return false;  // LB15
      }
      return true;  // LB18
    case '-':
      return Letter(c) || c == '(';
    case '!':
    case '?':
      return Letter(c) || digit || c == '(';
    case ',':
    case '.':
    case ':':
    case ';':
      return c == '(';
    case '+':
    case '%':
      return c == '+' || c == '%';
    default:
      return false;
  }
}

// The isolates that cannot change a paragraph of the characters words set
// (Simple and Ideograph: no right-to-left letter, no other bidi control):
// U+2066 LEFT-TO-RIGHT ISOLATE, U+2068 FIRST STRONG ISOLATE (left to right
// there) and U+2069 POP DIRECTIONAL ISOLATE. Every level inside them
// resolves left to right as it would without them, and pango gives them no
// glyph and no width.
bool InertIsolate(std::uint32_t c) {
  return c == 0x2066 || c == 0x2068 || c == 0x2069;
}

// `text` and `spans` without the inert isolates of the paragraphs that hold
// nothing but word characters and them; false (outputs unspecified) when
// there are none, or the spans are out of range.
bool DropInertIsolates(std::string_view text,
                       const std::vector<TextSpan>& spans, std::string* bare,
                       std::vector<TextSpan>* bare_spans) {
  for (const TextSpan& s : spans) {
    if (s.start > s.end || s.end > text.size()) return false;
  }
  std::vector<std::uint32_t> dropped_before(text.size() + 1, 0);
  bare->clear();
  std::uint32_t dropped = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    bool inert = false;
    for (std::size_t i = start; i < end;) {
      const std::uint32_t c = Next(text, &i);
      if (InertIsolate(c)) {
        inert = true;
      } else if (!Simple(c) && !Ideograph(c)) {
        inert = false;
        break;
      }
    }
    for (std::size_t i = start; i < end;) {
      const std::size_t at = i;
      const std::uint32_t c = Next(text, &i);
      i = std::min(i, end);
      for (std::size_t k = at; k < i; ++k) dropped_before[k] = dropped;
      if (inert && InertIsolate(c)) {
        dropped += static_cast<std::uint32_t>(i - at);
      } else {
        bare->append(text.substr(at, i - at));
      }
    }
    dropped_before[end] = dropped;
    if (end == text.size()) break;
    bare->push_back('\n');
    start = end + 1;
  }
  if (dropped == 0) return false;
  *bare_spans = spans;
  for (TextSpan& s : *bare_spans) {
    s.start -= dropped_before[s.start];
    s.end -= dropped_before[s.end];
  }
  return true;
}

}  // namespace

WordSetter::WordSetter(PangoContext* context, std::string families)
    : context_(context),
      families_(std::move(families)),
      layout_(pango_layout_new(context)) {
  pango_layout_set_auto_dir(layout_, FALSE);
}

WordSetter::~WordSetter() {
  g_object_unref(layout_);
  for (PangoFontDescription* desc : descs_) pango_font_description_free(desc);
  for (PangoFont* font : fonts_) g_object_unref(font);
}

int WordSetter::StyleId(const Style& style) {
  for (std::size_t i = 0; i < styles_.size(); ++i) {
    const Style& s = styles_[i];
    if (s.size == style.size && s.weight == style.weight &&
        s.italic == style.italic) {
      return static_cast<int>(i);
    }
  }
  PangoFontDescription* desc =
      pango_font_description_from_string(families_.c_str());
  pango_font_description_set_absolute_size(desc, style.size);
  pango_font_description_set_weight(desc, style.weight);
  if (style.italic) pango_font_description_set_style(desc, PANGO_STYLE_ITALIC);
  assert(styles_.size() < (1u << 16));  // Shape() keys words by two bytes
  styles_.push_back(style);
  descs_.push_back(desc);
  empty_.push_back({-1, 0});
  return static_cast<int>(styles_.size() - 1);
}

PangoFont* WordSetter::KeepFont(PangoFont* font) {
  if (font == nullptr) return nullptr;
  if (std::find(fonts_.begin(), fonts_.end(), font) == fonts_.end()) {
    fonts_.push_back(PANGO_FONT(g_object_ref(font)));
  }
  return font;
}

WordSetter::Extents WordSetter::EmptyExtents(int style) {
  if (empty_[style].ascent < 0) {
    pango_layout_set_font_description(layout_, descs_[style]);
    pango_layout_set_text(layout_, "", 0);
    PangoRectangle logical;
    pango_layout_line_get_extents(pango_layout_get_line_readonly(layout_, 0),
                                  nullptr, &logical);
    empty_[style] = {-logical.y, logical.y + logical.height};
  }
  return empty_[style];
}

const WordSetter::Word& WordSetter::Shape(int style, std::string_view text) {
  key_.assign(1, static_cast<char>(style & 0xFF));
  key_.push_back(static_cast<char>(style >> 8));  // styles are few: < 2^16
  key_.append(text);
  auto it = words_.find(key_);
  if (it != words_.end()) return it->second;
  Word& word = words_[key_];

  // The word's items and glyphs as a layout of the word alone has them:
  // itemised from the style's font, each item shaped with the context's
  // rounding. A layout would also break lines, which a word never needs:
  // the characters that reach here (WordsCanSet) hold no line break.
  const int length = static_cast<int>(text.size());
  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_font_desc_new(descs_[style]));
  GList* items =
      pango_itemize(context_, text.data(), 0, length, attrs, nullptr);
  pango_attr_list_unref(attrs);
  const PangoShapeFlags flags =
      pango_context_get_round_glyph_positions(context_)
          ? PANGO_SHAPE_ROUND_POSITIONS
          : PANGO_SHAPE_NONE;
  std::vector<PangoGlyphItem> runs;
  for (GList* l = items; l != nullptr; l = l->next) {
    PangoItem* item = static_cast<PangoItem*>(l->data);
    PangoGlyphString* glyphs = pango_glyph_string_new();
    pango_shape_item(item, text.data(), length, nullptr, glyphs, flags);
    runs.push_back(PangoGlyphItem{item, glyphs, 0, 0, 0});
  }
  g_list_free(items);
  const absl::Cleanup free_runs = [&runs] {
    for (PangoGlyphItem& run : runs) {
      pango_glyph_string_free(run.glyphs);
      pango_item_free(run.item);
    }
  };

  std::size_t spaces = 0;
  while (spaces < text.size() && text[text.size() - 1 - spaces] == ' ') {
    ++spaces;
  }
  const int trailing_from = static_cast<int>(text.size() - spaces);
  bool trailing_found = false;
  int pen = 0;
  for (PangoGlyphItem& glyph_item : runs) {
    PangoGlyphItem* run = &glyph_item;  // as pango's own iterators take it
    if (run->item->analysis.level % 2 != 0) return word;  // right to left
    // The run's extents, not the word's line: alone, a word that starts
    // in a CJK font has its later runs moved to that font's baseline
    // (run->y_offset), which they are not in a line that starts in Latin.
    PangoRectangle logical;
    pango_glyph_string_extents(run->glyphs, run->item->analysis.font, nullptr,
                               &logical);
    word.ascent = std::max(word.ascent, -logical.y);
    word.descent = std::max(word.descent, logical.y + logical.height);
    Piece piece;
    piece.font = KeepFont(run->item->analysis.font);
    if (piece.font == nullptr) return word;
    piece.utf8.assign(text.substr(run->item->offset, run->item->length));
    PangoGlyphString* glyphs = run->glyphs;
    int x = pen;
    for (int g = 0; g < glyphs->num_glyphs; ++g) {
      const PangoGlyphInfo& info = glyphs->glyphs[g];
      if (info.glyph == PANGO_GLYPH_EMPTY ||
          (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0) {
        return word;  // pango draws these specially (or not at all)
      }
      piece.glyphs.push_back(SetGlyph{info.glyph, x + info.geometry.x_offset,
                                      info.geometry.y_offset});
      x += info.geometry.width;
    }
    PangoGlyphItemIter iter;
    int cluster_pen = pen;
    for (gboolean more =
             pango_glyph_item_iter_init_start(&iter, run, text.data());
         more; more = pango_glyph_item_iter_next_cluster(&iter)) {
      if (iter.end_glyph < iter.start_glyph) return word;
      if (!trailing_found && iter.start_index >= trailing_from) {
        trailing_found = true;
        word.trailing = -cluster_pen;  // completed below
      }
      for (int g = iter.start_glyph; g < iter.end_glyph; ++g) {
        cluster_pen += glyphs->glyphs[g].geometry.width;
      }
      piece.clusters.push_back(TextCluster{iter.end_index - iter.start_index,
                                           iter.end_glyph - iter.start_glyph});
    }
    pen = x;
    word.pieces.push_back(std::move(piece));
  }
  word.width = pen;
  word.trailing = trailing_found ? word.trailing + pen : 0;
  word.ok = !word.pieces.empty();
  return word;
}

namespace {

// The index of the span covering byte `at` of the text, or -1.
// REQUIRES: `spans` sorted and disjoint.
int SpanAt(const std::vector<TextSpan>& spans, std::size_t at) {
  auto it = std::upper_bound(
      spans.begin(), spans.end(), at,
      [](std::size_t x, const TextSpan& s) { return x < s.start; });
  if (it == spans.begin()) return -1;
  --it;
  return at < it->end ? static_cast<int>(it - spans.begin()) : -1;
}

bool SortedAndDisjoint(std::string_view text,
                       const std::vector<TextSpan>& spans) {
  for (std::size_t k = 0; k < spans.size(); ++k) {
    if (spans[k].start > spans[k].end || spans[k].end > text.size() ||
        (k > 0 && spans[k].start < spans[k - 1].end)) {
      return false;
    }
  }
  return true;
}

// Whether words can set `paragraph` as pango would; sets `must_fit` when
// every unit must fit its line (a break between ideographs is pango's).
bool WordsCanSet(std::string_view paragraph, bool* must_fit) {
  // Pango 1.50 aligns a line's runs to the baseline of its first run's
  // font (OpenType BASE): after a CJK font, Latin text and spaces move
  // up. A line that starts in a Latin font moves nothing, nor does one
  // that is all ideographs.
  bool ideographs_only = false;
  for (std::size_t i = 0; i < paragraph.size();) {
    const bool first = i == 0;
    std::uint32_t c = Next(paragraph, &i);
    if (Ideograph(c)) {
      *must_fit = true;
      if (first) ideographs_only = true;
    } else if (ideographs_only || !Simple(c)) {
      return false;
    }
  }
  // Pango wraps runs of spaces and spaces at a paragraph's end in ways
  // of its own; the sheets have none.
  return paragraph.find("  ") == std::string_view::npos &&
         paragraph.back() != ' ';
}

// The end of the unit of text[u0, end) that starts at u0: up to the next
// break opportunity.
std::size_t UnitEnd(std::string_view text, std::size_t u0, std::size_t end) {
  std::size_t u1 = u0;
  std::uint32_t prev = 0;
  std::uint32_t before_spaces = 0;
  while (u1 < end) {
    std::size_t at = u1;
    std::uint32_t c = Next(text, &at);
    if (u1 > u0 && BreakBetween(before_spaces, prev, c)) break;
    if (c != ' ') before_spaces = c;
    prev = c;
    u1 = at;
  }
  return u1;
}

}  // namespace

// One paragraph set from shaped words, unit by unit into lines, as pango
// would break and align them.
class WordSetter::ParagraphSetter {
 public:
  struct Placed {
    const Word* word;
    const TextSpan* span;
  };
  struct Look {
    const std::vector<TextSpan>& spans;
    const std::vector<int>& span_style;  // style id per span
    int base;                            // style id outside spans
    int width;
    TextAlign align;
  };

  ParagraphSetter(WordSetter& setter, const Look& look,
                  std::vector<Placed>& unit, SetText* out,
                  std::vector<Extents>* extents)
      : setter_(setter),
        look_(look),
        unit_(unit),
        out_(out),
        extents_(extents) {}

  // Sets text[start, end) into lines of `out`; false: words cannot set it
  // as pango would (lines may then have been added).
  bool Set(std::string_view text, std::size_t start, std::size_t end,
           bool one_line) {
    bool must_fit = one_line;
    if (!WordsCanSet(text.substr(start, end - start), &must_fit)) return false;
    for (std::size_t u0 = start; u0 < end;) {
      const std::size_t u1 = UnitEnd(text, u0, end);
      int unit_width = 0;
      if (!ShapeUnit(text, u0, u1, &unit_width)) return false;
      const int trailing = TrailingSpaces();
      const int visible = unit_width - trailing;
      if (!line_empty_ && pen_ + visible > look_.width) {
        // Pango would ellipsize, or break between ideographs.
        if (must_fit) return false;
        CloseLine(true);
      }
      if (line_empty_ && visible > look_.width) return false;  // a break inside
      PlaceUnit();
      line_empty_ = false;
      last_trailing_ = trailing;
      u0 = u1;
    }
    CloseLine(false);
    return true;
  }

 private:
  // The unit text[u0, u1) shaped into unit_, one word per style.
  bool ShapeUnit(std::string_view text, std::size_t u0, std::size_t u1,
                 int* unit_width) {
    unit_.clear();
    for (std::size_t p = u0; p < u1;) {
      int k = SpanAt(look_.spans, p);
      std::size_t q = u1;
      if (k >= 0) {
        q = std::min<std::size_t>(q, look_.spans[k].end);
      } else {
        for (const TextSpan& s : look_.spans) {
          if (s.start > p && s.start < q) q = s.start;
        }
      }
      const Word& word = setter_.Shape(k < 0 ? look_.base : look_.span_style[k],
                                       text.substr(p, q - p));
      if (!word.ok) return false;
      unit_.push_back({&word, k < 0 ? nullptr : &look_.spans[k]});
      *unit_width += word.width;
      p = q;
    }
    return true;
  }

  // The width of the unit's trailing spaces.
  int TrailingSpaces() const {
    int trailing = 0;
    for (std::size_t k = unit_.size(); k-- > 0;) {
      const Word& w = *unit_[k].word;
      trailing += w.trailing;
      if (w.trailing != w.width) break;
    }
    return trailing;
  }

  // Appends the unit's pieces to the line at the pen, joining runs of one
  // font and colour.
  void PlaceUnit() {
    for (const Placed& placed : unit_) {
      const Word& w = *placed.word;
      const TextSpan* s = placed.span;
      const bool has_color = s != nullptr && s->has_color;
      for (const Piece& piece : w.pieces) {
        bool same = !line_.runs.empty() &&
                    line_.runs.back().font == piece.font &&
                    line_.runs.back().has_color == has_color &&
                    (!has_color || (line_.runs.back().r == s->r &&
                                    line_.runs.back().g == s->g &&
                                    line_.runs.back().b == s->b));
        if (!same) {
          line_.runs.emplace_back();
          SetRun& run = line_.runs.back();
          run.font = piece.font;
          run.has_color = has_color;
          if (has_color) {
            run.r = s->r;
            run.g = s->g;
            run.b = s->b;
          }
        }
        SetRun& run = line_.runs.back();
        run.utf8.append(piece.utf8);
        for (const SetGlyph& g : piece.glyphs) {
          run.glyphs.push_back({g.index, g.x + pen_, g.y});
        }
        run.clusters.insert(run.clusters.end(), piece.clusters.begin(),
                            piece.clusters.end());
      }
      line_extents_.ascent = std::max(line_extents_.ascent, w.ascent);
      line_extents_.descent = std::max(line_extents_.descent, w.descent);
      pen_ += w.width;
    }
  }

  // Aligns the line and moves it to the output; `wrapped`: more follows.
  void CloseLine(bool wrapped) {
    int line_width = pen_;
    if (wrapped && last_trailing_ > 0 && !line_.runs.empty()) {
      // Like pango, a wrapped line's final space has no width and no
      // glyph (its byte stays, for copying).
      SetRun& run = line_.runs.back();
      if (!run.glyphs.empty() && !run.clusters.empty() &&
          run.clusters.back().num_glyphs == 1 &&
          run.clusters.back().num_bytes == 1 && run.utf8.back() == ' ') {
        run.glyphs.pop_back();
        run.clusters.back().num_glyphs = 0;
        line_width -= last_trailing_;
      }
    }
    if (look_.align == TextAlign::kRight) {
      line_.x = look_.width - line_width;
    } else if (look_.align == TextAlign::kCentre) {
      line_.x = (look_.width - line_width) / 2;
      if (((look_.width | line_width) & (PANGO_SCALE - 1)) == 0) {
        line_.x = PANGO_UNITS_ROUND(line_.x);
      }
    }
    out_->lines.push_back(std::move(line_));
    extents_->push_back(line_extents_);
    line_ = SetLine();
    line_extents_ = {0, 0};
    line_empty_ = true;
    pen_ = 0;
  }

  WordSetter& setter_;
  const Look& look_;
  std::vector<Placed>& unit_;  // the unit being set (scratch)
  SetText* out_;
  std::vector<Extents>* extents_;
  SetLine line_;  // the line being set
  Extents line_extents_{0, 0};
  bool line_empty_ = true;
  int pen_ = 0;
  int last_trailing_ = 0;  // of the line's last unit
};

bool WordSetter::Set(std::string_view text, const std::vector<TextSpan>& spans,
                     int size, PangoWeight weight, int width, int spacing,
                     TextAlign align, bool one_line, SetText* out) {
  // Isolates around left-to-right text change nothing words would set:
  // set the text without them (so, as before they were there).
  if (text.find("\xE2\x81") != std::string_view::npos) {
    std::string bare;
    std::vector<TextSpan> bare_spans;
    if (DropInertIsolates(text, spans, &bare, &bare_spans)) {
      return Set(bare, bare_spans, size, weight, width, spacing, align,
                 one_line, out);
    }
  }
  out->Clear();
  if (!SortedAndDisjoint(text, spans)) return false;
  const int base = StyleId({size, weight, false});
  std::vector<int> span_style(spans.size());
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const TextSpan& s = spans[k];
    span_style[k] = StyleId({s.size > 0 ? s.size : size,
                             s.bold ? PANGO_WEIGHT_BOLD : weight, s.italic});
  }
  const ParagraphSetter::Look look{spans, span_style, base, width, align};
  std::vector<Extents> extents;  // per line
  std::vector<ParagraphSetter::Placed> unit;
  for (std::size_t start = 0;;) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end =
        newline == std::string_view::npos ? text.size() : newline;
    if (start == end) {
      // An empty paragraph: one line as tall as the font at its start.
      int k = SpanAt(spans, start);
      extents.push_back(EmptyExtents(k < 0 ? base : span_style[k]));
      out->lines.emplace_back();
    } else {
      const std::size_t first = out->lines.size();
      ParagraphSetter paragraph(*this, look, unit, out, &extents);
      if (!paragraph.Set(text, start, end, one_line)) {
        out->lines.resize(first);
        extents.resize(first);
        LayParagraph(text, start, end, spans, base, width, spacing, align,
                     one_line, out, &extents);
      }
    }
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  StackLines(extents, spacing, out);
  return true;
}

void WordSetter::StackLines(const std::vector<Extents>& extents, int spacing,
                            SetText* out) {
  int y = 0;
  for (std::size_t i = 0; i < out->lines.size(); ++i) {
    if (i > 0) y += spacing;
    out->lines[i].top = y;
    out->lines[i].baseline = y + extents[i].ascent;
    y += extents[i].ascent + extents[i].descent;
    out->lines[i].bottom = y;
  }
  out->height = y;
}

void WordSetter::LayParagraph(std::string_view text, std::size_t start,
                              std::size_t end,
                              const std::vector<TextSpan>& spans, int base,
                              int width, int spacing, TextAlign align,
                              bool one_line, SetText* out,
                              std::vector<Extents>* extents) {
  PangoLayout* layout = pango_layout_new(context_);
  out->layouts.push_back(layout);
  pango_layout_set_font_description(layout, descs_[base]);
  pango_layout_set_width(layout, width);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize(
      layout, one_line ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_auto_dir(layout, FALSE);
  pango_layout_set_spacing(layout, spacing);
  pango_layout_set_alignment(layout,
                             align == TextAlign::kRight    ? PANGO_ALIGN_RIGHT
                             : align == TextAlign::kCentre ? PANGO_ALIGN_CENTER
                                                           : PANGO_ALIGN_LEFT);
  pango_layout_set_text(layout, text.data() + start,
                        static_cast<int>(end - start));
  PangoAttrList* attrs = pango_attr_list_new();
  for (const TextSpan& s : spans) {
    if (s.end <= start || s.start >= end) continue;
    auto insert = [&](PangoAttribute* a) {
      a->start_index =
          static_cast<guint>(std::max<std::size_t>(s.start, start) - start);
      a->end_index =
          static_cast<guint>(std::min<std::size_t>(s.end, end) - start);
      pango_attr_list_insert(attrs, a);
    };
    if (s.bold) insert(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
    if (s.size > 0) insert(pango_attr_size_new_absolute(s.size));
    if (s.italic) insert(pango_attr_style_new(PANGO_STYLE_ITALIC));
    if (s.has_color) {
      insert(pango_attr_foreground_new(static_cast<guint16>(s.r * 65535),
                                       static_cast<guint16>(s.g * 65535),
                                       static_cast<guint16>(s.b * 65535)));
    }
  }
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    const int baseline = pango_layout_iter_get_baseline(iter);
    SetLine line;
    line.x = logical.x;
    line.pango = pango_layout_iter_get_line_readonly(iter);
    out->lines.push_back(std::move(line));
    extents->push_back(
        {baseline - logical.y, logical.y + logical.height - baseline});
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

void WordSetter::DrawLines(PdfDocument* doc, const SetText& text,
                           std::size_t first, std::size_t last, double x,
                           double y, double r, double g, double b) {
  last = std::min(last, text.lines.size());
  for (std::size_t i = first; i < last; ++i) {
    const SetLine& line = text.lines[i];
    const double left = x + static_cast<double>(line.x) / PANGO_SCALE;
    const double baseline =
        y + static_cast<double>(line.baseline) / PANGO_SCALE;
    if (line.pango != nullptr) {
      DrawLayoutLine(doc, line.pango, left, baseline, r, g, b);
      continue;
    }
    for (const SetRun& run : line.runs) {
      if (run.has_color) {
        doc->SetFill(run.r, run.g, run.b);
      } else {
        doc->SetFill(r, g, b);
      }
      glyphs_.resize(run.glyphs.size());
      for (std::size_t k = 0; k < run.glyphs.size(); ++k) {
        const SetGlyph& glyph = run.glyphs[k];
        glyphs_[k] = PdfGlyph{
            static_cast<std::uint32_t>(glyph.index),
            left + static_cast<double>(glyph.x) / PANGO_SCALE,
            baseline + static_cast<double>(glyph.y) / PANGO_SCALE, 0, 0};
      }
      // Each cluster's text goes with its first glyph.
      std::size_t byte = 0;
      std::size_t at = 0;
      for (const TextCluster& cluster : run.clusters) {
        if (cluster.num_glyphs > 0 && at < glyphs_.size()) {
          glyphs_[at].text = static_cast<std::uint32_t>(byte);
          glyphs_[at].text_length =
              static_cast<std::uint32_t>(cluster.num_bytes);
        }
        byte += cluster.num_bytes;
        at += cluster.num_glyphs;
      }
      doc->ShowGlyphs(run.font, glyphs_, run.utf8);
    }
  }
}

std::string IsolateBidi(std::string_view text) {
  static constexpr std::string_view kFirstStrongIsolate = "\xE2\x81\xA8";
  static constexpr std::string_view kPopIsolate = "\xE2\x81\xA9";
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t start = 0;
  while (true) {
    std::size_t newline = text.find('\n', start);
    const std::size_t end =
        newline == std::string_view::npos ? text.size() : newline;
    if (end > start) {
      out.append(kFirstStrongIsolate);
      int open = 0;  // isolates the text opened and has not closed
      for (std::size_t i = start; i < end;) {
        const std::size_t at = i;
        const std::uint32_t c = Next(text, &i);
        if (c >= 0x2066 && c <= 0x2068) {
          ++open;
        } else if (c == 0x2069) {
          if (open == 0) continue;  // would close ours
          --open;
        }
        out.append(text.substr(at, std::min(i, end) - at));
      }
      for (; open > 0; --open) out.append(kPopIsolate);
      out.append(kPopIsolate);
    }
    if (newline == std::string_view::npos) break;
    out.push_back('\n');
    start = newline + 1;
  }
  return out;
}

}  // namespace fairmatch
