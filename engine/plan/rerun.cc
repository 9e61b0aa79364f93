#include "engine/plan/rerun.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/model/history.h"
#include "engine/model/intents.h"
#include "engine/score/meeting_rules.h"

namespace fairmatch {
namespace {

std::string Where(const RecordedSchedule& baseline, const RecordedMeeting& m) {
  std::string what =
      absl::StrCat(m.locked ? "locked meeting" : "meeting", " at ", m.start,
                   " with ", m.employer, " table ", m.table);
  if (m.line > 0) absl::StrAppend(&what, " (", baseline.path, ":", m.line, ")");
  return what;
}

bool ByPair(const BaselinePair& x, const BaselinePair& y) {
  return std::tie(x.attendee, x.employer) < std::tie(y.attendee, y.employer);
}

// The first slot that starts at or after --from (num_slots when none does),
// or 0 without --from.
int FirstSlotFrom(const Fair& fair, int from_minutes) {
  if (from_minutes < 0) return 0;
  for (int s = 0; s < fair.num_slots(); ++s) {
    if (fair.slots[s].start >= from_minutes) return s;
  }
  return fair.num_slots();
}

// The resolution, step by step (ResolveBaseline calls them in order); each
// step appends to problems_ and notes in the order the messages appear.
class BaselineResolver {
 public:
  BaselineResolver(const Fair& fair, const RecordedSchedule& baseline,
                   int from_minutes)
      : fair_(fair), baseline_(baseline), from_minutes_(from_minutes) {
    rerun_.change_penalty = fair.config.change_penalty;
    rerun_.first_slot = FirstSlotFrom(fair, from_minutes);
    for (int a = 0; a < fair.num_attendees(); ++a) {
      attendee_index_.emplace(fair.attendees[a].id, a);
    }
    for (int e = 0; e < fair.num_employers(); ++e) {
      employer_index_.emplace(fair.employers[e].id, e);
    }
    for (int s = 0; s < fair.num_slots(); ++s) {
      slot_index_.emplace(FormatClock(fair.slots[s].start), s);
    }
  }

  void ReadBaselineMeetings();
  void KeepFirstMeetingPerPair();
  void ApplyLocks();
  void ApplyFixedMeetings();
  void GiveFixedMeetingsTables();
  void CheckLockedPairs();
  void CheckLockedGroups();
  void CountHistory();
  void CheckAttendeeDays();
  void CheckTableRests();

  absl::StatusOr<Rerun> Result() {
    if (!problems_.empty()) {
      return absl::FailedPreconditionError(absl::StrJoin(problems_, "\n"));
    }
    return std::move(rerun_);
  }

 private:
  std::int64_t Code(int a, int e) const {
    return static_cast<std::int64_t>(a) * fair_.num_employers() + e;
  }
  int IndexOf(const absl::flat_hash_map<std::string, int>& index,
              const std::string& id) const {
    const auto it = index.find(id);
    return it == index.end() ? -1 : it->second;
  }
  void AddPair(int a, int e, const RecordedMeeting& m, bool history);
  void CheckLockedPairIntents(const BaselinePair& p, const std::string& who);
  void ReadHistoryMeeting(const RecordedMeeting& m, int e, int s);
  void ReadOpenMeeting(const RecordedMeeting& m, int e);
  BaselinePair* FindPair(int a, int e);

  const Fair& fair_;
  const RecordedSchedule& baseline_;
  const int from_minutes_;
  Rerun rerun_;
  absl::flat_hash_map<std::string, int> attendee_index_, employer_index_,
      slot_index_;
  std::vector<std::string> problems_;
  // Where each locked pair came from, for messages (by pair code).
  absl::flat_hash_map<std::int64_t, std::string> origin_;
  int lost_history_ = 0;
  // Fixed meetings without a table, for GiveFixedMeetingsTables.
  std::vector<const FixedMeeting*> any_table_;
  // Attendees of locked pairs per (employer, slot, table), once
  // CheckLockedPairs has run.
  std::map<std::tuple<int, int, int>, int> group_count_;
};

void BaselineResolver::AddPair(int a, int e, const RecordedMeeting& m,
                               bool history) {
  BaselinePair p;
  p.attendee = a;
  p.employer = e;
  p.slot = IndexOf(slot_index_, m.start);
  p.table = m.table;
  p.history = history;
  p.locked = !history && m.locked;
  if (p.locked) origin_.emplace(Code(a, e), Where(baseline_, m));
  rerun_.pairs.push_back(p);
}

// It has happened: kept as published, never re-checked. Only a time that
// is no longer a slot of the event cannot be expressed.
void BaselineResolver::ReadHistoryMeeting(const RecordedMeeting& m, int e,
                                          int s) {
  if (e < 0 || s < 0) {
    lost_history_ += static_cast<int>(m.attendees.size());
    rerun_.gone += static_cast<int>(m.attendees.size());
    return;
  }
  for (const std::string& id : m.attendees) {
    const int a = IndexOf(attendee_index_, id);
    if (a < 0) {
      ++lost_history_;
      ++rerun_.gone;
      continue;
    }
    AddPair(a, e, m, /*history=*/true);
  }
}

// Not yet happened: its people must still exist; a locked one says so
// when they do not.
void BaselineResolver::ReadOpenMeeting(const RecordedMeeting& m, int e) {
  if (m.locked && e < 0) {
    problems_.push_back(absl::StrCat(
        Where(baseline_, m), " cannot hold: employer ", m.employer,
        " is no longer in employers.yaml; keep it there (with `available` "
        "ending when it left) or unlock the meeting"));
  }
  for (const std::string& id : m.attendees) {
    const int a = IndexOf(attendee_index_, id);
    if (a < 0 || e < 0) {
      if (m.locked && a < 0) {
        problems_.push_back(absl::StrCat(
            Where(baseline_, m), " cannot hold: attendee ", id,
            " is no longer in attendees.yaml; restore the attendee or "
            "unlock the meeting"));
      }
      ++rerun_.gone;
      continue;
    }
    AddPair(a, e, m, /*history=*/false);
  }
}

void BaselineResolver::ReadBaselineMeetings() {
  for (const RecordedMeeting& m : baseline_.meetings) {
    const int e = IndexOf(employer_index_, m.employer);
    if (IsHistory(m, from_minutes_)) {
      ReadHistoryMeeting(m, e, IndexOf(slot_index_, m.start));
    } else {
      ReadOpenMeeting(m, e);
    }
  }
}

// One entry per (attendee, employer): the first in file order wins.
void BaselineResolver::KeepFirstMeetingPerPair() {
  std::vector<BaselinePair>& pairs = rerun_.pairs;
  std::stable_sort(pairs.begin(), pairs.end(), ByPair);
  pairs.erase(std::unique(pairs.begin(), pairs.end(),
                          [](const BaselinePair& x, const BaselinePair& y) {
                            return x.attendee == y.attendee &&
                                   x.employer == y.employer;
                          }),
              pairs.end());
}

BaselinePair* BaselineResolver::FindPair(int a, int e) {
  auto it = std::lower_bound(
      rerun_.pairs.begin(), rerun_.pairs.end(), std::pair<int, int>(a, e),
      [](const BaselinePair& x, const std::pair<int, int>& y) {
        return std::pair<int, int>(x.attendee, x.employer) < y;
      });
  if (it == rerun_.pairs.end() || it->attendee != a || it->employer != e) {
    return nullptr;
  }
  return &*it;
}

// changes.yaml: `lock` keeps a published meeting exactly.
void BaselineResolver::ApplyLocks() {
  for (const MeetingLock& lock : fair_.locks) {
    const std::string who = absl::StrCat(
        lock.mark.ToString(), ": lock of ", fair_.attendees[lock.attendee].id,
        " with ", fair_.employers[lock.employer].id);
    BaselinePair* p = FindPair(lock.attendee, lock.employer);
    if (baseline_.path.empty()) {
      // A fresh plan (a what-if beside the published one): nothing to keep.
      rerun_.notes.push_back(
          absl::StrCat(who,
                       " keeps a published meeting: it applies to reruns "
                       "(--baseline) and is ignored in a fresh plan"));
    } else if (p == nullptr) {
      problems_.push_back(absl::StrCat(who, ": they have no meeting in ",
                                       baseline_.path, " to keep"));
    } else if (!p->history) {
      p->locked = true;
      origin_.emplace(Code(lock.attendee, lock.employer), who);
    }
  }
}

// changes.yaml: `force` with `at` fixes a meeting (replacing the pair's
// published meeting, if any).
void BaselineResolver::ApplyFixedMeetings() {
  for (const FixedMeeting& f : fair_.fixed) {
    BaselinePair* p = FindPair(f.attendee, f.employer);
    if (p != nullptr && p->history) {
      problems_.push_back(
          absl::StrCat(f.mark.ToString(), ": ", fair_.attendees[f.attendee].id,
                       " already met ", fair_.employers[f.employer].id, " at ",
                       FormatClock(fair_.slots[p->slot].start),
                       " (history); drop this `force`"));
      continue;
    }
    if (p == nullptr) {
      BaselinePair fresh;
      fresh.attendee = f.attendee;
      fresh.employer = f.employer;
      rerun_.pairs.push_back(fresh);
      std::sort(rerun_.pairs.begin(), rerun_.pairs.end(), ByPair);
      p = FindPair(f.attendee, f.employer);
    }
    p->slot = f.slot;
    p->table = f.table;
    p->locked = true;
    origin_.insert_or_assign(
        Code(f.attendee, f.employer),
        absl::StrCat(f.mark.ToString(), ": forced meeting"));
    if (f.table == 0) any_table_.push_back(&f);
  }
}

// A fixed meeting without a table takes the lowest one no other locked
// meeting uses then.
void BaselineResolver::GiveFixedMeetingsTables() {
  std::map<std::pair<int, int>, std::vector<int>> taken;  // (e, s) -> tables
  for (const BaselinePair& p : rerun_.pairs) {
    if (p.locked && p.slot >= 0 && p.table > 0) {
      taken[{p.employer, p.slot}].push_back(p.table);
    }
  }
  for (const FixedMeeting* f : any_table_) {
    std::vector<int>& used = taken[{f->employer, f->slot}];
    int t = 1;
    while (std::find(used.begin(), used.end(), t) != used.end()) ++t;
    used.push_back(t);
    FindPair(f->attendee, f->employer)->table = t;
  }
}

// Every locked pair must hold in the changed fair, by the rules `fairmatch
// check` applies (score/meeting_rules.h, model/intents.h). History is not
// checked: it has happened.
void BaselineResolver::CheckLockedPairs() {
  for (const BaselinePair& p : rerun_.pairs) {
    if (!p.locked || p.history) continue;
    const Employer& emp = fair_.employers[p.employer];
    const Attendee& att = fair_.attendees[p.attendee];
    const auto o = origin_.find(Code(p.attendee, p.employer));
    const std::string who =
        absl::StrCat(o == origin_.end() ? "locked meeting" : o->second, " of ",
                     att.id, " with ", emp.id, " cannot hold: ");
    if (p.slot < 0) {
      problems_.push_back(absl::StrCat(
          who,
          "its time is no longer the start of a slot of the event; "
          "restore the event's slots or unlock the meeting"));
      continue;
    }
    const std::string at = FormatClock(fair_.slots[p.slot].start);
    if (!TableExists(fair_, p.employer, p.table)) {
      problems_.push_back(absl::StrCat(who, emp.id, " has ", emp.tables,
                                       " table", emp.tables == 1 ? "" : "s",
                                       "; raise its tables or unlock the "
                                       "meeting"));
      continue;
    }
    if (p.slot < rerun_.first_slot && from_minutes_ >= 0) {
      problems_.push_back(absl::StrCat(who, at, " is before --from ",
                                       FormatClock(from_minutes_)));
    }
    if (!fair_.EmployerAvailable(p.employer, p.slot)) {
      problems_.push_back(
          absl::StrCat(who, emp.id, " is not available at ", at, " (available ",
                       FormatWindows(emp.available),
                       "); widen its `available` or unlock the meeting"));
    }
    if (!fair_.AttendeeAvailable(p.attendee, p.slot)) {
      problems_.push_back(
          absl::StrCat(who, "attendee ", att.id, " is not available at ", at,
                       " (available ", FormatWindows(att.available),
                       "); widen their `available` or unlock the meeting"));
    }
    CheckLockedPairIntents(p, who);
    ++group_count_[{p.employer, p.slot, p.table}];
  }
}

// Avoids first (the attendee's, then the employer's), then requirements:
// one problem at most, as `fairmatch check` reports one kind.
void BaselineResolver::CheckLockedPairIntents(const BaselinePair& p,
                                              const std::string& who) {
  const Employer& emp = fair_.employers[p.employer];
  const Attendee& att = fair_.attendees[p.attendee];
  const Avoider avoider = WhoAvoids(fair_, p.attendee, p.employer);
  if (avoider == Avoider::kAttendee) {
    problems_.push_back(absl::StrCat(who, "attendee ", att.id, " avoids ",
                                     emp.id,
                                     "; drop the avoid or unlock the "
                                     "meeting"));
  } else if (avoider == Avoider::kEmployer) {
    problems_.push_back(absl::StrCat(who, "employer ", emp.id, " avoids ",
                                     att.id,
                                     "; drop the avoid or unlock the "
                                     "meeting"));
  } else if (bool by_employer = false;
             const Requirement* r = FailedRequirement(
                 fair_, p.attendee, p.employer, &by_employer)) {
    problems_.push_back(absl::StrCat(
        who, by_employer ? emp.id : att.id, " requires ", r->ToString(), " (",
        r->mark.ToString(), "), which ", by_employer ? att.id : emp.id,
        " does not meet; drop the requirement or unlock the meeting"));
  }
}

void BaselineResolver::CheckLockedGroups() {
  for (const auto& [key, count] : group_count_) {
    const auto [e, s, table] = key;
    if (!GroupFits(fair_, e, count)) {
      problems_.push_back(absl::StrCat(
          "locked meetings at ", FormatClock(fair_.slots[s].start), " with ",
          fair_.employers[e].id, " table ", table, " hold ", count,
          " attendees, above its group size ", fair_.GroupSize(e),
          "; raise group_size or unlock some of them"));
    }
  }
}

// History fixes the past: nothing new goes before its last slot.
void BaselineResolver::CountHistory() {
  for (const BaselinePair& p : rerun_.pairs) {
    if (!p.history) continue;
    ++rerun_.history;
    rerun_.first_slot = std::max(rerun_.first_slot, p.slot + 1);
    if (fair_.attendees[p.attendee].withdrawn ||
        fair_.employers[p.employer].withdrawn) {
      ++rerun_.history_of_withdrawn;
    }
  }
  if (rerun_.history_of_withdrawn > 0) {
    rerun_.notes.push_back(absl::StrCat(
        "kept ", rerun_.history_of_withdrawn, " past attendee-meeting",
        rerun_.history_of_withdrawn == 1 ? "" : "s",
        " of people who have since withdrawn or left the inputs, as "
        "published"));
  }
  if (lost_history_ > 0) {
    rerun_.notes.push_back(absl::StrCat(
        lost_history_, " past attendee-meeting",
        lost_history_ == 1 ? " is" : "s are",
        " not in the new plan: its time is no longer a slot of the event"));
  }
}

// Per attendee: pinned meetings must not collide; locked ones must fit
// the cap (history alone may exceed a cap lowered since).
void BaselineResolver::CheckAttendeeDays() {
  const std::vector<BaselinePair>& pairs = rerun_.pairs;
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    const int a = pairs[i].attendee;
    std::vector<int> slots;
    int locked = 0;
    for (; j < pairs.size() && pairs[j].attendee == a; ++j) {
      const BaselinePair& p = pairs[j];
      if (p.pinned() && p.slot >= 0) slots.push_back(p.slot);
      if (p.locked && !p.history) ++locked;
    }
    std::sort(slots.begin(), slots.end());
    const Attendee& att = fair_.attendees[a];
    if (std::adjacent_find(slots.begin(), slots.end()) != slots.end()) {
      problems_.push_back(
          absl::StrCat("attendee ", att.id,
                       " is in two kept meetings at the same time; "
                       "unlock one of them"));
    }
    if (locked > 0 && !WithinCap(fair_, a, static_cast<int>(slots.size()))) {
      problems_.push_back(absl::StrCat(
          "attendee ", att.id, " has ", slots.size(),
          " kept meetings but max_meetings is ", fair_.MaxMeetings(a),
          "; raise it or unlock some of them"));
    }
    i = j;
  }
}

// Per employer: with rests required, the locked tables alone must rest
// often enough (the planner cannot move them). History takes no part: it
// lies before first_slot.
void BaselineResolver::CheckTableRests() {
  const int limit = fair_.config.employer_max_consecutive;
  if (limit <= 0) return;
  // (employer, table) -> its locked slots, ascending (group_count_ is
  // ordered by employer, slot, table).
  std::map<std::pair<int, int>, std::vector<int>> busy;
  for (const auto& [key, count] : group_count_) {
    const auto [e, s, table] = key;
    busy[{e, table}].push_back(s);
  }
  int reported = -1;  // one problem per employer
  for (const auto& [where, slots] : busy) {
    const int e = where.first;
    if (e == reported || SlotsBeyondRest(fair_, slots, limit).empty()) {
      continue;
    }
    reported = e;
    problems_.push_back(absl::StrCat(
        "locked meetings at ", fair_.employers[e].id,
        " keep a table busy more than employers.max_consecutive = ", limit,
        " slots in a row; raise it or unlock some of them"));
  }
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
  BaselineResolver resolver(compat.fair(), baseline, from_minutes);
  // The baseline's meetings, resolved against the changed fair; one per
  // pair.
  resolver.ReadBaselineMeetings();
  resolver.KeepFirstMeetingPerPair();
  // changes.yaml's locks and fixed meetings; every fixed one has a table.
  resolver.ApplyLocks();
  resolver.ApplyFixedMeetings();
  resolver.GiveFixedMeetingsTables();
  // Every locked meeting holds in the changed fair, alone and together.
  resolver.CheckLockedPairs();
  resolver.CheckLockedGroups();
  // History moves first_slot past it.
  resolver.CountHistory();
  resolver.CheckAttendeeDays();
  resolver.CheckTableRests();
  return resolver.Result();
}

}  // namespace fairmatch
