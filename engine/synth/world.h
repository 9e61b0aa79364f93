// What the fair generator draws from: the synth catalogue in index form
// (tags interned, programmes linked to sectors, name pools with their
// e-mail slugs), its independent random streams and its sampling helpers.
// Internal to engine/synth (generator.h is the layer's API).
#ifndef FAIRMATCH_SYNTH_WORLD_H_
#define FAIRMATCH_SYNTH_WORLD_H_

#include <array>
#include <bitset>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "engine/synth/catalogue.h"
#include "engine/synth/random.h"

namespace fairmatch::synth {

inline constexpr int kMaxTags = 256;

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
  kEmployerWishStream,
  kEmployerFlatStream,
  kAttendeeFlatStream
};

// The value profile most employers share in a flat fair (SynthOptions::
// flat), and the one a blank rater's values default to.
inline constexpr int kSharedEmployerRating = 4;
inline constexpr int kBlankRating = 3;

// The stream `stream` of `seed`.
SynthRandom StreamRandom(std::uint64_t seed, Stream stream);

using TagSet = std::bitset<kMaxTags>;

// Tags by index, in the order first interned.
class Vocabulary {
 public:
  int Intern(std::string_view tag);
  std::vector<int> InternAll(const std::vector<const char*>& tags);
  const std::string& Name(int id) const { return names_[id]; }
  int size() const { return static_cast<int>(names_.size()); }

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
std::string Slug(const NamePart& part);

// The opportunity kinds attendees seek, and how likely each is at each
// stage of study.
inline constexpr std::array<const char*, 6> kKinds = {
    "internship", "co-op",         "part-time",
    "mentorship", "graduate-role", "research"};
inline constexpr int kMentorship = 3;
static_assert(std::string_view(kKinds[kMentorship]) == "mentorship");
inline constexpr std::array<double, 3> kStageWeights = {0.55, 0.25, 0.20};
inline constexpr std::array<std::array<double, 6>, 3> kKindWeightsByStage = {{
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

// The world of GetSynthCatalogue().
World PrepareWorld();

// Draws up to `k` distinct entries of `pool`, earlier entries more likely
// (weight 1 / (1 + 0.35 i), among the first 32), appending those not
// already in *set to *out and to *set.
void DrawDistinct(SynthRandom& rng, std::span<const int> pool, int k,
                  std::vector<int>* out, TagSet* set);

using Ratings = std::array<int, kNumSynthValues>;

// Ratings around `means`: a personal scale bias (some people rate
// everything high) plus independent noise per value, rounded to 0..5.
Ratings DrawRatings(SynthRandom& rng, const ValueMeans& means, double bias_sd,
                    double noise_sd);

}  // namespace fairmatch::synth

#endif  // FAIRMATCH_SYNTH_WORLD_H_
