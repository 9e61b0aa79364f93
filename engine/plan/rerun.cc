#include "engine/plan/rerun.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "engine/model/history.h"
#include "engine/model/intents.h"
#include "engine/plan/timetable.h"

namespace fairmatch {
namespace {

std::string Where(const RecordedSchedule& baseline, const RecordedMeeting& m) {
  std::string what =
      absl::StrCat(m.locked ? "locked meeting" : "meeting", " at ", m.start,
                   " with ", m.employer, " table ", m.table);
  if (m.line > 0) absl::StrAppend(&what, " (", baseline.path, ":", m.line, ")");
  return what;
}

}  // namespace

std::vector<std::int64_t> RerunPairCodes(const Rerun& rerun, int num_employers,
                                         PairSet which) {
  std::vector<std::int64_t> codes;
  for (const BaselinePair& p : rerun.pairs) {
    if (which == PairSet::kPinned && !p.pinned()) continue;
    if (which == PairSet::kUnpinned && p.pinned()) continue;
    codes.push_back(static_cast<std::int64_t>(p.attendee) * num_employers +
                    p.employer);
  }
  // rerun.pairs is sorted by (attendee, employer), so codes are too.
  return codes;
}

absl::StatusOr<Rerun> ResolveBaseline(const Compatibility& compat,
                                      const RecordedSchedule& baseline,
                                      int from_minutes) {
  const Fair& fair = compat.fair();
  Rerun rerun;
  rerun.change_penalty = fair.config.change_penalty;
  if (from_minutes >= 0) {
    rerun.first_slot = fair.num_slots();
    for (int s = 0; s < fair.num_slots(); ++s) {
      if (fair.slots[s].start >= from_minutes) {
        rerun.first_slot = s;
        break;
      }
    }
  }
  absl::flat_hash_map<std::string, int> attendee_index, employer_index,
      slot_index;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    attendee_index.emplace(fair.attendees[a].id, a);
  }
  for (int e = 0; e < fair.num_employers(); ++e) {
    employer_index.emplace(fair.employers[e].id, e);
  }
  for (int s = 0; s < fair.num_slots(); ++s) {
    slot_index.emplace(FormatClock(fair.slots[s].start), s);
  }

  std::vector<std::string> problems;
  // Where each locked pair came from, for messages (by pair code).
  absl::flat_hash_map<std::int64_t, std::string> origin;
  auto code = [&](int a, int e) {
    return static_cast<std::int64_t>(a) * fair.num_employers() + e;
  };
  int lost_history = 0;
  auto add_pair = [&](int a, int e, const RecordedMeeting& m, bool history) {
    BaselinePair p;
    p.attendee = a;
    p.employer = e;
    p.slot = slot_index.contains(m.start) ? slot_index.at(m.start) : -1;
    p.table = m.table;
    p.history = history;
    p.locked = !history && m.locked;
    if (p.locked) origin.emplace(code(a, e), Where(baseline, m));
    rerun.pairs.push_back(p);
  };
  for (const RecordedMeeting& m : baseline.meetings) {
    const auto e_it = employer_index.find(m.employer);
    const auto s_it = slot_index.find(m.start);
    const int e = e_it == employer_index.end() ? -1 : e_it->second;
    const int s = s_it == slot_index.end() ? -1 : s_it->second;
    if (IsHistory(m, from_minutes)) {
      // It has happened: kept as published, never re-checked. Only a time
      // that is no longer a slot of the event cannot be expressed.
      if (e < 0 || s < 0) {
        lost_history += static_cast<int>(m.attendees.size());
        rerun.gone += static_cast<int>(m.attendees.size());
        continue;
      }
      for (const std::string& id : m.attendees) {
        const auto a_it = attendee_index.find(id);
        if (a_it == attendee_index.end()) {
          ++lost_history;
          ++rerun.gone;
          continue;
        }
        add_pair(a_it->second, e, m, /*history=*/true);
      }
      continue;
    }
    if (m.locked && e < 0) {
      problems.push_back(absl::StrCat(
          Where(baseline, m), " cannot hold: employer ", m.employer,
          " is no longer in employers.yaml; keep it there (with `available` "
          "ending when it left) or unlock the meeting"));
    }
    for (const std::string& id : m.attendees) {
      const auto a_it = attendee_index.find(id);
      if (a_it == attendee_index.end() || e < 0) {
        if (m.locked && a_it == attendee_index.end()) {
          problems.push_back(absl::StrCat(
              Where(baseline, m), " cannot hold: attendee ", id,
              " is no longer in attendees.yaml; restore the attendee or "
              "unlock the meeting"));
        }
        ++rerun.gone;
        continue;
      }
      add_pair(a_it->second, e, m, /*history=*/false);
    }
  }

  // One entry per (attendee, employer): the first in file order wins.
  std::stable_sort(rerun.pairs.begin(), rerun.pairs.end(),
                   [](const BaselinePair& x, const BaselinePair& y) {
                     return std::tie(x.attendee, x.employer) <
                            std::tie(y.attendee, y.employer);
                   });
  rerun.pairs.erase(
      std::unique(rerun.pairs.begin(), rerun.pairs.end(),
                  [](const BaselinePair& x, const BaselinePair& y) {
                    return x.attendee == y.attendee && x.employer == y.employer;
                  }),
      rerun.pairs.end());
  auto find_pair = [&](int a, int e) -> BaselinePair* {
    auto it = std::lower_bound(
        rerun.pairs.begin(), rerun.pairs.end(), std::pair<int, int>(a, e),
        [](const BaselinePair& x, const std::pair<int, int>& y) {
          return std::pair<int, int>(x.attendee, x.employer) < y;
        });
    if (it == rerun.pairs.end() || it->attendee != a || it->employer != e) {
      return nullptr;
    }
    return &*it;
  };

  // changes.yaml: `lock` keeps a published meeting exactly; `force` with
  // `at` fixes one (replacing the pair's published meeting, if any).
  for (const MeetingLock& lock : fair.locks) {
    const std::string who = absl::StrCat(
        lock.mark.ToString(), ": lock of ", fair.attendees[lock.attendee].id,
        " with ", fair.employers[lock.employer].id);
    BaselinePair* p = find_pair(lock.attendee, lock.employer);
    if (baseline.path.empty()) {
      // A fresh plan (a what-if beside the published one): nothing to keep.
      rerun.notes.push_back(
          absl::StrCat(who,
                       " keeps a published meeting: it applies to reruns "
                       "(--baseline) and is ignored in a fresh plan"));
    } else if (p == nullptr) {
      problems.push_back(absl::StrCat(who, ": they have no meeting in ",
                                      baseline.path, " to keep"));
    } else if (!p->history) {
      p->locked = true;
      origin.emplace(code(lock.attendee, lock.employer), who);
    }
  }
  std::vector<const FixedMeeting*> any_table;
  for (const FixedMeeting& f : fair.fixed) {
    BaselinePair* p = find_pair(f.attendee, f.employer);
    if (p != nullptr && p->history) {
      problems.push_back(
          absl::StrCat(f.mark.ToString(), ": ", fair.attendees[f.attendee].id,
                       " already met ", fair.employers[f.employer].id, " at ",
                       FormatClock(fair.slots[p->slot].start),
                       " (history); drop this `force`"));
      continue;
    }
    if (p == nullptr) {
      BaselinePair fresh;
      fresh.attendee = f.attendee;
      fresh.employer = f.employer;
      rerun.pairs.push_back(fresh);
      std::sort(rerun.pairs.begin(), rerun.pairs.end(),
                [](const BaselinePair& x, const BaselinePair& y) {
                  return std::tie(x.attendee, x.employer) <
                         std::tie(y.attendee, y.employer);
                });
      p = find_pair(f.attendee, f.employer);
    }
    p->slot = f.slot;
    p->table = f.table;
    p->locked = true;
    origin.insert_or_assign(
        code(f.attendee, f.employer),
        absl::StrCat(f.mark.ToString(), ": forced meeting"));
    if (f.table == 0) any_table.push_back(&f);
  }

  // Tables of locked meetings by (employer, slot); a fixed meeting without
  // a table takes the lowest one no other pinned meeting uses then.
  std::map<std::pair<int, int>, std::vector<int>> taken;
  for (const BaselinePair& p : rerun.pairs) {
    if (p.locked && p.slot >= 0 && p.table > 0) {
      taken[{p.employer, p.slot}].push_back(p.table);
    }
  }
  for (const FixedMeeting* f : any_table) {
    std::vector<int>& used = taken[{f->employer, f->slot}];
    int t = 1;
    while (std::find(used.begin(), used.end(), t) != used.end()) ++t;
    used.push_back(t);
    find_pair(f->attendee, f->employer)->table = t;
  }

  // Every locked pair must hold in the changed fair. History is not
  // checked: it has happened.
  std::map<std::tuple<int, int, int>, int> group_count;
  for (const BaselinePair& p : rerun.pairs) {
    if (!p.locked || p.history) continue;
    const Employer& emp = fair.employers[p.employer];
    const Attendee& att = fair.attendees[p.attendee];
    const auto o = origin.find(code(p.attendee, p.employer));
    const std::string who =
        absl::StrCat(o == origin.end() ? "locked meeting" : o->second, " of ",
                     att.id, " with ", emp.id, " cannot hold: ");
    if (p.slot < 0) {
      problems.push_back(absl::StrCat(
          who,
          "its time is no longer the start of a slot of the event; "
          "restore the event's slots or unlock the meeting"));
      continue;
    }
    const std::string at = FormatClock(fair.slots[p.slot].start);
    if (p.table < 1 || p.table > emp.tables) {
      problems.push_back(absl::StrCat(who, emp.id, " has ", emp.tables,
                                      " table", emp.tables == 1 ? "" : "s",
                                      "; raise its tables or unlock the "
                                      "meeting"));
      continue;
    }
    if (p.slot < rerun.first_slot && from_minutes >= 0) {
      problems.push_back(absl::StrCat(who, at, " is before --from ",
                                      FormatClock(from_minutes)));
    }
    if (!fair.EmployerAvailable(p.employer, p.slot)) {
      problems.push_back(
          absl::StrCat(who, emp.id, " is not available at ", at, " (available ",
                       FormatWindows(emp.available),
                       "); widen its `available` or unlock the meeting"));
    }
    if (!fair.AttendeeAvailable(p.attendee, p.slot)) {
      problems.push_back(
          absl::StrCat(who, "attendee ", att.id, " is not available at ", at,
                       " (available ", FormatWindows(att.available),
                       "); widen their `available` or unlock the meeting"));
    }
    if (std::binary_search(att.avoid.begin(), att.avoid.end(), p.employer)) {
      problems.push_back(absl::StrCat(who, "attendee ", att.id, " avoids ",
                                      emp.id,
                                      "; drop the avoid or unlock the "
                                      "meeting"));
    } else if (std::binary_search(emp.avoid.begin(), emp.avoid.end(),
                                  p.attendee)) {
      problems.push_back(absl::StrCat(who, "employer ", emp.id, " avoids ",
                                      att.id,
                                      "; drop the avoid or unlock the "
                                      "meeting"));
    } else if (bool by_employer = false;
               const Requirement* r = FailedRequirement(
                   fair, p.attendee, p.employer, &by_employer)) {
      problems.push_back(absl::StrCat(
          who, by_employer ? emp.id : att.id, " requires ", r->ToString(), " (",
          r->mark.ToString(), "), which ", by_employer ? att.id : emp.id,
          " does not meet; drop the requirement or unlock the meeting"));
    }
    ++group_count[{p.employer, p.slot, p.table}];
  }
  for (const auto& [key, count] : group_count) {
    const auto [e, s, table] = key;
    if (count > fair.GroupSize(e)) {
      problems.push_back(absl::StrCat(
          "locked meetings at ", FormatClock(fair.slots[s].start), " with ",
          fair.employers[e].id, " table ", table, " hold ", count,
          " attendees, above its group size ", fair.GroupSize(e),
          "; raise group_size or unlock some of them"));
    }
  }

  // History fixes the past: nothing new goes before its last slot.
  for (const BaselinePair& p : rerun.pairs) {
    if (p.history) {
      ++rerun.history;
      rerun.first_slot = std::max(rerun.first_slot, p.slot + 1);
      if (fair.attendees[p.attendee].withdrawn ||
          fair.employers[p.employer].withdrawn) {
        ++rerun.history_of_withdrawn;
      }
    }
  }
  if (rerun.history_of_withdrawn > 0) {
    rerun.notes.push_back(absl::StrCat(
        "kept ", rerun.history_of_withdrawn, " past attendee-meeting",
        rerun.history_of_withdrawn == 1 ? "" : "s",
        " of people who have since withdrawn or left the inputs, as "
        "published"));
  }
  if (lost_history > 0) {
    rerun.notes.push_back(absl::StrCat(
        lost_history, " past attendee-meeting",
        lost_history == 1 ? " is" : "s are",
        " not in the new plan: its time is no longer a slot of the event"));
  }

  // Per attendee: pinned meetings must not collide; locked ones must fit
  // the cap (history alone may exceed a cap lowered since).
  for (size_t i = 0; i < rerun.pairs.size();) {
    size_t j = i;
    const int a = rerun.pairs[i].attendee;
    std::vector<int> slots;
    int locked = 0;
    for (; j < rerun.pairs.size() && rerun.pairs[j].attendee == a; ++j) {
      const BaselinePair& p = rerun.pairs[j];
      if (p.pinned() && p.slot >= 0) slots.push_back(p.slot);
      if (p.locked && !p.history) ++locked;
    }
    std::sort(slots.begin(), slots.end());
    const Attendee& att = fair.attendees[a];
    if (std::adjacent_find(slots.begin(), slots.end()) != slots.end()) {
      problems.push_back(
          absl::StrCat("attendee ", att.id,
                       " is in two kept meetings at the same time; "
                       "unlock one of them"));
    }
    if (locked > 0 && static_cast<int>(slots.size()) > fair.MaxMeetings(a)) {
      problems.push_back(absl::StrCat(
          "attendee ", att.id, " has ", slots.size(),
          " kept meetings but max_meetings is ", fair.MaxMeetings(a),
          "; raise it or unlock some of them"));
    }
    i = j;
  }

  // Per employer: with rests required, the locked tables alone must allow
  // a rotation (they are forced into it). History takes no part: it lies
  // before first_slot.
  if (fair.config.employer_max_consecutive > 0) {
    std::vector<std::vector<std::vector<int>>> forced(fair.num_employers());
    for (const auto& [key, count] : group_count) {
      const auto [e, s, table] = key;
      if (forced[e].empty()) forced[e].resize(fair.num_slots());
      forced[e][s].push_back(table - 1);
    }
    for (int e = 0; e < fair.num_employers(); ++e) {
      if (forced[e].empty()) continue;
      std::vector<int> needed(fair.num_slots());
      for (int s = 0; s < fair.num_slots(); ++s) {
        needed[s] = static_cast<int>(forced[e][s].size());
      }
      if (!TableRotation(fair, fair.employers[e].tables, needed, &forced[e])) {
        problems.push_back(absl::StrCat(
            "locked meetings at ", fair.employers[e].id,
            " keep a table busy more than employers.max_consecutive = ",
            fair.config.employer_max_consecutive,
            " slots in a row; raise it or unlock some of them"));
      }
    }
  }
  if (!problems.empty()) {
    return absl::FailedPreconditionError(absl::StrJoin(problems, "\n"));
  }
  return rerun;
}

}  // namespace fairmatch
