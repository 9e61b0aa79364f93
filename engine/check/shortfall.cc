#include "engine/check/shortfall.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "engine/check/slot_bits.h"
#include "engine/score/score_blocks.h"

namespace fairmatch {
namespace {

// What the schedule says about one attendee.
struct Day {
  std::vector<int> employers;  // met, one entry per meeting
  SlotBits busy;               // slots they are in a conversation
};

// Kuhn's augmenting paths for a maximum matching of employers (left) to
// slots (right) along `shared[e]`: can employer `e` get a slot, possibly by
// moving others along an alternating path?
bool Augment(int e, const std::vector<SlotBits>& shared, int num_slots,
             std::vector<int>* employer_of_slot, std::vector<bool>* seen) {
  for (int s = 0; s < num_slots; ++s) {
    if (!HasSlot(shared[e], s) || (*seen)[s]) continue;
    (*seen)[s] = true;
    if ((*employer_of_slot)[s] < 0 ||
        Augment((*employer_of_slot)[s], shared, num_slots, employer_of_slot,
                seen)) {
      (*employer_of_slot)[s] = e;
      return true;
    }
  }
  return false;
}

}  // namespace

const char* ShortfallCauseName(ShortfallCause cause) {
  switch (cause) {
    case ShortfallCause::kFewEligible:
      return "few-eligible";
    case ShortfallCause::kWindows:
      return "windows";
    case ShortfallCause::kTradeOff:
      return "trade-off";
    case ShortfallCause::kSeatsTaken:
      return "seats-taken";
    case ShortfallCause::kBusy:
      return "busy";
  }
  return "?";
}

namespace {

// Who meets whom when (per attendee), and the seats taken per (employer,
// slot): index e * S + s.
struct ScheduleLoad {
  std::vector<Day> days;
  std::vector<int> taken;
};

// A meeting in a slot outside the fair counts, as in metrics.h, but takes
// no seat and keeps nobody busy.
ScheduleLoad ReadLoad(const Fair& fair, const Schedule& schedule) {
  const int num_slots = fair.num_slots();
  ScheduleLoad load;
  load.days.resize(fair.num_attendees());
  load.taken.assign(static_cast<size_t>(fair.num_employers()) * num_slots, 0);
  for (const Meeting& m : schedule.meetings) {
    if (m.employer < 0 || m.employer >= fair.num_employers()) continue;
    const bool slot_ok = m.slot >= 0 && m.slot < num_slots;
    for (int a : m.attendees) {
      if (a < 0 || a >= fair.num_attendees()) continue;
      Day& day = load.days[a];
      day.employers.push_back(m.employer);
      if (!slot_ok) continue;
      ++load.taken[static_cast<size_t>(m.employer) * num_slots + m.slot];
      if (day.busy.empty()) day.busy = NoSlots(num_slots);
      AddSlot(m.slot, &day.busy);
    }
  }
  return load;
}

// For an unmet employer e sharing a slot with the attendee: whether the
// attendee is free in a shared slot, and the first such slot with a free
// seat (-1 for none).
struct Opening {
  bool free_slot = false;
  int open = -1;
};
Opening FindOpening(const Fair& fair, const ScheduleLoad& load, int e,
                    const SlotBits& shared, const SlotBits& busy) {
  const int num_slots = fair.num_slots();
  const int seats = fair.employers[e].tables * fair.GroupSize(e);
  Opening opening;
  for (int s = 0; s < num_slots && opening.open < 0; ++s) {
    if (!HasSlot(shared, s) || HasSlot(busy, s)) continue;
    opening.free_slot = true;
    if (load.taken[static_cast<size_t>(e) * num_slots + s] < seats) {
      opening.open = s;
    }
  }
  return opening;
}

// The windows' room: a matching of the sharing employers to slots, stopped
// once it reaches the target.
int WindowRoom(const std::vector<SlotBits>& shared,
               const std::vector<int>& sharing, int num_slots, int target) {
  int room = 0;
  std::vector<int> employer_of_slot(num_slots, -1);
  for (int e : sharing) {
    if (room >= target) break;
    std::vector<bool> seen(num_slots, false);
    if (Augment(e, shared, num_slots, &employer_of_slot, &seen)) ++room;
  }
  return room;
}

ShortfallCause CauseOf(const Shortfall& f) {
  if (f.eligible < f.target) return ShortfallCause::kFewEligible;
  if (f.window_room < f.target) return ShortfallCause::kWindows;
  if (f.open_employer >= 0) return ShortfallCause::kTradeOff;
  if (!f.full.empty()) return ShortfallCause::kSeatsTaken;
  return ShortfallCause::kBusy;
}

// One attendee below target, with the scores of its row (`score(e)`).
// `shared` is scratch space, one set per employer.
template <typename Score>
Shortfall Examine(const Fair& fair, const Compatibility& compat,
                  const ScheduleLoad& load,
                  const std::vector<SlotBits>& employer_slots, int a,
                  int target, Score score_of, std::vector<SlotBits>* shared) {
  Shortfall f;
  f.attendee = a;
  f.meetings = static_cast<int>(load.days[a].employers.size());
  f.target = target;
  const SlotBits attendee_slots = AttendeeSlots(fair, a);
  for (int s = 0; s < fair.num_slots(); ++s) {
    if (HasSlot(attendee_slots, s)) ++f.available_slots;
  }
  const SlotBits no_slots = NoSlots(fair.num_slots());
  const SlotBits& busy =
      load.days[a].busy.empty() ? no_slots : load.days[a].busy;
  const std::vector<int>& met = load.days[a].employers;
  std::vector<int> sharing;  // eligible employers sharing a slot
  float open_score = 0;
  for (int e = 0; e < fair.num_employers(); ++e) {
    const float score = score_of(e);
    if (score >= fair.config.min_score) ++f.above_min_score;
    if (!compat.Eligible(a, e, score)) continue;
    ++f.eligible;
    bool any = false;
    for (size_t w = 0; w < attendee_slots.size(); ++w) {
      (*shared)[e][w] = attendee_slots[w] & employer_slots[e][w];
      any = any || (*shared)[e][w] != 0;
    }
    if (!any) continue;
    ++f.eligible_sharing_slot;
    sharing.push_back(e);
    if (std::find(met.begin(), met.end(), e) != met.end()) continue;
    ++f.unmet_sharing_slot;
    const Opening opening = FindOpening(fair, load, e, (*shared)[e], busy);
    if (!opening.free_slot) {
      ++f.busy_only;
    } else if (opening.open < 0) {
      f.full.push_back(e);
    } else if (f.open_employer < 0 || score > open_score) {
      f.open_employer = e;
      f.open_slot = opening.open;
      open_score = score;
    }
  }
  f.window_room = WindowRoom(*shared, sharing, fair.num_slots(), f.target);
  f.cause = CauseOf(f);
  return f;
}

}  // namespace

std::vector<Shortfall> FindShortfalls(const Fair& fair,
                                      const Compatibility& compat,
                                      const Schedule& schedule) {
  const int num_attendees = fair.num_attendees();
  const ScheduleLoad load = ReadLoad(fair, schedule);

  // The attendees below target.
  std::vector<int> target(num_attendees, 0);
  std::vector<bool> short_of(num_attendees, false);
  for (int a = 0; a < num_attendees; ++a) {
    if (fair.attendees[a].withdrawn) continue;
    target[a] = std::min(fair.config.meetings_min, fair.MaxMeetings(a));
    short_of[a] = static_cast<int>(load.days[a].employers.size()) < target[a];
  }
  std::vector<SlotBits> employer_slots;
  for (int e = 0; e < fair.num_employers(); ++e) {
    employer_slots.push_back(EmployerSlots(fair, e));
  }

  std::vector<Shortfall> shortfalls;
  ForEachScoreBlock(
      compat, /*threads=*/1,
      [&](int begin, int end, const ScoreMatrix& block) {
        std::vector<SlotBits> shared(fair.num_employers(),
                                     NoSlots(fair.num_slots()));
        for (int a = begin; a < end; ++a) {
          if (!short_of[a]) continue;
          shortfalls.push_back(Examine(
              fair, compat, load, employer_slots, a, target[a],
              [&](int e) { return block(a - begin, e); }, &shared));
        }
      },
      [&](int begin, int end) {
        return std::any_of(short_of.begin() + begin, short_of.begin() + end,
                           [](bool b) { return b; });
      });
  return shortfalls;
}

std::vector<int> OpenBooths(const Fair& fair, const Compatibility& compat,
                            int a) {
  const Attendee& attendee = fair.attendees[a];
  ScoreMatrix row;
  compat.ScoreBlock(a, a + 1, &row);
  std::vector<int> candidates;
  for (int e = 0; e < fair.num_employers(); ++e) {
    if (std::binary_search(attendee.avoid.begin(), attendee.avoid.end(), e)) {
      continue;
    }
    if (!(row(0, e) > 0)) continue;
    candidates.push_back(e);
  }
  const int shown =
      std::min<int>(kOpenBooths, static_cast<int>(candidates.size()));
  std::partial_sort(candidates.begin(), candidates.begin() + shown,
                    candidates.end(), [&](int x, int y) {
                      if (row(0, x) != row(0, y)) return row(0, x) > row(0, y);
                      return x < y;
                    });
  candidates.resize(shown);
  return candidates;
}

}  // namespace fairmatch
