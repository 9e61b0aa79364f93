#include "engine/model/fair.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace fairmatch {

std::string SourceMark::ToString() const {
  if (file.empty()) return "";
  if (line <= 0) return file;
  return absl::StrCat(file, ":", line, ":", column);
}

std::string FormatWindows(const std::vector<TimeWindow>& windows) {
  if (windows.empty()) return "the whole event";
  std::string text;
  for (const TimeWindow& w : windows) {
    if (!text.empty()) text += ", ";
    text += FormatClock(w.start) + "-" + FormatClock(w.end);
  }
  return text;
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

}  // namespace fairmatch
