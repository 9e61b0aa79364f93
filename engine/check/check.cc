#include "engine/check/check.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <map>
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
#include "engine/score/meeting_rules.h"

namespace fairmatch {
namespace {

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

// Calls fn(attendee, times) for each attendee index a meeting lists, in
// increasing order, with how many times it is listed.
template <typename Fn>
void ForEachListedAttendee(const Meeting& m, Fn fn) {
  std::vector<int> members = m.attendees;
  std::sort(members.begin(), members.end());
  for (size_t j = 0; j < members.size();) {
    size_t k = j;
    while (k < members.size() && members[k] == members[j]) ++k;
    fn(members[j], static_cast<int>(k - j));
    j = k;
  }
}

// What every rule reads: the inputs, names for messages, and the seats of
// valid attendees sorted by (attendee, employer, slot, table, meeting).
struct CheckInput {
  const Fair& fair;
  const Compatibility& compat;
  const std::vector<Meeting>& meetings;
  const Namer& names;
  std::vector<Seat> seats;
};

std::vector<Seat> SeatsByAttendeeAndEmployer(const Namer& names,
                                             const std::vector<Meeting>& ms) {
  std::vector<Seat> seats;
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    const Meeting& m = ms[i];
    ForEachListedAttendee(m, [&](int a, int) {
      if (names.AttendeeOk(a)) {
        seats.push_back(Seat{a, m.slot, m.employer, m.table, i, m.history});
      }
    });
  }
  std::sort(seats.begin(), seats.end(), [](const Seat& x, const Seat& y) {
    return std::tie(x.attendee, x.employer, x.slot, x.table, x.meeting) <
           std::tie(y.attendee, y.employer, y.slot, y.table, y.meeting);
  });
  return seats;
}

// A violation with its sort key: the kind's place in kRules first, then up
// to four indices chosen per kind (slot, employer, table, attendee, ...),
// so that the output does not depend on the order of meetings.
struct Found {
  int kind;
  std::array<std::int64_t, 4> key;
  std::string message;
};

// Where one rule reports: every violation it adds is of its kind.
class Report {
 public:
  Report(int kind, std::vector<Found>* found) : kind_(kind), found_(found) {}
  void Add(std::array<std::int64_t, 4> key, std::string message) {
    found_->push_back(Found{kind_, key, std::move(message)});
  }

 private:
  int kind_;
  std::vector<Found>* found_;
};

// The sort key of a meeting: slot, employer, table, lowest attendee index
// (-1 for none).
std::array<std::int64_t, 4> MeetingKey(const Meeting& m) {
  const std::int64_t first =
      m.attendees.empty()
          ? -1
          : *std::min_element(m.attendees.begin(), m.attendees.end());
  return {m.slot, m.employer, m.table, first};
}

// ---- Rules on each meeting's own fields ----

void UnknownEmployer(const CheckInput& in, Report* report) {
  for (const Meeting& m : in.meetings) {
    if (in.names.EmployerOk(m.employer)) continue;
    report->Add(MeetingKey(m),
                absl::StrCat("meeting at ", in.names.Where(m),
                             " names an employer index outside 0..",
                             in.fair.num_employers() - 1));
  }
}

void UnknownAttendee(const CheckInput& in, Report* report) {
  for (const Meeting& m : in.meetings) {
    ForEachListedAttendee(m, [&](int a, int) {
      if (in.names.AttendeeOk(a)) return;
      report->Add({m.slot, m.employer, m.table, a},
                  absl::StrCat("meeting at ", in.names.Where(m),
                               " lists an attendee index ", a, " outside 0..",
                               in.fair.num_attendees() - 1));
    });
  }
}

void SlotOutOfRange(const CheckInput& in, Report* report) {
  for (const Meeting& m : in.meetings) {
    if (in.names.SlotOk(m.slot)) continue;
    report->Add(MeetingKey(m), absl::StrCat("meeting at ", in.names.Where(m),
                                            " has a slot index outside 0..",
                                            in.fair.num_slots() - 1));
  }
}

// History is what happened, as published: the fair may have changed since
// (fewer tables, a smaller group size), and that is no violation.
void TableOutOfRange(const CheckInput& in, Report* report) {
  for (const Meeting& m : in.meetings) {
    if (m.history || !in.names.EmployerOk(m.employer) ||
        TableExists(in.fair, m.employer, m.table)) {
      continue;
    }
    report->Add(
        MeetingKey(m),
        absl::StrCat("meeting at ", in.names.Where(m), ": ",
                     in.names.EmployerName(m.employer), " has tables 1..",
                     in.fair.employers[m.employer].tables));
  }
}

void EmptyMeeting(const CheckInput& in, Report* report) {
  for (const Meeting& m : in.meetings) {
    if (!m.attendees.empty()) continue;
    report->Add(MeetingKey(m), absl::StrCat("meeting at ", in.names.Where(m),
                                            " has no attendees"));
  }
}

void DuplicateAttendee(const CheckInput& in, Report* report) {
  for (const Meeting& m : in.meetings) {
    ForEachListedAttendee(m, [&](int a, int times) {
      if (times == 1) return;
      report->Add({m.slot, m.employer, m.table, a},
                  absl::StrCat("meeting at ", in.names.Where(m), " lists ",
                               in.names.AttendeeName(a), " ", times, " times"));
    });
  }
}

void GroupTooLarge(const CheckInput& in, Report* report) {
  for (const Meeting& m : in.meetings) {
    const int size = static_cast<int>(m.attendees.size());
    if (m.history || !in.names.EmployerOk(m.employer) ||
        GroupFits(in.fair, m.employer, size)) {
      continue;
    }
    report->Add(
        MeetingKey(m),
        absl::StrCat("meeting at ", in.names.Where(m), " has ",
                     m.attendees.size(), " attendees (",
                     in.names.AttendeeList(m), "), more than the group size ",
                     in.fair.GroupSize(m.employer)));
  }
}

// ---- Rules across meetings ----

// Meetings grouped by (employer, table, slot).
void TableDoubleBooked(const CheckInput& in, Report* report) {
  const std::vector<Meeting>& meetings = in.meetings;
  const int num_meetings = static_cast<int>(meetings.size());
  std::vector<int> order(num_meetings);
  for (int i = 0; i < num_meetings; ++i) order[i] = i;
  auto cell = [&](int i) {
    return std::tie(meetings[i].employer, meetings[i].table, meetings[i].slot);
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
            absl::StrCat("(", in.names.AttendeeList(meetings[order[x]]), ")"));
      }
      std::sort(groups.begin(), groups.end());
      const Meeting& m = meetings[order[j]];
      report->Add({m.slot, m.employer, m.table, 0},
                  absl::StrCat(
                      in.names.Where(m), " holds ", k - j,
                      " conversations at once: ", absl::StrJoin(groups, ", ")));
    }
    j = k;
  }
}

// Seats grouped by (attendee, slot). Seats are unique per (attendee,
// meeting), so a group of two is two meetings.
void AttendeeDoubleBooked(const CheckInput& in, Report* report) {
  std::vector<Seat> seats = in.seats;
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
        const Meeting& m = in.meetings[seats[x].meeting];
        where.push_back(absl::StrCat(in.names.EmployerName(m.employer),
                                     " table ", m.table));
      }
      report->Add(
          {seats[j].slot, seats[j].attendee, 0, 0},
          absl::StrCat(in.names.AttendeeName(seats[j].attendee), " is in ",
                       k - j, " meetings at ", in.names.SlotName(seats[j].slot),
                       ": ", absl::StrJoin(where, ", ")));
    }
    j = k;
  }
}

// Calls fn(begin, end) for each run of in.seats with one attendee (and, by
// the seats' order, its employers adjacent).
template <typename Fn>
void ForEachAttendeeSeats(const CheckInput& in, Fn fn) {
  const std::vector<Seat>& seats = in.seats;
  for (size_t j = 0; j < seats.size();) {
    size_t end = j;
    while (end < seats.size() && seats[end].attendee == seats[j].attendee) {
      ++end;
    }
    fn(j, end);
    j = end;
  }
}

void RepeatMeeting(const CheckInput& in, Report* report) {
  const std::vector<Seat>& seats = in.seats;
  ForEachAttendeeSeats(in, [&](size_t begin, size_t end) {
    const int a = seats[begin].attendee;
    for (size_t x = begin; x < end;) {
      size_t y = x;
      while (y < end && seats[y].employer == seats[x].employer) ++y;
      if (y - x > 1) {
        std::vector<std::string> when;
        for (size_t z = x; z < y; ++z) {
          const Meeting& m = in.meetings[seats[z].meeting];
          when.push_back(
              absl::StrCat(in.names.SlotName(m.slot), " table ", m.table));
        }
        report->Add(
            {a, seats[x].employer, 0, 0},
            absl::StrCat(in.names.AttendeeName(a), " meets ",
                         in.names.EmployerName(seats[x].employer), " ", y - x,
                         " times: at ", absl::StrJoin(when, ", ")));
      }
      x = y;
    }
  });
}

// History alone never breaks a cap lowered since.
void TooManyMeetings(const CheckInput& in, Report* report) {
  ForEachAttendeeSeats(in, [&](size_t begin, size_t end) {
    const int a = in.seats[begin].attendee;
    const int count = static_cast<int>(end - begin);
    const bool planned =
        std::any_of(in.seats.begin() + begin, in.seats.begin() + end,
                    [](const Seat& x) { return !x.history; });
    if (WithinCap(in.fair, a, count) || !planned) return;
    report->Add({a, 0, 0, 0},
                absl::StrCat(in.names.AttendeeName(a), " has ", count,
                             " meetings, more than the cap of ",
                             in.fair.MaxMeetings(a)));
  });
}

// ---- Rules on each planned seat: windows, avoid, eligibility ----

// The sort key of a seat: slot, employer, table, attendee.
std::array<std::int64_t, 4> SeatKey(const Seat& seat) {
  return {seat.slot, seat.employer, seat.table, seat.attendee};
}

void AttendeeUnavailable(const CheckInput& in, Report* report) {
  for (const Seat& seat : in.seats) {
    if (seat.history || !in.names.SlotOk(seat.slot) ||
        in.fair.AttendeeAvailable(seat.attendee, seat.slot)) {
      continue;
    }
    report->Add(SeatKey(seat),
                absl::StrCat(in.names.AttendeeName(seat.attendee), " meets at ",
                             in.names.Where(in.meetings[seat.meeting]),
                             " outside the attendee's available times"));
  }
}

// Once per meeting, not per seat.
void EmployerUnavailable(const CheckInput& in, Report* report) {
  for (const Meeting& m : in.meetings) {
    if (m.history || !in.names.SlotOk(m.slot) ||
        !in.names.EmployerOk(m.employer) ||
        in.fair.EmployerAvailable(m.employer, m.slot)) {
      continue;
    }
    report->Add({m.slot, m.employer, m.table, 0},
                absl::StrCat("meeting at ", in.names.Where(m),
                             " is outside the employer's available times"));
  }
}

// Calls fn(seat, meeting) for each planned seat with a valid employer: the
// seats the pair rules apply to.
template <typename Fn>
void ForEachPlannedPair(const CheckInput& in, Fn fn) {
  for (const Seat& seat : in.seats) {
    if (seat.history || !in.names.EmployerOk(seat.employer)) continue;
    fn(seat, in.meetings[seat.meeting]);
  }
}

// Avoids and requirements of both sides are evaluated from the profiles
// (model/intents.h), not from the planner's compiled rules.
void AvoidedPair(const CheckInput& in, Report* report) {
  ForEachPlannedPair(in, [&](const Seat& seat, const Meeting& m) {
    const int a = seat.attendee;
    const int e = seat.employer;
    const Avoider avoider = WhoAvoids(in.fair, a, e);
    if (avoider == Avoider::kNone) return;
    const std::string who =
        avoider == Avoider::kAttendee
            ? absl::StrCat("the attendee avoids ", in.fair.employers[e].id)
            : absl::StrCat(in.fair.employers[e].id, " avoids ",
                           in.fair.attendees[a].id);
    report->Add(SeatKey(seat),
                absl::StrCat(in.names.AttendeeName(a), " meets at ",
                             in.names.Where(m), " although ", who));
  });
}

// An avoided pair is reported as avoided only.
void RequirementFailed(const CheckInput& in, Report* report) {
  ForEachPlannedPair(in, [&](const Seat& seat, const Meeting& m) {
    const int a = seat.attendee;
    const int e = seat.employer;
    if (WhoAvoids(in.fair, a, e) != Avoider::kNone) return;
    bool by_employer = false;
    const Requirement* r = FailedRequirement(in.fair, a, e, &by_employer);
    if (r == nullptr) return;
    const Attendee& att = in.fair.attendees[a];
    const Employer& emp = in.fair.employers[e];
    const auto value =
        by_employer ? FieldValue(att, r->field) : FieldValue(emp, r->field);
    report->Add(
        SeatKey(seat),
        absl::StrCat(in.names.AttendeeName(a), " meets at ", in.names.Where(m),
                     " although ", by_employer ? emp.id : att.id, " requires ",
                     r->ToString(), " (", r->mark.ToString(), ") and ",
                     value ? absl::StrCat("it is '", *value, "'")
                           : std::string("it is not given")));
  });
}

// A pair that is avoided or fails a requirement is reported as that only.
void IneligiblePair(const CheckInput& in, Report* report) {
  ForEachPlannedPair(in, [&](const Seat& seat, const Meeting& m) {
    const int a = seat.attendee;
    const int e = seat.employer;
    if (WhoAvoids(in.fair, a, e) != Avoider::kNone ||
        FailedRequirement(in.fair, a, e) != nullptr) {
      return;
    }
    const float score = in.compat.Pair(a, e).score;
    if (ScoreAdmits(in.fair, a, e, score, m.locked)) return;
    report->Add(SeatKey(seat),
                absl::StrFormat("%s meets at %s although the pair scores %.3f, "
                                "below min_score %.3f",
                                in.names.AttendeeName(a), in.names.Where(m),
                                score, in.fair.config.min_score));
  });
}

// ---- Rules over the whole day ----

// Every employer a must_meet lists has a seat with the attendee. Seats are
// sorted by (attendee, employer), so this is a binary search.
void MustMeetMissed(const CheckInput& in, Report* report) {
  const std::vector<std::vector<int>> must_meets = MustMeetLists(in.fair);
  for (int a = 0; a < in.fair.num_attendees(); ++a) {
    for (int e : must_meets[a]) {
      const auto it = std::lower_bound(
          in.seats.begin(), in.seats.end(), std::pair<int, int>(a, e),
          [](const Seat& x, const std::pair<int, int>& y) {
            return std::pair<int, int>(x.attendee, x.employer) < y;
          });
      if (it != in.seats.end() && it->attendee == a && it->employer == e) {
        continue;
      }
      report->Add({a, e, 0, 0},
                  absl::StrCat(in.names.AttendeeName(a), " must meet ",
                               in.names.EmployerName(e), " but never does"));
    }
  }
}

// employers.max_consecutive: no table holds more than that many
// conversations in a row; a free slot or a break between slots rests it.
// History takes no part: the rule applies to what is planned.
void TableWithoutRest(const CheckInput& in, Report* report) {
  const int limit = in.fair.config.employer_max_consecutive;
  if (limit <= 0) return;
  std::map<std::pair<int, int>, std::vector<int>> busy;  // (e, t) -> slots
  for (const Meeting& m : in.meetings) {
    if (!m.history && in.names.SlotOk(m.slot) &&
        in.names.EmployerOk(m.employer)) {
      busy[{m.employer, m.table}].push_back(m.slot);
    }
  }
  for (auto& [table, slots] : busy) {
    const auto [e, t] = table;
    std::sort(slots.begin(), slots.end());
    slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
    for (int s : SlotsBeyondRest(in.fair, slots, limit)) {
      report->Add(
          {e, t, s, 0},
          absl::StrCat(in.names.EmployerName(e), " table ", t, " holds ",
                       limit + 1, " conversations in a row up to ",
                       in.names.SlotName(s), "; employers.max_consecutive is ",
                       limit));
    }
  }
}

// One rule per violation kind, in the order they are reported (the output
// is grouped by this order: appending is fine, reordering changes outputs).
//
// To add a hard constraint: write its rule above (a pure predicate that a
// rerun's locked meetings must pass too goes to score/meeting_rules.h),
// append it here, name the kind in check.h and give it a case in
// tests/check/check_test.cc (kRuleCases, which must list every kind).
struct Rule {
  std::string_view kind;
  void (*find)(const CheckInput& in, Report* report);
};

constexpr Rule kRules[] = {
    {"unknown-employer", UnknownEmployer},
    {"unknown-attendee", UnknownAttendee},
    {"slot-out-of-range", SlotOutOfRange},
    {"table-out-of-range", TableOutOfRange},
    {"empty-meeting", EmptyMeeting},
    {"duplicate-attendee", DuplicateAttendee},
    {"group-too-large", GroupTooLarge},
    {"table-double-booked", TableDoubleBooked},
    {"attendee-double-booked", AttendeeDoubleBooked},
    {"repeat-meeting", RepeatMeeting},
    {"too-many-meetings", TooManyMeetings},
    {"attendee-unavailable", AttendeeUnavailable},
    {"employer-unavailable", EmployerUnavailable},
    {"avoided-pair", AvoidedPair},
    {"requirement-failed", RequirementFailed},
    {"ineligible-pair", IneligiblePair},
    {"must-meet-missed", MustMeetMissed},
    {"table-without-rest", TableWithoutRest},
};

}  // namespace

std::vector<std::string> ViolationKinds() {
  std::vector<std::string> kinds;
  for (const Rule& rule : kRules) kinds.emplace_back(rule.kind);
  return kinds;
}

std::vector<Violation> CheckSchedule(const Fair& fair,
                                     const Compatibility& compat,
                                     const Schedule& schedule) {
  const Namer names(fair);
  const CheckInput in{fair, compat, schedule.meetings, names,
                      SeatsByAttendeeAndEmployer(names, schedule.meetings)};
  std::vector<Found> found;
  for (int kind = 0; kind < static_cast<int>(std::size(kRules)); ++kind) {
    Report report(kind, &found);
    kRules[kind].find(in, &report);
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
        Violation{std::string(kRules[f.kind].kind), std::move(f.message)});
  }
  return violations;
}

}  // namespace fairmatch
