// libFuzzer target: the fuzzer's bytes are a schedule.json for a fixed
// small fair, read by LoadScheduleJson; whatever loads is then validated by
// CheckSchedule, which must cope with any indices the file holds. The same
// bytes are read as recorded (LoadRecordedSchedule) and diffed with
// themselves, which must keep every attendee-meeting.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "engine/check/check.h"
#include "engine/check/schedule_diff.h"
#include "engine/io/fair_loader.h"
#include "engine/io/schedule_loader.h"
#include "engine/score/compatibility.h"
#include "tests/fuzz/fuzz_fair.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace fairmatch;
  static const Fair* const fair = [] {
    absl::StatusOr<Fair> loaded = LoadFair(fuzz::FairDir(), LoadOptions{});
    if (!loaded.ok()) __builtin_trap();  // the fixed fair must be valid
    return new Fair(*std::move(loaded));
  }();
  static const Compatibility* const compat =
      new Compatibility(Compatibility::Build(*fair));
  const std::string path = fuzz::WriteInput("schedule.json", data, size);
  absl::StatusOr<RecordedSchedule> recorded = LoadRecordedSchedule(path);
  if (recorded.ok()) {
    if (!DiffSchedules(*recorded, *recorded).identical()) __builtin_trap();
  } else if (recorded.status().message().empty()) {
    __builtin_trap();
  }
  absl::StatusOr<Schedule> schedule = LoadScheduleJson(*fair, path);
  if (!schedule.ok()) {
    if (schedule.status().message().empty()) __builtin_trap();
    return 0;
  }
  CheckSchedule(*fair, *compat, *schedule);
  return 0;
}
