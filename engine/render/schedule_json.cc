#include "engine/render/schedule_json.h"

#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/render/decimal.h"

namespace fairmatch {
namespace {

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 when the
// bytes there are not one (overlong forms, surrogates and values past
// U+10FFFF included).
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  auto continuation = [&](std::size_t k) {
    return k < s.size() && (byte(k) & 0xC0) == 0x80;
  };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!continuation(i + 1) || !continuation(i + 2)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3)) {
      return 0;
    }
    unsigned char c1 = byte(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

// Appends `text` as a JSON string literal. Control characters are escaped;
// other UTF-8 passes through unchanged; bytes that are not UTF-8 become
// U+FFFD so that the file always parses.
void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"':
        out->append("\\\"");
        ++i;
        continue;
      case '\\':
        out->append("\\\\");
        ++i;
        continue;
      case '\b':
        out->append("\\b");
        ++i;
        continue;
      case '\f':
        out->append("\\f");
        ++i;
        continue;
      case '\n':
        out->append("\\n");
        ++i;
        continue;
      case '\r':
        out->append("\\r");
        ++i;
        continue;
      case '\t':
        out->append("\\t");
        ++i;
        continue;
      default:
        break;
    }
    if (c < 0x20) {
      out->append("\\u00");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 0xF]);
      ++i;
      continue;
    }
    std::size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      out->append("\xEF\xBF\xBD");  // U+FFFD REPLACEMENT CHARACTER
      ++i;
      continue;
    }
    out->append(text.substr(i, n));
    i += n;
  }
  out->push_back('"');
}

// JSON has no NaN or infinity; a metric that is not a number is written as
// null rather than as text no parser accepts.
void AppendJsonNumber(double value, std::string* out) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  AppendDecimal(value, out);
}

void AppendInt(std::int64_t value, std::string* out) {
  out->append(std::to_string(value));
}

// `, "extra": {"key": "value", ...}` on one line, for the fields of `extra`
// that output.extra shows; nothing when there are none, so a fair without
// extras writes what it always wrote.
void AppendExtra(const Config& config, const ExtraFields& extra,
                 std::string* out) {
  const ExtraFields shown = ShownExtra(config, extra);
  if (shown.empty()) return;
  out->append(", \"extra\": {");
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (i > 0) out->append(", ");
    AppendJsonString(shown[i].first, out);
    out->append(": ");
    AppendJsonString(shown[i].second, out);
  }
  out->push_back('}');
}

// Writes `"key": ` at the given indent, after a comma and newline when it
// is not the first member of its object.
class ObjectWriter {
 public:
  ObjectWriter(std::string* out, int indent) : out_(out), indent_(indent) {}

  void Key(std::string_view key) {
    if (!first_) out_->push_back(',');
    out_->push_back('\n');
    out_->append(indent_, ' ');
    AppendJsonString(key, out_);
    out_->append(": ");
    first_ = false;
  }
  void String(std::string_view key, std::string_view value) {
    Key(key);
    AppendJsonString(value, out_);
  }
  void Int(std::string_view key, std::int64_t value) {
    Key(key);
    AppendInt(value, out_);
  }
  void Number(std::string_view key, double value) {
    Key(key);
    AppendJsonNumber(value, out_);
  }

 private:
  std::string* out_;
  int indent_;
  bool first_ = true;
};

// Closes an object or array opened at `indent`: "\n<indent>}".
void Close(char bracket, int indent, std::string* out) {
  out->push_back('\n');
  out->append(indent, ' ');
  out->push_back(bracket);
}

void AppendMetrics(const Metrics& m, std::string* out) {
  out->push_back('{');
  ObjectWriter w(out, 4);
  w.Number("total_score", m.total_score);
  w.Int("meetings", m.meetings);
  w.Int("attendee_meetings", m.attendee_meetings);
  w.Int("attendees", m.attendees);
  w.Int("attendees_with_no_meeting", m.attendees_with_no_meeting);
  w.Int("eligible_attendees_with_no_meeting",
        m.eligible_attendees_with_no_meeting);
  w.Int("attendees_reaching_min", m.attendees_reaching_min);
  w.Number("mean_score_per_meeting", m.mean_score_per_meeting);
  w.Number("attendee_total_worst", m.attendee_total_worst);
  w.Number("attendee_total_p10", m.attendee_total_p10);
  w.Number("attendee_total_median", m.attendee_total_median);
  w.Number("table_utilisation", m.table_utilisation);
  w.Number("seat_utilisation", m.seat_utilisation);
  w.Int("employers_without_meetings", m.employers_without_meetings);
  w.Int("tables_without_meetings", m.tables_without_meetings);
  w.Int("attendee_idle_slots", m.attendee_idle_slots);
  // Only for fairs with wishes: without them fit is the score, and the
  // files of fairs without wishes stay as they were.
  if (m.attendees_with_wishes > 0 || m.employers_with_wishes > 0) {
    w.Int("attendees_with_wishes", m.attendees_with_wishes);
    w.Number("wishes_first_met_share", m.wishes_first_met_share);
    w.Number("wishes_met_share", m.wishes_met_share);
    w.Int("employers_with_wishes", m.employers_with_wishes);
    w.Number("employer_wishes_met_share", m.employer_wishes_met_share);
    w.Number("total_fit", m.total_fit);
    w.Number("attendee_fit_worst", m.attendee_fit_worst);
    w.Number("attendee_fit_p10", m.attendee_fit_p10);
  }
  // Negative means "not computed"; absent is clearer than a sentinel.
  if (m.upper_bound >= 0) w.Number("upper_bound", m.upper_bound);
  if (m.price_of_fairness >= 0) {
    w.Number("price_of_fairness", m.price_of_fairness);
  }
  if (m.objective >= 0) w.Number("objective", m.objective);
  if (m.objective_bound >= 0) w.Number("objective_bound", m.objective_bound);
  if (m.gap >= 0) w.Number("gap", m.gap);
  if (m.baseline_kept >= 0) {
    w.Key("baseline");
    out->push_back('{');
    ObjectWriter b(out, 6);
    b.Int("kept", m.baseline_kept);
    b.Int("moved", m.baseline_moved);
    b.Int("added", m.baseline_added);
    b.Int("dropped", m.baseline_dropped);
    b.Int("history", m.baseline_history);
    b.Int("revision", m.baseline_revision);
    Close('}', 4, out);
  }
  if (!m.planner.empty()) {
    w.Key("planner");
    out->push_back('{');
    ObjectWriter counters(out, 6);
    for (const auto& [name, value] : m.planner) counters.Number(name, value);
    Close('}', 4, out);
  }
  if (!m.stage_seconds.empty()) {
    w.Key("time_per_stage");
    out->push_back('{');
    ObjectWriter stages(out, 6);
    for (const auto& [stage, seconds] : m.stage_seconds) {
      stages.Number(stage, seconds);
    }
    Close('}', 4, out);
  }
  Close('}', 2, out);
}

// "fairmatch": the version, the inputs' digest, the revision and the
// resolved configuration, every key, as the winning layer wrote it.
void AppendProvenance(const Fair& fair, const Schedule& schedule,
                      std::string* out) {
  out->push_back('{');
  {
    ObjectWriter w(out, 4);
    w.String("version", FAIRMATCH_VERSION);
    w.String("inputs_sha256", fair.inputs_sha256);
    w.Int("revision", schedule.revision);
    w.Int("uid_scheme", schedule.uid_scheme);
    w.Key("config");
    out->push_back('{');
    if (!fair.config_entries.empty()) {
      ObjectWriter config(out, 6);
      for (const ConfigEntry& entry : fair.config_entries) {
        config.String(entry.key, entry.value);
      }
      Close('}', 4, out);
    } else {
      out->push_back('}');
    }
  }
  Close('}', 2, out);
}

void AppendEvent(const Event& event, std::string* out) {
  out->push_back('{');
  {
    ObjectWriter w(out, 4);
    w.String("name", event.name);
    w.String("date", event.date);
    w.String("timezone", event.timezone);
    w.String("venue", event.venue);
  }
  Close('}', 2, out);
}

// Slots and meetings: one compact object per line, so that a diff of two
// plans shows the changed conversations and nothing else.
void AppendSlots(const Fair& fair, std::string* out) {
  out->push_back('[');
  for (std::size_t s = 0; s < fair.slots.size(); ++s) {
    out->append(s == 0 ? "\n    " : ",\n    ");
    out->append("{\"start\": ");
    AppendJsonString(FormatClock(fair.slots[s].start), out);
    out->append(", \"end\": ");
    AppendJsonString(FormatClock(fair.slots[s].end), out);
    out->push_back('}');
  }
  if (!fair.slots.empty()) out->append("\n  ");
  out->push_back(']');
}

void AppendMeeting(const Fair& fair, const Compatibility& compat,
                   const Meeting& m, std::string* out) {
  assert(m.employer >= 0 && m.employer < fair.num_employers());
  out->append("{\"slot\": ");
  AppendInt(m.slot, out);
  out->append(", \"start\": ");
  AppendJsonString(m.slot >= 0 && m.slot < fair.num_slots()
                       ? FormatClock(fair.slots[m.slot].start)
                       : std::string(),
                   out);
  out->append(", \"employer\": ");
  AppendJsonString(fair.employers[m.employer].id, out);
  out->append(", \"table\": ");
  AppendInt(m.table, out);
  out->append(", \"attendees\": [");
  for (std::size_t k = 0; k < m.attendees.size(); ++k) {
    assert(m.attendees[k] >= 0 && m.attendees[k] < fair.num_attendees());
    if (k > 0) out->append(", ");
    AppendJsonString(fair.attendees[m.attendees[k]].id, out);
  }
  out->append("], \"scores\": [");
  for (std::size_t k = 0; k < m.attendees.size(); ++k) {
    if (k > 0) out->append(", ");
    float score = compat.Pair(m.attendees[k], m.employer).score;
    if (std::isfinite(score)) {
      AppendScore(score, out);
    } else {
      out->append("null");
    }
  }
  out->push_back(']');
  if (m.locked) out->append(", \"locked\": true");
  if (m.history) out->append(", \"history\": true");
  out->push_back('}');
}

void AppendMeetings(const Fair& fair, const Compatibility& compat,
                    const Schedule& schedule, std::string* out) {
  out->push_back('[');
  for (std::size_t i = 0; i < schedule.meetings.size(); ++i) {
    out->append(i == 0 ? "\n    " : ",\n    ");
    AppendMeeting(fair, compat, schedule.meetings[i], out);
  }
  if (!schedule.meetings.empty()) out->append("\n  ");
  out->push_back(']');
}

// One person of "people": id, name, e-mail (an employer's only when it has
// one), the extra fields output.extra shows, and whether they withdrew.
template <typename Person>  // Attendee or Employer
void AppendPerson(const Config& config, const Person& person, bool email_always,
                  std::string* out) {
  out->append("{\"id\": ");
  AppendJsonString(person.id, out);
  out->append(", \"name\": ");
  AppendJsonString(person.name, out);
  if (email_always || !person.email.empty()) {
    out->append(", \"email\": ");
    AppendJsonString(person.email, out);
  }
  AppendExtra(config, person.extra, out);
  if (person.withdrawn) out->append(", \"withdrawn\": true");
  out->push_back('}');
}

// A list of people, one per line, at the indent of "people"'s members.
template <typename People>
void AppendPeopleList(const Config& config, const People& people,
                      bool email_always, std::string* out) {
  out->push_back('[');
  for (std::size_t i = 0; i < people.size(); ++i) {
    out->append(i == 0 ? "\n      " : ",\n      ");
    AppendPerson(config, people[i], email_always, out);
  }
  if (!people.empty()) out->append("\n    ");
  out->push_back(']');
}

// Who the ids are, so that `fairmatch diff` can name people and list
// whom to notify without the fair's files.
void AppendPeople(const Fair& fair, std::string* out) {
  out->push_back('{');
  {
    ObjectWriter w(out, 4);
    w.Key("attendees");
    AppendPeopleList(fair.config, fair.attendees, /*email_always=*/true, out);
    w.Key("employers");
    AppendPeopleList(fair.config, fair.employers, /*email_always=*/false, out);
  }
  Close('}', 2, out);
}

}  // namespace

std::string RenderScheduleJson(const Fair& fair, const Compatibility& compat,
                               const Schedule& schedule,
                               const Metrics& metrics) {
  std::string out;
  // A meeting line is about 100 bytes plus ids and one score per attendee.
  out.reserve(1024 + 40 * fair.slots.size() + 128 * schedule.meetings.size() +
              64 * metrics.stage_seconds.size());
  out.push_back('{');
  {
    ObjectWriter top(&out, 2);
    top.Key("fairmatch");
    AppendProvenance(fair, schedule, &out);
    top.Key("event");
    AppendEvent(fair.event, &out);
    top.Key("slots");
    AppendSlots(fair, &out);
    top.Key("meetings");
    AppendMeetings(fair, compat, schedule, &out);
    top.Key("people");
    AppendPeople(fair, &out);
    top.Key("metrics");
    AppendMetrics(metrics, &out);
  }
  Close('}', 0, &out);
  out.push_back('\n');
  return out;
}

}  // namespace fairmatch
