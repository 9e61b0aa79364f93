#include "engine/render/schedules_html.h"

#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"
#include "tests/render/render_fixture.h"

namespace fairmatch {
namespace {

using testing::Contains;
using testing::CountOccurrences;
using testing::FixtureFair;
using testing::FixtureSchedule;
using testing::Sheets;

std::string Render(const Fair& fair, const Schedule& schedule) {
  Compatibility compat = Compatibility::Build(fair);
  return RenderSchedulesHtml(fair, compat, schedule, Metrics{});
}

TEST_CASE("HtmlEscape escapes the five special characters", "[render]") {
  CHECK(HtmlEscape("") == "");
  CHECK(HtmlEscape("plain Γιώργος") == "plain Γιώργος");
  CHECK(HtmlEscape("<script>alert(1)</script>") ==
        "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(HtmlEscape("Tom & \"Jerry\" O'Brien") ==
        "Tom &amp; &quot;Jerry&quot; O&#39;Brien");
  CHECK(HtmlEscape("&amp;") == "&amp;amp;");
}

TEST_CASE("schedules.html is one self-contained UTF-8 document", "[render]") {
  std::string html = Render(FixtureFair(), FixtureSchedule());
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(Contains(html, "<meta charset=\"utf-8\">"));
  CHECK(Contains(html, "@page"));
  CHECK(Contains(html, "break-after: page"));
  CHECK(Contains(html, "page-break-after: always"));
  CHECK_FALSE(Contains(html, "<script"));
  CHECK_FALSE(Contains(html, "<link"));
  CHECK_FALSE(Contains(html, "src="));
  CHECK_FALSE(Contains(html, "url("));
  CHECK(html.size() > 0);
  CHECK(html.substr(html.size() - 8) == "</html>\n");
}

TEST_CASE("schedules.html has a cover, then a sheet per attendee and employer",
          "[render]") {
  Fair fair = FixtureFair();
  std::string html = Render(fair, FixtureSchedule());
  CHECK(CountOccurrences(html, "class=\"sheet\"") ==
        1 + fair.attendees.size() + fair.employers.size());
  std::vector<std::string> sheets = Sheets(html);
  REQUIRE(sheets.size() == 6);
  CHECK(Contains(sheets[0], "data-sheet=\"cover\""));
  CHECK(Contains(sheets[0], "Spring Fair 2025"));
  CHECK(Contains(sheets[0], "Hall B"));
  for (int i = 1; i <= 3; ++i) CHECK(Contains(sheets[i], "\"attendee\""));
  for (int i = 4; i <= 5; ++i) CHECK(Contains(sheets[i], "\"employer\""));

  // Attendees by name.
  CHECK(Contains(sheets[1], "<h1><bdi>Ada Lovelace</bdi></h1>"));
  CHECK(Contains(sheets[2], "<h1><bdi>Nguyễn Thị Hương</bdi></h1>"));
  CHECK(Contains(sheets[3], "<h1><bdi>Şükrü Öztürk</bdi></h1>"));
  CHECK(Contains(sheets[4], "<h1><bdi>Acme Energy</bdi></h1>"));
  CHECK(Contains(sheets[5], "<h1><bdi>Blue Labs</bdi></h1>"));
}

TEST_CASE("schedules.html sorts sheets as the event's language reads names",
          "[render]") {
  Fair fair = FixtureFair();
  fair.attendees[0].name = "Zoë Adams";
  fair.attendees[1].name = "Érica Lopes";
  fair.attendees[2].name = "Östen Berg";
  fair.employers[0].name = "Zenith";
  fair.employers[1].name = "Ébène";
  std::vector<std::string> sheets = Sheets(Render(fair, FixtureSchedule()));
  REQUIRE(sheets.size() == 6);
  // Bytes would put Zoë first: "Z" (0x5A) < "É" (0xC3).
  CHECK(Contains(sheets[1], "<h1><bdi>Érica Lopes</bdi></h1>"));
  CHECK(Contains(sheets[2], "<h1><bdi>Östen Berg</bdi></h1>"));
  CHECK(Contains(sheets[3], "<h1><bdi>Zoë Adams</bdi></h1>"));
  CHECK(Contains(sheets[4], "<h1><bdi>Ébène</bdi></h1>"));
  CHECK(Contains(sheets[5], "<h1><bdi>Zenith</bdi></h1>"));

  SECTION("in Swedish, Ö comes after Z") {
    fair.event.locale = "sv";
    sheets = Sheets(Render(fair, FixtureSchedule()));
    REQUIRE(sheets.size() == 6);
    CHECK(Contains(sheets[2], "<h1><bdi>Zoë Adams</bdi></h1>"));
    CHECK(Contains(sheets[3], "<h1><bdi>Östen Berg</bdi></h1>"));
  }
}

TEST_CASE("an attendee sheet lists conversations in time order", "[render]") {
  std::vector<std::string> sheets =
      Sheets(Render(FixtureFair(), FixtureSchedule()));
  REQUIRE(sheets.size() == 6);
  const std::string& ada = sheets[1];
  CHECK(Contains(ada, "MSc Computer Science"));
  CHECK(Contains(ada, "a001@example.org"));
  std::size_t first = ada.find(
      "10:00\xE2\x80\x93"
      "10:15");
  std::size_t second = ada.find(
      "10:15\xE2\x80\x93"
      "10:30");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(first < second);
  CHECK(ada.find("Acme Energy") < ada.find("Blue Labs"));
  // Ada shares the Acme table with Hương; at Blue Labs she is alone.
  CHECK(Contains(ada, "<td><bdi>Nguyễn Thị Hương</bdi></td>"));
  CHECK(Contains(ada, "one-to-one"));
  CHECK(CountOccurrences(ada, "<td class=\"time\">") == 2);
  CHECK(Contains(ada, "Why you two"));
}

TEST_CASE("schedules.html tells namesakes apart on every sheet", "[render]") {
  Fair fair = FixtureFair();
  // Hương becomes a second Ada, in another programme; Blue Labs a second
  // Acme Energy. The two Adas meet Acme together.
  fair.attendees[1].name = "Ada Lovelace";
  fair.attendees[1].program = "MSc Mathematics";
  fair.employers[1].name = "Acme Energy";
  std::vector<std::string> sheets = Sheets(Render(fair, FixtureSchedule()));
  REQUIRE(sheets.size() == 6);
  CHECK(Contains(sheets[1],
                 "<h1><bdi>Ada Lovelace (MSc Computer Science)</bdi></h1>"));
  CHECK(Contains(sheets[2],
                 "<h1><bdi>Ada Lovelace (MSc Mathematics)</bdi></h1>"));
  // On Ada's sheet: her group mate and both employers.
  CHECK(Contains(sheets[1],
                 "<td><bdi>Ada Lovelace (MSc Mathematics)</bdi></td>"));
  CHECK(Contains(sheets[1], "<td><bdi>Acme Energy (e001)</bdi></td>"));
  CHECK(Contains(sheets[1], "<td><bdi>Acme Energy (e002)</bdi></td>"));
  CHECK(Contains(sheets[4], "<h1><bdi>Acme Energy (e001)</bdi></h1>"));
  CHECK(Contains(sheets[5], "<h1><bdi>Acme Energy (e002)</bdi></h1>"));
  // The roster prints the programme beside the name: that tells them apart.
  CHECK(
      Contains(sheets[4],
               "<b><bdi>Ada Lovelace</bdi></b> <span class=\"muted\"><bdi>MSc "
               "Mathematics</bdi></span>"));

  SECTION("by id when the programme is the same") {
    fair.attendees[1].program = fair.attendees[0].program;
    sheets = Sheets(Render(fair, FixtureSchedule()));
    REQUIRE(sheets.size() == 6);
    CHECK(Contains(sheets[1], "<h1><bdi>Ada Lovelace (a001)</bdi></h1>"));
    CHECK(Contains(sheets[2], "<h1><bdi>Ada Lovelace (a002)</bdi></h1>"));
    CHECK(Contains(sheets[4], "<b><bdi>Ada Lovelace (a001)</bdi></b>"));
    CHECK(Contains(sheets[4], "<b><bdi>Ada Lovelace (a002)</bdi></b>"));
  }
}

TEST_CASE("an attendee without a conversation gets a kind page", "[render]") {
  Fair fair = FixtureFair();
  std::vector<std::string> sheets = Sheets(Render(fair, FixtureSchedule()));
  REQUIRE(sheets.size() == 6);
  const std::string& sukru = sheets[3];
  CHECK(Contains(sukru, "We could not fit a scheduled conversation"));
  CHECK_FALSE(Contains(sukru, "<td class=\"time\">"));
  CHECK(CountOccurrences(sukru, "<tr><td>") <= 3);

  // Suggestions never include an employer the attendee avoids.
  fair.attendees[2].avoid = {1};
  sheets = Sheets(Render(fair, FixtureSchedule()));
  REQUIRE(sheets.size() == 6);
  CHECK_FALSE(Contains(sheets[3], "Blue Labs"));
  Compatibility compat = Compatibility::Build(fair);
  if (compat.Pair(2, 0).score > 0) {
    CHECK(Contains(sheets[3], "<td><bdi>Acme Energy</bdi></td>"));
  }
}

TEST_CASE("an employer sheet has a row for every slot of every table",
          "[render]") {
  Fair fair = FixtureFair();
  std::vector<std::string> sheets = Sheets(Render(fair, FixtureSchedule()));
  REQUIRE(sheets.size() == 6);
  const std::string& acme = sheets[4];
  CHECK(Contains(acme, "Booth <bdi>A1</bdi>"));
  CHECK(Contains(acme, "<h2>Table 1</h2>"));
  CHECK(Contains(acme, "<h2>Table 2</h2>"));
  // 2 tables x 3 slots, one conversation: 5 free cells, one break per table.
  CHECK(CountOccurrences(acme, "<td class=\"time\">") == 2 * (3 + 1));
  CHECK(CountOccurrences(acme, ">free<") == 5);
  CHECK(CountOccurrences(acme, "<tr class=\"break\">") == 2);
  CHECK(Contains(acme, "<b><bdi>Ada Lovelace</bdi></b>"));
  CHECK(Contains(acme, "<b><bdi>Nguyễn Thị Hương</bdi></b>"));

  // A slot outside the employer's hours says so instead of "free".
  fair.employers[1].available = {{10 * 60, 10 * 60 + 30}};
  sheets = Sheets(Render(fair, FixtureSchedule()));
  REQUIRE(sheets.size() == 6);
  CHECK(CountOccurrences(sheets[5], ">unavailable<") == 1);
}

TEST_CASE("hostile names are escaped everywhere", "[render]") {
  Fair fair = FixtureFair();
  const std::string script = "<script>alert(1)</script>";
  fair.event.name = script;
  fair.event.venue = "\"quoted\" & 'single'";
  fair.event.values[0].label = script;
  fair.attendees[0].name = script;
  fair.attendees[0].program = "=HYPERLINK(\"x\")";
  fair.attendees[0].email = "<b>@x";
  fair.attendees[0].offers = {"<i>python</i>"};
  fair.employers[0].seeks = {"<i>python</i>"};
  fair.attendees[1].name = "\"quoted\"";
  fair.attendees[2].name = "two\nlines";
  fair.employers[0].name = script;
  fair.employers[0].booth = "<A1>";
  fair.employers[1].name = "Анна Иванова & Γιώργος";
  std::string html = Render(fair, FixtureSchedule());

  CHECK_FALSE(Contains(html, "<script"));
  CHECK_FALSE(Contains(html, "<b>@x"));
  CHECK_FALSE(Contains(html, "<i>"));
  CHECK_FALSE(Contains(html, "<A1>"));
  CHECK(Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(Contains(html, "&quot;quoted&quot; &amp; &#39;single&#39;"));
  CHECK(Contains(html, "=HYPERLINK(&quot;x&quot;)"));
  CHECK(Contains(html, "&lt;i&gt;python&lt;/i&gt;"));
  CHECK(Contains(html, "<h1><bdi>&quot;quoted&quot;</bdi></h1>"));
  CHECK(Contains(html, "<h1><bdi>two\nlines</bdi></h1>"));
  CHECK(Contains(html, "<h1><bdi>Анна Иванова &amp; Γιώργος</bdi></h1>"));
  CHECK(CountOccurrences(html, "class=\"sheet\"") == 6);
}

TEST_CASE("schedules.html is deterministic", "[render]") {
  Fair fair = FixtureFair();
  Schedule schedule = FixtureSchedule();
  CHECK(Render(fair, schedule) == Render(fair, schedule));
}

TEST_CASE("schedules.html shows the organiser's extra fields on the sheets",
          "[render]") {
  Fair fair = FixtureFair();
  std::string plain = Render(fair, FixtureSchedule());
  CHECK_FALSE(Contains(plain, ".extra"));  // no style for nothing

  fair.attendees[0].extra = {{"accessibility", "I use a wheelchair"},
                             {"note", "<b>two\nlines</b>"}};
  fair.employers[1].extra = {{"parking", "Bay 4"}};
  std::string html = Render(fair, FixtureSchedule());
  CHECK(Contains(html, ".extra dd { margin: 0; white-space: pre-line;"));
  std::vector<std::string> sheets = Sheets(html);
  REQUIRE(sheets.size() == 6);
  CHECK(Contains(sheets[1],
                 "<dl class=\"extra\"><dt><bdi>accessibility</bdi></dt>"
                 "<dd><bdi>I use a wheelchair</bdi></dd><dt><bdi>"
                 "note</bdi></dt><dd><bdi>&lt;b&gt;two\nlines&lt;"
                 "/b&gt;</bdi></dd></dl>"));
  CHECK_FALSE(Contains(sheets[2], "<dl"));
  CHECK(Contains(sheets[5],
                 "<dt><bdi>parking</bdi></dt><dd><bdi>Bay 4</bdi></dd>"));
  CHECK_FALSE(Contains(sheets[4], "<dl"));

  fair.config.extra_all = false;
  fair.config.extra = {"parking"};
  sheets = Sheets(Render(fair, FixtureSchedule()));
  REQUIRE(sheets.size() == 6);
  CHECK_FALSE(Contains(sheets[1], "<dl"));
  CHECK(Contains(sheets[5], "<dt><bdi>parking</bdi></dt>"));
}

TEST_CASE("user text is a bidi isolate on every sheet", "[render][hostile]") {
  Fair fair = FixtureFair();
  fair.event.venue = "Hall \u202EB";
  fair.attendees[0].program = "CS \u202Eevil";
  fair.attendees[1].name = "שרה כהן";
  fair.employers[0].booth = "\u2067A1";
  fair.event.values[0].label = "Sustainability\u200F";
  std::string html = Render(fair, FixtureSchedule());
  // The band, the header, the rows and the rosters.
  CHECK(Contains(html, "2025-03-14 · <bdi>Hall \u202EB</bdi></span>"));
  CHECK(Contains(html,
                 "<span><bdi>CS \u202Eevil</bdi></span><span><bdi>"
                 "a001@example.org</bdi></span><span class=\"muted\">"
                 "<bdi>a001</bdi></span>"));
  CHECK(Contains(html, "<h1><bdi>שרה כהן</bdi></h1>"));
  CHECK(Contains(html, "<td><bdi>שרה כהן</bdi></td>"));
  CHECK(Contains(html, "<td><bdi>\u2067A1</bdi></td>"));
  CHECK(Contains(html, "<span>Booth <bdi>\u2067A1</bdi></span>"));
  CHECK(Contains(html, "<b><bdi>שרה כהן</bdi></b>"));
  CHECK(
      Contains(html, "<span class=\"muted\"><bdi>CS \u202Eevil</bdi></span>"));
  CHECK(
      Contains(html, "<b>Shared values:</b> <bdi>Sustainability\u200F</bdi>"));
  CHECK(HtmlIsolate("<x>") == "<bdi>&lt;x&gt;</bdi>");
  // No text outside an element that isolates it holds a control.
  std::string outside = std::regex_replace(
      html, std::regex("<bdi>[^<]*</bdi>|<title>[^<]*</title>"), "");
  CHECK_FALSE(Contains(outside, "\u202E"));
  CHECK_FALSE(Contains(outside, "\u2067"));
}

}  // namespace
}  // namespace fairmatch
