#include "engine/synth/choices.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

#include "engine/synth/fair_text.h"

namespace fairmatch::synth {
namespace {

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

bool Avoids(const AttendeeRecord& a, int e) {
  return std::binary_search(a.avoid.begin(), a.avoid.end(), e);
}

}  // namespace

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

int DrawPopular(SynthRandom& rng, const std::vector<double>& running) {
  const double x = rng.Uniform() * running.back();
  const auto it = std::upper_bound(running.begin(), running.end(), x);
  return static_cast<int>(std::min(
      it - running.begin(), static_cast<std::ptrdiff_t>(running.size()) - 1));
}

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

}  // namespace fairmatch::synth
