// The rosters of employers.pdf (the layout is described at
// RenderEmployersPdf in pdf_sheets.h): for each employer in reading order,
// one sheet per table, each starting on a new page: the employer's details
// and extra fields, then slot by slot who is there with their talking
// points, breaks, free and unavailable slots, and up to three alternates
// (pdf_alternates.h), different ones on each of an employer's tables.
//
//   Alternates alternates(fair, compat, schedule, index);
//   for (int e : EmployersToPrint(in, /*only=*/nullptr)) {
//     WriteEmployerRosters(in, e, alternates, pdf);
//   }
#ifndef FAIRMATCH_RENDER_PDF_EMPLOYER_SHEETS_H_
#define FAIRMATCH_RENDER_PDF_EMPLOYER_SHEETS_H_

#include <vector>

#include "engine/render/pdf_alternates.h"
#include "engine/render/pdf_page.h"
#include "engine/render/pdf_sheet_parts.h"

namespace fairmatch::sheets {

// The employers whose rosters are printed, in reading order: every one
// with a table, or with `only` (one flag per employer index) just the
// marked ones.
std::vector<int> EmployersToPrint(const SheetInputs& in,
                                  const std::vector<char>* only);

// Writes employer `e`'s rosters, one sheet per table, each from a new page
// on; `alternates` are the whole fair's (rosters of different employers
// may be written on different threads at once). The master grid is not
// part of them (pdf_master_grid.h).
void WriteEmployerRosters(const SheetInputs& in, int e, Alternates& alternates,
                          PdfWriter& pdf);

// The one page of employers-changed.pdf when no employer's roster changed.
void WriteNoEmployerRosters(const SheetInputs& in, PdfWriter& pdf);

}  // namespace fairmatch::sheets

#endif  // FAIRMATCH_RENDER_PDF_EMPLOYER_SHEETS_H_
