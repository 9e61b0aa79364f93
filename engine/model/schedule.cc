#include "engine/model/schedule.h"

#include <algorithm>
#include <tuple>

namespace fairmatch {

void SortMeetings(Schedule& schedule) {
  for (Meeting& m : schedule.meetings) {
    std::sort(m.attendees.begin(), m.attendees.end());
  }
  std::sort(schedule.meetings.begin(), schedule.meetings.end(),
            [](const Meeting& x, const Meeting& y) {
              return std::tie(x.slot, x.employer, x.table, x.attendees) <
                     std::tie(y.slot, y.employer, y.table, y.attendees);
            });
}

}  // namespace fairmatch
