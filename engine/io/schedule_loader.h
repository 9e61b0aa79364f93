// Reads schedule.json (as written by render/schedule_json) back, either into
// a Schedule whose ids are resolved against a fair (LoadScheduleJson, for
// `check`), or as recorded, by ids and clock times (LoadRecordedSchedule,
// for `diff` and rerun baselines, whose fair may have changed since).
#ifndef FAIRMATCH_IO_SCHEDULE_LOADER_H_
#define FAIRMATCH_IO_SCHEDULE_LOADER_H_

#include <string>

#include "absl/status/statusor.h"
#include "engine/model/fair.h"
#include "engine/model/recorded_schedule.h"
#include "engine/model/schedule.h"

namespace fairmatch {

// Fails with NotFoundError when the file cannot be read and
// InvalidArgumentError ("FILE:LINE:COL: error: ...", or "FILE: error: ..."
// when no position is known) for malformed JSON, missing keys, wrong types
// or ids that are not in `fair`. Structural problems that are hard
// constraints (slot index out of range, table out of range, duplicate
// attendees) are NOT load errors: they load and `CheckSchedule` reports them.
absl::StatusOr<Schedule> LoadScheduleJson(const Fair& fair,
                                          const std::string& path);

// Reads schedule.json without a fair. Accepts files from before and after
// the "people", meeting "start" and "locked" keys existed:
//   - a meeting's start is its "start" if present, else slots[slot].start;
//     its end is slots[slot].end when it has a slot in "slots" (else "");
//     times are normalised to "HH:MM" ("9:00" reads as "09:00");
//   - "employer" and each of "attendees" are non-empty strings (not checked
//     against any fair); "table" is an integer >= 1; "locked" is optional
//     and boolean; other meeting keys ("scores", ...) are ignored;
//   - "event" (name, date), "slots" and "people" are optional; people are
//     returned sorted by id, and a repeated id is an error.
// Meetings come back in file order, each with the line it starts on.
//
// Fails with NotFoundError when the file cannot be read, and with
// InvalidArgumentError listing up to 50 problems, one a line:
// "FILE:LINE:COL: error: ..." for JSON syntax, "FILE:LINE: error:
// meetings[3]: ..." for a meeting (its line found by scanning the text),
// "FILE: error: ..." elsewhere. Meeting start "10:00" with slots[slot]
// starting at another time is an error, and so is a meeting with neither.
// Structural problems that involve more than one meeting (double bookings,
// repeated pairs) are not errors here.
absl::StatusOr<RecordedSchedule> LoadRecordedSchedule(const std::string& path);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_SCHEDULE_LOADER_H_
