// Random small fairs for planner tests, built directly in memory.
#ifndef FAIRMATCH_TESTS_PLAN_PLAN_FIXTURE_H_
#define FAIRMATCH_TESTS_PLAN_PLAN_FIXTURE_H_

#include <cstdint>
#include <random>
#include <string>

#include "engine/model/fair.h"

namespace fairmatch::testing {

struct RandomFairSpec {
  int attendees = 6;
  int employers = 3;
  int slots = 4;
  int values = 4;
  int max_tables = 2;
  int max_group = 2;
  bool windows = false;     // random availability windows
  int must_meets = 0;       // random must_meet requests
  int avoids = 0;
  double fairness = 0;
  int meetings_max = 3;
  int meetings_min = 2;
  double min_score = 0.1;
  int max_consecutive = 0;  // Config::employer_max_consecutive
  // When >= 0: each attendee has a one-in-three chance of a max_meetings
  // from 0 to this (-1 leaves every attendee on meetings_max).
  int random_max_meetings = -1;
};

// Deterministic for a seed (std::mt19937 is fully specified; only raw
// engine output is used, never std:: distributions).
inline Fair RandomFair(std::uint32_t seed, const RandomFairSpec& spec) {
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) {  // inclusive
    return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1));
  };
  static const char* kTags[] = {"python", "design", "care", "research",
                                "mentoring", "internship", "data", "sales"};
  Fair fair;
  fair.dir = "random";
  fair.event.name = "Random fair";
  fair.event.date = "2027-03-04";
  fair.event.start = 600;
  fair.event.length = 15;
  fair.event.end = 600 + 15 * spec.slots;
  for (int v = 0; v < spec.values; ++v) {
    fair.event.values.push_back({"v" + std::to_string(v), "Value " + std::to_string(v)});
  }
  fair.slots = MakeSlots(fair.event.start, fair.event.end, 15, {});
  fair.config.min_score = spec.min_score;
  fair.config.fairness = spec.fairness;
  fair.config.meetings_max = spec.meetings_max;
  fair.config.meetings_min = spec.meetings_min;
  fair.config.group_size = spec.max_group;
  fair.config.employer_max_consecutive = spec.max_consecutive;
  auto fill = [&](Profile& p, const std::string& id) {
    p.id = id;
    p.name = "Name " + id;
    for (int v = 0; v < spec.values; ++v) p.values.push_back(float(uniform(0, 5)));
    for (const char* t : kTags) {
      if (uniform(0, 2) == 0) p.offers.push_back(t);
      if (uniform(0, 2) == 0) p.seeks.push_back(t);
    }
    if (spec.windows && uniform(0, 2) == 0) {
      int cut = fair.event.start + 15 * uniform(1, spec.slots - 1);
      if (uniform(0, 1) == 0) {
        p.available.push_back({fair.event.start, cut});
      } else {
        p.available.push_back({cut, fair.event.end});
      }
    }
  };
  for (int e = 0; e < spec.employers; ++e) {
    Employer emp;
    fill(emp, "e" + std::to_string(e));
    emp.tables = uniform(1, spec.max_tables);
    emp.group_size = uniform(1, spec.max_group);
    fair.employers.push_back(emp);
  }
  for (int a = 0; a < spec.attendees; ++a) {
    Attendee att;
    fill(att, "a" + std::to_string(a));
    if (spec.random_max_meetings >= 0 && uniform(0, 2) == 0) {
      att.max_meetings = uniform(0, spec.random_max_meetings);
    }
    fair.attendees.push_back(att);
  }
  for (int i = 0; i < spec.must_meets; ++i) {
    Attendee& att = fair.attendees[uniform(0, spec.attendees - 1)];
    int e = uniform(0, spec.employers - 1);
    if (att.must_meet.size() < 2) att.must_meet.push_back(e);
  }
  for (int i = 0; i < spec.avoids; ++i) {
    Attendee& att = fair.attendees[uniform(0, spec.attendees - 1)];
    att.avoid.push_back(uniform(0, spec.employers - 1));
  }
  for (Attendee& att : fair.attendees) {
    std::sort(att.must_meet.begin(), att.must_meet.end());
    att.must_meet.erase(std::unique(att.must_meet.begin(), att.must_meet.end()),
                        att.must_meet.end());
    std::sort(att.avoid.begin(), att.avoid.end());
    att.avoid.erase(std::unique(att.avoid.begin(), att.avoid.end()), att.avoid.end());
    // must_meet and avoid never share an employer (the loader rejects it).
    std::vector<int> kept;
    for (int e : att.avoid) {
      if (!std::binary_search(att.must_meet.begin(), att.must_meet.end(), e)) kept.push_back(e);
    }
    att.avoid = kept;
  }
  return fair;
}

}  // namespace fairmatch::testing

#endif  // FAIRMATCH_TESTS_PLAN_PLAN_FIXTURE_H_
