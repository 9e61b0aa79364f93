#include "engine/model/people.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/base/edit_distance.h"
#include "engine/base/unicode_text.h"

namespace fairmatch {

const char* RoleName(Role role) {
  return role == Role::kAttendee ? "attendee" : "employer";
}

PeopleIndex::PeopleIndex(const std::vector<Attendee>& attendees,
                         const std::vector<Employer>& employers)
    : attendees_(attendees), employers_(employers) {
  for (int a = 0; a < static_cast<int>(attendees.size()); ++a) {
    Add(Role::kAttendee, a, attendees[a], attendees[a].email);
  }
  for (int e = 0; e < static_cast<int>(employers.size()); ++e) {
    Add(Role::kEmployer, e, employers[e], employers[e].email);
  }
}

void PeopleIndex::Add(Role role, int index, const Profile& p,
                      const std::string& email) {
  const PersonRef ref{role, index};
  index_[absl::StrCat("i:", p.id)].push_back(ref);
  if (!email.empty()) {
    index_[absl::StrCat("e:", FoldForLookup(email))].push_back(ref);
  }
  if (!p.name.empty()) {
    index_[absl::StrCat("n:", FoldForLookup(p.name))].push_back(ref);
  }
}

const Profile& PeopleIndex::Get(PersonRef ref) const {
  if (ref.role == Role::kAttendee) return attendees_[ref.index];
  return employers_[ref.index];
}

std::string PeopleIndex::Describe(PersonRef ref) const {
  const Profile& p = Get(ref);
  if (p.name.empty() || p.name == p.id) return p.id;
  return absl::StrCat(p.name, " (", p.id, ")");
}

absl::StatusOr<PersonRef> PeopleIndex::Find(absl::string_view query,
                                            std::optional<Role> role) const {
  const std::string folded = FoldForLookup(query);
  const char* kind = !role                      ? "attendee or employer"
                     : *role == Role::kAttendee ? "attendee"
                                                : "employer";
  for (const std::string& key :
       {absl::StrCat("i:", query), absl::StrCat("e:", folded),
        absl::StrCat("n:", folded)}) {
    const auto it = index_.find(key);
    if (it == index_.end()) continue;
    std::vector<PersonRef> hits;
    for (const PersonRef& r : it->second) {
      if (!role || r.role == *role) hits.push_back(r);
    }
    if (hits.size() == 1) return hits[0];
    if (hits.size() > 1) {
      std::vector<std::string> names;
      for (const PersonRef& r : hits) {
        const std::string email = r.role == Role::kAttendee
                                      ? attendees_[r.index].email
                                      : employers_[r.index].email;
        names.push_back(absl::StrCat(RoleName(r.role), " ", Describe(r),
                                     email.empty() ? "" : ", ", email));
      }
      return absl::InvalidArgumentError(absl::StrCat(
          "'", query, "' names ", hits.size(), " people: ",
          absl::StrJoin(names, "; "), "; use the id or the e-mail"));
    }
  }
  // Nobody: suggest the closest id or name.
  std::vector<std::string> candidates;
  std::vector<PersonRef> refs;
  auto consider = [&](Role r, int i, const Profile& p) {
    if (role && r != *role) return;
    candidates.push_back(p.id);
    refs.push_back({r, i});
    candidates.push_back(FoldForLookup(p.name));
    refs.push_back({r, i});
  };
  for (int a = 0; a < static_cast<int>(attendees_.size()); ++a) {
    consider(Role::kAttendee, a, attendees_[a]);
  }
  for (int e = 0; e < static_cast<int>(employers_.size()); ++e) {
    consider(Role::kEmployer, e, employers_[e]);
  }
  std::string message =
      absl::StrCat("no ", kind, " '", query, "' (by id, e-mail or name)");
  const std::string best = ClosestMatch(folded, candidates);
  if (!best.empty()) {
    const auto at = std::find(candidates.begin(), candidates.end(), best);
    absl::StrAppend(&message, "; did you mean ",
                    Describe(refs[at - candidates.begin()]), "?");
  }
  return absl::NotFoundError(message);
}

}  // namespace fairmatch
