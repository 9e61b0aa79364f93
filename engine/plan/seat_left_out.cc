#include "engine/plan/seat_left_out.h"

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include "engine/score/meeting_rules.h"

namespace fairmatch {

int SeatLeftOut(const Compatibility& compat, Schedule* schedule) {
  const Fair& fair = compat.fair();
  const int slots = fair.num_slots();
  const int limit = fair.config.employer_max_consecutive;
  std::vector<char> met(fair.num_attendees(), 0);
  std::vector<std::vector<int>> of_employer(fair.num_employers());
  // busy[e][(t - 1) * slots + s]: table t of employer e holds a conversation
  std::vector<std::vector<char>> busy(fair.num_employers());
  for (int e = 0; e < fair.num_employers(); ++e) {
    busy[e].assign(static_cast<size_t>(fair.employers[e].tables) * slots, 0);
  }
  std::vector<Meeting>& meetings = schedule->meetings;
  for (size_t i = 0; i < meetings.size(); ++i) {
    const Meeting& m = meetings[i];
    for (int a : m.attendees) met[a] = 1;
    of_employer[m.employer].push_back(static_cast<int>(i));
    const size_t at = static_cast<size_t>(m.table - 1) * slots + m.slot;
    if (at < busy[m.employer].size()) busy[m.employer][at] = 1;
  }
  // A free table of e at a slot a is free for, keeping the table's rests.
  auto free_table = [&](int a, int e, int* slot, int* table) {
    std::vector<int> taken;
    for (int s = 0; s < slots; ++s) {
      if (!fair.AttendeeAvailable(a, s) || !fair.EmployerAvailable(e, s)) {
        continue;
      }
      for (int t = 1; t <= fair.employers[e].tables; ++t) {
        const char* row = busy[e].data() + static_cast<size_t>(t - 1) * slots;
        if (row[s]) continue;
        if (limit > 0) {
          taken.clear();
          for (int x = 0; x < slots; ++x) {
            if (row[x] || x == s) taken.push_back(x);
          }
          if (!SlotsBeyondRest(fair, taken, limit).empty()) continue;
        }
        *slot = s;
        *table = t;
        return true;
      }
    }
    return false;
  };
  int seated = 0;
  ScoreMatrix row;
  std::vector<std::pair<float, int>> options;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    if (met[a] || fair.MaxMeetings(a) <= 0) continue;
    compat.ScoreBlock(a, a + 1, &row);
    options.clear();
    for (int e = 0; e < fair.num_employers(); ++e) {
      if (compat.Eligible(a, e, row(0, e))) options.push_back({row(0, e), e});
    }
    std::sort(options.begin(), options.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    for (const auto& [score, e] : options) {
      for (int i : of_employer[e]) {
        Meeting& m = meetings[i];
        if (static_cast<int>(m.attendees.size()) >= fair.GroupSize(e) ||
            !fair.AttendeeAvailable(a, m.slot)) {
          continue;
        }
        m.attendees.insert(
            std::lower_bound(m.attendees.begin(), m.attendees.end(), a), a);
        met[a] = 1;
        break;
      }
      int slot = -1;
      int table = 0;
      if (!met[a] && free_table(a, e, &slot, &table)) {
        of_employer[e].push_back(static_cast<int>(meetings.size()));
        meetings.push_back(Meeting{
            .slot = slot, .employer = e, .table = table, .attendees = {a}});
        busy[e][static_cast<size_t>(table - 1) * slots + slot] = 1;
        met[a] = 1;
      }
      if (met[a]) {
        ++seated;
        break;
      }
    }
  }
  SortMeetings(*schedule);
  return seated;
}

}  // namespace fairmatch
