// `fairmatch plan`'s summary on stdout, through the binary: each figure
// beside what it measures.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "absl/strings/str_format.h"
#include "tests/fixtures/data_dirs.h"
#include "tests/fixtures/read_file.h"
#include "tests/fixtures/temp_dir.h"
#include "tests/tools/subprocess.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::kDemoFair;
using testing::ReadFile;
using testing::RunFairmatch;

TEST_CASE(
    "the summary gives the price of fairness beside the total's bound and "
    "the gap beside the objective's bound, as schedule.json has them",
    "[tools]") {
  const testing::TempDir scratch;  // unique per process and test
  const fs::path dir = scratch.path();
  for (const char* fairness : {"0", "0.5"}) {
    const fs::path out = dir / (std::string("f") + fairness);
    const testing::ProcessResult r =
        RunFairmatch(dir, {"plan", kDemoFair, "--format", "json", "--set",
                           std::string("objective.fairness=") + fairness,
                           "--out", out.string()});
    REQUIRE(r.exit_code == 0);
    const json m = json::parse(ReadFile(out / "schedule.json"))["metrics"];
    REQUIRE(m.contains("objective_bound"));
    const std::string total = absl::StrFormat(
        "total score %.3f, upper bound %.3f (price of fairness %.2f%%)\n",
        m["total_score"].get<double>(), m["upper_bound"].get<double>(),
        100.0 * m["price_of_fairness"].get<double>());
    const std::string objective = absl::StrFormat(
        "objective %.3f, bound %.3f (gap %.2f%% from the best plan)\n",
        m["objective"].get<double>(), m["objective_bound"].get<double>(),
        100.0 * m["gap"].get<double>());
    CHECK(r.out.find(total + objective) != std::string::npos);
    // The word "gap" is never beside the total score's bound.
    CHECK(r.out.find("upper bound " +
                     absl::StrFormat("%.3f", m["upper_bound"].get<double>()) +
                     " (gap") == std::string::npos);
  }
}

}  // namespace
}  // namespace fairmatch
