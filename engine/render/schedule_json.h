// schedule.json: the plan in machine-readable form, the input of
// `fairmatch check` and of later reruns. Format: docs/format.md.
#ifndef FAIRMATCH_RENDER_SCHEDULE_JSON_H_
#define FAIRMATCH_RENDER_SCHEDULE_JSON_H_

#include <string>

#include "engine/check/metrics.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

// Deterministic: the same inputs give the same bytes. Scores are printed
// with 6 decimals. REQUIRES: schedule sorted (SortMeetings).
std::string RenderScheduleJson(const Fair& fair, const Compatibility& compat,
                               const Schedule& schedule,
                               const Metrics& metrics);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_SCHEDULE_JSON_H_
