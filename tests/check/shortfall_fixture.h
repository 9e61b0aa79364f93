// The shortfall fair under its old names; it lives in
// tests/fixtures/shortfall_fair.h.
#ifndef FAIRMATCH_TESTS_CHECK_SHORTFALL_FIXTURE_H_
#define FAIRMATCH_TESTS_CHECK_SHORTFALL_FIXTURE_H_

#include "tests/check/check_fixture.h"
#include "tests/fixtures/shortfall_fair.h"

namespace fairmatch::check_testing {

using testing::AllSeatsTaken;
using testing::ShortfallFair;

}  // namespace fairmatch::check_testing

#endif  // FAIRMATCH_TESTS_CHECK_SHORTFALL_FIXTURE_H_
