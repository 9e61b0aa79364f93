#include "engine/render/pdf_sheet_parts.h"

#include <cctype>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/render/pdf_palette.h"
#include "engine/render/pdf_text.h"
#include "engine/render/talking_point_lines.h"

namespace fairmatch::sheets {
namespace {

// A name in a continuation page's heading: cut after kMaxHeadlineChars
// characters with an ellipsis, so that the heading of a name of any length
// leaves room for the page (the whole name heads the sheet's first page).
constexpr std::size_t kMaxHeadlineChars = 80;

// An extra value longer than this many characters prints shortened on a
// sheet: laying out a paragraph costs memory in proportion to its length
// (about 400 bytes a character), so a field of megabytes would exhaust it,
// and a check-in sheet is no place for a document. schedules.html,
// meetings.csv and schedule.json carry the whole text.
constexpr std::size_t kMaxExtraChars = 5000;

}  // namespace

std::string ClockRange(const Slot& slot) {
  return absl::StrCat(FormatClock(slot.start), kEnDash, FormatClock(slot.end));
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

void AddTalkingPoints(const TalkingPoints& tp, bool employer_view, Rich* rich) {
  if (IsOpenConversation(tp)) {
    rich->Add(kOpenConversationText, false, &kMuted, true);
    return;
  }
  bool first = true;
  if (tp.mutual_wish) {
    rich->Add(kMutualWishText, true);
    first = false;
  }
  for (const TalkingPointLine& line : TalkingPointLines(tp, employer_view)) {
    if (!first) rich->Newline();
    first = false;
    rich->Add(line.label, true).Add(" ").Add(JoinIsolated(*line.parts, ", "));
  }
}

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

}  // namespace fairmatch::sheets
