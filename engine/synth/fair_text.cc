#include "engine/synth/fair_text.h"

#include "absl/strings/str_cat.h"
#include "engine/base/yaml_writer.h"

namespace fairmatch::synth {

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
