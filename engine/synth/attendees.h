// The attendees of a generated fair: each one's name from an origin, study
// programme and stage, values, offers and seeks, availability, facts,
// must_meet, avoid and wants, written as attendees.yaml. Internal to
// engine/synth.
#ifndef FAIRMATCH_SYNTH_ATTENDEES_H_
#define FAIRMATCH_SYNTH_ATTENDEES_H_

#include <string>
#include <vector>

#include "engine/synth/choices.h"
#include "engine/synth/day.h"
#include "engine/synth/employers.h"
#include "engine/synth/generator.h"
#include "engine/synth/world.h"

namespace fairmatch::synth {

// The attendees as the employers' lists need them; empty without wishes.
struct AttendeeRecords {
  std::vector<AttendeeRecord> records;
  std::vector<std::string> ids;
};

// Writes attendees.yaml into *out; takes must_meet room from *employers.
AttendeeRecords GenerateAttendees(const SynthOptions& options,
                                  const World& world, const Day& day,
                                  int final_year,
                                  std::vector<SynthEmployer>* employers,
                                  std::string* out);

}  // namespace fairmatch::synth

#endif  // FAIRMATCH_SYNTH_ATTENDEES_H_
