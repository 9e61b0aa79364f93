// The words of a message: an organiser-editable template with placeholders,
// filled for one person and rendered as plain text and as HTML.
//
//   absl::StatusOr<MessageTemplate> t = ParseTemplate(file_text,
//   "attendee.txt"); RenderedText r = RenderMessage(*t, day);   // r.subject,
//   r.text, r.html
//
// A template file is a "Subject: ..." line, a blank line, then the body:
//
//   Subject: Your conversations at {event}
//
//   Dear {name},
//   {changes}
//   {conversations}
//
// Placeholders: {name}, {event}, {date}, {venue} (single values, allowed in
// the subject too) and {conversations}, {open_booths}, {changes} (blocks,
// body only: a list in the text part, a table or list in the HTML part).
// `{{` and `}}` are literal braces. An unknown placeholder is an error with
// a "did you mean". Every value is HTML-escaped in the HTML part, so a name
// like `<b>` prints as written. Nothing here reads files.
#ifndef FAIRMATCH_SEND_MESSAGE_TEXT_H_
#define FAIRMATCH_SEND_MESSAGE_TEXT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace fairmatch {

// The three messages `fairmatch send` writes, and their template files in a
// --templates folder.
enum class TemplateKind {
  kAttendee,                // attendee.txt: an attendee with conversations
  kAttendeeNoConversation,  // attendee-none.txt: with none; open booths
  kEmployer,                // employer.txt: an employer contact's rosters
};
const char* TemplateFileName(TemplateKind kind);

struct MessageTemplate {
  std::string subject;
  std::string body;
};

// The built-in template of `kind` (what docs/send.md shows).
MessageTemplate DefaultTemplate(TemplateKind kind);

// Reads a template file's text. InvalidArgumentError "ORIGIN:LINE: error:
// ..." for a missing Subject line or an unknown placeholder.
absl::StatusOr<MessageTemplate> ParseTemplate(absl::string_view text,
                                              absl::string_view origin);

// One row of a block placeholder: for an attendee a conversation ("10:00–
// 10:15", "Acme Energy", "booth B2, table 1", "with Sam Lee", the talking
// points), for an employer a roster row, for open booths an employer and
// its booth, for changes one change ("moved Acme 10:00 -> 11:15").
struct DayRow {
  std::string time;    // may be empty
  std::string title;   // the employer, or the attendees at a table
  std::string where;   // "booth B2, table 1"; may be empty
  std::string detail;  // "with Sam Lee" / talking points; may be empty
};

// What the placeholders of one person's message stand for.
struct PersonDay {
  std::string name;
  std::string event;
  std::string date;
  std::string venue;
  std::vector<DayRow> conversations;
  std::vector<DayRow> open_booths;
  std::vector<DayRow> changes;  // empty: not a rerun, or nothing changed
};

struct RenderedText {
  std::string subject;
  std::string text;
  std::string html;
};

// Fills `t` for `day`. When `day.changes` is not empty and the body has no
// {changes}, they are put first, so that whoever reads an update sees what
// changed before anything else; the subject then starts "Update: ".
RenderedText RenderMessage(const MessageTemplate& t, const PersonDay& day);

}  // namespace fairmatch

#endif  // FAIRMATCH_SEND_MESSAGE_TEXT_H_
