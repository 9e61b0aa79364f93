// The three renderings of a ScheduleDiff for `fairmatch diff`: text for an
// organiser, CSV for mail merge, JSON for scripts. Formats: docs/format.md
// ("fairmatch diff").
//
//   ScheduleDiff diff = DiffSchedules(old_s, new_s);
//   std::string text = RenderDiffText(diff);
//
// All three are deterministic: they follow the diff's order (by id, then
// time) and iterate no hash containers.
#ifndef FAIRMATCH_RENDER_DIFF_REPORT_H_
#define FAIRMATCH_RENDER_DIFF_REPORT_H_

#include <string>

#include "engine/check/schedule_diff.h"

namespace fairmatch {

// A summary line with the four counts, then one line per attendee
//   A017 Ana Pérez <ana@x>: moved Acme 10:00 -> 11:15; added Globex 14:00
//   (table 2); cancelled Initech 09:30
// then one per employer, then "notify: N attendees, M employers". A table
// is named in a move only when it changes. People are named by id, then
// name and email when the schedules know them; control characters in names
// print as spaces. Ends with a newline.
std::string RenderDiffText(const ScheduleDiff& diff);

// One change as the text names it: "moved Acme 10:00 -> 11:15" for the
// attendee, "moved A017 Ana Pérez 10:00 -> 11:15" for the employer.
std::string DescribeChange(const MeetingChange& change, bool for_employer);

// One row per change, in diff.changes order, with the header
// kind,attendee_id,attendee_name,email,employer_id,employer_name,
// old_start,old_table,new_start,new_table
// (RFC 4180, CRLF line ends; the cells of the side a change lacks are
// empty; cells are neutralised against formulas as in meetings.csv).
std::string RenderDiffCsv(const ScheduleDiff& diff);

// {"counts": {...}, "changes": [...], "notify": {"attendees": [...],
// "employers": [...]}}, 2-space indented, ending in a newline; invalid
// UTF-8 in names becomes U+FFFD.
std::string RenderDiffJson(const ScheduleDiff& diff);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_DIFF_REPORT_H_
