// meetings.csv: one row per attendee-meeting, ready for mail merge.
#ifndef FAIRMATCH_RENDER_MEETINGS_CSV_H_
#define FAIRMATCH_RENDER_MEETINGS_CSV_H_

#include <string>

#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

// RFC 4180 CSV with CRLF line ends; cells a spreadsheet would run as a
// formula are neutralised. After the fixed columns, one column per extra
// field key of the attendees, then one per key of the employers (headed
// "employer_<key>"), each in first-seen order, as output.extra selects
// them (model/fair.h ShownExtraKeys); a person without the key has an
// empty cell. REQUIRES: schedule sorted (SortMeetings); every meeting
// refers to a slot, employer, table (from 1) and attendees that exist (a
// planned or checked schedule; MeetingIndex::Build).
std::string RenderMeetingsCsv(const Fair& fair, const Compatibility& compat,
                              const Schedule& schedule);

// Quotes one CSV cell when needed and neutralises a leading =, +, -, @, tab
// or CR (prefixing a single quote), so that no cell runs as a formula.
std::string CsvCell(const std::string& text);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_MEETINGS_CSV_H_
