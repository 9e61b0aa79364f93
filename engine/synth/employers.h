// The employers of a generated fair: their profiles, as the attendees'
// choices and the employers' own lists need them, and employers.yaml.
// Internal to engine/synth.
#ifndef FAIRMATCH_SYNTH_EMPLOYERS_H_
#define FAIRMATCH_SYNTH_EMPLOYERS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/synth/day.h"
#include "engine/synth/generator.h"
#include "engine/synth/requirements.h"
#include "engine/synth/world.h"

namespace fairmatch::synth {

struct SynthEmployer {
  std::string id;
  int sector = 0;
  int tables = 1;
  Ratings values{};
  TagSet offers, seeks;
  std::uint64_t slot_mask = 0;
  // must_meet requests this employer may still receive (from attendees or
  // its own): a quarter of its one-to-one capacity, so generated fairs are
  // always feasible.
  int must_room = 0;
  EmployerRules rules;
  double popularity = 0;  // relative share of attendees' wishes
  // Where its entry in employers.yaml ends (before the last newline), for
  // its lists of attendees, written once the attendees exist.
  std::size_t yaml_end = 0;
};

// Bijective base 26 for booth rows: 0 -> A, 25 -> Z, 26 -> AA.
std::string RowLabel(int row);

// Writes employers.yaml into *out and returns the employers' profiles.
std::vector<SynthEmployer> GenerateEmployers(const SynthOptions& options,
                                             const World& world, const Day& day,
                                             int final_year, std::string* out);

}  // namespace fairmatch::synth

#endif  // FAIRMATCH_SYNTH_EMPLOYERS_H_
