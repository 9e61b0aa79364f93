// The "Charts" part of report.html, as inline SVG: attendees by their
// total score, conversations per attendee, the mean score by slot, and
// table utilisation per employer (one row each, least used first, or their
// distribution when there are more than 40 employers).
//
//   WriteCharts(in, html);
//   std::string svg = BarChart({{"10:00", 0.8}}, "Mean score", false, 700);
#ifndef FAIRMATCH_RENDER_REPORT_CHARTS_H_
#define FAIRMATCH_RENDER_REPORT_CHARTS_H_

#include <string>
#include <utility>
#include <vector>

#include "engine/render/report_section.h"

namespace fairmatch::report {

// Appends the part's heading and its four figures to `out`.
void WriteCharts(const ReportInputs& in, std::string& out);

// A round axis maximum >= value (1, 2, 2.5 or 5 times a power of ten) and a
// step that divides it into 4 or 5 ticks; {1, 0.25} for a value <= 0.
std::pair<double, double> NiceAxis(double value);

struct Bar {
  std::string label;  // under the bar (already plain text, escaped here)
  double value = 0;
  std::string note;  // above the bar; empty for none
  std::string colour = "#3b6ea5";
};

// A vertical bar chart, `width` x 220 user units, scaled to its card; every
// k-th bar labelled so that labels never overlap.
std::string BarChart(const std::vector<Bar>& bars, const std::string& title,
                     bool integer_axis, int width);

// Horizontal bars for fractions in [0, 1], one row per entry.
std::string FractionRows(const std::vector<Bar>& rows,
                         const std::string& title);

}  // namespace fairmatch::report

#endif  // FAIRMATCH_RENDER_REPORT_CHARTS_H_
