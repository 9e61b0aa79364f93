// schedules.html: one self-contained printable page per attendee and per
// employer (print CSS, page breaks), every text escaped.
#ifndef FAIRMATCH_RENDER_SCHEDULES_HTML_H_
#define FAIRMATCH_RENDER_SCHEDULES_HTML_H_

#include <string>

#include "engine/check/metrics.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

// REQUIRES: schedule sorted (SortMeetings); every meeting refers to a slot,
// employer, table (from 1) and attendees that exist (a planned or checked
// schedule; MeetingIndex::Build).
std::string RenderSchedulesHtml(const Fair& fair, const Compatibility& compat,
                                const Schedule& schedule,
                                const Metrics& metrics);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string HtmlEscape(const std::string& text);

// User text (a name, a programme, a booth) for HTML: escaped, in a <bdi>
// element, so that it is set in its own direction and never reorders the
// text around it (an U+202E inside ends with the element).
std::string HtmlIsolate(const std::string& text);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_SCHEDULES_HTML_H_
