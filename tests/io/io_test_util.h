// The tests in tests/io/: where their input files are, and (under the old
// header name) the shared fixtures they use: TempDir, folder snapshots and
// the minimal fair, which live in tests/fixtures/.
#ifndef FAIRMATCH_TESTS_IO_IO_TEST_UTIL_H_
#define FAIRMATCH_TESTS_IO_IO_TEST_UTIL_H_

#include <string>

#include "tests/fixtures/folder_snapshot.h"
#include "tests/fixtures/minimal_fair.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch::testing {

inline std::string IoDataDir() {
  return std::string(FAIRMATCH_SOURCE_DIR) + "/tests/data/io";
}

}  // namespace fairmatch::testing

#endif  // FAIRMATCH_TESTS_IO_IO_TEST_UTIL_H_
