// A tiny fair built by hand for the renderer tests, and small helpers to
// read renderer output back (CSV records, HTML sheets).
//
// The fair: "Spring Fair 2025" on 2025-03-14, slots 10:00-10:15,
// 10:15-10:30 and, after a break, 10:45-11:00; three values; attendees
// a001 Ada Lovelace, a002 Nguyễn Thị Hương, a003 Şükrü Öztürk; employers
// e001 Acme Energy (booth A1, 2 tables) and e002 Blue Labs (booth B2).
// FixtureSchedule() has two meetings: Ada and Hương at Acme table 1 in slot
// 0, Ada alone at Blue Labs in slot 1; Şükrü has no meeting.
#ifndef FAIRMATCH_TESTS_RENDER_RENDER_FIXTURE_H_
#define FAIRMATCH_TESTS_RENDER_RENDER_FIXTURE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/check/metrics.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"

namespace fairmatch::render_testing {

inline Attendee MakeAttendee(std::string id, std::string name,
                             std::vector<float> values,
                             std::vector<std::string> offers,
                             std::vector<std::string> seeks) {
  Attendee a;
  a.id = std::move(id);
  a.name = std::move(name);
  a.email = a.id + "@example.org";
  a.program = "MSc Computer Science";
  a.values = std::move(values);
  a.offers = std::move(offers);
  a.seeks = std::move(seeks);
  return a;
}

inline Employer MakeEmployer(std::string id, std::string name,
                             std::string booth, int tables,
                             std::vector<float> values,
                             std::vector<std::string> offers,
                             std::vector<std::string> seeks) {
  Employer e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.booth = std::move(booth);
  e.tables = tables;
  e.values = std::move(values);
  e.offers = std::move(offers);
  e.seeks = std::move(seeks);
  return e;
}

inline Fair FixtureFair() {
  Fair fair;
  fair.dir = "fixture";
  fair.event.name = "Spring Fair 2025";
  fair.event.date = "2025-03-14";
  fair.event.timezone = "Europe/Berlin";
  fair.event.venue = "Hall B";
  fair.event.start = 10 * 60;
  fair.event.end = 11 * 60;
  fair.event.length = 15;
  fair.event.breaks = {{10 * 60 + 30, 10 * 60 + 45}};
  fair.event.values = {{"sustainability", "Sustainability"},
                       {"impact", "Impact"},
                       {"growth", "Growth"}};
  fair.slots = MakeSlots(fair.event.start, fair.event.end, fair.event.length,
                         fair.event.breaks);
  fair.attendees = {
      MakeAttendee("a001", "Ada Lovelace", {5, 4, 1}, {"python", "statistics"},
                   {"mentoring"}),
      MakeAttendee("a002", "Nguyễn Thị Hương", {4, 5, 2}, {"python"},
                   {"mentoring", "remote work"}),
      MakeAttendee("a003", "Şükrü Öztürk", {1, 2, 5}, {"sales"},
                   {"growth path"}),
  };
  fair.employers = {
      MakeEmployer("e001", "Acme Energy", "A1", 2, {5, 5, 2}, {"mentoring"},
                   {"python"}),
      MakeEmployer("e002", "Blue Labs", "B2", 1, {2, 3, 5},
                   {"growth path", "mentoring"}, {"statistics", "sales"}),
  };
  return fair;
}

inline Schedule FixtureSchedule() {
  Schedule schedule;
  schedule.meetings = {
      Meeting{.slot = 0, .employer = 0, .table = 1, .attendees = {0, 1}},
      Meeting{.slot = 1, .employer = 1, .table = 1, .attendees = {0}},
  };
  SortMeetings(schedule);
  return schedule;
}

inline std::size_t CountOccurrences(std::string_view text,
                                    std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t pos = text.find(needle); pos != std::string_view::npos;
       pos = text.find(needle, pos + needle.size())) {
    ++count;
  }
  return count;
}

// Parses RFC 4180 text whose records end in CRLF. Returns false (leaving
// what was read in *records) on a bare CR or LF outside quotes, a stray
// quote, or text after the last CRLF.
inline bool ParseCsv(std::string_view text,
                     std::vector<std::vector<std::string>>* records) {
  records->clear();
  std::vector<std::string> record;
  std::string cell;
  std::size_t i = 0;
  bool cell_started = false;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' && !cell_started) {
      ++i;
      while (true) {
        if (i >= text.size()) return false;
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell.push_back(text[i++]);
      }
      cell_started = true;
      if (i < text.size() && text[i] != ',' && text[i] != '\r') return false;
      continue;
    }
    if (c == ',') {
      record.push_back(std::move(cell));
      cell.clear();
      cell_started = false;
      ++i;
      continue;
    }
    if (c == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n') return false;
      record.push_back(std::move(cell));
      cell.clear();
      cell_started = false;
      records->push_back(std::move(record));
      record.clear();
      i += 2;
      continue;
    }
    if (c == '\n' || c == '"') return false;
    cell.push_back(c);
    cell_started = true;
    ++i;
  }
  return record.empty() && cell.empty();
}

// The HTML of each <section class="sheet">, in document order.
inline std::vector<std::string> Sheets(const std::string& html) {
  static constexpr std::string_view kOpen = "<section class=\"sheet\"";
  static constexpr std::string_view kClose = "</section>";
  std::vector<std::string> sheets;
  for (std::size_t pos = html.find(kOpen); pos != std::string::npos;
       pos = html.find(kOpen, pos + 1)) {
    std::size_t end = html.find(kClose, pos);
    if (end == std::string::npos) break;
    sheets.push_back(html.substr(pos, end + kClose.size() - pos));
  }
  return sheets;
}

}  // namespace fairmatch::render_testing

#endif  // FAIRMATCH_TESTS_RENDER_RENDER_FIXTURE_H_
