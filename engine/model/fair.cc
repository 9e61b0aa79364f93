#include "engine/model/fair.h"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string_view>
#include <unordered_set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace fairmatch {

namespace {

// Heterogeneous lookup, so that a name already interned is found without
// making a string of it.
struct NameHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>()(s);
  }
};

}  // namespace

FileName::FileName(std::string_view name) {
  if (name.empty()) return;
  // Never destroyed: marks may be read until the process exits. A node
  // set, so that each name's address is stable.
  static auto* mutex = new std::mutex;
  static auto* names =
      new std::unordered_set<std::string, NameHash, std::equal_to<>>;
  const std::lock_guard<std::mutex> lock(*mutex);
  auto it = names->find(name);
  if (it == names->end()) it = names->emplace(name).first;
  name_ = &*it;
}

const std::string& FileName::Empty() {
  static const auto* empty = new std::string;
  return *empty;
}

std::string SourceMark::ToString() const {
  if (file.empty()) return "";
  if (line <= 0) return file.str();
  return absl::StrCat(file.str(), ":", line, ":", column);
}

std::string Requirement::ToString() const {
  if (!range) {
    if (any_of.size() == 1) return absl::StrCat(field, " is ", any_of[0]);
    return absl::StrCat(field, " is one of ", absl::StrJoin(any_of, ", "));
  }
  const bool has_min = min > -1e300, has_max = max < 1e300;
  if (has_min && has_max) {
    if (min == max) return absl::StrFormat("%s is %g", field, min);
    return absl::StrFormat("%s is %g to %g", field, min, max);
  }
  if (has_min) return absl::StrFormat("%s is at least %g", field, min);
  if (has_max) return absl::StrFormat("%s is at most %g", field, max);
  return absl::StrCat(field, " is a number");
}

std::string FormatWindows(const std::vector<TimeWindow>& windows) {
  if (windows.empty()) return "the whole event";
  std::string text;
  for (const TimeWindow& w : windows) {
    if (!text.empty()) text += ", ";
    AppendClockRange(&text, w.start, w.end);
  }
  return text;
}

void AppendYamlWindows(std::string* out,
                       const std::vector<TimeWindow>& windows) {
  out->push_back('[');
  for (std::size_t i = 0; i < windows.size(); ++i) {
    if (i > 0) out->append(", ");
    out->push_back('"');
    AppendClockRange(out, windows[i].start, windows[i].end);
    out->push_back('"');
  }
  out->push_back(']');
}

std::vector<Slot> MakeSlots(int start, int end, int length,
                            const std::vector<TimeWindow>& breaks) {
  std::vector<Slot> slots;
  if (length <= 0) return slots;
  int t = start;
  while (t + length <= end) {
    Slot slot{t, t + length};
    // Push the slot past every break it overlaps; breaks may be unsorted.
    bool moved = true;
    while (moved) {
      moved = false;
      for (const TimeWindow& b : breaks) {
        if (slot.Overlaps(b)) {
          slot = Slot{b.end, b.end + length};
          moved = true;
        }
      }
    }
    if (slot.end > end) break;
    slots.push_back(slot);
    t = slot.end;
  }
  return slots;
}

bool SlotInWindows(const Slot& slot, const std::vector<TimeWindow>& windows) {
  if (windows.empty()) return true;
  return std::any_of(windows.begin(), windows.end(),
                     [&](const TimeWindow& w) { return w.Contains(slot); });
}

bool ExtraSelects(std::string_view selector, std::string_view key) {
  if (key.substr(0, selector.size()) != selector) return false;
  return key.size() == selector.size() || key[selector.size()] == '.';
}

ExtraFields ShownExtra(const Config& config, const ExtraFields& extra) {
  if (config.extra_all) return extra;
  ExtraFields shown;
  std::vector<bool> taken(extra.size(), false);
  for (const std::string& selector : config.extra) {
    for (std::size_t i = 0; i < extra.size(); ++i) {
      if (!taken[i] && ExtraSelects(selector, extra[i].first)) {
        taken[i] = true;
        shown.push_back(extra[i]);
      }
    }
  }
  return shown;
}

std::vector<std::string> ShownExtraKeys(const Config& config,
                                        const std::vector<std::string>& keys) {
  if (config.extra_all) return keys;
  std::vector<std::string> shown;
  std::vector<bool> taken(keys.size(), false);
  for (const std::string& selector : config.extra) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (!taken[i] && ExtraSelects(selector, keys[i])) {
        taken[i] = true;
        shown.push_back(keys[i]);
      }
    }
  }
  return shown;
}

namespace {

template <typename People>
std::vector<std::string> KeysOf(const People& people) {
  std::vector<std::string> keys;
  std::unordered_set<std::string> seen;  // membership only, never iterated
  for (const Profile& p : people) {
    for (const auto& [key, value] : p.extra) {
      if (seen.insert(key).second) keys.push_back(key);
    }
  }
  return keys;
}

}  // namespace

std::vector<std::string> ExtraKeys(const Fair& fair, bool attendees) {
  return attendees ? KeysOf(fair.attendees) : KeysOf(fair.employers);
}

}  // namespace fairmatch
