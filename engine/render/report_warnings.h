// The "Worth acting on" part of report.html: one note per thing the
// organiser may want to act on, most pressing first: the loader's
// warnings, attendees without a conversation, the attendees below target
// and why (check/shortfall.h), employers without a conversation, tables
// never used, must-meet requests not met, and tags that look like
// misspellings of one another or that one side offers and nobody seeks.
//
//   WriteWarnings(in, html);
#ifndef FAIRMATCH_RENDER_REPORT_WARNINGS_H_
#define FAIRMATCH_RENDER_REPORT_WARNINGS_H_

#include <string>

#include "engine/render/report_section.h"

namespace fairmatch::report {

// Appends the part's heading and its list of notes to `out`.
void WriteWarnings(const ReportInputs& in, std::string& out);

}  // namespace fairmatch::report

#endif  // FAIRMATCH_RENDER_REPORT_WARNINGS_H_
