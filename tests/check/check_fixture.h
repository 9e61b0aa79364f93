// The tiny fair and valid schedule shared by check_test.cc and
// metrics_test.cc.
#ifndef FAIRMATCH_TESTS_CHECK_CHECK_FIXTURE_H_
#define FAIRMATCH_TESTS_CHECK_CHECK_FIXTURE_H_

#include <string>

#include "engine/model/fair.h"
#include "engine/model/schedule.h"

namespace fairmatch::check_testing {

constexpr int kClock10 = 600;  // 10:00

// A tiny fair:
//   slots  0 10:00-10:15, 1 10:15-10:30, (break 10:30-10:45),
//          2 10:45-11:00, 3 11:00-11:15
//   a0 a001  default
//   a1 a002  max_meetings 1
//   a2 a003  avoids e2
//   a3 a004  available 10:15-11:15 (slots 1-3)
//   a4 a005  default
//   a5 a006  avoids e0, e2, e3; available 10:45-11:15 (slots 2-3)
//   e0 e001  2 tables, group size 2
//   e1 e002  1 table, available 10:00-10:30 (slots 0-1)
//   e2 e003  1 table
//   e3 e004  1 table
// min_score 0, so every pair that is not avoided is eligible; everyone
// offers what the other side seeks, so every score is positive.
inline Fair TinyFair() {
  Fair fair;
  fair.event.start = kClock10;
  fair.event.end = kClock10 + 75;
  fair.event.length = 15;
  fair.event.breaks = {{kClock10 + 30, kClock10 + 45}};
  fair.event.values = {{"impact", "Impact"}, {"growth", "Growth"}};
  fair.slots = MakeSlots(fair.event.start, fair.event.end, fair.event.length,
                         fair.event.breaks);
  fair.config.min_score = 0;
  fair.config.meetings_min = 2;
  fair.config.meetings_max = 3;
  fair.config.group_size = 3;
  for (int a = 0; a < 6; ++a) {
    Attendee attendee;
    attendee.id = "a00" + std::to_string(a + 1);
    attendee.values = {static_cast<float>(a % 5), static_cast<float>(5 - a)};
    attendee.offers = {"python"};
    attendee.seeks = {"mentoring"};
    fair.attendees.push_back(attendee);
  }
  fair.attendees[1].max_meetings = 1;
  fair.attendees[2].avoid = {2};
  fair.attendees[3].available = {{kClock10 + 15, kClock10 + 75}};
  fair.attendees[5].avoid = {0, 2, 3};
  fair.attendees[5].available = {{kClock10 + 45, kClock10 + 75}};
  for (int e = 0; e < 4; ++e) {
    Employer employer;
    employer.id = "e00" + std::to_string(e + 1);
    employer.values = {static_cast<float>(e + 1), 2};
    employer.offers = {"mentoring"};
    employer.seeks = {"python"};
    fair.employers.push_back(employer);
  }
  fair.employers[0].tables = 2;
  fair.employers[0].group_size = 2;
  fair.employers[1].available = {{kClock10, kClock10 + 30}};
  return fair;
}

// A schedule that satisfies every hard constraint of TinyFair.
inline Schedule ValidSchedule() {
  Schedule schedule;
  schedule.meetings = {
      {0, 0, 1, {0, 1}},  // 10:00 e001 table 1: a001, a002
      {0, 1, 1, {2}},     // 10:00 e002: a003
      {1, 1, 1, {0}},     // 10:15 e002: a001
      {1, 2, 1, {3}},     // 10:15 e003: a004
      {2, 0, 2, {2, 3}},  // 10:45 e001 table 2: a003, a004
  };
  return schedule;
}

// "slot.employer.table:a,b" per meeting (an "L" after a locked one),
// joined by spaces: a schedule in one comparable line.
inline std::string MeetingsText(const Schedule& schedule) {
  std::string text;
  for (const Meeting& m : schedule.meetings) {
    if (!text.empty()) text += " ";
    text += std::to_string(m.slot) + "." + std::to_string(m.employer) + "." +
            std::to_string(m.table) + ":";
    for (size_t i = 0; i < m.attendees.size(); ++i) {
      if (i > 0) text += ",";
      text += std::to_string(m.attendees[i]);
    }
    if (m.locked) text += "L";
  }
  return text;
}

}  // namespace fairmatch::check_testing

#endif  // FAIRMATCH_TESTS_CHECK_CHECK_FIXTURE_H_
