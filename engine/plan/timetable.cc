#include "engine/plan/timetable.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>
#include <optional>
#include <tuple>

namespace fairmatch {
namespace {

constexpr int kRepairDepth = 3;
constexpr int kRepairBudget = 4000;

}  // namespace

std::optional<std::vector<std::vector<int>>> TableRotation(
    const Fair& fair, int tables, const std::vector<int>& tables_needed,
    const std::vector<std::vector<int>>* forced) {
  const int limit = fair.config.employer_max_consecutive;
  std::vector<std::vector<int>> chosen(tables_needed.size());
  std::vector<int> run(tables, 0);  // conversations in a row, per table
  std::vector<int> order(tables);
  for (size_t s = 0; s < tables_needed.size(); ++s) {
    if (fair.RestBefore(static_cast<int>(s))) {
      std::fill(run.begin(), run.end(), 0);  // a break rests every table
    }
    const int k = tables_needed[s];
    if (k > tables) return std::nullopt;
    std::vector<char> used(tables, 0);
    int k_left = k;
    if (forced != nullptr) {
      for (int t : (*forced)[s]) {
        if (!used[t]) --k_left;
        used[t] = 1;
      }
      if (k_left < 0) return std::nullopt;
    }
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int x, int y) { return run[x] < run[y]; });
    for (int i = 0; i < tables && k_left > 0; ++i) {
      if (used[order[i]]) continue;
      used[order[i]] = 1;
      --k_left;
    }
    for (int t = 0; t < tables; ++t) {
      if (!used[t]) {
        run[t] = 0;
        continue;
      }
      if (limit > 0 && ++run[t] > limit) return std::nullopt;
      chosen[s].push_back(t);
    }
  }
  return chosen;
}

bool RotationFits(const Fair& fair, int tables,
                  const std::vector<int>& tables_needed,
                  std::vector<int>* runs) {
  const int limit = fair.config.employer_max_consecutive;
  if (limit <= 0) {
    for (int k : tables_needed) {
      if (k > tables) return false;
    }
    return true;
  }
  // (*runs)[r]: tables that have held r conversations in a row.
  runs->assign(limit + 1, 0);
  (*runs)[0] = tables;
  for (size_t s = 0; s < tables_needed.size(); ++s) {
    if (fair.RestBefore(static_cast<int>(s))) {
      std::fill(runs->begin(), runs->end(), 0);
      (*runs)[0] = tables;
    }
    const int k = tables_needed[s];
    if (k > tables) return false;
    // The k most rested tables serve (run + 1); the rest rest (run 0).
    // Walking from the longest run down, chosen tables move up one.
    int unchosen = tables - k;
    int rested = 0;
    for (int r = limit; r >= 0; --r) {
      const int here = (*runs)[r];
      const int resting = std::min(here, unchosen);
      unchosen -= resting;
      rested += resting;
      const int serving = here - resting;
      if (serving > 0 && r == limit) return false;  // one too many in a row
      (*runs)[r] = 0;
      if (r < limit) (*runs)[r + 1] += serving;
    }
    (*runs)[0] = rested;
  }
  return true;
}

int TableSlotsWithRests(const Fair& fair, const Availability& avail, int e) {
  const int limit = fair.config.employer_max_consecutive;
  if (limit <= 0) return avail.EmployerSlots(e);
  int total = 0;
  int stretch = 0;
  for (int s = 0; s <= fair.num_slots(); ++s) {
    const bool ends =
        s == fair.num_slots() || !avail.Employer(e, s) || fair.RestBefore(s);
    if (ends) {
      total += stretch - stretch / (limit + 1);
      stretch = 0;
    }
    if (s < fair.num_slots() && avail.Employer(e, s)) ++stretch;
  }
  return total;
}

namespace {

class SlotAssigner {
 public:
  SlotAssigner(const Fair& fair, const Availability& avail,
               const std::vector<MatchedPair>& pairs)
      : fair_(fair),
        avail_(avail),
        pairs_(pairs),
        num_slots_(fair.num_slots()),
        slot_(pairs.size(), -1),
        attendee_at_(static_cast<size_t>(fair.num_attendees()) * num_slots_,
                     -1),
        employer_at_(static_cast<size_t>(fair.num_employers()) * num_slots_),
        protected_(pairs.size(), 0) {
    // Per attendee, its pairs (to measure idle gaps).
    attendee_pairs_.resize(fair.num_attendees());
    for (int p = 0; p < static_cast<int>(pairs.size()); ++p) {
      attendee_pairs_[pairs[p].attendee].push_back(p);
    }
  }

  std::vector<int> Run() {
    std::vector<int> order(pairs_.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<int> freedom(pairs_.size());
    for (size_t p = 0; p < pairs_.size(); ++p) {
      freedom[p] = avail_.SharedSlots(pairs_[p].attendee, pairs_[p].employer);
    }
    std::sort(order.begin(), order.end(), [&](int x, int y) {
      const MatchedPair& px = pairs_[x];
      const MatchedPair& py = pairs_[y];
      return std::make_tuple(!px.must, freedom[x], -px.score, px.attendee,
                             px.employer) <
             std::make_tuple(!py.must, freedom[y], -py.score, py.attendee,
                             py.employer);
    });
    // A rerun's kept pairs go back to their baseline slot first, and stay
    // there unless a must_meet needs the place.
    for (int p : order) {
      const int s = pairs_[p].preferred_slot;
      if (s < 0 || s >= num_slots_ || !Feasible(p, s) || !Free(p, s)) continue;
      Assign(p, s);
      protected_[p] = 1;
    }
    for (int p : order) {
      if (slot_[p] >= 0) continue;
      budget_ = kRepairBudget;
      journal_.clear();
      Place(p, kRepairDepth);
    }
    return slot_;
  }

 private:
  int& AttendeeAt(int a, int s) {
    return attendee_at_[static_cast<size_t>(a) * num_slots_ + s];
  }
  std::vector<int>& EmployerAt(int e, int s) {
    return employer_at_[static_cast<size_t>(e) * num_slots_ + s];
  }
  bool Feasible(int p, int s) const {
    return avail_.Attendee(pairs_[p].attendee, s) &&
           avail_.Employer(pairs_[p].employer, s);
  }

  void Assign(int p, int s) {
    slot_[p] = s;
    AttendeeAt(pairs_[p].attendee, s) = p;
    std::vector<int>& at = EmployerAt(pairs_[p].employer, s);
    if (at.size() % fair_.GroupSize(pairs_[p].employer) == 0) {
      ForgetRotations(pairs_[p].employer);  // one table more in s
    }
    at.push_back(p);
    journal_.push_back({p, s, true});
  }
  void Unassign(int p) {
    const int s = slot_[p];
    slot_[p] = -1;
    AttendeeAt(pairs_[p].attendee, s) = -1;
    std::vector<int>& at = EmployerAt(pairs_[p].employer, s);
    at.erase(std::find(at.begin(), at.end(), p));
    if (at.size() % fair_.GroupSize(pairs_[p].employer) == 0) {
      ForgetRotations(pairs_[p].employer);  // one table fewer in s
    }
    journal_.push_back({p, s, false});
  }

  // With employers.max_consecutive: whether employer e's tables can still
  // rotate with one more table in use in slot s, cached per (e, s) until the
  // number of tables e uses in some slot changes.
  void ForgetRotations(int e) {
    if (rotation_fits_.empty()) return;
    std::fill_n(rotation_fits_.begin() + static_cast<size_t>(e) * num_slots_,
                num_slots_, kUnknown);
  }
  // Undoes every move made since the journal had `mark` entries.
  void Rollback(size_t mark) {
    while (journal_.size() > mark) {
      const Move move = journal_.back();
      journal_.pop_back();
      if (move.assigned) {
        Unassign(move.pair);
      } else {
        Assign(move.pair, move.slot);
      }
      journal_.pop_back();  // the inverse move just logged
    }
  }

  // The feasible slots of p with their ranks, into ranked_ (unsorted): the
  // best has the fewest idle gaps, then the lightest employer load, then
  // the earliest slot.
  void RankSlots(int p) {
    ranked_.clear();
    const int e = pairs_[p].employer;
    // The attendee's other placed meetings: the span the idle gaps need.
    int lo = INT_MAX, hi = INT_MIN, count = 1;
    for (int q : attendee_pairs_[pairs_[p].attendee]) {
      if (q == p || slot_[q] < 0) continue;
      lo = std::min(lo, slot_[q]);
      hi = std::max(hi, slot_[q]);
      ++count;
    }
    for (int s = 0; s < num_slots_; ++s) {
      if (!Feasible(p, s)) continue;
      const int idle = std::max(hi, s) - std::min(lo, s) + 1 - count;
      ranked_.emplace_back(idle, static_cast<int>(EmployerAt(e, s).size()), s);
    }
  }

  bool Free(int p, int s) {
    return AttendeeAt(pairs_[p].attendee, s) < 0 &&
           EmployerHasRoom(pairs_[p].employer, s);
  }

  // True when employer e can take one more attendee in slot s: a free seat,
  // and (with employers.max_consecutive) tables can still be given rests.
  bool EmployerHasRoom(int e, int s) {
    const int load = static_cast<int>(EmployerAt(e, s).size());
    const int g = fair_.GroupSize(e);
    if (load >= avail_.FreeTables(e, s) * g) return false;
    if (fair_.config.employer_max_consecutive <= 0) return true;
    if (load % g != 0) return true;  // joins a group that has room
    if (rotation_fits_.empty()) {
      rotation_fits_.assign(
          static_cast<size_t>(fair_.num_employers()) * num_slots_, kUnknown);
    }
    signed char& known =
        rotation_fits_[static_cast<size_t>(e) * num_slots_ + s];
    if (known == kUnknown) known = TablesRotate(e, s) ? 1 : 0;
    return known == 1;
  }

  // The rotation check of EmployerHasRoom: e's tables with one more in use
  // in slot s can still each rest within employers.max_consecutive.
  bool TablesRotate(int e, int s) {
    const int g = fair_.GroupSize(e);
    tables_needed_.resize(num_slots_);
    for (int t = 0; t < num_slots_; ++t) {
      const int n = static_cast<int>(EmployerAt(e, t).size()) + (t == s);
      tables_needed_[t] = (n + g - 1) / g;
    }
    if (avail_.EmployerPinned(e) == 0) {
      return RotationFits(fair_, fair_.employers[e].tables, tables_needed_,
                          &runs_);
    }
    std::vector<std::vector<int>> forced(num_slots_);
    for (int t = 0; t < num_slots_; ++t) {
      forced[t] = avail_.PinnedTables(e, t);
      tables_needed_[t] += static_cast<int>(forced[t].size());
    }
    return TableRotation(fair_, fair_.employers[e].tables, tables_needed_,
                         &forced)
        .has_value();
  }

  // Places p directly, or by ejecting an occupant that can itself be
  // re-placed within `depth` further moves. Leaves everything as it was
  // when it fails.
  bool Place(int p, int depth) {
    // The best free slot, if any (the search is made of these calls, and
    // most need no order beyond the best).
    RankSlots(p);
    const std::tuple<int, int, int>* best = nullptr;
    for (const auto& r : ranked_) {
      if ((best == nullptr || r < *best) && Free(p, std::get<2>(r))) {
        best = &r;
      }
    }
    if (best != nullptr) {
      Assign(p, std::get<2>(*best));
      return true;
    }
    if (depth == 0) return false;
    // No free slot: eject an occupant, trying the slots best first.
    std::sort(ranked_.begin(), ranked_.end());
    std::vector<int>& slots = slots_at_depth_[depth];
    slots.clear();
    for (const auto& r : ranked_) slots.push_back(std::get<2>(r));
    const int a = pairs_[p].attendee;
    const int e = pairs_[p].employer;
    for (int s : slots) {
      if (--budget_ < 0) return false;
      const size_t mark = journal_.size();
      const int q = AttendeeAt(a, s);
      if (q >= 0 && (pairs_[q].must || protected_[q]) && !pairs_[p].must) {
        continue;
      }
      if (q >= 0) Unassign(q);
      if (EmployerHasRoom(e, s)) {
        Assign(p, s);
        if (Place(q, depth - 1)) return true;
        Rollback(mark);
        continue;
      }
      // The employer is full in s: try ejecting each of its occupants.
      const std::vector<int> occupants = EmployerAt(e, s);
      for (int r : occupants) {
        if ((pairs_[r].must || protected_[r]) && !pairs_[p].must) continue;
        const size_t inner = journal_.size();
        Unassign(r);
        Assign(p, s);
        if (Place(r, depth - 1) && (q < 0 || Place(q, depth - 1))) {
          return true;
        }
        Rollback(inner);
        if (budget_ < 0) break;
      }
      Rollback(mark);
    }
    return false;
  }

  struct Move {
    int pair;
    int slot;
    bool assigned;  // true: Assign(pair, slot); false: Unassign from slot
  };

  const Fair& fair_;
  const Availability& avail_;
  const std::vector<MatchedPair>& pairs_;
  const int num_slots_;
  std::vector<int> slot_;
  std::vector<int> attendee_at_;               // attendee x slot -> pair
  std::vector<std::vector<int>> employer_at_;  // employer x slot -> pairs
  std::vector<char> protected_;  // placed in its rerun baseline slot
  std::vector<std::vector<int>> attendee_pairs_;
  std::vector<Move> journal_;
  int budget_ = 0;
  std::vector<int> tables_needed_;                 // scratch for TablesRotate
  std::vector<std::tuple<int, int, int>> ranked_;  // scratch for RankSlots
  // Place's ranked slots, one buffer per depth of the search.
  std::vector<int> slots_at_depth_[kRepairDepth + 1];
  static constexpr signed char kUnknown = -1;
  std::vector<signed char> rotation_fits_;  // (e, s): 1, 0 or kUnknown
  std::vector<int> runs_;
};

// Centred, normalised value vector of an attendee (for group cohesion).
std::vector<float> ValueDirection(const Profile& p) {
  std::vector<float> v = p.values;
  if (v.empty()) return v;
  const float mean = std::accumulate(v.begin(), v.end(), 0.0f) / v.size();
  float norm = 0;
  for (float& x : v) {
    x -= mean;
    norm += x * x;
  }
  if (norm > 0) {
    norm = std::sqrt(norm);
    for (float& x : v) x /= norm;
  }
  return v;
}

float Dot(const std::vector<float>& x, const std::vector<float>& y) {
  float d = 0;
  for (size_t i = 0; i < x.size() && i < y.size(); ++i) d += x[i] * y[i];
  return d;
}

}  // namespace

std::vector<int> AssignSlots(const Fair& fair, const Availability& avail,
                             const std::vector<MatchedPair>& pairs) {
  return SlotAssigner(fair, avail, pairs).Run();
}

namespace {

// Pairs per (employer, slot), in the order of `pairs`: index e * S + s.
std::vector<std::vector<int>> PairsByCell(const Fair& fair,
                                          const std::vector<MatchedPair>& pairs,
                                          const std::vector<int>& slots) {
  const int num_slots = fair.num_slots();
  std::vector<std::vector<int>> cell(static_cast<size_t>(fair.num_employers()) *
                                     num_slots);
  for (size_t p = 0; p < pairs.size(); ++p) {
    if (slots[p] < 0) continue;
    cell[static_cast<size_t>(pairs[p].employer) * num_slots + slots[p]]
        .push_back(static_cast<int>(p));
  }
  return cell;
}

// With rests required, employer e uses as few tables as possible per slot,
// in the rotation AssignSlots verified; a rerun's pinned tables are taken
// in their slot.
std::vector<std::vector<int>> EmployerRotation(
    const Fair& fair, const Availability& avail,
    const std::vector<std::vector<int>>& cell, int e) {
  const int num_slots = fair.num_slots();
  const int group_size = fair.GroupSize(e);
  const bool pins = avail.EmployerPinned(e) > 0;
  std::vector<int> needed(num_slots);
  std::vector<std::vector<int>> forced;
  if (pins) forced.resize(num_slots);
  for (int s = 0; s < num_slots; ++s) {
    const int n =
        static_cast<int>(cell[static_cast<size_t>(e) * num_slots + s].size());
    needed[s] = (n + group_size - 1) / group_size;
    if (pins) {
      forced[s] = avail.PinnedTables(e, s);
      needed[s] += static_cast<int>(forced[s].size());
    }
  }
  // AssignSlots only made loads that pass this test.
  return *TableRotation(fair, fair.employers[e].tables, needed,
                        pins ? &forced : nullptr);
}

// The groups of one (employer, slot): member_lists[g] (indices into the
// cell's people) sit at table group_table[g] (counting from 0).
struct CellGroups {
  std::vector<std::vector<int>> member_lists;
  std::vector<int> group_table;
};

// The people of one cell as the grouping sees them.
struct CellPeople {
  std::vector<int> people;              // attendee indices, ascending
  std::vector<std::vector<float>> dir;  // ValueDirection of each
  std::vector<int> wants;               // baseline table wanted, or -1
};

// A rerun's kept pairs want their baseline table back: tables wished for
// first, then the others in order; wishers at their table while it has
// room, the rest each into the smallest group with room, then the most
// similar.
CellGroups GroupAroundWishes(const CellPeople& cell,
                             const std::vector<int>& order, int groups,
                             int group_size) {
  const int n = static_cast<int>(cell.people.size());
  const std::vector<int>& wants = cell.wants;
  std::vector<int> chosen;
  for (int t : order) {
    if (std::find(wants.begin(), wants.end(), t) != wants.end()) {
      chosen.push_back(t);
    }
  }
  for (int t : order) {
    if (static_cast<int>(chosen.size()) >= groups) break;
    if (std::find(chosen.begin(), chosen.end(), t) == chosen.end()) {
      chosen.push_back(t);
    }
  }
  CellGroups out;
  out.member_lists.resize(chosen.size());
  out.group_table = chosen;
  std::vector<char> placed(n, 0);
  for (int i = 0; i < n; ++i) {
    if (wants[i] < 0) continue;
    const int g = static_cast<int>(
        std::find(chosen.begin(), chosen.end(), wants[i]) - chosen.begin());
    if (static_cast<int>(out.member_lists[g].size()) < group_size) {
      out.member_lists[g].push_back(i);
      placed[i] = 1;
    }
  }
  for (int i = 0; i < n; ++i) {
    if (placed[i]) continue;
    int best = -1;
    std::pair<int, float> best_key{INT_MAX, 0};
    for (size_t g = 0; g < out.member_lists.size(); ++g) {
      const int size = static_cast<int>(out.member_lists[g].size());
      if (size >= group_size) continue;
      float sim = 0;
      for (int j : out.member_lists[g]) sim += Dot(cell.dir[i], cell.dir[j]);
      if (best < 0 || size < best_key.first ||
          (size == best_key.first && sim > best_key.second)) {
        best = static_cast<int>(g);
        best_key = {size, sim};
      }
    }
    // REQUIRES (AssignSlots): the free tables hold everyone.
    out.member_lists[best].push_back(i);
  }
  return out;
}

// Balanced groups at the first `groups` tables of `order`: each seeded with
// the first unassigned attendee, then filled with the most similar ones (by
// summed similarity to the group so far).
CellGroups GroupBySimilarity(const CellPeople& cell,
                             const std::vector<int>& order, int groups) {
  const int n = static_cast<int>(cell.people.size());
  CellGroups out;
  std::vector<char> used(n, 0);
  for (int g = 0; g < groups; ++g) {
    const int size = n / groups + (g < n % groups ? 1 : 0);
    int seed = 0;
    while (used[seed]) ++seed;
    used[seed] = 1;
    std::vector<int> members = {seed};
    while (static_cast<int>(members.size()) < size) {
      int best = -1;
      float best_sim = -1e9f;
      for (int i = 0; i < n; ++i) {
        if (used[i]) continue;
        float sim = 0;
        for (int j : members) sim += Dot(cell.dir[i], cell.dir[j]);
        if (sim > best_sim) {
          best_sim = sim;
          best = i;
        }
      }
      used[best] = 1;
      members.push_back(best);
    }
    out.member_lists.push_back(std::move(members));
    out.group_table.push_back(order[g]);
  }
  return out;
}

// The free tables of employer e in slot s, in order of preference: the
// rotation's with rests required, otherwise every table, least used first.
std::vector<int> FreeTables(const Fair& fair, int e,
                            const std::vector<int>& pinned,
                            const std::vector<int>* rotation_slot,
                            const std::vector<int>& table_use) {
  auto is_pinned = [&](int t) {
    return std::binary_search(pinned.begin(), pinned.end(), t);
  };
  std::vector<int> order;
  if (rotation_slot != nullptr) {
    for (int t : *rotation_slot) {
      if (!is_pinned(t)) order.push_back(t);
    }
    return order;
  }
  for (int t = 0; t < fair.employers[e].tables; ++t) {
    if (!is_pinned(t)) order.push_back(t);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](int x, int y) { return table_use[x] < table_use[y]; });
  return order;
}

// The people of one cell (its pairs, sorted here by attendee), with the
// baseline tables they want among `order`.
CellPeople ReadCell(const Fair& fair, const std::vector<MatchedPair>& pairs,
                    int s, const std::vector<int>& order,
                    std::vector<int>* members_of_cell) {
  std::sort(
      members_of_cell->begin(), members_of_cell->end(),
      [&](int x, int y) { return pairs[x].attendee < pairs[y].attendee; });
  CellPeople cell;
  for (int p : *members_of_cell) cell.people.push_back(pairs[p].attendee);
  const int n = static_cast<int>(cell.people.size());
  cell.dir.resize(n);
  for (int i = 0; i < n; ++i) {
    cell.dir[i] = ValueDirection(fair.attendees[cell.people[i]]);
  }
  cell.wants.assign(n, -1);
  for (int i = 0; i < n; ++i) {
    const MatchedPair& mp = pairs[(*members_of_cell)[i]];
    const int t = mp.preferred_table - 1;
    if (mp.preferred_slot == s && t >= 0 &&
        std::find(order.begin(), order.end(), t) != order.end()) {
      cell.wants[i] = t;
    }
  }
  return cell;
}

}  // namespace

Schedule AssignTables(const Fair& fair, const Availability& avail,
                      const std::vector<MatchedPair>& pairs,
                      const std::vector<int>& slots) {
  const int num_slots = fair.num_slots();
  std::vector<std::vector<int>> cell = PairsByCell(fair, pairs, slots);
  Schedule schedule;
  const bool rests = fair.config.employer_max_consecutive > 0;
  for (int e = 0; e < fair.num_employers(); ++e) {
    // Without rests, spread over all tables (the smallest groups) and give
    // each slot's groups the least used tables.
    std::vector<std::vector<int>> rotation;
    if (rests) rotation = EmployerRotation(fair, avail, cell, e);
    std::vector<int> table_use(fair.employers[e].tables, 0);
    for (int s = 0; s < num_slots; ++s) {
      const std::vector<int>& pinned = avail.PinnedTables(e, s);
      for (int t : pinned) ++table_use[t];
      std::vector<int>& members_of_cell =
          cell[static_cast<size_t>(e) * num_slots + s];
      if (members_of_cell.empty()) continue;
      const std::vector<int> order = FreeTables(
          fair, e, pinned, rests ? &rotation[s] : nullptr, table_use);
      const CellPeople people =
          ReadCell(fair, pairs, s, order, &members_of_cell);
      const int n = static_cast<int>(people.people.size());
      const int groups = rests ? static_cast<int>(order.size())
                               : std::min(static_cast<int>(order.size()), n);
      const bool any_wish =
          std::any_of(people.wants.begin(), people.wants.end(),
                      [](int t) { return t >= 0; });
      const CellGroups cell_groups =
          any_wish ? GroupAroundWishes(people, order, groups, fair.GroupSize(e))
                   : GroupBySimilarity(people, order, groups);
      for (size_t g = 0; g < cell_groups.member_lists.size(); ++g) {
        if (cell_groups.member_lists[g].empty()) continue;
        Meeting meeting;
        meeting.slot = s;
        meeting.employer = e;
        meeting.table = cell_groups.group_table[g] + 1;
        ++table_use[cell_groups.group_table[g]];
        for (int i : cell_groups.member_lists[g]) {
          meeting.attendees.push_back(people.people[i]);
        }
        schedule.meetings.push_back(std::move(meeting));
      }
    }
  }
  SortMeetings(schedule);
  return schedule;
}

}  // namespace fairmatch
