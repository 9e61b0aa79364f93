#include "engine/plan/matching.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <memory>
#include <optional>
#include <utility>

#include "engine/plan/network_simplex.h"
#include "engine/plan/timetable.h"
#include "engine/score/score_blocks.h"

namespace fairmatch {
namespace {

// Column generation's lookahead (see MatchingSolver::Solve): 0.05 of a
// score unit. On the L bench fair it takes the pricing from 4 solves to 3.
constexpr std::int64_t kPricingMargin = kScoreScale / 20;

std::int64_t Units(double score_units) {
  return std::llround(score_units * static_cast<double>(kScoreScale));
}

// Nodes of the flow network.
constexpr int kSource = 0;
constexpr int kSink = 1;
int AttendeeNode(int a) { return 2 + a; }
int EmployerNode(int n, int e) { return 2 + n + e; }

// The bonus (as a cost) of attendee a's k-th meeting, k > pinned: worth
// more the fewer meetings the attendee has. Levels count the attendee's
// pinned meetings (a rerun) too: someone who already has two kept meetings
// is not "without a meeting".
std::int64_t LevelCost(const Fair& fair, const Availability& avail, double f,
                       int a, int k) {
  const int total = AttendeeCap(fair, avail, a) + avail.AttendeePinned(a);
  const int min_a = std::min(fair.config.meetings_min, total);
  const double bonus = k <= min_a ? f * kMinPriority * (min_a - k + 1)
                                  : f * kSpread * (total - k + 1) /
                                        static_cast<double>(total - min_a + 1);
  return -Units(bonus);
}

// How many of employer e's meetings earn the soft-minimum bonus.
std::int64_t SoftMinimum(const Fair& fair, const Availability& avail, int e) {
  return std::min<std::int64_t>(
      std::max(0, fair.config.employer_min_meetings - avail.EmployerPinned(e)),
      EmployerCapacity(fair, avail, e));
}

}  // namespace

int AttendeeCap(const Fair& fair, const Availability& avail, int a) {
  return std::max(0, std::min(fair.MaxMeetings(a) - avail.AttendeePinned(a),
                              avail.AttendeeSlots(a)));
}

std::int64_t EmployerCapacity(const Fair& fair, const Availability& avail,
                              int e) {
  // Table rests (employers.max_consecutive) cap what each table can give.
  const std::int64_t with_rests =
      static_cast<std::int64_t>(fair.employers[e].tables) *
      TableSlotsWithRests(fair, avail, e);
  if (avail.EmployerPinned(e) == 0) return with_rests * fair.GroupSize(e);
  std::int64_t tables = 0;
  for (int s = 0; s < fair.num_slots(); ++s) {
    if (avail.Employer(e, s)) tables += avail.FreeTables(e, s);
  }
  return std::min(tables, with_rests) * fair.GroupSize(e);
}

namespace {

// The parts of UpperBound's certificate (see matching.h): the duals u, v
// from an f = 0 matching's potentials, and the capacity term. The pair
// terms are summed per score block, and the blocks in order, so the value
// does not depend on the thread count, nor on which pass sums it.
struct BoundDuals {
  std::vector<std::int64_t> u, v;
  double capacity = 0;  // sum_a cap_a u_a + sum_e C_e v_e
  std::vector<double> block_sum;

  BoundDuals(const Compatibility& compat, const Availability& avail,
             const Matching& f0) {
    const Fair& fair = compat.fair();
    const int n = fair.num_attendees();
    const int m = fair.num_employers();
    u.resize(n);
    v.resize(m);
    for (int a = 0; a < n; ++a) {
      u[a] = std::max<std::int64_t>(
          0, f0.attendee_potential[a] - f0.source_potential);
      capacity += static_cast<double>(AttendeeCap(fair, avail, a)) * u[a];
    }
    for (int e = 0; e < m; ++e) {
      v[e] = std::max<std::int64_t>(
          0, f0.sink_potential - f0.employer_potential[e]);
      capacity += static_cast<double>(EmployerCapacity(fair, avail, e)) * v[e];
    }
    block_sum.assign(std::max(1, (n + kScoreBlockRows - 1) / kScoreBlockRows),
                     0.0);
  }
  // A pair's slack w - u_a - v_e, in integer units: its term when positive
  // and the pair may meet.
  std::int64_t Slack(int a, int e, std::int64_t units) const {
    return units - u[a] - v[e];
  }
  double Total() const {
    double bound = capacity;
    for (double x : block_sum) bound += x;
    return bound / static_cast<double>(kScoreScale);
  }
};

}  // namespace

MatchingSolver::MatchingSolver(const Compatibility& compat,
                               const Availability& avail,
                               const MatchingOptions& options)
    : compat_(compat), avail_(avail), options_(options) {}

MatchingSolver::~MatchingSolver() = default;

std::int64_t MatchingSolver::PairUnits(int a, int e, float score) const {
  std::int64_t units = ScaledScore(score);
  if (options_.sticky != nullptr && options_.change_penalty > 0 &&
      std::binary_search(options_.sticky->begin(), options_.sticky->end(),
                         PairCode(a, e, compat_.fair().num_employers()))) {
    units += Units(options_.change_penalty);
  }
  return units;
}

std::int64_t MatchingSolver::PairCost(int a, int i) const {
  const CandidateGraph& cg = out_.graph;
  return -PairUnits(a, cg.employer[i], cg.score[i]);
}

// The network over out_.graph from scratch: source -> attendees (their
// levels) -> employers (the pairs; a must_meet must carry flow) -> sink
// (capacity, soft minimum), and a source -> sink arc for unused capacity.
// Pairs in `excluded` are closed. The arc order decides the pivots, so
// ties between optima, and how many pivots a solve takes: the pairs come
// first and the source's arcs last. With fairness levels first, a cold
// solve at 100,000 x 1,500 took 3.1 times the pivots: 4.0 against 1.3 million.
void MatchingSolver::Build(const PairCodes& excluded) {
  const Fair& fair = compat_.fair();
  const int n = fair.num_attendees();
  const int m = fair.num_employers();
  const CandidateGraph& cg = out_.graph;
  net_ = std::make_unique<NetworkSimplex>(2 + n + m);
  net_->ReserveArcs(cg.num_pairs() + 4 * n + 2 * m + 1);
  pair_arc_.resize(cg.num_pairs());
  closed_.assign(cg.num_pairs(), 0);
  for (int a = 0; a < n; ++a) {
    for (int i = cg.offset[a]; i < cg.offset[a + 1]; ++i) {
      pair_arc_[i] =
          net_->AddArc(AttendeeNode(a), EmployerNode(n, cg.employer[i]),
                       cg.must[i] ? 1 : 0, 1, PairCost(a, i));
    }
  }
  CloseExcluded(excluded);
  // Employer -> sink: with fairness, the first employer_min_meetings (less
  // its pinned ones) earn a bonus; the rest of its capacity none.
  const double f = options_.fairness;
  const bool levels = f > 0;
  for (int e = 0; e < m; ++e) {
    const std::int64_t cap = EmployerCapacity(fair, avail_, e);
    const std::int64_t soft = levels ? SoftMinimum(fair, avail_, e) : 0;
    if (soft > 0) {
      net_->AddArc(EmployerNode(n, e), kSink, 0, soft,
                   -Units(f * kEmployerPriority));
    }
    if (cap - soft > 0) {
      net_->AddArc(EmployerNode(n, e), kSink, 0, cap - soft, 0);
    }
  }
  // Source -> attendee: without fairness one arc of the attendee's cap;
  // with it one unit arc per level, each with its bonus.
  std::int64_t total_cap = 0;
  for (int a = 0; a < n; ++a) {
    const int cap = AttendeeCap(fair, avail_, a);
    total_cap += cap;
    if (cap == 0) continue;
    if (!levels) {
      net_->AddArc(kSource, AttendeeNode(a), 0, cap, 0);
      continue;
    }
    const int pinned = avail_.AttendeePinned(a);
    for (int k = pinned + 1; k <= pinned + cap; ++k) {
      net_->AddArc(kSource, AttendeeNode(a), 0, 1,
                   LevelCost(fair, avail_, f, a, k));
    }
  }
  net_->AddArc(kSource, kSink, 0, total_cap, 0);
  net_->SetSupply(kSource, total_cap);
  net_->SetSupply(kSink, -total_cap);
}

void MatchingSolver::CloseExcluded(const PairCodes& excluded) {
  if (excluded.empty()) return;
  const int m = compat_.fair().num_employers();
  const CandidateGraph& cg = out_.graph;
  for (int a = 0; a < cg.num_attendees(); ++a) {
    for (int i = cg.offset[a]; i < cg.offset[a + 1]; ++i) {
      if (!closed_[i] && std::binary_search(excluded.begin(), excluded.end(),
                                            PairCode(a, cg.employer[i], m))) {
        closed_[i] = 1;
        net_->Close(pair_arc_[i]);
      }
    }
  }
}

// Adds extra[a] to attendee a's candidates and their arcs to the network
// (at flow 0, so the basis stays optimal-ready). False when a new pair is
// a must_meet, whose lower bound a warm start cannot take.
bool MatchingSolver::Extend(const std::vector<std::vector<int>>& extra) {
  const int n = compat_.fair().num_attendees();
  CandidateGraph next = ExtendCandidates(compat_, out_.graph, extra);
  const CandidateGraph& old = out_.graph;
  std::vector<int> arc(next.num_pairs(), -1);
  std::vector<char> closed(next.num_pairs(), 0);
  for (int a = 0; a < n; ++a) {
    int j = old.offset[a];
    for (int i = next.offset[a]; i < next.offset[a + 1]; ++i) {
      if (j < old.offset[a + 1] && old.employer[j] == next.employer[i]) {
        arc[i] = pair_arc_[j];
        closed[i] = closed_[j];
        ++j;
      }
    }
  }
  bool warm = true;
  out_.graph = std::move(next);
  pair_arc_ = std::move(arc);
  closed_ = std::move(closed);
  const CandidateGraph& cg = out_.graph;
  for (int a = 0; a < n && warm; ++a) {
    for (int i = cg.offset[a]; i < cg.offset[a + 1]; ++i) {
      if (pair_arc_[i] >= 0) continue;
      if (cg.must[i]) {
        warm = false;
        break;
      }
      pair_arc_[i] =
          net_->AddArc(AttendeeNode(a), EmployerNode(n, cg.employer[i]), 0, 1,
                       PairCost(a, i));
    }
  }
  return warm;
}

// Solves the network; fills matched and the potentials. False when the
// flow is infeasible.
bool MatchingSolver::SolveFlow(const PairCodes& excluded) {
  NetworkSimplex::Result result = net_->Solve();
  if (result == NetworkSimplex::Result::kOverflow) {
    // Closed arcs pushed the potentials too far: start again without them.
    Build(excluded);
    result = net_->Solve();
  }
  if (result != NetworkSimplex::Result::kOptimal) return false;
  const int n = compat_.fair().num_attendees();
  const int m = compat_.fair().num_employers();
  const CandidateGraph& cg = out_.graph;
  out_.matched.assign(cg.num_pairs(), 0);
  for (int i = 0; i < cg.num_pairs(); ++i) {
    out_.matched[i] = net_->Flow(pair_arc_[i]) > 0;
  }
  out_.objective = -static_cast<double>(net_->TotalCost()) /
                   static_cast<double>(kScoreScale);
  out_.source_potential = net_->Potential(kSource);
  out_.sink_potential = net_->Potential(kSink);
  out_.attendee_potential.resize(n);
  out_.employer_potential.resize(m);
  for (int a = 0; a < n; ++a) {
    out_.attendee_potential[a] = net_->Potential(AttendeeNode(a));
  }
  for (int e = 0; e < m; ++e) {
    out_.employer_potential[e] = net_->Potential(EmployerNode(n, e));
  }
  return true;
}

const Matching& MatchingSolver::Solve(const PairCodes& excluded, bool price) {
  if (net_ == nullptr) {
    out_.graph =
        options_.candidates != nullptr
            ? *options_.candidates
            : BuildCandidates(
                  compat_, avail_, excluded, options_.k, options_.threads,
                  options_.sticky != nullptr ? *options_.sticky : PairCodes{});
    Build(excluded);
  } else {
    CloseExcluded(excluded);
  }
  out_.priced_in = 0;
  out_.pricing_rounds = 1;
  out_.proven = false;
  if (!SolveFlow(excluded)) {
    out_.status = MatchStatus::kInfeasible;
    return out_;
  }
  out_.status = MatchStatus::kOptimal;
  if (price) PriceUntilOptimal(excluded);
  return out_;
}

bool MatchingSolver::Prove(const PairCodes& excluded) {
  const int before = out_.priced_in;
  PriceUntilOptimal(excluded);
  return out_.priced_in == before;
}

// Column generation from the current optimum of the candidates: price every
// plannable pair outside them, add those that could improve the plan, solve
// again (warm), until no pair could.
void MatchingSolver::PriceUntilOptimal(const PairCodes& excluded) {
  const Fair& fair = compat_.fair();
  const int n = fair.num_attendees();
  while (out_.status == MatchStatus::kOptimal && !out_.proven &&
         out_.pricing_rounds < options_.max_pricing_rounds) {
    // Pairs that could improve the plan (rc < 0) must come in; those just
    // short of it (rc < kPricingMargin) come in with them, because the next
    // solve's potentials usually turn some of them negative. The optimum is
    // proven when no pair is negative.
    std::vector<std::vector<int>> extra(n);
    std::vector<char> improving(n, 0);  // per attendee: a pair with rc < 0
    const CandidateGraph& cg = out_.graph;
    const Matching& out = out_;
    // The certificate's pair terms, in the same pass: every pair, in the
    // graph or not, whose slack is positive and that is plannable (as in
    // UpperBound; nothing is excluded).
    std::optional<BoundDuals> bound;
    if (options_.certify && excluded.empty())
      bound.emplace(compat_, avail_, out);
    ForEachScoreBlock(
        compat_, options_.threads,
        [&](int begin, int end, const ScoreMatrix& s) {
          std::vector<char> in_graph(fair.num_employers(), 0);
          double sum = 0;
          for (int a = begin; a < end; ++a) {
            for (int i = cg.offset[a]; i < cg.offset[a + 1]; ++i) {
              in_graph[cg.employer[i]] = 1;
            }
            const std::int64_t pa = out.attendee_potential[a];
            for (int e = 0; e < fair.num_employers(); ++e) {
              const float w = s(a - begin, e);
              const std::int64_t units = ScaledScore(w);
              const std::int64_t rc = -units + pa - out.employer_potential[e];
              const bool price = !in_graph[e] && rc < kPricingMargin;
              const std::int64_t slack = bound ? bound->Slack(a, e, units) : 0;
              if (!price && slack <= 0) continue;
              if (!Plannable(compat_, avail_, excluded, a, e, w)) continue;
              if (price) {
                extra[a].push_back(e);
                if (rc < 0) improving[a] = 1;
              }
              if (slack > 0) sum += static_cast<double>(slack);
            }
            for (int i = cg.offset[a]; i < cg.offset[a + 1]; ++i) {
              in_graph[cg.employer[i]] = 0;
            }
          }
          if (bound) bound->block_sum[begin / kScoreBlockRows] = sum;
        });
    if (std::find(improving.begin(), improving.end(), 1) == improving.end()) {
      out_.proven = true;
      // The potentials that priced nothing in are the final ones.
      if (bound) out_.upper_bound = bound->Total();
      return;
    }
    for (const auto& row : extra) {
      out_.priced_in += static_cast<int>(row.size());
    }
    if (!Extend(extra)) Build(excluded);
    ++out_.pricing_rounds;
    if (!SolveFlow(excluded)) out_.status = MatchStatus::kInfeasible;
  }
}

double MatchingSolver::ObjectiveOf(
    const std::vector<std::pair<int, int>>& pairs) const {
  const Fair& fair = compat_.fair();
  const double f = options_.fairness;
  std::vector<int> attendee_meetings(fair.num_attendees(), 0);
  std::vector<std::int64_t> employer_meetings(fair.num_employers(), 0);
  // Integer units, as the flow's costs: the sum is exact.
  std::int64_t units = 0;
  for (const auto& [a, e] : pairs) {
    units += PairUnits(a, e, compat_.Pair(a, e).score);
    ++attendee_meetings[a];
    ++employer_meetings[e];
  }
  if (f > 0) {
    for (int a = 0; a < fair.num_attendees(); ++a) {
      const int pinned = avail_.AttendeePinned(a);
      for (int k = pinned + 1; k <= pinned + attendee_meetings[a]; ++k) {
        units -= LevelCost(fair, avail_, f, a, k);
      }
    }
    for (int e = 0; e < fair.num_employers(); ++e) {
      units += std::min(employer_meetings[e], SoftMinimum(fair, avail_, e)) *
               Units(f * kEmployerPriority);
    }
  }
  return static_cast<double>(units) / static_cast<double>(kScoreScale);
}

Matching SolveMatching(const Compatibility& compat, const Availability& avail,
                       const PairCodes& excluded,
                       const MatchingOptions& options) {
  MatchingSolver solver(compat, avail, options);
  return solver.Solve(excluded);
}

double UpperBound(const Compatibility& compat, const Availability& avail,
                  const Matching& f0, int threads) {
  BoundDuals bound(compat, avail, f0);
  const int m = compat.fair().num_employers();
  ForEachScoreBlock(
      compat, threads, [&](int begin, int end, const ScoreMatrix& s) {
        double sum = 0;
        for (int a = begin; a < end; ++a) {
          for (int e = 0; e < m; ++e) {
            const float w = s(a - begin, e);
            const std::int64_t slack = bound.Slack(a, e, ScaledScore(w));
            if (slack <= 0 || !Plannable(compat, avail, {}, a, e, w)) continue;
            sum += static_cast<double>(slack);
          }
        }
        bound.block_sum[begin / kScoreBlockRows] = sum;
      });
  return bound.Total();
}

}  // namespace fairmatch
