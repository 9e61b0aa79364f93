// When and at which table: gives every matched pair a slot and groups the
// attendees an employer sees in one slot onto its tables.
//
// Slots. Without windows this is a bipartite edge colouring (attendees vs
// employer seats, colours = slots) and König's theorem says every matched
// pair fits. With windows and breaks it is NP-hard in general, so
// AssignSlots is a greedy colouring with repair: pairs are placed most
// constrained first (must_meet, then fewest shared slots, then highest
// score), each into the feasible slot that adds the fewest idle gaps to the
// attendee's day and, among those, has the lightest employer load; a pair
// with no free feasible slot tries ejection chains (Kempe-style swaps):
// displace the attendee's or the employer's occupant of a slot and re-place
// it elsewhere, recursively to a small depth. Pairs still unplaced are
// returned; the planner excludes them and rematches.
//
// Tables. In one slot an employer with T tables and group size G sees at
// most T*G attendees; they are split over min(T, n) tables in balanced
// groups, greedily by value similarity (group cohesion), and groups go to
// the tables used least so far, so reps share the load.
#ifndef FAIRMATCH_PLAN_TIMETABLE_H_
#define FAIRMATCH_PLAN_TIMETABLE_H_

#include <optional>
#include <vector>

#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/plan/availability.h"

namespace fairmatch {

struct MatchedPair {
  int attendee = 0;
  int employer = 0;
  bool must = false;
  float score = 0;
};

// Slot per pair (same order as `pairs`), -1 for a pair left unplaced.
std::vector<int> AssignSlots(const Fair& fair, const Availability& avail,
                             const std::vector<MatchedPair>& pairs);

// With employers.max_consecutive = c > 0, the tables an employer uses in
// each slot (tables_needed[s], for groups of at most group_size) must let
// every table rest after at most c conversations in a row; a break between
// slots rests every table. Greedy "most rested table first" decides it and
// gives the rotation: chosen tables per slot, or nullopt when impossible.
std::optional<std::vector<std::vector<int>>> TableRotation(
    const Fair& fair, int tables, const std::vector<int>& tables_needed);

// Groups placed pairs into meetings at tables. REQUIRES: `slots` from
// AssignSlots for the same pairs. The result is sorted (SortMeetings).
Schedule AssignTables(const Fair& fair, const std::vector<MatchedPair>& pairs,
                      const std::vector<int>& slots);

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_TIMETABLE_H_
