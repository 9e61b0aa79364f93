// Civil dates and clock times as the fair's files write them: dates
// "YYYY-MM-DD" (proleptic Gregorian, years 1000-9999) and times of day
// "HH:MM" as minutes since midnight.
//
//   IsValidDate("2027-02-29")   // false: 2027 is not a leap year
//   ParseClock("9:30")          // 570
//   FormatClock(570)            // "09:30"
#ifndef FAIRMATCH_BASE_CIVIL_TIME_H_
#define FAIRMATCH_BASE_CIVIL_TIME_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace fairmatch {

// True for a real calendar day: year 1000-9999, month 1-12, a day the
// month has (29 February only in leap years).
bool IsRealDate(int year, int month, int day);

// True for "YYYY-MM-DD" naming a real day (IsRealDate).
bool IsValidDate(absl::string_view text);

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil); negative before the epoch.
std::int64_t DaysFromCivil(std::int64_t year, int month, int day);

// Minutes since midnight of "HH:MM" or "H:MM" (surrounding spaces allowed),
// 00:00 to 24:00; nullopt for anything else.
std::optional<int> ParseClock(absl::string_view text);

// Formats minutes since midnight as "HH:MM".
std::string FormatClock(int minutes);

// Appends FormatClock(minutes) to `out`, fast (the generator writes
// millions of times).
void AppendClock(std::string* out, int minutes);

// Appends "HH:MM-HH:MM", a time window as the fair files write it.
void AppendClockRange(std::string* out, int start, int end);

}  // namespace fairmatch

#endif  // FAIRMATCH_BASE_CIVIL_TIME_H_
