// The check tests' fixtures under their old names. The tiny fair, its valid
// schedule and the one-line schedule text live in tests/fixtures/
// (tiny_fair.h, schedule_text.h); new tests include those directly.
#ifndef FAIRMATCH_TESTS_CHECK_CHECK_FIXTURE_H_
#define FAIRMATCH_TESTS_CHECK_CHECK_FIXTURE_H_

#include "tests/fixtures/fair_builder.h"
#include "tests/fixtures/schedule_text.h"
#include "tests/fixtures/tiny_fair.h"

namespace fairmatch::check_testing {

using testing::kClock10;
using testing::MeetingsText;
using testing::TinyFair;
using testing::ValidSchedule;

}  // namespace fairmatch::check_testing

#endif  // FAIRMATCH_TESTS_CHECK_CHECK_FIXTURE_H_
