// Sheets drawn on several threads: a document of many sheets (one per
// attendee in attendees.pdf) is drawn in runs of a fixed number of sheets,
// each by the writer of the thread that takes it, and the runs are
// appended in order. The bytes are those of one thread drawing the runs
// one after the other, whatever the number of threads: a run's sheets, its
// pages and their numbers never depend on which thread drew it.
//
//   DrawInRuns(fair, paper, static_cast<int>(who.size()), threads,
//              [&](PdfWriter& w, int i) { WriteAttendeeSheet(in, who[i], w); },
//              pdf);
#ifndef FAIRMATCH_RENDER_PDF_RUNS_H_
#define FAIRMATCH_RENDER_PDF_RUNS_H_

#include <functional>

#include "engine/model/fair.h"
#include "engine/render/pdf_page.h"
#include "engine/render/pdf_sheets.h"

namespace fairmatch::sheets {

// Sheets per run: enough that a run's overhead (its font tables and page
// group) is small, few enough that the threads share the last runs.
inline constexpr int kRunSheets = 64;

// Draws sheets 0 .. count - 1 (`draw(writer, i)` draws sheet i, from a new
// page on, with the writer of its thread) after the pages of `pdf`, on up
// to `threads` threads. `draw` is called from several threads at once, so
// it only reads what it shares. Errors go to `pdf` (its Close() says why).
void DrawInRuns(const Fair& fair, Paper paper, int count, int threads,
                const std::function<void(PdfWriter&, int)>& draw,
                PdfWriter& pdf);

}  // namespace fairmatch::sheets

#endif  // FAIRMATCH_RENDER_PDF_RUNS_H_
