#include "engine/render/calendar_ics.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/check/schedule_diff.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"

namespace fairmatch {
namespace {

using testing::Contains;
using testing::FixtureFair;
using testing::FixtureSchedule;

std::vector<OutputFile> Render(const Fair& fair, const Schedule& schedule) {
  Compatibility compat = Compatibility::Build(fair);
  return RenderCalendars(fair, compat, schedule);
}

// One content line after unfolding: NAME;PARAMS:VALUE split at the first
// ':' outside a quoted parameter value.
struct ContentLine {
  std::string name_and_params;
  std::string value;  // still escaped
};

// Reads an iCalendar stream back as RFC 5545 section 3.1 describes it.
// Fails the test (and returns what it read) on a line longer than 75
// octets, a bare LF or CR, a missing final CRLF, or a line without ':'.
std::vector<ContentLine> Unfold(const std::string& text) {
  std::vector<std::string> physical;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find("\r\n", pos);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF
    std::string line = text.substr(pos, end - pos);
    INFO(line);
    CHECK(line.size() <= 75);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('\r') == std::string::npos);
    physical.push_back(line);
    pos = end + 2;
  }
  std::vector<std::string> logical;
  for (const std::string& line : physical) {
    if (!line.empty() && line[0] == ' ') {
      REQUIRE_FALSE(logical.empty());
      logical.back().append(line, 1, std::string::npos);
    } else {
      logical.push_back(line);
    }
  }
  std::vector<ContentLine> lines;
  for (const std::string& line : logical) {
    bool quoted = false;
    std::size_t colon = std::string::npos;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '"') quoted = !quoted;
      if (line[i] == ':' && !quoted) {
        colon = i;
        break;
      }
    }
    INFO(line);
    REQUIRE(colon != std::string::npos);
    lines.push_back({line.substr(0, colon), line.substr(colon + 1)});
  }
  return lines;
}

// Undoes RFC 5545 TEXT escaping; fails on an unknown escape or a bare ',' or
// ';' (which would split the value).
std::string Unescape(const std::string& value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    CHECK(c != ',');
    CHECK(c != ';');
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    REQUIRE(i + 1 < value.size());
    char next = value[++i];
    if (next == 'n' || next == 'N') {
      out.push_back('\n');
    } else {
      CHECK((next == '\\' || next == ';' || next == ','));
      out.push_back(next);
    }
  }
  return out;
}

struct VEvent {
  std::map<std::string, std::string> props;  // name (with params) -> value
  std::string Get(const std::string& name) const {
    for (const auto& [key, value] : props) {
      if (key == name || key.rfind(name + ";", 0) == 0) return value;
    }
    return "";
  }
};

// Checks BEGIN/END nesting and returns the VEVENTs.
std::vector<VEvent> Events(const std::string& text) {
  std::vector<ContentLine> lines = Unfold(text);
  std::vector<std::string> stack;
  std::vector<VEvent> events;
  for (const ContentLine& line : lines) {
    if (line.name_and_params == "BEGIN") {
      stack.push_back(line.value);
      if (line.value == "VEVENT") events.emplace_back();
    } else if (line.name_and_params == "END") {
      REQUIRE_FALSE(stack.empty());
      CHECK(stack.back() == line.value);
      stack.pop_back();
    } else if (!stack.empty() && stack.back() == "VEVENT") {
      events.back().props[line.name_and_params] = line.value;
    }
  }
  CHECK(stack.empty());
  REQUIRE(!lines.empty());
  CHECK(lines.front().value == "VCALENDAR");
  CHECK(lines.back().value == "VCALENDAR");
  return events;
}

TEST_CASE("one calendar per attendee with a meeting, one event per meeting",
          "[render]") {
  std::vector<OutputFile> files = Render(FixtureFair(), FixtureSchedule());
  REQUIRE(files.size() == 2);  // Şükrü has no meeting
  CHECK(files[0].name == "calendar/a001.ics");
  CHECK(files[1].name == "calendar/a002.ics");
  CHECK(Events(files[0].content).size() == 2);
  CHECK(Events(files[1].content).size() == 1);
  for (const OutputFile& f : files) {
    CHECK(Contains(f.content, "\r\nVERSION:2.0\r\n"));
    CHECK(Contains(f.content, "\r\nPRODID:-//fairmatch//"));
    CHECK(Contains(f.content, "\r\nCALSCALE:GREGORIAN\r\n"));
    CHECK(Contains(f.content, "\r\nMETHOD:PUBLISH\r\n"));
  }
}

TEST_CASE("events carry time, place, summary and talking points", "[render]") {
  std::vector<OutputFile> files = Render(FixtureFair(), FixtureSchedule());
  std::vector<VEvent> events = Events(files[0].content);
  REQUIRE(events.size() == 2);
  const VEvent& acme = events[0];
  CHECK(acme.props.count("DTSTART;TZID=Europe/Berlin") == 1);
  CHECK(acme.Get("DTSTART") == "20250314T100000");
  CHECK(acme.Get("DTEND") == "20250314T101500");
  CHECK(acme.Get("DTSTAMP") == "20250314T000000Z");
  CHECK(Unescape(acme.Get("SUMMARY")) == "Conversation with Acme Energy");
  CHECK(Unescape(acme.Get("LOCATION")) == "Hall B, booth A1, table 1");
  std::string description = Unescape(acme.Get("DESCRIPTION"));
  CHECK(Contains(description, "Nguyễn Thị Hương"));
  CHECK(Contains(description, "You offer: python"));
  CHECK(Contains(description, "They offer: mentoring"));
  CHECK(Unescape(events[1].Get("DESCRIPTION")).rfind("One-to-one", 0) == 0);
  CHECK(events[1].Get("DTSTART") == "20250314T101500");
  // The referenced zone is defined in the file, with its winter offset.
  CHECK(
      Contains(files[0].content, "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
  CHECK(Contains(files[0].content, "TZOFFSETTO:+0100\r\n"));
  CHECK(Contains(files[0].content, "X-WR-TIMEZONE:Europe/Berlin\r\n"));
}

TEST_CASE("a slot that ends at 24:00 ends at 00:00 of the next day",
          "[render]") {
  // RFC 5545 hours run 00-23; the last day of a month and of a year roll
  // over too.
  for (const auto& [date, next] :
       std::vector<std::pair<std::string, std::string>>{
           {"2025-03-14", "20250315"},
           {"2025-02-28", "20250301"},
           {"2024-02-28", "20240229"},
           {"2025-12-31", "20260101"}}) {
    INFO(date);
    Fair fair = FixtureFair();
    fair.event.date = date;
    fair.slots.back().end = 24 * 60;
    fair.slots.back().start = 24 * 60 - 15;
    Schedule schedule = FixtureSchedule();
    const int last = fair.num_slots() - 1;
    schedule.meetings.back().slot = last;
    const std::vector<OutputFile> files = Render(fair, schedule);
    bool found = false;
    for (const OutputFile& f : files) {
      CHECK_FALSE(Contains(f.content, "T24"));
      found = found || Contains(f.content, next + "T000000\r\n");
    }
    CHECK(found);
  }
}

TEST_CASE("no two meetings share a UID, whatever dashes the ids hold",
          "[render]") {
  // Attendee "a-b" with employer "c" and attendee "a" with employer "b-c",
  // at the same time: joined as they are (scheme 1) they collide.
  Fair fair = FixtureFair();
  fair.attendees[0].id = "a-b";
  fair.attendees[1].id = "a";
  fair.employers[0].id = "c";
  fair.employers[1].id = "b-c";
  Schedule schedule;
  schedule.meetings = {Meeting{0, 0, 1, {0}}, Meeting{0, 1, 1, {1}}};
  std::set<std::string> uids;
  for (const OutputFile& f : Render(fair, schedule)) {
    for (const ContentLine& line : Unfold(f.content)) {
      if (line.name_and_params == "UID") uids.insert(line.value);
    }
  }
  CHECK(uids == std::set<std::string>{"20250314-a--b-c-1000@fairmatch",
                                      "20250314-a-b-c-1000@fairmatch"});
  CHECK(uids.size() == 2);
  // A rerun of a plan published with scheme 1 keeps its UIDs (calendar apps
  // update the same events); ids without dashes are the same in both.
  schedule.uid_scheme = 1;
  uids.clear();
  for (const OutputFile& f : Render(fair, schedule)) {
    for (const ContentLine& line : Unfold(f.content)) {
      if (line.name_and_params == "UID") uids.insert(line.value);
    }
  }
  CHECK(uids.size() == 1);  // the collision scheme 2 removes
}

TEST_CASE("a summer date gets the daylight offset", "[render]") {
  Fair fair = FixtureFair();
  fair.event.date = "2025-07-01";
  std::string ics = Render(fair, FixtureSchedule())[0].content;
  CHECK(Contains(ics,
                 "BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\n"
                 "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"));
}

TEST_CASE("without a known time zone times are floating", "[render]") {
  for (std::string zone : {"", "Mars/Olympus_Mons"}) {
    Fair fair = FixtureFair();
    fair.event.timezone = zone;
    std::string ics = Render(fair, FixtureSchedule())[0].content;
    INFO(zone);
    CHECK_FALSE(Contains(ics, "VTIMEZONE"));
    CHECK_FALSE(Contains(ics, "TZID"));
    CHECK(Contains(ics, "\r\nDTSTART:20250314T100000\r\n"));
    CHECK(Contains(ics, "X-WR-TIMEZONE") == !zone.empty());
  }
}

TEST_CASE("UIDs are stable across table changes and differ across slots",
          "[render]") {
  Fair fair = FixtureFair();
  Schedule base = FixtureSchedule();
  std::string uid = Events(Render(fair, base)[0].content)[0].Get("UID");
  CHECK(uid == "20250314-a001-e001-1000@fairmatch");

  Schedule moved_table = base;
  moved_table.meetings[0].table = 2;
  moved_table.meetings[0].attendees = {0};  // and Hương left the group
  std::vector<VEvent> after = Events(Render(fair, moved_table)[0].content);
  CHECK(after[0].Get("UID") == uid);
  CHECK(Contains(Unescape(after[0].Get("LOCATION")), "table 2"));

  Schedule moved_slot = base;
  moved_slot.meetings[0].slot = 2;
  SortMeetings(moved_slot);
  std::vector<VEvent> later = Events(Render(fair, moved_slot)[0].content);
  std::vector<std::string> uids;
  for (const VEvent& e : later) uids.push_back(e.Get("UID"));
  CHECK(std::find(uids.begin(), uids.end(), uid) == uids.end());
  CHECK(std::find(uids.begin(), uids.end(),
                  "20250314-a001-e001-1045@fairmatch") != uids.end());

  // Every UID in a file is distinct.
  std::vector<VEvent> events = Events(Render(fair, base)[0].content);
  CHECK(events[0].Get("UID") != events[1].Get("UID"));
}

TEST_CASE("a fresh plan's events are revision 0 and none is cancelled",
          "[render]") {
  for (const OutputFile& file : Render(FixtureFair(), FixtureSchedule())) {
    for (const VEvent& e : Events(file.content)) {
      CHECK(e.Get("SEQUENCE") == "0");
      CHECK(e.Get("STATUS") == "CONFIRMED");
    }
  }
}

TEST_CASE("a rerun cancels, under their old UIDs, what its baseline had",
          "[render]") {
  Fair fair = FixtureFair();
  Compatibility compat = Compatibility::Build(fair);
  // The published plan (revision 4): the fixture, plus Şükrü at Blue Labs
  // in slot 1 and someone since removed from the fair.
  RecordedSchedule baseline = RecordSchedule(fair, FixtureSchedule());
  baseline.revision = 4;
  RecordedMeeting sukru;
  sukru.start = FormatClock(fair.slots[1].start);
  sukru.end = FormatClock(fair.slots[1].end);
  sukru.employer = "e002";
  sukru.attendees = {"a003"};
  baseline.meetings.push_back(sukru);
  RecordedMeeting gone = sukru;
  gone.attendees = {"a999"};
  baseline.meetings.push_back(gone);

  // The rerun: Ada and Hương's Acme conversation moves to slot 2, Ada keeps
  // Blue Labs, Şükrü loses his.
  Schedule rerun = FixtureSchedule();
  rerun.meetings[0].slot = 2;
  SortMeetings(rerun);
  rerun.revision = 5;
  std::vector<OutputFile> files =
      RenderCalendars(fair, compat, rerun, &baseline);
  REQUIRE(files.size() == 3);  // a001, a002, a003; nothing for a999
  CHECK(files[0].name == "calendar/a001.ics");
  CHECK(files[2].name == "calendar/a003.ics");

  std::map<std::string, const VEvent*> by_uid;
  std::vector<VEvent> ada = Events(files[0].content);
  for (const VEvent& e : ada) by_uid[e.Get("UID")] = &e;
  REQUIRE(ada.size() == 3);
  const VEvent* old_acme = by_uid["20250314-a001-e001-1000@fairmatch"];
  const VEvent* new_acme = by_uid["20250314-a001-e001-1045@fairmatch"];
  REQUIRE(old_acme != nullptr);
  REQUIRE(new_acme != nullptr);
  CHECK(old_acme->Get("STATUS") == "CANCELLED");
  CHECK(old_acme->Get("SEQUENCE") == "5");
  CHECK(old_acme->Get("DTSTART") == "20250314T100000");
  CHECK(Contains(Unescape(old_acme->Get("SUMMARY")), "Cancelled"));
  CHECK(new_acme->Get("STATUS") == "CONFIRMED");
  CHECK(new_acme->Get("SEQUENCE") == "5");
  int cancelled = 0;
  for (const VEvent& e : ada) cancelled += e.Get("STATUS") == "CANCELLED";
  CHECK(cancelled == 1);  // Blue Labs is kept

  std::vector<VEvent> sukru_file = Events(files[2].content);
  REQUIRE(sukru_file.size() == 1);
  CHECK(sukru_file[0].Get("STATUS") == "CANCELLED");
  CHECK(Unescape(sukru_file[0].Get("SUMMARY")) ==
        "Cancelled: conversation with Blue Labs");
}

TEST_CASE("output is deterministic", "[render]") {
  std::vector<OutputFile> a = Render(FixtureFair(), FixtureSchedule());
  std::vector<OutputFile> b = Render(FixtureFair(), FixtureSchedule());
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].name == b[i].name);
    CHECK(a[i].content == b[i].content);
  }
}

TEST_CASE("IcsEscapeText escapes TEXT special characters", "[render]") {
  CHECK(IcsEscapeText("plain") == "plain");
  CHECK(IcsEscapeText("a,b;c\\d") == "a\\,b\\;c\\\\d");
  CHECK(IcsEscapeText("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(IcsEscapeText(std::string("bell\x07", 5)) == "bell ");
  CHECK(IcsEscapeText("bad \xC3 byte") == "bad \xEF\xBF\xBD byte");
  CHECK(IcsEscapeText("Hương") == "Hương");
}

TEST_CASE("hostile names are escaped and cannot inject properties",
          "[render]") {
  Fair fair = FixtureFair();
  fair.employers[0].name =
      "=HYPERLINK(\"http://x\";\"y\"), <script>alert(1)</script>\r\n"
      "END:VEVENT\nBEGIN:VEVENT";
  fair.employers[0].booth = "A1; \"quoted\", \\";
  fair.attendees[1].name = "Eve\nORGANIZER:mailto:evil@example.org";
  std::vector<OutputFile> files = Render(fair, FixtureSchedule());
  std::vector<VEvent> events = Events(files[0].content);
  REQUIRE(events.size() == 2);  // no event injected
  CHECK(Unescape(events[0].Get("SUMMARY")) ==
        "Conversation with =HYPERLINK(\"http://x\";\"y\"), "
        "<script>alert(1)</script>\nEND:VEVENT\nBEGIN:VEVENT");
  CHECK(Unescape(events[0].Get("LOCATION")) ==
        "Hall B, booth A1; \"quoted\", \\, table 1");
  CHECK(events[0].props.count("ORGANIZER") == 0);
  CHECK(Contains(Unescape(events[0].Get("DESCRIPTION")),
                 "Eve\nORGANIZER:mailto:evil@example.org"));
}

TEST_CASE("folding never splits a UTF-8 sequence", "[render]") {
  Fair fair = FixtureFair();
  // Long multibyte texts: every fold position lands near a sequence.
  std::string vietnamese;
  std::string cyrillic;
  for (int i = 0; i < 12; ++i) {
    vietnamese += "Nguyễn Thị Hương ướt đẫm ";
    cyrillic += "Щедрость и любознательность ";
  }
  fair.employers[0].name = vietnamese;
  fair.attendees[1].name = cyrillic;
  fair.employers[0].offers = {"mentoring", "🚀 rocket science 🚀"};
  fair.attendees[0].seeks = {"mentoring", "🚀 rocket science 🚀"};
  std::string ics = Render(fair, FixtureSchedule())[0].content;
  // Each physical line, continuation space removed, is valid UTF-8 on its
  // own: it neither starts with a continuation byte nor ends inside a
  // sequence.
  std::size_t pos = 0;
  int folded = 0;
  while (pos < ics.size()) {
    std::size_t end = ics.find("\r\n", pos);
    REQUIRE(end != std::string::npos);
    std::string line = ics.substr(pos, end - pos);
    pos = end + 2;
    CHECK(line.size() <= 75);
    if (!line.empty() && line[0] == ' ') {
      ++folded;
      line.erase(0, 1);
    }
    INFO(line);
    if (!line.empty()) {
      CHECK((static_cast<unsigned char>(line[0]) & 0xC0) != 0x80);
    }
    // Walk the sequences; the last one must be complete.
    std::size_t i = 0;
    while (i < line.size()) {
      unsigned char b = static_cast<unsigned char>(line[i]);
      std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      REQUIRE(i + n <= line.size());
      for (std::size_t k = 1; k < n; ++k) {
        CHECK((static_cast<unsigned char>(line[i + k]) & 0xC0) == 0x80);
      }
      i += n;
    }
  }
  CHECK(folded > 10);
  std::vector<VEvent> events = Events(ics);
  REQUIRE(!events.empty());
  CHECK(Unescape(events[0].Get("SUMMARY")) ==
        "Conversation with " + vietnamese);
  CHECK(Contains(Unescape(events[0].Get("DESCRIPTION")), cyrillic));
  CHECK(Contains(Unescape(events[0].Get("DESCRIPTION")), "🚀 rocket science 🚀"));
}

TEST_CASE("AppendIcsLine folds at 75 octets exactly", "[render]") {
  std::string out;
  AppendIcsLine(std::string(75, 'x'), &out);
  CHECK(out == std::string(75, 'x') + "\r\n");
  out.clear();
  AppendIcsLine(std::string(76, 'x'), &out);
  CHECK(out == std::string(75, 'x') + "\r\n x\r\n");
  out.clear();
  // 74 ASCII bytes then a 2-byte letter: it would end at octet 76, so it
  // moves whole to the next line.
  AppendIcsLine(std::string(74, 'x') + "ы", &out);
  CHECK(out == std::string(74, 'x') + "\r\n ы\r\n");
}

TEST_CASE("file names never leave calendar/", "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[0].id = "..";
  fair.attendees[1].id = "../../etc/passwd";
  std::vector<OutputFile> files = Render(fair, FixtureSchedule());
  REQUIRE(files.size() == 2);
  for (const OutputFile& f : files) {
    INFO(f.name);
    REQUIRE(f.name.rfind("calendar/", 0) == 0);
    std::string stem = f.name.substr(9);
    CHECK(stem.find('/') == std::string::npos);
    CHECK(stem.find('\\') == std::string::npos);
    CHECK(stem[0] != '.');
    CHECK(stem.size() > 4);
    CHECK(stem.substr(stem.size() - 4) == ".ics");
  }
  CHECK(files[0].name == "calendar/__~1.ics");
  CHECK(files[1].name == "calendar/______etc_passwd~2.ics");

  SECTION("ids equal up to case or after sanitising get distinct names") {
    fair.attendees[0].id = "Ab";
    fair.attendees[1].id = "aB";
    std::vector<OutputFile> clash = Render(fair, FixtureSchedule());
    REQUIRE(clash.size() == 2);
    CHECK(clash[0].name == "calendar/Ab.ics");
    CHECK(clash[1].name == "calendar/aB~2.ics");

    fair.attendees[0].id = "x/y";
    fair.attendees[1].id = "x_y";
    clash = Render(fair, FixtureSchedule());
    CHECK(clash[0].name == "calendar/x_y~1.ics");
    CHECK(clash[1].name == "calendar/x_y.ics");
    fair.attendees[0].id = ".";
    fair.attendees[1].id = "";
    clash = Render(fair, FixtureSchedule());
    CHECK(clash[0].name == "calendar/_~1.ics");
    CHECK(clash[1].name == "calendar/attendee~2.ics");
  }
}

}  // namespace
}  // namespace fairmatch
