#include "engine/render/meeting_index.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace fairmatch {

absl::StatusOr<MeetingIndex> MeetingIndex::Build(const Fair& fair,
                                                 const Schedule& schedule) {
  MeetingIndex index;
  index.slots_ = fair.num_slots();
  index.of_attendee_.resize(fair.num_attendees());
  index.of_employer_.resize(fair.num_employers());
  index.tables_.resize(fair.num_employers());
  for (int e = 0; e < fair.num_employers(); ++e) {
    index.tables_[e] = std::max(fair.employers[e].tables, 1);
  }
  for (std::size_t i = 0; i < schedule.meetings.size(); ++i) {
    const Meeting& m = schedule.meetings[i];
    if (m.slot < 0 || m.slot >= fair.num_slots() || m.employer < 0 ||
        m.employer >= fair.num_employers() || m.table < 1) {
      return absl::InvalidArgumentError(
          absl::StrCat("meeting ", i,
                       " refers to a slot, employer or table that does not "
                       "exist"));
    }
    index.tables_[m.employer] = std::max(index.tables_[m.employer], m.table);
    index.of_employer_[m.employer].push_back(static_cast<int>(i));
    for (int a : m.attendees) {
      if (a < 0 || a >= fair.num_attendees()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "meeting ", i, " refers to attendee ", a, " that does not exist"));
      }
      index.of_attendee_[a].push_back(static_cast<int>(i));
      ++index.attendee_places_;
    }
  }
  index.cells_.resize(fair.num_employers());
  for (int e = 0; e < fair.num_employers(); ++e) {
    index.cells_[e].assign(
        static_cast<std::size_t>(index.tables_[e]) * index.slots_, -1);
    for (int i : index.of_employer_[e]) {
      const Meeting& m = schedule.meetings[i];
      index.cells_[e][static_cast<std::size_t>(m.table - 1) * index.slots_ +
                      m.slot] = i;
    }
  }
  return index;
}

}  // namespace fairmatch
