#include "engine/io/schedule_loader.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/base/civil_time.h"
#include "engine/io/file_reader.h"
#include "engine/io/yaml_fields.h"

namespace fairmatch {
namespace {

using nlohmann::json;

// Like the fair loader, stop after this many diagnostics.
constexpr size_t kMaxErrors = 50;

// Line and column (from 1) of the character at `offset` in `text`; an
// offset at or past the end points just after the last character.
std::pair<int, int> LineColumn(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<int>(offset - line_start) + 1};
}

// nlohmann's what() reads "[json.exception.parse_error.101] parse error at
// line 1, column 5: syntax error while parsing ..."; keep what follows the
// position, since the position is reported in FILE:LINE:COL form instead.
std::string ParseErrorDetail(const std::string& what) {
  size_t pos = what.find("column ");
  if (pos != std::string::npos) pos = what.find(": ", pos);
  if (pos == std::string::npos) pos = what.find("parse error: ");
  if (pos == std::string::npos) return what;
  pos = what.find(": ", pos);
  return what.substr(pos + 2);
}

// The cap on a schedule.json read (ReadFileCapped): one of a million
// attendees is about 200 MB.
constexpr std::size_t kMaxScheduleBytes = std::size_t{512} << 20;

// The JSON document in `text`; a syntax error is an InvalidArgumentError
// at its FILE:LINE:COL.
absl::StatusOr<json> ParseJson(const std::string& text,
                               const std::string& path) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // parse_error::byte counts from 1 and points at the last character
    // read, the one that made the input invalid.
    const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    auto [line, column] = LineColumn(text, offset);
    return absl::InvalidArgumentError(absl::StrCat(
        path, ":", line, ":", column, ": error: ", ParseErrorDetail(e.what())));
  } catch (const json::exception& e) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": error: ", e.what()));
  }
}

// The line (from 1) on which each element of the array under the top-level
// key `key` starts, in order. nlohmann keeps no positions, so this scans
// the text, which ParseJson has already accepted: strings are skipped with
// their escapes and brackets counted. A key written with escapes, or a
// value that is not an array, gives no lines (callers then report without
// one). With a repeated key the last one wins, as it does in nlohmann.
std::vector<int> ElementLines(std::string_view text, std::string_view key) {
  std::vector<int> lines;
  std::vector<int> current;
  int depth = 0;
  int line = 1;
  std::string_view last_string;  // the last string read at depth 1
  bool key_matched = false;      // after `"key":` at depth 1, before its value
  bool in_array = false;         // inside the key's array (at depth 2)
  bool want_element = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (in_array && want_element && depth == 2 && c != ']') {
      current.push_back(line);
      want_element = false;
    }
    switch (c) {
      case '"': {
        size_t j = i + 1;
        while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
        if (depth == 1) last_string = text.substr(i + 1, j - i - 1);
        key_matched = false;  // a string value ends a pending match
        i = j;
        break;
      }
      case ':':
        key_matched = depth == 1 && last_string == key;
        break;
      case '[':
        ++depth;
        if (key_matched && depth == 2) {
          in_array = true;
          want_element = true;
          current.clear();
        }
        key_matched = false;
        break;
      case '{':
        ++depth;
        key_matched = false;
        break;
      case ']':
      case '}':
        if (in_array && depth == 2) {
          lines = current;
          in_array = false;
        }
        --depth;
        break;
      case ',':
        if (in_array && depth == 2) want_element = true;
        break;
      default:  // numbers, true, false, null
        key_matched = false;
        break;
    }
  }
  return lines;
}

// Collects "FILE:LINE: error: ..." lines (or "FILE: error: ..." without a
// line) up to kMaxErrors, and reads typed values that report into them.
class ErrorCollector {
 public:
  explicit ErrorCollector(const std::string& path) : path_(path) {}

  void Error(const std::string& message, int line = 0) {
    if (errors_.size() >= kMaxErrors) return;
    errors_.push_back(line > 0
                          ? absl::StrCat(path_, ":", line, ": error: ", message)
                          : absl::StrCat(path_, ": error: ", message));
  }
  bool full() const { return errors_.size() >= kMaxErrors; }
  size_t error_count() const { return errors_.size(); }
  absl::Status ToStatus() const {
    if (errors_.empty()) return absl::OkStatus();
    return absl::InvalidArgumentError(absl::StrJoin(errors_, "\n"));
  }

  // The integer under `key`, which must fit an int; nullopt after an error.
  std::optional<int> ReadInt(const json& object, const char* key,
                             const std::string& where, int line = 0) {
    const auto it = object.find(key);
    if (it == object.end()) {
      Error(absl::StrCat(where, ": missing key \"", key, "\""), line);
      return std::nullopt;
    }
    if (it->is_number_unsigned()) {
      const auto v = it->get<std::uint64_t>();
      if (v <= static_cast<std::uint64_t>(std::numeric_limits<int>::max())) {
        return static_cast<int>(v);
      }
    } else if (it->is_number_integer()) {
      const auto v = it->get<std::int64_t>();
      if (v >= std::numeric_limits<int>::min() &&
          v <= std::numeric_limits<int>::max()) {
        return static_cast<int>(v);
      }
    } else {
      Error(absl::StrCat(where, ": \"", key, "\" must be an integer, not ",
                         it->dump()),
            line);
      return std::nullopt;
    }
    Error(absl::StrCat(where, ": \"", key, "\" is out of range: ", it->dump()),
          line);
    return std::nullopt;
  }

  // A meeting's "locked" and "history" flags, when present. "locked" is
  // the organiser's decision (check lets a locked meeting score below
  // min_score, as a must_meet may); "history" marks one that took place.
  void ReadMeetingFlags(const json& meeting, const std::string& where, int line,
                        bool* locked, bool* history) {
    for (const auto& [key, flag] :
         {std::pair<const char*, bool*>{"locked", locked},
          {"history", history}}) {
      if (const auto it = meeting.find(key); it != meeting.end()) {
        if (!it->is_boolean()) {
          Error(absl::StrCat(where, ": \"", key,
                             "\" must be true or false, not ", it->dump()),
                line);
        } else {
          *flag = it->get<bool>();
        }
      }
    }
  }

  // The array under `key` of the object `root`; nullptr after reporting
  // that it is missing or not an array.
  const json* FindArray(const json& root, const char* key) {
    const auto it = root.find(key);
    if (it == root.end()) {
      Error(absl::StrCat("missing key \"", key, "\""));
      return nullptr;
    }
    if (!it->is_array()) {
      Error(absl::StrCat("\"", key, "\" must be an array"));
      return nullptr;
    }
    return &*it;
  }

  // Calls `take(id)` for each id in the meeting's "attendees", after
  // reporting a missing key, a value that is not an array, and entries
  // that are not non-empty strings.
  template <typename Take>
  void ForEachAttendeeId(const json& meeting, const std::string& where,
                         int line, Take take) {
    const auto attendees = meeting.find("attendees");
    if (attendees == meeting.end()) {
      Error(absl::StrCat(where, ": missing key \"attendees\""), line);
      return;
    }
    if (!attendees->is_array()) {
      Error(absl::StrCat(where, ": \"attendees\" must be an array of ids"),
            line);
      return;
    }
    for (size_t j = 0; j < attendees->size(); ++j) {
      const json& a = (*attendees)[j];
      if (!a.is_string() || a.get_ref<const std::string&>().empty()) {
        Error(absl::StrCat(where, ": \"attendees\"[", j,
                           "] must be a non-empty string id, not ", a.dump()),
              line);
        continue;
      }
      take(a.get_ref<const std::string&>());
    }
  }

 protected:
  const std::string& path_;

 private:
  std::vector<std::string> errors_;
};

// Reads `path` and hands its text and parsed root to `read`; no exception
// leaves: every json access in the readers is type-checked first, and this
// is a last guard.
template <typename T, typename ReadFn>
absl::StatusOr<T> LoadJsonFile(const std::string& path, ReadFn read) {
  absl::StatusOr<std::string> text = ReadFileCapped(path, kMaxScheduleBytes);
  if (!text.ok()) return text.status();
  try {
    absl::StatusOr<json> root = ParseJson(*text, path);
    if (!root.ok()) return root.status();
    return read(*text, *root);
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": error: ", e.what()));
  }
}

// schedule.json resolved against a fair.
class Reader : public ErrorCollector {
 public:
  Reader(const Fair& fair, const std::string& path)
      : ErrorCollector(path), fair_(fair) {}

  absl::StatusOr<Schedule> Read(const json& root) {
    Schedule schedule;
    if (!root.is_object()) {
      Error("the top level must be an object");
    } else {
      CheckSlots(root);
      if (const json* it = FindArray(root, "meetings")) {
        BuildIndex();
        for (size_t i = 0; i < it->size() && !full(); ++i) {
          if (std::optional<Meeting> m = ReadMeeting((*it)[i], i)) {
            schedule.meetings.push_back(std::move(*m));
          }
        }
      }
    }
    if (absl::Status status = ToStatus(); !status.ok()) return status;
    SortMeetings(schedule);
    return schedule;
  }

 private:
  // "slots" is optional; when present it must be the fair's day.
  void CheckSlots(const json& root) {
    const auto it = root.find("slots");
    if (it == root.end()) return;
    if (!it->is_array()) {
      Error("\"slots\" must be an array");
      return;
    }
    const std::string different = "schedule was made for a different event day";
    if (static_cast<int>(it->size()) != fair_.num_slots()) {
      Error(absl::StrCat(different, ": it has ", it->size(),
                         " slots, the fair has ", fair_.num_slots()));
      return;
    }
    for (int s = 0; s < fair_.num_slots(); ++s) {
      const json& slot = (*it)[s];
      const auto start = slot.is_object() ? slot.find("start") : slot.end();
      const auto end = slot.is_object() ? slot.find("end") : slot.end();
      if (!slot.is_object() || start == slot.end() || end == slot.end() ||
          !start->is_string() || !end->is_string()) {
        Error(absl::StrCat("slots[", s,
                           "] must be an object with string \"start\" and "
                           "\"end\""));
        return;
      }
      const std::string want =
          absl::StrCat(FormatClock(fair_.slots[s].start), "-",
                       FormatClock(fair_.slots[s].end));
      const std::string got =
          absl::StrCat(start->get<std::string>(), "-", end->get<std::string>());
      if (got != want) {
        Error(absl::StrCat(different, ": slot ", s, " is ", got,
                           " in the schedule, ", want, " in the fair"));
        return;
      }
    }
  }

  void BuildIndex() {
    for (int a = 0; a < fair_.num_attendees(); ++a) {
      attendee_index_.emplace(fair_.attendees[a].id, a);
    }
    for (int e = 0; e < fair_.num_employers(); ++e) {
      employer_index_.emplace(fair_.employers[e].id, e);
    }
  }

  std::optional<Meeting> ReadMeeting(const json& meeting, size_t i) {
    const std::string where = absl::StrCat("meetings[", i, "]");
    if (!meeting.is_object()) {
      Error(absl::StrCat(where, " must be an object"));
      return std::nullopt;
    }
    const size_t errors_before = error_count();
    Meeting m;
    std::optional<int> slot = ReadInt(meeting, "slot", where);
    std::optional<int> table = ReadInt(meeting, "table", where);
    if (slot) m.slot = *slot;
    if (table) m.table = *table;
    ReadMeetingFlags(meeting, where, 0, &m.locked, &m.history);

    const auto employer = meeting.find("employer");
    if (employer == meeting.end()) {
      Error(absl::StrCat(where, ": missing key \"employer\""));
    } else if (!employer->is_string()) {
      Error(absl::StrCat(where, ": \"employer\" must be a string id, not ",
                         employer->dump()));
    } else {
      const std::string& id = employer->get_ref<const std::string&>();
      const auto found = employer_index_.find(id);
      if (found == employer_index_.end()) {
        Error(absl::StrCat(where, ": unknown employer \"", id, "\""));
      } else {
        m.employer = found->second;
      }
    }

    ForEachAttendeeId(meeting, where, 0, [&](const std::string& id) {
      const auto found = attendee_index_.find(id);
      if (found == attendee_index_.end()) {
        Error(absl::StrCat(where, ": unknown attendee \"", id, "\""));
      } else {
        m.attendees.push_back(found->second);
      }
    });
    if (error_count() != errors_before) return std::nullopt;
    return m;
  }

  const Fair& fair_;
  absl::flat_hash_map<std::string, int> attendee_index_;
  absl::flat_hash_map<std::string, int> employer_index_;
};

// schedule.json as recorded: ids and clock times, nothing resolved.
class RecordedReader : public ErrorCollector {
 public:
  explicit RecordedReader(const std::string& path) : ErrorCollector(path) {}

  absl::StatusOr<RecordedSchedule> Read(const std::string& text,
                                        const json& root) {
    RecordedSchedule out;
    out.path = path_;
    if (!root.is_object()) {
      Error("the top level must be an object");
      return ToStatus();
    }
    ReadEvent(root, &out);
    ReadRevision(root, &out);
    ReadSlots(root);
    if (const json* it = FindArray(root, "meetings")) {
      const std::vector<int> lines = ElementLines(text, "meetings");
      for (size_t i = 0; i < it->size() && !full(); ++i) {
        const int line = i < lines.size() ? lines[i] : 0;
        if (std::optional<RecordedMeeting> m = ReadMeeting((*it)[i], i, line)) {
          out.meetings.push_back(std::move(*m));
        }
      }
    }
    ReadPeople(root, &out);
    if (absl::Status status = ToStatus(); !status.ok()) return status;
    return out;
  }

 private:
  // A slot's clock times in minutes; nullopt for an entry in error.
  using SlotTimes = std::optional<std::pair<int, int>>;

  // A "HH:MM" string under `key`, as minutes; nullopt after an error, or
  // when the key is absent and `required` is false.
  std::optional<int> ReadClockKey(const json& object, const char* key,
                                  bool required, const std::string& where,
                                  int line) {
    const auto it = object.find(key);
    if (it == object.end()) {
      if (required) {
        Error(absl::StrCat(where, ": missing key \"", key, "\""), line);
      }
      return std::nullopt;
    }
    std::optional<int> minutes;
    if (it->is_string())
      minutes = ParseClock(it->get_ref<const std::string&>());
    if (!minutes) {
      Error(absl::StrCat(where, ": \"", key,
                         "\" must be a time of day like \"09:30\", not ",
                         it->dump()),
            line);
    }
    return minutes;
  }

  // A non-empty string id under `key` (required).
  std::optional<std::string> ReadIdKey(const json& object, const char* key,
                                       const std::string& where, int line) {
    const auto it = object.find(key);
    if (it == object.end()) {
      Error(absl::StrCat(where, ": missing key \"", key, "\""), line);
      return std::nullopt;
    }
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
      Error(absl::StrCat(where, ": \"", key,
                         "\" must be a non-empty string id, not ", it->dump()),
            line);
      return std::nullopt;
    }
    return it->get<std::string>();
  }

  // A string under `key`, "" when absent.
  std::string ReadOptionalString(const json& object, const char* key,
                                 const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end()) return "";
    if (!it->is_string()) {
      Error(absl::StrCat(where, ": \"", key, "\" must be a string, not ",
                         it->dump()));
      return "";
    }
    return it->get<std::string>();
  }

  void ReadEvent(const json& root, RecordedSchedule* out) {
    const auto it = root.find("event");
    if (it == root.end()) return;
    if (!it->is_object()) {
      Error("\"event\" must be an object");
      return;
    }
    out->event_name = ReadOptionalString(*it, "name", "event");
    out->event_date = ReadOptionalString(*it, "date", "event");
    // Calendars cancel a baseline's meetings on its date: a date that is
    // not one would write broken events.
    if (!out->event_date.empty() && !IsValidDate(out->event_date)) {
      Error(
          absl::StrCat("\"event\": \"date\" must be a date like "
                       "2027-03-04, not \"",
                       out->event_date, "\""));
      out->event_date.clear();
    }
  }

  // "fairmatch": {"revision": n} is optional (files written before it
  // existed have none: revision 0).
  void ReadRevision(const json& root, RecordedSchedule* out) {
    const auto it = root.find("fairmatch");
    if (it == root.end() || !it->is_object()) return;
    const auto rev = it->find("revision");
    if (rev == it->end()) {
      // Before revisions existed there was one UID scheme.
      return;
    }
    // No ceiling a real fair can reach: every revision a rerun writes
    // reads back (a rerun of the very last one is refused before planning).
    if (!rev->is_number_integer() || rev->get<long long>() < 0 ||
        rev->get<long long>() > std::numeric_limits<int>::max()) {
      Error(
          absl::StrCat("\"fairmatch\": \"revision\" must be a whole number "
                       "from 0 to ",
                       std::numeric_limits<int>::max(), ", not ", rev->dump()));
      return;
    }
    out->revision = static_cast<int>(rev->get<long long>());
    if (const auto scheme = it->find("uid_scheme"); scheme != it->end()) {
      if (!scheme->is_number_integer() || scheme->get<long long>() < 1 ||
          scheme->get<long long>() > 2) {
        Error(absl::StrCat("\"fairmatch\": \"uid_scheme\" must be 1 or 2, not ",
                           scheme->dump()));
        return;
      }
      out->uid_scheme = static_cast<int>(scheme->get<long long>());
    }
  }

  // "slots" is optional: meetings may carry their own "start".
  void ReadSlots(const json& root) {
    const auto it = root.find("slots");
    if (it == root.end()) return;
    has_slots_ = true;
    if (!it->is_array()) {
      Error("\"slots\" must be an array");
      slots_malformed_ = true;
      return;
    }
    for (size_t s = 0; s < it->size(); ++s) {
      const json& slot = (*it)[s];
      const std::string where = absl::StrCat("slots[", s, "]");
      if (!slot.is_object()) {
        Error(absl::StrCat(where,
                           " must be an object with \"start\" and "
                           "\"end\""));
        slots_.emplace_back();
        continue;
      }
      std::optional<int> start = ReadClockKey(slot, "start", true, where, 0);
      std::optional<int> end = ReadClockKey(slot, "end", true, where, 0);
      if (start && end) {
        slots_.emplace_back(std::make_pair(*start, *end));
      } else {
        slots_.emplace_back();
      }
    }
  }

  std::optional<RecordedMeeting> ReadMeeting(const json& meeting, size_t i,
                                             int line) {
    const std::string where = absl::StrCat("meetings[", i, "]");
    if (!meeting.is_object()) {
      Error(absl::StrCat(where, " must be an object"), line);
      return std::nullopt;
    }
    const size_t errors_before = error_count();
    RecordedMeeting m;
    m.line = line;

    std::optional<int> start =
        ReadClockKey(meeting, "start", false, where, line);
    const bool has_start = meeting.contains("start");
    SlotTimes slot_times;
    if (meeting.contains("slot")) {
      std::optional<int> slot = ReadInt(meeting, "slot", where, line);
      if (slot && slots_malformed_) {
        // Already reported; nothing more to say about this meeting's slot.
      } else if (slot) {
        if (!has_slots_) {
          if (!has_start) {
            Error(absl::StrCat(where, ": \"slot\" ", *slot,
                               " has no time: the file has no \"slots\" and "
                               "the meeting no \"start\""),
                  line);
          }
        } else if (*slot < 0 || *slot >= static_cast<int>(slots_.size())) {
          Error(absl::StrCat(where, ": \"slot\" ", *slot,
                             " is not in \"slots\" (", slots_.size(),
                             " slots, from 0)"),
                line);
        } else {
          slot_times = slots_[*slot];
          if (slot_times && start && *start != slot_times->first) {
            Error(absl::StrCat(where, ": \"start\" ", FormatClock(*start),
                               " disagrees with slots[", *slot, "], which ",
                               "starts at ", FormatClock(slot_times->first)),
                  line);
          }
        }
      }
    } else if (!has_start) {
      Error(absl::StrCat(where, ": missing key \"start\" (or \"slot\")"), line);
    }
    if (start) {
      m.start = FormatClock(*start);
    } else if (slot_times) {
      m.start = FormatClock(slot_times->first);
    }
    if (slot_times) m.end = FormatClock(slot_times->second);

    if (std::optional<std::string> id =
            ReadIdKey(meeting, "employer", where, line)) {
      m.employer = *std::move(id);
    }
    if (std::optional<int> table = ReadInt(meeting, "table", where, line)) {
      if (*table < 1) {
        Error(
            absl::StrCat(where, ": \"table\" must be 1 or more, not ", *table),
            line);
      }
      m.table = *table;
    }

    ForEachAttendeeId(meeting, where, line, [&](const std::string& id) {
      m.attendees.push_back(id);
    });

    ReadMeetingFlags(meeting, where, line, &m.locked, &m.history);
    if (error_count() != errors_before) return std::nullopt;
    return m;
  }

  // "people" is optional (files written before it existed have none).
  void ReadPeople(const json& root, RecordedSchedule* out) {
    const auto it = root.find("people");
    if (it == root.end()) return;
    if (!it->is_object()) {
      Error("\"people\" must be an object");
      return;
    }
    ReadPersonList(*it, "attendees", &out->attendees);
    ReadPersonList(*it, "employers", &out->employers);
  }

  void ReadPersonList(const json& people, const char* key,
                      std::vector<RecordedPerson>* out) {
    const auto it = people.find(key);
    if (it == people.end()) return;
    const std::string list = absl::StrCat("people.", key);
    if (!it->is_array()) {
      Error(absl::StrCat("\"", list, "\" must be an array"));
      return;
    }
    absl::flat_hash_set<std::string> seen;
    for (size_t i = 0; i < it->size() && !full(); ++i) {
      const json& entry = (*it)[i];
      const std::string where = absl::StrCat(list, "[", i, "]");
      if (!entry.is_object()) {
        Error(absl::StrCat(where, " must be an object"));
        continue;
      }
      RecordedPerson person;
      std::optional<std::string> id = ReadIdKey(entry, "id", where, 0);
      if (!id) continue;
      person.id = *std::move(id);
      if (!seen.insert(person.id).second) {
        Error(absl::StrCat(where, ": duplicate id \"", person.id, "\""));
        continue;
      }
      person.name = ReadOptionalString(entry, "name", where);
      person.email = ReadOptionalString(entry, "email", where);
      out->push_back(std::move(person));
    }
    std::sort(out->begin(), out->end(),
              [](const RecordedPerson& x, const RecordedPerson& y) {
                return x.id < y.id;
              });
  }

  bool has_slots_ = false;
  bool slots_malformed_ = false;  // "slots" is not an array
  std::vector<SlotTimes> slots_;
};

}  // namespace

absl::StatusOr<Schedule> LoadScheduleJson(const Fair& fair,
                                          const std::string& path) {
  return LoadJsonFile<Schedule>(
      path, [&](const std::string& /*text*/, const json& root) {
        return Reader(fair, path).Read(root);
      });
}

absl::StatusOr<RecordedSchedule> LoadRecordedSchedule(const std::string& path) {
  return LoadJsonFile<RecordedSchedule>(
      path, [&](const std::string& text, const json& root) {
        return RecordedReader(path).Read(text, root);
      });
}

}  // namespace fairmatch
