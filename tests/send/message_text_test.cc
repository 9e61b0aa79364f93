// Templates and placeholders (engine/send/message_text.h).
#include "engine/send/message_text.h"

#include <catch2/catch.hpp>
#include <string>

namespace fairmatch {
namespace {

PersonDay Day() {
  PersonDay d;
  d.name = "Zoë <b>Lévesque</b>";
  d.event = "Spring Fair";
  d.date = "2026-11-05";
  d.venue = "Hall B";
  d.conversations = {{"10:00–10:15", "Acme", "booth A1, table 1",
                      "One-to-one. Shared values: Impact."}};
  return d;
}

TEST_CASE("templates fill their placeholders in text and escaped HTML",
          "[send]") {
  absl::StatusOr<MessageTemplate> t = ParseTemplate(
      "Subject: {event}: your day\n\nHi {name}, {{literal}}\n{conversations}",
      "attendee.txt");
  REQUIRE(t.ok());
  RenderedText r = RenderMessage(*t, Day());
  CHECK(r.subject == "Spring Fair: your day");
  CHECK(r.text ==
        "Hi Zoë <b>Lévesque</b>, {literal}\n"
        "  10:00–10:15  Acme, booth A1, table 1\n"
        "      One-to-one. Shared values: Impact.\n");
  CHECK(r.html.find("<bdi>Zoë &lt;b&gt;Lévesque&lt;/b&gt;</bdi>") !=
        std::string::npos);
  CHECK(r.html.find("<b>Lévesque</b>") == std::string::npos);
  CHECK(r.html.find("<b><bdi>Acme</bdi></b>, <bdi>booth A1, table 1</bdi>") !=
        std::string::npos);
}

TEST_CASE("after a rerun, what changed comes first", "[send]") {
  PersonDay d = Day();
  d.changes = {{"", "moved Acme 10:00 -> 11:15", "", ""}};
  RenderedText r = RenderMessage(DefaultTemplate(TemplateKind::kAttendee), d);
  CHECK(r.subject.rfind("Update: ", 0) == 0);
  CHECK(r.text.find("What changed") < r.text.find("10:00–10:15"));
  CHECK(r.text.find("- moved Acme 10:00 -> 11:15") != std::string::npos);
  // A template without {changes} still gets them, first.
  MessageTemplate bare{"Day", "{conversations}"};
  CHECK(RenderMessage(bare, d).text.rfind("What changed", 0) == 0);
}

TEST_CASE("template mistakes name the line", "[send]") {
  absl::StatusOr<MessageTemplate> typo =
      ParseTemplate("Subject: x\n\nHello\n{nmae}\n", "attendee.txt");
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.status().message().find("attendee.txt:4: error: unknown "
                                     "placeholder {nmae}; did you mean "
                                     "'name'?") == 0);
  CHECK_FALSE(ParseTemplate("Hello {name}", "t.txt").ok());  // no Subject
  CHECK_FALSE(ParseTemplate("Subject: {conversations}\n\nx", "t.txt").ok());
  CHECK_FALSE(ParseTemplate("Subject: x\n\n{name", "t.txt").ok());
  for (TemplateKind k :
       {TemplateKind::kAttendee, TemplateKind::kAttendeeNoConversation,
        TemplateKind::kEmployer}) {
    MessageTemplate t = DefaultTemplate(k);
    CHECK(ParseTemplate("Subject: " + t.subject + "\n\n" + t.body, "d").ok());
  }
}

}  // namespace
}  // namespace fairmatch
