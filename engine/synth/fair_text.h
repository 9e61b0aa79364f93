// The pieces of YAML text the fair generator writes, fast and without a
// YAML library: tag lists, value ratings and id lists, as flow
// collections. Scalars go through base/yaml_writer's
// AppendYamlScalar, clock times through base/civil_time's AppendClock and
// availability windows through model/fair's AppendYamlWindows, as the
// import writes them. Internal to engine/synth.
#ifndef FAIRMATCH_SYNTH_FAIR_TEXT_H_
#define FAIRMATCH_SYNTH_FAIR_TEXT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/model/fair.h"
#include "engine/synth/catalogue.h"
#include "engine/synth/world.h"

namespace fairmatch::synth {

// `tags` as a flow list, then `free_text` tags of `owner`'s own words
// ("a00012 own offer 1"), which nobody else writes.
void AppendTags(std::string* out, const Vocabulary& vocabulary,
                const std::vector<int>& tags, absl::string_view owner = "",
                absl::string_view kind = "", int free_text = 0);

// {impact: 4, learning: 5, ...} in the catalogue's value order.
void AppendRatings(std::string* out, const SynthCatalogue& c,
                   const Ratings& ratings);

// [ids[indices[0]], ...] in the order given: sorted for must_meet and
// avoid, ranked for wants.
void AppendIdList(std::string* out, const std::vector<std::string>& ids,
                  const std::vector<int>& indices);

}  // namespace fairmatch::synth

#endif  // FAIRMATCH_SYNTH_FAIR_TEXT_H_
