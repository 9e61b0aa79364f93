#include "engine/plan/self_booking.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

#include "engine/plan/availability.h"
#include "engine/plan/candidates.h"
#include "engine/plan/matching.h"
#include "engine/plan/timetable.h"
#include "engine/score/score_blocks.h"

namespace fairmatch {
namespace {

// splitmix64: a fully specified generator, so the order is the same on
// every platform.
std::uint64_t Next(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Arrival order: a seeded Fisher-Yates shuffle of the n attendees.
std::vector<int> ArrivalOrder(int n, std::uint64_t seed) {
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::uint64_t state = seed;
  for (int i = n - 1; i > 0; --i) {
    std::swap(order[i], order[Next(state) % static_cast<std::uint64_t>(i + 1)]);
  }
  return order;
}

// Each attendee's preference list: the employers it may book (neither side
// ruled the pair out, a shared slot), its wishes in its own order first,
// then the rest by score.
std::vector<std::vector<int>> PreferenceLists(const Compatibility& compat,
                                              const Availability& avail) {
  const Fair& fair = compat.fair();
  const int m = fair.num_employers();
  std::vector<std::vector<int>> prefs(fair.num_attendees());
  // Per employer, its place in the current attendee's wants.
  constexpr int kUnwished = std::numeric_limits<int>::max();
  std::vector<int> rank(m, kUnwished);
  ForEachScoreBlock(compat, 1, [&](int begin, int end, const ScoreMatrix& s) {
    for (int a = begin; a < end; ++a) {
      std::vector<int>& p = prefs[a];
      for (int e = 0; e < m; ++e) {
        // A booking system refuses what either side ruled out.
        if (compat.rules().Excluded(a, e)) continue;
        if (avail.ShareSlot(a, e)) p.push_back(e);
      }
      const std::vector<int>& wants = fair.attendees[a].wants;
      for (std::size_t r = 0; r < wants.size(); ++r) {
        rank[wants[r]] = static_cast<int>(r);
      }
      std::sort(p.begin(), p.end(), [&](int x, int y) {
        const int rx = rank[x], ry = rank[y];
        if (rx != ry) return rx < ry;
        const float sx = s(a - begin, x), sy = s(a - begin, y);
        return sx != sy ? sx > sy : x < y;
      });
      for (int e : wants) rank[e] = kUnwished;
    }
  });
  return prefs;
}

}  // namespace

Schedule SimulateSelfBooking(const Compatibility& compat, std::uint64_t seed) {
  const Fair& fair = compat.fair();
  const Availability avail(fair);
  const int m = fair.num_employers();
  const int num_slots = fair.num_slots();
  const std::vector<int> order = ArrivalOrder(fair.num_attendees(), seed);
  const std::vector<std::vector<int>> prefs = PreferenceLists(compat, avail);

  std::vector<int> seats(static_cast<size_t>(m) * num_slots);
  for (int e = 0; e < m; ++e) {
    for (int s = 0; s < num_slots; ++s) {
      seats[static_cast<size_t>(e) * num_slots + s] =
          fair.employers[e].tables * fair.GroupSize(e);
    }
  }
  // With employers.max_consecutive, a slot is offered only while the
  // employer's tables can still rest (the platform hides the slots that
  // would need a table with no rest), so AssignTables always finds a
  // rotation.
  const bool rests = fair.config.employer_max_consecutive > 0;
  std::vector<int> booked_at(static_cast<size_t>(m) * num_slots, 0);
  std::vector<int> needed(num_slots);
  std::vector<int> runs;
  auto rests_allow = [&](int e, int s) {
    if (!rests) return true;
    const int group = fair.GroupSize(e);
    const int* count = &booked_at[static_cast<size_t>(e) * num_slots];
    if (count[s] % group != 0) return true;  // joins a table already used
    for (int t = 0; t < num_slots; ++t) {
      needed[t] = (count[t] + (t == s ? 1 : 0) + group - 1) / group;
    }
    return RotationFits(fair, fair.employers[e].tables, needed, &runs);
  };
  std::vector<MatchedPair> pairs;
  std::vector<int> slots;
  std::vector<char> busy(num_slots);
  for (int a : order) {
    std::fill(busy.begin(), busy.end(), 0);
    int booked = 0;
    const int cap = AttendeeCap(fair, avail, a);
    for (int e : prefs[a]) {
      if (booked >= cap) break;
      for (int s = 0; s < num_slots; ++s) {
        int& free_seats = seats[static_cast<size_t>(e) * num_slots + s];
        if (busy[s] || free_seats == 0 || !avail.Attendee(a, s) ||
            !avail.Employer(e, s) || !rests_allow(e, s)) {
          continue;
        }
        --free_seats;
        ++booked_at[static_cast<size_t>(e) * num_slots + s];
        busy[s] = 1;
        ++booked;
        pairs.push_back({a, e, false, compat.Pair(a, e).score});
        slots.push_back(s);
        break;
      }
    }
  }
  return AssignTables(fair, avail, pairs, slots);
}

}  // namespace fairmatch
