#include "engine/render/report_section.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/render/schedules_html.h"

namespace fairmatch::report {

std::string Int(long long value) { return std::to_string(value); }

std::string Percent(double fraction) { return Fixed(fraction * 100, 0) + "%"; }

std::string Number(double value) {
  if (std::isfinite(value) && value == std::floor(value) &&
      std::fabs(value) < 1e15) {
    return Int(static_cast<long long>(value));
  }
  return Fixed(value, 3);
}

std::string Esc(const std::string& text) { return HtmlEscape(text); }
std::string User(const std::string& text) { return HtmlIsolate(text); }

std::string Plural(long long n, std::string_view one, std::string_view many) {
  return Int(n) + " " + std::string(n == 1 ? one : many);
}

ReportFacts CollectFacts(const Fair& fair, const Compatibility& compat,
                         const Schedule& schedule) {
  ReportFacts facts;
  facts.places_of_employer.assign(fair.num_employers(), 0);
  facts.count_of_attendee.assign(fair.num_attendees(), 0);
  facts.total_of_attendee.assign(fair.num_attendees(), 0.0);
  facts.met.resize(fair.num_attendees());
  facts.conversations_of_employer.assign(fair.num_employers(), 0);
  facts.slot_score.assign(fair.num_slots(), 0.0);
  facts.slot_places.assign(fair.num_slots(), 0);
  std::vector<std::set<std::pair<int, int>>> cells(fair.num_employers());
  for (const Meeting& m : schedule.meetings) {
    if (m.employer < 0 || m.employer >= fair.num_employers() || m.slot < 0 ||
        m.slot >= fair.num_slots()) {
      continue;
    }
    ++facts.conversations_of_employer[m.employer];
    if (m.table >= 1 && m.table <= fair.employers[m.employer].tables &&
        fair.EmployerAvailable(m.employer, m.slot)) {
      cells[m.employer].insert({m.table, m.slot});
    }
    for (int a : m.attendees) {
      if (a < 0 || a >= fair.num_attendees()) continue;
      double score = compat.Pair(a, m.employer).score;
      ++facts.count_of_attendee[a];
      ++facts.places_of_employer[m.employer];
      facts.total_of_attendee[a] += score;
      facts.met[a].insert(m.employer);
      facts.slot_score[m.slot] += score;
      ++facts.slot_places[m.slot];
    }
  }
  for (int e = 0; e < fair.num_employers(); ++e) {
    int available = 0;
    for (int s = 0; s < fair.num_slots(); ++s) {
      if (fair.EmployerAvailable(e, s)) ++available;
    }
    long long capacity = static_cast<long long>(available) *
                         std::max(0, fair.employers[e].tables);
    facts.table_share.push_back(
        capacity > 0 ? static_cast<double>(cells[e].size()) / capacity : 0);
    std::vector<int> unused;
    for (int t = 1; t <= fair.employers[e].tables; ++t) {
      bool used = false;
      for (const auto& cell : cells[e]) used = used || cell.first == t;
      if (!used) unused.push_back(t);
    }
    facts.unused_tables.push_back(std::move(unused));
  }
  facts.shortfalls = FindShortfalls(fair, compat, schedule);
  for (int a = 0; a < fair.num_attendees(); ++a) {
    if (facts.count_of_attendee[a] == 0 &&
        !OpenBooths(fair, compat, a).empty()) {
      ++facts.open_booth_sheets;
    }
  }
  return facts;
}

ReportSection::ReportSection(const ReportInputs& in, std::string& out)
    : fair_(in.fair),
      compat_(in.compat),
      schedule_(in.schedule),
      metrics_(in.metrics),
      people_(in.people),
      places_of_employer_(in.facts.places_of_employer),
      count_of_attendee_(in.facts.count_of_attendee),
      total_of_attendee_(in.facts.total_of_attendee),
      met_(in.facts.met),
      conversations_of_employer_(in.facts.conversations_of_employer),
      table_share_(in.facts.table_share),
      unused_tables_(in.facts.unused_tables),
      slot_score_(in.facts.slot_score),
      slot_places_(in.facts.slot_places),
      shortfalls_(in.facts.shortfalls),
      open_booth_sheets_(in.facts.open_booth_sheets),
      out_(out) {}

double ReportSection::Share(long long part, long long whole) const {
  return whole > 0 ? static_cast<double>(part) / whole : 0;
}

void ReportSection::Note(std::string_view severity, const std::string& headline,
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

std::string ReportSection::Chips(const std::vector<std::string>& items_html,
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

std::string ReportSection::Who(int a) const {
  const Attendee& attendee = fair_.attendees[a];
  if (attendee.name.empty() || attendee.name == attendee.id) {
    return "<b>" + User(attendee.id) + "</b>";
  }
  return "<b>" + User(people_.AttendeeName(a)) + "</b> (" + User(attendee.id) +
         ")";
}

std::string ReportSection::EmployerName(int e) const {
  const Employer& employer = fair_.employers[e];
  return User(employer.name.empty() ? employer.id : employer.name);
}

bool ReportSection::HasWishes() const {
  auto any = [](const auto& people) {
    return std::any_of(people.begin(), people.end(),
                       [](const Profile& p) { return !p.wants.empty(); });
  };
  return any(fair_.attendees) || any(fair_.employers);
}
bool ReportSection::HasRequirements() const {
  auto any = [](const auto& people) {
    return std::any_of(people.begin(), people.end(), [](const Profile& p) {
      return !p.requirements.empty();
    });
  };
  return any(fair_.attendees) || any(fair_.employers);
}

}  // namespace fairmatch::report
