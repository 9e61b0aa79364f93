// The talking points of a pair as one reader sees them, for every sheet
// that prints them (schedules.html, attendees.pdf, employers.pdf): which
// labelled lines there are, in order, and when there is nothing to list.
//
//   for (const TalkingPointLine& line : TalkingPointLines(tp, false))
//     Print(line.label, *line.parts);  // "You offer:" {"python"}
//
// "You" is the attendee on an attendee's sheet and the employer on an
// employer's (employer_view).
#ifndef FAIRMATCH_RENDER_TALKING_POINT_LINES_H_
#define FAIRMATCH_RENDER_TALKING_POINT_LINES_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/score/talking_points.h"

namespace fairmatch {

// What a pair with nothing to list (no mutual wish, shared value or
// offer) shows instead.
inline constexpr char kOpenConversationText[] = "An open conversation";

struct TalkingPointLine {
  std::string_view label;                 // "Shared values:", ...
  const std::vector<std::string>* parts;  // into the TalkingPoints; not empty
};

// The non-empty lines among "Shared values:", "You offer:" and "They
// offer:", in that order. The mutual wish is not a line: it comes first,
// in its own words (kMutualWishText). Valid while `tp` is.
std::vector<TalkingPointLine> TalkingPointLines(const TalkingPoints& tp,
                                                bool employer_view);

// True when there is nothing to list: no mutual wish and no line.
bool IsOpenConversation(const TalkingPoints& tp);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_TALKING_POINT_LINES_H_
