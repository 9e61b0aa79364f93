// The master grid of employers.pdf, for the organiser desk: every table
// (rows, by employer name, a stronger rule after an employer's last table)
// against the slots (columns), on landscape pages, as many slots per page
// group as fit; each cell names who is there, says "free", or is grey when
// the employer is unavailable.
//
//   WriteMasterGrid(in, pdf);
#ifndef FAIRMATCH_RENDER_PDF_MASTER_GRID_H_
#define FAIRMATCH_RENDER_PDF_MASTER_GRID_H_

#include "engine/render/pdf_page.h"
#include "engine/render/pdf_sheet_parts.h"

namespace fairmatch::sheets {

// Writes the grid to `pdf`, starting on a new page; rows that do not fit a
// page go on on the next, under the column heads again.
void WriteMasterGrid(const SheetInputs& in, PdfWriter& pdf);

}  // namespace fairmatch::sheets

#endif  // FAIRMATCH_RENDER_PDF_MASTER_GRID_H_
