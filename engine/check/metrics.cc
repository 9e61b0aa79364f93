#include "engine/check/metrics.h"

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <vector>

#include "engine/score/score_blocks.h"

namespace fairmatch {
namespace {

// One attendee in one meeting, both indices valid.
struct Seat {
  int attendee;
  int employer;
  int slot;
};

// Slot availability as a bit set, so that "shares an available slot" is a
// few word ANDs.
using SlotBits = std::vector<std::uint64_t>;

bool Intersects(const SlotBits& x, const SlotBits& y) {
  for (size_t w = 0; w < x.size(); ++w) {
    if (x[w] & y[w]) return true;
  }
  return false;
}

double Ratio(double numerator, double denominator) {
  return denominator > 0 ? numerator / denominator : 0.0;
}

}  // namespace

Metrics ComputeMetrics(const Fair& fair, const Compatibility& compat,
                       const Schedule& schedule) {
  const int num_attendees = fair.num_attendees();
  const int num_employers = fair.num_employers();
  const int num_slots = fair.num_slots();
  auto employer_ok = [&](int e) { return e >= 0 && e < num_employers; };
  auto slot_ok = [&](int s) { return s >= 0 && s < num_slots; };

  Metrics metrics;
  metrics.meetings = static_cast<int>(schedule.meetings.size());
  metrics.attendees = num_attendees;

  // Seats, and occupied (employer, table, slot) cells inside the employer's
  // windows (a double-booked cell counts once).
  std::vector<Seat> seats;
  std::vector<std::tuple<int, int, int>> cells;
  std::vector<bool> employer_meets(num_employers, false);
  for (const Meeting& m : schedule.meetings) {
    if (!employer_ok(m.employer)) continue;
    employer_meets[m.employer] = true;
    for (int a : m.attendees) {
      if (a >= 0 && a < num_attendees) {
        seats.push_back(Seat{a, m.employer, m.slot});
      }
    }
    if (m.table >= 1 && m.table <= fair.employers[m.employer].tables &&
        slot_ok(m.slot) && fair.EmployerAvailable(m.employer, m.slot)) {
      cells.emplace_back(m.employer, m.table, m.slot);
    }
  }
  std::sort(cells.begin(), cells.end());
  cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
  metrics.attendee_meetings = static_cast<int>(seats.size());

  // Per attendee, in (attendee, slot, employer) order: the score total
  // (summed in this fixed order, so the result does not depend on the
  // order of meetings), the meeting count and the idle slots between the
  // first and the last meeting.
  std::sort(seats.begin(), seats.end(), [](const Seat& x, const Seat& y) {
    return std::tie(x.attendee, x.slot, x.employer) <
           std::tie(y.attendee, y.slot, y.employer);
  });
  std::vector<double> totals(num_attendees, 0.0);
  std::vector<int> counts(num_attendees, 0);
  for (size_t j = 0; j < seats.size();) {
    const int a = seats[j].attendee;
    int first_slot = -1;
    int last_slot = -1;
    int used_slots = 0;
    for (; j < seats.size() && seats[j].attendee == a; ++j) {
      totals[a] += compat.Pair(a, seats[j].employer).score;
      ++counts[a];
      const int s = seats[j].slot;
      if (!slot_ok(s) || s == last_slot) continue;
      if (first_slot < 0) first_slot = s;
      last_slot = s;
      ++used_slots;
    }
    if (used_slots > 0) {
      metrics.attendee_idle_slots += last_slot - first_slot + 1 - used_slots;
    }
  }
  for (int a = 0; a < num_attendees; ++a) {
    metrics.total_score += totals[a];
    if (counts[a] == 0) ++metrics.attendees_with_no_meeting;
    if (counts[a] >= std::min(fair.config.meetings_min, fair.MaxMeetings(a))) {
      ++metrics.attendees_reaching_min;
    }
  }
  metrics.mean_score_per_meeting =
      Ratio(metrics.total_score, metrics.attendee_meetings);

  if (num_attendees > 0) {
    std::vector<double> sorted = totals;
    std::sort(sorted.begin(), sorted.end());
    metrics.attendee_total_worst = sorted.front();
    metrics.attendee_total_p10 = sorted[(num_attendees - 1) / 10];
    metrics.attendee_total_median = sorted[(num_attendees - 1) / 2];
  }

  // Employer side: available cells and seats, unused employers and tables.
  const size_t words = (static_cast<size_t>(num_slots) + 63) / 64;
  std::vector<SlotBits> employer_slots(num_employers, SlotBits(words, 0));
  double available_cells = 0;
  double available_seats = 0;
  for (int e = 0; e < num_employers; ++e) {
    int available = 0;
    for (int s = 0; s < num_slots; ++s) {
      if (fair.EmployerAvailable(e, s)) {
        employer_slots[e][s / 64] |= std::uint64_t{1} << (s % 64);
        ++available;
      }
    }
    const double employer_cells =
        static_cast<double>(fair.employers[e].tables) * available;
    available_cells += employer_cells;
    available_seats += employer_cells * fair.GroupSize(e);
    if (!employer_meets[e]) ++metrics.employers_without_meetings;
  }
  metrics.table_utilisation = Ratio(cells.size(), available_cells);
  metrics.seat_utilisation = Ratio(metrics.attendee_meetings, available_seats);

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
  metrics.tables_without_meetings = total_tables - used_tables;

  // Unserved attendees who could have been served: score only the blocks
  // that contain an attendee without meetings.
  SlotBits attendee_slots(words);
  ForEachScoreBlock(
      compat, /*threads=*/1,
      [&](int begin, int end, const ScoreMatrix& block) {
        for (int a = begin; a < end; ++a) {
          if (counts[a] != 0) continue;
          std::fill(attendee_slots.begin(), attendee_slots.end(), 0);
          for (int s = 0; s < num_slots; ++s) {
            if (fair.AttendeeAvailable(a, s)) {
              attendee_slots[s / 64] |= std::uint64_t{1} << (s % 64);
            }
          }
          for (int e = 0; e < num_employers; ++e) {
            if (compat.Eligible(a, e, block(a - begin, e)) &&
                Intersects(attendee_slots, employer_slots[e])) {
              ++metrics.eligible_attendees_with_no_meeting;
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
  return metrics;
}

}  // namespace fairmatch
