#include "engine/synth/choices.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

namespace fairmatch::synth {
namespace {

SynthEmployer Employer(std::string id, std::uint64_t slots, int must_room) {
  SynthEmployer e;
  e.id = std::move(id);
  e.slot_mask = slots;
  e.must_room = must_room;
  return e;
}

TEST_CASE("affinity is value agreement plus tags offered to the other side",
          "[synth]") {
  AttendeeProfile a;
  SynthEmployer e;
  a.values.fill(3);
  e.values.fill(1);
  CHECK(Affinity(a, e) == 0);  // flat ratings agree on nothing
  a.offers.set(4);
  e.seeks.set(4);
  a.seeks.set(9);
  e.offers.set(9);
  e.offers.set(10);  // not sought
  CHECK(Affinity(a, e) == 2);
  a.values[0] = 5;  // both rate value 0 above their mean
  e.values[0] = 5;
  CHECK(Affinity(a, e) > 2);
}

TEST_CASE("must_meet picks share a slot, respect room and never repeat",
          "[synth]") {
  std::vector<SynthEmployer> employers = {
      Employer("e1", 0b0011, 5), Employer("e2", 0b1100, 5),
      Employer("e3", 0b0001, 0), Employer("e4", 0b0010, 1)};
  AttendeeProfile a;
  a.slot_mask = 0b0011;  // never meets e2; e3 has no room
  SynthRandom rng(2);
  for (int i = 0; i < 50; ++i) {
    const std::vector<int> picked =
        PickMustMeet(rng, a, AttendeeFacts{}, employers, 2);
    CHECK(std::set<int>(picked.begin(), picked.end()).size() == picked.size());
    for (int e : picked) {
      CHECK(e != 1);
      CHECK(e != 2);
    }
  }
  CHECK(employers[3].must_room == 0);  // e4's one place was taken once
  CHECK(employers[0].must_room >= 0);
}

TEST_CASE("avoid lists leave out must_meet", "[synth]") {
  std::vector<SynthEmployer> employers = {Employer("e1", 1, 0),
                                          Employer("e2", 1, 0)};
  SynthRandom rng(9);
  for (int i = 0; i < 50; ++i) {
    for (int e : PickAvoid(rng, AttendeeProfile{}, employers, {0}, 2)) {
      CHECK(e == 1);
    }
  }
}

TEST_CASE("popular employers are drawn more often, wants avoid the avoided",
          "[synth]") {
  std::vector<SynthEmployer> employers;
  for (int e = 0; e < 20; ++e) employers.push_back(Employer("e", 1, 0));
  SynthRandom rng(13);
  const std::vector<double> running = DrawPopularity(rng, employers);
  REQUIRE(running.size() == 20);
  for (std::size_t e = 1; e < running.size(); ++e) {
    CHECK(running[e] > running[e - 1]);
  }
  int most = 0;
  for (int e = 1; e < 20; ++e) {
    if (employers[e].popularity > employers[most].popularity) most = e;
  }
  CHECK(employers[most].popularity == 1.0);  // place 0, one table
  std::vector<int> draws(20);
  for (int i = 0; i < 4000; ++i) ++draws[DrawPopular(rng, running)];
  for (int e = 0; e < 20; ++e) CHECK(draws[most] >= draws[e]);

  const std::vector<int> avoid = {most};
  for (int i = 0; i < 100; ++i) {
    const std::vector<int> wants = PickWants(
        rng, AttendeeProfile{}, AttendeeFacts{}, employers, running, avoid);
    CHECK_FALSE(wants.empty());
    CHECK(wants.size() <= 5);
    CHECK(std::find(wants.begin(), wants.end(), most) == wants.end());
    CHECK(std::set<int>(wants.begin(), wants.end()).size() == wants.size());
  }
}

TEST_CASE("employers' lists are spliced at the end of their entries",
          "[synth]") {
  const std::string yaml = "employers:\n  - id: e1\n  - id: e2\n";
  std::vector<SynthEmployer> employers = {Employer("e1", 1, 0),
                                          Employer("e2", 1, 0)};
  employers[0].yaml_end = yaml.find("\n  - id: e2");
  employers[1].yaml_end = yaml.size() - 1;
  CHECK(SpliceEmployerLists(yaml, employers, {"\n    wants: [a1]", ""}) ==
        "employers:\n  - id: e1\n    wants: [a1]\n  - id: e2\n");
}

TEST_CASE("employers' wants and must_meet respect avoid and requirements",
          "[synth]") {
  SynthOptions options;
  options.wishes = 1;
  options.seed = 3;
  std::vector<SynthEmployer> employers;
  for (int e = 0; e < 40; ++e) employers.push_back(Employer("e", 0b1, 2));
  employers[0].rules.needs_authorisation = true;
  std::vector<AttendeeRecord> attendees(30);
  std::vector<std::string> ids;
  for (int a = 0; a < 30; ++a) {
    attendees[a].profile.slot_mask = 0b1;
    attendees[a].facts.authorised = a % 2 == 0;
    attendees[a].may_be_required = true;
    attendees[a].avoid = {1};
    ids.push_back("a" + std::to_string(a));
  }
  const std::vector<std::string> lists =
      EmployerLists(options, employers, attendees, ids);
  REQUIRE(lists.size() == 40);
  CHECK(lists[1].empty());  // everyone avoids e2
  int listed = 0;
  for (const std::string& l : lists) listed += !l.empty();
  CHECK(listed > 0);
  // e1 needs authorisation: only even attendees may appear.
  for (int a = 1; a < 30; a += 2) {
    CHECK(lists[0].find("a" + std::to_string(a) + "]") == std::string::npos);
    CHECK(lists[0].find("a" + std::to_string(a) + ",") == std::string::npos);
  }
  for (const SynthEmployer& e : employers) CHECK(e.must_room >= 0);
}

}  // namespace
}  // namespace fairmatch::synth
