// The last step of a fresh plan: seating the attendees the matching and
// timetabling rounds left without any conversation although some employer
// may meet them (the re-matching around table rests leaves a few).
//
//   int seated = SeatLeftOut(compat, &schedule);
//
// Each such attendee, in attendee order, goes to the employer it scores
// best with (ties: the lower index) that has room in a slot the attendee is
// free for: first a seat in a planned conversation (which changes no
// table's busy slots), else a free table in a slot where a new conversation
// keeps the table's rests (employers.max_consecutive), the earliest such
// slot, then table. Seating only adds score, so the certificate's bound
// still holds. Not for a rerun, where it would change a published day.
#ifndef FAIRMATCH_PLAN_SEAT_LEFT_OUT_H_
#define FAIRMATCH_PLAN_SEAT_LEFT_OUT_H_

#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

// Seats them in `schedule` (a valid plan of compat.fair(), sorted; it
// stays both); returns how many were seated.
int SeatLeftOut(const Compatibility& compat, Schedule* schedule);

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_SEAT_LEFT_OUT_H_
