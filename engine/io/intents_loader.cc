#include "engine/io/intents_loader.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "engine/base/edit_distance.h"
#include "engine/base/tags.h"
#include "engine/io/yaml_fields.h"
#include "engine/model/intents.h"

namespace fairmatch {
namespace {

const std::vector<std::string> kRangeKeys = {"min", "max"};

// One clause from `key: value`; false (with an error) when it is not one.
bool ReadClause(const std::string& field, const SourceMark& key_mark,
                const YamlNode& v, Diagnostics* diags, Requirement* out) {
  out->field = field;
  out->mark = key_mark;
  const std::string what = absl::StrCat("requirement '", field, "'");
  if (v.is_null()) {
    diags->Error(v.mark, absl::StrCat(what,
                                      " is empty; give the accepted "
                                      "values, like [MSc, PhD], or a "
                                      "range {min: 2026, max: 2027}"));
    return false;
  }
  if (v.is_map()) {
    CheckKeys(v, kRangeKeys, absl::StrCat("the range of ", what), diags);
    out->range = true;
    bool ok = true;
    for (const char* bound : {"min", "max"}) {
      const YamlNode* n = v.Find(bound);
      if (n == nullptr || n->is_null()) continue;
      std::optional<double> x = ReadNumber(
          *n, absl::StrCat("'", bound, "' of ", what), -1e15, 1e15, diags);
      if (!x) {
        ok = false;
      } else if (bound[1] == 'i') {
        out->min = *x;
      } else {
        out->max = *x;
      }
    }
    if (!ok) return false;
    if (v.Find("min") == nullptr && v.Find("max") == nullptr) {
      diags->Error(v.mark, absl::StrCat("the range of ", what,
                                        " needs 'min', 'max' or both"));
      return false;
    }
    if (out->min > out->max) {
      diags->Error(v.mark, absl::StrCat("the range of ", what,
                                        " has 'min' above 'max'"));
      return false;
    }
    return true;
  }
  std::vector<const YamlNode*> items;
  if (v.is_scalar()) {
    items.push_back(&v);
  } else {
    for (const YamlNode& item : v.items) items.push_back(&item);
    if (items.empty()) {
      diags->Error(v.mark, absl::StrCat(what,
                                        " lists no accepted value; "
                                        "remove it to accept everyone"));
      return false;
    }
  }
  bool ok = true;
  for (const YamlNode* item : items) {
    std::optional<std::string> text =
        ReadText(*item, absl::StrCat("each value of ", what), diags);
    if (!text) {
      ok = false;
      continue;
    }
    std::string norm = NormalizeTag(*text);
    if (std::find(out->any_of.begin(), out->any_of.end(), norm) ==
        out->any_of.end()) {
      out->any_of.push_back(std::move(norm));
    }
  }
  return ok;
}

struct Resolved {
  int index;
  SourceMark mark;
};

// Resolves ids against one side's index. `kind` names that side.
class RefResolver {
 public:
  RefResolver(const char* kind, std::vector<std::string> ids,
              const WithdrawnIds& withdrawn, Diagnostics* diags)
      : kind_(kind),
        ids_(std::move(ids)),
        withdrawn_(withdrawn),
        diags_(diags) {
    for (int i = 0; i < static_cast<int>(ids_.size()); ++i) {
      index_.emplace(ids_[i], i);
    }
  }

  // In file order; unknown and withdrawn ids dropped (with an error or a
  // warning), repeats kept (callers decide).
  std::vector<Resolved> Resolve(const std::vector<IdRef>& refs,
                                const char* key) const {
    std::vector<Resolved> out;
    for (const IdRef& r : refs) {
      auto it = index_.find(r.id);
      if (it != index_.end()) {
        out.push_back({it->second, r.mark});
        continue;
      }
      if (const auto w = withdrawn_.find(r.id); w != withdrawn_.end()) {
        diags_->Warning(r.mark, absl::StrCat("'", r.id, "' has withdrawn (",
                                             w->second.ToString(),
                                             "); dropped from '", key, "'"));
        continue;
      }
      if (diags_->full()) {  // dropped anyway: no did-you-mean for it
        diags_->Error(r.mark, absl::StrCat("unknown ", kind_));
        continue;
      }
      diags_->Error(r.mark,
                    absl::StrCat("unknown ", kind_, " '", r.id, "' in '", key,
                                 "'", DidYouMean(r.id, ids_)));
    }
    return out;
  }

 private:
  const char* kind_;
  std::vector<std::string> ids_;
  absl::flat_hash_map<std::string, int> index_;
  const WithdrawnIds& withdrawn_;
  Diagnostics* diags_;
};

// Sorted unique indices, and where each was first written.
std::vector<int> SortedIndices(std::vector<Resolved> refs,
                               absl::flat_hash_map<int, SourceMark>* marks) {
  std::vector<int> out;
  for (Resolved& r : refs) {
    if (marks->emplace(r.index, r.mark).second) out.push_back(r.index);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The ranked wishes, each once; a repeat is a warning.
std::vector<int> RankedWishes(const std::vector<Resolved>& refs,
                              const std::vector<std::string>& ids,
                              Diagnostics* diags) {
  std::vector<int> out;
  absl::flat_hash_set<int> seen;
  for (const Resolved& r : refs) {
    if (seen.insert(r.index).second) {
      out.push_back(r.index);
    } else {
      diags->Warning(r.mark, absl::StrCat("'", ids[r.index],
                                          "' is already in 'wants'; the "
                                          "first place counts"));
    }
  }
  return out;
}

template <typename Person>
std::vector<std::string> Ids(const std::vector<Person>& people) {
  std::vector<std::string> ids;
  ids.reserve(people.size());
  for (const Person& p : people) ids.push_back(p.id);
  return ids;
}

// What a person's field holds, for a message: "has 'BSc'" / "has none".
template <typename Person>
std::string Holds(const Person& p, const std::string& field) {
  const auto v = FieldValue(p, field);
  if (!v) return absl::StrCat(p.id, " has no ", field);
  return absl::StrCat(p.id, "'s is '", *v, "'");
}

// A warning per requirement field that nobody on the other side has.
// Each such field is named once, where it is first required.
template <typename Person>
void WarnUnknownFields(const std::vector<Person>& people,
                       const std::vector<std::string>& fields,
                       const char* other_side, Diagnostics* diags) {
  const absl::flat_hash_set<std::string> known(fields.begin(), fields.end());
  absl::flat_hash_set<std::string> warned;
  for (const Person& p : people) {
    for (const Requirement& r : p.requirements) {
      if (known.contains(r.field) || !warned.insert(r.field).second) continue;
      diags->Warning(r.mark,
                     absl::StrCat("no ", other_side, " has '", r.field,
                                  "', so this requirement excludes every ",
                                  other_side, DidYouMean(r.field, fields)));
    }
  }
}

}  // namespace

std::vector<Requirement> ReadRequirements(const YamlNode& node,
                                          bool of_employer,
                                          Diagnostics* diags) {
  std::vector<Requirement> out;
  if (node.is_null()) return out;
  const char* example = of_employer
                            ? "{program: [Computer Science], extra.level: "
                              "[MSc, PhD]}"
                            : "{extra.remote: [yes]}";
  if (!node.is_map()) {
    diags->Error(node.mark,
                 absl::StrCat("'requires' must be a map of fields like ",
                              example, ", got ", node.Describe()));
    return out;
  }
  auto add = [&](const std::string& field, const SourceMark& mark,
                 const YamlNode& v) {
    Requirement r;
    if (ReadClause(field, mark, v, diags, &r)) out.push_back(std::move(r));
  };
  for (const YamlEntry& e : node.entries) {
    if (e.key == "extra" && e.value.is_map()) {  // nested: extra: {level: ...}
      for (const YamlEntry& sub : e.value.entries) {
        add(absl::StrCat("extra.", sub.key), sub.key_mark, sub.value);
      }
      continue;
    }
    const bool extra = absl::StartsWith(e.key, "extra.") && e.key.size() > 6;
    if (extra || (of_employer && e.key == "program")) {
      add(e.key, e.key_mark, e.value);
      continue;
    }
    diags->Error(
        e.key_mark,
        of_employer
            ? absl::StrCat("unknown requirement field '", e.key,
                           "'; an employer may require 'program' or an "
                           "attendee's extra field as 'extra.",
                           e.key, "'")
            : absl::StrCat("unknown requirement field '", e.key,
                           "'; an attendee may require an employer's extra "
                           "field, as 'extra.",
                           e.key == "program" ? "sector" : e.key, "'"));
  }
  return out;
}

namespace {

// One side's own lists that contradict each other: an avoid that is also
// a must_meet or a wish. Person: Attendee or Employer.
template <typename Person>
void CheckOwnLists(const Person& p,
                   const absl::flat_hash_map<int, SourceMark>& avoid_marks,
                   const std::vector<std::string>& other_ids,
                   const char* other_kind, Diagnostics* diags) {
  for (int x : p.avoid) {
    if (std::binary_search(p.must_meet.begin(), p.must_meet.end(), x)) {
      diags->Error(avoid_marks.at(x),
                   absl::StrCat(other_kind, " '", other_ids[x],
                                "' is in both 'must_meet' and 'avoid'; keep "
                                "it in one of them"));
    } else if (WishRank(p.wants, x) > 0) {
      diags->Error(avoid_marks.at(x),
                   absl::StrCat(other_kind, " '", other_ids[x],
                                "' is in both 'wants' and 'avoid'; keep it "
                                "in one of them"));
    }
  }
}

// Requirements on a field nobody on the other side has: a likely typo.
void WarnUnknownRequirementFields(const Fair& fair, Diagnostics* diags) {
  std::vector<std::string> attendee_fields, employer_fields;
  if (std::any_of(fair.attendees.begin(), fair.attendees.end(),
                  [](const Attendee& att) { return !att.program.empty(); })) {
    attendee_fields.push_back("program");
  }
  for (const std::string& k : ExtraKeys(fair, true)) {
    attendee_fields.push_back(absl::StrCat("extra.", k));
  }
  for (const std::string& k : ExtraKeys(fair, false)) {
    employer_fields.push_back(absl::StrCat("extra.", k));
  }
  WarnUnknownFields(fair.employers, attendee_fields, "attendee", diags);
  WarnUnknownFields(fair.attendees, employer_fields, "employer", diags);
}

}  // namespace

void ResolveIntents(const std::vector<PersonRefs>& attendee_refs,
                    const std::vector<PersonRefs>& employer_refs,
                    const WithdrawnIds& withdrawn, Fair* fair,
                    Diagnostics* diags) {
  const std::vector<std::string> employer_ids = Ids(fair->employers);
  const std::vector<std::string> attendee_ids = Ids(fair->attendees);
  const RefResolver employers("employer", employer_ids, withdrawn, diags);
  const RefResolver attendees("attendee", attendee_ids, withdrawn, diags);

  // Where each must_meet and avoid was written, per side, for messages.
  std::vector<absl::flat_hash_map<int, SourceMark>> a_must(
      fair->attendees.size()),
      a_avoid(fair->attendees.size()), e_must(fair->employers.size()),
      e_avoid(fair->employers.size());
  // Each side's lists, resolved against the other side.
  auto resolve_side = [diags](auto& people, const std::vector<PersonRefs>& refs,
                              const RefResolver& other,
                              const std::vector<std::string>& other_ids,
                              auto& must_marks, auto& avoid_marks) {
    for (std::size_t p = 0; p < people.size(); ++p) {
      people[p].must_meet = SortedIndices(
          other.Resolve(refs[p].must_meet, "must_meet"), &must_marks[p]);
      people[p].avoid =
          SortedIndices(other.Resolve(refs[p].avoid, "avoid"), &avoid_marks[p]);
      people[p].wants =
          RankedWishes(other.Resolve(refs[p].wants, "wants"), other_ids, diags);
    }
  };
  resolve_side(fair->attendees, attendee_refs, employers, employer_ids, a_must,
               a_avoid);
  resolve_side(fair->employers, employer_refs, attendees, attendee_ids, e_must,
               e_avoid);

  auto sorted_has = [](const std::vector<int>& v, int x) {
    return std::binary_search(v.begin(), v.end(), x);
  };
  for (int a = 0; a < fair->num_attendees(); ++a) {
    const Attendee& att = fair->attendees[a];
    CheckOwnLists(att, a_avoid[a], employer_ids, "employer", diags);
  }
  for (int e = 0; e < fair->num_employers(); ++e) {
    const Employer& emp = fair->employers[e];
    CheckOwnLists(emp, e_avoid[e], attendee_ids, "attendee", diags);
  }

  // A must_meet of one side that the other side's avoid or either side's
  // requirements rule out: the error is on the must_meet and names the
  // other line.
  // (A must_meet and an avoid on one side's own lists were reported above.)
  auto check_must = [&](int a, int e, const SourceMark& where,
                        bool attendees_must, const std::string& who_must,
                        const std::string& whom) {
    const Attendee& att = fair->attendees[a];
    const Employer& emp = fair->employers[e];
    if (const auto it = a_avoid[a].find(e);
        it != a_avoid[a].end() && !attendees_must) {
      diags->Error(where, absl::StrCat(who_must, " must meet ", whom, ", but ",
                                       att.id, " avoids ", emp.id, " (",
                                       it->second.ToString(), ")"));
      return;
    }
    if (const auto it = e_avoid[e].find(a);
        it != e_avoid[e].end() && attendees_must) {
      diags->Error(where, absl::StrCat(who_must, " must meet ", whom, ", but ",
                                       emp.id, " avoids ", att.id, " (",
                                       it->second.ToString(), ")"));
      return;
    }
    bool by_employer = false;
    if (const Requirement* r = FailedRequirement(*fair, a, e, &by_employer)) {
      diags->Error(
          where, absl::StrCat(
                     who_must, " must meet ", whom, ", but ",
                     by_employer ? emp.id : att.id, " requires ", r->ToString(),
                     " (", r->mark.ToString(), ") and ",
                     by_employer ? Holds(att, r->field) : Holds(emp, r->field),
                     "; drop the must_meet or the requirement"));
    }
  };
  for (int a = 0; a < fair->num_attendees(); ++a) {
    for (int e : fair->attendees[a].must_meet) {
      check_must(a, e, a_must[a].at(e), /*attendees_must=*/true,
                 absl::StrCat("attendee ", fair->attendees[a].id),
                 absl::StrCat("employer ", fair->employers[e].id));
    }
  }
  for (int e = 0; e < fair->num_employers(); ++e) {
    for (int a : fair->employers[e].must_meet) {
      if (sorted_has(fair->attendees[a].must_meet, e)) continue;  // told once
      check_must(a, e, e_must[e].at(a), /*attendees_must=*/false,
                 absl::StrCat("employer ", fair->employers[e].id),
                 absl::StrCat("attendee ", fair->attendees[a].id));
    }
  }

  WarnUnknownRequirementFields(*fair, diags);
}

}  // namespace fairmatch
