#include "engine/io/changes_loader.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/base/civil_time.h"
#include "engine/io/yaml_fields.h"
#include "engine/model/people.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kTopKeys = {
    "withdraw", "walk_ins", "availability", "lock", "force", "forbid"};

class ChangesReader {
 public:
  ChangesReader(const std::string& path, Diagnostics* diags) : diags_(diags) {
    set_.path = path;
  }

  std::optional<ChangeSet> Read() {
    std::optional<YamlNode> root = ReadYamlFile(set_.path, diags_);
    if (!root) return std::nullopt;
    if (root->is_null())
      return std::move(set_);  // an empty file changes nothing
    if (!root->is_map()) {
      diags_->Error(root->mark,
                    absl::StrCat("a changes file is a map with keys ",
                                 absl::StrJoin(kTopKeys, ", "), "; got ",
                                 root->Describe()));
      return std::nullopt;
    }
    CheckKeys(*root, kTopKeys, "a changes file", diags_);
    for (const YamlEntry& e : root->entries) {
      if (e.value.is_null()) continue;
      if (!e.value.is_sequence()) {
        diags_->Error(e.value.mark, absl::StrCat("'", e.key,
                                                 "' must be a list of entries "
                                                 "starting with '- ', got ",
                                                 e.value.Describe()));
        continue;
      }
      for (const YamlNode& item : e.value.items) {
        if (e.key == "walk_ins") {
          ReadWalkIn(item);
          continue;
        }
        if (!item.is_map()) {
          diags_->Error(item.mark,
                        absl::StrCat("each entry of '", e.key,
                                     "' must be a map, got ", item.Describe()));
          continue;
        }
        if (e.key == "withdraw") {
          ReadWithdraw(item);
        } else if (e.key == "availability") {
          ReadAvailability(item);
        } else if (e.key == "lock" || e.key == "force" || e.key == "forbid") {
          ReadPair(e.key, item);
        }
      }
    }
    return std::move(set_);
  }

 private:
  std::optional<std::string> Required(const YamlNode& item, const char* key,
                                      const std::string& context) {
    const YamlNode* v = item.Find(key);
    if (v == nullptr) {
      diags_->Error(item.mark, absl::StrCat("this entry of '", context,
                                            "' has no '", key, "'"));
      return std::nullopt;
    }
    return ReadText(*v, absl::StrCat("'", key, "'"), diags_);
  }

  void ReadWithdraw(const YamlNode& item) {
    CheckKeys(item, {"who", "from"}, "a 'withdraw' entry", diags_);
    WithdrawChange w;
    w.mark = item.mark;
    std::optional<std::string> who = Required(item, "who", "withdraw");
    if (const YamlNode* from = item.Find("from");
        from != nullptr && !from->is_null()) {
      std::optional<int> t = ReadClock(*from, "'from'", diags_);
      if (!t) return;
      w.from = *t;
    }
    if (!who) return;
    w.who = *who;
    set_.withdraw.push_back(std::move(w));
  }

  void ReadAvailability(const YamlNode& item) {
    CheckKeys(item, {"who", "available"}, "an 'availability' entry", diags_);
    AvailabilityChange a;
    a.mark = item.mark;
    std::optional<std::string> who = Required(item, "who", "availability");
    const YamlNode* v = item.Find("available");
    if (v == nullptr) {
      diags_->Error(item.mark,
                    "this entry of 'availability' has no "
                    "'available'; give the person's new windows, "
                    "like available: [\"12:00-17:00\"]");
      return;
    }
    if (!v->is_null()) {
      if (!v->is_sequence()) {
        diags_->Error(v->mark, absl::StrCat("'available' must be a list of "
                                            "time windows like "
                                            "[\"10:00-12:00\"], got ",
                                            v->Describe()));
        return;
      }
      for (const YamlNode& w : v->items) {
        std::optional<TimeWindow> window =
            ReadWindow(w, "each 'available' window", diags_);
        if (!window) return;
        a.available.push_back(*window);
      }
    }
    if (!who) return;
    a.who = *who;
    set_.availability.push_back(std::move(a));
  }

  void ReadPair(const std::string& key, const YamlNode& item) {
    PairChange p;
    p.mark = item.mark;
    if (key == "force") {
      p.kind = PairChange::Kind::kForce;
      CheckKeys(item, {"attendee", "employer", "at", "table"},
                "a 'force' entry", diags_);
    } else {
      p.kind =
          key == "lock" ? PairChange::Kind::kLock : PairChange::Kind::kForbid;
      CheckKeys(item, {"attendee", "employer"},
                absl::StrCat("a '", key, "' entry"), diags_);
    }
    std::optional<std::string> attendee = Required(item, "attendee", key);
    std::optional<std::string> employer = Required(item, "employer", key);
    bool ok = attendee && employer;
    if (const YamlNode* at = item.Find("at"); at != nullptr && !at->is_null()) {
      std::optional<int> t = ReadClock(*at, "'at'", diags_);
      ok = ok && t.has_value();
      if (t) p.at = *t;
    }
    if (const YamlNode* table = item.Find("table");
        table != nullptr && !table->is_null()) {
      std::optional<int> t = ReadInt(*table, "'table'", 1, 100, diags_);
      ok = ok && t.has_value();
      if (t) p.table = *t;
      if (t && p.at < 0) {
        diags_->Error(table->mark,
                      "'table' needs 'at': a table is chosen "
                      "for a time");
        ok = false;
      }
    }
    if (!ok) return;
    p.attendee = *attendee;
    p.employer = *employer;
    set_.pairs.push_back(std::move(p));
  }

  void ReadWalkIn(const YamlNode& item) {
    const YamlNode* file = item.is_map() ? item.Find("file") : nullptr;
    if (file == nullptr) {
      set_.walk_ins.push_back(item);  // an attendee entry; checked as one
      return;
    }
    CheckKeys(item, {"file"}, "a 'walk_ins' file entry", diags_);
    std::optional<std::string> name = ReadText(*file, "'file'", diags_);
    if (!name) return;
    const std::string path =
        (fs::path(set_.path).parent_path() / *name).string();
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      diags_->Error(file->mark,
                    absl::StrCat("walk-ins file ", path, " not found"));
      return;
    }
    std::optional<YamlNode> root =
        ReadYamlFile(path, diags_, YamlLimits::ForPeople());
    if (!root) return;
    const YamlNode* list = root->is_map() ? root->Find("attendees") : nullptr;
    if (list == nullptr || !(list->is_sequence() || list->is_null())) {
      diags_->Error(root->mark,
                    "a walk-ins file is an attendees.yaml: a map "
                    "with the key 'attendees' holding a list");
      return;
    }
    set_.files.push_back(path);
    for (const YamlNode& entry : list->items) set_.walk_ins.push_back(entry);
  }

  Diagnostics* diags_;
  ChangeSet set_;
};

// [event start, until) within `windows` (empty: the whole event).
std::vector<TimeWindow> Before(const Event& event,
                               const std::vector<TimeWindow>& windows,
                               int until) {
  std::vector<TimeWindow> all = windows;
  if (all.empty()) all.push_back({event.start, event.end});
  std::vector<TimeWindow> out;
  for (TimeWindow w : all) {
    w.end = std::min(w.end, until);
    if (w.start < w.end) out.push_back(w);
  }
  return out;
}

// True when some must_meet, avoid or wants of either side names `id`.
bool Referenced(const std::string& id,
                const std::vector<PersonRefs>& attendee_refs,
                const std::vector<PersonRefs>& employer_refs) {
  for (const auto* side : {&attendee_refs, &employer_refs}) {
    for (const PersonRefs& person : *side) {
      for (const auto* refs :
           {&person.must_meet, &person.avoid, &person.wants}) {
        for (const IdRef& r : *refs) {
          if (r.id == id) return true;
        }
      }
    }
  }
  return false;
}

}  // namespace

std::optional<ChangeSet> ReadChangesFile(const std::string& path,
                                         Diagnostics* diags) {
  return ChangesReader(path, diags).Read();
}

namespace {

// Moves the people marked in `gone` from *people to *withdrawn (kept for
// history) and drops their references; returns each person's new index
// (-1 for the withdrawn).
template <typename Person>
std::vector<int> MoveOutWithdrawn(const std::vector<char>& gone,
                                  std::vector<Person>* people,
                                  std::vector<PersonRefs>* refs,
                                  std::vector<Person>* withdrawn) {
  std::vector<int> new_index(gone.size(), -1);
  std::vector<Person> kept;
  std::vector<PersonRefs> kept_refs;
  for (std::size_t i = 0; i < gone.size(); ++i) {
    if (gone[i]) {
      withdrawn->push_back(std::move((*people)[i]));
    } else {
      new_index[i] = static_cast<int>(kept.size());
      kept.push_back(std::move((*people)[i]));
      kept_refs.push_back(std::move((*refs)[i]));
    }
  }
  *people = std::move(kept);
  *refs = std::move(kept_refs);
  return new_index;
}

// ApplyChanges, one kind of change at a time.
class ChangeApplier {
 public:
  ChangeApplier(Fair* fair, std::vector<PersonRefs>* attendee_refs,
                std::vector<PersonRefs>* employer_refs, WithdrawnIds* withdrawn,
                Diagnostics* diags)
      : fair_(fair),
        attendee_refs_(attendee_refs),
        employer_refs_(employer_refs),
        withdrawn_(withdrawn),
        diags_(diags),
        people_(fair->attendees, fair->employers),
        gone_attendee_(fair->num_attendees(), 0),
        gone_employer_(fair->num_employers(), 0) {}

  void Apply(const std::vector<ChangeSet>& sets) {
    for (const ChangeSet& set : sets) {
      for (const WithdrawChange& w : set.withdraw) Withdraw(w);
      for (const AvailabilityChange& a : set.availability) SetAvailability(a);
      for (const PairChange& c : set.pairs) Pair(c);
    }
    // Withdrawn for the whole day: out of the plan, kept for history.
    const std::vector<int> employer_at =
        MoveOutWithdrawn(gone_employer_, &fair_->employers, employer_refs_,
                         &fair_->withdrawn_employers);
    const std::vector<int> attendee_at =
        MoveOutWithdrawn(gone_attendee_, &fair_->attendees, attendee_refs_,
                         &fair_->withdrawn_attendees);
    for (const Pending& p : pending_) {
      if (p.kind == PairChange::Kind::kLock) {
        fair_->locks.push_back(MeetingLock{attendee_at[p.attendee],
                                           employer_at[p.employer], p.mark});
      } else {
        fair_->fixed.push_back(FixedMeeting{attendee_at[p.attendee],
                                            employer_at[p.employer], p.slot,
                                            p.table, p.mark});
      }
    }
  }

 private:
  // A lock or fixed meeting, by the indices before withdrawals.
  struct Pending {
    PairChange::Kind kind;
    int attendee, employer, slot, table;
    SourceMark mark;
  };

  std::optional<PersonRef> Find(const std::string& query,
                                std::optional<Role> role,
                                const SourceMark& mark) {
    absl::StatusOr<PersonRef> ref = people_.Find(query, role);
    if (!ref.ok()) {
      diags_->Error(mark, ref.status().message());
      return std::nullopt;
    }
    return *ref;
  }
  Profile& ProfileOf(PersonRef r) {
    if (r.role == Role::kAttendee) return fair_->attendees[r.index];
    return fair_->employers[r.index];
  }
  char& Gone(PersonRef r) {
    return r.role == Role::kAttendee ? gone_attendee_[r.index]
                                     : gone_employer_[r.index];
  }

  void Withdraw(const WithdrawChange& w) {
    absl::StatusOr<PersonRef> ref = people_.Find(w.who);
    if (!ref.ok() && ref.status().code() == absl::StatusCode::kNotFound &&
        Referenced(w.who, *attendee_refs_, *employer_refs_)) {
      // Someone already gone from the inputs (a re-import without them)
      // whom a must_meet, avoid or wants still names: the references are
      // dropped, with a word. Anyone else unknown is a typo: an error.
      diags_->Warning(w.mark, absl::StrCat(ref.status().message(),
                                           "; nothing to withdraw, and "
                                           "references to '",
                                           w.who, "' are dropped"));
      withdrawn_->emplace(w.who, w.mark);
      return;
    }
    if (!ref.ok()) {
      diags_->Error(w.mark, ref.status().message());
      return;
    }
    Profile& p = ProfileOf(*ref);
    std::vector<TimeWindow> left;
    if (w.from >= 0) left = Before(fair_->event, p.available, w.from);
    if (left.empty()) {
      Gone(*ref) = 1;
      withdrawn_->emplace(p.id, w.mark);
    } else {
      p.available = std::move(left);
    }
  }

  void SetAvailability(const AvailabilityChange& a) {
    std::optional<PersonRef> ref = Find(a.who, std::nullopt, a.mark);
    if (!ref) return;
    if (Gone(*ref)) {
      diags_->Warning(a.mark, absl::StrCat(people_.Describe(*ref),
                                           " has withdrawn; this "
                                           "availability is not used"));
      return;
    }
    ProfileOf(*ref).available = a.available;
  }

  void Pair(const PairChange& c) {
    std::optional<PersonRef> a = Find(c.attendee, Role::kAttendee, c.mark);
    std::optional<PersonRef> e = Find(c.employer, Role::kEmployer, c.mark);
    if (!a || !e) return;
    if (Gone(*a) || Gone(*e)) {
      diags_->Warning(c.mark,
                      absl::StrCat(people_.Describe(Gone(*a) ? *a : *e),
                                   " has withdrawn; this entry is dropped"));
      return;
    }
    const Employer& emp = fair_->employers[e->index];
    if (c.kind == PairChange::Kind::kForce && c.at < 0) {
      (*attendee_refs_)[a->index].must_meet.push_back(IdRef{emp.id, c.mark});
      return;
    }
    if (c.kind == PairChange::Kind::kForbid) {
      (*attendee_refs_)[a->index].avoid.push_back(IdRef{emp.id, c.mark});
      return;
    }
    int slot = -1;
    if (c.kind == PairChange::Kind::kForce) {
      slot = SlotAt(c);
      if (slot < 0) return;
      if (c.table > emp.tables) {
        diags_->Error(c.mark, absl::StrCat("'table' ", c.table, ": ", emp.id,
                                           " has ", emp.tables, " table",
                                           emp.tables == 1 ? "" : "s"));
        return;
      }
    }
    pending_.push_back(
        Pending{c.kind, a->index, e->index, slot, c.table, c.mark});
  }

  // The slot a fixed meeting's `at` starts, or -1 with an error listing the
  // slots' starts.
  int SlotAt(const PairChange& c) {
    for (int s = 0; s < fair_->num_slots(); ++s) {
      if (fair_->slots[s].start == c.at) return s;
    }
    std::vector<std::string> starts;
    for (const Slot& s : fair_->slots) starts.push_back(FormatClock(s.start));
    diags_->Error(
        c.mark,
        absl::StrCat(
            "'at' ", FormatClock(c.at),
            " is not the start of a slot; slots start at ",
            absl::StrJoin(starts.begin(),
                          starts.begin() + std::min<size_t>(starts.size(), 12),
                          ", "),
            starts.size() > 12 ? ", ..." : ""));
    return -1;
  }

  Fair* fair_;
  std::vector<PersonRefs>* attendee_refs_;
  std::vector<PersonRefs>* employer_refs_;
  WithdrawnIds* withdrawn_;
  Diagnostics* diags_;
  const PeopleIndex people_;
  std::vector<char> gone_attendee_;
  std::vector<char> gone_employer_;
  std::vector<Pending> pending_;
};

}  // namespace

void ApplyChanges(const std::vector<ChangeSet>& sets, Fair* fair,
                  std::vector<PersonRefs>* attendee_refs,
                  std::vector<PersonRefs>* employer_refs,
                  WithdrawnIds* withdrawn, Diagnostics* diags) {
  ChangeApplier(fair, attendee_refs, employer_refs, withdrawn, diags)
      .Apply(sets);
}

}  // namespace fairmatch
