// report.html: the organiser's one-page summary of a plan. Key figures,
// warnings worth acting on (the loader's warnings; attendees left out or
// below meetings.min, each named with the measured reason and the advice
// that follows from it; employers left out, unused tables, unmet
// must-meets, tags only one side uses), when the fair has wishes or
// requirements how they fare (demand per employer against its seats,
// wishes met per rank, each unmet wish with check/explain's verdict, the
// requirements that exclude the most pairs), and inline SVG charts. A rerun's
// report names its baseline and what changed against it.
// One self-contained file: inline CSS and SVG, no scripts, no external
// resources; every text from the fair is HTML-escaped; deterministic.
//
//   std::string html = RenderReportHtml(fair, compat, schedule, metrics);
#ifndef FAIRMATCH_RENDER_REPORT_HTML_H_
#define FAIRMATCH_RENDER_REPORT_HTML_H_

#include <string>

#include "engine/check/metrics.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

// `metrics` is shown as given (ComputeMetrics plus the planner's and the
// pipeline's fields); why attendees fall short and which sheets list open
// booths come from check/shortfall.h; the per-slot and per-employer
// breakdowns behind the charts are counted here from the fair and
// schedule. Meetings with out-of-range indices are skipped rather than
// trusted.
// REQUIRES: schedule sorted (SortMeetings).
std::string RenderReportHtml(const Fair& fair, const Compatibility& compat,
                             const Schedule& schedule, const Metrics& metrics);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_REPORT_HTML_H_
