#include "engine/score/talking_points.h"

#include <algorithm>
#include <cassert>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "engine/model/intents.h"
#include "engine/score/compatibility.h"

namespace fairmatch {
namespace {

// Values count as "cared about" from this rating up (the scale is 0-5).
constexpr float kCaresAbout = 3.0f;
constexpr int kMaxSharedValues = 3;

float Rating(const Profile& p, int k) {
  return k < static_cast<int>(p.values.size()) ? p.values[k] : 0.0f;
}

// The tags of `giver` (its spelling, file order, first of each normalised
// form) whose normalised form `receiver` seeks.
std::vector<std::string> TagsSought(const Profile& giver,
                                    const Profile& receiver) {
  std::vector<std::string> sought;
  for (const std::string& tag : receiver.seeks) {
    sought.push_back(NormalizeTag(tag));
  }
  std::sort(sought.begin(), sought.end());
  std::vector<std::string> seen;  // normalised forms already listed
  std::vector<std::string> out;
  for (const std::string& tag : giver.offers) {
    std::string norm = NormalizeTag(tag);
    if (norm.empty()) continue;
    if (!std::binary_search(sought.begin(), sought.end(), norm)) continue;
    if (std::find(seen.begin(), seen.end(), norm) != seen.end()) continue;
    seen.push_back(std::move(norm));
    out.push_back(tag);
  }
  return out;
}

}  // namespace

const char kMutualWishText[] = "You both asked to meet.";

TalkingPoints MakeTalkingPoints(const Fair& fair, int a, int e) {
  assert(0 <= a && a < fair.num_attendees());
  assert(0 <= e && e < fair.num_employers());
  const Attendee& attendee = fair.attendees[a];
  const Employer& employer = fair.employers[e];
  TalkingPoints tp;

  // Values both rate highly; the weaker of the two ratings says how much the
  // pair shares, the sum breaks ties, then vocabulary order.
  struct Shared {
    int k;
    float weaker;  // min of the two ratings
    float total;   // their sum
  };
  std::vector<Shared> shared;
  for (int k = 0; k < fair.num_values(); ++k) {
    const float ra = Rating(attendee, k);
    const float re = Rating(employer, k);
    if (ra >= kCaresAbout && re >= kCaresAbout) {
      shared.push_back({k, std::min(ra, re), ra + re});
    }
  }
  std::sort(shared.begin(), shared.end(), [](const Shared& x, const Shared& y) {
    if (x.weaker != y.weaker) return x.weaker > y.weaker;
    if (x.total != y.total) return x.total > y.total;
    return x.k < y.k;
  });
  for (int i = 0; i < static_cast<int>(shared.size()) && i < kMaxSharedValues;
       ++i) {
    const ValueDef& def = fair.event.values[shared[i].k];
    tp.shared_values.push_back(def.label.empty() ? def.id : def.label);
  }

  tp.attendee_offers = TagsSought(attendee, employer);
  tp.employer_offers = TagsSought(employer, attendee);
  tp.mutual_wish =
      WishRank(attendee.wants, e) > 0 && WishRank(employer.wants, a) > 0;
  return tp;
}

std::string FormatTalkingPoints(const TalkingPoints& tp) {
  std::vector<std::string> parts;
  if (tp.mutual_wish) parts.push_back(kMutualWishText);
  if (!tp.shared_values.empty()) {
    parts.push_back("Shared values: " + absl::StrJoin(tp.shared_values, ", ") +
                    ".");
  }
  if (!tp.attendee_offers.empty()) {
    parts.push_back("You offer: " + absl::StrJoin(tp.attendee_offers, ", ") +
                    ".");
  }
  if (!tp.employer_offers.empty()) {
    parts.push_back("They offer: " + absl::StrJoin(tp.employer_offers, ", ") +
                    ".");
  }
  return absl::StrJoin(parts, " ");
}

}  // namespace fairmatch
