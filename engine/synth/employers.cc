#include "engine/synth/employers.h"

#include <algorithm>
#include <array>
#include <bit>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "engine/base/decimal_text.h"
#include "engine/base/yaml_writer.h"
#include "engine/synth/fair_text.h"

namespace fairmatch::synth {
namespace {

// A plausible name, unique: fresh prefix + noun combinations first, then
// numbered repeats once the sector's combinations run out. *uses counts
// each combination's uses (lookups only).
std::string DrawUniqueName(SynthRandom& rng, const SynthCatalogue& c,
                           const SynthSector& sector,
                           absl::flat_hash_map<std::string, int>* uses_of) {
  std::string name;
  for (int attempt = 0; attempt < 8 && name.empty(); ++attempt) {
    // Two draws, in a fixed order: the order of evaluation of function
    // arguments is unspecified (gcc and clang differ), and the fair must
    // not depend on the compiler. The noun is drawn first, as gcc did.
    const std::size_t noun = rng.UniformInt(sector.nouns.size());
    const std::size_t prefix = rng.UniformInt(c.name_prefixes.size());
    std::string base =
        absl::StrCat(c.name_prefixes[prefix], " ", sector.nouns[noun]);
    int& uses = (*uses_of)[base];
    if (uses == 0 || attempt == 7) {
      ++uses;
      name = uses == 1 ? std::move(base) : absl::StrCat(base, " ", uses);
    }
  }
  return name;
}

}  // namespace

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

std::vector<SynthEmployer> GenerateEmployers(const SynthOptions& options,
                                             const World& world, const Day& day,
                                             int final_year, std::string* out) {
  const SynthCatalogue& c = *world.catalogue;
  SynthRandom rng = StreamRandom(options.seed, kEmployerStream);
  SynthRandom rule_rng = StreamRandom(options.seed, kEmployerRuleStream);
  // Its own stream, so that a fair with flat = 0 is the fair without it.
  SynthRandom flat_rng = StreamRandom(options.seed, kEmployerFlatStream);
  const int width = std::max(3, DecimalDigits(options.employers));
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

    const std::string name = DrawUniqueName(rng, c, sector, &name_uses);

    const int tables =
        rng.Bernoulli(sector.multi_table) ? (rng.Bernoulli(0.3) ? 3 : 2) : 1;
    int group_size = -1;
    if (rng.Bernoulli(0.3)) {
      constexpr std::array<double, 4> kGroupWeights = {0.3, 0.3, 0.2, 0.2};
      group_size = 1 + rng.Weighted(kGroupWeights);
    }
    emp.values = DrawRatings(rng, sector.values, 0.4, 0.8);
    if (options.flat > 0 && flat_rng.Bernoulli(options.flat)) {
      emp.values.fill(kSharedEmployerRating);
    }

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
      AppendYamlWindows(out, available);
    }
    if (options.requirements > 0) AppendEmployerRules(out, c, emp.rules);
    emp.yaml_end = out->size();
    out->push_back('\n');
  }
  return employers;
}

}  // namespace fairmatch::synth
