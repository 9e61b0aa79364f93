// History: meetings that have happened. A rerun with --from keeps every
// published meeting that started before that time exactly as published, and
// marks it "history" so that later reruns keep it too, even when its people
// have since withdrawn (changes.yaml) or left the inputs altogether.
//
// To plan and check around such meetings the fair must still know their
// people: AddHistoryPeople restores them, never available, never planned
// (Profile::withdrawn).
#ifndef FAIRMATCH_MODEL_HISTORY_H_
#define FAIRMATCH_MODEL_HISTORY_H_

#include "engine/model/fair.h"
#include "engine/model/recorded_schedule.h"

namespace fairmatch {

// True when `m` is history: marked so in its file, or starting before
// `from_minutes` (--from, minutes since midnight; -1 for none).
bool IsHistory(const RecordedMeeting& m, int from_minutes);

// Appends to `fair` every attendee and employer that a history meeting of
// `recorded` names and the fair lacks: the whole record if it was withdrawn
// for the day (Fair::withdrawn_attendees / withdrawn_employers), otherwise
// the name and e-mail from the schedule's people section (or just the id).
// Restored people are marked withdrawn, appended in id order. Returns how
// many were restored.
int AddHistoryPeople(const RecordedSchedule& recorded, int from_minutes,
                     Fair* fair);

}  // namespace fairmatch

#endif  // FAIRMATCH_MODEL_HISTORY_H_
