#include "engine/render/schedules_html.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/render/render_fixture.h"

namespace fairmatch {
namespace {

using render_testing::CountOccurrences;
using render_testing::FixtureFair;
using render_testing::FixtureSchedule;
using render_testing::Sheets;

std::string Render(const Fair& fair, const Schedule& schedule) {
  Compatibility compat = Compatibility::Build(fair);
  return RenderSchedulesHtml(fair, compat, schedule, Metrics{});
}

bool Contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
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
  CHECK(Contains(sheets[1], "<h1>Ada Lovelace</h1>"));
  CHECK(Contains(sheets[2], "<h1>Nguyễn Thị Hương</h1>"));
  CHECK(Contains(sheets[3], "<h1>Şükrü Öztürk</h1>"));
  CHECK(Contains(sheets[4], "<h1>Acme Energy</h1>"));
  CHECK(Contains(sheets[5], "<h1>Blue Labs</h1>"));
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
  CHECK(Contains(sheets[1], "<h1>Érica Lopes</h1>"));
  CHECK(Contains(sheets[2], "<h1>Östen Berg</h1>"));
  CHECK(Contains(sheets[3], "<h1>Zoë Adams</h1>"));
  CHECK(Contains(sheets[4], "<h1>Ébène</h1>"));
  CHECK(Contains(sheets[5], "<h1>Zenith</h1>"));

  SECTION("in Swedish, Ö comes after Z") {
    fair.event.locale = "sv";
    sheets = Sheets(Render(fair, FixtureSchedule()));
    REQUIRE(sheets.size() == 6);
    CHECK(Contains(sheets[2], "<h1>Zoë Adams</h1>"));
    CHECK(Contains(sheets[3], "<h1>Östen Berg</h1>"));
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
  CHECK(Contains(ada, "<td>Nguyễn Thị Hương</td>"));
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
  CHECK(Contains(sheets[1], "<h1>Ada Lovelace (MSc Computer Science)</h1>"));
  CHECK(Contains(sheets[2], "<h1>Ada Lovelace (MSc Mathematics)</h1>"));
  // On Ada's sheet: her group mate and both employers.
  CHECK(Contains(sheets[1], "<td>Ada Lovelace (MSc Mathematics)</td>"));
  CHECK(Contains(sheets[1], "<td>Acme Energy (e001)</td>"));
  CHECK(Contains(sheets[1], "<td>Acme Energy (e002)</td>"));
  CHECK(Contains(sheets[4], "<h1>Acme Energy (e001)</h1>"));
  CHECK(Contains(sheets[5], "<h1>Acme Energy (e002)</h1>"));
  // The roster prints the programme beside the name: that tells them apart.
  CHECK(Contains(sheets[4], "<b>Ada Lovelace</b> <span class=\"muted\">MSc "
                            "Mathematics</span>"));

  SECTION("by id when the programme is the same") {
    fair.attendees[1].program = fair.attendees[0].program;
    sheets = Sheets(Render(fair, FixtureSchedule()));
    REQUIRE(sheets.size() == 6);
    CHECK(Contains(sheets[1], "<h1>Ada Lovelace (a001)</h1>"));
    CHECK(Contains(sheets[2], "<h1>Ada Lovelace (a002)</h1>"));
    CHECK(Contains(sheets[4], "<b>Ada Lovelace (a001)</b>"));
    CHECK(Contains(sheets[4], "<b>Ada Lovelace (a002)</b>"));
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
    CHECK(Contains(sheets[3], "<td>Acme Energy</td>"));
  }
}

TEST_CASE("an employer sheet has a row for every slot of every table",
          "[render]") {
  Fair fair = FixtureFair();
  std::vector<std::string> sheets = Sheets(Render(fair, FixtureSchedule()));
  REQUIRE(sheets.size() == 6);
  const std::string& acme = sheets[4];
  CHECK(Contains(acme, "Booth A1"));
  CHECK(Contains(acme, "<h2>Table 1</h2>"));
  CHECK(Contains(acme, "<h2>Table 2</h2>"));
  // 2 tables x 3 slots, one conversation: 5 free cells, one break per table.
  CHECK(CountOccurrences(acme, "<td class=\"time\">") == 2 * (3 + 1));
  CHECK(CountOccurrences(acme, ">free<") == 5);
  CHECK(CountOccurrences(acme, "<tr class=\"break\">") == 2);
  CHECK(Contains(acme, "<b>Ada Lovelace</b>"));
  CHECK(Contains(acme, "<b>Nguyễn Thị Hương</b>"));

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
  CHECK(Contains(html, "<h1>&quot;quoted&quot;</h1>"));
  CHECK(Contains(html, "<h1>two\nlines</h1>"));
  CHECK(Contains(html, "<h1>Анна Иванова &amp; Γιώργος</h1>"));
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
  CHECK(Contains(sheets[1], "<dl class=\"extra\"><dt>accessibility</dt><dd>I "
                            "use a wheelchair</dd><dt>note</dt><dd>&lt;b&gt;"
                            "two\nlines&lt;/b&gt;</dd></dl>"));
  CHECK_FALSE(Contains(sheets[2], "<dl"));
  CHECK(Contains(sheets[5], "<dt>parking</dt><dd>Bay 4</dd>"));
  CHECK_FALSE(Contains(sheets[4], "<dl"));

  fair.config.extra_all = false;
  fair.config.extra = {"parking"};
  sheets = Sheets(Render(fair, FixtureSchedule()));
  REQUIRE(sheets.size() == 6);
  CHECK_FALSE(Contains(sheets[1], "<dl"));
  CHECK(Contains(sheets[5], "<dt>parking</dt>"));
}

}  // namespace
}  // namespace fairmatch
