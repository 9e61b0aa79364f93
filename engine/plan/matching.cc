#include "engine/plan/matching.h"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <cmath>

#include "engine/plan/timetable.h"
#include "engine/score/score_blocks.h"

namespace fairmatch {
namespace {

using Graph = lemon::SmartDigraph;
using Simplex = lemon::NetworkSimplex<Graph, std::int64_t, std::int64_t>;

// Column generation's lookahead (see SolveMatching): 0.05 of a score unit.
// On the L bench fair it takes the pricing from 4 solves to 3.
constexpr std::int64_t kPricingMargin = kScoreScale / 20;

std::int64_t Units(double score_units) {
  return std::llround(score_units * static_cast<double>(kScoreScale));
}

// The flow network of one solve: source -> attendees (their levels) ->
// employers (the candidate pairs) -> sink (capacity, soft minimum), and a
// source -> sink arc for unused capacity. Arcs are added in this order:
// the simplex's pivots, so ties between optima, depend on it.
struct FlowNetwork {
  FlowNetwork(int n, int m, int num_pairs)
      : lower(g, 0), upper(g, 0), cost(g, 0) {
    g.reserveNode(n + m + 2);
    g.reserveArc(num_pairs + n * 4 + 2 * m + 1);
    source = g.addNode();
    sink = g.addNode();
    att.resize(n);
    emp.resize(m);
    for (int a = 0; a < n; ++a) att[a] = g.addNode();
    for (int e = 0; e < m; ++e) emp[e] = g.addNode();
  }
  Graph::Arc AddArc(Graph::Node u, Graph::Node v, std::int64_t lo,
                    std::int64_t up, std::int64_t c) {
    Graph::Arc arc = g.addArc(u, v);
    lower[arc] = lo;
    upper[arc] = up;
    cost[arc] = c;
    return arc;
  }

  Graph g;
  Graph::ArcMap<std::int64_t> lower, upper, cost;
  Graph::Node source, sink;
  std::vector<Graph::Node> att, emp;
};

// Source -> attendee: without fairness one arc of the attendee's cap; with
// it one arc per level k, worth more the fewer meetings the attendee has.
// Returns the total of the caps.
std::int64_t AddAttendeeArcs(const Fair& fair, const Availability& avail,
                             double f, FlowNetwork* net) {
  std::int64_t total_cap = 0;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    const int cap = AttendeeCap(fair, avail, a);
    total_cap += cap;
    if (cap == 0) continue;
    if (f <= 0) {
      net->AddArc(net->source, net->att[a], 0, cap, 0);
      continue;
    }
    // Levels count the attendee's pinned meetings (a rerun) too: someone
    // who already has two kept meetings is not "without a meeting".
    const int pinned = avail.AttendeePinned(a);
    const int total = cap + pinned;
    const int min_a = std::min(fair.config.meetings_min, total);
    for (int k = pinned + 1; k <= total; ++k) {
      double bonus = k <= min_a ? f * kMinPriority * (min_a - k + 1)
                                : f * kSpread * (total - k + 1) /
                                      static_cast<double>(total - min_a + 1);
      net->AddArc(net->source, net->att[a], 0, 1, -Units(bonus));
    }
  }
  return total_cap;
}

// Attendee -> employer, one arc per candidate pair (a must_meet must carry
// flow). A rerun's baseline pairs carry the change penalty as a bonus:
// they are replaced only by something better by more than that.
std::vector<Graph::Arc> AddPairArcs(const CandidateGraph& cg, int m,
                                    const MatchingOptions& options,
                                    FlowNetwork* net) {
  const std::int64_t keep_bonus =
      options.sticky != nullptr ? Units(options.change_penalty) : 0;
  std::vector<Graph::Arc> pair_arc(cg.num_pairs());
  for (int a = 0; a < cg.num_attendees(); ++a) {
    for (int i = cg.offset[a]; i < cg.offset[a + 1]; ++i) {
      std::int64_t c = -ScaledScore(cg.score[i]);
      if (keep_bonus > 0 &&
          std::binary_search(options.sticky->begin(), options.sticky->end(),
                             PairCode(a, cg.employer[i], m))) {
        c -= keep_bonus;
      }
      pair_arc[i] = net->AddArc(net->att[a], net->emp[cg.employer[i]],
                                cg.must[i] ? 1 : 0, 1, c);
    }
  }
  return pair_arc;
}

// Employer -> sink: with fairness, the first employer_min_meetings (less
// its pinned ones) earn a bonus; the rest of its capacity none.
void AddEmployerArcs(const Fair& fair, const Availability& avail, double f,
                     FlowNetwork* net) {
  for (int e = 0; e < fair.num_employers(); ++e) {
    const std::int64_t cap = EmployerCapacity(fair, avail, e);
    const std::int64_t soft =
        f > 0 ? std::min<std::int64_t>(
                    std::max(0, fair.config.employer_min_meetings -
                                    avail.EmployerPinned(e)),
                    cap)
              : 0;
    if (soft > 0) {
      net->AddArc(net->emp[e], net->sink, 0, soft,
                  -Units(f * kEmployerPriority));
    }
    if (cap - soft > 0) net->AddArc(net->emp[e], net->sink, 0, cap - soft, 0);
  }
}

// One solve of the flow on `graph`; fills matched and potentials.
void SolveFlow(const Fair& fair, const Availability& avail,
               const MatchingOptions& options, Matching& out) {
  const CandidateGraph& cg = out.graph;
  const int n = fair.num_attendees();
  const int m = fair.num_employers();
  FlowNetwork net(n, m, cg.num_pairs());
  const std::int64_t total_cap =
      AddAttendeeArcs(fair, avail, options.fairness, &net);
  const std::vector<Graph::Arc> pair_arc = AddPairArcs(cg, m, options, &net);
  AddEmployerArcs(fair, avail, options.fairness, &net);
  net.AddArc(net.source, net.sink, 0, total_cap, 0);

  Simplex simplex(net.g);
  simplex.lowerMap(net.lower).upperMap(net.upper).costMap(net.cost).stSupply(
      net.source, net.sink, total_cap);
  if (simplex.run() != Simplex::OPTIMAL) {
    out.status = MatchStatus::kInfeasible;
    return;
  }
  out.status = MatchStatus::kOptimal;
  out.matched.assign(cg.num_pairs(), 0);
  for (int i = 0; i < cg.num_pairs(); ++i) {
    out.matched[i] = simplex.flow(pair_arc[i]) > 0;
  }
  out.source_potential = simplex.potential(net.source);
  out.sink_potential = simplex.potential(net.sink);
  out.attendee_potential.resize(n);
  out.employer_potential.resize(m);
  for (int a = 0; a < n; ++a)
    out.attendee_potential[a] = simplex.potential(net.att[a]);
  for (int e = 0; e < m; ++e)
    out.employer_potential[e] = simplex.potential(net.emp[e]);
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

Matching SolveMatching(const Compatibility& compat, const Availability& avail,
                       const PairCodes& excluded,
                       const MatchingOptions& options) {
  const Fair& fair = compat.fair();
  const int n = fair.num_attendees();
  Matching out;
  if (options.warm_start != nullptr) {
    out.graph =
        WithoutPairs(*options.warm_start, excluded, fair.num_employers());
  } else {
    out.graph = BuildCandidates(
        compat, avail, excluded, options.k, options.threads,
        options.sticky != nullptr ? *options.sticky : PairCodes{});
  }
  for (int round = 1;; ++round) {
    out.pricing_rounds = round;
    SolveFlow(fair, avail, options, out);
    if (out.status != MatchStatus::kOptimal) return out;
    if (round >= options.max_pricing_rounds) return out;

    // Price every plannable pair outside the candidates. Pairs that could
    // improve the plan (rc < 0) must come in; those just short of it
    // (rc < kPricingMargin) come in with them, because the next solve's
    // potentials usually turn some of them negative, and each round is a
    // solve from scratch. The optimum is proven when no pair is negative.
    std::vector<std::vector<int>> extra(n);
    std::vector<char> improving(n, 0);  // per attendee: a pair with rc < 0
    const CandidateGraph& cg = out.graph;
    ForEachScoreBlock(
        compat, options.threads, [&](int begin, int end, const ScoreMatrix& s) {
          std::vector<char> in_graph(fair.num_employers(), 0);
          for (int a = begin; a < end; ++a) {
            for (int i = cg.offset[a]; i < cg.offset[a + 1]; ++i) {
              in_graph[cg.employer[i]] = 1;
            }
            const std::int64_t pa = out.attendee_potential[a];
            for (int e = 0; e < fair.num_employers(); ++e) {
              if (in_graph[e]) continue;
              const float w = s(a - begin, e);
              const std::int64_t rc =
                  -ScaledScore(w) + pa - out.employer_potential[e];
              if (rc < kPricingMargin &&
                  Plannable(compat, avail, excluded, a, e, w)) {
                extra[a].push_back(e);
                if (rc < 0) improving[a] = 1;
              }
            }
            for (int i = cg.offset[a]; i < cg.offset[a + 1]; ++i) {
              in_graph[cg.employer[i]] = 0;
            }
          }
        });
    if (std::find(improving.begin(), improving.end(), 1) == improving.end()) {
      return out;
    }
    int added = 0;
    for (const auto& row : extra) added += static_cast<int>(row.size());
    out.priced_in += added;
    out.graph = ExtendCandidates(compat, out.graph, extra);
  }
}

double UpperBound(const Compatibility& compat, const Availability& avail,
                  const Matching& f0, int threads) {
  const Fair& fair = compat.fair();
  const int n = fair.num_attendees();
  const int m = fair.num_employers();
  std::vector<std::int64_t> u(n), v(m);
  double bound = 0;
  for (int a = 0; a < n; ++a) {
    u[a] = std::max<std::int64_t>(
        0, f0.attendee_potential[a] - f0.source_potential);
    bound += static_cast<double>(AttendeeCap(fair, avail, a)) * u[a];
  }
  for (int e = 0; e < m; ++e) {
    v[e] =
        std::max<std::int64_t>(0, f0.sink_potential - f0.employer_potential[e]);
    bound += static_cast<double>(EmployerCapacity(fair, avail, e)) * v[e];
  }
  // Per-block sums, added in block order so the result does not depend on
  // the thread count.
  const int num_blocks = (n + kScoreBlockRows - 1) / kScoreBlockRows;
  std::vector<double> block_sum(std::max(1, num_blocks), 0.0);
  ForEachScoreBlock(
      compat, threads, [&](int begin, int end, const ScoreMatrix& s) {
        double sum = 0;
        for (int a = begin; a < end; ++a) {
          for (int e = 0; e < m; ++e) {
            const float w = s(a - begin, e);
            if (!compat.Eligible(a, e, w) || !avail.ShareSlot(a, e) ||
                avail.Pinned(a, e)) {
              continue;
            }
            const std::int64_t slack = ScaledScore(w) - u[a] - v[e];
            if (slack > 0) sum += static_cast<double>(slack);
          }
        }
        block_sum[begin / kScoreBlockRows] = sum;
      });
  for (double x : block_sum) bound += x;
  return bound / static_cast<double>(kScoreScale);
}

}  // namespace fairmatch
