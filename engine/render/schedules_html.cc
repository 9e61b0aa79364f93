#include "engine/render/schedules_html.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/check/shortfall.h"
#include "engine/render/decimal.h"
#include "engine/render/meeting_index.h"
#include "engine/render/people.h"
#include "engine/render/talking_point_lines.h"
#include "engine/score/talking_points.h"

namespace fairmatch {
namespace {

// Print first: sheets are pages (@page margins, a break after each), with a
// light screen view of the same pages on a grey desk. No web fonts, images
// or scripts, so the file prints the same offline.
constexpr char kStyle[] = R"css(
@page { margin: 15mm 14mm 17mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #1d232a; background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
    "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  font-size: 11pt; line-height: 1.4; }
.sheet { break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.band { display: flex; justify-content: space-between; align-items: baseline;
  gap: 12pt; background: #24476b; color: #fff; padding: 6pt 10pt;
  border-radius: 3pt; font-size: 9.5pt; }
.band .event { font-weight: 600; overflow-wrap: anywhere; }
.band .when { text-align: right; overflow-wrap: anywhere; }
.kind { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .08em;
  color: #5b6670; margin: 16pt 0 0; }
h1 { font-size: 20pt; line-height: 1.2; margin: 2pt 0 4pt; font-weight: 650;
  overflow-wrap: anywhere; }
h2 { font-size: 12pt; margin: 16pt 0 4pt; color: #24476b;
  break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6pt; }
.meta { color: #4a5561; overflow-wrap: anywhere; }
.meta span + span::before { content: "\00B7"; margin: 0 6pt; color: #9aa5b1; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: left; font-size: 8.5pt; font-weight: 600; color: #5b6670;
  text-transform: uppercase; letter-spacing: .05em; padding: 4pt 6pt;
  border-bottom: 1pt solid #24476b; }
td { vertical-align: top; padding: 6pt; border-bottom: .5pt solid #d5dbe1;
  overflow-wrap: anywhere; }
td.time { white-space: nowrap; font-weight: 600;
  font-variant-numeric: tabular-nums; width: 1%; }
td.num { text-align: center; width: 1%; }
.why { list-style: none; margin: 0; padding: 0; font-size: 9.5pt;
  color: #33404d; }
.why b { font-weight: 600; color: #1d232a; }
.muted { color: #7b8794; }
.free { color: #8a96a3; font-style: italic; }
.solo { white-space: nowrap; }
tr.break td { background: #f3f5f7; color: #5b6670; font-size: 9pt;
  padding: 3pt 6pt; }
.person + .person { margin-top: 6pt; padding-top: 6pt;
  border-top: .5pt dashed #d5dbe1; }
.notice { background: #f3f6f9; border-left: 3pt solid #24476b;
  padding: 10pt 12pt; margin: 14pt 0; }
.stats { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8pt;
  margin: 14pt 0; }
.stat { border: .5pt solid #d5dbe1; border-radius: 3pt; padding: 8pt 10pt; }
.stat .n { display: block; font-size: 17pt; font-weight: 650;
  font-variant-numeric: tabular-nums; }
.stat .l { font-size: 9pt; color: #5b6670; }
@media screen {
  body { background: #e4e8ec; padding: 12pt 0; }
  .sheet { background: #fff; width: 210mm; min-height: 297mm;
    margin: 0 auto 12pt; padding: 15mm 14mm;
    box-shadow: 0 1pt 4pt rgba(0, 0, 0, .18); }
}
)css";

// The organiser's extra fields under a sheet's header; only written into
// files that show some, so a fair without extras gives the bytes it always
// gave.
constexpr char kExtraStyle[] = R"css(
.extra { display: grid; grid-template-columns: max-content 1fr;
  gap: 2pt 10pt; margin: 6pt 0 0; font-size: 9.5pt; }
.extra dt { color: #5b6670; font-weight: 600; overflow-wrap: anywhere; }
.extra dd { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
)css";

constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr std::string_view kMiddleDot = " \xC2\xB7 ";

void AppendEscaped(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&#39;");
        break;
      default:
        out->push_back(c);
    }
  }
}

// Appends user text, escaped, as its own bidi isolate (HtmlIsolate).
void AppendIsolated(std::string_view text, std::string* out) {
  out->append("<bdi>");
  AppendEscaped(text, out);
  out->append("</bdi>");
}

// Parts of user text, each isolated, between `sep`s.
void AppendIsolatedList(const std::vector<std::string>& parts,
                        std::string_view sep, std::string* out) {
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) AppendEscaped(sep, out);
    AppendIsolated(parts[i], out);
  }
}

// Appends `<tag class="cls">escaped text</tag>`; with `user`, the text is
// user text, isolated.
void AppendElement(std::string_view tag, std::string_view cls,
                   std::string_view text, std::string* out, bool user = false);

// Appends `<tag class="cls">escaped text</tag>`.
void AppendElement(std::string_view tag, std::string_view cls,
                   std::string_view text, std::string* out, bool user) {
  out->push_back('<');
  out->append(tag);
  if (!cls.empty()) {
    out->append(" class=\"");
    out->append(cls);
    out->push_back('"');
  }
  out->push_back('>');
  if (user) {
    AppendIsolated(text, out);
  } else {
    AppendEscaped(text, out);
  }
  out->append("</");
  out->append(tag);
  out->push_back('>');
}

std::string ClockRange(const Slot& slot) {
  std::string text = FormatClock(slot.start);
  text.append(kEnDash);
  text.append(FormatClock(slot.end));
  return text;
}

std::string FormatInt(long long value) { return std::to_string(value); }

std::string FormatPercent(double fraction) {
  return FormatFixed(fraction * 100, 0) + "%";
}

// The talking points of one pair as a short list. On an attendee's sheet
// "you" is the attendee; on an employer's sheet it is the employer.
void AppendTalkingPoints(const TalkingPoints& tp, bool employer_view,
                         std::string* out) {
  if (IsOpenConversation(tp)) {
    out->append("<span class=\"muted\">");
    out->append(kOpenConversationText);
    out->append("</span>");
    return;
  }
  out->append("<ul class=\"why\">");
  if (tp.mutual_wish) {
    out->append("<li><b>");
    out->append(kMutualWishText);
    out->append("</b></li>");
  }
  for (const TalkingPointLine& line : TalkingPointLines(tp, employer_view)) {
    out->append("<li><b>");
    out->append(line.label);
    out->append("</b> ");
    AppendIsolatedList(*line.parts, ", ", out);
    out->append("</li>");
  }
  out->append("</ul>");
}

void AppendBand(const Fair& fair, std::string* out) {
  out->append("<header class=\"band\">");
  AppendElement("span", "event", fair.event.name, out, true);
  out->append("<span class=\"when\">");
  AppendEscaped(fair.event.date, out);
  if (!fair.event.venue.empty()) {
    AppendEscaped(kMiddleDot, out);
    AppendIsolated(fair.event.venue, out);
  }
  out->append("</span>");
  out->append("</header>\n");
}

void AppendStat(std::string_view number, std::string_view label,
                std::string* out) {
  out->append("<div class=\"stat\">");
  AppendElement("span", "n", number, out);
  AppendElement("span", "l", label, out);
  out->append("</div>");
}

class HtmlWriter {
 public:
  HtmlWriter(const Fair& fair, const Compatibility& compat,
             const Schedule& schedule, const Metrics& metrics,
             const MeetingIndex& index)
      : fair_(fair),
        compat_(compat),
        schedule_(schedule),
        metrics_(metrics),
        index_(index),
        people_(fair) {}

  std::string Render() {
    out_.reserve(8192 + 3000 * fair_.attendees.size() +
                 (1200 + 250 * fair_.slots.size()) * fair_.employers.size() +
                 600 * index_.attendee_places());
    out_.append(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
        "<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n<title>");
    AppendEscaped(fair_.event.name, &out_);
    out_.append(" \xE2\x80\x93 conversation schedules</title>\n<style>");
    out_.append(kStyle);
    if (AnyExtraShown()) out_.append(kExtraStyle);
    out_.append("</style>\n</head>\n<body>\n");
    Cover();
    for (int a : people_.attendees()) AttendeeSheet(a);
    for (int e : people_.employers()) EmployerSheet(e);
    out_.append("</body>\n</html>\n");
    return std::move(out_);
  }

 private:
  bool AnyExtraShown() const {
    return !ShownExtraKeys(fair_.config, ExtraKeys(fair_, true)).empty() ||
           !ShownExtraKeys(fair_.config, ExtraKeys(fair_, false)).empty();
  }

  // The sheet owner's extra fields as a list of terms, values as written
  // (line breaks kept).
  void ExtraList(const ExtraFields& extra) {
    const ExtraFields shown = ShownExtra(fair_.config, extra);
    if (shown.empty()) return;
    out_.append("<dl class=\"extra\">");
    for (const auto& [key, value] : shown) {
      AppendElement("dt", "", key, &out_, true);
      AppendElement("dd", "", value, &out_, true);
    }
    out_.append("</dl>\n");
  }

  // The others in attendee a's conversation m, each isolated.
  void AppendOtherNames(const Meeting& m, int a) {
    std::vector<std::string> names;
    for (int other : m.attendees) {
      if (other != a) names.push_back(people_.AttendeeName(other));
    }
    out_.append("<td>");
    AppendIsolatedList(names, ", ", &out_);
    out_.append("</td>");
  }

  void Cover() {
    out_.append("<section class=\"sheet\" data-sheet=\"cover\">\n");
    AppendBand(fair_, &out_);
    AppendElement("p", "kind", "Conversation schedules", &out_);
    AppendElement("h1", "", fair_.event.name, &out_, true);
    out_.append("<p class=\"meta\">");
    AppendElement("span", "", fair_.event.date, &out_);
    if (!fair_.slots.empty()) {
      AppendElement("span", "",
                    FormatClock(fair_.slots.front().start) +
                        std::string(kEnDash) +
                        FormatClock(fair_.slots.back().end),
                    &out_);
    }
    if (!fair_.event.timezone.empty()) {
      AppendElement("span", "", fair_.event.timezone, &out_);
    }
    if (!fair_.event.venue.empty()) {
      AppendElement("span", "", fair_.event.venue, &out_, true);
    }
    out_.append("</p>\n");

    long long tables = 0;
    for (const Employer& e : fair_.employers) tables += e.tables;
    int without = 0;
    for (int a = 0; a < fair_.num_attendees(); ++a) {
      if (index_.OfAttendee(a).empty()) ++without;
    }
    out_.append("<div class=\"stats\">");
    AppendStat(FormatInt(fair_.num_attendees()), "attendees", &out_);
    AppendStat(FormatInt(fair_.num_employers()), "employers", &out_);
    AppendStat(FormatInt(tables), "tables", &out_);
    AppendStat(FormatInt(fair_.num_slots()),
               "slots of " + FormatInt(fair_.event.length) + " minutes", &out_);
    AppendStat(FormatInt(static_cast<long long>(schedule_.meetings.size())),
               "conversations", &out_);
    AppendStat(FormatInt(index_.attendee_places()), "attendee places", &out_);
    AppendStat(FormatInt(without), "attendees without a conversation", &out_);
    AppendStat(FormatFixed(metrics_.mean_score_per_meeting, 2),
               "mean score per attendee place", &out_);
    AppendStat(FormatPercent(metrics_.table_utilisation), "table utilisation",
               &out_);
    out_.append("</div>\n");

    out_.append(
        "<h2>In this file</h2>\n<p>One sheet per attendee, by name, with "
        "their conversations and what to talk about; then one sheet per "
        "employer, by name, with a slot-by-slot roster of every table.</p>\n"
        "</section>\n");
  }

  void AttendeeSheet(int a) {
    const Attendee& attendee = fair_.attendees[a];
    out_.append("<section class=\"sheet\" data-sheet=\"attendee\">\n");
    AppendBand(fair_, &out_);
    const std::vector<int>& mine = index_.OfAttendee(a);
    AppendElement("p", "kind",
                  mine.empty() ? "Your day at the fair" : "Your conversations",
                  &out_);
    AppendElement("h1", "", people_.AttendeeName(a), &out_, true);
    out_.append("<p class=\"meta\">");
    if (!attendee.program.empty()) {
      AppendElement("span", "", attendee.program, &out_, true);
    }
    if (!attendee.email.empty()) {
      AppendElement("span", "", attendee.email, &out_, true);
    }
    AppendElement("span", "muted", attendee.id, &out_, true);
    out_.append("</p>\n");
    ExtraList(attendee.extra);

    if (mine.empty()) {
      NoConversation(a);
    } else {
      out_.append(
          "<table class=\"plan\">\n<thead><tr><th>Time</th><th>Employer</th>"
          "<th>Booth</th><th>Table</th><th>With</th><th>Why you two</th>"
          "</tr></thead>\n<tbody>\n");
      for (int i : mine) {
        const Meeting& m = schedule_.meetings[i];
        const Employer& employer = fair_.employers[m.employer];
        out_.append("<tr>");
        AppendElement("td", "time", ClockRange(fair_.slots[m.slot]), &out_);
        AppendElement("td", "", people_.EmployerName(m.employer), &out_, true);
        AppendElement("td", "", employer.booth, &out_, true);
        AppendElement("td", "num", FormatInt(m.table), &out_);
        if (m.attendees.size() <= 1) {
          out_.append("<td class=\"muted solo\">one-to-one</td>");
        } else {
          AppendOtherNames(m, a);
        }
        out_.append("<td>");
        AppendTalkingPoints(MakeTalkingPoints(fair_, a, m.employer), false,
                            &out_);
        out_.append("</td></tr>\n");
      }
      out_.append("</tbody>\n</table>\n");
    }
    out_.append("</section>\n");
  }

  // The page of an attendee the plan left out: say so plainly, apologise,
  // and point to the booths that suit them best, which they may visit.
  void NoConversation(int a) {
    const std::vector<int> candidates = OpenBooths(fair_, compat_, a);

    out_.append(
        "<div class=\"notice\"><p><b>We could not fit a scheduled "
        "conversation for you this time, and we are sorry.</b></p>"
        "<p>You are warmly welcome all day: every booth is open to "
        "visitors, and the reps are glad to talk.");
    if (!candidates.empty()) {
      out_.append(
          " These employers match you best, so they are a good place to "
          "start:");
    }
    out_.append("</p></div>\n");
    if (candidates.empty()) return;
    out_.append(
        "<table class=\"plan\">\n<thead><tr><th>Employer</th><th>Booth</th>"
        "<th>Why you two</th></tr></thead>\n<tbody>\n");
    for (int e : candidates) {
      out_.append("<tr>");
      AppendElement("td", "", people_.EmployerName(e), &out_, true);
      AppendElement("td", "", fair_.employers[e].booth, &out_, true);
      out_.append("<td>");
      AppendTalkingPoints(MakeTalkingPoints(fair_, a, e), false, &out_);
      out_.append("</td></tr>\n");
    }
    out_.append("</tbody>\n</table>\n");
  }

  void EmployerSheet(int e) {
    const Employer& employer = fair_.employers[e];
    const std::vector<int>& mine = index_.OfEmployer(e);
    // A table number past `tables` still shows up here (MeetingIndex).
    const int tables = index_.Tables(e);
    int places = 0;
    for (int i : mine) {
      places += static_cast<int>(schedule_.meetings[i].attendees.size());
    }

    out_.append("<section class=\"sheet\" data-sheet=\"employer\">\n");
    AppendBand(fair_, &out_);
    AppendElement("p", "kind", "Employer roster", &out_);
    AppendElement("h1", "", people_.EmployerName(e), &out_, true);
    out_.append("<p class=\"meta\">");
    if (!employer.booth.empty()) {
      out_.append("<span>Booth ");
      AppendIsolated(employer.booth, &out_);
      out_.append("</span>");
    }
    AppendElement("span", "",
                  FormatInt(employer.tables) +
                      (employer.tables == 1 ? " table" : " tables"),
                  &out_);
    AppendElement(
        "span", "",
        "up to " + FormatInt(fair_.GroupSize(e)) + " per conversation", &out_);
    AppendElement(
        "span", "",
        FormatInt(static_cast<long long>(mine.size())) +
            (mine.size() == 1 ? " conversation, " : " conversations, ") +
            FormatInt(places) + (places == 1 ? " attendee" : " attendees"),
        &out_);
    out_.append("</p>\n");
    ExtraList(employer.extra);

    const int slots = fair_.num_slots();
    for (int t = 1; t <= tables; ++t) {
      AppendElement("h2", "", "Table " + FormatInt(t), &out_);
      out_.append(
          "<table class=\"roster\">\n<thead><tr><th>Time</th>"
          "<th>Conversation</th></tr></thead>\n<tbody>\n");
      for (int s = 0; s < slots; ++s) {
        const Slot& slot = fair_.slots[s];
        if (fair_.RestBefore(s)) {
          out_.append("<tr class=\"break\">");
          AppendElement("td", "time",
                        FormatClock(fair_.slots[s - 1].end) +
                            std::string(kEnDash) + FormatClock(slot.start),
                        &out_);
          out_.append("<td>Break</td></tr>\n");
        }
        out_.append("<tr>");
        AppendElement("td", "time", ClockRange(slot), &out_);
        int i = index_.At(e, t, s);
        if (i < 0) {
          out_.append(fair_.EmployerAvailable(e, s)
                          ? "<td class=\"free\">free</td>"
                          : "<td class=\"free\">unavailable</td>");
        } else {
          out_.append("<td>");
          for (int a : schedule_.meetings[i].attendees) {
            const Attendee& attendee = fair_.attendees[a];
            out_.append("<div class=\"person\"><b>");
            AppendIsolated(people_.AttendeeNameBesideProgramme(a), &out_);
            out_.append("</b>");
            if (!attendee.program.empty()) {
              out_.append(" <span class=\"muted\">");
              AppendIsolated(attendee.program, &out_);
              out_.append("</span>");
            }
            AppendTalkingPoints(MakeTalkingPoints(fair_, a, e), true, &out_);
            out_.append("</div>");
          }
          out_.append("</td>");
        }
        out_.append("</tr>\n");
      }
      out_.append("</tbody>\n</table>\n");
    }
    out_.append("</section>\n");
  }

  const Fair& fair_;
  const Compatibility& compat_;
  const Schedule& schedule_;
  const Metrics& metrics_;
  const MeetingIndex& index_;
  const PeopleView people_;
  std::string out_;
};

}  // namespace

std::string HtmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  AppendEscaped(text, &out);
  return out;
}

std::string HtmlIsolate(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8 + 11);
  AppendIsolated(text, &out);
  return out;
}

std::string RenderSchedulesHtml(const Fair& fair, const Compatibility& compat,
                                const Schedule& schedule,
                                const Metrics& metrics) {
  absl::StatusOr<MeetingIndex> index = MeetingIndex::Build(fair, schedule);
  // A planned or checked schedule refers only to what exists.
  assert(index.ok());
  return HtmlWriter(fair, compat, schedule, metrics, *index).Render();
}

}  // namespace fairmatch
