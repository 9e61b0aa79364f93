#include "engine/render/report_wishes.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/check/explain.h"
#include "engine/model/intents.h"
#include "engine/render/report_section.h"

namespace fairmatch::report {
namespace {

class WishesWriter : public ReportSection {
 public:
  using ReportSection::ReportSection;

  void Write() { WishesAndRequirements(); }

 private:
  // A wish counts when both people are in range and part of the plan (not
  // withdrawn).
  bool LivePair(int a, int e) const {
    return a >= 0 && a < fair_.num_attendees() && e >= 0 &&
           e < fair_.num_employers() && !fair_.attendees[a].withdrawn &&
           !fair_.employers[e].withdrawn;
  }

  bool SharesSlot(int a, int e) const {
    for (int s = 0; s < fair_.num_slots(); ++s) {
      if (fair_.AttendeeAvailable(a, s) && fair_.EmployerAvailable(e, s)) {
        return true;
      }
    }
    return false;
  }

  // "<b>Acme</b>", escaped: how the tables of this part name an employer.
  std::string EmployerCell(int e) const {
    return "<b>" + User(people_.EmployerName(e)) + "</b>";
  }

  // A table: the header cells (a leading "#" marks a numeric column) and
  // the rows, each already HTML.
  static std::string Grid(const std::vector<std::string>& header,
                          const std::vector<std::string>& rows_html) {
    std::string html = "<table class=\"grid\">\n<tr>";
    for (const std::string& h : header) {
      html += h[0] == '#' ? "<th class=\"n\">" + Esc(h.substr(1)) + "</th>"
                          : "<th>" + Esc(h) + "</th>";
    }
    html += "</tr>\n";
    for (const std::string& row : rows_html) html += row + "\n";
    return html + "</table>\n";
  }
  static std::string Cell(const std::string& html) {
    return "<td>" + html + "</td>";
  }
  static std::string NumberCell(const std::string& text) {
    return "<td class=\"n\">" + Esc(text) + "</td>";
  }
  // A last row spanning `columns`: "+N more ...".
  static std::string MoreRow(std::size_t columns, const std::string& text) {
    return "<tr><td colspan=\"" + Int(static_cast<long long>(columns)) +
           "\"><i>" + Esc(text) + "</i></td></tr>";
  }

  void WishesAndRequirements() {
    out_ += "<h2>Wishes and requirements</h2>\n";
    if (HasWishes()) {
      Demand();
      WishesMet();
      UnmetWishes();
    }
    if (HasRequirements()) Requirements();
  }

  // Who wants each employer against the seats it has: the organiser's view
  // of who is oversubscribed before the day.
  void Demand() {
    struct Row {
      int employer = 0;
      int wished = 0;    // attendees who wish it, any rank
      int first = 0;     // ... as their first choice
      int eligible = 0;  // ... eligible for it and sharing a slot with it
      long long seats = 0;
      bool over = false;
      long long pressure() const { return std::max(eligible, first); }
    };
    std::vector<Row> rows(fair_.num_employers());
    for (int a = 0; a < fair_.num_attendees(); ++a) {
      const std::vector<int>& wants = fair_.attendees[a].wants;
      for (std::size_t i = 0; i < wants.size(); ++i) {
        const int e = wants[i];
        if (!LivePair(a, e)) continue;
        Row& row = rows[e];
        ++row.wished;
        if (i == 0) ++row.first;
        if (compat_.Eligible(a, e, compat_.Pair(a, e).score) &&
            SharesSlot(a, e)) {
          ++row.eligible;
        }
      }
    }
    std::vector<Row> wished;
    for (int e = 0; e < fair_.num_employers(); ++e) {
      Row& row = rows[e];
      if (row.wished == 0) continue;
      row.employer = e;
      long long slots = 0;
      for (int s = 0; s < fair_.num_slots(); ++s) {
        if (fair_.EmployerAvailable(e, s)) ++slots;
      }
      row.seats = slots * std::max(0, fair_.employers[e].tables) *
                  std::max(0, fair_.GroupSize(e));
      row.over = row.eligible > row.seats || row.first > row.seats;
      wished.push_back(row);
    }
    // Oversubscribed first, then by demand per seat (cross-multiplied, so
    // exact; no seats is the most demand per seat), then by name.
    std::sort(wished.begin(), wished.end(), [&](const Row& x, const Row& y) {
      if (x.over != y.over) return x.over;
      const long long lx = x.pressure() * y.seats, ly = y.pressure() * x.seats;
      if (lx != ly) return lx > ly;
      if (x.wished != y.wished) return x.wished > y.wished;
      return people_.EmployerRank(x.employer) <
             people_.EmployerRank(y.employer);
    });
    const long long over = std::count_if(wished.begin(), wished.end(),
                                         [](const Row& r) { return r.over; });
    out_ += "<h3>Demand per employer</h3>\n<p>";
    out_ += over == 0
                ? "No employer is oversubscribed"
                : Int(over) + " of " +
                      Plural(static_cast<long long>(wished.size()),
                             "wished employer is", "wished employers are") +
                      " oversubscribed";
    out_ +=
        ": an employer is when more eligible attendees wish it, or more "
        "attendees put it first, than it has seats (tables \xC3\x97 "
        "group size \xC3\x97 its slots).</p>\n";
    constexpr std::size_t kShown = 30;
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < wished.size() && i < kShown; ++i) {
      const Row& r = wished[i];
      lines.push_back(
          std::string(r.over ? "<tr class=\"over\">" : "<tr>") +
          Cell(EmployerCell(r.employer) +
               (r.over ? "<span class=\"flag\">oversubscribed</span>" : "")) +
          NumberCell(Int(r.wished)) + NumberCell(Int(r.first)) +
          NumberCell(Int(r.eligible)) + NumberCell(Int(r.seats)) +
          NumberCell(Int(places_of_employer_[r.employer])) + "</tr>");
    }
    if (wished.size() > kShown) {
      lines.push_back(
          MoreRow(6, "+" + Int(static_cast<long long>(wished.size() - kShown)) +
                         " more wished employers, less in demand"));
    }
    out_ += Grid({"employer", "#wished by", "#first choice", "#eligible",
                  "#seats", "#seats used"},
                 lines);
    out_ +=
        "<p class=\"sub\">Wished by: attendees with the employer on "
        "their wish list, at any rank; eligible: of those, the ones "
        "eligible for it (no avoid, requirements hold, score at or above "
        "min_score or a must_meet) who share a slot with it; seats used: "
        "attendee places in the plan.</p>\n";
  }

  // For each rank, how many wishes of that rank the plan meets, on each
  // side.
  void WishesMet() {
    constexpr int kRanks = 6;  // 1..5 and 6+
    struct Tally {
      long long met = 0, of = 0;
    };
    std::vector<Tally> attendee_side(kRanks), employer_side(kRanks);
    auto count = [&](std::vector<Tally>& side, std::size_t i, int a, int e) {
      Tally& t = side[std::min<std::size_t>(i, kRanks - 1)];
      ++t.of;
      if (met_[a].count(e)) ++t.met;
    };
    for (int a = 0; a < fair_.num_attendees(); ++a) {
      const std::vector<int>& wants = fair_.attendees[a].wants;
      for (std::size_t i = 0; i < wants.size(); ++i) {
        if (LivePair(a, wants[i])) count(attendee_side, i, a, wants[i]);
      }
    }
    for (int e = 0; e < fair_.num_employers(); ++e) {
      const std::vector<int>& wants = fair_.employers[e].wants;
      for (std::size_t i = 0; i < wants.size(); ++i) {
        if (LivePair(wants[i], e)) count(employer_side, i, wants[i], e);
      }
    }
    auto share = [&](const Tally& t) {
      return t.of == 0 ? std::string(kEnDash)
                       : Int(t.met) + " of " + Int(t.of) + " (" +
                             Percent(Share(t.met, t.of)) + ")";
    };
    std::vector<std::string> lines;
    Tally attendee_all, employer_all;
    for (int r = 0; r < kRanks; ++r) {
      const Tally& x = attendee_side[r];
      const Tally& y = employer_side[r];
      attendee_all.met += x.met, attendee_all.of += x.of;
      employer_all.met += y.met, employer_all.of += y.of;
      if (x.of == 0 && y.of == 0) continue;
      lines.push_back("<tr>" + Cell(r + 1 < kRanks ? Int(r + 1) : "6+") +
                      NumberCell(share(x)) + NumberCell(share(y)) + "</tr>");
    }
    lines.push_back("<tr>" + Cell("<b>all</b>") +
                    NumberCell(share(attendee_all)) +
                    NumberCell(share(employer_all)) + "</tr>");
    out_ += "<h3>Wishes met per rank</h3>\n";
    out_ += Grid({"rank", "#attendees' wishes met", "#employers' wishes met"},
                 lines);
    out_ +=
        "<p class=\"sub\">Rank 1 is a first choice; 6+ counts every "
        "wish ranked sixth or later.</p>\n";
  }

  // The attendees' wishes the plan does not meet, each with its verdict
  // from check/explain.h.
  void UnmetWishes() {
    const PairExplainer explainer(fair_, compat_, schedule_);
    constexpr int kVerdicts = static_cast<int>(Verdict::kOpen) + 1;
    std::vector<long long> by_verdict(kVerdicts, 0);
    long long wishes = 0, unmet_count = 0;
    constexpr std::size_t kShown = 50;
    std::vector<std::string> lines;
    for (int a : people_.attendees()) {
      const std::vector<int>& wants = fair_.attendees[a].wants;
      std::vector<int> unmet, ranks;
      for (std::size_t i = 0; i < wants.size(); ++i) {
        if (!LivePair(a, wants[i])) continue;
        ++wishes;
        if (met_[a].count(wants[i])) continue;
        unmet.push_back(wants[i]);
        ranks.push_back(static_cast<int>(i) + 1);
      }
      const std::vector<PairExplanation> why = explainer.ExplainPairs(a, unmet);
      for (std::size_t i = 0; i < why.size(); ++i) {
        ++unmet_count;
        ++by_verdict[static_cast<int>(why[i].verdict)];
        if (lines.size() >= kShown) continue;
        lines.push_back("<tr>" + Cell(Who(a)) + Cell(EmployerCell(unmet[i])) +
                        NumberCell(Int(ranks[i])) +
                        Cell(Esc(VerdictName(why[i].verdict))) +
                        Cell(Esc(why[i].verdict_text)) + "</tr>");
      }
    }
    out_ += "<h3>" + Esc("Attendees' wishes not met") + "</h3>\n";
    if (unmet_count == 0) {
      out_ += "<p>" +
              Esc(wishes == 0 ? "No attendee states a wish."
                              : "Every wish of an attendee is met.") +
              "</p>\n";
      return;
    }
    std::vector<std::string> chips;
    for (int v = 0; v < kVerdicts; ++v) {
      if (by_verdict[v] == 0) continue;
      chips.push_back("<b>" + Esc(VerdictName(static_cast<Verdict>(v))) +
                      "</b> " + Int(by_verdict[v]));
    }
    out_ += "<p>" + Int(unmet_count) + " of " +
            Plural(wishes, "wish is", "wishes are") +
            " not met, by the first reason that holds (as fairmatch explain "
            "gives it):</p>" +
            Chips(chips, chips.size()) + "\n";
    if (static_cast<std::size_t>(unmet_count) > kShown) {
      lines.push_back(
          MoreRow(5, "+" + Int(unmet_count - static_cast<long long>(kShown)) +
                         " more; fairmatch explain --attendee ID lists each "
                         "attendee's wishes"));
    }
    out_ +=
        Grid({"attendee", "wished employer", "#rank", "verdict", "why"}, lines);
  }

  // How many of the other side's people each requirement clause turns
  // away, from each distinct field value once: O(people x fields) to count
  // the values, then O(clauses x distinct values), never A x E.
  struct ClauseExclusion {
    bool by_employer = false;
    int person = 0;
    int clause = 0;
    long long excluded = 0;
    long long of = 0;  // live people on the other side
  };

  template <typename Owner, typename Other>
  void CountExclusions(const std::vector<Owner>& owners,
                       const std::vector<Other>& others, bool by_employer,
                       std::vector<ClauseExclusion>* out) const {
    std::map<std::string, std::map<std::string, long long>> values;
    for (const Owner& owner : owners) {
      if (owner.withdrawn) continue;
      for (const Requirement& r : owner.requirements) values[r.field];
    }
    if (values.empty()) return;
    long long live = 0;
    std::map<std::string, long long> missing;
    for (const Other& other : others) {
      if (other.withdrawn) continue;
      ++live;
      for (auto& [field, counts] : values) {
        std::optional<absl::string_view> value = FieldValue(other, field);
        if (value) {
          ++counts[std::string(*value)];
        } else {
          ++missing[field];
        }
      }
    }
    for (std::size_t p = 0; p < owners.size(); ++p) {
      if (owners[p].withdrawn) continue;
      const std::vector<Requirement>& clauses = owners[p].requirements;
      for (std::size_t c = 0; c < clauses.size(); ++c) {
        const Requirement& r = clauses[c];
        ClauseExclusion x;
        x.by_employer = by_employer;
        x.person = static_cast<int>(p);
        x.clause = static_cast<int>(c);
        x.of = live;
        for (const auto& [value, n] : values.at(r.field)) {
          if (!Satisfies(r, value)) x.excluded += n;
        }
        if (!Satisfies(r, std::nullopt)) x.excluded += missing[r.field];
        out->push_back(x);
      }
    }
  }

  void Requirements() {
    std::vector<ClauseExclusion> clauses;
    CountExclusions(fair_.employers, fair_.attendees, true, &clauses);
    CountExclusions(fair_.attendees, fair_.employers, false, &clauses);
    if (clauses.empty()) return;
    auto rank = [&](const ClauseExclusion& x) {
      return x.by_employer ? people_.EmployerRank(x.person)
                           : people_.AttendeeRank(x.person);
    };
    std::sort(clauses.begin(), clauses.end(),
              [&](const ClauseExclusion& x, const ClauseExclusion& y) {
                if (x.excluded != y.excluded) return x.excluded > y.excluded;
                if (x.by_employer != y.by_employer) return x.by_employer;
                if (rank(x) != rank(y)) return rank(x) < rank(y);
                return x.clause < y.clause;
              });
    constexpr std::size_t kShown = 10;
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < clauses.size() && i < kShown; ++i) {
      const ClauseExclusion& x = clauses[i];
      const Profile& owner =
          x.by_employer
              ? static_cast<const Profile&>(fair_.employers[x.person])
              : static_cast<const Profile&>(fair_.attendees[x.person]);
      const Requirement& r = owner.requirements[x.clause];
      lines.push_back(
          "<tr>" +
          Cell(x.by_employer ? EmployerCell(x.person) + " <i>employer</i>"
                             : Who(x.person) + " <i>attendee</i>") +
          Cell(Esc(r.ToString())) +
          NumberCell(Int(x.excluded) + " of " + Int(x.of)) +
          "<td class=\"mark\">" + Esc(r.mark.ToString()) + "</td></tr>");
    }
    out_ += "<h3>Requirements that exclude the most pairs</h3>\n<p>" +
            Plural(static_cast<long long>(clauses.size()), "requirement clause",
                   "requirement clauses") +
            (clauses.size() > kShown
                 ? "; the " + Int(kShown) + " that exclude the most pairs"
                 : "") +
            ". Each excludes the pairs with the people on the other side "
            "who fail it.</p>\n";
    out_ += Grid({"whose", "requires", "#pairs excluded", "where"}, lines);
  }
};

}  // namespace

void WriteWishesAndRequirements(const ReportInputs& in, std::string& out) {
  WishesWriter(in, out).Write();
}

}  // namespace fairmatch::report
