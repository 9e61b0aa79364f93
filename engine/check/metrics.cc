#include "engine/check/metrics.h"

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include "engine/check/slot_bits.h"
#include "engine/score/meeting_rules.h"
#include "engine/score/score_blocks.h"

namespace fairmatch {
namespace {

// One attendee in one meeting, both indices valid.
struct Seat {
  int attendee;
  int employer;
  int slot;
};

double Ratio(double numerator, double denominator) {
  return denominator > 0 ? numerator / denominator : 0.0;
}

// The lowest of `totals`, the one at index floor(0.1 * (n - 1)) and the
// one at floor(0.5 * (n - 1)) of them sorted; all 0 when empty.
struct Quantiles {
  double worst = 0, p10 = 0, median = 0;
};
Quantiles QuantilesOf(std::vector<double> totals) {
  if (totals.empty()) return {};
  std::sort(totals.begin(), totals.end());
  const std::size_t n = totals.size();
  return {totals.front(), totals[(n - 1) / 10], totals[(n - 1) / 2]};
}

// Counts one side's wishes: people with a wish list, those whose first
// wish meets them, all wishes and those met. `met(person, other)` tells
// whether the pair meets.
struct WishCount {
  int people = 0;
  int first_met = 0;
  long long wishes = 0;
  long long met = 0;
};
template <typename Person, typename Met>
WishCount CountWishes(const std::vector<Person>& people, int num_other,
                      Met met) {
  WishCount count;
  for (int p = 0; p < static_cast<int>(people.size()); ++p) {
    const std::vector<int>& wants = people[p].wants;
    if (wants.empty()) continue;
    ++count.people;
    for (std::size_t r = 0; r < wants.size(); ++r) {
      const int x = wants[r];
      const bool meets = x >= 0 && x < num_other && met(p, x);
      ++count.wishes;
      count.met += meets ? 1 : 0;
      if (r == 0 && meets) ++count.first_met;
    }
  }
  return count;
}

// What the metrics read of a schedule: seats with valid indices, sorted by
// (attendee, slot, employer); occupied (employer, table, slot) cells inside
// the employer's windows, sorted and unique (a double-booked cell counts
// once); and which employers meet anyone.
struct ScheduleSeats {
  std::vector<Seat> seats;
  std::vector<std::tuple<int, int, int>> cells;
  std::vector<bool> employer_meets;
};

ScheduleSeats ReadSeats(const Fair& fair, const Schedule& schedule) {
  const int num_employers = fair.num_employers();
  ScheduleSeats out;
  out.employer_meets.assign(num_employers, false);
  for (const Meeting& m : schedule.meetings) {
    if (m.employer < 0 || m.employer >= num_employers) continue;
    out.employer_meets[m.employer] = true;
    for (int a : m.attendees) {
      if (a >= 0 && a < fair.num_attendees()) {
        out.seats.push_back(Seat{a, m.employer, m.slot});
      }
    }
    if (TableExists(fair, m.employer, m.table) && m.slot >= 0 &&
        m.slot < fair.num_slots() &&
        fair.EmployerAvailable(m.employer, m.slot)) {
      out.cells.emplace_back(m.employer, m.table, m.slot);
    }
  }
  std::sort(out.cells.begin(), out.cells.end());
  out.cells.erase(std::unique(out.cells.begin(), out.cells.end()),
                  out.cells.end());
  std::sort(out.seats.begin(), out.seats.end(),
            [](const Seat& x, const Seat& y) {
              return std::tie(x.attendee, x.slot, x.employer) <
                     std::tie(y.attendee, y.slot, y.employer);
            });
  return out;
}

// Per attendee, in seat order: the score total (summed in this fixed order,
// so the result does not depend on the order of meetings), the meeting
// count and the idle slots between the first and the last meeting. Returns
// the meeting count of each attendee.
std::vector<int> AddAttendeeTotals(const Fair& fair,
                                   const Compatibility& compat,
                                   const std::vector<Seat>& seats,
                                   Metrics* metrics) {
  const int num_attendees = fair.num_attendees();
  std::vector<double> totals(num_attendees, 0.0);
  std::vector<double> fits(num_attendees, 0.0);
  std::vector<int> counts(num_attendees, 0);
  for (size_t j = 0; j < seats.size();) {
    const int a = seats[j].attendee;
    int first_slot = -1;
    int last_slot = -1;
    int used_slots = 0;
    for (; j < seats.size() && seats[j].attendee == a; ++j) {
      const PairScore& pair = compat.Pair(a, seats[j].employer);
      totals[a] += pair.score;
      fits[a] += pair.fit;
      ++counts[a];
      const int s = seats[j].slot;
      if (s < 0 || s >= fair.num_slots() || s == last_slot) continue;
      if (first_slot < 0) first_slot = s;
      last_slot = s;
      ++used_slots;
    }
    if (used_slots > 0) {
      metrics->attendee_idle_slots += last_slot - first_slot + 1 - used_slots;
    }
  }
  for (int a = 0; a < num_attendees; ++a) {
    metrics->total_score += totals[a];
    metrics->total_fit += fits[a];
    if (counts[a] == 0) ++metrics->attendees_with_no_meeting;
    if (counts[a] >= std::min(fair.config.meetings_min, fair.MaxMeetings(a))) {
      ++metrics->attendees_reaching_min;
    }
  }
  metrics->mean_score_per_meeting =
      Ratio(metrics->total_score, metrics->attendee_meetings);
  const Quantiles total = QuantilesOf(totals);
  metrics->attendee_total_worst = total.worst;
  metrics->attendee_total_p10 = total.p10;
  metrics->attendee_total_median = total.median;
  const Quantiles fit = QuantilesOf(std::move(fits));
  metrics->attendee_fit_worst = fit.worst;
  metrics->attendee_fit_p10 = fit.p10;
  return counts;
}

// Wishes met, of both sides, over the distinct meeting pairs.
void AddWishesMet(const Fair& fair, const std::vector<Seat>& seats,
                  Metrics* metrics) {
  std::vector<std::pair<int, int>> pairs;
  pairs.reserve(seats.size());
  for (const Seat& seat : seats)
    pairs.emplace_back(seat.attendee, seat.employer);
  std::sort(pairs.begin(), pairs.end());
  const auto meets = [&](int a, int e) {
    return std::binary_search(pairs.begin(), pairs.end(), std::pair(a, e));
  };
  const WishCount by_attendees =
      CountWishes(fair.attendees, fair.num_employers(), meets);
  const WishCount by_employers =
      CountWishes(fair.employers, fair.num_attendees(),
                  [&](int e, int a) { return meets(a, e); });
  metrics->attendees_with_wishes = by_attendees.people;
  metrics->wishes_first_met_share =
      Ratio(by_attendees.first_met, by_attendees.people);
  metrics->wishes_met_share =
      Ratio(static_cast<double>(by_attendees.met), by_attendees.wishes);
  metrics->employers_with_wishes = by_employers.people;
  metrics->employer_wishes_met_share =
      Ratio(static_cast<double>(by_employers.met), by_employers.wishes);
}

// Employer side: available cells and seats used, unused employers and
// tables.
void AddUtilisation(const Fair& fair, const ScheduleSeats& read,
                    Metrics* metrics) {
  double available_cells = 0;
  double available_seats = 0;
  for (int e = 0; e < fair.num_employers(); ++e) {
    int available = 0;
    for (int s = 0; s < fair.num_slots(); ++s) {
      if (fair.EmployerAvailable(e, s)) ++available;
    }
    const double employer_cells =
        static_cast<double>(fair.employers[e].tables) * available;
    available_cells += employer_cells;
    available_seats += employer_cells * fair.GroupSize(e);
    if (!read.employer_meets[e]) ++metrics->employers_without_meetings;
  }
  const std::vector<std::tuple<int, int, int>>& cells = read.cells;
  metrics->table_utilisation = Ratio(cells.size(), available_cells);
  metrics->seat_utilisation =
      Ratio(metrics->attendee_meetings, available_seats);

  // A table is used when it holds a conversation in any slot; `cells` is
  // sorted by (employer, table), so used tables are its distinct prefixes.
  // Cells outside the employer's windows are violations and do not count.
  int used_tables = 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i == 0 || std::get<0>(cells[i]) != std::get<0>(cells[i - 1]) ||
        std::get<1>(cells[i]) != std::get<1>(cells[i - 1])) {
      ++used_tables;
    }
  }
  int total_tables = 0;
  for (const Employer& employer : fair.employers) {
    total_tables += std::max(employer.tables, 0);
  }
  metrics->tables_without_meetings = total_tables - used_tables;
}

// Unserved attendees who could have been served (an eligible employer
// shares an available slot): scores only the blocks that contain an
// attendee without meetings.
int CountServableUnserved(const Fair& fair, const Compatibility& compat,
                          const std::vector<int>& counts) {
  std::vector<SlotBits> employer_slots;
  for (int e = 0; e < fair.num_employers(); ++e) {
    employer_slots.push_back(EmployerSlots(fair, e));
  }
  int servable = 0;
  ForEachScoreBlock(
      compat, /*threads=*/1,
      [&](int begin, int end, const ScoreMatrix& block) {
        for (int a = begin; a < end; ++a) {
          if (counts[a] != 0) continue;
          const SlotBits attendee_slots = AttendeeSlots(fair, a);
          for (int e = 0; e < fair.num_employers(); ++e) {
            if (compat.Eligible(a, e, block(a - begin, e)) &&
                Intersects(attendee_slots, employer_slots[e])) {
              ++servable;
              break;
            }
          }
        }
      },
      // Only blocks that hold an attendee without meetings.
      [&](int begin, int end) {
        return std::any_of(counts.begin() + begin, counts.begin() + end,
                           [](int c) { return c == 0; });
      });
  return servable;
}

}  // namespace

Metrics ComputeMetrics(const Fair& fair, const Compatibility& compat,
                       const Schedule& schedule) {
  Metrics metrics;
  metrics.meetings = static_cast<int>(schedule.meetings.size());
  metrics.attendees = fair.num_attendees();
  const ScheduleSeats read = ReadSeats(fair, schedule);
  metrics.attendee_meetings = static_cast<int>(read.seats.size());
  const std::vector<int> counts =
      AddAttendeeTotals(fair, compat, read.seats, &metrics);
  AddWishesMet(fair, read.seats, &metrics);
  AddUtilisation(fair, read, &metrics);
  metrics.eligible_attendees_with_no_meeting =
      CountServableUnserved(fair, compat, counts);
  return metrics;
}

}  // namespace fairmatch
