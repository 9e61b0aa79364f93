// The "Wishes and requirements" part of report.html, written only when
// someone wishes to meet someone or requires something: demand for each
// employer against its seats, the wishes met by rank on each side, the
// attendees' wishes the plan does not meet with their verdicts
// (check/explain.h), and how many people each requirement clause turns
// away.
//
//   if (intents) WriteWishesAndRequirements(in, html);
#ifndef FAIRMATCH_RENDER_REPORT_WISHES_H_
#define FAIRMATCH_RENDER_REPORT_WISHES_H_

#include <string>

#include "engine/render/report_section.h"

namespace fairmatch::report {

// Appends the part's heading and tables to `out`.
void WriteWishesAndRequirements(const ReportInputs& in, std::string& out);

}  // namespace fairmatch::report

#endif  // FAIRMATCH_RENDER_REPORT_WISHES_H_
