#include "engine/synth/world.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <utility>

#include "absl/strings/ascii.h"
#include "engine/base/yaml_writer.h"

namespace fairmatch::synth {

SynthRandom StreamRandom(std::uint64_t seed, Stream stream) {
  std::uint64_t state = seed;
  std::uint64_t mixed = SplitMix64(&state) ^ (stream * 0xd1b54a32d192ed03ULL);
  return SynthRandom(SplitMix64(&mixed));
}

int Vocabulary::Intern(std::string_view tag) {
  auto [it, inserted] =
      ids_.try_emplace(std::string(tag), static_cast<int>(names_.size()));
  if (inserted) names_.emplace_back(tag);
  assert(names_.size() <= kMaxTags);
  return it->second;
}

std::vector<int> Vocabulary::InternAll(const std::vector<const char*>& tags) {
  std::vector<int> out;
  out.reserve(tags.size());
  for (const char* t : tags) out.push_back(Intern(t));
  return out;
}

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

namespace {

Names PrepareNames(const std::vector<NamePart>& parts) {
  Names names;
  for (const NamePart& p : parts) {
    names.text.emplace_back(p.text);
    names.slug.push_back(Slug(p));
  }
  return names;
}

}  // namespace

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

}  // namespace fairmatch::synth
