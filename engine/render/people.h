// How the outputs list and name people: one home for "the order people are
// listed in" and for "the name printed for a person", so that the sheets,
// rosters, grid and report agree.
//
//   PeopleView people(fair);
//   for (int a : people.attendees()) Sheet(a, people.AttendeeName(a));
//
// The order is the collation of the event's language (OutputLocale), so
// that "Érica" comes before "Zoë" in English and French, and "Östen" after
// "Zeta" in Swedish; names the collation calls equal fall back to the id
// (bytes), then to file order, so identical inputs always give one order.
//
// Names: when two attendees share a name (equal after FoldForLookup: case,
// accents and spacing aside), each is printed with their programme, "Sam
// Lee (Computer Science)", or with their id, "Sam Lee (a0012)", when the
// programme does not tell them apart (the namesakes share it, or it is
// empty). Employers who share a name are told apart by id. Everyone else is
// printed as written.
#ifndef FAIRMATCH_RENDER_PEOPLE_H_
#define FAIRMATCH_RENDER_PEOPLE_H_

#include <string>
#include <vector>

#include "engine/model/fair.h"

namespace fairmatch {

// The locale whose collation orders people: output.locale, unless it is
// "event": then event.yaml's `locale`, else "en".
std::string OutputLocale(const Fair& fair);

// The order and printed names of a fair's people, computed once per render.
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

  // The name to print for attendee `a`: "Sam Lee", or "Sam Lee (Computer
  // Science)" / "Sam Lee (a0012)" when another attendee has the same name.
  const std::string& AttendeeName(int a) const { return attendee_name_[a]; }
  // The name to print where the programme follows it anyway ("Sam Lee ·
  // Computer Science"): the plain name when the programme tells namesakes
  // apart, else with the id, "Sam Lee (a0012)".
  const std::string& AttendeeNameBesideProgramme(int a) const {
    return attendee_beside_programme_[a];
  }
  // "Acme", or "Acme (acme-east)" when another employer is called Acme.
  const std::string& EmployerName(int e) const { return employer_name_[e]; }

 private:
  std::vector<int> attendee_order_;
  std::vector<int> employer_order_;
  std::vector<int> attendee_rank_;
  std::vector<int> employer_rank_;
  std::vector<std::string> attendee_name_;
  std::vector<std::string> attendee_beside_programme_;
  std::vector<std::string> employer_name_;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_PEOPLE_H_
