#include "engine/synth/generator.h"

#include <algorithm>
#include <bit>
#include <array>
#include <bitset>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "engine/model/fair.h"
#include "engine/synth/catalogue.h"
#include "engine/synth/random.h"
#include "engine/base/yaml_writer.h"

namespace fairmatch {
namespace {

constexpr int kSlotLength = 15;
constexpr int kMinSlots = 2;
constexpr int kMaxSlots = 48;  // availability masks are 64-bit
constexpr int kMaxAttendees = 10'000'000;
constexpr int kMaxEmployers = 1'000'000;
constexpr int kMaxTags = 256;
constexpr char kEmailDomain[] = "example.edu";

// Independent random streams, so that e.g. the employers of a seed do not
// change when only the number of attendees does.
enum Stream : std::uint64_t {
  kEventStream = 1,
  kEmployerStream,
  kAttendeeStream
};

SynthRandom StreamRandom(std::uint64_t seed, Stream stream) {
  std::uint64_t state = seed;
  std::uint64_t mixed = SplitMix64(&state) ^ (stream * 0xd1b54a32d192ed03ULL);
  return SynthRandom(SplitMix64(&mixed));
}

// ---------------------------------------------------------------------------
// Vocabulary and catalogue in index form.

using TagSet = std::bitset<kMaxTags>;

class Vocabulary {
 public:
  int Intern(std::string_view tag) {
    auto [it, inserted] =
        ids_.try_emplace(std::string(tag), static_cast<int>(names_.size()));
    if (inserted) names_.emplace_back(tag);
    assert(names_.size() <= kMaxTags);
    return it->second;
  }
  std::vector<int> InternAll(const std::vector<const char*>& tags) {
    std::vector<int> out;
    out.reserve(tags.size());
    for (const char* t : tags) out.push_back(Intern(t));
    return out;
  }
  const std::string& Name(int id) const { return names_[id]; }

 private:
  std::vector<std::string> names_;
  absl::flat_hash_map<std::string, int> ids_;  // lookups only
};

// A name pool with each entry's e-mail slug precomputed.
struct Names {
  std::vector<std::string_view> text;
  std::vector<std::string> slug;
};

struct Origin {
  const NameOrigin* source;
  Names given_female, given_male, family, family_female;
};

// Lowercase ASCII for e-mail local parts: letters and digits kept, spaces
// and hyphens become one '-', everything else (apostrophes) dropped.
std::string Slug(const NamePart& part) {
  const std::string ascii = part.ascii ? part.ascii : AsciiFold(part.text);
  std::string out;
  for (char c : ascii) {
    const auto u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u)) {
      out.push_back(absl::ascii_tolower(u));
    } else if ((c == ' ' || c == '-') && !out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

Names PrepareNames(const std::vector<NamePart>& parts) {
  Names names;
  for (const NamePart& p : parts) {
    names.text.emplace_back(p.text);
    names.slug.push_back(Slug(p));
  }
  return names;
}

// The opportunity kinds attendees seek, and how likely each is at each
// stage of study.
constexpr std::array<const char*, 6> kKinds = {"internship",    "co-op",
                                               "part-time",     "mentorship",
                                               "graduate-role", "research"};
constexpr int kMentorship = 3;
static_assert(std::string_view(kKinds[kMentorship]) == "mentorship");
constexpr std::array<double, 3> kStageWeights = {0.55, 0.25, 0.20};
constexpr std::array<std::array<double, 6>, 3> kKindWeightsByStage = {{
    {3.0, 3.0, 2.0, 1.5, 0.0, 0.5},  // undergraduate, not final year
    {1.0, 0.5, 0.5, 1.5, 4.0, 0.5},  // final year
    {1.0, 0.0, 0.5, 1.0, 2.5, 3.0},  // graduate student
}};

// Everything the generator draws from, as indices and weights.
struct World {
  const SynthCatalogue* catalogue;
  Vocabulary tags;
  std::vector<double> programme_weights;
  std::vector<std::vector<int>> programme_skills, programme_sectors;
  std::vector<double> sector_weights;
  std::vector<int> sector_tag;
  std::vector<std::vector<int>> sector_kinds, sector_skills;
  std::vector<int> general_skills;
  std::array<int, kKinds.size()> kind_tags;
  std::vector<double> origin_weights;
  std::vector<Origin> origins;
};

World PrepareWorld() {
  World w;
  const SynthCatalogue& c = GetSynthCatalogue();
  w.catalogue = &c;
  for (const SynthSector& s : c.sectors) {
    w.sector_weights.push_back(s.weight);
    w.sector_tag.push_back(w.tags.Intern(s.id));
    w.sector_kinds.push_back(w.tags.InternAll(s.kinds));
    w.sector_skills.push_back(w.tags.InternAll(s.skills));
  }
  for (const SynthProgramme& p : c.programmes) {
    w.programme_weights.push_back(p.weight);
    w.programme_skills.push_back(w.tags.InternAll(p.skills));
    std::vector<int> sectors;
    for (const char* id : p.sectors) {
      auto it = std::find_if(
          c.sectors.begin(), c.sectors.end(),
          [&](const SynthSector& s) { return std::string_view(s.id) == id; });
      assert(it != c.sectors.end() && "programme names an unknown sector");
      sectors.push_back(static_cast<int>(it - c.sectors.begin()));
    }
    w.programme_sectors.push_back(std::move(sectors));
  }
  w.general_skills = w.tags.InternAll(c.general_skills);
  for (std::size_t k = 0; k < kKinds.size(); ++k) {
    w.kind_tags[k] = w.tags.Intern(kKinds[k]);
  }
  for (const NameOrigin& o : c.origins) {
    w.origin_weights.push_back(o.weight);
    w.origins.push_back({&o, PrepareNames(o.given_female),
                         PrepareNames(o.given_male), PrepareNames(o.family),
                         PrepareNames(o.family_female)});
  }
  return w;
}

// ---------------------------------------------------------------------------
// Sampling helpers.

// Draws up to `k` distinct entries of `pool`, earlier entries more likely
// (weight 1 / (1 + 0.35 i)), appending those not already in *set.
void DrawDistinct(SynthRandom& rng, std::span<const int> pool, int k,
                  std::vector<int>* out, TagSet* set) {
  std::array<double, 32> weights{};
  const int n = std::min<int>(static_cast<int>(pool.size()), weights.size());
  for (int i = 0; i < n; ++i) {
    weights[i] = (*set)[pool[i]] ? 0.0 : 1.0 / (1.0 + 0.35 * i);
  }
  for (int drawn = 0; drawn < k; ++drawn) {
    if (std::none_of(weights.begin(), weights.begin() + n,
                     [](double x) { return x > 0; })) {
      return;
    }
    const int i = rng.Weighted(std::span<const double>(weights.data(), n));
    weights[i] = 0;
    out->push_back(pool[i]);
    set->set(pool[i]);
  }
}

using Ratings = std::array<int, kNumSynthValues>;

// Ratings around `means`: a personal scale bias (some people rate
// everything high) plus independent noise per value, rounded to 0..5.
Ratings DrawRatings(SynthRandom& rng, const ValueMeans& means, double bias_sd,
                    double noise_sd) {
  const double bias = bias_sd * rng.Normal();
  Ratings r;
  for (int v = 0; v < kNumSynthValues; ++v) {
    const double x = means[v] + bias + noise_sd * rng.Normal();
    r[v] = std::clamp(static_cast<int>(std::floor(x + 0.5)), 0, 5);
  }
  return r;
}

// ---------------------------------------------------------------------------
// The day.

struct Day {
  int start = 0;
  int end = 0;
  TimeWindow pause;  // the one break, in the middle
  std::vector<Slot> slots;
};

// `num_slots` slots of 15 minutes with one 15-minute break after the first
// half: from 10:00, or earlier when the day would run past 20:00.
Day PlanDay(int num_slots) {
  Day day;
  const int total = (num_slots + 1) * kSlotLength;
  day.start = std::min(10 * 60, 20 * 60 - total);
  day.start -= day.start % kSlotLength;
  day.end = day.start + total;
  const int first_half = num_slots / 2;
  day.pause.start = day.start + first_half * kSlotLength;
  day.pause.end = day.pause.start + kSlotLength;
  day.slots = MakeSlots(day.start, day.end, kSlotLength, {day.pause});
  assert(static_cast<int>(day.slots.size()) == num_slots);
  return day;
}

std::uint64_t SlotMask(const Day& day, const std::vector<TimeWindow>& windows) {
  std::uint64_t mask = 0;
  for (std::size_t s = 0; s < day.slots.size(); ++s) {
    if (SlotInWindows(day.slots[s], windows)) mask |= std::uint64_t{1} << s;
  }
  return mask;
}

// ---------------------------------------------------------------------------
// Text output.

void AppendPadded(std::string* out, int n, int width) {
  char buf[16];
  int len = 0;
  do {
    buf[len++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0);
  for (int i = len; i < width; ++i) out->push_back('0');
  while (len > 0) out->push_back(buf[--len]);
}

int Digits(int n) {
  int d = 1;
  while (n >= 10) {
    n /= 10;
    ++d;
  }
  return d;
}

void AppendClock(std::string* out, int minutes) {
  AppendPadded(out, minutes / 60, 2);
  out->push_back(':');
  AppendPadded(out, minutes % 60, 2);
}

void AppendWindows(std::string* out, const std::vector<TimeWindow>& windows) {
  out->append("[");
  for (std::size_t i = 0; i < windows.size(); ++i) {
    if (i > 0) out->append(", ");
    out->push_back('"');
    AppendClock(out, windows[i].start);
    out->push_back('-');
    AppendClock(out, windows[i].end);
    out->push_back('"');
  }
  out->append("]");
}

void AppendTags(std::string* out, const Vocabulary& vocabulary,
                const std::vector<int>& tags) {
  out->append("[");
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (i > 0) out->append(", ");
    AppendYamlScalar(out, vocabulary.Name(tags[i]));
  }
  out->append("]");
}

void AppendRatings(std::string* out, const SynthCatalogue& c,
                   const Ratings& ratings) {
  out->append("{");
  for (int v = 0; v < kNumSynthValues; ++v) {
    if (v > 0) out->append(", ");
    out->append(c.values[v].id);
    out->append(": ");
    out->push_back(static_cast<char>('0' + ratings[v]));
  }
  out->append("}");
}

void AppendIdList(std::string* out, const std::vector<std::string>& ids,
                  std::vector<int> indices) {
  std::sort(indices.begin(), indices.end());
  out->append("[");
  for (std::size_t i = 0; i < indices.size(); ++i) {
    if (i > 0) out->append(", ");
    out->append(ids[indices[i]]);
  }
  out->append("]");
}

// ---------------------------------------------------------------------------
// The event.

std::string EventYaml(const SynthOptions& options, const SynthCatalogue& c,
                      const Day& day) {
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

// ---------------------------------------------------------------------------
// Employers.

struct SynthEmployer {
  std::string id;
  int sector = 0;
  Ratings values{};
  TagSet offers, seeks;
  std::uint64_t slot_mask = 0;
  // must_meet requests this employer may still receive: a quarter of its
  // one-to-one capacity, so generated fairs are always feasible.
  int must_room = 0;
};

// Bijective base 26: 0 -> A, 25 -> Z, 26 -> AA.
std::string RowLabel(int row) {
  std::string label;
  ++row;
  while (row > 0) {
    --row;
    label.insert(label.begin(), static_cast<char>('A' + row % 26));
    row /= 26;
  }
  return label;
}

// Writes employers.yaml into *out and returns the employers' profiles.
std::vector<SynthEmployer> GenerateEmployers(const SynthOptions& options,
                                             const World& world, const Day& day,
                                             std::string* out) {
  const SynthCatalogue& c = *world.catalogue;
  SynthRandom rng = StreamRandom(options.seed, kEmployerStream);
  const int width = std::max(3, Digits(options.employers));
  const int second_half = static_cast<int>(day.slots.size()) -
                          (day.pause.start - day.start) / kSlotLength;
  absl::flat_hash_map<std::string, int> name_uses;  // lookups only
  std::vector<SynthEmployer> employers(options.employers);

  out->reserve(static_cast<std::size_t>(options.employers) * 420 + 64);
  out->append("employers:\n");
  std::vector<int> offers, seeks;
  for (int e = 0; e < options.employers; ++e) {
    SynthEmployer& emp = employers[e];
    emp.id = "e";
    AppendPadded(&emp.id, e + 1, width);
    emp.sector = rng.Weighted(world.sector_weights);
    const SynthSector& sector = c.sectors[emp.sector];

    // A plausible name, unique: fresh prefix + noun combinations first,
    // then numbered repeats once the sector's combinations run out.
    std::string name;
    for (int attempt = 0; attempt < 8 && name.empty(); ++attempt) {
      // Two draws, in a fixed order: the order of evaluation of function
      // arguments is unspecified (gcc and clang differ), and the fair must
      // not depend on the compiler. The noun is drawn first, as gcc did.
      const std::size_t noun = rng.UniformInt(sector.nouns.size());
      const std::size_t prefix = rng.UniformInt(c.name_prefixes.size());
      std::string base =
          absl::StrCat(c.name_prefixes[prefix], " ", sector.nouns[noun]);
      int& uses = name_uses[base];
      if (uses == 0 || attempt == 7) {
        ++uses;
        name = uses == 1 ? std::move(base) : absl::StrCat(base, " ", uses);
      }
    }

    const int tables =
        rng.Bernoulli(sector.multi_table) ? (rng.Bernoulli(0.3) ? 3 : 2) : 1;
    int group_size = -1;
    if (rng.Bernoulli(0.3)) {
      constexpr std::array<double, 4> kGroupWeights = {0.3, 0.3, 0.2, 0.2};
      group_size = 1 + rng.Weighted(kGroupWeights);
    }
    emp.values = DrawRatings(rng, sector.values, 0.4, 0.8);

    offers.clear();
    seeks.clear();
    offers.push_back(world.sector_tag[emp.sector]);
    emp.offers.set(offers.back());
    DrawDistinct(rng, world.sector_kinds[emp.sector], rng.UniformInt(2, 4),
                 &offers, &emp.offers);
    if (!emp.offers[world.kind_tags[kMentorship]] && rng.Bernoulli(0.3)) {
      offers.push_back(world.kind_tags[kMentorship]);
      emp.offers.set(offers.back());
    }
    DrawDistinct(rng, world.sector_skills[emp.sector], rng.UniformInt(3, 6),
                 &seeks, &emp.seeks);
    if (rng.Bernoulli(0.2)) {
      DrawDistinct(rng, world.general_skills, 1, &seeks, &emp.seeks);
    }

    std::vector<TimeWindow> available;
    if (rng.Bernoulli(options.early_leave_fraction)) {
      // Leaves some slots after the break; with a one-slot second half,
      // right after the break.
      const int k = second_half >= 2 ? rng.UniformInt(1, second_half - 1) : 0;
      available.push_back({day.start, day.pause.end + k * kSlotLength});
    }
    emp.slot_mask = SlotMask(day, available);
    emp.must_room = tables * std::popcount(emp.slot_mask) / 4;

    out->append("  - id: ");
    out->append(emp.id);
    out->append("\n    name: ");
    AppendYamlScalar(out, name);
    out->append("\n    booth: ");
    out->append(RowLabel(e / 20));
    absl::StrAppend(out, e % 20 + 1, "\n    tables: ", tables);
    if (group_size > 0) absl::StrAppend(out, "\n    group_size: ", group_size);
    out->append("\n    values: ");
    AppendRatings(out, c, emp.values);
    out->append("\n    offers: ");
    AppendTags(out, world.tags, offers);
    out->append("\n    seeks: ");
    AppendTags(out, world.tags, seeks);
    if (!available.empty()) {
      out->append("\n    available: ");
      AppendWindows(out, available);
    }
    out->push_back('\n');
  }
  return employers;
}

// ---------------------------------------------------------------------------
// Attendees.

struct AttendeeProfile {
  Ratings values{};
  TagSet offers, seeks;
  std::uint64_t slot_mask = 0;
};

// How well an attendee and an employer fit, roughly as the scorer sees it:
// agreement of centred value ratings plus tags each offers the other.
double Affinity(const AttendeeProfile& a, const SynthEmployer& e) {
  double mean_a = 0, mean_e = 0;
  for (int v = 0; v < kNumSynthValues; ++v) {
    mean_a += a.values[v];
    mean_e += e.values[v];
  }
  mean_a /= kNumSynthValues;
  mean_e /= kNumSynthValues;
  double dot = 0;
  for (int v = 0; v < kNumSynthValues; ++v) {
    dot += (a.values[v] - mean_a) * (e.values[v] - mean_e);
  }
  return dot / kNumSynthValues +
         static_cast<double>((a.offers & e.seeks).count()) +
         static_cast<double>((a.seeks & e.offers).count());
}

// Up to `count` employers the attendee shares a slot with, each the best
// fit of a few sampled ones: whom a student would single out beforehand.
std::vector<int> PickMustMeet(SynthRandom& rng, const AttendeeProfile& a,
                              std::vector<SynthEmployer>& employers,
                              int count) {
  std::vector<int> picked;
  for (int n = 0; n < count; ++n) {
    int best = -1;
    double best_affinity = 0;
    int valid = 0;
    for (int attempt = 0; attempt < 32 && valid < 8; ++attempt) {
      const int e = static_cast<int>(rng.UniformInt(employers.size()));
      if ((employers[e].slot_mask & a.slot_mask) == 0) continue;
      if (employers[e].must_room <= 0) continue;
      if (std::find(picked.begin(), picked.end(), e) != picked.end()) continue;
      ++valid;
      const double affinity = Affinity(a, employers[e]);
      if (best < 0 || affinity > best_affinity) {
        best = e;
        best_affinity = affinity;
      }
    }
    if (best < 0) break;
    --employers[best].must_room;
    picked.push_back(best);
  }
  return picked;
}

// Up to `count` employers not in `must_meet`, each the worst fit of a few
// sampled ones (a values clash, a former employer).
std::vector<int> PickAvoid(SynthRandom& rng, const AttendeeProfile& a,
                           const std::vector<SynthEmployer>& employers,
                           const std::vector<int>& must_meet, int count) {
  std::vector<int> picked;
  for (int n = 0; n < count; ++n) {
    int worst = -1;
    double worst_affinity = 0;
    for (int attempt = 0; attempt < 4; ++attempt) {
      const int e = static_cast<int>(rng.UniformInt(employers.size()));
      if (std::find(must_meet.begin(), must_meet.end(), e) != must_meet.end() ||
          std::find(picked.begin(), picked.end(), e) != picked.end()) {
        continue;
      }
      const double affinity = Affinity(a, employers[e]);
      if (worst < 0 || affinity < worst_affinity) {
        worst = e;
        worst_affinity = affinity;
      }
    }
    if (worst < 0) break;
    picked.push_back(worst);
  }
  return picked;
}

// A class during the fair: two windows around it, or none when the day is
// too short to hold a class with time on both sides.
std::vector<TimeWindow> ClassConflict(SynthRandom& rng, const Day& day) {
  constexpr std::array<int, 6> kDurations = {45, 50, 60, 75, 80, 90};
  const int duration = kDurations[rng.UniformInt(kDurations.size())];
  // Classes start on the hour or half hour, leaving >= 15 minutes free on
  // each side; fall back to quarter hours for short days.
  for (int grid : {30, 15}) {
    const int first = (day.start + kSlotLength + grid - 1) / grid * grid;
    const int last = day.end - kSlotLength - duration;
    if (first > last) continue;
    const int class_start =
        first + grid * rng.UniformInt(0, (last - first) / grid);
    return {{day.start, class_start}, {class_start + duration, day.end}};
  }
  return {};
}

void GenerateAttendees(const SynthOptions& options, const World& world,
                       const Day& day, std::vector<SynthEmployer> employers,
                       std::string* out) {
  const SynthCatalogue& c = *world.catalogue;
  SynthRandom rng = StreamRandom(options.seed, kAttendeeStream);
  const int width = std::max(4, Digits(options.attendees));
  const int default_special = (options.attendees + 25) / 50;  // about 2%
  int must_left =
      options.must_meets >= 0 ? options.must_meets : default_special;
  int avoid_left = options.avoids >= 0 ? options.avoids : default_special;
  std::vector<std::string> employer_ids;
  employer_ids.reserve(employers.size());
  for (const SynthEmployer& e : employers) employer_ids.push_back(e.id);

  out->reserve(static_cast<std::size_t>(options.attendees) * 430 + 64);
  out->append("attendees:\n");
  std::string id;
  std::vector<int> offers, seeks;
  for (int i = 0; i < options.attendees; ++i) {
    const int remaining = options.attendees - i;
    id.assign("a");
    AppendPadded(&id, i + 1, width);

    // Name: an origin, a gender for the given name (and the family name's
    // form where it inflects); some Latin-script family names come with an
    // English given name, as in second-generation families.
    const Origin& origin = world.origins[rng.Weighted(world.origin_weights)];
    const bool female = rng.Bernoulli(0.5);
    const Origin& given_origin = origin.source->latin &&
                                         &origin != &world.origins[0] &&
                                         rng.Bernoulli(0.12)
                                     ? world.origins[0]
                                     : origin;
    const Names& given_pool =
        female ? given_origin.given_female : given_origin.given_male;
    const int g = static_cast<int>(rng.UniformInt(given_pool.text.size()));
    const int f = static_cast<int>(rng.UniformInt(origin.family.text.size()));
    const Names& family_pool = female && !origin.family_female.text.empty()
                                   ? origin.family_female
                                   : origin.family;
    const NameOrder order = &given_origin != &origin ? NameOrder::kGivenFirst
                                                     : origin.source->order;

    const int programme = rng.Weighted(world.programme_weights);
    const int stage = rng.Weighted(kStageWeights);
    AttendeeProfile profile;
    profile.values = DrawRatings(rng, c.programmes[programme].values, 0.5, 0.9);
    offers.clear();
    seeks.clear();
    DrawDistinct(rng, world.programme_skills[programme], rng.UniformInt(2, 5),
                 &offers, &profile.offers);
    if (rng.Bernoulli(0.35)) {
      DrawDistinct(rng, world.general_skills, 1, &offers, &profile.offers);
    }
    std::array<double, kKinds.size()> kind_weights = kKindWeightsByStage[stage];
    for (int n = rng.Bernoulli(0.5) ? 1 : 2; n > 0; --n) {
      const int k = rng.Weighted(kind_weights);
      kind_weights[k] = 0;
      seeks.push_back(world.kind_tags[k]);
      profile.seeks.set(seeks.back());
    }
    const std::vector<int>& preferred = world.programme_sectors[programme];
    for (int n = rng.Bernoulli(0.5) ? 1 : 2; n > 0; --n) {
      // Mostly the programme's usual sectors; sometimes anything.
      static constexpr std::array<double, 5> kPreference = {4, 3, 2, 1.5, 1};
      const int sector =
          rng.Bernoulli(0.15)
              ? static_cast<int>(rng.UniformInt(world.sector_tag.size()))
              : preferred[rng.Weighted(std::span<const double>(
                    kPreference.data(),
                    std::min(kPreference.size(), preferred.size())))];
      const int tag = world.sector_tag[sector];
      if (profile.seeks[tag]) continue;
      seeks.push_back(tag);
      profile.seeks.set(tag);
    }

    std::vector<TimeWindow> available;
    if (rng.Bernoulli(options.conflict_fraction))
      available = ClassConflict(rng, day);
    profile.slot_mask = SlotMask(day, available);
    const int max_meetings = rng.Bernoulli(0.08) ? rng.UniformInt(2, 3) : -1;

    // Selection sampling (Knuth's Algorithm S): exactly must_left of the
    // remaining attendees are chosen, in order, without storing a list.
    std::vector<int> must_meet, avoid;
    if (must_left > 0 &&
        static_cast<int>(rng.UniformInt(remaining)) < must_left) {
      --must_left;
      must_meet =
          PickMustMeet(rng, profile, employers, rng.Bernoulli(0.7) ? 1 : 2);
    }
    if (avoid_left > 0 &&
        static_cast<int>(rng.UniformInt(remaining)) < avoid_left) {
      --avoid_left;
      avoid = PickAvoid(rng, profile, employers, must_meet,
                        rng.Bernoulli(0.8) ? 1 : 2);
    }

    // Emit.
    const std::string_view given = given_pool.text[g];
    const std::string_view family = family_pool.text[f];
    out->append("  - id: ");
    out->append(id);
    out->append("\n    name: ");
    std::string name;
    name.reserve(given.size() + family.size() + 1);
    if (order == NameOrder::kGivenFirst) {
      name.append(given).append(" ").append(family);
    } else {
      name.append(family);
      if (order == NameOrder::kFamilyFirst) name.append(" ");
      name.append(given);
    }
    AppendYamlScalar(out, name);
    out->append("\n    email: ");
    std::string email =
        absl::StrCat(given_pool.slug[g], ".", family_pool.slug[f], ".", id, "@",
                     kEmailDomain);
    AppendYamlScalar(out, email);
    out->append("\n    program: ");
    AppendYamlScalar(out, c.programmes[programme].name);
    out->append("\n    values: ");
    AppendRatings(out, c, profile.values);
    out->append("\n    offers: ");
    AppendTags(out, world.tags, offers);
    out->append("\n    seeks: ");
    AppendTags(out, world.tags, seeks);
    if (!available.empty()) {
      out->append("\n    available: ");
      AppendWindows(out, available);
    }
    if (max_meetings > 0)
      absl::StrAppend(out, "\n    max_meetings: ", max_meetings);
    if (!must_meet.empty()) {
      out->append("\n    must_meet: ");
      AppendIdList(out, employer_ids, must_meet);
    }
    if (!avoid.empty()) {
      out->append("\n    avoid: ");
      AppendIdList(out, employer_ids, avoid);
    }
    out->push_back('\n');
  }
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
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<SynthFiles> GenerateFair(const SynthOptions& options) {
  if (absl::Status status = Validate(options); !status.ok()) return status;
  World world = PrepareWorld();
  const Day day = PlanDay(options.slots);

  SynthFiles files;
  files.event_yaml = EventYaml(options, *world.catalogue, day);
  const std::vector<SynthEmployer> employers =
      GenerateEmployers(options, world, day, &files.employers_yaml);
  GenerateAttendees(options, world, day, employers, &files.attendees_yaml);
  files.config_yaml = absl::StrCat(
      "# Planner settings; every other key keeps its built-in default.\n"
      "seed: ",
      options.seed, "\n");
  return files;
}

}  // namespace fairmatch
