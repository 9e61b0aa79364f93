#include "engine/check/schedule_diff.h"

#include <algorithm>
#include <cassert>
#include <iterator>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace fairmatch {
namespace {

// One attendee at one meeting.
struct Incidence {
  std::string attendee;
  std::string employer;
  std::string start;
  int table = 0;

  auto Key() const { return std::tie(attendee, employer, start, table); }
  bool SamePair(const Incidence& other) const {
    return attendee == other.attendee && employer == other.employer;
  }
  bool SamePlace(const Incidence& other) const {
    return start == other.start && table == other.table;
  }
};

// Every attendee-meeting of `s`, sorted by (attendee, employer, start,
// table).
std::vector<Incidence> Incidences(const RecordedSchedule& s) {
  std::vector<Incidence> out;
  for (const RecordedMeeting& m : s.meetings) {
    for (const std::string& a : m.attendees) {
      out.push_back({a, m.employer, m.start, m.table});
    }
  }
  std::sort(out.begin(), out.end(), [](const Incidence& x, const Incidence& y) {
    return x.Key() < y.Key();
  });
  return out;
}

// People by id, NEW's entry winning over OLD's (the newer name and email).
class People {
 public:
  void Add(const std::vector<RecordedPerson>& people) {
    for (const RecordedPerson& p : people) by_id_[p.id] = &p;
  }
  RecordedPerson Find(const std::string& id) const {
    const auto it = by_id_.find(id);
    if (it == by_id_.end()) return RecordedPerson{id, "", ""};
    return *it->second;
  }

 private:
  std::map<std::string, const RecordedPerson*> by_id_;
};

// Groups `changes` by `id_of`, each group sorted by `less`.
template <typename IdOf, typename Less>
std::vector<PersonChanges> GroupBy(const std::vector<MeetingChange>& changes,
                                   const People& people, IdOf id_of,
                                   Less less) {
  std::map<std::string, std::vector<MeetingChange>> groups;
  for (const MeetingChange& c : changes) groups[id_of(c)].push_back(c);
  std::vector<PersonChanges> out;
  out.reserve(groups.size());
  for (auto& [id, list] : groups) {
    std::sort(list.begin(), list.end(), less);
    out.push_back({people.Find(id), std::move(list)});
  }
  return out;
}

}  // namespace

const char* ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kMoved:
      return "moved";
    case ChangeKind::kAdded:
      return "added";
    case ChangeKind::kCancelled:
      return "cancelled";
    case ChangeKind::kRegrouped:
      return "regrouped";
  }
  return "?";
}

ScheduleDiff DiffFor(const ScheduleDiff& diff, const RecordedSchedule& old_s,
                     const RecordedSchedule& new_s, bool attendee,
                     const std::string& id) {
  ScheduleDiff out;
  auto mine = [&](const MeetingChange& c) {
    return attendee ? c.attendee == id
                    : c.employer == id && c.kind != ChangeKind::kRegrouped;
  };
  for (const MeetingChange& c : diff.changes) {
    if (!mine(c)) continue;
    out.changes.push_back(c);
    switch (c.kind) {
      case ChangeKind::kMoved:
        ++out.moved;
        break;
      case ChangeKind::kAdded:
        ++out.added;
        break;
      case ChangeKind::kCancelled:
        ++out.cancelled;
        break;
      case ChangeKind::kRegrouped:
        ++out.regrouped;
        break;
    }
  }
  auto narrow = [&](const std::vector<PersonChanges>& people) {
    std::vector<PersonChanges> kept;
    for (const PersonChanges& p : people) {
      PersonChanges q{p.person, {}};
      for (const MeetingChange& c : p.changes) {
        if (mine(c)) q.changes.push_back(c);
      }
      if (!q.changes.empty()) kept.push_back(std::move(q));
    }
    return kept;
  };
  out.attendees = narrow(diff.attendees);
  out.employers = narrow(diff.employers);
  for (const NotifyEntry& n : diff.notify) {
    const std::vector<PersonChanges>& list =
        n.role == NotifyEntry::Role::kAttendee ? out.attendees : out.employers;
    for (const PersonChanges& p : list) {
      if (p.person.id == n.person.id) {
        out.notify.push_back(
            {n.role, n.person, static_cast<int>(p.changes.size())});
      }
    }
  }
  // Kept: their places found unchanged on both sides.
  std::map<std::tuple<std::string, std::string, std::string, int>, int> places;
  auto count = [&](const RecordedSchedule& s, int sign) {
    for (const RecordedMeeting& m : s.meetings) {
      for (const std::string& a : m.attendees) {
        if (attendee ? a == id : m.employer == id) {
          places[{a, m.employer, m.start, m.table}] += sign;
        }
      }
    }
  };
  count(old_s, 1);
  for (const RecordedMeeting& m : new_s.meetings) {
    for (const std::string& a : m.attendees) {
      if (!(attendee ? a == id : m.employer == id)) continue;
      auto it = places.find({a, m.employer, m.start, m.table});
      if (it != places.end() && it->second > 0) {
        --it->second;
        ++out.kept;
      }
    }
  }
  return out;
}

ChangedPeople MarkChanged(const Fair& fair, const ScheduleDiff& diff) {
  ChangedPeople out;
  out.attendees.assign(fair.num_attendees(), 0);
  out.employers.assign(fair.num_employers(), 0);
  std::map<std::string, int> attendee_at, employer_at;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    attendee_at.emplace(fair.attendees[a].id, a);
  }
  for (int e = 0; e < fair.num_employers(); ++e) {
    employer_at.emplace(fair.employers[e].id, e);
  }
  for (const PersonChanges& p : diff.attendees) {
    if (const auto it = attendee_at.find(p.person.id);
        it != attendee_at.end()) {
      out.attendees[it->second] = 1;
    }
  }
  for (const PersonChanges& p : diff.employers) {
    if (const auto it = employer_at.find(p.person.id);
        it != employer_at.end()) {
      out.employers[it->second] = 1;
    }
  }
  return out;
}

RecordedSchedule RecordSchedule(const Fair& fair, const Schedule& schedule) {
  RecordedSchedule out;
  out.event_name = fair.event.name;
  out.event_date = fair.event.date;
  out.meetings.reserve(schedule.meetings.size());
  for (const Meeting& m : schedule.meetings) {
    assert(m.slot >= 0 && m.slot < fair.num_slots());
    assert(m.employer >= 0 && m.employer < fair.num_employers());
    RecordedMeeting r;
    r.start = FormatClock(fair.slots[m.slot].start);
    r.end = FormatClock(fair.slots[m.slot].end);
    r.employer = fair.employers[m.employer].id;
    r.table = m.table;
    r.locked = m.locked;
    r.history = m.history;
    for (int a : m.attendees) {
      assert(a >= 0 && a < fair.num_attendees());
      r.attendees.push_back(fair.attendees[a].id);
    }
    out.meetings.push_back(std::move(r));
  }
  for (const Attendee& a : fair.attendees) {
    out.attendees.push_back({a.id, a.name, a.email});
  }
  for (const Employer& e : fair.employers) {
    out.employers.push_back({e.id, e.name, e.email});
  }
  auto by_id = [](const RecordedPerson& x, const RecordedPerson& y) {
    return x.id < y.id;
  };
  std::sort(out.attendees.begin(), out.attendees.end(), by_id);
  std::sort(out.employers.begin(), out.employers.end(), by_id);
  return out;
}

namespace {

// Who sits at each (employer, start, table) of a schedule, sorted.
using Cell = std::tuple<std::string, std::string, int>;
std::map<Cell, std::vector<std::string>> GroupsOf(const RecordedSchedule& s) {
  std::map<Cell, std::vector<std::string>> groups;
  for (const RecordedMeeting& m : s.meetings) {
    std::vector<std::string>& g = groups[{m.employer, m.start, m.table}];
    g.insert(g.end(), m.attendees.begin(), m.attendees.end());
  }
  for (auto& [cell, g] : groups) std::sort(g.begin(), g.end());
  return groups;
}

// The changes from OLD to NEW, one (attendee, employer) pair at a time
// (DiffPair), counted and listed into diff().
class Differ {
 public:
  Differ(const RecordedSchedule& old_s, const RecordedSchedule& new_s)
      : old_groups_(GroupsOf(old_s)), new_groups_(GroupsOf(new_s)) {
    attendees_.Add(old_s.attendees);
    attendees_.Add(new_s.attendees);
    employers_.Add(old_s.employers);
    employers_.Add(new_s.employers);
  }

  // One pair's incidences on each side, sorted: kept are equal places (a
  // multiset intersection of two sorted runs); the rest moved, paired in
  // time order; then added or cancelled.
  void DiffPair(const Incidence* olds, size_t num_old, const Incidence* news,
                size_t num_new) {
    std::vector<const Incidence*> old_left, new_left;
    size_t p = 0, q = 0;
    while (p < num_old && q < num_new) {
      if (olds[p].SamePlace(news[q])) {
        ++diff_.kept;
        Regrouped(olds[p]);
        ++p;
        ++q;
      } else if (olds[p].Key() < news[q].Key()) {
        old_left.push_back(&olds[p++]);
      } else {
        new_left.push_back(&news[q++]);
      }
    }
    for (; p < num_old; ++p) old_left.push_back(&olds[p]);
    for (; q < num_new; ++q) new_left.push_back(&news[q]);
    size_t k = 0;
    for (; k < old_left.size() && k < new_left.size(); ++k) {
      ++diff_.moved;
      Change(ChangeKind::kMoved, old_left[k], new_left[k]);
    }
    for (size_t r = k; r < old_left.size(); ++r) {
      ++diff_.cancelled;
      Change(ChangeKind::kCancelled, old_left[r], nullptr);
    }
    for (size_t r = k; r < new_left.size(); ++r) {
      ++diff_.added;
      Change(ChangeKind::kAdded, nullptr, new_left[r]);
    }
  }

  // The changes grouped per person and the notify list.
  ScheduleDiff Finish();

 private:
  MeetingChange& Change(ChangeKind kind, const Incidence* from,
                        const Incidence* to) {
    const Incidence& any = from != nullptr ? *from : *to;
    MeetingChange c;
    c.kind = kind;
    const RecordedPerson attendee = attendees_.Find(any.attendee);
    c.attendee = any.attendee;
    c.attendee_name = attendee.name;
    c.attendee_email = attendee.email;
    c.employer = any.employer;
    c.employer_name = employers_.Find(any.employer).name;
    if (from != nullptr) {
      c.old_start = from->start;
      c.old_table = from->table;
    }
    if (to != nullptr) {
      c.new_start = to->start;
      c.new_table = to->table;
    }
    diff_.changes.push_back(std::move(c));
    return diff_.changes.back();
  }

  // A kept meeting whose group changed is regrouped.
  void Regrouped(const Incidence& kept) {
    const Cell cell{kept.employer, kept.start, kept.table};
    const std::vector<std::string>& before = old_groups_.at(cell);
    const std::vector<std::string>& after = new_groups_.at(cell);
    if (before == after) return;
    MeetingChange& c = Change(ChangeKind::kRegrouped, &kept, &kept);
    std::set_difference(after.begin(), after.end(), before.begin(),
                        before.end(), std::back_inserter(c.joined));
    std::set_difference(before.begin(), before.end(), after.begin(),
                        after.end(), std::back_inserter(c.left));
    ++diff_.regrouped;
  }

  People attendees_, employers_;
  const std::map<Cell, std::vector<std::string>> old_groups_, new_groups_;
  ScheduleDiff diff_;
};

ScheduleDiff Differ::Finish() {
  auto by_attendee = [](const MeetingChange& x, const MeetingChange& y) {
    return std::tie(x.attendee, x.time(), x.employer, x.old_start, x.old_table,
                    x.new_table) < std::tie(y.attendee, y.time(), y.employer,
                                            y.old_start, y.old_table,
                                            y.new_table);
  };
  auto by_employer = [](const MeetingChange& x, const MeetingChange& y) {
    return std::tie(x.employer, x.time(), x.attendee, x.old_start, x.old_table,
                    x.new_table) < std::tie(y.employer, y.time(), y.attendee,
                                            y.old_start, y.old_table,
                                            y.new_table);
  };
  std::sort(diff_.changes.begin(), diff_.changes.end(), by_attendee);
  diff_.attendees = GroupBy(
      diff_.changes, attendees_,
      [](const MeetingChange& c) { return c.attendee; }, by_attendee);
  // An employer's roster changes by the attendee-meetings added, moved
  // and cancelled; a regrouping is their attendees' news, not another
  // change of the employer's.
  std::vector<MeetingChange> roster_changes;
  for (const MeetingChange& c : diff_.changes) {
    if (c.kind != ChangeKind::kRegrouped) roster_changes.push_back(c);
  }
  diff_.employers = GroupBy(
      roster_changes, employers_,
      [](const MeetingChange& c) { return c.employer; }, by_employer);
  for (const PersonChanges& p : diff_.attendees) {
    diff_.notify.push_back({NotifyEntry::Role::kAttendee, p.person,
                            static_cast<int>(p.changes.size())});
  }
  for (const PersonChanges& p : diff_.employers) {
    diff_.notify.push_back({NotifyEntry::Role::kEmployer, p.person,
                            static_cast<int>(p.changes.size())});
  }
  return std::move(diff_);
}

}  // namespace

ScheduleDiff DiffSchedules(const RecordedSchedule& old_s,
                           const RecordedSchedule& new_s) {
  const std::vector<Incidence> olds = Incidences(old_s);
  const std::vector<Incidence> news = Incidences(new_s);
  Differ differ(old_s, new_s);
  // Walk both sorted lists one (attendee, employer) pair at a time.
  size_t i = 0, j = 0;
  while (i < olds.size() || j < news.size()) {
    const Incidence& head =
        j == news.size() || (i < olds.size() && olds[i].Key() < news[j].Key())
            ? olds[i]
            : news[j];
    size_t i_end = i, j_end = j;
    while (i_end < olds.size() && olds[i_end].SamePair(head)) ++i_end;
    while (j_end < news.size() && news[j_end].SamePair(head)) ++j_end;
    differ.DiffPair(olds.data() + i, i_end - i, news.data() + j, j_end - j);
    i = i_end;
    j = j_end;
  }
  return differ.Finish();
}

}  // namespace fairmatch
