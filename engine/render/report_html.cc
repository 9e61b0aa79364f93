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
#include "engine/render/schedules_html.h"

namespace fairmatch {
namespace {

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

constexpr std::string_view kEnDash = "\xE2\x80\x93";

// Locale-independent fixed-point text; never "-0".
std::string Fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  char buffer[400];
  std::to_chars_result r = std::to_chars(buffer, buffer + sizeof(buffer), value,
                                         std::chars_format::fixed, decimals);
  std::string text(buffer, r.ptr);
  if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos) {
    text.erase(0, 1);
  }
  return text;
}

std::string Int(long long value) { return std::to_string(value); }

std::string Percent(double fraction) { return Fixed(fraction * 100, 0) + "%"; }

// A counter as an integer when it is one, else with 3 decimals.
std::string Number(double value) {
  if (std::isfinite(value) && value == std::floor(value) &&
      std::fabs(value) < 1e15) {
    return Int(static_cast<long long>(value));
  }
  return Fixed(value, 3);
}

std::string Esc(const std::string& text) { return HtmlEscape(text); }
// User text (names, booths, tags, the venue): escaped and isolated for bidi.
std::string User(const std::string& text) { return HtmlIsolate(text); }

std::string Plural(long long n, std::string_view one, std::string_view many) {
  return Int(n) + " " + std::string(n == 1 ? one : many);
}

// ---------------------------------------------------------------- charts

// A round axis maximum >= value (1, 2, 2.5 or 5 times a power of ten) and a
// step that divides it into 4 or 5 ticks.
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

struct Bar {
  std::string label;  // under the bar (already plain text, escaped here)
  double value = 0;
  std::string note;  // above the bar; empty for none
  std::string colour = "#3b6ea5";
};

// A vertical bar chart, `width` x 220 user units, scaled to its card.
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

// Horizontal bars for fractions in [0, 1], one row per entry.
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

// ---------------------------------------------------------------- tags

// How often each normalised tag is used on each side, one count per person.
struct TagUse {
  int attendee_offers = 0;
  int attendee_seeks = 0;
  int employer_offers = 0;
  int employer_seeks = 0;
  std::map<std::string, int> spellings;  // as written -> people
};

// The most used spelling of a tag (then the byte-smallest).
std::string Spelling(const TagUse& use) {
  std::string best;
  int count = -1;
  for (const auto& [text, n] : use.spellings) {
    if (n > count) best = text, count = n;
  }
  return best;
}

// ---------------------------------------------------------------- writer

class ReportWriter {
 public:
  ReportWriter(const Fair& fair, const Compatibility& compat,
               const Schedule& schedule, const Metrics& metrics)
      : fair_(fair),
        compat_(compat),
        schedule_(schedule),
        metrics_(metrics),
        people_(fair),
        places_of_employer_(fair.num_employers(), 0),
        count_of_attendee_(fair.num_attendees(), 0),
        total_of_attendee_(fair.num_attendees(), 0.0),
        met_(fair.num_attendees()),
        conversations_of_employer_(fair.num_employers(), 0),
        slot_score_(fair.num_slots(), 0.0),
        slot_places_(fair.num_slots(), 0) {
    std::vector<std::set<std::pair<int, int>>> cells(fair.num_employers());
    for (const Meeting& m : schedule.meetings) {
      if (m.employer < 0 || m.employer >= fair.num_employers() || m.slot < 0 ||
          m.slot >= fair.num_slots()) {
        continue;
      }
      ++conversations_of_employer_[m.employer];
      if (m.table >= 1 && m.table <= fair.employers[m.employer].tables &&
          fair.EmployerAvailable(m.employer, m.slot)) {
        cells[m.employer].insert({m.table, m.slot});
      }
      for (int a : m.attendees) {
        if (a < 0 || a >= fair.num_attendees()) continue;
        double score = compat.Pair(a, m.employer).score;
        ++count_of_attendee_[a];
        ++places_of_employer_[m.employer];
        total_of_attendee_[a] += score;
        met_[a].insert(m.employer);
        slot_score_[m.slot] += score;
        ++slot_places_[m.slot];
      }
    }
    for (int e = 0; e < fair.num_employers(); ++e) {
      int available = 0;
      for (int s = 0; s < fair.num_slots(); ++s) {
        if (fair.EmployerAvailable(e, s)) ++available;
      }
      long long capacity = static_cast<long long>(available) *
                           std::max(0, fair.employers[e].tables);
      table_share_.push_back(
          capacity > 0 ? static_cast<double>(cells[e].size()) / capacity : 0);
      std::vector<int> unused;
      for (int t = 1; t <= fair.employers[e].tables; ++t) {
        bool used = false;
        for (const auto& cell : cells[e]) used = used || cell.first == t;
        if (!used) unused.push_back(t);
      }
      unused_tables_.push_back(std::move(unused));
    }
    shortfalls_ = FindShortfalls(fair, compat, schedule);
    for (int a = 0; a < fair.num_attendees(); ++a) {
      if (count_of_attendee_[a] == 0 && !OpenBooths(fair, compat, a).empty()) {
        ++open_booth_sheets_;
      }
    }
  }

  std::string Render() {
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
    Warnings();
    if (intents) WishesAndRequirements();
    Charts();
    Planner();
    out_ += "<footer>Written by fairmatch " FAIRMATCH_VERSION
            " from the fair and the plan alone; the same inputs give the same "
            "file.</footer>\n</main>\n</body>\n</html>\n";
    return std::move(out_);
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

  double Share(long long part, long long whole) const {
    return whole > 0 ? static_cast<double>(part) / whole : 0;
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
      if (m.gap >= 0) bound += ", gap " + Fixed(m.gap * 100, 1) + "%";
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

  // One warning: severity ("warn", "info", "ok"), headline, detail HTML.
  void Note(std::string_view severity, const std::string& headline,
            const std::string& detail_html) {
    static const std::map<std::string_view, std::string_view> kTags = {
        {"warn", "Act"}, {"info", "Check"}, {"ok", "OK"}};
    out_ += "<li class=\"note " + std::string(severity) +
            "\"><div class=\"h\"><span class=\"tag\">" +
            std::string(kTags.at(severity)) + "</span>" + Esc(headline) +
            "</div>";
    if (!detail_html.empty())
      out_ += "<div class=\"d\">" + detail_html + "</div>";
    out_ += "</li>\n";
  }

  // "<ul class=chips><li>…</li>…</ul>" of the first `limit` items, with a
  // "+N more" chip for the rest.
  static std::string Chips(const std::vector<std::string>& items_html,
                           std::size_t limit) {
    std::string html = "<ul class=\"chips\">";
    for (std::size_t i = 0; i < items_html.size() && i < limit; ++i) {
      html += "<li>" + items_html[i] + "</li>";
    }
    if (items_html.size() > limit) {
      html += "<li><i>+" +
              Int(static_cast<long long>(items_html.size() - limit)) +
              " more</i></li>";
    }
    return html + "</ul>";
  }

  // "<b>Name</b> (id)", escaped: how the report names an attendee (a
  // namesake's name carries the programme, render/people.h).
  std::string Who(int a) const {
    const Attendee& attendee = fair_.attendees[a];
    if (attendee.name.empty() || attendee.name == attendee.id) {
      return "<b>" + User(attendee.id) + "</b>";
    }
    return "<b>" + User(people_.AttendeeName(a)) + "</b> (" +
           User(attendee.id) + ")";
  }

  std::string EmployerName(int e) const {
    const Employer& employer = fair_.employers[e];
    return User(employer.name.empty() ? employer.id : employer.name);
  }

  // The loader's warnings, as the tools print them.
  void InputWarnings() {
    const std::vector<std::string>& lines = fair_.warnings;
    if (lines.empty()) return;
    constexpr std::size_t kShown = 20;
    std::string list = "<ul class=\"lines\">";
    for (std::size_t i = 0; i < lines.size() && i < kShown; ++i) {
      list += "<li>" + Esc(lines[i]) + "</li>";
    }
    if (lines.size() > kShown) {
      list += "<li><i>+" + Int(static_cast<long long>(lines.size() - kShown)) +
              " more, printed in full by fairmatch plan</i></li>";
    }
    list += "</ul>";
    Note("warn",
         Plural(static_cast<long long>(lines.size()), "input warning",
                "input warnings"),
         "The fair loaded, but check these." + list);
  }

  // One attendee below target: who, how far, and the measured reason
  // (check/shortfall.h), each clause only when it has something to say.
  std::string ShortfallLine(const Shortfall& f) const {
    const std::string min_score = Fixed(fair_.config.min_score, 2);
    const std::string slots_available = "they are available in " +
                                        Int(f.available_slots) + " of " +
                                        Int(fair_.num_slots()) + " slots";
    std::string line = Who(f.attendee) + ": " + Int(f.meetings) + " of " +
                       Int(f.target) + " conversations. ";
    // Eligibility.
    if (f.cause == ShortfallCause::kFewEligible && f.eligible > 0) {
      line += "Only ";
    }
    const bool plain = f.eligible == f.above_min_score;
    if (f.eligible == 0) {
      line += plain ? "No employer scores" : "No employer is";
    } else {
      line += f.eligible == 1 ? (plain ? "1 employer scores" : "1 employer is")
                              : Int(f.eligible) + (plain ? " employers score"
                                                         : " employers are");
    }
    line += plain ? " at or above min_score " + min_score + " with them"
                  : " eligible for them (" + Int(f.above_min_score) +
                        " score at or above min_score " + min_score +
                        "; their must_meet and avoid lists applied)";
    if (f.eligible == 0) return line + ".";
    // Windows.
    if (f.eligible_sharing_slot == 0) {
      line += f.eligible == 1 ? "; it shares no available slot with them ("
                              : "; none shares an available slot with them (";
      line += slots_available + ")";
    } else {
      line += "; ";
      if (f.eligible_sharing_slot == f.eligible) {
        line += f.eligible == 1 ? "it shares" : "all share";
      } else {
        line += Int(f.eligible_sharing_slot) +
                (f.eligible_sharing_slot == 1 ? " shares" : " share");
      }
      line += " available slots with them";
      if (f.window_room < std::min(f.target, f.eligible_sharing_slot)) {
        line += ", but those slots hold at most " +
                Plural(f.window_room, "conversation", "conversations") +
                " with them (" + slots_available + ")";
      }
    }
    // Seats, at the ones they do not meet.
    if (f.unmet_sharing_slot > 0) {
      const int unmet = f.unmet_sharing_slot;
      // "it was", "all were" or "2 were": `n` of the `unmet`.
      auto some = [&](int n, const char* one, const char* many) {
        if (n == unmet) {
          return unmet == 1 ? std::string("it ") + one
                            : std::string("all ") + many;
        }
        return Int(n) + " " + (n == 1 ? one : many);
      };
      std::vector<std::string> parts;
      if (!f.full.empty()) {
        constexpr std::size_t kNamed = 3;
        std::string names;
        for (std::size_t i = 0; i < f.full.size() && i < kNamed; ++i) {
          names += (i == 0 ? "" : ", ") + EmployerName(f.full[i]);
        }
        if (f.full.size() > kNamed) names += ", ...";
        parts.push_back(some(static_cast<int>(f.full.size()), "was", "were") +
                        " full in every shared slot where they were free (" +
                        names + ")");
      }
      if (f.busy_only > 0) {
        parts.push_back(some(f.busy_only, "shares", "share") +
                        " slots with them only while they are in other "
                        "conversations");
      }
      if (f.open_employer >= 0) {
        parts.push_back(EmployerName(f.open_employer) + " had a free seat at " +
                        FormatClock(fair_.slots[f.open_slot].start) +
                        " while they were free");
      }
      line += "; of those, they do not meet " + Int(unmet) + ": ";
      for (std::size_t i = 0; i < parts.size(); ++i) {
        line += (i == 0                  ? ""
                 : i + 1 == parts.size() ? " and "
                                         : ", ") +
                parts[i];
      }
    }
    return line + ".";
  }

  // The attendees below target, one note per measured cause, each with the
  // advice that follows from that cause.
  void ShortfallNotes() {
    if (shortfalls_.empty()) return;
    struct Group {
      ShortfallCause cause;
      std::string headline;
      std::string advice;
    };
    const std::string target = "fewer conversations than meetings.min = " +
                               Int(fair_.config.meetings_min) +
                               " (or their own lower cap)";
    const std::string min_score = Fixed(fair_.config.min_score, 2);
    const Group kGroups[] = {
        {ShortfallCause::kFewEligible,
         "too few employers are eligible for them",
         "However they are planned, they cannot reach it. Lower min_score "
         "(now " +
             min_score + ") or add employers whose profiles fit theirs."},
        {ShortfallCause::kWindows,
         "their hours and the eligible employers' hours overlap too little",
         "Widen their availability, or that of the employers they match, so "
         "that they share more slots."},
        {ShortfallCause::kSeatsTaken,
         "every seat at their eligible employers was taken while they were "
         "free",
         "Capacity is the cause: more tables or a larger group_size at these "
         "employers give them room (the number is how many of them each one "
         "had no seat for)."},
        {ShortfallCause::kBusy,
         "the employers left meet only while they are busy",
         "The eligible employers they do not meet share slots with them only "
         "while they are in other conversations; wider windows give the "
         "planner room to fit them in."},
        {ShortfallCause::kTradeOff,
         "an eligible employer had a free seat while they were free",
         "Not a shortage of employers, hours or tables: the planner traded "
         "these off (objective.fairness, employers.min_meetings, "
         "employers.max_consecutive), or the schedule was edited. "
         "fairmatch explain --attendee ID shows each pair."},
    };
    constexpr std::size_t kShown = 200;
    for (const Group& g : kGroups) {
      std::vector<const Shortfall*> group;
      for (const Shortfall& f : shortfalls_) {
        if (f.cause == g.cause) group.push_back(&f);
      }
      if (group.empty()) continue;
      std::string list = "<ul class=\"why\">";
      for (std::size_t i = 0; i < group.size() && i < kShown; ++i) {
        list += "<li>" + ShortfallLine(*group[i]) + "</li>";
      }
      if (group.size() > kShown) {
        list += "<li><i>+" +
                Int(static_cast<long long>(group.size() - kShown)) +
                " more; fairmatch explain --attendee ID explains any "
                "one</i></li>";
      }
      list += "</ul>";
      std::string employers;
      if (g.cause == ShortfallCause::kSeatsTaken) {
        std::vector<int> turned_away(fair_.num_employers(), 0);
        for (const Shortfall* f : group) {
          for (int e : f->full) ++turned_away[e];
        }
        std::vector<std::pair<int, int>> ranked;  // (-count, employer)
        for (int e = 0; e < fair_.num_employers(); ++e) {
          if (turned_away[e] > 0) ranked.push_back({-turned_away[e], e});
        }
        std::sort(ranked.begin(), ranked.end());
        std::vector<std::string> chips;
        for (const auto& [count, e] : ranked) {
          chips.push_back("<b>" + EmployerName(e) + "</b> " + Int(-count));
        }
        employers = Chips(chips, 10);
      }
      Note("info",
           Plural(static_cast<long long>(group.size()), "attendee has",
                  "attendees have") +
               " " + target + ": " + g.headline,
           Esc(g.advice) + employers + list);
    }
  }

  void Warnings() {
    out_ += "<h2>Worth acting on</h2>\n<ul class=\"notes\">\n";

    InputWarnings();

    // Attendees without any conversation, by name.
    std::vector<std::string> lonely;
    for (int a : people_.attendees()) {
      if (count_of_attendee_[a] == 0) lonely.push_back(Who(a));
    }
    if (!lonely.empty()) {
      const long long n = static_cast<long long>(lonely.size());
      std::string detail = Int(metrics_.eligible_attendees_with_no_meeting) +
                           " of " + Int(n) + (n == 1 ? " shares" : " share") +
                           " a slot with an eligible employer.";
      if (!shortfalls_.empty()) {
        detail += " Why each falls short is in the notes below.";
      }
      if (open_booth_sheets_ == n) {
        detail += n == 1 ? " Their sheet lists open booths to visit."
                         : " Their sheets list open booths to visit.";
      } else if (open_booth_sheets_ > 0) {
        detail += " The sheets of " + Int(open_booth_sheets_) +
                  " of them list open booths to visit.";
      }
      Note("warn",
           Plural(n, "attendee has", "attendees have") + " no conversation",
           detail + Chips(lonely, 8));
    } else if (fair_.num_attendees() > 0) {
      Note("ok", "Every attendee has at least one conversation", "");
    }

    ShortfallNotes();

    // Employers without a conversation, by name.
    std::vector<std::string> idle;
    for (int e : people_.employers()) {
      if (conversations_of_employer_[e] == 0) {
        idle.push_back(User(people_.EmployerName(e)) + " <i>" +
                       User(fair_.employers[e].booth) + "</i>");
      }
    }
    if (!idle.empty()) {
      Note("warn",
           Plural(static_cast<long long>(idle.size()), "employer has",
                  "employers have") +
               " no conversation",
           "Check their seeks, values and hours." + Chips(idle, 12));
    } else if (fair_.num_employers() > 0) {
      Note("ok", "Every employer has at least one conversation", "");
    }

    // Tables never used, at employers that do hold conversations.
    std::vector<std::string> spare;
    long long spare_count = 0;
    for (int e : people_.employers()) {
      if (conversations_of_employer_[e] == 0 || unused_tables_[e].empty()) {
        continue;
      }
      std::string tables;
      for (int t : unused_tables_[e]) {
        tables += (tables.empty() ? "" : ", ") + Int(t);
        ++spare_count;
      }
      spare.push_back("<b>" + User(people_.EmployerName(e)) + "</b> " +
                      (unused_tables_[e].size() == 1 ? "table " : "tables ") +
                      tables);
    }
    if (!spare.empty()) {
      Note("info",
           Plural(spare_count, "table is", "tables are") +
               " never used at employers that do hold conversations",
           "Fewer tables would free floor space." + Chips(spare, 10));
    }

    // Must-meet requests, by attendee name, then employer name.
    long long requested = 0;
    std::vector<std::string> unmet;
    for (int a : people_.attendees()) {
      std::vector<int> wanted;
      for (int e : fair_.attendees[a].must_meet) {
        if (e >= 0 && e < fair_.num_employers()) wanted.push_back(e);
      }
      std::sort(wanted.begin(), wanted.end(), [&](int x, int y) {
        return people_.EmployerRank(x) < people_.EmployerRank(y);
      });
      for (int e : wanted) {
        ++requested;
        if (!met_[a].count(e)) {
          unmet.push_back(User(people_.AttendeeName(a)) + " \xE2\x86\x92 " +
                          User(people_.EmployerName(e)));
        }
      }
    }
    if (!unmet.empty()) {
      Note("warn",
           Int(static_cast<long long>(unmet.size())) + " of " +
               Plural(requested, "must-meet request is",
                      "must-meet requests are") +
               " not met",
           "fairmatch check reports each; fairmatch explain --attendee ID "
           "--employer ID says why." +
               Chips(unmet, 10));
    } else if (requested > 0) {
      Note("ok",
           requested == 1
               ? "The must-meet request is met"
               : "All " + Int(requested) + " must-meet requests are met",
           "");
    }

    TagWarnings();
    out_ += "</ul>\n";
  }

  void TagWarnings() {
    std::map<std::string, TagUse> uses;  // by normalised tag: sorted output
    auto count = [&](const std::vector<std::string>& tags, int TagUse::*side) {
      std::set<std::string> seen;
      for (const std::string& tag : tags) {
        std::string key = NormalizeTag(tag);
        if (key.empty() || !seen.insert(key).second) continue;
        TagUse& use = uses[key];
        ++(use.*side);
        ++use.spellings[tag];
      }
    };
    for (const Attendee& a : fair_.attendees) {
      count(a.offers, &TagUse::attendee_offers);
      count(a.seeks, &TagUse::attendee_seeks);
    }
    for (const Employer& e : fair_.employers) {
      count(e.offers, &TagUse::employer_offers);
      count(e.seeks, &TagUse::employer_seeks);
    }
    // Each direction of the benefit score pairs a seek with an offer; a tag
    // on one end only never scores, and is most often a typo or a word the
    // other side spells differently. Seeks nobody can meet come first.
    struct Direction {
      const char* headline;
      const char* unit_one;
      const char* unit_many;
      int TagUse::*used;
      int TagUse::*missing;
    };
    const Direction kDirections[] = {
        {"employers seek that no attendee offers", "employer", "employers",
         &TagUse::employer_seeks, &TagUse::attendee_offers},
        {"attendees seek that no employer offers", "attendee", "attendees",
         &TagUse::attendee_seeks, &TagUse::employer_offers},
        {"employers offer that no attendee seeks", "employer", "employers",
         &TagUse::employer_offers, &TagUse::attendee_seeks},
        {"attendees offer that no employer seeks", "attendee", "attendees",
         &TagUse::attendee_offers, &TagUse::employer_seeks},
    };
    for (const Direction& d : kDirections) {
      std::vector<std::pair<int, std::string>> lonely;  // (-count, tag)
      for (const auto& [tag, use] : uses) {
        if (use.*(d.used) > 0 && use.*(d.missing) == 0) {
          lonely.push_back({-(use.*(d.used)), tag});
        }
      }
      if (lonely.empty()) continue;
      std::sort(lonely.begin(), lonely.end());
      constexpr std::size_t kShown = 10;
      std::vector<std::string> chips;
      for (std::size_t i = 0; i < lonely.size() && i < kShown; ++i) {
        const std::string& tag = lonely[i].second;
        std::string chip = "<b>" + User(Spelling(uses.at(tag))) + "</b> " +
                           Int(-lonely[i].first);
        // A near spelling on the other end suggests a typo.
        std::string guess;
        int best = 3;
        int best_count = 0;
        for (const auto& [other, use] : uses) {
          if (use.*(d.missing) == 0 || other == tag) continue;
          if (std::max(other.size(), tag.size()) -
                  std::min(other.size(), tag.size()) >
              2) {
            continue;
          }
          int limit = tag.size() >= 8 ? 2 : (tag.size() >= 4 ? 1 : 0);
          int dist = EditDistance(tag, other);
          if (dist > limit) continue;
          if (dist < best || (dist == best && use.*(d.missing) > best_count)) {
            best = dist;
            best_count = use.*(d.missing);
            guess = Spelling(use);
          }
        }
        if (!guess.empty()) chip += " <i>(" + Esc(guess) + "?)</i>";
        chips.push_back(chip);
      }
      Note("info",
           Plural(static_cast<long long>(lonely.size()), "tag", "tags") + " " +
               d.headline,
           std::string("They never score. Likely typos or missing vocabulary; "
                       "the number is how many ") +
               d.unit_many + " use the tag." + Chips(chips, kShown));
    }
  }

  void Charts() {
    out_ += "<h2>Charts</h2>\n<div class=\"charts\">\n";

    // Histogram of attendee totals: a bar for those with no conversation,
    // then 8 equal bins over (0, max].
    {
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
    {
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
    {
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
              BarChart(bars, "Mean score by slot", false, 700) +
              "<figcaption>" + caption + "</figcaption></figure>\n";
    }

    // Table utilisation per employer (most idle first), or its distribution
    // when there are too many employers for one row each.
    {
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
    out_ += "</div>\n";
  }

  // ------------------------------------------------ wishes and requirements

  bool HasWishes() const {
    auto any = [](const auto& people) {
      return std::any_of(people.begin(), people.end(),
                         [](const Profile& p) { return !p.wants.empty(); });
    };
    return any(fair_.attendees) || any(fair_.employers);
  }
  bool HasRequirements() const {
    auto any = [](const auto& people) {
      return std::any_of(people.begin(), people.end(), [](const Profile& p) {
        return !p.requirements.empty();
      });
    };
    return any(fair_.attendees) || any(fair_.employers);
  }

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
    if (m.gap >= 0) row("gap", Fixed(m.gap * 100, 3) + "%");
    for (const auto& [name, value] : m.planner) row(name, Number(value));
    for (const auto& [name, seconds] : m.stage_seconds) {
      row("time: " + name, Fixed(seconds, 3) + " s");
    }
    out_ += "</table>\n";
  }

  const Fair& fair_;
  const Compatibility& compat_;
  const Schedule& schedule_;
  const Metrics& metrics_;
  const PeopleView people_;
  std::vector<int> places_of_employer_;  // attendee places at each employer
  std::vector<int> count_of_attendee_;
  std::vector<double> total_of_attendee_;
  std::vector<std::set<int>> met_;  // employers each attendee meets
  std::vector<int> conversations_of_employer_;
  std::vector<double> table_share_;
  std::vector<std::vector<int>> unused_tables_;
  std::vector<double> slot_score_;
  std::vector<int> slot_places_;
  std::vector<Shortfall> shortfalls_;  // attendees below target
  int open_booth_sheets_ = 0;  // attendees without one whose sheets list booths
  std::string out_;
};

}  // namespace

std::string RenderReportHtml(const Fair& fair, const Compatibility& compat,
                             const Schedule& schedule, const Metrics& metrics) {
  return ReportWriter(fair, compat, schedule, metrics).Render();
}

}  // namespace fairmatch
