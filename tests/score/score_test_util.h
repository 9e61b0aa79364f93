// Hand-built fairs for the score tests: no loader, only what scoring reads.
// Profiles are made with tests/fixtures/fair_builder.h (MakeAttendee, ...).
#ifndef FAIRMATCH_TESTS_SCORE_SCORE_TEST_UTIL_H_
#define FAIRMATCH_TESTS_SCORE_SCORE_TEST_UTIL_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/model/fair.h"
#include "tests/fixtures/fair_builder.h"

namespace fairmatch::testing {

// A fair whose value vocabulary has ids v0, v1, ... and the given labels.
inline Fair FairWithValues(const std::vector<std::string>& labels) {
  Fair fair;
  for (int k = 0; k < static_cast<int>(labels.size()); ++k) {
    fair.event.values.push_back({absl::StrCat("v", k), labels[k]});
  }
  return fair;
}

inline Fair FairWithValues(int num_values) {
  std::vector<std::string> labels;
  for (int k = 0; k < num_values; ++k) {
    labels.push_back(absl::StrCat("Value ", k));
  }
  return FairWithValues(labels);
}

// A random fair: ratings on a 0-5 scale (integers, halves and arbitrary
// floats mixed, some people rating everything alike), tags drawn from a pool
// of `num_tags` written in varying case and spacing.
inline Fair RandomFair(int num_attendees, int num_employers, int num_values,
                       int num_tags, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto uniform = [&rng](int n) {  // 0..n-1
    return static_cast<int>(rng() % static_cast<std::uint64_t>(n));
  };
  Fair fair = FairWithValues(num_values);
  auto ratings = [&]() {
    std::vector<float> v(num_values);
    const int kind = uniform(10);
    for (float& x : v) {
      if (kind == 0) {
        x = 5.0f;  // acquiescent
      } else if (kind < 4) {
        x = static_cast<float>(uniform(11)) / 2.0f;
      } else if (kind < 6) {
        x = static_cast<float>(rng() >> 40) / static_cast<float>(1 << 24) * 5;
      } else {
        x = static_cast<float>(uniform(6));
      }
    }
    return v;
  };
  auto tags = [&]() {
    std::vector<std::string> t;
    const int n = uniform(7);
    for (int i = 0; i < n; ++i) {
      const int k = uniform(num_tags);
      t.push_back(absl::StrCat(uniform(2) ? "Tag  " : " tag ", k));
    }
    return t;
  };
  for (int a = 0; a < num_attendees; ++a) {
    fair.attendees.push_back(MakeAttendee(ratings(), tags(), tags()));
  }
  for (int e = 0; e < num_employers; ++e) {
    fair.employers.push_back(MakeEmployer(ratings(), tags(), tags()));
  }
  return fair;
}

}  // namespace fairmatch::testing

#endif  // FAIRMATCH_TESTS_SCORE_SCORE_TEST_UTIL_H_
