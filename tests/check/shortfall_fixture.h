// A small fair whose scores are easy to steer, shared by shortfall_test.cc
// and the report's tests (tests/render/report_html_test.cc), which build
// on it the cases where too few employers are eligible, the seats are
// taken, or the windows share too few slots.
#ifndef FAIRMATCH_TESTS_CHECK_SHORTFALL_FIXTURE_H_
#define FAIRMATCH_TESTS_CHECK_SHORTFALL_FIXTURE_H_

#include <string>

#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "tests/check/check_fixture.h"

namespace fairmatch::check_testing {

// Three slots, 10:00, 10:15 and 10:30; employers e001 Acme, e002 Blue,
// e003 Cobalt, one table of one seat each; `attendees` attendees a001...
// Scores are benefit only: every attendee offers python and seeks
// mentoring, every employer offers mentoring and seeks python, so every
// pair scores the same, well above min_score 0.3. meetings.min 2, cap 3.
inline Fair ShortfallFair(int attendees) {
  Fair fair;
  fair.event.start = kClock10;
  fair.event.end = kClock10 + 45;
  fair.event.length = 15;
  fair.event.values = {{"impact", "Impact"}};
  fair.slots = MakeSlots(fair.event.start, fair.event.end, fair.event.length,
                         fair.event.breaks);
  fair.config.min_score = 0.3;
  fair.config.meetings_min = 2;
  fair.config.meetings_max = 3;
  fair.config.group_size = 1;
  fair.config.weight_values = 0;
  fair.config.weight_benefit = 1;
  for (int a = 0; a < attendees; ++a) {
    Attendee attendee;
    attendee.id = "a00" + std::to_string(a + 1);
    attendee.name = "Attendee " + std::to_string(a + 1);
    attendee.values = {3};
    attendee.offers = {"python"};
    attendee.seeks = {"mentoring"};
    fair.attendees.push_back(attendee);
  }
  const char* names[] = {"Acme", "Blue", "Cobalt"};
  for (int e = 0; e < 3; ++e) {
    Employer employer;
    employer.id = "e00" + std::to_string(e + 1);
    employer.name = names[e];
    employer.values = {3};
    employer.offers = {"mentoring"};
    employer.seeks = {"python"};
    fair.employers.push_back(employer);
  }
  return fair;
}

// Every seat of ShortfallFair taken: in each slot a001, a002 and a003 each
// meet one employer, and each meets all three over the day.
inline Schedule AllSeatsTaken() {
  Schedule schedule;
  for (int s = 0; s < 3; ++s) {
    for (int e = 0; e < 3; ++e) {
      schedule.meetings.push_back({s, e, 1, {(s + e) % 3}});
    }
  }
  return schedule;
}

}  // namespace fairmatch::check_testing

#endif  // FAIRMATCH_TESTS_CHECK_SHORTFALL_FIXTURE_H_
