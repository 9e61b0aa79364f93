#include "engine/synth/attendees.h"

#include <algorithm>
#include <array>
#include <span>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/base/decimal_text.h"
#include "engine/base/yaml_writer.h"
#include "engine/synth/fair_text.h"
#include "engine/synth/requirements.h"

namespace fairmatch::synth {
namespace {

constexpr char kEmailDomain[] = "example.edu";

// A person's name as written and the start of the local part of its
// e-mail ("given.family"; the id and domain follow).
struct DrawnName {
  std::string name;
  std::string email_stem;
};

// Name: an origin, a gender for the given name (and the family name's form
// where it inflects); some Latin-script family names come with an English
// given name, as in second-generation families.
DrawnName DrawName(SynthRandom& rng, const World& world) {
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
  const NameOrder order =
      &given_origin != &origin ? NameOrder::kGivenFirst : origin.source->order;
  const std::string_view given = given_pool.text[g];
  const std::string_view family = family_pool.text[f];
  DrawnName drawn;
  drawn.name.reserve(given.size() + family.size() + 1);
  if (order == NameOrder::kGivenFirst) {
    drawn.name.append(given).append(" ").append(family);
  } else {
    drawn.name.append(family);
    if (order == NameOrder::kFamilyFirst) drawn.name.append(" ");
    drawn.name.append(given);
  }
  drawn.email_stem = absl::StrCat(given_pool.slug[g], ".", family_pool.slug[f]);
  return drawn;
}

// What an attendee studies and looks for: programme, stage of study (an
// index of kStageWeights), values, offers and seeks in the order drawn.
struct Study {
  int programme = 0;
  int stage = 0;
  std::vector<int> offers, seeks;
};

// Draws the study and fills the profile's values, offers and seeks.
Study DrawStudy(SynthRandom& rng, const World& world,
                AttendeeProfile* profile) {
  const SynthCatalogue& c = *world.catalogue;
  Study s;
  s.programme = rng.Weighted(world.programme_weights);
  s.stage = rng.Weighted(kStageWeights);
  profile->values =
      DrawRatings(rng, c.programmes[s.programme].values, 0.5, 0.9);
  DrawDistinct(rng, world.programme_skills[s.programme], rng.UniformInt(2, 5),
               &s.offers, &profile->offers);
  if (rng.Bernoulli(0.35)) {
    DrawDistinct(rng, world.general_skills, 1, &s.offers, &profile->offers);
  }
  std::array<double, kKinds.size()> kind_weights = kKindWeightsByStage[s.stage];
  for (int n = rng.Bernoulli(0.5) ? 1 : 2; n > 0; --n) {
    const int k = rng.Weighted(kind_weights);
    kind_weights[k] = 0;
    s.seeks.push_back(world.kind_tags[k]);
    profile->seeks.set(s.seeks.back());
  }
  const std::vector<int>& preferred = world.programme_sectors[s.programme];
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
    if (profile->seeks[tag]) continue;
    s.seeks.push_back(tag);
    profile->seeks.set(tag);
  }
  return s;
}

// One attendee, everything drawn, ready to write.
struct Attendee {
  std::string id;
  DrawnName name;
  Study study;
  AttendeeProfile profile;
  AttendeeFacts facts;
  std::vector<TimeWindow> available;
  int max_meetings = -1;                     // -1: the fair's default
  std::vector<int> must_meet, avoid, wants;  // employers
};

// One attendee's entry of attendees.yaml.
void AppendAttendee(const SynthOptions& options, const World& world,
                    const std::vector<std::string>& employer_ids,
                    const Attendee& a, std::string* out) {
  const SynthCatalogue& c = *world.catalogue;
  out->append("  - id: ");
  out->append(a.id);
  out->append("\n    name: ");
  AppendYamlScalar(out, a.name.name);
  out->append("\n    email: ");
  AppendYamlScalar(
      out, absl::StrCat(a.name.email_stem, ".", a.id, "@", kEmailDomain));
  out->append("\n    program: ");
  AppendYamlScalar(out, c.programmes[a.study.programme].name);
  out->append("\n    values: ");
  AppendRatings(out, c, a.profile.values);
  out->append("\n    offers: ");
  AppendTags(out, world.tags, a.study.offers, a.id, "offer", options.free_text);
  out->append("\n    seeks: ");
  AppendTags(out, world.tags, a.study.seeks, a.id, "seek", options.free_text);
  if (!a.available.empty()) {
    out->append("\n    available: ");
    AppendYamlWindows(out, a.available);
  }
  if (a.max_meetings > 0) {
    absl::StrAppend(out, "\n    max_meetings: ", a.max_meetings);
  }
  if (options.requirements > 0) AppendAttendeeFacts(out, a.facts);
  const std::pair<const char*, const std::vector<int>*> lists[] = {
      {"must_meet", &a.must_meet}, {"avoid", &a.avoid}, {"wants", &a.wants}};
  for (const auto& [key, list] : lists) {
    if (list->empty()) continue;
    absl::StrAppend(out, "\n    ", key, ": ");
    AppendIdList(out, employer_ids, *list);
  }
  out->push_back('\n');
}

}  // namespace

AttendeeRecords GenerateAttendees(const SynthOptions& options,
                                  const World& world, const Day& day,
                                  int final_year,
                                  std::vector<SynthEmployer>* employers,
                                  std::string* out) {
  SynthRandom rng = StreamRandom(options.seed, kAttendeeStream);
  SynthRandom fact_rng = StreamRandom(options.seed, kAttendeeFactStream);
  SynthRandom wish_rng = StreamRandom(options.seed, kAttendeeWishStream);
  SynthRandom flat_rng = StreamRandom(options.seed, kAttendeeFlatStream);
  const bool wishes = options.wishes > 0;
  const std::vector<double> popularity =
      wishes ? DrawPopularity(wish_rng, *employers) : std::vector<double>();
  AttendeeRecords kept;
  if (wishes) {
    kept.records.reserve(options.attendees);
    kept.ids.reserve(options.attendees);
  }
  const int width = std::max(4, DecimalDigits(options.attendees));
  const int default_special = (options.attendees + 25) / 50;  // about 2%
  int must_left =
      options.must_meets >= 0 ? options.must_meets : default_special;
  int avoid_left = options.avoids >= 0 ? options.avoids : default_special;
  std::vector<std::string> employer_ids;
  employer_ids.reserve(employers->size());
  for (const SynthEmployer& e : *employers) employer_ids.push_back(e.id);

  out->reserve(static_cast<std::size_t>(options.attendees) * 430 + 64);
  out->append("attendees:\n");
  for (int i = 0; i < options.attendees; ++i) {
    const int remaining = options.attendees - i;
    Attendee a;
    a.id.assign("a");
    AppendPadded(&a.id, i + 1, width);
    a.name = DrawName(rng, world);
    a.study = DrawStudy(rng, world, &a.profile);
    if (options.flat > 0 && flat_rng.Bernoulli(0.6 * options.flat)) {
      a.profile.values.fill(kBlankRating);  // a blank rater
    }
    if (rng.Bernoulli(options.conflict_fraction)) {
      a.available = ClassConflict(rng, day);
    }
    a.profile.slot_mask = SlotMask(day, a.available);
    a.max_meetings = rng.Bernoulli(0.08) ? rng.UniformInt(2, 3) : -1;
    a.facts.programme = a.study.programme;
    if (options.requirements > 0) {
      a.facts = DrawAttendeeFacts(fact_rng, options.requirements,
                                  a.study.programme, a.study.stage, final_year);
    }

    // Selection sampling (Knuth's Algorithm S): exactly must_left of the
    // remaining attendees are chosen, in order, without storing a list.
    if (must_left > 0 &&
        static_cast<int>(rng.UniformInt(remaining)) < must_left) {
      --must_left;
      a.must_meet = PickMustMeet(rng, a.profile, a.facts, *employers,
                                 rng.Bernoulli(0.7) ? 1 : 2);
    }
    if (avoid_left > 0 &&
        static_cast<int>(rng.UniformInt(remaining)) < avoid_left) {
      --avoid_left;
      a.avoid = PickAvoid(rng, a.profile, *employers, a.must_meet,
                          rng.Bernoulli(0.8) ? 1 : 2);
      std::sort(a.avoid.begin(), a.avoid.end());
    }
    if (wishes && wish_rng.Bernoulli(options.wishes)) {
      a.wants = PickWants(wish_rng, a.profile, a.facts, *employers, popularity,
                          a.avoid);
    }
    std::sort(a.must_meet.begin(), a.must_meet.end());

    AppendAttendee(options, world, employer_ids, a, out);
    if (wishes) {
      kept.records.push_back({a.profile, a.facts, std::move(a.avoid),
                              a.must_meet.empty() && a.max_meetings < 0});
      kept.ids.push_back(std::move(a.id));
    }
  }
  return kept;
}

}  // namespace fairmatch::synth
