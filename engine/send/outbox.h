// The letters of a published plan: one per attendee and one per employer
// contact, each a MIME message with the person's text, their one-person PDF
// and (attendees) their calendar. After a rerun, only the people whose day
// changed, with what changed first.
//
//   OutboxOptions o;
//   o.from = *FormatAddress("Careers Service", "careers@uni.example");
//   o.calendars = {{"a0001", ics_bytes}, ...};
//   absl::StatusOr<std::vector<Letter>> letters =
//       BuildOutbox(fair, compat, schedule, o);
//
// Letters come in a fixed order (attendees in file order, then employers),
// and the same plan, templates and sender give the same bytes, so a
// letter's content hash (LetterHash) says whether it is the one the
// journal recorded. Nothing here reads files or talks to a server.
#ifndef FAIRMATCH_SEND_OUTBOX_H_
#define FAIRMATCH_SEND_OUTBOX_H_

#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/check/schedule_diff.h"
#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/render/pdf_sheets.h"
#include "engine/score/compatibility.h"
#include "engine/send/message_text.h"
#include "engine/send/mime.h"

namespace fairmatch {

struct Letter {
  std::string person;  // "attendee:<id>" or "employer:<id>" (journal key)
  std::string name;
  std::string email;  // as in the fair
  TemplateKind kind = TemplateKind::kAttendee;
  // Complete but for `date` and `message_id` (the sender sets them).
  MimeMessage message;
  std::string file_stem;  // "attendee-a0001": outbox/<stem>.eml
  // Why this letter cannot go (no e-mail, an address that is not safe in a
  // header); such a letter has no message.
  std::string problem;
};

struct OutboxOptions {
  std::string from;  // a formatted address (FormatAddress)
  std::array<MessageTemplate, 3> templates = {
      DefaultTemplate(TemplateKind::kAttendee),
      DefaultTemplate(TemplateKind::kAttendeeNoConversation),
      DefaultTemplate(TemplateKind::kEmployer)};
  // Each attendee's calendar/<id>.ics as published, by attendee id; an
  // attendee without one gets no calendar attached.
  std::map<std::string, std::string> calendars;
  // A rerun's changes against its baseline: only the people they name get
  // a letter, with their changes first. Null: everyone.
  const ScheduleDiff* changes = nullptr;
  // Every letter goes to this address instead (--to-one); "" for none.
  std::string to_one;
  // How many PDFs render at once (each letter's sheet is its own PDF).
  int threads = 1;
};

// InternalError when a PDF cannot be rendered; a person who cannot be
// written to is a Letter with a `problem`, not an error.
// REQUIRES: schedule sorted (SortMeetings); `compat` built from `fair`.
absl::StatusOr<std::vector<Letter>> BuildOutbox(const Fair& fair,
                                                const Compatibility& compat,
                                                const Schedule& schedule,
                                                const OutboxOptions& options);

// The SHA-256 (hex) of the letter's message without Date and Message-ID:
// what the journal compares.
std::string LetterHash(const Letter& letter);

// The Message-ID of a letter: "<revision>.<person>.<hash prefix>@<domain of
// `from_email`>", the same for the same content, so a resend after a crash
// carries the same one.
std::string LetterMessageId(const Letter& letter, const std::string& hash,
                            int revision, const std::string& from_email);

}  // namespace fairmatch

#endif  // FAIRMATCH_SEND_OUTBOX_H_
