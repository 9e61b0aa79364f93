// Compatibility of attendees and employers: per pair a vector of components,
// a fit in [0,1] and a score (the fit plus what wishes add), computed over
// whole populations in blocks: an Eigen product for the values, sums of the
// rows of each attendee's few tags. Formulas and their reasons:
// docs/scoring.md.
//
//   Compatibility c = Compatibility::Build(fair);
//   ScoreMatrix block;             // rows: attendees, columns: employers
//   c.ScoreBlock(0, 512, &block);  // the scores of attendees 0..511
//   PairScore p = c.Pair(a, e);    // one pair, every component
//
// Build() precomputes per-person profiles (normalised value vectors; each
// attendee's offered and sought tags as lists, the employers' as T x E
// matrices over the T shared tags), O((A + E) * V + A * t + E * T) memory
// for t tags per attendee; ScoreBlock never materialises more than the
// requested rows, so callers can stream the attendee x employer matrix in
// blocks when it is too large to hold (and KeepScores holds it when it is
// small enough).
#ifndef FAIRMATCH_SCORE_COMPATIBILITY_H_
#define FAIRMATCH_SCORE_COMPATIBILITY_H_

#include <Eigen/Core>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/tags.h"  // NormalizeTag, used with scores
#include "engine/model/fair.h"
#include "engine/score/pair_rules.h"

namespace fairmatch {

// Score components, in the column order of `fairmatch scores`.
inline constexpr int kNumComponents = 4;
inline constexpr std::array<const char*, kNumComponents> kComponentNames = {
    "values", "benefit", "attendee_gives", "employer_gives"};

struct PairScore {
  float values = 0;   // value alignment in [0,1]
  float benefit = 0;  // mutual benefit in [0,1]
  float attendee_gives =
      0;  // how much of what the employer seeks the attendee offers
  float employer_gives =
      0;            // how much of what the attendee seeks the employer offers
  float fit = 0;    // weighted combination of values and benefit, in [0,1]
  float wish = 0;   // what wishes add (score/pair_rules.h WishBonus)
  float score = 0;  // fit + wish: what the planner maximises
};

// Row-major so that a block of attendee rows is contiguous.
using ScoreMatrix =
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

class Compatibility {
 public:
  // Precomputes the profile matrices of `fair`. `fair` must outlive the
  // returned object. Negative weights count as 0; if both weights are 0 the
  // components weigh 1:1.
  // REQUIRES: every profile has at most fair.num_values() ratings.
  static Compatibility Build(const Fair& fair);

  // Writes the combined scores of attendees [a_begin, a_end) against every
  // employer into `out`, resized to (a_end - a_begin) x num_employers.
  // REQUIRES: 0 <= a_begin <= a_end <= num_attendees.
  void ScoreBlock(int a_begin, int a_end, ScoreMatrix* out) const;
  // The same, with `scratch` (whatever it holds) for the component matrices,
  // so that a pass over many blocks allocates them once.
  void ScoreBlock(int a_begin, int a_end, ScoreMatrix* out,
                  std::array<ScoreMatrix, kNumComponents>* scratch) const;

  // Keeps the whole score matrix when it takes at most `max_bytes`, so that
  // every later ScoreBlock copies rows instead of computing them (the same
  // bits): the planner passes over all pairs several times (candidates,
  // pricing, the bound, metrics), each a full set of products otherwise.
  // Computed on up to `threads` threads; true when kept.
  // REQUIRES: not called while another thread uses this object.
  bool KeepScores(int threads, std::int64_t max_bytes);

  // Like ScoreBlock, one matrix per component in kComponentNames order.
  void ComponentBlock(int a_begin, int a_end,
                      std::array<ScoreMatrix, kNumComponents>* out) const;

  // All components of one pair; equal to the corresponding block entries.
  PairScore Pair(int a, int e) const;

  // True when the pair may meet (`score` is its Pair().score): no avoid
  // and no failed requirement on either side, and either a must_meet of
  // either side or a score of at least config.min_score.
  bool Eligible(int a, int e, float score) const;

  const Fair& fair() const { return *fair_; }
  const PairRules& rules() const { return rules_; }

 private:
  explicit Compatibility(const Fair& fair) : fair_(&fair) {}

  // The components of attendees [a_begin, a_end) against every employer.
  // Pair() evaluates the same formulas for one pair without a block; the
  // products are exact (see compatibility.cc), so both give the same bits.
  void ComputeComponents(int a_begin, int a_end,
                         std::array<ScoreMatrix, kNumComponents>* out) const;
  // The weighted score of each entry of `components`.
  void CombineComponents(
      const std::array<ScoreMatrix, kNumComponents>& components,
      ScoreMatrix* out) const;

  const Fair* fair_;
  PairRules rules_;
  // Implementation state (the profiles) is private to compatibility.cc.
  Eigen::MatrixXf attendee_values_;  // A x V, centred and normalised rows
  Eigen::MatrixXf employer_values_;  // E x V
  // Tags, over the shared vocabulary of T tags. An attendee x T incidence
  // is held as lists, since each attendee has a few of the T tags: row a's
  // tags are tag[begin[a] .. begin[a+1]), ascending, each weighing
  // weight[a] (1 for offers; sought tags are scaled, see scoring.md).
  struct TagLists {
    std::vector<int> begin = {0};
    std::vector<int> tag;
    std::vector<float> weight;
  };
  TagLists attendee_offers_;
  TagLists attendee_seeks_;
  // T x E, row-major (the transposed employer incidences, so that an
  // attendee's row of products sums whole rows): 0/1 for offers, scaled
  // per employer for seeks.
  ScoreMatrix employer_offers_;
  ScoreMatrix employer_seeks_;
  float weight_values_ = 0.5f;
  float weight_benefit_ = 0.5f;
  float weight_sum_ = 1.0f;  // weight_values_ + weight_benefit_, rounded once
  // KeepScores: attendees x employers, row-major; empty when not kept.
  std::vector<float> kept_;
};

// Scores enter the min-cost flow as integers; this is the only scaling.
// The value is std::llround(score * 1e6) (halves away from zero), computed
// without the library call, which the pricing passes make for every pair:
// the product is exact in a double, and so is its fractional part. Equal
// to llround on every finite float with |score| * 1e6 < 4e18 (all
// 2,832,312,652 of them were compared once; the tests compare a sample).
inline constexpr std::int64_t kScoreScale = 1000000;
inline std::int64_t ScaledScore(float score) {
  const double x = static_cast<double>(score) * kScoreScale;
  const double magnitude = x < 0 ? -x : x;
  std::int64_t r = static_cast<std::int64_t>(magnitude);
  r += magnitude - static_cast<double>(r) >= 0.5 ? 1 : 0;
  return x < 0 ? -r : r;
}

}  // namespace fairmatch

#endif  // FAIRMATCH_SCORE_COMPATIBILITY_H_
