// The sheets of attendees.pdf, for the check-in desk (the layout is
// described at RenderAttendeesPdf in pdf_sheets.h): one sheet per attendee
// in reading order, each starting on a new page, its conversations in time
// order with their talking points, or, for an attendee the plan left out, a
// kind notice and up to three open booths that suit them.
//
//   WriteAttendeeSheets(in, /*only=*/nullptr, pdf);
#ifndef FAIRMATCH_RENDER_PDF_ATTENDEE_SHEETS_H_
#define FAIRMATCH_RENDER_PDF_ATTENDEE_SHEETS_H_

#include <vector>

#include "engine/render/pdf_page.h"
#include "engine/render/pdf_sheet_parts.h"

namespace fairmatch::sheets {

// Writes every attendee's sheet to `pdf`, or with `only` (one flag per
// attendee index) just the marked ones; a fair without attendees, or an
// `only` that marks none, gets one page that says so.
void WriteAttendeeSheets(const SheetInputs& in, const std::vector<char>* only,
                         PdfWriter& pdf);

}  // namespace fairmatch::sheets

#endif  // FAIRMATCH_RENDER_PDF_ATTENDEE_SHEETS_H_
