#include "engine/synth/requirements.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace fairmatch::synth {
namespace {

TEST_CASE("a pair qualifies exactly when both sides' requirements hold",
          "[synth]") {
  AttendeeFacts a;
  a.programme = 2;
  a.level = kMaster;
  a.graduation_year = 2027;
  a.authorised = false;
  EmployerRules any;
  EmployerRules programmes;
  programmes.programmes = {1, 2};
  EmployerRules other_programme;
  other_programme.programmes = {3};
  EmployerRules graduates;
  graduates.levels = (1u << kMaster) | (1u << kDoctorate);
  EmployerRules bachelors;
  bachelors.levels = 1u << kBachelor;
  EmployerRules cohort;
  cohort.year_min = 2026;
  cohort.year_max = 2027;
  EmployerRules later_cohort;
  later_cohort.year_min = 2028;
  later_cohort.year_max = 2029;
  EmployerRules authorisation;
  authorisation.needs_authorisation = true;
  struct Case {
    const char* what;
    const EmployerRules& rules;
    bool qualifies;
  };
  const Case cases[] = {
      {"no requirement", any, true},
      {"programme listed", programmes, true},
      {"programme not listed", other_programme, false},
      {"level accepted", graduates, true},
      {"level refused", bachelors, false},
      {"year in range", cohort, true},
      {"year out of range", later_cohort, false},
      {"not authorised", authorisation, false},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(Qualifies(a, c.rules) == c.qualifies);
  }
  AttendeeFacts remote_only = a;
  remote_only.requires_remote = true;
  EmployerRules remote;
  remote.remote = true;
  CHECK_FALSE(Qualifies(remote_only, any));
  CHECK(Qualifies(remote_only, remote));
  CHECK_FALSE(any.any());
  CHECK_FALSE(remote.any());  // offering remote work requires nothing
  CHECK(cohort.any());
}

TEST_CASE("final-year students graduate this spring or next year", "[synth]") {
  CHECK(FinalYear(absl::CivilDay(2026, 3, 10)) == 2026);
  CHECK(FinalYear(absl::CivilDay(2026, 10, 7)) == 2027);
}

TEST_CASE("requirement shares scale, and scale 0 draws none", "[synth]") {
  const World world = PrepareWorld();
  int sector = 0;
  while (world.sector_programmes[sector].empty()) ++sector;
  SynthRandom rng(4);
  int restricted = 0;
  for (int i = 0; i < 400; ++i) {
    const EmployerRules none = DrawEmployerRules(rng, 0, world, sector, 2027);
    CHECK_FALSE(none.any());
    const EmployerRules all = DrawEmployerRules(rng, 4, world, sector, 2027);
    if (all.any()) ++restricted;
    for (int p : all.programmes) {
      const std::vector<int>& feeding = world.sector_programmes[sector];
      CHECK(std::find(feeding.begin(), feeding.end(), p) != feeding.end());
    }
    for (std::size_t k = 1; k < all.programmes.size(); ++k) {
      CHECK(all.programmes[k - 1] < all.programmes[k]);
    }
    const AttendeeFacts f = DrawAttendeeFacts(rng, 1, 3, 2, 2027);
    CHECK(f.programme == 3);
    CHECK(f.level != kBachelor);  // stage 2: graduate students
    CHECK(f.graduation_year >= 2027);
    CHECK(f.graduation_year <= 2030);
  }
  CHECK(restricted == 400);  // at scale 4 the programme share is 1
}

TEST_CASE("requirements are written as the fair format reads them", "[synth]") {
  const SynthCatalogue& c = GetSynthCatalogue();
  EmployerRules r;
  r.programmes = {0};
  r.levels = (1u << kMaster) | (1u << kDoctorate);
  r.year_min = 2026;
  r.year_max = 2027;
  r.needs_authorisation = true;
  std::string s;
  AppendEmployerRules(&s, c, r);
  CHECK(s.rfind("\n    extra: {remote: no}\n    requires: {program: [", 0) ==
        0);
  CHECK(s.find("extra.level: [MSc, PhD], extra.graduation_year: {min: "
               "2026, max: 2027}, extra.work_authorization: [yes]}") !=
        std::string::npos);
  s.clear();
  AppendEmployerRules(&s, c, EmployerRules{});
  CHECK(s == "\n    extra: {remote: no}");
  AttendeeFacts f;
  f.level = kDoctorate;
  f.graduation_year = 2029;
  f.requires_remote = true;
  s.clear();
  AppendAttendeeFacts(&s, f);
  CHECK(s ==
        "\n    extra: {level: PhD, graduation_year: 2029, "
        "work_authorization: yes}\n    requires: {extra.remote: [yes]}");
}

}  // namespace
}  // namespace fairmatch::synth
