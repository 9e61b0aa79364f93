// Random small fairs for planner tests, built directly in memory (on
// tests/fixtures/fair_builder.h's EventFair).
#ifndef FAIRMATCH_TESTS_PLAN_PLAN_FIXTURE_H_
#define FAIRMATCH_TESTS_PLAN_PLAN_FIXTURE_H_

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/model/fair.h"
#include "engine/model/intents.h"
#include "engine/plan/matching.h"
#include "tests/fixtures/fair_builder.h"

namespace fairmatch::testing {

struct RandomFairSpec {
  int attendees = 6;
  int employers = 3;
  int slots = 4;
  int values = 4;
  int max_tables = 2;
  int max_group = 2;
  bool windows = false;  // random availability windows
  int must_meets = 0;    // random must_meet requests
  int avoids = 0;
  double fairness = 0;
  int meetings_max = 3;
  int meetings_min = 2;
  double min_score = 0.1;
  int max_consecutive = 0;  // Config::employer_max_consecutive
  // When >= 0: each attendee has a one-in-three chance of a max_meetings
  // from 0 to this (-1 leaves every attendee on meetings_max).
  int random_max_meetings = -1;
  // Both sides choose (drawn after everything above, so fairs without
  // them are what they always were): random `requires` clauses (with
  // programmes and extra fields to test), ranked wishes of both sides, and
  // employers' own must_meet and avoid. Contradictions the loader would
  // refuse are dropped.
  int requirements = 0;
  int wishes = 0;
  int employer_must_meets = 0;
  int employer_avoids = 0;
};

// The flow's objective: the scaled scores of the matched pairs.
inline std::int64_t MatchedTotal(const Matching& m) {
  std::int64_t total = 0;
  for (int i = 0; i < m.graph.num_pairs(); ++i) {
    if (m.matched[i]) total += ScaledScore(m.graph.score[i]);
  }
  return total;
}

// The both-sides-choose part of RandomFair.
template <typename Uniform>
void AddIntents(const RandomFairSpec& spec, Uniform& uniform, Fair* fair) {
  static const char* kPrograms[] = {"Computer Science", "Law", "Art"};
  static const char* kLevels[] = {"BSc", "MSc"};
  const int na = fair->num_attendees(), ne = fair->num_employers();
  if (spec.requirements > 0) {
    for (Attendee& att : fair->attendees) {
      att.program = kPrograms[uniform(0, 2)];
      att.extra.push_back({"level", kLevels[uniform(0, 1)]});
      att.extra.push_back({"year", std::to_string(uniform(2026, 2028))});
    }
    for (Employer& emp : fair->employers) {
      emp.extra.push_back({"remote", uniform(0, 1) ? "yes" : "no"});
    }
    for (int i = 0; i < spec.requirements; ++i) {
      Requirement r;
      const int kind = uniform(0, 3);
      if (kind == 0) {
        r.field = "program";
        r.any_of = {"computer science"};
        if (uniform(0, 1)) r.any_of.push_back("law");
      } else if (kind == 1) {
        r.field = "extra.level";
        r.any_of = {uniform(0, 1) ? "msc" : "bsc"};
      } else if (kind == 2) {
        r.field = "extra.year";
        r.range = true;
        r.min = 2026;
        r.max = uniform(2026, 2027);
      } else {
        r.field = "extra.remote";
        r.any_of = {"yes"};
        fair->attendees[uniform(0, na - 1)].requirements.push_back(r);
        continue;
      }
      fair->employers[uniform(0, ne - 1)].requirements.push_back(r);
    }
  }
  auto add_unique = [](std::vector<int>* list, int x) {
    if (std::find(list->begin(), list->end(), x) == list->end()) {
      list->push_back(x);
    }
  };
  for (int i = 0; i < spec.wishes; ++i) {
    add_unique(&fair->attendees[uniform(0, na - 1)].wants, uniform(0, ne - 1));
    add_unique(&fair->employers[uniform(0, ne - 1)].wants, uniform(0, na - 1));
  }
  for (int i = 0; i < spec.employer_must_meets; ++i) {
    Employer& emp = fair->employers[uniform(0, ne - 1)];
    if (emp.must_meet.size() < 2)
      add_unique(&emp.must_meet, uniform(0, na - 1));
  }
  for (int i = 0; i < spec.employer_avoids; ++i) {
    add_unique(&fair->employers[uniform(0, ne - 1)].avoid, uniform(0, na - 1));
  }
  for (Employer& emp : fair->employers) {
    std::sort(emp.must_meet.begin(), emp.must_meet.end());
    std::sort(emp.avoid.begin(), emp.avoid.end());
  }
  // What the loader refuses: a must_meet of either side that an avoid of
  // either side or a requirement rules out. Drop such must_meets; a wish
  // on one's own avoid list goes too.
  auto forbidden = [&](int a, int e) {
    return Avoided(*fair, a, e) || FailedRequirement(*fair, a, e) != nullptr;
  };
  for (int a = 0; a < na; ++a) {
    Attendee& att = fair->attendees[a];
    std::erase_if(att.must_meet, [&](int e) { return forbidden(a, e); });
    std::erase_if(att.wants, [&](int e) {
      return std::binary_search(att.avoid.begin(), att.avoid.end(), e);
    });
  }
  for (int e = 0; e < ne; ++e) {
    Employer& emp = fair->employers[e];
    std::erase_if(emp.must_meet, [&](int a) { return forbidden(a, e); });
    std::erase_if(emp.wants, [&](int a) {
      return std::binary_search(emp.avoid.begin(), emp.avoid.end(), a);
    });
  }
}

// Deterministic for a seed (std::mt19937 is fully specified; only raw
// engine output is used, never std:: distributions).
inline Fair RandomFair(std::uint32_t seed, const RandomFairSpec& spec) {
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) {  // inclusive
    return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1));
  };
  static const char* kTags[] = {"python",    "design",     "care", "research",
                                "mentoring", "internship", "data", "sales"};
  Fair fair = EventFair("Random fair", spec.slots, spec.values);
  fair.dir = "random";
  fair.config.min_score = spec.min_score;
  fair.config.fairness = spec.fairness;
  fair.config.meetings_max = spec.meetings_max;
  fair.config.meetings_min = spec.meetings_min;
  fair.config.group_size = spec.max_group;
  fair.config.employer_max_consecutive = spec.max_consecutive;
  auto fill = [&](Profile& p, const std::string& id) {
    p.id = id;
    p.name = "Name " + id;
    for (int v = 0; v < spec.values; ++v)
      p.values.push_back(float(uniform(0, 5)));
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
    att.avoid.erase(std::unique(att.avoid.begin(), att.avoid.end()),
                    att.avoid.end());
    // must_meet and avoid never share an employer (the loader rejects it).
    std::vector<int> kept;
    for (int e : att.avoid) {
      if (!std::binary_search(att.must_meet.begin(), att.must_meet.end(), e))
        kept.push_back(e);
    }
    att.avoid = kept;
  }
  AddIntents(spec, uniform, &fair);
  return fair;
}

}  // namespace fairmatch::testing

#endif  // FAIRMATCH_TESTS_PLAN_PLAN_FIXTURE_H_
