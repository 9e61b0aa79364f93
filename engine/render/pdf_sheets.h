// attendees.pdf and employers.pdf: print-ready sheets an organiser can hand
// out and keep at the desk, laid out with pango and written by PdfDocument.
//
// Text stays text (selectable, searchable, fonts embedded as subsets);
// pango shapes every script and falls back across the family list
// "Noto Sans, DejaVu Sans, sans-serif", so a name prints in whatever
// installed font covers it (CJK only where a CJK font is installed).
//
//   absl::StatusOr<std::string> pdf =
//       RenderAttendeesPdf(fair, compat, schedule,
//       PaperFromConfig(fair.config));
//
// Both files are deterministic: the PDF creation and modification dates are
// the event's date and start time, never the clock, so identical inputs give
// identical bytes on the same machine (the embedded font subsets depend on
// the fonts installed). Nothing here prints, exits or touches files.
#ifndef FAIRMATCH_RENDER_PDF_SHEETS_H_
#define FAIRMATCH_RENDER_PDF_SHEETS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/config.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

enum class Paper { kA4, kLetter };

// The paper of Config::paper ("letter" gives kLetter, anything else kA4;
// the config loader accepts only "a4" and "letter").
Paper PaperFromConfig(const Config& config);

// attendees.pdf, for the check-in desk: one page per attendee (more only
// when a sheet overflows), by name in the order of the event's language
// (render/people.h, which also names namesakes apart). Each page has a
// header band with the event, date and venue, the attendee's name,
// programme and id, the extra fields output.extra shows (wrapped; a long one
// goes on over the next pages, before the conversations), then every
// conversation in time order: time, employer, booth, table, who else is in
// the group, and the talking points. An attendee without a conversation
// gets a page that says so kindly and lists up to three open booths that
// suit them (best scores, never an employer on their avoid list).
//
// Returns the PDF bytes; InvalidArgumentError when the schedule refers to an
// attendee, employer, slot or table that does not exist; InternalError when
// the PDF cannot be written (a font that cannot be read or subset).
// With `only` (one flag per attendee index), just the marked attendees'
// sheets (attendees-changed.pdf: the people whose day changed in a rerun).
// The sheets are drawn on up to `threads` threads; the bytes do not depend
// on how many (pdf_runs.h).
// REQUIRES: schedule sorted (SortMeetings); `compat` built from `fair`.
absl::StatusOr<std::string> RenderAttendeesPdf(
    const Fair& fair, const Compatibility& compat, const Schedule& schedule,
    Paper paper, const std::vector<char>* only = nullptr, int threads = 1);

// employers.pdf: for each employer (by name, as for attendees) one page per
// table (more only when a roster overflows): the employer's extra fields as
// on an attendee's sheet, then a slot-by-slot roster with each attendee's
// name, programme and talking points, breaks, free and unavailable slots,
// and per slot up to three alternates to fill a no-show. Then a master grid
// of tables x slots for the organiser desk, on landscape pages, all tables
// for a run of slots per page group.
//
// Alternates for (employer e, slot s) are attendees who are available in s,
// have no conversation in s, do not meet e already and are eligible for e,
// best score with e first (ties: attendee file order). Their meeting cap is
// not consulted: stepping in for a no-show is the organiser's call. An employer
// with several tables shows different alternates on each table's page (the best
// three on table 1, the next three on table 2, ...) so that two tables never
// call the same person.
//
// With `only` (one flag per employer index), just the marked employers'
// rosters and no master grid (employers-changed.pdf).
// Threads and errors as for RenderAttendeesPdf.
absl::StatusOr<std::string> RenderEmployersPdf(
    const Fair& fair, const Compatibility& compat, const Schedule& schedule,
    Paper paper, const std::vector<char>* only = nullptr, int threads = 1);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_PDF_SHEETS_H_
