#include "engine/render/report_html.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/base/edit_distance.h"
#include "engine/check/explain.h"
#include "engine/check/shortfall.h"
#include "engine/model/intents.h"
#include "engine/render/people.h"
#include "engine/render/report_charts.h"
#include "engine/render/report_section.h"
#include "engine/render/report_warnings.h"
#include "engine/render/report_wishes.h"

namespace fairmatch {
namespace {

using report::CollectFacts;
using report::Esc;
using report::Fixed;
using report::Int;
using report::kEnDash;
using report::Number;
using report::Percent;
using report::Plural;
using report::ReportFacts;
using report::ReportInputs;
using report::ReportSection;
using report::User;
using report::WriteCharts;
using report::WriteWarnings;
using report::WriteWishesAndRequirements;

// Screen and print share one layout: an A4-wide column of cards. Colours
// survive printing (print-color-adjust) because the charts need them.
constexpr char kStyle[] = R"css(
@page { size: A4; margin: 14mm 13mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #1d232a; background: #eef1f4;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
    "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  font-size: 10.5pt; line-height: 1.45; }
main { max-width: 190mm; margin: 0 auto; padding: 18pt 0 24pt; }
header.top { background: #24476b; color: #fff; border-radius: 6pt;
  padding: 14pt 18pt 12pt; }
header.top .kind { margin: 0; font-size: 8.5pt; letter-spacing: .1em;
  text-transform: uppercase; opacity: .8; }
header.top h1 { margin: 2pt 0 4pt; font-size: 20pt; line-height: 1.2;
  font-weight: 650; overflow-wrap: anywhere; }
header.top .meta { margin: 0; font-size: 9.5pt; opacity: .92;
  overflow-wrap: anywhere; }
header.top .rerun { margin: 4pt 0 0; font-size: 9.5pt;
  overflow-wrap: anywhere; }
.meta span + span::before { content: "\00B7"; margin: 0 6pt; opacity: .7; }
h2 { font-size: 12.5pt; color: #24476b; margin: 20pt 0 8pt;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10pt; margin: 0 0 6pt; color: #33404d; }
p { margin: 0 0 6pt; }
.stats { display: grid; grid-template-columns: repeat(4, 1fr); gap: 7pt; }
.stat { background: #fff; border: .5pt solid #d5dbe1; border-radius: 4pt;
  padding: 8pt 10pt; break-inside: avoid; }
.stat .n { display: block; font-size: 16pt; font-weight: 650;
  font-variant-numeric: tabular-nums; line-height: 1.2; }
.stat .l { display: block; font-size: 8.5pt; color: #4a5561; }
.stat .s { display: block; font-size: 8pt; color: #7b8794; margin-top: 2pt; }
.stat.bad .n { color: #b3261e; }
.stat.good .n { color: #1e7a46; }
.notes { list-style: none; margin: 0; padding: 0; }
.note { background: #fff; border: .5pt solid #d5dbe1; border-left: 3pt solid;
  border-radius: 4pt; padding: 7pt 10pt; margin-bottom: 6pt;
  break-inside: avoid; page-break-inside: avoid; }
.note.warn { border-left-color: #c2410c; }
.note.info { border-left-color: #2f6fa6; }
.note.ok { border-left-color: #1e7a46; }
.note .h { font-weight: 600; }
.note .tag { font-size: 7.5pt; font-weight: 700; letter-spacing: .06em;
  text-transform: uppercase; margin-right: 6pt; }
.note.warn .tag { color: #c2410c; }
.note.info .tag { color: #2f6fa6; }
.note.ok .tag { color: #1e7a46; }
.note .d { color: #4a5561; font-size: 9.5pt; margin-top: 2pt;
  overflow-wrap: anywhere; }
.chips { margin: 4pt 0 0; padding: 0; list-style: none; display: flex;
  flex-wrap: wrap; gap: 4pt; }
.chips li { background: #f1f4f7; border: .5pt solid #d5dbe1;
  border-radius: 10pt; padding: 0 7pt; font-size: 8.5pt;
  overflow-wrap: anywhere; }
.chips li b { font-weight: 600; }
.chips li i { color: #7b8794; font-style: normal; }
.why { margin: 4pt 0 0; padding-left: 14pt; }
.why li { margin: 1pt 0; }
.why li b { font-weight: 600; color: #1d232a; }
.lines { margin: 4pt 0 0; padding: 0; list-style: none; }
.lines li { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas,
  "Liberation Mono", monospace; font-size: 8.5pt; overflow-wrap: anywhere; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 8pt; }
figure { margin: 0; background: #fff; border: .5pt solid #d5dbe1;
  border-radius: 4pt; padding: 9pt 10pt 6pt; break-inside: avoid;
  page-break-inside: avoid; }
figure.wide { grid-column: 1 / -1; }
figcaption { font-size: 8.5pt; color: #5b6670; margin-top: 2pt; }
svg { display: block; width: 100%; height: auto; }
svg text { font-family: inherit; fill: #4a5561; }
table.kv { border-collapse: collapse; background: #fff; width: 100%;
  border: .5pt solid #d5dbe1; border-radius: 4pt; }
table.kv td { padding: 4pt 10pt; border-bottom: .5pt solid #e3e7eb; }
table.kv td.v { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
footer { margin-top: 18pt; font-size: 8pt; color: #7b8794; }
@media print {
  body { background: #fff; }
  main { max-width: none; padding: 0; }
}
)css";

// Only in reports with a "Wishes and requirements" part, so that the
// reports of fairs without wishes or requirements stay as they were.
constexpr char kWishStyle[] = R"css(
table.grid { border-collapse: collapse; background: #fff; width: 100%;
  border: .5pt solid #d5dbe1; font-size: 9pt; margin: 0 0 6pt; }
table.grid th, table.grid td { padding: 3pt 6pt; text-align: left;
  vertical-align: top; border-bottom: .5pt solid #e3e7eb;
  overflow-wrap: anywhere; }
table.grid th { font-weight: 600; color: #33404d; background: #f1f4f7; }
table.grid .n { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
table.grid tr.over td { background: #fdf1ea; }
table.grid .flag { color: #c2410c; font-size: 7.5pt; font-weight: 700;
  letter-spacing: .06em; text-transform: uppercase; margin-left: 4pt; }
table.grid .mark { font-family: ui-monospace, "SFMono-Regular", Menlo,
  Consolas, "Liberation Mono", monospace; font-size: 8pt; }
p.sub { font-size: 9pt; color: #4a5561; }
)css";

// The page: its style, header, figures and planner facts around the parts
// (report_warnings.h, report_wishes.h, report_charts.h).
class ReportWriter : public ReportSection {
 public:
  ReportWriter(const ReportInputs& in, std::string& out)
      : ReportSection(in, out), in_(in) {}

  void Render() {
    out_.reserve(60000 + 200 * fair_.employers.size());
    out_ +=
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
        "<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n<title>";
    out_ += Esc(fair_.event.name);
    out_ += " \xE2\x80\x93 planning report</title>\n<style>";
    out_ += kStyle;
    const bool intents = HasWishes() || HasRequirements();
    if (intents) out_ += kWishStyle;
    out_ += "</style>\n</head>\n<body>\n<main>\n";
    Header();
    Figures();
    WriteWarnings(in_, out_);
    if (intents) WriteWishesAndRequirements(in_, out_);
    WriteCharts(in_, out_);
    Planner();
    out_ += "<footer>Written by fairmatch " FAIRMATCH_VERSION
            " from the fair and the plan alone; the same inputs give the same "
            "file.</footer>\n</main>\n</body>\n</html>\n";
  }

 private:
  void Header() {
    out_ += "<header class=\"top\">\n<p class=\"kind\">Planning report</p>\n";
    out_ += "<h1>" + User(fair_.event.name) + "</h1>\n<p class=\"meta\">";
    out_ += "<span>" + Esc(fair_.event.date) + "</span>";
    if (!fair_.slots.empty()) {
      out_ += "<span>" + FormatClock(fair_.slots.front().start) +
              std::string(kEnDash) + FormatClock(fair_.slots.back().end) +
              "</span>";
    }
    if (!fair_.event.timezone.empty()) {
      out_ += "<span>" + Esc(fair_.event.timezone) + "</span>";
    }
    if (!fair_.event.venue.empty()) {
      out_ += "<span>" + User(fair_.event.venue) + "</span>";
    }
    out_ += "<span>" + Plural(fair_.num_attendees(), "attendee", "attendees") +
            "</span><span>" +
            Plural(fair_.num_employers(), "employer", "employers") +
            "</span><span>" + Plural(fair_.num_slots(), "slot", "slots") +
            " of " + Int(fair_.event.length) + " min</span>";
    out_ += "</p>\n";
    const Metrics& m = metrics_;
    if (m.baseline_kept >= 0) {
      out_ += "<p class=\"rerun\">Rerun of " + Esc(m.baseline_path) +
              " (revision " + Int(m.baseline_revision) +
              "): " + Int(m.baseline_kept) + " kept, " + Int(m.baseline_moved) +
              " moved, " + Int(m.baseline_added) + " added, " +
              Int(m.baseline_dropped) + " dropped, " + Int(m.baseline_history) +
              " kept as history</p>\n";
    }
    out_ += "</header>\n";
  }

  void Stat(const std::string& number, const std::string& label,
            const std::string& sub, std::string_view cls = "") {
    out_ += "<div class=\"stat";
    if (!cls.empty()) out_ += " " + std::string(cls);
    out_ += "\"><span class=\"n\">" + Esc(number) +
            "</span><span class=\"l\">" + Esc(label) + "</span>";
    if (!sub.empty()) out_ += "<span class=\"s\">" + Esc(sub) + "</span>";
    out_ += "</div>\n";
  }

  void Figures() {
    const Metrics& m = metrics_;
    out_ += "<h2>At a glance</h2>\n<div class=\"stats\">\n";
    Stat(Int(m.meetings), "conversations",
         Plural(m.attendee_meetings, "attendee place", "attendee places"));
    int reached = m.attendees - m.attendees_with_no_meeting;
    Stat(Int(reached), "attendees with a conversation",
         Percent(Share(reached, m.attendees)) + " of " + Int(m.attendees));
    Stat(Int(m.attendees_reaching_min),
         "reach meetings.min = " + Int(fair_.config.meetings_min),
         Percent(Share(m.attendees_reaching_min, m.attendees)) +
             ", or their own cap if lower");
    Stat(Int(m.attendees_with_no_meeting), "attendees with none",
         Int(m.eligible_attendees_with_no_meeting) +
             " of them share a slot with an eligible employer",
         m.attendees_with_no_meeting > 0 ? "bad" : "good");
    std::string bound;
    if (m.upper_bound >= 0) {
      bound = "upper bound " + Fixed(m.upper_bound, 2);
      if (m.gap >= 0) {
        bound += "; " + Fixed(m.gap * 100, 1) + "% from the best plan";
      }
    }
    Stat(Fixed(m.total_score, 2), "total score", bound);
    Stat(Fixed(m.mean_score_per_meeting, 3), "mean score per place",
         "pair score, 0" + std::string(kEnDash) + "1");
    Stat(Fixed(m.attendee_total_worst, 2), "worst attendee total",
         "p10 " + Fixed(m.attendee_total_p10, 2) + ", median " +
             Fixed(m.attendee_total_median, 2));
    Stat(Int(m.attendee_idle_slots), "idle slots",
         "free slots between each attendee's first and last conversation, "
         "summed");
    Stat(Percent(m.table_utilisation), "table utilisation",
         "table slots in use, of those in the employers' hours");
    Stat(Percent(m.seat_utilisation), "seat utilisation",
         "attendee places, of the seats (tables \xC3\x97 group size) in the "
         "employers' hours");
    Stat(Int(m.employers_without_meetings), "employers with none",
         "of " + Int(fair_.num_employers()),
         m.employers_without_meetings > 0 ? "bad" : "good");
    Stat(Int(m.tables_without_meetings), "tables never used", "");
    out_ += "</div>\n";
  }

  void Planner() {
    const Metrics& m = metrics_;
    if (m.planner.empty() && m.upper_bound < 0 && m.stage_seconds.empty()) {
      return;
    }
    out_ += "<h2>Planner</h2>\n<table class=\"kv\">\n";
    auto row = [&](const std::string& key, const std::string& value) {
      out_ += "<tr><td>" + Esc(key) + "</td><td class=\"v\">" + Esc(value) +
              "</td></tr>\n";
    };
    if (m.upper_bound >= 0) row("upper bound", Fixed(m.upper_bound, 6));
    if (m.price_of_fairness >= 0) {
      row("price of fairness", Fixed(m.price_of_fairness * 100, 3) + "%");
    }
    if (m.objective >= 0) row("objective", Fixed(m.objective, 6));
    if (m.objective_bound >= 0) {
      row("objective bound", Fixed(m.objective_bound, 6));
    }
    if (m.gap >= 0) row("gap", Fixed(m.gap * 100, 3) + "%");
    for (const auto& [name, value] : m.planner) row(name, Number(value));
    for (const auto& [name, seconds] : m.stage_seconds) {
      row("time: " + name, Fixed(seconds, 3) + " s");
    }
    out_ += "</table>\n";
  }

  const ReportInputs& in_;
};

}  // namespace

std::string RenderReportHtml(const Fair& fair, const Compatibility& compat,
                             const Schedule& schedule, const Metrics& metrics) {
  const PeopleView people(fair);
  const ReportFacts facts = CollectFacts(fair, compat, schedule);
  std::string out;
  ReportWriter(ReportInputs{fair, compat, schedule, metrics, people, facts},
               out)
      .Render();
  return out;
}

}  // namespace fairmatch
