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

// REQUIRES: schedule sorted (SortMeetings).
std::string RenderSchedulesHtml(const Fair& fair, const Compatibility& compat,
                                const Schedule& schedule,
                                const Metrics& metrics);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string HtmlEscape(const std::string& text);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_SCHEDULES_HTML_H_
