#include "engine/check/check.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "engine/model/intents.h"

namespace fairmatch {
namespace {

// Violation kinds in the order they are checked; the output is grouped by
// this order. Appending is fine; reordering changes outputs.
enum Kind : int {
  kUnknownEmployer,
  kUnknownAttendee,
  kSlotOutOfRange,
  kTableOutOfRange,
  kEmptyMeeting,
  kDuplicateAttendee,
  kGroupTooLarge,
  kTableDoubleBooked,
  kAttendeeDoubleBooked,
  kRepeatMeeting,
  kTooManyMeetings,
  kAttendeeUnavailable,
  kEmployerUnavailable,
  kAvoidedPair,
  kRequirementFailed,
  kIneligiblePair,
  kMustMeetMissed,
  kTableWithoutRest,
  kNumKinds,
};

constexpr std::array<std::string_view, kNumKinds> kKindNames = {
    "unknown-employer",     "unknown-attendee",    "slot-out-of-range",
    "table-out-of-range",   "empty-meeting",       "duplicate-attendee",
    "group-too-large",      "table-double-booked", "attendee-double-booked",
    "repeat-meeting",       "too-many-meetings",   "attendee-unavailable",
    "employer-unavailable", "avoided-pair",        "requirement-failed",
    "ineligible-pair",      "must-meet-missed",    "table-without-rest",
};

// A violation with its sort key: kind first, then up to four indices chosen
// per kind (slot, employer, table, attendee, ...), so that the output does
// not depend on the order of meetings in the schedule.
struct Found {
  Kind kind;
  std::array<std::int64_t, 4> key;
  std::string message;
};

// Names for messages. Out-of-range indices are described, never looked up.
class Namer {
 public:
  explicit Namer(const Fair& fair) : fair_(fair) {}

  bool SlotOk(int s) const { return s >= 0 && s < fair_.num_slots(); }
  bool EmployerOk(int e) const { return e >= 0 && e < fair_.num_employers(); }
  bool AttendeeOk(int a) const { return a >= 0 && a < fair_.num_attendees(); }

  std::string SlotName(int s) const {
    if (!SlotOk(s)) return absl::StrCat("slot #", s);
    const Slot& slot = fair_.slots[s];
    return absl::StrCat(FormatClock(slot.start), "-", FormatClock(slot.end));
  }
  std::string EmployerName(int e) const {
    if (!EmployerOk(e)) return absl::StrCat("employer #", e);
    return absl::StrCat("employer ", fair_.employers[e].id);
  }
  std::string AttendeeName(int a) const {
    if (!AttendeeOk(a)) return absl::StrCat("attendee #", a);
    return absl::StrCat("attendee ", fair_.attendees[a].id);
  }
  // "a001, a017" (indices out of range as "#12"), in the meeting's order.
  std::string AttendeeList(const Meeting& m) const {
    std::vector<std::string> ids;
    for (int a : m.attendees) {
      ids.push_back(AttendeeOk(a) ? fair_.attendees[a].id
                                  : absl::StrCat("#", a));
    }
    return absl::StrJoin(ids, ", ");
  }
  // "employer e001 table 2 at 10:00-10:15"
  std::string Where(const Meeting& m) const {
    return absl::StrCat(EmployerName(m.employer), " table ", m.table, " at ",
                        SlotName(m.slot));
  }

 private:
  const Fair& fair_;
};

bool SortedContains(const std::vector<int>& sorted, int x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

// One (attendee, meeting) incidence with a valid attendee index; an
// attendee listed twice in one meeting yields one entry.
struct Seat {
  int attendee;
  int slot;
  int employer;
  int table;
  int meeting;   // index into schedule.meetings, the last tie-breaker
  bool history;  // Meeting::history: it happened, and is not re-checked
};

}  // namespace

std::vector<Violation> CheckSchedule(const Fair& fair,
                                     const Compatibility& compat,
                                     const Schedule& schedule) {
  const Namer names(fair);
  const std::vector<Meeting>& meetings = schedule.meetings;
  const int num_meetings = static_cast<int>(meetings.size());
  std::vector<Found> found;
  auto add = [&](Kind kind, std::array<std::int64_t, 4> key,
                 std::string message) {
    found.push_back(Found{kind, key, std::move(message)});
  };

  // Per meeting: indices in range, table, size, duplicates. Collects the
  // seats of valid attendees on the way.
  std::vector<Seat> seats;
  std::vector<int> members;
  for (int i = 0; i < num_meetings; ++i) {
    const Meeting& m = meetings[i];
    const bool employer_ok = names.EmployerOk(m.employer);
    const std::int64_t first =
        m.attendees.empty()
            ? -1
            : *std::min_element(m.attendees.begin(), m.attendees.end());
    const std::array<std::int64_t, 4> key = {m.slot, m.employer, m.table,
                                             first};
    if (!employer_ok) {
      add(kUnknownEmployer, key,
          absl::StrCat("meeting at ", names.Where(m),
                       " names an employer index outside 0..",
                       fair.num_employers() - 1));
    }
    if (!names.SlotOk(m.slot)) {
      add(kSlotOutOfRange, key,
          absl::StrCat("meeting at ", names.Where(m),
                       " has a slot index outside 0..", fair.num_slots() - 1));
    }
    // History is what happened, as published: the fair may have changed
    // since (fewer tables, a smaller group size), and that is no violation.
    if (employer_ok && !m.history &&
        (m.table < 1 || m.table > fair.employers[m.employer].tables)) {
      add(kTableOutOfRange, key,
          absl::StrCat("meeting at ", names.Where(m), ": ",
                       names.EmployerName(m.employer), " has tables 1..",
                       fair.employers[m.employer].tables));
    }
    if (m.attendees.empty()) {
      add(kEmptyMeeting, key,
          absl::StrCat("meeting at ", names.Where(m), " has no attendees"));
    }
    if (employer_ok && !m.history &&
        static_cast<int>(m.attendees.size()) > fair.GroupSize(m.employer)) {
      add(kGroupTooLarge, key,
          absl::StrCat("meeting at ", names.Where(m), " has ",
                       m.attendees.size(), " attendees (",
                       names.AttendeeList(m), "), more than the group size ",
                       fair.GroupSize(m.employer)));
    }

    members = m.attendees;
    std::sort(members.begin(), members.end());
    for (size_t j = 0; j < members.size();) {
      size_t k = j;
      while (k < members.size() && members[k] == members[j]) ++k;
      const int a = members[j];
      const std::array<std::int64_t, 4> akey = {m.slot, m.employer, m.table, a};
      if (!names.AttendeeOk(a)) {
        add(kUnknownAttendee, akey,
            absl::StrCat("meeting at ", names.Where(m),
                         " lists an attendee index ", a, " outside 0..",
                         fair.num_attendees() - 1));
      } else {
        seats.push_back(Seat{a, m.slot, m.employer, m.table, i, m.history});
      }
      if (k - j > 1) {
        add(kDuplicateAttendee, akey,
            absl::StrCat("meeting at ", names.Where(m), " lists ",
                         names.AttendeeName(a), " ", k - j, " times"));
      }
      j = k;
    }
  }

  // Table double booking: group meetings by (employer, table, slot).
  {
    std::vector<int> order(num_meetings);
    for (int i = 0; i < num_meetings; ++i) order[i] = i;
    auto cell = [&](int i) {
      return std::tie(meetings[i].employer, meetings[i].table,
                      meetings[i].slot);
    };
    std::sort(order.begin(), order.end(),
              [&](int x, int y) { return cell(x) < cell(y); });
    for (int j = 0; j < num_meetings;) {
      int k = j;
      while (k < num_meetings && cell(order[k]) == cell(order[j])) ++k;
      if (k - j > 1) {
        std::vector<std::string> groups;
        for (int x = j; x < k; ++x) {
          groups.push_back(
              absl::StrCat("(", names.AttendeeList(meetings[order[x]]), ")"));
        }
        std::sort(groups.begin(), groups.end());
        const Meeting& m = meetings[order[j]];
        add(kTableDoubleBooked, {m.slot, m.employer, m.table, 0},
            absl::StrCat(
                names.Where(m), " holds ", k - j,
                " conversations at once: ", absl::StrJoin(groups, ", ")));
      }
      j = k;
    }
  }

  // Attendee double booking: seats grouped by (attendee, slot). Seats are
  // unique per (attendee, meeting), so a group of two is two meetings.
  std::sort(seats.begin(), seats.end(), [](const Seat& x, const Seat& y) {
    return std::tie(x.attendee, x.slot, x.employer, x.table, x.meeting) <
           std::tie(y.attendee, y.slot, y.employer, y.table, y.meeting);
  });
  for (size_t j = 0; j < seats.size();) {
    size_t k = j;
    while (k < seats.size() && seats[k].attendee == seats[j].attendee &&
           seats[k].slot == seats[j].slot) {
      ++k;
    }
    if (k - j > 1) {
      std::vector<std::string> where;
      for (size_t x = j; x < k; ++x) {
        const Meeting& m = meetings[seats[x].meeting];
        where.push_back(
            absl::StrCat(names.EmployerName(m.employer), " table ", m.table));
      }
      add(kAttendeeDoubleBooked, {seats[j].slot, seats[j].attendee, 0, 0},
          absl::StrCat(names.AttendeeName(seats[j].attendee), " is in ", k - j,
                       " meetings at ", names.SlotName(seats[j].slot), ": ",
                       absl::StrJoin(where, ", ")));
    }
    j = k;
  }

  // Per attendee: meeting count and repeats. Re-sort by (attendee,
  // employer, slot) so that repeats are adjacent.
  std::sort(seats.begin(), seats.end(), [](const Seat& x, const Seat& y) {
    return std::tie(x.attendee, x.employer, x.slot, x.table, x.meeting) <
           std::tie(y.attendee, y.employer, y.slot, y.table, y.meeting);
  });
  for (size_t j = 0; j < seats.size();) {
    const int a = seats[j].attendee;
    size_t end = j;
    while (end < seats.size() && seats[end].attendee == a) ++end;
    const int count = static_cast<int>(end - j);
    const bool planned = std::any_of(seats.begin() + j, seats.begin() + end,
                                     [](const Seat& x) { return !x.history; });
    // History alone never breaks a cap lowered since.
    if (count > fair.MaxMeetings(a) && planned) {
      add(kTooManyMeetings, {a, 0, 0, 0},
          absl::StrCat(names.AttendeeName(a), " has ", count,
                       " meetings, more than the cap of ",
                       fair.MaxMeetings(a)));
    }
    for (size_t x = j; x < end;) {
      size_t y = x;
      while (y < end && seats[y].employer == seats[x].employer) ++y;
      if (y - x > 1) {
        std::vector<std::string> when;
        for (size_t z = x; z < y; ++z) {
          const Meeting& m = meetings[seats[z].meeting];
          when.push_back(
              absl::StrCat(names.SlotName(m.slot), " table ", m.table));
        }
        add(kRepeatMeeting, {a, seats[x].employer, 0, 0},
            absl::StrCat(names.AttendeeName(a), " meets ",
                         names.EmployerName(seats[x].employer), " ", y - x,
                         " times: at ", absl::StrJoin(when, ", ")));
      }
      x = y;
    }
    j = end;
  }

  // Per seat: windows, avoid, eligibility.
  for (const Seat& seat : seats) {
    if (seat.history) continue;
    const Meeting& m = meetings[seat.meeting];
    const int a = seat.attendee;
    const int e = m.employer;
    const std::array<std::int64_t, 4> key = {m.slot, e, m.table, a};
    if (names.SlotOk(m.slot) && !fair.AttendeeAvailable(a, m.slot)) {
      add(kAttendeeUnavailable, key,
          absl::StrCat(names.AttendeeName(a), " meets at ", names.Where(m),
                       " outside the attendee's available times"));
    }
    if (!names.EmployerOk(e)) continue;
    // Avoids and requirements of both sides, evaluated from the profiles
    // (model/intents.h), not from the planner's compiled rules.
    if (SortedContains(fair.attendees[a].avoid, e)) {
      add(kAvoidedPair, key,
          absl::StrCat(names.AttendeeName(a), " meets at ", names.Where(m),
                       " although the attendee avoids ", fair.employers[e].id));
      continue;  // an avoided pair is not also reported as ineligible
    }
    if (SortedContains(fair.employers[e].avoid, a)) {
      add(kAvoidedPair, key,
          absl::StrCat(names.AttendeeName(a), " meets at ", names.Where(m),
                       " although ", fair.employers[e].id, " avoids ",
                       fair.attendees[a].id));
      continue;
    }
    bool by_employer = false;
    if (const Requirement* r = FailedRequirement(fair, a, e, &by_employer)) {
      const auto value = by_employer ? FieldValue(fair.attendees[a], r->field)
                                     : FieldValue(fair.employers[e], r->field);
      add(kRequirementFailed, key,
          absl::StrCat(
              names.AttendeeName(a), " meets at ", names.Where(m), " although ",
              by_employer ? fair.employers[e].id : fair.attendees[a].id,
              " requires ", r->ToString(), " (", r->mark.ToString(), ") and ",
              value ? absl::StrCat("it is '", *value, "'")
                    : std::string("it is not given")));
      continue;
    }
    const float score = compat.Pair(a, e).score;
    if (score < fair.config.min_score && !MustMeet(fair, a, e) && !m.locked) {
      add(kIneligiblePair, key,
          absl::StrFormat("%s meets at %s although the pair scores %.3f, "
                          "below min_score %.3f",
                          names.AttendeeName(a), names.Where(m), score,
                          fair.config.min_score));
    }
  }
  // Employer windows once per meeting, not per seat.
  for (const Meeting& m : meetings) {
    if (!m.history && names.SlotOk(m.slot) && names.EmployerOk(m.employer) &&
        !fair.EmployerAvailable(m.employer, m.slot)) {
      add(kEmployerUnavailable, {m.slot, m.employer, m.table, 0},
          absl::StrCat("meeting at ", names.Where(m),
                       " is outside the employer's available times"));
    }
  }

  // must_meet: every listed employer has a seat with the attendee. Seats
  // are sorted by (attendee, employer), so this is a binary search.
  const std::vector<std::vector<int>> must_meets = MustMeetLists(fair);
  for (int a = 0; a < fair.num_attendees(); ++a) {
    for (int e : must_meets[a]) {
      const auto it = std::lower_bound(
          seats.begin(), seats.end(), std::pair<int, int>(a, e),
          [](const Seat& x, const std::pair<int, int>& y) {
            return std::pair<int, int>(x.attendee, x.employer) < y;
          });
      const bool met =
          it != seats.end() && it->attendee == a && it->employer == e;
      if (!met) {
        add(kMustMeetMissed, {a, e, 0, 0},
            absl::StrCat(names.AttendeeName(a), " must meet ",
                         names.EmployerName(e), " but never does"));
      }
    }
  }

  // employers.max_consecutive: no table holds more than that many
  // conversations in a row; a free slot or a break between slots rests it.
  if (const int limit = fair.config.employer_max_consecutive; limit > 0) {
    std::vector<std::array<int, 3>> used;  // (employer, table, slot)
    // History takes no part: the rule applies to what is planned.
    for (const Meeting& m : meetings) {
      if (!m.history && names.SlotOk(m.slot) && names.EmployerOk(m.employer)) {
        used.push_back({m.employer, m.table, m.slot});
      }
    }
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    int run = 0;
    for (size_t i = 0; i < used.size(); ++i) {
      const auto [e, t, s] = used[i];
      const bool continues = i > 0 && used[i - 1][0] == e &&
                             used[i - 1][1] == t && used[i - 1][2] == s - 1 &&
                             !fair.RestBefore(s);
      run = continues ? run + 1 : 1;
      if (run == limit + 1) {
        add(kTableWithoutRest, {e, t, s, 0},
            absl::StrCat(names.EmployerName(e), " table ", t, " holds ",
                         limit + 1, " conversations in a row up to ",
                         names.SlotName(s), "; employers.max_consecutive is ",
                         limit));
      }
    }
  }

  // Messages are built from content only, so including them in the key makes
  // the order independent of the order of meetings in the schedule.
  std::sort(found.begin(), found.end(), [](const Found& x, const Found& y) {
    return std::tie(x.kind, x.key, x.message) <
           std::tie(y.kind, y.key, y.message);
  });
  std::vector<Violation> violations;
  violations.reserve(found.size());
  for (Found& f : found) {
    violations.push_back(
        Violation{std::string(kKindNames[f.kind]), std::move(f.message)});
  }
  return violations;
}

}  // namespace fairmatch
