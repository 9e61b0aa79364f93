// Finding people the way organisers name them: by id, e-mail or name.
//
//   PeopleIndex people(fair.attendees, fair.employers);
//   absl::StatusOr<PersonRef> who = people.Find("chloe dubois");
//   // who->role == Role::kAttendee, who->index == 17
//
// An id matches exactly; an e-mail ignoring case; a name ignoring case,
// accents and spacing (FoldForLookup). An ambiguous name lists the
// candidates; an unknown one gets a did-you-mean.
#ifndef FAIRMATCH_MODEL_PEOPLE_H_
#define FAIRMATCH_MODEL_PEOPLE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "engine/model/fair.h"

namespace fairmatch {

enum class Role { kAttendee, kEmployer };

// "attendee" or "employer".
const char* RoleName(Role role);

struct PersonRef {
  Role role = Role::kAttendee;
  int index = 0;  // into the attendees or the employers given to the index
};

class PeopleIndex {
 public:
  // Indexes both lists, which must outlive the index.
  PeopleIndex(const std::vector<Attendee>& attendees,
              const std::vector<Employer>& employers);

  // Finds `query` among the attendees and employers (only among `role`
  // when given). NotFoundError with a did-you-mean when nobody matches;
  // InvalidArgumentError listing the candidates when a name or e-mail
  // matches more than one person. An id always wins over names.
  absl::StatusOr<PersonRef> Find(absl::string_view query,
                                 std::optional<Role> role = std::nullopt) const;

  // "Chloé Dubois (a0017)": how messages name someone.
  std::string Describe(PersonRef ref) const;

 private:
  const Profile& Get(PersonRef ref) const;
  void Add(Role role, int index, const Profile& p, const std::string& email);

  const std::vector<Attendee>& attendees_;
  const std::vector<Employer>& employers_;
  // Keys: "i:" + id, "e:" + folded e-mail, "n:" + folded name.
  absl::flat_hash_map<std::string, std::vector<PersonRef>> index_;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_MODEL_PEOPLE_H_
