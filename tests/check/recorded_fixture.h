// A shorthand for building recorded schedules in the diff and diff-report
// tests.
#ifndef FAIRMATCH_TESTS_CHECK_RECORDED_FIXTURE_H_
#define FAIRMATCH_TESTS_CHECK_RECORDED_FIXTURE_H_

#include <string>
#include <utility>
#include <vector>

#include "engine/model/recorded_schedule.h"

namespace fairmatch::check_testing {

// A meeting at `start` with `employer`'s table `table`.
inline RecordedMeeting At(const std::string& start, const std::string& employer,
                          int table, std::vector<std::string> attendees) {
  RecordedMeeting m;
  m.start = start;
  m.employer = employer;
  m.table = table;
  m.attendees = std::move(attendees);
  return m;
}

}  // namespace fairmatch::check_testing

#endif  // FAIRMATCH_TESTS_CHECK_RECORDED_FIXTURE_H_
