#include "engine/io/schedule_loader.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

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

class Reader {
 public:
  Reader(const Fair& fair, const std::string& path)
      : fair_(fair), path_(path) {}

  absl::StatusOr<Schedule> Read(const std::string& text) {
    json root;
    try {
      root = json::parse(text);
    } catch (const json::parse_error& e) {
      // parse_error::byte counts from 1 and points at the last character
      // read, the one that made the input invalid.
      const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
      auto [line, column] = LineColumn(text, offset);
      return absl::InvalidArgumentError(
          absl::StrCat(path_, ":", line, ":", column,
                       ": error: ", ParseErrorDetail(e.what())));
    } catch (const json::exception& e) {
      return absl::InvalidArgumentError(
          absl::StrCat(path_, ": error: ", e.what()));
    }

    Schedule schedule;
    if (!root.is_object()) {
      Error("the top level must be an object");
    } else {
      CheckSlots(root);
      const auto it = root.find("meetings");
      if (it == root.end()) {
        Error("missing key \"meetings\"");
      } else if (!it->is_array()) {
        Error("\"meetings\" must be an array");
      } else {
        BuildIndex();
        for (size_t i = 0; i < it->size() && errors_.size() < kMaxErrors; ++i) {
          if (std::optional<Meeting> m = ReadMeeting((*it)[i], i)) {
            schedule.meetings.push_back(std::move(*m));
          }
        }
      }
    }
    if (!errors_.empty()) {
      return absl::InvalidArgumentError(absl::StrJoin(errors_, "\n"));
    }
    SortMeetings(schedule);
    return schedule;
  }

 private:
  void Error(const std::string& message) {
    if (errors_.size() < kMaxErrors) {
      errors_.push_back(absl::StrCat(path_, ": error: ", message));
    }
  }

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

  // The integer under `key`, which must fit an int; nullopt after an error.
  std::optional<int> ReadInt(const json& meeting, const char* key,
                             const std::string& where) {
    const auto it = meeting.find(key);
    if (it == meeting.end()) {
      Error(absl::StrCat(where, ": missing key \"", key, "\""));
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
                         it->dump()));
      return std::nullopt;
    }
    Error(absl::StrCat(where, ": \"", key, "\" is out of range: ", it->dump()));
    return std::nullopt;
  }

  std::optional<Meeting> ReadMeeting(const json& meeting, size_t i) {
    const std::string where = absl::StrCat("meetings[", i, "]");
    if (!meeting.is_object()) {
      Error(absl::StrCat(where, " must be an object"));
      return std::nullopt;
    }
    const size_t errors_before = errors_.size();
    Meeting m;
    std::optional<int> slot = ReadInt(meeting, "slot", where);
    std::optional<int> table = ReadInt(meeting, "table", where);
    if (slot) m.slot = *slot;
    if (table) m.table = *table;

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

    const auto attendees = meeting.find("attendees");
    if (attendees == meeting.end()) {
      Error(absl::StrCat(where, ": missing key \"attendees\""));
    } else if (!attendees->is_array()) {
      Error(absl::StrCat(where, ": \"attendees\" must be an array of ids"));
    } else {
      for (size_t j = 0; j < attendees->size(); ++j) {
        const json& a = (*attendees)[j];
        if (!a.is_string()) {
          Error(absl::StrCat(where, ": \"attendees\"[", j,
                             "] must be a string id, not ", a.dump()));
          continue;
        }
        const std::string& id = a.get_ref<const std::string&>();
        const auto found = attendee_index_.find(id);
        if (found == attendee_index_.end()) {
          Error(absl::StrCat(where, ": unknown attendee \"", id, "\""));
        } else {
          m.attendees.push_back(found->second);
        }
      }
    }
    if (errors_.size() != errors_before) return std::nullopt;
    return m;
  }

  const Fair& fair_;
  const std::string& path_;
  std::vector<std::string> errors_;
  absl::flat_hash_map<std::string, int> attendee_index_;
  absl::flat_hash_map<std::string, int> employer_index_;
};

}  // namespace

absl::StatusOr<Schedule> LoadScheduleJson(const Fair& fair,
                                          const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat(path, ": error: cannot read the file"));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return absl::NotFoundError(
        absl::StrCat(path, ": error: cannot read the file"));
  }
  Reader reader(fair, path);
  try {
    return reader.Read(text.str());
  } catch (const std::exception& e) {
    // Every json access above is type-checked first; this is a last guard
    // so that no exception leaves the loader.
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": error: ", e.what()));
  }
}

}  // namespace fairmatch
