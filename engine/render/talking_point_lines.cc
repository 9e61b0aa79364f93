#include "engine/render/talking_point_lines.h"

#include <string>
#include <vector>

namespace fairmatch {

std::vector<TalkingPointLine> TalkingPointLines(const TalkingPoints& tp,
                                                bool employer_view) {
  const std::vector<std::string>& you_offer =
      employer_view ? tp.employer_offers : tp.attendee_offers;
  const std::vector<std::string>& they_offer =
      employer_view ? tp.attendee_offers : tp.employer_offers;
  std::vector<TalkingPointLine> lines;
  for (const TalkingPointLine& line :
       {TalkingPointLine{"Shared values:", &tp.shared_values},
        TalkingPointLine{"You offer:", &you_offer},
        TalkingPointLine{"They offer:", &they_offer}}) {
    if (!line.parts->empty()) lines.push_back(line);
  }
  return lines;
}

bool IsOpenConversation(const TalkingPoints& tp) {
  return !tp.mutual_wish && tp.shared_values.empty() &&
         tp.attendee_offers.empty() && tp.employer_offers.empty();
}

}  // namespace fairmatch
