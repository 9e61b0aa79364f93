// The synthetic world's data tables (engine/synth/catalogue.h): ids unique,
// weights positive, ratings on the 0-5 scale, and every tag that one table
// names present in the table it refers to, so a typo cannot silently
// decouple programmes from sectors.
#include "engine/synth/catalogue.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

namespace fairmatch {
namespace {

// Lowercase-kebab tags ("machine-learning", "c++"): no capitals, no spaces,
// no leading or trailing dash.
bool IsTag(const std::string& tag) {
  if (tag.empty() || tag.front() == '-' || tag.back() == '-') return false;
  for (char c : tag) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '+';
    if (!ok) return false;
  }
  return true;
}

template <typename List>
std::vector<std::string> Duplicates(const List& list) {
  std::set<std::string> seen;
  std::vector<std::string> twice;
  for (const char* s : list) {
    if (!seen.insert(s).second) twice.push_back(s);
  }
  return twice;
}

void CheckMeans(const ValueMeans& means) {
  for (double m : means) {
    CHECK(m >= 0);
    CHECK(m <= 5);
  }
}

TEST_CASE("catalogue: the value vocabulary has unique ids and labels",
          "[synth]") {
  const SynthCatalogue& c = GetSynthCatalogue();
  std::vector<const char*> ids, labels;
  for (const SynthValue& v : c.values) {
    INFO(v.id);
    CHECK(IsTag(v.id));
    CHECK(std::string(v.label).size() > 0);
    ids.push_back(v.id);
    labels.push_back(v.label);
  }
  CHECK(Duplicates(ids).empty());
  CHECK(Duplicates(labels).empty());
}

TEST_CASE("catalogue: programmes are weighted and seek existing sectors",
          "[synth]") {
  const SynthCatalogue& c = GetSynthCatalogue();
  REQUIRE_FALSE(c.programmes.empty());
  std::set<std::string> sector_ids;
  for (const SynthSector& s : c.sectors) sector_ids.insert(s.id);
  std::vector<const char*> names;
  for (const SynthProgramme& p : c.programmes) {
    INFO(p.name);
    names.push_back(p.name);
    CHECK(p.weight > 0);
    CheckMeans(p.values);
    CHECK_FALSE(p.skills.empty());
    CHECK(Duplicates(p.skills).empty());
    for (const char* skill : p.skills) {
      INFO(skill);
      CHECK(IsTag(skill));
    }
    CHECK_FALSE(p.sectors.empty());
    CHECK(Duplicates(p.sectors).empty());
    for (const char* sector : p.sectors) {
      INFO(sector);
      CHECK(sector_ids.count(sector) == 1);
    }
  }
  CHECK(Duplicates(names).empty());
}

TEST_CASE("catalogue: sectors seek skills some attendee can offer", "[synth]") {
  const SynthCatalogue& c = GetSynthCatalogue();
  REQUIRE_FALSE(c.sectors.empty());
  std::set<std::string> offered(c.general_skills.begin(),
                                c.general_skills.end());
  for (const SynthProgramme& p : c.programmes) {
    offered.insert(p.skills.begin(), p.skills.end());
  }
  std::set<std::string> sought_by_programmes;
  for (const SynthProgramme& p : c.programmes) {
    sought_by_programmes.insert(p.sectors.begin(), p.sectors.end());
  }
  std::vector<const char*> ids;
  for (const SynthSector& s : c.sectors) {
    INFO(s.id);
    ids.push_back(s.id);
    CHECK(IsTag(s.id));
    CHECK(s.weight > 0);
    CHECK(s.multi_table >= 0);
    CHECK(s.multi_table <= 1);
    CheckMeans(s.values);
    CHECK_FALSE(s.kinds.empty());
    CHECK_FALSE(s.nouns.empty());
    CHECK(Duplicates(s.kinds).empty());
    CHECK(Duplicates(s.skills).empty());
    for (const char* skill : s.skills) {
      INFO(skill);
      CHECK(offered.count(skill) == 1);
    }
    // Some programme's students look for this sector.
    CHECK(sought_by_programmes.count(s.id) == 1);
  }
  CHECK(Duplicates(ids).empty());
}

TEST_CASE("catalogue: general skills are tags, listed once", "[synth]") {
  const SynthCatalogue& c = GetSynthCatalogue();
  CHECK_FALSE(c.general_skills.empty());
  CHECK(Duplicates(c.general_skills).empty());
  for (const char* skill : c.general_skills) CHECK(IsTag(skill));
}

TEST_CASE("catalogue: name origins are weighted and spell out in ASCII",
          "[synth]") {
  const SynthCatalogue& c = GetSynthCatalogue();
  REQUIRE_FALSE(c.origins.empty());
  CHECK(std::string(c.origins[0].label) == "english");
  std::vector<const char*> labels;
  for (const NameOrigin& o : c.origins) {
    INFO(o.label);
    labels.push_back(o.label);
    CHECK(o.weight > 0);
    CHECK_FALSE(o.given_female.empty());
    CHECK_FALSE(o.given_male.empty());
    CHECK_FALSE(o.family.empty());
    // Female family names, when the origin inflects them, pair up.
    if (!o.family_female.empty()) {
      CHECK(o.family_female.size() == o.family.size());
    }
    // A script beyond Latin needs its ASCII spelling for addresses.
    for (const std::vector<NamePart>* parts :
         {&o.given_female, &o.given_male, &o.family, &o.family_female}) {
      for (const NamePart& n : *parts) {
        INFO(n.text);
        CHECK(std::string(n.text).size() > 0);
        if (!o.latin) CHECK(n.ascii != nullptr);
      }
    }
  }
  CHECK(Duplicates(labels).empty());
}

TEST_CASE("catalogue: employer prefixes, event names and venues", "[synth]") {
  const SynthCatalogue& c = GetSynthCatalogue();
  for (const std::vector<const char*>* list :
       {&c.name_prefixes, &c.event_names, &c.venues}) {
    CHECK_FALSE(list->empty());
    CHECK(Duplicates(*list).empty());
  }
  // Built once: the same object on every call.
  CHECK(&GetSynthCatalogue() == &c);
}

}  // namespace
}  // namespace fairmatch
