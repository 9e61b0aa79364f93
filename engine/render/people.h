// How the outputs list people: one home for "the order people are listed
// in", so that the sheets, rosters, grid and report agree.
//
//   PeopleView people(fair);
//   for (int a : people.attendees()) Sheet(a);
//
// The order is the collation of the event's language (OutputLocale), so
// that "Érica" comes before "Zoë" in English and French, and "Östen" after
// "Zeta" in Swedish; names the collation calls equal fall back to the id
// (bytes), then to file order, so identical inputs always give one order.
#ifndef FAIRMATCH_RENDER_PEOPLE_H_
#define FAIRMATCH_RENDER_PEOPLE_H_

#include <string>
#include <vector>

#include "engine/model/fair.h"

namespace fairmatch {

// The locale whose collation orders people: output.locale, unless it is
// "event": then event.yaml's `locale`, else "en".
std::string OutputLocale(const Fair& fair);

// The order of a fair's people, computed once per render.
class PeopleView {
 public:
  // A locale ICU cannot collate (only a hand-built Fair can hold one; the
  // loaders refuse them) falls back to "en".
  explicit PeopleView(const Fair& fair);

  // Attendee and employer indices in reading order.
  const std::vector<int>& attendees() const { return attendee_order_; }
  const std::vector<int>& employers() const { return employer_order_; }
  // The position of a person in that order (0 first): the sort key for
  // lists of people built elsewhere.
  int AttendeeRank(int a) const { return attendee_rank_[a]; }
  int EmployerRank(int e) const { return employer_rank_[e]; }

 private:
  std::vector<int> attendee_order_;
  std::vector<int> employer_order_;
  std::vector<int> attendee_rank_;
  std::vector<int> employer_rank_;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_PEOPLE_H_
