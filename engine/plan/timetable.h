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
  // A rerun's baseline place for the pair (-1 / 0: none). AssignSlots puts
  // such pairs back into their slot first, and a pair placed there is not
  // pushed out by a pair without must_meet; AssignTables puts them back at
  // their table when it is free.
  int preferred_slot = -1;
  int preferred_table = 0;  // counts from 1
};

// Slot per pair (same order as `pairs`), -1 for a pair left unplaced.
std::vector<int> AssignSlots(const Fair& fair, const Availability& avail,
                             const std::vector<MatchedPair>& pairs);

// With employers.max_consecutive = c > 0, the tables an employer uses in
// each slot (tables_needed[s], for groups of at most group_size) must let
// every table rest after at most c conversations in a row; a break between
// slots rests every table. Greedy "most rested table first" decides it and
// gives the rotation: chosen tables per slot, or nullopt when impossible.
// `forced`, when given, lists per slot tables that must be among the chosen
// ones (a rerun's pinned meetings); they count in tables_needed.
std::optional<std::vector<std::vector<int>>> TableRotation(
    const Fair& fair, int tables, const std::vector<int>& tables_needed,
    const std::vector<std::vector<int>>* forced = nullptr);

// Whether TableRotation(fair, tables, tables_needed) (nothing forced) has a
// rotation, without building it and without allocating: tables are
// interchangeable, so only how many have each run length matters.
// `runs` is scratch space (resized to max_consecutive + 1).
// REQUIRES: tables_needed has one entry per slot of `fair`.
bool RotationFits(const Fair& fair, int tables,
                  const std::vector<int>& tables_needed,
                  std::vector<int>* runs);

// The most table-slots one table can give employer e under
// employers.max_consecutive = c: in each stretch of L consecutive slots it
// is available for (a break, or a slot it is away, rests its tables),
// L - floor(L / (c + 1)). Without a limit, its available slots.
int TableSlotsWithRests(const Fair& fair, const Availability& avail, int e);

// Groups placed pairs into meetings at tables, on the tables `avail` leaves
// free (a rerun's pinned tables are not used). REQUIRES: `slots` from
// AssignSlots for the same pairs and `avail`. The result is sorted
// (SortMeetings).
Schedule AssignTables(const Fair& fair, const Availability& avail,
                      const std::vector<MatchedPair>& pairs,
                      const std::vector<int>& slots);

}  // namespace fairmatch

#endif  // FAIRMATCH_PLAN_TIMETABLE_H_
