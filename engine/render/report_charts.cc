#include "engine/render/report_charts.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "engine/render/report_section.h"

namespace fairmatch::report {

std::pair<double, double> NiceAxis(double value) {
  if (!(value > 0)) return {1, 0.25};
  double raw = value / 4;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * power;
    if (step >= raw) break;
  }
  return {std::ceil(value / step - 1e-9) * step, step};
}

std::string BarChart(const std::vector<Bar>& bars, const std::string& title,
                     bool integer_axis, int width) {
  constexpr double kHeight = 220, kLeft = 38, kRight = 8, kTop = 16,
                   kBottom = 34;
  double max_value = 0;
  for (const Bar& b : bars) max_value = std::max(max_value, b.value);
  auto [axis_max, step] = NiceAxis(max_value);
  if (integer_axis && step < 1) {
    step = 1;
    axis_max = std::max(1.0, std::ceil(axis_max));
  }
  const double plot_w = width - kLeft - kRight;
  const double plot_h = kHeight - kTop - kBottom;
  std::string svg = "<svg viewBox=\"0 0 " + Int(width) + " " +
                    Fixed(kHeight, 0) + "\" role=\"img\" aria-label=\"" +
                    Esc(title) + "\" font-size=\"10\">";
  for (double v = 0; v <= axis_max + step / 2; v += step) {
    double y = kTop + plot_h * (1 - v / axis_max);
    svg += "<line x1=\"" + Fixed(kLeft, 1) + "\" x2=\"" +
           Fixed(width - kRight, 1) + "\" y1=\"" + Fixed(y, 1) + "\" y2=\"" +
           Fixed(y, 1) + "\" stroke=\"" + (v == 0 ? "#9aa5b1" : "#e3e7eb") +
           "\" stroke-width=\"1\"/>";
    svg += "<text x=\"" + Fixed(kLeft - 5, 1) + "\" y=\"" + Fixed(y + 3.5, 1) +
           "\" text-anchor=\"end\">" +
           (integer_axis ? Int(std::llround(v)) : Fixed(v, step < 1 ? 2 : 0)) +
           "</text>";
  }
  const std::size_t n = std::max<std::size_t>(bars.size(), 1);
  const double slot_w = plot_w / static_cast<double>(n);
  const double bar_w = std::max(1.0, slot_w * 0.72);
  // Label every k-th bar so that labels never overlap (~34 units each).
  const std::size_t every = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::ceil(34 / slot_w)));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    double h = axis_max > 0 ? plot_h * std::max(0.0, b.value) / axis_max : 0;
    double x = kLeft + slot_w * static_cast<double>(i) + (slot_w - bar_w) / 2;
    double cx = x + bar_w / 2;
    svg += "<rect x=\"" + Fixed(x, 1) + "\" y=\"" +
           Fixed(kTop + plot_h - h, 1) + "\" width=\"" + Fixed(bar_w, 1) +
           "\" height=\"" + Fixed(h, 1) + "\" rx=\"1.5\" fill=\"" + b.colour +
           "\"><title>" + Esc(b.label) + ": " +
           Esc(b.note.empty() ? Number(b.value) : b.note) + "</title></rect>";
    if (!b.note.empty() && slot_w >= 18) {
      svg += "<text x=\"" + Fixed(cx, 1) + "\" y=\"" +
             Fixed(kTop + plot_h - h - 4, 1) +
             "\" text-anchor=\"middle\" font-size=\"9\" fill=\"#33404d\">" +
             Esc(b.note) + "</text>";
    }
    if (i % every == 0) {
      svg += "<text x=\"" + Fixed(cx, 1) + "\" y=\"" +
             Fixed(kTop + plot_h + 14, 1) + "\" text-anchor=\"middle\">" +
             Esc(b.label) + "</text>";
    }
  }
  svg += "</svg>";
  return svg;
}

std::string FractionRows(const std::vector<Bar>& rows,
                         const std::string& title) {
  constexpr double kWidth = 700, kLabel = 180, kRight = 112, kRow = 17;
  const double plot_w = kWidth - kLabel - kRight;
  const double height = kRow * static_cast<double>(rows.size()) + 20;
  std::string svg = "<svg viewBox=\"0 0 " + Fixed(kWidth, 0) + " " +
                    Fixed(height, 0) + "\" role=\"img\" aria-label=\"" +
                    Esc(title) + "\" font-size=\"10\">";
  for (int pct = 0; pct <= 100; pct += 25) {
    double x = kLabel + plot_w * pct / 100.0;
    svg += "<line x1=\"" + Fixed(x, 1) + "\" x2=\"" + Fixed(x, 1) +
           "\" y1=\"0\" y2=\"" + Fixed(height - 16, 1) +
           "\" stroke=\"#e3e7eb\"/>";
    svg += "<text x=\"" + Fixed(x, 1) + "\" y=\"" + Fixed(height - 4, 1) +
           "\" text-anchor=\"middle\" font-size=\"9\">" + Int(pct) + "%</text>";
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Bar& r = rows[i];
    double y = kRow * static_cast<double>(i);
    double w = plot_w * std::clamp(r.value, 0.0, 1.0);
    // Long names are cut by the clip of a nested svg, not in the text.
    svg += "<svg x=\"0\" y=\"" + Fixed(y, 1) + "\" width=\"" +
           Fixed(kLabel - 8, 1) + "\" height=\"" + Fixed(kRow, 1) +
           "\"><text x=\"" + Fixed(kLabel - 8, 1) +
           "\" y=\"12\" "
           "text-anchor=\"end\" fill=\"#1d232a\">" +
           Esc(r.label) + "</text></svg>";
    svg += "<rect x=\"" + Fixed(kLabel, 1) + "\" y=\"" + Fixed(y + 3, 1) +
           "\" width=\"" + Fixed(plot_w, 1) +
           "\" height=\"11\" rx=\"2\" fill=\"#f1f4f7\"/>";
    svg += "<rect x=\"" + Fixed(kLabel, 1) + "\" y=\"" + Fixed(y + 3, 1) +
           "\" width=\"" + Fixed(w, 1) + "\" height=\"11\" rx=\"2\" fill=\"" +
           r.colour + "\"><title>" + Esc(r.label) + ": " + Esc(r.note) +
           "</title></rect>";
    svg += "<text x=\"" + Fixed(kLabel + plot_w + 6, 1) + "\" y=\"" +
           Fixed(y + 12, 1) + "\" font-size=\"9\">" + Esc(r.note) + "</text>";
  }
  svg += "</svg>";
  return svg;
}

namespace {

class ChartsWriter : public ReportSection {
 public:
  using ReportSection::ReportSection;

  void Write() { Charts(); }

 private:
  void Charts() {
    out_ += "<h2>Charts</h2>\n<div class=\"charts\">\n";
    AttendeeTotals();
    ConversationsPerAttendee();
    MeanScoreBySlot();
    TableUtilisation();
    out_ += "</div>\n";
  }

  // Histogram of attendee totals: a bar for those with no conversation,
  // then 8 equal bins over (0, max].
  void AttendeeTotals() {
    double max_total = 0;
    for (double t : total_of_attendee_) max_total = std::max(max_total, t);
    constexpr int kBins = 8;
    auto [axis_max, step] = NiceAxis(max_total);
    (void)step;
    double width = axis_max / kBins;
    std::vector<Bar> bars(kBins + 1);
    bars[0].label = "none";
    bars[0].colour = "#c2410c";
    for (int b = 0; b < kBins; ++b) {
      bars[b + 1].label = Fixed(width * (b + 1), width * kBins < 8 ? 1 : 0);
    }
    for (int a = 0; a < fair_.num_attendees(); ++a) {
      int bin = 0;
      if (count_of_attendee_[a] > 0) {
        bin = 1 + std::clamp(static_cast<int>(std::ceil(
                                 total_of_attendee_[a] / width - 1e-9)) -
                                 1,
                             0, kBins - 1);
      }
      bars[bin].value += 1;
    }
    for (Bar& b : bars) b.note = b.value > 0 ? Number(b.value) : "";
    out_ += "<figure><h3>Attendee totals</h3>" +
            BarChart(bars, "Histogram of attendee total scores", true, 340) +
            "<figcaption>Attendees by the sum of their pair scores; each bar "
            "counts totals up to its label.</figcaption></figure>\n";
  }

  // Conversations per attendee.
  void ConversationsPerAttendee() {
    int most = 0;
    for (int c : count_of_attendee_) most = std::max(most, c);
    most = std::max(most, fair_.config.meetings_max);
    std::vector<Bar> bars(most + 1);
    for (int c : count_of_attendee_) bars[c].value += 1;
    for (int c = 0; c <= most; ++c) {
      bars[c].label = Int(c);
      bars[c].note = bars[c].value > 0 ? Number(bars[c].value) : "";
      if (c == 0) {
        bars[c].colour = "#c2410c";
      } else if (c < fair_.config.meetings_min) {
        bars[c].colour = "#d99a2b";
      }
    }
    out_ += "<figure><h3>Conversations per attendee</h3>" +
            BarChart(bars, "Conversations per attendee", true, 340) +
            "<figcaption>Amber: below meetings.min = " +
            Int(fair_.config.meetings_min) +
            "; red: none.</figcaption></figure>\n";
  }

  // Mean score by slot.
  void MeanScoreBySlot() {
    std::vector<Bar> bars;
    for (int s = 0; s < fair_.num_slots(); ++s) {
      Bar b;
      b.label = FormatClock(fair_.slots[s].start);
      b.value = slot_places_[s] > 0 ? slot_score_[s] / slot_places_[s] : 0;
      b.note = slot_places_[s] > 0 ? Fixed(b.value, 2) : "";
      b.colour = "#2f8f83";
      bars.push_back(std::move(b));
    }
    std::string caption =
        "Mean pair score of the attendee places in each slot, by start "
        "time.";
    out_ += "<figure class=\"wide\"><h3>Mean score by slot</h3>" +
            BarChart(bars, "Mean score by slot", false, 700) + "<figcaption>" +
            caption + "</figcaption></figure>\n";
  }

  // Table utilisation per employer (most idle first), or its distribution
  // when there are too many employers for one row each.
  void TableUtilisation() {
    constexpr int kMaxRows = 40;
    std::string chart;
    std::string caption;
    if (fair_.num_employers() <= kMaxRows) {
      std::vector<int> order(fair_.num_employers());
      for (int e = 0; e < fair_.num_employers(); ++e) order[e] = e;
      std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        if (table_share_[x] != table_share_[y]) {
          return table_share_[x] < table_share_[y];
        }
        return people_.EmployerRank(x) < people_.EmployerRank(y);
      });
      std::vector<Bar> rows;
      for (int e : order) {
        Bar r;
        r.label = people_.EmployerName(e);
        r.value = table_share_[e];
        r.note = Percent(table_share_[e]) + " \xC2\xB7 " +
                 Int(conversations_of_employer_[e]) + " conv.";
        r.colour = conversations_of_employer_[e] == 0 ? "#c2410c" : "#3b6ea5";
        rows.push_back(std::move(r));
      }
      chart = FractionRows(rows, "Table utilisation per employer");
      caption =
          "Occupied table slots among those where the employer is "
          "available, least used first.";
    } else {
      std::vector<Bar> bars(10);
      for (int b = 0; b < 10; ++b) {
        bars[b].label = Int(b * 10) + std::string(kEnDash) + Int(b * 10 + 10);
      }
      for (double share : table_share_) {
        bars[std::clamp(static_cast<int>(share * 10), 0, 9)].value += 1;
      }
      for (Bar& b : bars) b.note = b.value > 0 ? Number(b.value) : "";
      chart = BarChart(bars, "Employers by table utilisation", true, 700);
      caption =
          "Employers by the share (%) of their available table slots "
          "that hold a conversation.";
    }
    out_ += "<figure class=\"wide\"><h3>Table utilisation per employer</h3>" +
            chart + "<figcaption>" + caption + "</figcaption></figure>\n";
  }
};

}  // namespace

void WriteCharts(const ReportInputs& in, std::string& out) {
  ChartsWriter(in, out).Write();
}

}  // namespace fairmatch::report
