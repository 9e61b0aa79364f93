#include "engine/render/notify_csv.h"

#include <map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/render/diff_report.h"
#include "engine/render/meetings_csv.h"

namespace fairmatch {
namespace {

// "10:30 Globex (booth B2, table 1, with Sam Lee)".
std::string AttendeeMeeting(const Fair& fair, const Meeting& m, int self) {
  const Employer& emp = fair.employers[m.employer];
  std::vector<std::string> parts;
  if (!emp.booth.empty()) parts.push_back(absl::StrCat("booth ", emp.booth));
  parts.push_back(absl::StrCat("table ", m.table));
  std::vector<std::string> others;
  for (int a : m.attendees) {
    if (a != self) others.push_back(fair.attendees[a].name);
  }
  if (!others.empty()) {
    parts.push_back(absl::StrCat("with ", absl::StrJoin(others, ", ")));
  }
  return absl::StrCat(FormatClock(fair.slots[m.slot].start), " ", emp.name,
                      " (", absl::StrJoin(parts, ", "), ")");
}

// "10:00 table 1: Sam Lee, Lee Chan".
std::string EmployerMeeting(const Fair& fair, const Meeting& m) {
  std::vector<std::string> names;
  for (int a : m.attendees) names.push_back(fair.attendees[a].name);
  return absl::StrCat(FormatClock(fair.slots[m.slot].start), " table ", m.table,
                      ": ", absl::StrJoin(names, ", "));
}

void AppendRow(const std::vector<std::string>& cells, std::string* out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out->push_back(',');
    out->append(CsvCell(cells[i]));
  }
  out->append("\r\n");
}

}  // namespace

std::string RenderNotifyCsv(const Fair& fair, const Schedule& schedule,
                            const ScheduleDiff& diff) {
  std::map<std::string, int> attendee_at, employer_at;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    attendee_at.emplace(fair.attendees[a].id, a);
  }
  for (int e = 0; e < fair.num_employers(); ++e) {
    employer_at.emplace(fair.employers[e].id, e);
  }
  // Each person's meetings in time order (the schedule is sorted by slot).
  std::vector<std::vector<const Meeting*>> of_attendee(fair.num_attendees());
  std::vector<std::vector<const Meeting*>> of_employer(fair.num_employers());
  for (const Meeting& m : schedule.meetings) {
    of_employer[m.employer].push_back(&m);
    for (int a : m.attendees) of_attendee[a].push_back(&m);
  }

  std::string out = "role,id,name,email,changes,new_day\r\n";
  auto row = [&](const char* role, const PersonChanges& p, bool employer) {
    std::vector<std::string> changes;
    for (const MeetingChange& c : p.changes) {
      changes.push_back(DescribeChange(c, employer));
    }
    std::vector<std::string> day;
    const auto& index = employer ? employer_at : attendee_at;
    if (const auto it = index.find(p.person.id); it != index.end()) {
      if (employer) {
        for (const Meeting* m : of_employer[it->second]) {
          day.push_back(EmployerMeeting(fair, *m));
        }
      } else {
        for (const Meeting* m : of_attendee[it->second]) {
          day.push_back(AttendeeMeeting(fair, *m, it->second));
        }
      }
    }
    AppendRow({role, p.person.id, p.person.name, p.person.email,
               absl::StrJoin(changes, "; "),
               day.empty() ? "no conversations" : absl::StrJoin(day, "; ")},
              &out);
  };
  for (const PersonChanges& p : diff.attendees) row("attendee", p, false);
  for (const PersonChanges& p : diff.employers) row("employer", p, true);
  return out;
}

}  // namespace fairmatch
