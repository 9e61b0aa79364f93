// "Why you two": what an attendee and an employer have to talk about. Printed
// on both sides' sheets; the point of the product is a meaningful
// conversation, not small talk.
#ifndef FAIRMATCH_SCORE_TALKING_POINTS_H_
#define FAIRMATCH_SCORE_TALKING_POINTS_H_

#include <string>
#include <vector>

#include "engine/model/fair.h"

namespace fairmatch {

struct TalkingPoints {
  // Labels of the values both care about most (up to 3), strongest first.
  std::vector<std::string> shared_values;
  // Tags the attendee offers that the employer seeks (attendee's spelling).
  std::vector<std::string> attendee_offers;
  // Tags the employer offers that the attendee seeks (employer's spelling).
  std::vector<std::string> employer_offers;
  // Both listed the other in `wants`: "You both asked to meet."
  bool mutual_wish = false;
};

TalkingPoints MakeTalkingPoints(const Fair& fair, int a, int e);

// The words every output uses for TalkingPoints::mutual_wish.
extern const char kMutualWishText[];

// One line for printing, e.g. "You both asked to meet. Shared values:
// Sustainability, Impact. You offer: python. They offer: mentoring." Empty
// parts are left out.
std::string FormatTalkingPoints(const TalkingPoints& tp);

}  // namespace fairmatch

#endif  // FAIRMATCH_SCORE_TALKING_POINTS_H_
