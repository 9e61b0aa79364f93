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

void ApplyChanges(const std::vector<ChangeSet>& sets, Fair* fair,
                  std::vector<PersonRefs>* attendee_refs,
                  std::vector<PersonRefs>* employer_refs,
                  WithdrawnIds* withdrawn, Diagnostics* diags) {
  const PeopleIndex people(fair->attendees, fair->employers);
  std::vector<char> gone_attendee(fair->num_attendees(), 0);
  std::vector<char> gone_employer(fair->num_employers(), 0);
  auto find = [&](const std::string& query, std::optional<Role> role,
                  const SourceMark& mark) -> std::optional<PersonRef> {
    absl::StatusOr<PersonRef> ref = people.Find(query, role);
    if (!ref.ok()) {
      diags->Error(mark, ref.status().message());
      return std::nullopt;
    }
    return *ref;
  };
  auto profile_of = [&](PersonRef r) -> Profile& {
    if (r.role == Role::kAttendee) return fair->attendees[r.index];
    return fair->employers[r.index];
  };
  auto is_gone = [&](PersonRef r) {
    return r.role == Role::kAttendee ? gone_attendee[r.index] != 0
                                     : gone_employer[r.index] != 0;
  };
  struct Pending {
    PairChange::Kind kind;
    int attendee, employer, slot, table;
    SourceMark mark;
  };
  std::vector<Pending> pending;

  for (const ChangeSet& set : sets) {
    for (const WithdrawChange& w : set.withdraw) {
      absl::StatusOr<PersonRef> ref = people.Find(w.who);
      if (!ref.ok() && ref.status().code() == absl::StatusCode::kNotFound &&
          Referenced(w.who, *attendee_refs, *employer_refs)) {
        // Someone already gone from the inputs (a re-import without them)
        // whom a must_meet, avoid or wants still names: the references are
        // dropped, with a word. Anyone else unknown is a typo: an error.
        diags->Warning(w.mark, absl::StrCat(ref.status().message(),
                                            "; nothing to withdraw, and "
                                            "references to '",
                                            w.who, "' are dropped"));
        withdrawn->emplace(w.who, w.mark);
        continue;
      }
      if (!ref.ok()) {
        diags->Error(w.mark, ref.status().message());
        continue;
      }
      Profile& p = profile_of(*ref);
      std::vector<TimeWindow> left;
      if (w.from >= 0) left = Before(fair->event, p.available, w.from);
      if (left.empty()) {
        (ref->role == Role::kAttendee ? gone_attendee
                                      : gone_employer)[ref->index] = 1;
        withdrawn->emplace(p.id, w.mark);
      } else {
        p.available = std::move(left);
      }
    }
    for (const AvailabilityChange& a : set.availability) {
      std::optional<PersonRef> ref = find(a.who, std::nullopt, a.mark);
      if (!ref) continue;
      if (is_gone(*ref)) {
        diags->Warning(a.mark, absl::StrCat(people.Describe(*ref),
                                            " has withdrawn; this "
                                            "availability is not used"));
        continue;
      }
      Profile& p = profile_of(*ref);
      p.available = a.available;
    }
    for (const PairChange& c : set.pairs) {
      std::optional<PersonRef> a = find(c.attendee, Role::kAttendee, c.mark);
      std::optional<PersonRef> e = find(c.employer, Role::kEmployer, c.mark);
      if (!a || !e) continue;
      if (is_gone(*a) || is_gone(*e)) {
        diags->Warning(c.mark,
                       absl::StrCat(people.Describe(is_gone(*a) ? *a : *e),
                                    " has withdrawn; this entry is dropped"));
        continue;
      }
      const Employer& emp = fair->employers[e->index];
      if (c.kind == PairChange::Kind::kForce && c.at < 0) {
        (*attendee_refs)[a->index].must_meet.push_back(IdRef{emp.id, c.mark});
      } else if (c.kind == PairChange::Kind::kForbid) {
        (*attendee_refs)[a->index].avoid.push_back(IdRef{emp.id, c.mark});
      } else {
        int slot = -1;
        if (c.kind == PairChange::Kind::kForce) {
          for (int s = 0; s < fair->num_slots(); ++s) {
            if (fair->slots[s].start == c.at) slot = s;
          }
          if (slot < 0) {
            std::vector<std::string> starts;
            for (const Slot& s : fair->slots)
              starts.push_back(FormatClock(s.start));
            diags->Error(c.mark,
                         absl::StrCat("'at' ", FormatClock(c.at),
                                      " is not the start of a slot; slots "
                                      "start at ",
                                      absl::StrJoin(starts.begin(),
                                                    starts.begin() +
                                                        std::min<size_t>(
                                                            starts.size(), 12),
                                                    ", "),
                                      starts.size() > 12 ? ", ..." : ""));
            continue;
          }
          if (c.table > emp.tables) {
            diags->Error(c.mark, absl::StrCat("'table' ", c.table, ": ", emp.id,
                                              " has ", emp.tables, " table",
                                              emp.tables == 1 ? "" : "s"));
            continue;
          }
        }
        pending.push_back(
            Pending{c.kind, a->index, e->index, slot, c.table, c.mark});
      }
    }
  }

  // Withdrawn for the whole day: out of the plan, kept for history.
  std::vector<int> employer_at(fair->num_employers(), -1);
  std::vector<int> attendee_at(fair->num_attendees(), -1);
  {
    std::vector<Employer> kept;
    std::vector<PersonRefs> kept_refs;
    for (int e = 0; e < fair->num_employers(); ++e) {
      if (gone_employer[e]) {
        fair->withdrawn_employers.push_back(std::move(fair->employers[e]));
      } else {
        employer_at[e] = static_cast<int>(kept.size());
        kept.push_back(std::move(fair->employers[e]));
        kept_refs.push_back(std::move((*employer_refs)[e]));
      }
    }
    fair->employers = std::move(kept);
    *employer_refs = std::move(kept_refs);
  }
  {
    std::vector<Attendee> kept;
    std::vector<PersonRefs> kept_refs;
    for (int a = 0; a < static_cast<int>(gone_attendee.size()); ++a) {
      if (gone_attendee[a]) {
        fair->withdrawn_attendees.push_back(std::move(fair->attendees[a]));
      } else {
        attendee_at[a] = static_cast<int>(kept.size());
        kept.push_back(std::move(fair->attendees[a]));
        kept_refs.push_back(std::move((*attendee_refs)[a]));
      }
    }
    fair->attendees = std::move(kept);
    *attendee_refs = std::move(kept_refs);
  }
  for (const Pending& p : pending) {
    if (p.kind == PairChange::Kind::kLock) {
      fair->locks.push_back(MeetingLock{attendee_at[p.attendee],
                                        employer_at[p.employer], p.mark});
    } else {
      fair->fixed.push_back(FixedMeeting{attendee_at[p.attendee],
                                         employer_at[p.employer], p.slot,
                                         p.table, p.mark});
    }
  }
}

}  // namespace fairmatch
