// The baseline fairmatch is measured against: first-come-first-served
// self-booking, as on sign-up platforms. Attendees arrive in random order;
// each books its own top choices (its `wants` in order, then the rest by
// score; never a pair that an avoid or a requirement of either side rules
// out, and only where both are available) into the earliest slot where it is
// free and the employer has a free seat, up to its meeting cap. No min_score:
// people book whoever they like best among what is still open.
#ifndef FAIRMATCH_PLAN_SELF_BOOKING_H_
#define FAIRMATCH_PLAN_SELF_BOOKING_H_

#include <cstdint>

#include "engine/model/schedule.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

// Deterministic for a seed. The result satisfies every hard constraint
// except eligibility (self-booking has no min_score) and must_meet.
Schedule SimulateSelfBooking(const Compatibility& compat, std::uint64_t seed);

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_SELF_BOOKING_H_
