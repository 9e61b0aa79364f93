#include "engine/synth/generator.h"

#include <array>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "engine/base/civil_time.h"
#include "engine/base/yaml_writer.h"
#include "engine/synth/attendees.h"
#include "engine/synth/catalogue.h"
#include "engine/synth/choices.h"
#include "engine/synth/day.h"
#include "engine/synth/employers.h"
#include "engine/synth/fair_text.h"
#include "engine/synth/random.h"
#include "engine/synth/requirements.h"
#include "engine/synth/world.h"

namespace fairmatch {
namespace synth {
namespace {

constexpr int kMinSlots = 2;
constexpr int kMaxSlots = 48;  // availability masks are 64-bit
constexpr int kMaxAttendees = 10'000'000;
constexpr int kMaxEmployers = 1'000'000;

// Also sets *date to the event's date.
std::string EventYaml(const SynthOptions& options, const SynthCatalogue& c,
                      const Day& day, absl::CivilDay* date_out) {
  SynthRandom rng = StreamRandom(options.seed, kEventStream);
  // A Tuesday, Wednesday or Thursday in a fair season.
  constexpr std::array<int, 5> kMonths = {2, 3, 9, 10, 11};
  const int month = kMonths[rng.UniformInt(kMonths.size())];
  absl::CivilDay date(2026, month, rng.UniformInt(1, 24));
  while (absl::GetWeekday(date) != absl::Weekday::tuesday &&
         absl::GetWeekday(date) != absl::Weekday::wednesday &&
         absl::GetWeekday(date) != absl::Weekday::thursday) {
    ++date;
  }
  const std::string name = absl::StrCat(
      month >= 9 ? "Fall " : "Spring ",
      c.event_names[rng.UniformInt(c.event_names.size())], " ", date.year());
  const char* venue = c.venues[rng.UniformInt(c.venues.size())];
  *date_out = date;

  std::string out;
  absl::StrAppend(&out, "# Synthetic fair from `fairmatch synth` (seed ",
                  options.seed, "): ", options.attendees, " attendees, ",
                  options.employers, " employers, ", options.slots,
                  " slots.\n");
  out.append("name: ");
  AppendYamlScalar(&out, name);
  out.append("\ndate: ");
  AppendQuoted(&out, absl::FormatCivilTime(date));
  out.append("\ntimezone: ");
  AppendYamlScalar(&out, "America/Toronto");
  out.append("\nvenue: ");
  AppendYamlScalar(&out, venue);
  out.append("\nslots:\n  start: \"");
  AppendClock(&out, day.start);
  out.append("\"\n  end: \"");
  AppendClock(&out, day.end);
  absl::StrAppend(&out, "\"\n  length: ", kSlotLength, "\n  breaks:\n");
  out.append("    - {start: \"");
  AppendClock(&out, day.pause.start);
  out.append("\", end: \"");
  AppendClock(&out, day.pause.end);
  out.append("\"}\nvalues:\n");
  for (const SynthValue& v : c.values) {
    out.append("  - {id: ");
    AppendYamlScalar(&out, v.id);
    out.append(", label: ");
    AppendYamlScalar(&out, v.label);
    out.append("}\n");
  }
  return out;
}

absl::Status Validate(const SynthOptions& o) {
  if (o.attendees < 1 || o.attendees > kMaxAttendees) {
    return absl::InvalidArgumentError(absl::StrCat(
        "attendees must be in [1, ", kMaxAttendees, "], got ", o.attendees));
  }
  if (o.employers < 1 || o.employers > kMaxEmployers) {
    return absl::InvalidArgumentError(absl::StrCat(
        "employers must be in [1, ", kMaxEmployers, "], got ", o.employers));
  }
  if (o.slots < kMinSlots || o.slots > kMaxSlots) {
    return absl::InvalidArgumentError(absl::StrCat(
        "slots must be in [", kMinSlots, ", ", kMaxSlots, "], got ", o.slots));
  }
  // Written so that NaN fails too.
  if (!(o.conflict_fraction >= 0 && o.conflict_fraction <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "conflict_fraction must be in [0, 1], got ", o.conflict_fraction));
  }
  if (!(o.early_leave_fraction >= 0 && o.early_leave_fraction <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("early_leave_fraction must be in [0, 1], got ",
                     o.early_leave_fraction));
  }
  if (o.must_meets < -1 || o.must_meets > o.attendees) {
    return absl::InvalidArgumentError(absl::StrCat(
        "must_meets must be -1 or in [0, attendees = ", o.attendees, "], got ",
        o.must_meets));
  }
  if (o.avoids < -1 || o.avoids > o.attendees) {
    return absl::InvalidArgumentError(
        absl::StrCat("avoids must be -1 or in [0, attendees = ", o.attendees,
                     "], got ", o.avoids));
  }
  if (!(o.requirements >= 0 && o.requirements <= 4)) {
    return absl::InvalidArgumentError(
        absl::StrCat("requirements must be in [0, 4], got ", o.requirements));
  }
  if (!(o.wishes >= 0 && o.wishes <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("wishes must be in [0, 1], got ", o.wishes));
  }
  if (!(o.flat >= 0 && o.flat <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("flat must be in [0, 1], got ", o.flat));
  }
  if (o.free_text < 0 || o.free_text > 20) {
    return absl::InvalidArgumentError(
        absl::StrCat("free_text must be in [0, 20], got ", o.free_text));
  }
  return absl::OkStatus();
}

SynthFiles Generate(const SynthOptions& options) {
  World world = PrepareWorld();
  const Day day = PlanDay(options.slots);

  SynthFiles files;
  absl::CivilDay date;
  files.event_yaml = EventYaml(options, *world.catalogue, day, &date);
  const int final_year = FinalYear(date);
  std::vector<SynthEmployer> employers =
      GenerateEmployers(options, world, day, final_year, &files.employers_yaml);
  AttendeeRecords attendees = GenerateAttendees(
      options, world, day, final_year, &employers, &files.attendees_yaml);
  // The employers' lists of attendees, now that the attendees exist.
  if (options.wishes > 0) {
    const std::vector<std::string> lists =
        EmployerLists(options, employers, attendees.records, attendees.ids);
    files.employers_yaml =
        SpliceEmployerLists(files.employers_yaml, employers, lists);
  }
  files.config_yaml = absl::StrCat(
      "# Planner settings; every other key keeps its built-in default.\n"
      "seed: ",
      options.seed, "\n");
  return files;
}

}  // namespace
}  // namespace synth

absl::StatusOr<SynthFiles> GenerateFair(const SynthOptions& options) {
  if (absl::Status status = synth::Validate(options); !status.ok()) {
    return status;
  }
  return synth::Generate(options);
}

}  // namespace fairmatch
