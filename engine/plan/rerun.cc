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
#include "engine/plan/timetable.h"

namespace fairmatch {
namespace {

std::string Where(const RecordedSchedule& baseline, const RecordedMeeting& m) {
  std::string what = absl::StrCat(m.locked ? "locked meeting" : "meeting",
                                  " at ", m.start, " with ", m.employer,
                                  " table ", m.table);
  if (m.line > 0) absl::StrAppend(&what, " (", baseline.path, ":", m.line, ")");
  return what;
}

}  // namespace

std::vector<std::int64_t> RerunPairCodes(const Rerun& rerun,
                                         int num_employers, PairSet which) {
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
  // Pinned groups by (employer, slot, table) -> attendees, to check sizes.
  std::map<std::tuple<int, int, int>, int> group_count;
  for (const RecordedMeeting& m : baseline.meetings) {
    const auto e_it = employer_index.find(m.employer);
    const auto s_it = slot_index.find(m.start);
    const int e = e_it == employer_index.end() ? -1 : e_it->second;
    const int s = s_it == slot_index.end() ? -1 : s_it->second;
    // Recorded starts are "HH:MM" (LoadRecordedSchedule normalises them),
    // so they compare as text.
    const bool frozen =
        from_minutes >= 0 && m.start < FormatClock(from_minutes);
    const bool pinned = m.locked || frozen;
    if (pinned) {
      const std::string why = frozen && !m.locked ? " (before --from)" : "";
      if (e < 0 && !m.locked) {
        // Before --from and its employer deleted: it is history that the
        // changed fair cannot express; it drops out (counted as dropped).
        rerun.gone += static_cast<int>(m.attendees.size());
        continue;
      }
      if (e < 0) {
        problems.push_back(absl::StrCat(
            Where(baseline, m), why, " cannot hold: employer ", m.employer,
            " is no longer in employers.yaml; keep it there (with `available` "
            "ending when it left) or unlock the meeting"));
      } else if (s < 0) {
        problems.push_back(absl::StrCat(
            Where(baseline, m), why, " cannot hold: ", m.start,
            " is no longer the start of a slot of the event; restore the "
            "event's slots or unlock the meeting"));
      } else {
        const Employer& emp = fair.employers[e];
        if (m.table < 1 || m.table > emp.tables) {
          problems.push_back(absl::StrCat(
              Where(baseline, m), why, " cannot hold: ", emp.id, " now has ",
              emp.tables, " table", emp.tables == 1 ? "" : "s",
              "; raise its tables or unlock the meeting"));
        }
        if (!fair.EmployerAvailable(e, s)) {
          problems.push_back(absl::StrCat(
              Where(baseline, m), why, " cannot hold: ", emp.id,
              " is not available at ", m.start, " (available ",
              FormatWindows(emp.available), "); widen its `available` or unlock "
              "the meeting"));
        }
      }
    }
    for (const std::string& id : m.attendees) {
      const auto a_it = attendee_index.find(id);
      if (a_it == attendee_index.end() || e < 0) {
        // A frozen meeting only loses someone who is gone (a no-show the
        // organiser removed); a locked one must hold exactly.
        if (m.locked && a_it == attendee_index.end()) {
          problems.push_back(absl::StrCat(
              Where(baseline, m), " cannot hold: attendee ", id,
              " is no longer in attendees.yaml; restore the attendee or "
              "unlock the meeting"));
        }
        ++rerun.gone;
        continue;
      }
      const int a = a_it->second;
      BaselinePair p;
      p.attendee = a;
      p.employer = e;
      p.slot = s;
      p.table = m.table;
      p.locked = m.locked;
      p.frozen = frozen;
      rerun.pairs.push_back(p);
      if (!pinned || s < 0 || m.table < 1 ||
          m.table > fair.employers[e].tables) {
        continue;
      }
      const Attendee& att = fair.attendees[a];
      const std::string who = absl::StrCat(Where(baseline, m), " cannot hold: ");
      if (!fair.AttendeeAvailable(a, s)) {
        problems.push_back(absl::StrCat(
            who, "attendee ", att.id, " is not available at ", m.start,
            " (available ", FormatWindows(att.available),
            "); widen their `available` or unlock the meeting"));
      }
      if (std::binary_search(att.avoid.begin(), att.avoid.end(), e)) {
        problems.push_back(absl::StrCat(who, "attendee ", att.id,
                                        " now avoids ", m.employer,
                                        "; drop the avoid or unlock the "
                                        "meeting"));
      }
      // A score now below min_score does not break a pin: the lock (or
      // the fact that it happened) is the organiser's decision, like a
      // must_meet; the meeting stays locked in the output, and check
      // accepts it.
      ++group_count[{e, s, m.table}];
    }
  }
  for (const auto& [key, count] : group_count) {
    const auto [e, s, table] = key;
    if (count > fair.GroupSize(e)) {
      problems.push_back(absl::StrCat(
          "pinned meetings at ", FormatClock(fair.slots[s].start), " with ",
          fair.employers[e].id, " table ", table, " hold ", count,
          " attendees, above its group size ", fair.GroupSize(e),
          "; raise group_size or unlock some of them"));
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

  // Per attendee: pinned meetings must not collide or exceed the cap.
  for (size_t i = 0; i < rerun.pairs.size();) {
    size_t j = i;
    const int a = rerun.pairs[i].attendee;
    std::vector<int> slots;
    for (; j < rerun.pairs.size() && rerun.pairs[j].attendee == a; ++j) {
      if (rerun.pairs[j].pinned() && rerun.pairs[j].slot >= 0) {
        slots.push_back(rerun.pairs[j].slot);
      }
    }
    std::sort(slots.begin(), slots.end());
    const Attendee& att = fair.attendees[a];
    if (std::adjacent_find(slots.begin(), slots.end()) != slots.end()) {
      problems.push_back(absl::StrCat(
          "attendee ", att.id, " is in two pinned meetings at the same time; "
          "unlock one of them"));
    }
    if (static_cast<int>(slots.size()) > fair.MaxMeetings(a)) {
      problems.push_back(absl::StrCat(
          "attendee ", att.id, " has ", slots.size(),
          " pinned meetings but max_meetings is ", fair.MaxMeetings(a),
          "; raise it or unlock some of them"));
    }
    i = j;
  }

  // Per employer: with rests required, the pinned tables alone must allow a
  // rotation (they are forced into it).
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
            "pinned meetings at ", fair.employers[e].id,
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
