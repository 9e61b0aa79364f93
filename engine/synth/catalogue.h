// The world the synthetic-fair generator samples from: the value
// vocabulary, study programmes, employer sectors, and personal names by
// origin. Plain data, no randomness; generator.cc decides how to draw.
//
// The realism lives in the correlations: each programme has value
// tendencies, a skill pool and preferred sectors; each sector has value
// tendencies, the opportunities it offers and the skills it seeks, drawn
// from the pools of the programmes that feed it. So an Environmental
// Science student tends to share values with, and have skills sought by,
// energy and nonprofit employers, but not with every employer.
//
// Tags are lowercase-kebab strings and must match exactly across pools: a
// skill in a programme's pool matters only if some sector seeks it, and an
// attendee's sought sector only if it is a sector id (employers offer their
// sector id as a tag).
#ifndef FAIRMATCH_SYNTH_CATALOGUE_H_
#define FAIRMATCH_SYNTH_CATALOGUE_H_

#include <array>
#include <vector>

namespace fairmatch {

inline constexpr int kNumSynthValues = 10;
using ValueMeans = std::array<double, kNumSynthValues>;  // ratings 0..5

struct SynthValue {
  const char* id;
  const char* label;
};

struct SynthProgramme {
  const char* name;
  double weight;  // relative share of attendees
  ValueMeans values;
  std::vector<const char*> skills;  // what its students offer, typical first
  std::vector<const char*>
      sectors;  // sector ids its students seek, typical first
};

struct SynthSector {
  const char* id;  // also the tag employers of this sector offer
  double weight;   // relative share of employers
  ValueMeans values;
  std::vector<const char*> kinds;   // opportunity kinds offered, typical first
  std::vector<const char*> skills;  // skills sought, typical first
  std::vector<const char*>
      nouns;           // name endings: "Energy", "Health Cooperative"
  double multi_table;  // probability of 2-3 tables
};

// One name in its own script, and its ASCII spelling for e-mail addresses;
// ascii == nullptr means "AsciiFold(text)" (Latin scripts).
struct NamePart {
  const char* text;
  const char* ascii;
};

enum class NameOrder {
  kGivenFirst,         // José Núñez
  kFamilyFirst,        // Nguyễn Thị Hương
  kFamilyFirstJoined,  // 王芳, 佐藤花子 (no space)
};

struct NameOrigin {
  const char* label;
  double weight;  // relative share of attendees and employer contacts
  NameOrder order;
  bool latin;  // Latin script: may combine with an English given name
  std::vector<NamePart> given_female;
  std::vector<NamePart> given_male;
  std::vector<NamePart> family;  // male or neutral forms
  // Female forms, parallel to `family` (Иванов / Иванова); empty when the
  // origin does not inflect family names.
  std::vector<NamePart> family_female;
};

struct SynthCatalogue {
  std::array<SynthValue, kNumSynthValues> values;
  std::vector<SynthProgramme> programmes;
  std::vector<SynthSector> sectors;
  std::vector<NameOrigin> origins;          // origins[0] is English
  std::vector<const char*> general_skills;  // any attendee may offer these
  std::vector<const char*> name_prefixes;   // employer names: "Northwind"
  std::vector<const char*> event_names;     // after "Fall " / "Spring "
  std::vector<const char*> venues;
};

// The catalogue; built on first use, immutable, thread-safe.
const SynthCatalogue& GetSynthCatalogue();

}  // namespace fairmatch

#endif  // FAIRMATCH_SYNTH_CATALOGUE_H_
