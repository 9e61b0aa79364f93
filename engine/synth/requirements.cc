#include "engine/synth/requirements.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_cat.h"
#include "engine/base/yaml_writer.h"

namespace fairmatch::synth {
namespace {

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

}  // namespace

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

}  // namespace fairmatch::synth
