// Reads schedule.json (as written by render/schedule_json) back into a
// Schedule whose ids are resolved against a fair.
#ifndef FAIRMATCH_IO_SCHEDULE_LOADER_H_
#define FAIRMATCH_IO_SCHEDULE_LOADER_H_

#include <string>

#include "absl/status/statusor.h"
#include "engine/model/fair.h"
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

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_SCHEDULE_LOADER_H_
