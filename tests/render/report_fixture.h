// The report tests' helpers: report.html rendered whole, or one of its
// parts written alone, and the fair with wishes and requirements.
#ifndef FAIRMATCH_TESTS_RENDER_REPORT_FIXTURE_H_
#define FAIRMATCH_TESTS_RENDER_REPORT_FIXTURE_H_

#include <catch2/catch.hpp>
#include <string>

#include "engine/check/metrics.h"
#include "engine/render/people.h"
#include "engine/render/report_html.h"
#include "engine/render/report_section.h"
#include "engine/score/compatibility.h"
#include "tests/fixtures/spring_fair.h"

namespace fairmatch::testing {

inline std::string Render(const Fair& fair, const Schedule& schedule,
                          Metrics* metrics_out = nullptr) {
  Compatibility compat = Compatibility::Build(fair);
  Metrics metrics = ComputeMetrics(fair, compat, schedule);
  if (metrics_out != nullptr) metrics = *metrics_out;
  return RenderReportHtml(fair, compat, schedule, metrics);
}

// The text of the "Worth acting on" list.
inline std::string Warnings(const std::string& html) {
  std::size_t begin = html.find("<ul class=\"notes\">");
  std::size_t end = html.find("</ul>\n", begin);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  return html.substr(begin, end - begin);
}

// The fixture with wishes on both sides and two requirements, min_score 0
// so that only requirements (and avoids) decide eligibility:
//   Ada wants Acme (met at 10:00);
//   Hương wants Blue Labs, then Acme (met at 10:00);
//   Şükrü wants Acme, whose requirement he fails, then Blue Labs;
//   Acme wants Şükrü, Blue Labs wants Ada (met at 10:15).
// Blue Labs is there at 10:15 only, with one seat (Ada's): its two
// eligible wishers are more than its seats.
inline Fair WishFair() {
  Fair fair = FixtureFair();
  fair.config.min_score = 0;
  fair.attendees[0].wants = {0};
  fair.attendees[1].wants = {1, 0};
  fair.attendees[2].wants = {0, 1};
  fair.attendees[2].program = "BSc Sales";
  fair.employers[0].wants = {2};
  fair.employers[1].wants = {0};
  fair.employers[1].group_size = 1;
  fair.employers[1].available = {fair.slots[1]};
  Requirement msc;
  msc.field = "program";
  msc.any_of = {"msc computer science"};
  msc.mark = {"fixture/employers.yaml", 9, 5};
  fair.employers[0].requirements = {msc};
  // Şükrü asks for remote work, which only Blue Labs states.
  Requirement remote;
  remote.field = "extra.remote";
  remote.any_of = {"yes"};
  remote.mark = {"fixture/attendees.yaml", 30, 5};
  fair.attendees[2].requirements = {remote};
  fair.employers[1].extra = {{"remote", "yes"}};
  return fair;
}

// The text of the "Wishes and requirements" part.
inline std::string WishPart(const std::string& html) {
  std::size_t begin = html.find("<h2>Wishes and requirements</h2>");
  std::size_t end = html.find("<h2>", begin + 1);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  return html.substr(begin, end - begin);
}

// One part of the report, written alone by `write` (WriteWarnings, ...).
inline std::string Part(void (*write)(const report::ReportInputs&,
                                      std::string&),
                        const Fair& fair, const Schedule& schedule) {
  const Compatibility compat = Compatibility::Build(fair);
  const Metrics metrics = ComputeMetrics(fair, compat, schedule);
  const PeopleView people(fair);
  const report::ReportFacts facts =
      report::CollectFacts(fair, compat, schedule);
  std::string html;
  write(report::ReportInputs{fair, compat, schedule, metrics, people, facts},
        html);
  return html;
}

}  // namespace fairmatch::testing

#endif  // FAIRMATCH_TESTS_RENDER_REPORT_FIXTURE_H_
