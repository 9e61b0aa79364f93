// A seeded generator of realistic career fairs, as the four input files of a
// fair folder (event.yaml, attendees.yaml, employers.yaml, config.yaml).
// Used for the bundled demo (data/demo/) and for benchmark fairs; the model
// behind it is described in docs/synth.md.
//
//   SynthOptions options;
//   options.attendees = 30000;
//   options.employers = 600;
//   options.seed = 7;
//   absl::StatusOr<SynthFiles> files = GenerateFair(options);
//
// What it models, briefly: attendees belong to study programmes with value
// tendencies, skill pools and preferred sectors; employers belong to sectors
// with value tendencies, offered opportunities and sought skills; every
// person adds individual noise. Some attendees have a class in the middle of
// the fair, some employers leave early, a few attendees name employers they
// must meet or want to avoid. Names come from many origins and scripts.
// Optionally (off by default, see `requirements` and `wishes`) employers
// restrict whom they meet, attendees carry the fields they are judged on,
// and both sides rank whom they want to meet.
//
// Determinism: the output is a pure function of the options, byte for byte,
// on every platform and standard library (own PRNG and sampling, see
// engine/synth/random.h; no hash-container iteration).
//
// Cost: linear in attendees + employers, about 400 bytes of text per
// attendee; 200,000 attendees take about 80 MB of output. With wishes, the
// attendees' profiles are kept for the employers' lists (about 150 bytes
// each).
#ifndef FAIRMATCH_SYNTH_GENERATOR_H_
#define FAIRMATCH_SYNTH_GENERATOR_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"

namespace fairmatch {

struct SynthOptions {
  int attendees = 300;  // 1 .. 10,000,000
  int employers = 30;   // 1 .. 1,000,000
  int slots = 12;       // 2 .. 48 fifteen-minute slots, plus one break
  std::uint64_t seed = 1;
  // Share of attendees with a class conflict: their availability is split
  // into two windows around a 45-90 minute class. In [0, 1].
  double conflict_fraction = 0.25;
  // Share of employers leaving early: one available window from the start
  // to some time after the break, before the end. In [0, 1].
  double early_leave_fraction = 0.1;
  // How many attendees get a must_meet list (1-2 employers they share an
  // available slot with) and how many an avoid list (1-2 employers); -1
  // means about 2% of attendees each. In [-1, attendees]. An attendee whose
  // availability overlaps no employer gets no must_meet, so the count is an
  // upper bound.
  int must_meets = -1;
  int avoids = -1;
  // Requirements (docs/synth.md, "Requirements"): 0 writes none, and no
  // `extra` fields; 1 gives attendees `extra` level, graduation_year and
  // work_authorization and employers `extra.remote`, and has about 25% of
  // employers restrict the programme, 20% the level, 15% the graduation
  // year and 10% the work authorisation, and 3% of attendees require a
  // remote employer. Other values scale those shares (each capped at 1).
  // In [0, 4].
  double requirements = 0;
  // Ranked wishes (docs/synth.md, "Wishes"): the share of attendees with a
  // `wants` list of 1-5 employers (most 2-4), skewed towards popular
  // employers and towards those that fit them. It also scales the share of
  // employers with a `wants` list of attendees (20% at 1) and with a
  // `must_meet` of one or two pre-selected attendees (5% at 1). 0 writes
  // none. In [0, 1].
  double wishes = 0;
  // Free-text tags (docs/synth.md, "Free text"): each attendee adds this
  // many offers and as many seeks of its own words, which nobody else
  // writes, as a registration form's free-text answers do. 0 writes none.
  // In [0, 20].
  int free_text = 0;
  // Flat, tied scores (docs/synth.md, "Flat fairs"), as real survey data
  // has them: this share of employers rate every value the same (4) and
  // 0.6 of it of attendees are blank raters (3 for every value), so many
  // pairs tie, most of them near min_score. 0 changes nothing. In [0, 1].
  double flat = 0;
};

// The YAML text of each input file, ready to write to disk.
struct SynthFiles {
  std::string event_yaml;
  std::string attendees_yaml;
  std::string employers_yaml;
  std::string config_yaml;
};

// Generates a fair. Fails with InvalidArgumentError when an option is out
// of the range documented above; never fails otherwise.
absl::StatusOr<SynthFiles> GenerateFair(const SynthOptions& options);

}  // namespace fairmatch

#endif  // FAIRMATCH_SYNTH_GENERATOR_H_
