// The times `fairmatch import` reads from spreadsheet cells (docs/import.md):
// times of day in availability answers and headers, and the submission
// timestamps that decide which of two rows with one e-mail address is kept.
//
//   ExtractTimes("10:00 - 2pm")               // {600, 840}
//   WindowFromText("10:30", 15)               // 10:30-10:45
//   ParseTimestamp("2/1/2027 14:03", false)   // February 1, 14:03
#ifndef FAIRMATCH_IO_IMPORT_TIMES_H_
#define FAIRMATCH_IO_IMPORT_TIMES_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/model/fair.h"

namespace fairmatch {

// Times of day written in `text`: "10:00", "9.30", "2pm", "2:30 PM". A bare
// number without minutes or am/pm is not a time (it may be a question
// number). Returns minutes since midnight, in order of appearance.
std::vector<int> ExtractTimes(absl::string_view text);

// The window a cell or header names: "10:00-10:30", or one time meaning the
// slot of `slot_length` minutes it starts. nullopt when it names no time or
// the second time is not after the first.
std::optional<TimeWindow> WindowFromText(absl::string_view text,
                                         int slot_length);

// Seconds since 0000-03-01 (only the order matters) for the timestamp
// formats spreadsheets write: "2027-02-01 14:03:22", "2027-02-01T14:03:22Z",
// "2027/02/01 14:03", "2/1/2027 14:03:22" (month first unless
// `day_first`), "1.2.2027 14:03" (always day first), with optional seconds,
// optional "AM"/"PM", or a date alone. nullopt when the text is none of
// these or not a real date and time.
std::optional<std::int64_t> ParseTimestamp(absl::string_view text,
                                           bool day_first);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_IMPORT_TIMES_H_
