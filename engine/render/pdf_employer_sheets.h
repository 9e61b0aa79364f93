// The rosters of employers.pdf (the layout is described at
// RenderEmployersPdf in pdf_sheets.h): for each employer in reading order,
// one sheet per table, each starting on a new page: the employer's details
// and extra fields, then slot by slot who is there with their talking
// points, breaks, free and unavailable slots, and up to three alternates
// (pdf_alternates.h), different ones on each of an employer's tables.
//
//   WriteEmployerRosters(in, /*only=*/nullptr, pdf);
#ifndef FAIRMATCH_RENDER_PDF_EMPLOYER_SHEETS_H_
#define FAIRMATCH_RENDER_PDF_EMPLOYER_SHEETS_H_

#include <vector>

#include "engine/render/pdf_page.h"
#include "engine/render/pdf_sheet_parts.h"

namespace fairmatch::sheets {

// Writes every employer's rosters to `pdf`, or with `only` (one flag per
// employer index) just the marked employers'; an `only` that marks none
// gets one page that says so. The master grid is not part of it
// (pdf_master_grid.h).
void WriteEmployerRosters(const SheetInputs& in, const std::vector<char>* only,
                          PdfWriter& pdf);

}  // namespace fairmatch::sheets

#endif  // FAIRMATCH_RENDER_PDF_EMPLOYER_SHEETS_H_
