// Requirements in generated fairs: the fields of an attendee that
// employers' requirements read (programme, level, graduation year, work
// authorisation), what employers restrict, whether a pair qualifies, and
// their YAML. The shares are docs/synth.md's. Internal to engine/synth.
#ifndef FAIRMATCH_SYNTH_REQUIREMENTS_H_
#define FAIRMATCH_SYNTH_REQUIREMENTS_H_

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "engine/synth/catalogue.h"
#include "engine/synth/random.h"
#include "engine/synth/world.h"

namespace fairmatch::synth {

enum Level { kBachelor, kMaster, kDoctorate };

// An attendee's fields that employers' requirements read, and its own
// requirement.
struct AttendeeFacts {
  int programme = 0;
  int level = kBachelor;
  int graduation_year = 0;
  bool authorised = true;
  bool requires_remote = false;
};

// An employer's requirements on attendees, and the field attendees'
// requirements read. Empty (the default): accepts everyone.
struct EmployerRules {
  std::vector<int> programmes;     // ascending; empty: any
  unsigned levels = 0;             // a bit per Level; 0: any
  int year_min = 0, year_max = 0;  // year_min == 0: any
  bool needs_authorisation = false;
  bool remote = false;
  bool any() const {
    return !programmes.empty() || levels != 0 || year_min != 0 ||
           needs_authorisation;
  }
};

// Both sides' requirements hold for the pair, as model/intents.h would
// evaluate the YAML written for them.
bool Qualifies(const AttendeeFacts& a, const EmployerRules& e);

// The year final-year students graduate: this year at a spring fair, next
// year at a fall one.
int FinalYear(const absl::CivilDay& date);

// An employer of `sector`'s requirements, each kind drawn with its share
// times `scale` (options.requirements).
EmployerRules DrawEmployerRules(SynthRandom& rng, double scale,
                                const World& world, int sector, int final_year);

// An attendee's fields, given its programme and stage of study (an index
// of kStageWeights).
AttendeeFacts DrawAttendeeFacts(SynthRandom& rng, double scale, int programme,
                                int stage, int final_year);

// "\n    extra: {remote: ...}" and, when it restricts, "requires: {...}".
void AppendEmployerRules(std::string* out, const SynthCatalogue& c,
                         const EmployerRules& r);

// "\n    extra: {level: ..., graduation_year: ..., work_authorization: ...}"
// and the remote requirement when it has one.
void AppendAttendeeFacts(std::string* out, const AttendeeFacts& f);

}  // namespace fairmatch::synth

#endif  // FAIRMATCH_SYNTH_REQUIREMENTS_H_
