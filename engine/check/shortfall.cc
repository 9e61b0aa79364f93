#include "engine/check/shortfall.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "engine/score/score_blocks.h"

namespace fairmatch {
namespace {

// Slot sets as bits, so that "shares a slot" is a few word ANDs.
using SlotBits = std::vector<std::uint64_t>;

bool Has(const SlotBits& bits, int s) { return (bits[s / 64] >> (s % 64)) & 1; }

void Set(int s, SlotBits* bits) {
  (*bits)[s / 64] |= std::uint64_t{1} << (s % 64);
}

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
    if (!Has(shared[e], s) || (*seen)[s]) continue;
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

std::vector<Shortfall> FindShortfalls(const Fair& fair,
                                      const Compatibility& compat,
                                      const Schedule& schedule) {
  const int num_attendees = fair.num_attendees();
  const int num_employers = fair.num_employers();
  const int num_slots = fair.num_slots();
  const size_t words = (static_cast<size_t>(num_slots) + 63) / 64;

  // Who meets whom when, and the seats taken per (employer, slot).
  std::vector<Day> days(num_attendees);
  std::vector<int> taken(static_cast<size_t>(num_employers) * num_slots, 0);
  // A meeting in a slot outside the fair counts, as in metrics.h, but takes
  // no seat and keeps nobody busy.
  for (const Meeting& m : schedule.meetings) {
    if (m.employer < 0 || m.employer >= num_employers) continue;
    const bool slot_ok = m.slot >= 0 && m.slot < num_slots;
    for (int a : m.attendees) {
      if (a < 0 || a >= num_attendees) continue;
      Day& day = days[a];
      day.employers.push_back(m.employer);
      if (!slot_ok) continue;
      ++taken[static_cast<size_t>(m.employer) * num_slots + m.slot];
      if (day.busy.empty()) day.busy.assign(words, 0);
      Set(m.slot, &day.busy);
    }
  }

  // The attendees below target.
  std::vector<int> target(num_attendees, 0);
  std::vector<bool> short_of(num_attendees, false);
  for (int a = 0; a < num_attendees; ++a) {
    if (fair.attendees[a].withdrawn) continue;
    target[a] = std::min(fair.config.meetings_min, fair.MaxMeetings(a));
    short_of[a] = static_cast<int>(days[a].employers.size()) < target[a];
  }

  std::vector<SlotBits> employer_slots(num_employers, SlotBits(words, 0));
  for (int e = 0; e < num_employers; ++e) {
    for (int s = 0; s < num_slots; ++s) {
      if (fair.EmployerAvailable(e, s)) Set(s, &employer_slots[e]);
    }
  }

  std::vector<Shortfall> shortfalls;
  ForEachScoreBlock(
      compat, /*threads=*/1,
      [&](int begin, int end, const ScoreMatrix& block) {
        SlotBits attendee_slots(words);
        std::vector<SlotBits> shared(num_employers, SlotBits(words, 0));
        for (int a = begin; a < end; ++a) {
          if (!short_of[a]) continue;
          Shortfall f;
          f.attendee = a;
          f.meetings = static_cast<int>(days[a].employers.size());
          f.target = target[a];
          std::fill(attendee_slots.begin(), attendee_slots.end(), 0);
          for (int s = 0; s < num_slots; ++s) {
            if (fair.AttendeeAvailable(a, s)) {
              Set(s, &attendee_slots);
              ++f.available_slots;
            }
          }
          const SlotBits no_slots(words, 0);
          const SlotBits& busy = days[a].busy.empty() ? no_slots : days[a].busy;
          const std::vector<int>& met = days[a].employers;

          std::vector<int> sharing;  // eligible employers sharing a slot
          float open_score = 0;
          for (int e = 0; e < num_employers; ++e) {
            const float score = block(a - begin, e);
            if (score >= fair.config.min_score) ++f.above_min_score;
            if (!compat.Eligible(a, e, score)) continue;
            ++f.eligible;
            bool any = false;
            for (size_t w = 0; w < words; ++w) {
              shared[e][w] = attendee_slots[w] & employer_slots[e][w];
              any = any || shared[e][w] != 0;
            }
            if (!any) continue;
            ++f.eligible_sharing_slot;
            sharing.push_back(e);
            if (std::find(met.begin(), met.end(), e) != met.end()) continue;
            ++f.unmet_sharing_slot;
            const int seats = fair.employers[e].tables * fair.GroupSize(e);
            bool free_slot = false;  // the attendee is free in a shared slot
            int open = -1;           // ... and a seat is free there
            for (int s = 0; s < num_slots && open < 0; ++s) {
              if (!Has(shared[e], s) || Has(busy, s)) continue;
              free_slot = true;
              if (taken[static_cast<size_t>(e) * num_slots + s] < seats) {
                open = s;
              }
            }
            if (!free_slot) {
              ++f.busy_only;
            } else if (open < 0) {
              f.full.push_back(e);
            } else if (f.open_employer < 0 || score > open_score) {
              f.open_employer = e;
              f.open_slot = open;
              open_score = score;
            }
          }

          // The windows' room: a matching of the sharing employers to
          // slots, stopped once it reaches the target.
          std::vector<int> employer_of_slot(num_slots, -1);
          for (int e : sharing) {
            if (f.window_room >= f.target) break;
            std::vector<bool> seen(num_slots, false);
            if (Augment(e, shared, num_slots, &employer_of_slot, &seen)) {
              ++f.window_room;
            }
          }

          if (f.eligible < f.target) {
            f.cause = ShortfallCause::kFewEligible;
          } else if (f.window_room < f.target) {
            f.cause = ShortfallCause::kWindows;
          } else if (f.open_employer >= 0) {
            f.cause = ShortfallCause::kTradeOff;
          } else if (!f.full.empty()) {
            f.cause = ShortfallCause::kSeatsTaken;
          } else {
            f.cause = ShortfallCause::kBusy;
          }
          shortfalls.push_back(std::move(f));
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
