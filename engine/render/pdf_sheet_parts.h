// What attendee sheets, employer rosters and the master grid print alike:
// times, lists of names, talking points, the organiser's extra fields, and
// how long text is cut to fit a sheet.
//
//   Rich text;
//   AddTalkingPoints(MakeTalkingPoints(fair, a, e), false, &text);
//   Extras(fair.config, attendee.extra, pdf, continue_page);
#ifndef FAIRMATCH_RENDER_PDF_SHEET_PARTS_H_
#define FAIRMATCH_RENDER_PDF_SHEET_PARTS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/config.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/render/meeting_index.h"
#include "engine/render/pdf_page.h"
#include "engine/render/pdf_rich.h"
#include "engine/render/people.h"
#include "engine/score/compatibility.h"
#include "engine/score/talking_points.h"

namespace fairmatch::sheets {

// What every part of the sheets reads: the plan and its two views.
struct SheetInputs {
  const Fair& fair;
  const Compatibility& compat;
  const Schedule& schedule;
  const MeetingIndex& index;
  const PeopleView& people;
};

// Room a sheet needs below its header for what comes first (the notice, or
// the summary and the column heads); with less left, they start a new page.
inline constexpr double kHeadRoom = 90;

// "10:00–10:15".
std::string ClockRange(const Slot& slot);

// Parts of user text (names, tags), each its own bidi isolate, joined.
std::string JoinIsolated(const std::vector<std::string>& parts,
                         std::string_view sep);

// ASCII text in capitals (labels and column heads).
std::string Upper(std::string_view ascii);

// Talking points as labelled lines; "you" is the employer on an employer's
// sheet. An empty set still says something useful.
void AddTalkingPoints(const TalkingPoints& tp, bool employer_view, Rich* rich);

// `text` cut after `max_chars` characters, then `mark`; `text` itself when
// it is no longer. A cut never splits a character.
std::string CutAfter(std::string_view text, std::size_t max_chars,
                     std::string_view mark);

// An extra value as a sheet prints it: cut after kMaxExtraChars characters,
// saying so.
std::string Shortened(std::string_view text);

// A name in a continuation page's heading: cut after kMaxHeadlineChars
// characters with an ellipsis.
std::string Headline(std::string_view name);

// The organiser's extra fields of a sheet's owner, under its header: one
// "key: value" paragraph each (the value's own line breaks kept), wrapped to
// the page, continued on the sheet's next page (`new_page`) when long.
void Extras(const Config& config, const ExtraFields& extra, PdfWriter& pdf,
            const std::function<void()>& new_page);

}  // namespace fairmatch::sheets

#endif  // FAIRMATCH_RENDER_PDF_SHEET_PARTS_H_
