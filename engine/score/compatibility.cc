#include "engine/score/compatibility.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "engine/score/score_blocks.h"

namespace fairmatch {
namespace {

// Normalised value vectors are rounded to multiples of 1/kValueGrid. Then
// every product of two entries is a multiple of 2^-22 no larger than 1 in
// magnitude, and every partial sum of a dot product is one below 4 (by
// Cauchy-Schwarz, the rounded vectors have norm < 1 + sqrt(V) * 2^-12), so
// all of them are exact in float. A dot product then has one result whatever
// order Eigen sums it in (GEMM, GEMV or coefficient-wise kernels, SIMD or
// scalar, FMA or not), which is what makes a pair's score independent of the
// block it is computed in. The rounding moves a component by at most 2^-12.
constexpr float kValueGrid = 2048.0f;  // 2^11

// A person's ratings, centred on their own mean and scaled to unit length,
// into row `row` of `out` (already zero). Someone who rates every value the
// same expresses no preference and keeps a zero row.
void SetValueRow(const std::vector<float>& ratings, int row,
                 Eigen::MatrixXf* out) {
  const int num_values = static_cast<int>(out->cols());
  assert(static_cast<int>(ratings.size()) <= num_values);
  if (num_values == 0) return;
  // Missing ratings are 0, as in the model.
  std::vector<double> r(num_values, 0.0);
  for (int k = 0; k < static_cast<int>(ratings.size()) && k < num_values; ++k) {
    r[k] = ratings[k];
  }
  const auto [lo, hi] = std::minmax_element(r.begin(), r.end());
  if (*lo == *hi) return;
  double mean = 0;
  for (double x : r) mean += x;
  mean /= num_values;
  double norm2 = 0;
  for (double& x : r) {
    x -= mean;
    norm2 += x * x;
  }
  const double norm = std::sqrt(norm2);
  if (!(norm > 0)) return;
  for (int k = 0; k < num_values; ++k) {
    (*out)(row, k) =
        static_cast<float>(std::nearbyint(r[k] / norm * kValueGrid)) /
        kValueGrid;
  }
}

// Ids of tags' normal forms (NormalizeTag), each raw spelling normalised
// once: a fair's tags repeat, and normalising is most of the cost of a list.
class TagIds {
 public:
  // The distinct ids of the normal forms of `tags`, ascending; empty forms
  // are left out.
  void Of(const std::vector<std::string>& tags, std::vector<int>* ids) {
    ids->clear();
    for (const std::string& tag : tags) {
      auto [it, inserted] = raw_.try_emplace(tag, -1);
      if (inserted) {
        std::string norm = NormalizeTag(tag);
        if (!norm.empty()) {
          auto [n, fresh] =
              norm_.try_emplace(norm, static_cast<int>(text_.size()));
          if (fresh) text_.push_back(std::move(norm));
          it->second = n->second;
        }
      }
      if (it->second >= 0) ids->push_back(it->second);
    }
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  int size() const { return static_cast<int>(text_.size()); }
  const std::string& text(int id) const { return text_[id]; }

 private:
  absl::flat_hash_map<std::string, int> raw_;   // spelling -> id, or -1
  absl::flat_hash_map<std::string, int> norm_;  // normal form -> id
  std::vector<std::string> text_;               // id -> normal form
};

// The weight of each of a person's sought tags, 1 / min(|seeks|, 3):
// meeting three of someone's needs is a full match, so people with long
// wish lists are not hard to satisfy. The products with a 0/1 offers
// incidence are then k * (1/min(n,3)) for k shared tags, exact for k <= 2
// and for k = 3 (2x is exact, so 2x + x has one rounding whatever the
// order), and above 1 for k >= 4 whatever the order; after the cap at 1 the
// result does not depend on summation order.
float SeekWeight(int distinct) {
  return distinct == 0 ? 1.0f
                       : 1.0f / static_cast<float>(std::min(distinct, 3));
}

// The element-wise steps, shared by blocks and Pair() so that both round
// alike. Scalar on purpose: with EIGEN_FAST_MATH (Eigen's default) the SIMD
// float square root is an rsqrt approximation, so cwiseSqrt() would give
// vectorised and leftover scalar entries of one block different last bits.
float GeometricMean(float x, float y) { return std::sqrt(x * y); }

// Eigen's row and middleRows blocks offset the matrix's data pointer, which
// is null when the matrix has no columns (a fair without values, or without
// tags): undefined behaviour, reported by UBSan, even though such a block has
// no entries. These two products therefore treat the empty case themselves;
// an empty sum is 0.

// Rows [begin, begin + n) of x times the transpose of y, into out.
void RowsTimesTransposed(const Eigen::MatrixXf& x, int begin, int n,
                         const Eigen::MatrixXf& y, ScoreMatrix* out) {
  if (x.cols() == 0) {
    out->setZero(n, y.rows());
    return;
  }
  out->noalias() = x.middleRows(begin, n) * y.transpose();
}

// Row i of x dotted with row j of y.
float RowDot(const Eigen::MatrixXf& x, int i, const Eigen::MatrixXf& y, int j) {
  if (x.cols() == 0) return 0.0f;
  return x.row(i).dot(y.row(j));
}

// The tag products. A block's row is the weighted sum of the rows of
// `by_tag` (T x E) of the attendee's tags: a few rows where a dense product
// would take all T (the sums are exact, see SeekWeight, so both give the
// same bits). Rows [begin, begin + n) into out.
template <typename Lists>
void TagRowsTimes(const Lists& lists, int begin, int n,
                  const ScoreMatrix& by_tag, ScoreMatrix* out) {
  out->setZero(n, by_tag.cols());
  for (int i = 0; i < n; ++i) {
    const int a = begin + i;
    const float w = lists.weight[a];
    for (int k = lists.begin[a]; k < lists.begin[a + 1]; ++k) {
      out->row(i) += w * by_tag.row(lists.tag[k]);
    }
  }
}

// Attendee a's tags against employer e: the same sum for one pair.
template <typename Lists>
float TagDot(const Lists& lists, int a, const ScoreMatrix& by_tag, int e) {
  float sum = 0.0f;
  const float w = lists.weight[a];
  for (int k = lists.begin[a]; k < lists.begin[a + 1]; ++k) {
    sum += w * by_tag(lists.tag[k], e);
  }
  return sum;
}

// Rounding is monotone, so wv*v + wb*b <= wv + wb when v, b <= 1, and the
// quotient never exceeds 1: a perfect pair scores exactly 1.
float WeightedScore(float wv, float wb, float sum, float v, float b) {
  return (wv * v + wb * b) / sum;
}

}  // namespace

Compatibility Compatibility::Build(const Fair& fair) {
  Compatibility c(fair);
  const int num_a = fair.num_attendees();
  const int num_e = fair.num_employers();
  const int num_v = fair.num_values();

  // Values: centred, unit-length, rounded rows (see kValueGrid).
  c.attendee_values_ = Eigen::MatrixXf::Zero(num_a, num_v);
  c.employer_values_ = Eigen::MatrixXf::Zero(num_e, num_v);
  for (int a = 0; a < num_a; ++a) {
    SetValueRow(fair.attendees[a].values, a, &c.attendee_values_);
  }
  for (int e = 0; e < num_e; ++e) {
    SetValueRow(fair.employers[e].values, e, &c.employer_values_);
  }

  // One sorted tag vocabulary, so that column t means the same tag for
  // attendees and employers: only the tags that can make a pair share
  // something, offered by one side and sought by the other. Free-text tags
  // that one person wrote add no column, so the cost follows the shared
  // vocabulary, not the number of distinct tags (a form's free-text
  // answers); the products are exact sums either way (SeekWeight), so
  // the scores do not depend on the columns left out.
  TagIds ids;
  std::vector<int> list;
  // Per id: offered (bit 0) or sought (bit 1) by attendees, offered (bit 2)
  // or sought (bit 3) by employers.
  std::vector<unsigned char> sides;
  auto mark = [&](const std::vector<std::string>& tags, unsigned char bit) {
    ids.Of(tags, &list);
    sides.resize(ids.size(), 0);
    for (int id : list) sides[id] |= bit;
  };
  for (const Attendee& p : fair.attendees) {
    mark(p.offers, 1);
    mark(p.seeks, 2);
  }
  for (const Employer& p : fair.employers) {
    mark(p.offers, 4);
    mark(p.seeks, 8);
  }
  std::vector<int> vocab;  // ids, by normal form
  for (int id = 0; id < ids.size(); ++id) {
    if ((sides[id] & 9) == 9 || (sides[id] & 6) == 6) vocab.push_back(id);
  }
  std::sort(vocab.begin(), vocab.end(),
            [&](int x, int y) { return ids.text(x) < ids.text(y); });
  const int num_t = static_cast<int>(vocab.size());
  std::vector<int> column(ids.size(), -1);
  for (int t = 0; t < num_t; ++t) column[vocab[t]] = t;
  // The columns of a list's tags, ascending, and how many distinct tags it
  // has, in the vocabulary or not: a seek that nobody offers still counts
  // towards min(|seeks|, 3).
  std::vector<int> columns;
  auto columns_of = [&](const std::vector<std::string>& tags) {
    ids.Of(tags, &list);
    columns.clear();
    for (int id : list) {
      if (column[id] >= 0) columns.push_back(column[id]);
    }
    std::sort(columns.begin(), columns.end());
    return static_cast<int>(list.size());
  };

  auto add_lists = [&](const std::vector<std::string>& tags, bool seeks,
                       TagLists* lists) {
    const int distinct = columns_of(tags);
    lists->tag.insert(lists->tag.end(), columns.begin(), columns.end());
    lists->begin.push_back(static_cast<int>(lists->tag.size()));
    lists->weight.push_back(seeks ? SeekWeight(distinct) : 1.0f);
  };
  for (int a = 0; a < num_a; ++a) {
    add_lists(fair.attendees[a].offers, false, &c.attendee_offers_);
    add_lists(fair.attendees[a].seeks, true, &c.attendee_seeks_);
  }
  c.employer_offers_ = ScoreMatrix::Zero(num_t, num_e);
  c.employer_seeks_ = ScoreMatrix::Zero(num_t, num_e);
  for (int e = 0; e < num_e; ++e) {
    columns_of(fair.employers[e].offers);
    for (int t : columns) c.employer_offers_(t, e) = 1.0f;
    const float w = SeekWeight(columns_of(fair.employers[e].seeks));
    for (int t : columns) c.employer_seeks_(t, e) = w;
  }

  float wv = static_cast<float>(std::max(0.0, fair.config.weight_values));
  float wb = static_cast<float>(std::max(0.0, fair.config.weight_benefit));
  if (!(wv + wb > 0.0f)) wv = wb = 0.5f;
  c.weight_values_ = wv;
  c.weight_benefit_ = wb;
  c.weight_sum_ = wv + wb;
  c.rules_ = PairRules::Build(fair);
  return c;
}

void Compatibility::ComputeComponents(
    int a_begin, int a_end,
    std::array<ScoreMatrix, kNumComponents>* out) const {
  assert(0 <= a_begin && a_begin <= a_end && a_end <= attendee_values_.rows());
  const int n = a_end - a_begin;
  ScoreMatrix& values = (*out)[0];
  ScoreMatrix& benefit = (*out)[1];
  ScoreMatrix& attendee_gives = (*out)[2];
  ScoreMatrix& employer_gives = (*out)[3];

  // The positive part of the Pearson correlation of the two rating vectors;
  // exact products (see kValueGrid), clamped to [0,1].
  RowsTimesTransposed(attendee_values_, a_begin, n, employer_values_, &values);
  values = values.cwiseMax(0.0f).cwiseMin(1.0f);

  // Shared tags over min(|seeks|, 3), capped at 1.
  TagRowsTimes(attendee_offers_, a_begin, n, employer_seeks_, &attendee_gives);
  attendee_gives = attendee_gives.cwiseMin(1.0f);
  TagRowsTimes(attendee_seeks_, a_begin, n, employer_offers_, &employer_gives);
  employer_gives = employer_gives.cwiseMin(1.0f);

  // Geometric mean: a one-sided fit is worth nothing.
  benefit = attendee_gives.binaryExpr(
      employer_gives, [](float x, float y) { return GeometricMean(x, y); });
}

void Compatibility::CombineComponents(
    const std::array<ScoreMatrix, kNumComponents>& components,
    ScoreMatrix* out) const {
  const float wv = weight_values_;
  const float wb = weight_benefit_;
  const float sum = weight_sum_;
  *out =
      components[0].binaryExpr(components[1], [wv, wb, sum](float v, float b) {
        return WeightedScore(wv, wb, sum, v, b);
      });
}

void Compatibility::ScoreBlock(int a_begin, int a_end, ScoreMatrix* out) const {
  std::array<ScoreMatrix, kNumComponents> scratch;
  ScoreBlock(a_begin, a_end, out, &scratch);
}

void Compatibility::ScoreBlock(
    int a_begin, int a_end, ScoreMatrix* out,
    std::array<ScoreMatrix, kNumComponents>* scratch) const {
  if (!kept_.empty()) {
    const std::ptrdiff_t m = employer_values_.rows();
    out->resize(a_end - a_begin, m);
    std::copy(kept_.begin() + a_begin * m, kept_.begin() + a_end * m,
              out->data());
    return;
  }
  ComputeComponents(a_begin, a_end, scratch);
  CombineComponents(*scratch, out);
  // Wishes: a few pairs per attendee at most.
  for (int a = a_begin; a < a_end; ++a) {
    for (const PairRules::Special& s : rules_.Specials(a)) {
      if (s.bonus != 0.0f) (*out)(a - a_begin, s.employer) += s.bonus;
    }
  }
}

bool Compatibility::KeepScores(int threads, std::int64_t max_bytes) {
  const std::int64_t n = attendee_values_.rows();
  const std::int64_t m = employer_values_.rows();
  if (!kept_.empty()) return true;
  if (n * m == 0 ||
      n * m > max_bytes / static_cast<std::int64_t>(sizeof(float))) {
    return false;
  }
  std::vector<float> all(n * m);
  ForEachScoreBlock(*this, threads,
                    [&](int begin, int, const ScoreMatrix& scores) {
                      std::copy(scores.data(), scores.data() + scores.size(),
                                all.begin() + begin * m);
                    });
  kept_ = std::move(all);
  return true;
}

void Compatibility::ComponentBlock(
    int a_begin, int a_end,
    std::array<ScoreMatrix, kNumComponents>* out) const {
  ComputeComponents(a_begin, a_end, out);
}

PairScore Compatibility::Pair(int a, int e) const {
  assert(0 <= a && a < attendee_values_.rows());
  assert(0 <= e && e < employer_values_.rows());
  // The same steps as ComputeComponents on one pair. The dot products sum in
  // another order than the block products, which is harmless only because
  // those sums are exact (kValueGrid, SeekWeight).
  PairScore p;
  const float v = RowDot(attendee_values_, a, employer_values_, e);
  p.values = std::min(std::max(v, 0.0f), 1.0f);
  p.attendee_gives =
      std::min(TagDot(attendee_offers_, a, employer_seeks_, e), 1.0f);
  p.employer_gives =
      std::min(TagDot(attendee_seeks_, a, employer_offers_, e), 1.0f);
  p.benefit = GeometricMean(p.attendee_gives, p.employer_gives);
  p.fit = WeightedScore(weight_values_, weight_benefit_, weight_sum_, p.values,
                        p.benefit);
  p.wish = rules_.WishBonus(a, e);
  // The same float addition as ScoreBlock's, so both give the same bits.
  p.score = p.fit;
  if (p.wish != 0.0f) p.score += p.wish;
  return p;
}

bool Compatibility::Eligible(int a, int e, float score) const {
  // One lookup: this runs for every pair when candidates are streamed.
  // The score first: most pairs below min_score fail without a look at
  // the requirements (a must_meet is eligible whatever its score).
  const PairRules::Special* s = rules_.Find(a, e);
  const bool must = s != nullptr && s->must;
  if (!must && !(score >= fair_->config.min_score)) return false;
  return !(s != nullptr && s->avoid) && !rules_.FailsRequirement(a, e);
}

}  // namespace fairmatch
