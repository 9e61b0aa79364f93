// What every part of report.html (render/report_html.h) shares: the text
// formatting, the facts about the plan that several parts read (counted
// once per report), and ReportSection, the base of each part's writer,
// with the notes, chips and names the parts print alike.
//
//   const ReportFacts facts = CollectFacts(fair, compat, schedule);
//   const ReportInputs in{fair, compat, schedule, metrics, people, facts};
//   WriteCharts(in, html);  // report_charts.h; likewise the other parts
//
// Numbers are locale-independent and never "-0"; user text is escaped and
// isolated for bidi (User), everything else escaped (Esc).
#ifndef FAIRMATCH_RENDER_REPORT_SECTION_H_
#define FAIRMATCH_RENDER_REPORT_SECTION_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/check/metrics.h"
#include "engine/check/shortfall.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/render/decimal.h"
#include "engine/render/people.h"
#include "engine/score/compatibility.h"

namespace fairmatch::report {

inline constexpr std::string_view kEnDash = "\xE2\x80\x93";

// Fixed-point text with `decimals` decimals; "n/a" when not finite.
inline std::string Fixed(double value, int decimals) {
  return FormatFixed(value, decimals);
}
std::string Int(long long value);
// "42%" of a fraction.
std::string Percent(double fraction);
// A counter as an integer when it is one, else with 3 decimals.
std::string Number(double value);
// Text escaped for HTML.
std::string Esc(const std::string& text);
// User text (names, booths, tags, the venue): escaped and isolated for bidi.
std::string User(const std::string& text);
// "1 attendee", "3 attendees".
std::string Plural(long long n, std::string_view one, std::string_view many);

// What the parts of the report count from the schedule. Meetings that name
// a slot, employer or attendee that does not exist are left out (check/
// reports them); tables count only in range and in the employer's hours.
struct ReportFacts {
  std::vector<int> places_of_employer;    // attendee places at each employer
  std::vector<int> count_of_attendee;     // conversations of each attendee
  std::vector<double> total_of_attendee;  // the sum of their pair scores
  std::vector<std::set<int>> met;         // employers each attendee meets
  std::vector<int> conversations_of_employer;
  // Per employer: the share of its available table slots in use, and its
  // tables never used.
  std::vector<double> table_share;
  std::vector<std::vector<int>> unused_tables;
  std::vector<double> slot_score;     // summed pair scores per slot
  std::vector<int> slot_places;       // attendee places per slot
  std::vector<Shortfall> shortfalls;  // attendees below target
  int open_booth_sheets = 0;  // attendees without one whose sheets list booths
};

ReportFacts CollectFacts(const Fair& fair, const Compatibility& compat,
                         const Schedule& schedule);

// What a part of the report is written from.
struct ReportInputs {
  const Fair& fair;
  const Compatibility& compat;
  const Schedule& schedule;
  const Metrics& metrics;
  const PeopleView& people;
  const ReportFacts& facts;
};

// The base of a part's writer: the inputs under the names the parts use,
// and the HTML being written.
class ReportSection {
 public:
  ReportSection(const ReportInputs& in, std::string& out);

 protected:
  double Share(long long part, long long whole) const;
  // One warning: severity ("warn", "info", "ok"), headline, detail HTML.
  void Note(std::string_view severity, const std::string& headline,
            const std::string& detail_html);
  // "<ul class=chips><li>…</li>…</ul>" of the first `limit` items, with a
  // "+N more" chip for the rest.
  static std::string Chips(const std::vector<std::string>& items_html,
                           std::size_t limit);
  // "<b>Name</b> (id)", escaped: how the report names an attendee (a
  // namesake's name carries the programme, render/people.h).
  std::string Who(int a) const;
  // The employer's name as written, or its id when it has none.
  std::string EmployerName(int e) const;
  // Whether anyone wishes to meet someone, or requires something.
  bool HasWishes() const;
  bool HasRequirements() const;

  const Fair& fair_;
  const Compatibility& compat_;
  const Schedule& schedule_;
  const Metrics& metrics_;
  const PeopleView& people_;
  // The facts (ReportFacts).
  const std::vector<int>& places_of_employer_;
  const std::vector<int>& count_of_attendee_;
  const std::vector<double>& total_of_attendee_;
  const std::vector<std::set<int>>& met_;
  const std::vector<int>& conversations_of_employer_;
  const std::vector<double>& table_share_;
  const std::vector<std::vector<int>>& unused_tables_;
  const std::vector<double>& slot_score_;
  const std::vector<int>& slot_places_;
  const std::vector<Shortfall>& shortfalls_;
  const int open_booth_sheets_;
  std::string& out_;
};

}  // namespace fairmatch::report

#endif  // FAIRMATCH_RENDER_REPORT_SECTION_H_
