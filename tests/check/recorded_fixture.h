// The recorded-meeting shorthand under its old name; it lives in
// tests/fixtures/recorded.h.
#ifndef FAIRMATCH_TESTS_CHECK_RECORDED_FIXTURE_H_
#define FAIRMATCH_TESTS_CHECK_RECORDED_FIXTURE_H_

#include "tests/fixtures/recorded.h"

namespace fairmatch::check_testing {

using testing::At;

}  // namespace fairmatch::check_testing

#endif  // FAIRMATCH_TESTS_CHECK_RECORDED_FIXTURE_H_
