#include "engine/model/history.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace fairmatch {
namespace {

const RecordedPerson* FindPerson(const std::vector<RecordedPerson>& people,
                                 const std::string& id) {
  const auto it = std::lower_bound(
      people.begin(), people.end(), id,
      [](const RecordedPerson& p, const std::string& x) { return p.id < x; });
  return it != people.end() && it->id == id ? &*it : nullptr;
}

// Restores the people of `ids` (sorted) that `present` lacks into `out`.
template <typename Person>
int Restore(const std::set<std::string>& ids, std::vector<Person>* withdrawn,
            const std::vector<RecordedPerson>& recorded, int num_values,
            std::vector<Person>* out) {
  std::set<std::string> present;
  for (const Person& p : *out) present.insert(p.id);
  int restored = 0;
  for (const std::string& id : ids) {
    if (present.count(id) > 0) continue;
    Person person;
    const auto w = std::find_if(withdrawn->begin(), withdrawn->end(),
                                [&](const Person& p) { return p.id == id; });
    if (w != withdrawn->end()) {
      person = *w;
    } else {
      person.id = id;
      person.values.assign(num_values, 0.0f);
      if (const RecordedPerson* r = FindPerson(recorded, id)) {
        person.name = r->name;
        person.email = r->email;
      }
      if (person.name.empty()) person.name = id;
    }
    person.withdrawn = true;
    out->push_back(std::move(person));
    ++restored;
  }
  return restored;
}

}  // namespace

bool IsHistory(const RecordedMeeting& m, int from_minutes) {
  // Recorded starts are "HH:MM" (the schedule loader normalises them), so
  // they compare as text.
  return m.history ||
         (from_minutes >= 0 && m.start < FormatClock(from_minutes));
}

int AddHistoryPeople(const RecordedSchedule& recorded, int from_minutes,
                     Fair* fair) {
  std::set<std::string> attendees, employers;
  int max_table = 1;
  for (const RecordedMeeting& m : recorded.meetings) {
    if (!IsHistory(m, from_minutes)) continue;
    employers.insert(m.employer);
    attendees.insert(m.attendees.begin(), m.attendees.end());
    max_table = std::max(max_table, m.table);
  }
  const int before = fair->num_employers();
  int restored =
      Restore(attendees, &fair->withdrawn_attendees, recorded.attendees,
              fair->num_values(), &fair->attendees);
  restored += Restore(employers, &fair->withdrawn_employers, recorded.employers,
                      fair->num_values(), &fair->employers);
  for (int e = before; e < fair->num_employers(); ++e) {
    Employer& emp = fair->employers[e];
    emp.tables = std::max(emp.tables, max_table);
  }
  return restored;
}

}  // namespace fairmatch
