#include "engine/score/meeting_rules.h"

#include <algorithm>
#include <vector>

#include "engine/model/intents.h"

namespace fairmatch {

bool TableExists(const Fair& fair, int e, int table) {
  return table >= 1 && table <= fair.employers[e].tables;
}

bool GroupFits(const Fair& fair, int e, int attendees) {
  return attendees <= fair.GroupSize(e);
}

bool WithinCap(const Fair& fair, int a, int meetings) {
  return meetings <= fair.MaxMeetings(a);
}

Avoider WhoAvoids(const Fair& fair, int a, int e) {
  const std::vector<int>& by_attendee = fair.attendees[a].avoid;
  if (std::binary_search(by_attendee.begin(), by_attendee.end(), e)) {
    return Avoider::kAttendee;
  }
  const std::vector<int>& by_employer = fair.employers[e].avoid;
  if (std::binary_search(by_employer.begin(), by_employer.end(), a)) {
    return Avoider::kEmployer;
  }
  return Avoider::kNone;
}

bool ScoreAdmits(const Fair& fair, int a, int e, float score, bool locked) {
  return !(score < fair.config.min_score) || MustMeet(fair, a, e) || locked;
}

std::vector<int> SlotsBeyondRest(const Fair& fair,
                                 const std::vector<int>& busy_slots,
                                 int limit) {
  std::vector<int> beyond;
  int run = 0;
  for (size_t i = 0; i < busy_slots.size(); ++i) {
    const int s = busy_slots[i];
    const bool continues =
        i > 0 && busy_slots[i - 1] == s - 1 && !fair.RestBefore(s);
    run = continues ? run + 1 : 1;
    if (run == limit + 1) beyond.push_back(s);
  }
  return beyond;
}

}  // namespace fairmatch
