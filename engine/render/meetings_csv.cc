#include "engine/render/meetings_csv.h"

#include <cassert>
#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/render/decimal.h"
#include "engine/render/meeting_index.h"
#include "engine/score/talking_points.h"

namespace fairmatch {
namespace {

constexpr char kHeader[] =
    "email,attendee_id,attendee_name,program,date,start,end,employer_id,"
    "employer_name,booth,table,group,score,talking_points";

void AppendCell(const std::string& text, std::string* out) {
  out->append(CsvCell(text));
}

// The value of `key` in `extra`, or "" when the person has none.
const std::string& ExtraValue(const ExtraFields& extra,
                              const std::string& key) {
  static const std::string kNone;
  for (const auto& [k, value] : extra) {
    if (k == key) return value;
  }
  return kNone;
}

}  // namespace

std::string CsvCell(const std::string& text) {
  // A spreadsheet runs a cell starting with one of these as a formula (tab
  // and CR because some strip them first); a leading ' makes it text.
  bool neutralise =
      !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' ||
                        text[0] == '@' || text[0] == '\t' || text[0] == '\r');
  bool quote = text.find_first_of(",\"\r\n") != std::string::npos;
  if (!neutralise && !quote) return text;
  std::string cell;
  cell.reserve(text.size() + 4);
  if (quote) cell.push_back('"');
  if (neutralise) cell.push_back('\'');
  for (char c : text) {
    if (c == '"') cell.push_back('"');
    cell.push_back(c);
  }
  if (quote) cell.push_back('"');
  return cell;
}

std::string RenderMeetingsCsv(const Fair& fair, const Compatibility& compat,
                              const Schedule& schedule) {
  // Each attendee's meetings in slot order.
  const absl::StatusOr<MeetingIndex> index =
      MeetingIndex::Build(fair, schedule);
  assert(index.ok());  // a planned or checked schedule
  const std::size_t rows = static_cast<std::size_t>(index->attendee_places());

  // The extra columns: the attendee's fields under their key, then the
  // employer's under "employer_" and the key, as output.extra selects them.
  const std::vector<std::string> attendee_keys =
      ShownExtraKeys(fair.config, ExtraKeys(fair, /*attendees=*/true));
  const std::vector<std::string> employer_keys =
      ShownExtraKeys(fair.config, ExtraKeys(fair, /*attendees=*/false));

  std::string out;
  out.reserve(sizeof(kHeader) + rows * 320);
  out.append(kHeader);
  for (const std::string& key : attendee_keys) {
    out.push_back(',');
    AppendCell(key, &out);
  }
  for (const std::string& key : employer_keys) {
    out.push_back(',');
    AppendCell("employer_" + key, &out);
  }
  out.append("\r\n");
  const std::string date = CsvCell(fair.event.date);
  std::string group;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    const Attendee& attendee = fair.attendees[a];
    for (int i : index->OfAttendee(a)) {
      const Meeting& m = schedule.meetings[i];
      const Employer& employer = fair.employers[m.employer];
      const Slot& slot = fair.slots[m.slot];

      group.clear();
      for (int other : m.attendees) {
        if (other == a) continue;
        if (!group.empty()) group.append("; ");
        group.append(fair.attendees[other].name);
      }

      AppendCell(attendee.email, &out);
      out.push_back(',');
      AppendCell(attendee.id, &out);
      out.push_back(',');
      AppendCell(attendee.name, &out);
      out.push_back(',');
      AppendCell(attendee.program, &out);
      out.push_back(',');
      out.append(date);
      out.push_back(',');
      out.append(FormatClock(slot.start));
      out.push_back(',');
      out.append(FormatClock(slot.end));
      out.push_back(',');
      AppendCell(employer.id, &out);
      out.push_back(',');
      AppendCell(employer.name, &out);
      out.push_back(',');
      AppendCell(employer.booth, &out);
      out.push_back(',');
      out.append(std::to_string(m.table));
      out.push_back(',');
      AppendCell(group, &out);
      out.push_back(',');
      AppendScore(compat.Pair(a, m.employer).score, &out);
      out.push_back(',');
      AppendCell(FormatTalkingPoints(MakeTalkingPoints(fair, a, m.employer)),
                 &out);
      for (const std::string& key : attendee_keys) {
        out.push_back(',');
        AppendCell(ExtraValue(attendee.extra, key), &out);
      }
      for (const std::string& key : employer_keys) {
        out.push_back(',');
        AppendCell(ExtraValue(employer.extra, key), &out);
      }
      out.append("\r\n");
    }
  }
  return out;
}

}  // namespace fairmatch
