#include "engine/synth/generator.h"

#include <algorithm>
#include <array>
#include <bit>
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
#include "engine/base/yaml_writer.h"
#include "engine/model/fair.h"
#include "engine/synth/catalogue.h"
#include "engine/synth/random.h"

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
// The streams of requirements and wishes are their own, so that turning
// them on adds lines to a fair and changes nothing else (only an attendee's
// must_meet may change, to respect a requirement).
enum Stream : std::uint64_t {
  kEventStream = 1,
  kEmployerStream,
  kAttendeeStream,
  kEmployerRuleStream,
  kAttendeeFactStream,
  kAttendeeWishStream,
  kEmployerWishStream
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
  // The programmes that prefer each sector: those an employer restricting
  // the programme accepts.
  std::vector<std::vector<int>> sector_programmes;
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
  w.sector_programmes.resize(c.sectors.size());
  for (std::size_t p = 0; p < w.programme_sectors.size(); ++p) {
    for (int sector : w.programme_sectors[p]) {
      w.sector_programmes[sector].push_back(static_cast<int>(p));
    }
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

// `tags` as a flow list, then `free_text` tags of `owner`'s own words
// ("a00012 own offer 1"), which nobody else writes.
void AppendTags(std::string* out, const Vocabulary& vocabulary,
                const std::vector<int>& tags, absl::string_view owner = "",
                absl::string_view kind = "", int free_text = 0) {
  out->append("[");
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (i > 0) out->append(", ");
    AppendYamlScalar(out, vocabulary.Name(tags[i]));
  }
  for (int k = 1; k <= free_text; ++k) {
    if (k > 1 || !tags.empty()) out->append(", ");
    AppendYamlScalar(out, absl::StrCat(owner, " own ", kind, " ", k));
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

// `indices` in the order given: sorted for must_meet and avoid, ranked for
// wants.
void AppendIdList(std::string* out, const std::vector<std::string>& ids,
                  const std::vector<int>& indices) {
  out->append("[");
  for (std::size_t i = 0; i < indices.size(); ++i) {
    if (i > 0) out->append(", ");
    out->append(ids[indices[i]]);
  }
  out->append("]");
}

// ---------------------------------------------------------------------------
// The event.

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

// ---------------------------------------------------------------------------
// Requirements: what employers restrict, and the fields they read.

enum Level { kBachelor, kMaster, kDoctorate };
constexpr std::array<const char*, 3> kLevelNames = {"BSc", "MSc", "PhD"};
constexpr int kFinalYearStage = 1;  // kStageWeights: 0, 1 undergraduate
constexpr int kGraduateStage = 2;

// The shares of docs/synth.md at requirements = 1. Programme: employers
// that screen by field of study; level: O*NET 29.3 puts about 17% of
// occupations in job zone 5 (graduate degree usual), so about a fifth of
// employers ask for one level or two; graduation year: employers hiring
// one cohort; work authorisation: those that cannot sponsor a visa.
constexpr double kProgrammeShare = 0.25;
constexpr double kLevelShare = 0.20;
constexpr double kYearShare = 0.15;
constexpr double kAuthorisationShare = 0.10;
constexpr double kRemoteRequiredShare = 0.03;  // of attendees
constexpr double kRemoteShare = 0.3;           // employers offering remote
constexpr double kAuthorisedShare = 0.88;      // attendees allowed to work
constexpr double kDoctorateShare = 0.25;       // of graduate students

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
bool Qualifies(const AttendeeFacts& a, const EmployerRules& e) {
  if (!e.programmes.empty() &&
      !std::binary_search(e.programmes.begin(), e.programmes.end(),
                          a.programme)) {
    return false;
  }
  if (e.levels != 0 && ((e.levels >> a.level) & 1u) == 0) return false;
  if (e.year_min != 0 &&
      (a.graduation_year < e.year_min || a.graduation_year > e.year_max)) {
    return false;
  }
  if (e.needs_authorisation && !a.authorised) return false;
  return !a.requires_remote || e.remote;
}

// The year final-year students graduate: this year at a spring fair, next
// year at a fall one.
int FinalYear(const absl::CivilDay& date) {
  return static_cast<int>(date.year()) + (date.month() >= 9 ? 1 : 0);
}

EmployerRules DrawEmployerRules(SynthRandom& rng, double scale,
                                const World& world, int sector,
                                int final_year) {
  EmployerRules r;
  r.remote = rng.Bernoulli(kRemoteShare);
  if (rng.Bernoulli(scale * kProgrammeShare)) {
    // One to three of the programmes that feed the sector.
    const std::vector<int>& feeding = world.sector_programmes[sector];
    std::vector<double> weights;
    for (int p : feeding) weights.push_back(world.programme_weights[p]);
    const int n =
        feeding.empty()
            ? 0
            : rng.UniformInt(1, std::min(3, static_cast<int>(feeding.size())));
    for (int k = 0; k < n; ++k) {
      const int i = rng.Weighted(weights);
      weights[i] = 0;
      r.programmes.push_back(feeding[i]);
    }
    std::sort(r.programmes.begin(), r.programmes.end());
  }
  if (rng.Bernoulli(scale * kLevelShare)) {
    // Graduate roles, early-career roles, undergraduate programmes.
    constexpr std::array<double, 3> kSetWeights = {0.5, 0.3, 0.2};
    constexpr std::array<unsigned, 3> kSets = {
        (1u << kMaster) | (1u << kDoctorate),
        (1u << kBachelor) | (1u << kMaster), 1u << kBachelor};
    r.levels = kSets[rng.Weighted(kSetWeights)];
  }
  if (rng.Bernoulli(scale * kYearShare)) {
    r.year_min = final_year;
    r.year_max = final_year + 1;
  }
  r.needs_authorisation = rng.Bernoulli(scale * kAuthorisationShare);
  return r;
}

AttendeeFacts DrawAttendeeFacts(SynthRandom& rng, double scale, int programme,
                                int stage, int final_year) {
  AttendeeFacts f;
  f.programme = programme;
  if (stage == kGraduateStage) {
    f.level = rng.Bernoulli(kDoctorateShare) ? kDoctorate : kMaster;
    f.graduation_year =
        final_year +
        (f.level == kMaster ? rng.UniformInt(0, 1) : rng.UniformInt(0, 3));
  } else {
    f.graduation_year =
        final_year + (stage == kFinalYearStage ? 0 : rng.UniformInt(1, 3));
  }
  f.authorised = rng.Bernoulli(kAuthorisedShare);
  f.requires_remote = rng.Bernoulli(scale * kRemoteRequiredShare);
  return f;
}

void AppendEmployerRules(std::string* out, const SynthCatalogue& c,
                         const EmployerRules& r) {
  out->append("\n    extra: {remote: ");
  out->append(r.remote ? "yes}" : "no}");
  if (!r.any()) return;
  out->append("\n    requires: {");
  const char* separator = "";
  const auto key = [&](const char* name) {
    out->append(separator);
    out->append(name);
    separator = ", ";
  };
  if (!r.programmes.empty()) {
    key("program: [");
    for (std::size_t i = 0; i < r.programmes.size(); ++i) {
      if (i > 0) out->append(", ");
      AppendYamlScalar(out, c.programmes[r.programmes[i]].name);
    }
    out->append("]");
  }
  if (r.levels != 0) {
    key("extra.level: [");
    const char* level_separator = "";
    for (int level = 0; level < static_cast<int>(kLevelNames.size()); ++level) {
      if (((r.levels >> level) & 1u) == 0) continue;
      out->append(level_separator);
      out->append(kLevelNames[level]);
      level_separator = ", ";
    }
    out->append("]");
  }
  if (r.year_min != 0) {
    key("extra.graduation_year: ");
    absl::StrAppend(out, "{min: ", r.year_min, ", max: ", r.year_max, "}");
  }
  if (r.needs_authorisation) key("extra.work_authorization: [yes]");
  out->append("}");
}

void AppendAttendeeFacts(std::string* out, const AttendeeFacts& f) {
  absl::StrAppend(out, "\n    extra: {level: ", kLevelNames[f.level],
                  ", graduation_year: ", f.graduation_year,
                  ", work_authorization: ", f.authorised ? "yes" : "no", "}");
  if (f.requires_remote) out->append("\n    requires: {extra.remote: [yes]}");
}

// ---------------------------------------------------------------------------
// Employers.

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
                                             int final_year, std::string* out) {
  const SynthCatalogue& c = *world.catalogue;
  SynthRandom rng = StreamRandom(options.seed, kEmployerStream);
  SynthRandom rule_rng = StreamRandom(options.seed, kEmployerRuleStream);
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
    emp.tables = tables;
    emp.must_room = tables * std::popcount(emp.slot_mask) / 4;
    if (options.requirements > 0) {
      emp.rules = DrawEmployerRules(rule_rng, options.requirements, world,
                                    emp.sector, final_year);
    }

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
    if (options.requirements > 0) AppendEmployerRules(out, c, emp.rules);
    emp.yaml_end = out->size();
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

// Up to `count` employers the attendee shares a slot with and qualifies
// for, each the best fit of a few sampled ones: whom a student would single
// out beforehand.
std::vector<int> PickMustMeet(SynthRandom& rng, const AttendeeProfile& a,
                              const AttendeeFacts& facts,
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
      if (!Qualifies(facts, employers[e].rules)) continue;
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

// ---------------------------------------------------------------------------
// Wishes.

// The ones of `candidates` that fit best, `count` at most, best first (ties
// by index): a ranked wish list.
template <typename FitOf>
std::vector<int> BestFirst(std::vector<int> candidates, int count,
                           FitOf fit_of) {
  std::vector<std::pair<double, int>> ranked;
  ranked.reserve(candidates.size());
  for (int x : candidates) ranked.emplace_back(-fit_of(x), x);
  std::sort(ranked.begin(), ranked.end());
  std::vector<int> out;
  for (int i = 0; i < count && i < static_cast<int>(ranked.size()); ++i) {
    out.push_back(ranked[i].second);
  }
  return out;
}

// Popularity is Zipf-like: employers in a random order, the one at place r
// (from 0) drawing weight tables / (r + 1), so the big names with several
// tables tend to be the popular ones. Returns the running sums, in employer
// order, for DrawPopular.
std::vector<double> DrawPopularity(SynthRandom& rng,
                                   std::vector<SynthEmployer>& employers) {
  const int n = static_cast<int>(employers.size());
  std::vector<int> order(n);
  for (int e = 0; e < n; ++e) order[e] = e;
  for (int i = n - 1; i > 0; --i) {  // Fisher-Yates
    std::swap(order[i],
              order[rng.UniformInt(static_cast<std::uint64_t>(i) + 1)]);
  }
  for (int r = 0; r < n; ++r) {
    SynthEmployer& e = employers[order[r]];
    e.popularity = static_cast<double>(e.tables) / (r + 1);
  }
  std::vector<double> running(n);
  double total = 0;
  for (int e = 0; e < n; ++e) {
    total += employers[e].popularity;
    running[e] = total;
  }
  return running;
}

// An employer drawn with probability proportional to its popularity, in
// O(log employers). `running` is DrawPopularity's.
int DrawPopular(SynthRandom& rng, const std::vector<double>& running) {
  const double x = rng.Uniform() * running.back();
  const auto it = std::upper_bound(running.begin(), running.end(), x);
  return static_cast<int>(std::min(
      it - running.begin(), static_cast<std::ptrdiff_t>(running.size()) - 1));
}

// An attendee's wants: 1-5 employers (2-4 for three in four), chosen among
// popular ones the attendee qualifies for and does not avoid, ranked by fit.
std::vector<int> PickWants(SynthRandom& rng, const AttendeeProfile& a,
                           const AttendeeFacts& facts,
                           const std::vector<SynthEmployer>& employers,
                           const std::vector<double>& running,
                           const std::vector<int>& avoid) {
  constexpr std::array<double, 5> kCountWeights = {0.1, 0.25, 0.3, 0.2, 0.15};
  const int count = 1 + rng.Weighted(kCountWeights);
  std::vector<int> candidates;
  for (int attempt = 0; attempt < 3 * count + 4; ++attempt) {
    const int e = DrawPopular(rng, running);
    if (std::find(candidates.begin(), candidates.end(), e) !=
            candidates.end() ||
        std::binary_search(avoid.begin(), avoid.end(), e) ||
        !Qualifies(facts, employers[e].rules)) {
      continue;
    }
    candidates.push_back(e);
  }
  return BestFirst(std::move(candidates), count,
                   [&](int e) { return Affinity(a, employers[e]); });
}

// What the employers' lists of attendees need to know of each attendee.
struct AttendeeRecord {
  AttendeeProfile profile;
  AttendeeFacts facts;
  std::vector<int> avoid;  // employers, ascending
  // No must_meet and no own cap: an employer's must_meet cannot overload
  // it. Cleared once an employer requires the attendee (once at most).
  bool may_be_required = false;
};

bool Avoids(const AttendeeRecord& a, int e) {
  return std::binary_search(a.avoid.begin(), a.avoid.end(), e);
}

// The employers' own lists, each employer's as the text to add to its
// entry: for a share of them a ranked `wants` of 2-6 attendees, for a
// smaller share a `must_meet` of 1-2 pre-selected attendees, each the best
// fit of those sampled that qualify, do not avoid it and (for must_meet)
// share a slot with it, within its must_meet room.
std::vector<std::string> EmployerLists(const SynthOptions& options,
                                       std::vector<SynthEmployer>& employers,
                                       std::vector<AttendeeRecord>& attendees,
                                       const std::vector<std::string>& ids) {
  constexpr double kWantsShare = 0.2;
  constexpr double kMustShare = 0.05;
  SynthRandom rng = StreamRandom(options.seed, kEmployerWishStream);
  std::vector<std::string> lists(employers.size());
  const int n = static_cast<int>(attendees.size());
  for (int e = 0; e < static_cast<int>(employers.size()); ++e) {
    SynthEmployer& emp = employers[e];
    const auto fit = [&](int a) { return Affinity(attendees[a].profile, emp); };
    const auto acceptable = [&](int a, const std::vector<int>& seen) {
      return std::find(seen.begin(), seen.end(), a) == seen.end() &&
             !Avoids(attendees[a], e) &&
             Qualifies(attendees[a].facts, emp.rules);
    };
    if (rng.Bernoulli(options.wishes * kWantsShare)) {
      const int count = rng.UniformInt(2, 6);
      std::vector<int> candidates;
      for (int attempt = 0; attempt < 6 * count; ++attempt) {
        const int a = static_cast<int>(rng.UniformInt(n));
        if (acceptable(a, candidates)) candidates.push_back(a);
      }
      const std::vector<int> wants =
          BestFirst(std::move(candidates), count, fit);
      if (!wants.empty()) {
        lists[e].append("\n    wants: ");
        AppendIdList(&lists[e], ids, wants);
      }
    }
    if (rng.Bernoulli(options.wishes * kMustShare)) {
      const int count = rng.Bernoulli(0.7) ? 1 : 2;
      std::vector<int> must;
      for (int k = 0; k < count && emp.must_room > 0; ++k) {
        std::vector<int> candidates;
        for (int attempt = 0; attempt < 16; ++attempt) {
          const int a = static_cast<int>(rng.UniformInt(n));
          if (acceptable(a, must) && acceptable(a, candidates) &&
              attendees[a].may_be_required &&
              (attendees[a].profile.slot_mask & emp.slot_mask) != 0) {
            candidates.push_back(a);
          }
        }
        const std::vector<int> best = BestFirst(std::move(candidates), 1, fit);
        if (best.empty()) break;
        must.push_back(best[0]);
        attendees[best[0]].may_be_required = false;
        --emp.must_room;
      }
      if (!must.empty()) {
        std::sort(must.begin(), must.end());
        lists[e].append("\n    must_meet: ");
        AppendIdList(&lists[e], ids, must);
      }
    }
  }
  return lists;
}

// employers.yaml with each employer's list text added to its entry.
std::string SpliceEmployerLists(const std::string& yaml,
                                const std::vector<SynthEmployer>& employers,
                                const std::vector<std::string>& lists) {
  std::string out;
  std::size_t extra = 0;
  for (const std::string& l : lists) extra += l.size();
  out.reserve(yaml.size() + extra);
  std::size_t from = 0;
  for (std::size_t e = 0; e < employers.size(); ++e) {
    out.append(yaml, from, employers[e].yaml_end - from);
    out.append(lists[e]);
    from = employers[e].yaml_end;
  }
  out.append(yaml, from, std::string::npos);
  return out;
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
                                  std::string* out) {
  const SynthCatalogue& c = *world.catalogue;
  SynthRandom rng = StreamRandom(options.seed, kAttendeeStream);
  SynthRandom fact_rng = StreamRandom(options.seed, kAttendeeFactStream);
  SynthRandom wish_rng = StreamRandom(options.seed, kAttendeeWishStream);
  const bool wishes = options.wishes > 0;
  const std::vector<double> popularity =
      wishes ? DrawPopularity(wish_rng, *employers) : std::vector<double>();
  AttendeeRecords kept;
  if (wishes) {
    kept.records.reserve(options.attendees);
    kept.ids.reserve(options.attendees);
  }
  const int width = std::max(4, Digits(options.attendees));
  const int default_special = (options.attendees + 25) / 50;  // about 2%
  int must_left =
      options.must_meets >= 0 ? options.must_meets : default_special;
  int avoid_left = options.avoids >= 0 ? options.avoids : default_special;
  std::vector<std::string> employer_ids;
  employer_ids.reserve(employers->size());
  for (const SynthEmployer& e : *employers) employer_ids.push_back(e.id);

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
    AttendeeFacts facts;
    facts.programme = programme;
    if (options.requirements > 0) {
      facts = DrawAttendeeFacts(fact_rng, options.requirements, programme,
                                stage, final_year);
    }

    // Selection sampling (Knuth's Algorithm S): exactly must_left of the
    // remaining attendees are chosen, in order, without storing a list.
    std::vector<int> must_meet, avoid;
    if (must_left > 0 &&
        static_cast<int>(rng.UniformInt(remaining)) < must_left) {
      --must_left;
      must_meet = PickMustMeet(rng, profile, facts, *employers,
                               rng.Bernoulli(0.7) ? 1 : 2);
    }
    if (avoid_left > 0 &&
        static_cast<int>(rng.UniformInt(remaining)) < avoid_left) {
      --avoid_left;
      avoid = PickAvoid(rng, profile, *employers, must_meet,
                        rng.Bernoulli(0.8) ? 1 : 2);
      std::sort(avoid.begin(), avoid.end());
    }
    std::vector<int> wants;
    if (wishes && wish_rng.Bernoulli(options.wishes)) {
      wants =
          PickWants(wish_rng, profile, facts, *employers, popularity, avoid);
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
    AppendTags(out, world.tags, offers, id, "offer", options.free_text);
    out->append("\n    seeks: ");
    AppendTags(out, world.tags, seeks, id, "seek", options.free_text);
    if (!available.empty()) {
      out->append("\n    available: ");
      AppendWindows(out, available);
    }
    if (max_meetings > 0)
      absl::StrAppend(out, "\n    max_meetings: ", max_meetings);
    if (options.requirements > 0) AppendAttendeeFacts(out, facts);
    if (!must_meet.empty()) {
      out->append("\n    must_meet: ");
      std::sort(must_meet.begin(), must_meet.end());
      AppendIdList(out, employer_ids, must_meet);
    }
    if (!avoid.empty()) {
      out->append("\n    avoid: ");
      AppendIdList(out, employer_ids, avoid);
    }
    if (!wants.empty()) {
      out->append("\n    wants: ");
      AppendIdList(out, employer_ids, wants);
    }
    out->push_back('\n');
    if (wishes) {
      kept.records.push_back({profile, facts, std::move(avoid),
                              must_meet.empty() && max_meetings < 0});
      kept.ids.push_back(id);
    }
  }
  return kept;
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
  if (o.free_text < 0 || o.free_text > 20) {
    return absl::InvalidArgumentError(
        absl::StrCat("free_text must be in [0, 20], got ", o.free_text));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<SynthFiles> GenerateFair(const SynthOptions& options) {
  if (absl::Status status = Validate(options); !status.ok()) return status;
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

}  // namespace fairmatch
