// The sheets of attendees.pdf, for the check-in desk (the layout is
// described at RenderAttendeesPdf in pdf_sheets.h): one sheet per attendee
// in reading order, each starting on a new page, its conversations in time
// order with their talking points, or, for an attendee the plan left out, a
// kind notice and up to three open booths that suit them.
//
//   for (int a : AttendeesToPrint(in, /*only=*/nullptr)) {
//     WriteAttendeeSheet(in, a, pdf);
//   }
#ifndef FAIRMATCH_RENDER_PDF_ATTENDEE_SHEETS_H_
#define FAIRMATCH_RENDER_PDF_ATTENDEE_SHEETS_H_

#include <vector>

#include "engine/render/pdf_page.h"
#include "engine/render/pdf_sheet_parts.h"

namespace fairmatch::sheets {

// The attendees whose sheets are printed, in reading order: everyone, or
// with `only` (one flag per attendee index) just the marked ones.
std::vector<int> AttendeesToPrint(const SheetInputs& in,
                                  const std::vector<char>* only);

// Writes attendee `a`'s sheet, from a new page on.
void WriteAttendeeSheet(const SheetInputs& in, int a, PdfWriter& pdf);

// The one page of a document with no sheet to print: the fair has no
// attendees, or no attendee's day changed.
void WriteNoAttendeeSheets(const SheetInputs& in, PdfWriter& pdf);

}  // namespace fairmatch::sheets

#endif  // FAIRMATCH_RENDER_PDF_ATTENDEE_SHEETS_H_
