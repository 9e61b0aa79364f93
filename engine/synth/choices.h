// Who chooses whom in a generated fair: how well an attendee and an
// employer fit (roughly as the scorer sees it), the attendees' must_meet,
// avoid and ranked wants, and the employers' own lists of attendees.
// Internal to engine/synth.
#ifndef FAIRMATCH_SYNTH_CHOICES_H_
#define FAIRMATCH_SYNTH_CHOICES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/synth/employers.h"
#include "engine/synth/generator.h"
#include "engine/synth/random.h"
#include "engine/synth/requirements.h"
#include "engine/synth/world.h"

namespace fairmatch::synth {

// What choices need to know of an attendee.
struct AttendeeProfile {
  Ratings values{};
  TagSet offers, seeks;
  std::uint64_t slot_mask = 0;
};

// What the employers' lists of attendees need to know of each attendee.
struct AttendeeRecord {
  AttendeeProfile profile;
  AttendeeFacts facts;
  std::vector<int> avoid;  // employers, ascending
  // No must_meet and no own cap: an employer's must_meet cannot overload
  // it. Cleared once an employer requires the attendee (once at most).
  bool may_be_required = false;
};

// How well an attendee and an employer fit: agreement of centred value
// ratings plus tags each offers the other.
double Affinity(const AttendeeProfile& a, const SynthEmployer& e);

// Up to `count` employers the attendee shares a slot with and qualifies
// for, each the best fit of a few sampled ones: whom a student would single
// out beforehand. Takes must_meet room from the employers picked.
std::vector<int> PickMustMeet(SynthRandom& rng, const AttendeeProfile& a,
                              const AttendeeFacts& facts,
                              std::vector<SynthEmployer>& employers, int count);

// Up to `count` employers not in `must_meet`, each the worst fit of a few
// sampled ones (a values clash, a former employer).
std::vector<int> PickAvoid(SynthRandom& rng, const AttendeeProfile& a,
                           const std::vector<SynthEmployer>& employers,
                           const std::vector<int>& must_meet, int count);

// Popularity is Zipf-like: employers in a random order, the one at place r
// (from 0) drawing weight tables / (r + 1), so the big names with several
// tables tend to be the popular ones. Sets each employer's popularity and
// returns the running sums, in employer order, for DrawPopular.
std::vector<double> DrawPopularity(SynthRandom& rng,
                                   std::vector<SynthEmployer>& employers);

// An employer drawn with probability proportional to its popularity, in
// O(log employers). `running` is DrawPopularity's.
int DrawPopular(SynthRandom& rng, const std::vector<double>& running);

// An attendee's wants: 1-5 employers (2-4 for three in four), chosen among
// popular ones the attendee qualifies for and does not avoid (`avoid`
// ascending), ranked by fit.
std::vector<int> PickWants(SynthRandom& rng, const AttendeeProfile& a,
                           const AttendeeFacts& facts,
                           const std::vector<SynthEmployer>& employers,
                           const std::vector<double>& running,
                           const std::vector<int>& avoid);

// The employers' own lists, each employer's as the text to add to its
// entry: for a share of them a ranked `wants` of 2-6 attendees, for a
// smaller share a `must_meet` of 1-2 pre-selected attendees, each the best
// fit of those sampled that qualify, do not avoid it and (for must_meet)
// share a slot with it, within its must_meet room. `ids` are the
// attendees' ids.
std::vector<std::string> EmployerLists(const SynthOptions& options,
                                       std::vector<SynthEmployer>& employers,
                                       std::vector<AttendeeRecord>& attendees,
                                       const std::vector<std::string>& ids);

// employers.yaml with each employer's list text added to its entry (at its
// yaml_end).
std::string SpliceEmployerLists(const std::string& yaml,
                                const std::vector<SynthEmployer>& employers,
                                const std::vector<std::string>& lists);

}  // namespace fairmatch::synth

#endif  // FAIRMATCH_SYNTH_CHOICES_H_
