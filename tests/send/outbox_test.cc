// Which letters a published plan makes, for whom, with what attached
// (engine/send/outbox.h), on the renderers' tiny fair.
#include "engine/send/outbox.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/check/schedule_diff.h"
#include "engine/render/diff_report.h"
#include "engine/score/compatibility.h"
#include "tests/fixtures/spring_fair.h"

namespace fairmatch {
namespace {

using testing::FixtureFair;
using testing::FixtureSchedule;

// FixtureFair with an e-mail for both employer contacts.
Fair FairWithContacts() {
  Fair fair = FixtureFair();
  fair.employers[0].email = "jobs@acme.example";
  fair.employers[1].email = "hello@bluelabs.example";
  return fair;
}

OutboxOptions Options() {
  OutboxOptions o;
  o.from = *FormatAddress("Careers Service", "careers@uni.example");
  return o;
}

std::vector<Letter> Build(const Fair& fair, const Schedule& schedule,
                          const OutboxOptions& options) {
  const Compatibility compat = Compatibility::Build(fair);
  absl::StatusOr<std::vector<Letter>> letters =
      BuildOutbox(fair, compat, schedule, options);
  REQUIRE(letters.ok());
  return *std::move(letters);
}

std::vector<std::string> People(const std::vector<Letter>& letters) {
  std::vector<std::string> people;
  for (const Letter& l : letters) people.push_back(l.person);
  return people;
}

TEST_CASE("outbox: one letter per attendee, then per employer with a contact",
          "[send]") {
  Fair fair = FairWithContacts();
  fair.employers[1].email.clear();  // Blue Labs has no contact: no letter
  const std::vector<Letter> letters = Build(fair, FixtureSchedule(), Options());
  CHECK(People(letters) ==
        std::vector<std::string>{"attendee:a001", "attendee:a002",
                                 "attendee:a003", "employer:e001"});
  struct Expected {
    const char* stem;
    TemplateKind kind;
  };
  const std::vector<Expected> expected = {
      {"attendee-a001", TemplateKind::kAttendee},
      {"attendee-a002", TemplateKind::kAttendee},
      // Şükrü has no conversation: the letter that suggests open booths.
      {"attendee-a003", TemplateKind::kAttendeeNoConversation},
      {"employer-e001", TemplateKind::kEmployer},
  };
  REQUIRE(letters.size() == expected.size());
  for (size_t i = 0; i < letters.size(); ++i) {
    INFO(letters[i].person);
    CHECK(letters[i].file_stem == expected[i].stem);
    CHECK(letters[i].kind == expected[i].kind);
    CHECK(letters[i].problem.empty());
    CHECK(letters[i].message.from == Options().from);
    CHECK_FALSE(letters[i].message.subject.empty());
    CHECK_FALSE(letters[i].message.text.empty());
    // Date and Message-ID are the sender's to set.
    CHECK(letters[i].message.date.empty());
    CHECK(letters[i].message.message_id.empty());
  }
  CHECK(letters[0].message.to ==
        *FormatAddress("Ada Lovelace", "a001@example.org"));
  CHECK(letters[3].email == "jobs@acme.example");
}

TEST_CASE("outbox: each letter carries its sheet, attendees their calendar",
          "[send]") {
  OutboxOptions o = Options();
  o.calendars = {{"a001", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"}};
  const std::vector<Letter> letters =
      Build(FairWithContacts(), FixtureSchedule(), o);
  REQUIRE(letters.size() == 5);
  const std::vector<MimeAttachment>& ada = letters[0].message.attachments;
  REQUIRE(ada.size() == 2);
  CHECK(ada[0].filename == "Ada Lovelace - Spring Fair 2025.pdf");
  CHECK(ada[0].content_type == "application/pdf");
  CHECK(ada[0].data.rfind("%PDF-", 0) == 0);
  CHECK(ada[1].filename == "Ada Lovelace - Spring Fair 2025.ics");
  CHECK(ada[1].content_type == "text/calendar; charset=utf-8; method=PUBLISH");
  CHECK(ada[1].data == o.calendars["a001"]);
  // No calendar published for a002: the sheet alone.
  REQUIRE(letters[1].message.attachments.size() == 1);
  CHECK(letters[1].message.attachments[0].content_type == "application/pdf");
  // Employers get their roster, never a calendar.
  REQUIRE(letters[3].message.attachments.size() == 1);
  CHECK(letters[3].message.attachments[0].filename ==
        "Acme Energy - Spring Fair 2025.pdf");
}

TEST_CASE("outbox: a person who cannot be written to has a problem, no message",
          "[send]") {
  struct Case {
    const char* name;
    std::string email;
    std::string problem_part;
  };
  const std::vector<Case> cases = {
      {"no address", "", "has no e-mail address"},
      {"two recipients", "a@x.org, b@y.org", "a@x.org, b@y.org"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      Fair fair = FixtureFair();
      fair.attendees[1].email = c.email;
      const std::vector<Letter> letters =
          Build(fair, FixtureSchedule(), Options());
      REQUIRE(letters.size() == 3);
      const Letter& bad = letters[1];
      CHECK(bad.person == "attendee:a002");
      CHECK_THAT(bad.problem, Catch::Contains(c.problem_part));
      CHECK(bad.message.to.empty());
      CHECK(bad.message.attachments.empty());
      // The others are unaffected.
      CHECK(letters[0].problem.empty());
      CHECK(letters[2].problem.empty());
    }
  }
}

TEST_CASE("outbox: withdrawn people get no letter", "[send]") {
  Fair fair = FairWithContacts();
  fair.attendees[2].withdrawn = true;
  fair.employers[1].withdrawn = true;
  CHECK(People(Build(fair, FixtureSchedule(), Options())) ==
        std::vector<std::string>{"attendee:a001", "attendee:a002",
                                 "employer:e001"});
}

TEST_CASE("outbox: --to-one redirects every letter, keeping whom it is for",
          "[send]") {
  OutboxOptions o = Options();
  o.to_one = "organiser@uni.example";
  const std::vector<Letter> letters =
      Build(FairWithContacts(), FixtureSchedule(), o);
  REQUIRE(letters.size() == 5);
  CHECK(letters[0].email == "a001@example.org");
  CHECK(letters[0].message.to ==
        *FormatAddress("Ada Lovelace", "organiser@uni.example"));
  CHECK(letters[4].message.to ==
        *FormatAddress("Blue Labs", "organiser@uni.example"));
}

TEST_CASE("outbox: after a rerun only the people whose day changed", "[send]") {
  const Fair fair = FairWithContacts();
  const Schedule before = FixtureSchedule();
  Schedule after = before;
  // Ada's Blue Labs meeting moves from 10:15 to 10:45.
  for (Meeting& m : after.meetings) {
    if (m.employer == 1) m.slot = 2;
  }
  const ScheduleDiff diff =
      DiffSchedules(RecordSchedule(fair, before), RecordSchedule(fair, after));
  OutboxOptions o = Options();
  o.changes = &diff;
  const std::vector<Letter> letters = Build(fair, after, o);
  CHECK(People(letters) ==
        std::vector<std::string>{"attendee:a001", "employer:e002"});
  // What changed comes first, before the day.
  REQUIRE(diff.changes.size() == 1);
  const std::string& text = letters[0].message.text;
  const size_t change = text.find(DescribeChange(diff.changes[0], false));
  REQUIRE(change != std::string::npos);
  CHECK(change < text.find("Acme Energy"));
  CHECK(letters[1].message.text.find(DescribeChange(diff.changes[0], true)) !=
        std::string::npos);

  // No change at all: no letters.
  const ScheduleDiff none =
      DiffSchedules(RecordSchedule(fair, after), RecordSchedule(fair, after));
  o.changes = &none;
  CHECK(Build(fair, after, o).empty());
}

TEST_CASE("outbox: the same plan gives the same letters on any thread count",
          "[send]") {
  const Fair fair = FairWithContacts();
  OutboxOptions one = Options();
  OutboxOptions three = Options();
  three.threads = 3;
  const std::vector<Letter> a = Build(fair, FixtureSchedule(), one);
  const std::vector<Letter> b = Build(fair, FixtureSchedule(), three);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].person == b[i].person);
    CHECK(LetterHash(a[i]) == LetterHash(b[i]));
  }
}

TEST_CASE("LetterHash ignores Date and Message-ID, not the content", "[send]") {
  const std::vector<Letter> letters =
      Build(FairWithContacts(), FixtureSchedule(), Options());
  Letter letter = letters[0];
  const std::string hash = LetterHash(letter);
  CHECK(hash.size() == 64);
  letter.message.date = "Fri, 14 Mar 2025 09:00:00 +0100";
  letter.message.message_id = "x.y@uni.example";
  CHECK(LetterHash(letter) == hash);
  letter.message.subject += "!";
  CHECK(LetterHash(letter) != hash);
  CHECK(LetterHash(letters[1]) != hash);
}

TEST_CASE("LetterMessageId: revision, person and hash at the sender's domain",
          "[send]") {
  Letter letter;
  letter.person = "attendee:a001";
  const std::string hash(64, 'f');
  struct Case {
    std::string person;
    int revision;
    std::string from;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"attendee:a001", 3, "careers@uni.example",
       "fairmatch.r3.attendee-a001.ffffffffffffffff@uni.example"},
      {"employer:acme.co", 0, "x@mail.example.org",
       "fairmatch.r0.employer-acme.co.ffffffffffffffff@mail.example.org"},
      // Anything beyond letters, digits, '-' and '.' becomes '-'.
      {"attendee:a b/c", 1, "x@uni.example",
       "fairmatch.r1.attendee-a-b-c.ffffffffffffffff@uni.example"},
      // No domain to borrow.
      {"attendee:a1", 2, "nobody",
       "fairmatch.r2.attendee-a1.ffffffffffffffff@fairmatch.invalid"},
  };
  for (const Case& c : cases) {
    letter.person = c.person;
    CHECK(LetterMessageId(letter, hash, c.revision, c.from) == c.expected);
  }
}

}  // namespace
}  // namespace fairmatch
