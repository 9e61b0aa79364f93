#include "engine/synth/fair_text.h"

#include "absl/strings/str_cat.h"
#include "engine/base/yaml_writer.h"

namespace fairmatch::synth {

void AppendTags(std::string* out, const Vocabulary& vocabulary,
                const std::vector<int>& tags, absl::string_view owner,
                absl::string_view kind, int free_text) {
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

void AppendIdList(std::string* out, const std::vector<std::string>& ids,
                  const std::vector<int>& indices) {
  out->append("[");
  for (std::size_t i = 0; i < indices.size(); ++i) {
    if (i > 0) out->append(", ");
    out->append(ids[indices[i]]);
  }
  out->append("]");
}

}  // namespace fairmatch::synth
