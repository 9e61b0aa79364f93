#include "engine/render/calendar_ics.h"

#include <cassert>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "engine/score/talking_points.h"

namespace fairmatch {
namespace {

constexpr std::size_t kMaxLineOctets = 75;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at text[i], or 0 when the bytes
// there are not one (overlong forms, surrogates and values past U+10FFFF
// included).
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  unsigned char b = byte(i);
  if (b < 0x80) return 1;
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return n;
}

bool IsValidId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                 (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-'))) return false;
  }
  return true;
}

// A file name stem for `id` that stays inside calendar/: the id itself when
// it has the validated form, else its bytes mapped into that alphabet plus
// "~<number>" ('~' is not in the id alphabet, so this cannot collide with a
// valid id, and the attendee number keeps sanitised names apart).
std::string FileStem(const std::string& id, int attendee_number) {
  if (IsValidId(id)) return id;
  std::string stem;
  for (std::size_t i = 0; i < id.size() && stem.size() < 48; ++i) {
    char c = id[i];
    bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                 (c >= '0' && c <= '9');
    stem.push_back(alnum || (!stem.empty() && (c == '-' || c == '_')) ? c
                                                                      : '_');
  }
  if (stem.empty()) stem = "attendee";
  stem.push_back('~');
  stem.append(std::to_string(attendee_number));
  return stem;
}

std::string AsciiLower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// "HHMMSS" of minutes since midnight.
std::string ClockStamp(int minutes) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%02d%02d00", (minutes / 60) % 100,
                minutes % 60);
  return buffer;
}

std::string CivilStamp(const absl::CivilSecond& cs) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%04d%02d%02dT%02d%02d%02d",
                static_cast<int>(cs.year()), cs.month(), cs.day(), cs.hour(),
                cs.minute(), cs.second());
  return buffer;
}

// "+0100", "-0430", "-051732" (RFC 5545 UTC-OFFSET).
std::string UtcOffset(int seconds) {
  char sign = seconds < 0 ? '-' : '+';
  if (seconds < 0) seconds = -seconds;
  char buffer[16];
  if (seconds % 60 != 0) {
    std::snprintf(buffer, sizeof(buffer), "%c%02d%02d%02d", sign,
                  seconds / 3600, seconds / 60 % 60, seconds % 60);
  } else {
    std::snprintf(buffer, sizeof(buffer), "%c%02d%02d", sign, seconds / 3600,
                  seconds / 60 % 60);
  }
  return buffer;
}

// The event date as a civil day, when it has the form YYYY-MM-DD.
bool ParseDate(const std::string& date, absl::CivilDay* day) {
  int y, m, d;
  char tail;
  if (date.size() != 10 ||
      std::sscanf(date.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
    return false;
  }
  *day = absl::CivilDay(y, m, d);
  return day->year() == y && day->month() == m && day->day() == d;
}

// The digits of `text`: "HH:MM" -> "HHMM", "YYYY-MM-DD" -> "YYYYMMDD".
std::string Digits(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

class CalendarWriter {
 public:
  CalendarWriter(const Fair& fair, const Schedule& schedule)
      : fair_(fair), schedule_(schedule) {
    valid_date_ = ParseDate(fair.event.date, &day_);
    if (valid_date_) {
      date_stamp_ = CivilStamp(absl::CivilSecond(day_)).substr(0, 8);
    } else {
      for (char c : fair.event.date) {
        if (c >= '0' && c <= '9') date_stamp_.push_back(c);
      }
    }
    // The zone must be known to the tz database both to write a VTIMEZONE
    // and for the TZID to mean something; otherwise times stay floating.
    use_tzid_ = valid_date_ && !fair.event.timezone.empty() &&
                absl::LoadTimeZone(fair.event.timezone, &zone_);
    if (use_tzid_) BuildTimezone();
  }

  // The UID of attendee `attendee_id`'s conversation with `employer_id` at
  // `hhmm` ("HHMM") on the day `date_stamp` ("YYYYMMDD"):
  // "DATE-ATTENDEE-EMPLOYER-HHMM@fairmatch". Ids may hold '-', so in
  // scheme 2 every '-' of the attendee id is doubled: reading from the
  // left, "--" is a dash of the id and a single '-' ends it, and employer
  // ids never start with '-', so no two meetings share a UID ("a-b" with
  // "c" is 20270304-a--b-c-1000, "a" with "b-c" is 20270304-a-b-c-1000).
  // Scheme 1 (plans published before it) joined the ids as they are; a
  // rerun keeps its baseline's scheme so calendars update in place.
  static std::string Uid(int scheme, const std::string& date_stamp,
                         const std::string& attendee_id,
                         const std::string& employer_id,
                         const std::string& hhmm) {
    std::string attendee = attendee_id;
    if (scheme >= 2) attendee = absl::StrReplaceAll(attendee_id, {{"-", "--"}});
    return date_stamp + "-" + attendee + "-" + employer_id + "-" + hhmm +
           "@fairmatch";
  }
  std::string UidOf(int a, const Meeting& m) const {
    return Uid(schedule_.uid_scheme, date_stamp_, fair_.attendees[a].id,
               fair_.employers[m.employer].id,
               ClockStamp(fair_.slots[m.slot].start).substr(0, 4));
  }

  // A cancelled baseline conversation and the employer's name to show.
  struct Lost {
    const RecordedMeeting* meeting;
    const std::string* employer;
  };

  std::string Render(int a, const std::vector<int>& meetings,
                     const std::vector<Lost>& cancelled,
                     const RecordedSchedule* baseline) const {
    const Attendee& attendee = fair_.attendees[a];
    std::string out;
    out.reserve(1024 + vtimezone_.size() + 900 * meetings.size());
    Line("BEGIN:VCALENDAR", &out);
    Line("VERSION:2.0", &out);
    Line("PRODID:-//fairmatch//fairmatch " FAIRMATCH_VERSION "//EN", &out);
    Line("CALSCALE:GREGORIAN", &out);
    Line("METHOD:PUBLISH", &out);
    Line("X-WR-CALNAME:" +
             IcsEscapeText(fair_.event.name + " \xE2\x80\x93 " + attendee.name),
         &out);
    if (!fair_.event.timezone.empty()) {
      Line("X-WR-TIMEZONE:" + IcsEscapeText(fair_.event.timezone), &out);
    }
    out.append(vtimezone_);
    for (int i : meetings) Event(a, schedule_.meetings[i], &out);
    for (const Lost& lost : cancelled) {
      Cancelled(a, *lost.meeting, *lost.employer, *baseline, &out);
    }
    Line("END:VCALENDAR", &out);
    return out;
  }

  // The day a baseline's meetings were on, "YYYYMMDD": its own event date,
  // or, for a baseline that does not say (a thin or hand-made file), this
  // plan's.
  std::string BaselineDate(const RecordedSchedule& baseline) const {
    return baseline.event_date.empty() ? date_stamp_
                                       : Digits(baseline.event_date);
  }

 private:
  static void Line(const std::string& line, std::string* out) {
    AppendIcsLine(line, out);
  }

  // ";TZID=<zone>:YYYYMMDDTHHMMSS" or ":YYYYMMDDTHHMMSS" (floating), on
  // the day `date_stamp` (the event's by default), `hhmmss` ("HHMMSS").
  // ":YYYYMMDDTHHMMSS" (with ";TZID=..." when known). RFC 5545 hours run
  // 00-23: a slot that ends at 24:00 ends at 00:00 of the next day.
  std::string DateTime(const std::string& hhmmss,
                       const std::string* date_stamp = nullptr) const {
    std::string value = use_tzid_ ? ";TZID=" + fair_.event.timezone + ":" : ":";
    std::string date = date_stamp != nullptr ? *date_stamp : date_stamp_;
    std::string time = hhmmss;
    int y = 0, mo = 0, d = 0;
    if (time.rfind("24", 0) == 0 && date.size() == 8 &&
        absl::SimpleAtoi(date.substr(0, 4), &y) &&
        absl::SimpleAtoi(date.substr(4, 2), &mo) &&
        absl::SimpleAtoi(date.substr(6, 2), &d)) {
      date = CivilStamp(absl::CivilSecond(absl::CivilDay(y, mo, d) + 1))
                 .substr(0, 8);
      time.replace(0, 2, "00");
    }
    value.append(date);
    value.push_back('T');
    value.append(time);
    return value;
  }

  void Event(int a, const Meeting& m, std::string* out) const {
    const Employer& employer = fair_.employers[m.employer];
    const Slot& slot = fair_.slots[m.slot];
    Line("BEGIN:VEVENT", out);
    // Table and group are left out on purpose: they may change between
    // reruns without the conversation becoming a different one.
    Line("UID:" + IcsEscapeText(UidOf(a, m)), out);
    Line("DTSTAMP:" + date_stamp_ + "T000000Z", out);
    Line("SEQUENCE:" + std::to_string(schedule_.revision), out);
    Line("DTSTART" + DateTime(ClockStamp(slot.start)), out);
    Line("DTEND" + DateTime(ClockStamp(slot.end)), out);
    Line("SUMMARY:" + IcsEscapeText("Conversation with " + employer.name), out);

    std::string location = fair_.event.venue;
    auto add = [&](const std::string& part) {
      if (!location.empty()) location.append(", ");
      location.append(part);
    };
    if (!employer.booth.empty()) {
      add(location.empty() ? "Booth " + employer.booth
                           : "booth " + employer.booth);
    }
    add(location.empty() ? "Table " + std::to_string(m.table)
                         : "table " + std::to_string(m.table));
    Line("LOCATION:" + IcsEscapeText(location), out);

    std::string description;
    std::vector<std::string> others;
    for (int other : m.attendees) {
      if (other != a) others.push_back(fair_.attendees[other].name);
    }
    if (others.empty()) {
      description = "One-to-one conversation.";
    } else {
      description = "Group conversation with ";
      for (std::size_t k = 0; k < others.size(); ++k) {
        if (k > 0) description.append(k + 1 == others.size() ? " and " : ", ");
        description.append(others[k]);
      }
      description.push_back('.');
    }
    std::string why =
        FormatTalkingPoints(MakeTalkingPoints(fair_, a, m.employer));
    if (!why.empty()) {
      description.append("\n");
      description.append(why);
    }
    Line("DESCRIPTION:" + IcsEscapeText(description), out);
    Line("STATUS:CONFIRMED", out);
    Line("TRANSP:OPAQUE", out);
    Line("END:VEVENT", out);
  }

  // A baseline conversation the new plan no longer has: its old UID, time
  // and employer, cancelled.
  // "HHMMSS" of a baseline meeting's end: as recorded, else the end of the
  // fair's slot starting then, else start + the slot length.
  std::string BaselineEnd(const RecordedMeeting& m) const {
    if (!m.end.empty()) return Digits(m.end) + "00";
    const std::optional<int> start = ParseClock(m.start);
    int end = start.value_or(0) + fair_.event.length;
    for (const Slot& s : fair_.slots) {
      if (start && s.start == *start) end = s.end;
    }
    return ClockStamp(end);
  }

  void Cancelled(int a, const RecordedMeeting& m, const std::string& employer,
                 const RecordedSchedule& baseline, std::string* out) const {
    const std::string old_date = BaselineDate(baseline);
    Line("BEGIN:VEVENT", out);
    Line("UID:" + IcsEscapeText(Uid(baseline.uid_scheme, old_date,
                                    fair_.attendees[a].id, m.employer,
                                    Digits(m.start))),
         out);
    Line("DTSTAMP:" + date_stamp_ + "T000000Z", out);
    Line("SEQUENCE:" + std::to_string(schedule_.revision), out);
    Line("DTSTART" + DateTime(Digits(m.start) + "00", &old_date), out);
    Line("DTEND" + DateTime(BaselineEnd(m), &old_date), out);
    Line("SUMMARY:" + IcsEscapeText("Cancelled: conversation with " + employer),
         out);
    Line("DESCRIPTION:" +
             IcsEscapeText("This conversation is no longer on your schedule; "
                           "your other conversations are in this calendar."),
         out);
    Line("STATUS:CANCELLED", out);
    Line("TRANSP:TRANSPARENT", out);
    Line("END:VEVENT", out);
  }

  // A VTIMEZONE with the observance in force when the event day begins and
  // every offset change during the day, read from the tz database. This is
  // all a client needs to place the day's events; rules for other years are
  // deliberately left out (they would make the file depend on far more of
  // the tz database than the event does).
  void BuildTimezone() {
    const absl::Time begin = absl::FromCivil(absl::CivilSecond(day_), zone_);
    const absl::Time end = absl::FromCivil(absl::CivilSecond(day_ + 1), zone_);
    std::string& out = vtimezone_;
    Line("BEGIN:VTIMEZONE", &out);
    Line("TZID:" + IcsEscapeText(fair_.event.timezone), &out);

    absl::TimeZone::CivilTransition tr;
    std::vector<absl::TimeZone::CivilTransition> transitions;
    if (zone_.PrevTransition(begin + absl::Seconds(1), &tr)) {
      transitions.push_back(tr);
    }
    absl::Time t = begin;
    while (zone_.NextTransition(t, &tr)) {
      absl::Time at = zone_.At(tr.to).trans;
      if (at >= end || at <= t) break;
      transitions.push_back(tr);
      t = at;
    }
    if (transitions.empty()) {
      absl::TimeZone::CivilInfo info = zone_.At(begin);
      Observance(absl::CivilSecond(1970, 1, 1), info.offset, info, &out);
    }
    for (const absl::TimeZone::CivilTransition& x : transitions) {
      absl::Time at = zone_.At(x.to).trans;
      absl::TimeZone::CivilInfo before = zone_.At(at - absl::Seconds(1));
      absl::TimeZone::CivilInfo after = zone_.At(at);
      Observance(x.from, before.offset, after, &out);
    }
    Line("END:VTIMEZONE", &out);
  }

  static void Observance(const absl::CivilSecond& start, int offset_from,
                         const absl::TimeZone::CivilInfo& info,
                         std::string* out) {
    const char* kind = info.is_dst ? "DAYLIGHT" : "STANDARD";
    Line(std::string("BEGIN:") + kind, out);
    Line("DTSTART:" + CivilStamp(start), out);
    Line("TZOFFSETFROM:" + UtcOffset(offset_from), out);
    Line("TZOFFSETTO:" + UtcOffset(info.offset), out);
    if (info.zone_abbr != nullptr && info.zone_abbr[0] != '\0') {
      Line("TZNAME:" + IcsEscapeText(info.zone_abbr), out);
    }
    Line(std::string("END:") + kind, out);
  }

  const Fair& fair_;
  const Schedule& schedule_;
  absl::CivilDay day_;
  bool valid_date_ = false;
  std::string date_stamp_;  // YYYYMMDD
  bool use_tzid_ = false;
  absl::TimeZone zone_;
  std::string vtimezone_;  // shared by every file
};

}  // namespace

std::string IcsEscapeText(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  std::string_view view(text);
  for (std::size_t i = 0; i < view.size();) {
    unsigned char c = static_cast<unsigned char>(view[i]);
    if (c == '\r' || c == '\n') {
      out.append("\\n");
      i += (c == '\r' && i + 1 < view.size() && view[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c == '\\' || c == ';' || c == ',') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      out.push_back(' ');  // TEXT allows no other control characters
      ++i;
      continue;
    }
    std::size_t n = Utf8SequenceLength(view, i);
    if (n == 0) {
      out.append(kReplacement);
      ++i;
      continue;
    }
    out.append(view.substr(i, n));
    i += n;
  }
  return out;
}

void AppendIcsLine(const std::string& line, std::string* out) {
  std::size_t pos = 0;
  std::size_t limit = kMaxLineOctets;  // the first line has no leading space
  while (line.size() - pos > limit) {
    std::size_t cut = pos + limit;
    // Back up to the start of a UTF-8 sequence (never past pos + 1, so that
    // even malformed input makes progress).
    while (cut > pos + 1 &&
           (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    out->append(line, pos, cut - pos);
    out->append("\r\n ");
    pos = cut;
    limit = kMaxLineOctets - 1;
  }
  out->append(line, pos, std::string::npos);
  out->append("\r\n");
}

std::vector<OutputFile> RenderCalendars(const Fair& fair,
                                        const Compatibility& compat,
                                        const Schedule& schedule,
                                        const RecordedSchedule* baseline) {
  (void)compat;  // scores are not part of a calendar entry
  // Each attendee's meetings in time order (the schedule is sorted by slot).
  std::vector<std::vector<int>> meetings_of(fair.num_attendees());
  for (std::size_t i = 0; i < schedule.meetings.size(); ++i) {
    const Meeting& m = schedule.meetings[i];
    assert(m.employer >= 0 && m.employer < fair.num_employers());
    assert(m.slot >= 0 && m.slot < fair.num_slots());
    for (int a : m.attendees) {
      assert(a >= 0 && a < fair.num_attendees());
      meetings_of[a].push_back(static_cast<int>(i));
    }
  }

  CalendarWriter writer(fair, schedule);
  // A rerun: each attendee's baseline conversations whose UID the new plan
  // does not have, in baseline file order.
  std::vector<std::vector<CalendarWriter::Lost>> cancelled_of(
      fair.num_attendees());
  // Looked up, never iterated: attendee index by id, and the name to show
  // for an employer id (the fair's, else the baseline's, else the id).
  std::unordered_map<std::string, int> index;
  std::unordered_map<std::string, std::string> employer_name;
  if (baseline != nullptr) {
    for (int a = 0; a < fair.num_attendees(); ++a) {
      index.emplace(fair.attendees[a].id, a);
    }
    for (const Employer& e : fair.employers) employer_name[e.id] = e.name;
    for (const RecordedPerson& p : baseline->employers) {
      if (!p.name.empty()) employer_name.emplace(p.id, p.name);
    }
    for (const RecordedMeeting& m : baseline->meetings) {
      employer_name.emplace(m.employer, m.employer);
    }
    std::unordered_set<std::string> live;
    for (int a = 0; a < fair.num_attendees(); ++a) {
      for (int i : meetings_of[a]) {
        live.insert(writer.UidOf(a, schedule.meetings[i]));
      }
    }
    const std::string old_date = writer.BaselineDate(*baseline);
    for (const RecordedMeeting& m : baseline->meetings) {
      for (const std::string& id : m.attendees) {
        auto it = index.find(id);
        if (it == index.end()) continue;
        const std::string uid = CalendarWriter::Uid(
            baseline->uid_scheme, old_date, id, m.employer, Digits(m.start));
        if (live.count(uid) == 0) {
          cancelled_of[it->second].push_back({&m, &employer_name[m.employer]});
        }
      }
    }
  }
  std::vector<OutputFile> files;
  // Lower-cased names already used: ids that differ only in case would
  // overwrite each other on a case-insensitive file system.
  std::set<std::string> used;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    if (meetings_of[a].empty() && cancelled_of[a].empty()) continue;
    std::string stem = FileStem(fair.attendees[a].id, a + 1);
    if (!used.insert(AsciiLower(stem)).second) {
      // Attendee numbers are unique, so "<stem>~<n>" is free.
      stem = stem.substr(0, 48) + "~" + std::to_string(a + 1);
      used.insert(AsciiLower(stem));
    }
    files.push_back(
        {"calendar/" + stem + ".ics",
         writer.Render(a, meetings_of[a], cancelled_of[a], baseline)});
  }
  return files;
}

}  // namespace fairmatch
