// Internet messages (RFC 5322 with MIME, RFC 2045-2049) built by hand, with
// every piece of text that comes from a fair encoded so that it can never
// start a header or a MIME part of its own.
//
//   MimeMessage m;
//   m.from = *FormatAddress("Careers Service", "careers@uni.example");
//   m.to = *FormatAddress("Chloé Dubois", "chloe@example.org");
//   m.subject = "Your day at the Spring Careers Fair";
//   m.text = "..."; m.html = "...";
//   m.attachments.push_back({"Chloé Dubois.pdf", "application/pdf", pdf});
//   std::string eml = BuildMime(m);
//
// Choices:
// - Names go into headers as RFC 2047 encoded-words (UTF-8, base64) when
//   they hold anything beyond printable ASCII, else as a quoted-string; CR,
//   LF and other control characters become spaces first, so no name can
//   add a header line.
// - Addresses are checked by base/email.h's rule and, for a header, more
//   strictly: ASCII only and none of the characters that separate or quote
//   addresses (`,;:<>()[]"\`), so "a@x.org, b@y.org" is refused, never two
//   recipients.
// - Attachment names use RFC 2231 (`filename*=UTF-8''...`) with a plain
//   ASCII `filename="..."` fallback for old clients; either form keeps only
//   a base name (no `/` or `\`).
// - Bodies are base64 in lines of 76, so no line of a body can be a
//   boundary; the boundary is derived from the message's Message-ID.
// - Lines end in CRLF. Header lines are folded to at most 78 octets where
//   the encoding allows.
#ifndef FAIRMATCH_SEND_MIME_H_
#define FAIRMATCH_SEND_MIME_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace fairmatch {

struct MimeAttachment {
  std::string filename;      // any UTF-8; encoded per RFC 2231
  std::string content_type;  // e.g. "application/pdf", "text/calendar"
  std::string data;          // raw bytes
};

struct MimeMessage {
  std::string from;        // a formatted address (FormatAddress)
  std::string to;          // a formatted address
  std::string subject;     // UTF-8 text; encoded as needed
  std::string message_id;  // without angle brackets: "x.y@fairmatch"
  std::string date;        // RFC 5322 date-time, e.g. from FormatMailDate
  std::string text;        // the text/plain part (UTF-8)
  std::string html;        // the text/html part (UTF-8); none when empty
  std::vector<MimeAttachment> attachments;
};

// True when `email` may stand in an address header as written: the rule of
// base/email.h, ASCII only, and none of `,;:<>()[]"\` nor spaces.
bool IsSafeHeaderEmail(absl::string_view email);

// `"Display Name" <email>` (or `=?UTF-8?B?...?= <email>`), or `email`
// alone for an empty name. InvalidArgumentError naming the address when it
// is not IsSafeHeaderEmail.
absl::StatusOr<std::string> FormatAddress(absl::string_view name,
                                          absl::string_view email);

// Text for an unstructured header (Subject): as is when printable ASCII,
// else RFC 2047 encoded-words of at most 75 octets each, never splitting a
// UTF-8 sequence, separated by CRLF SP. Control characters become spaces.
std::string EncodeHeaderText(absl::string_view text);

// The Content-Disposition value for an attachment named `filename`:
// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded`.
std::string AttachmentDisposition(absl::string_view filename);

// RFC 5322 date-time of `unix_seconds` in UTC: "Tue, 03 Nov 2026 09:00:00
// +0000".
std::string FormatMailDate(long long unix_seconds);

// The whole message, CRLF line ends, ready for SMTP DATA (no dot-stuffing:
// the transport does that) or for an .eml file.
std::string BuildMime(const MimeMessage& message);

}  // namespace fairmatch

#endif  // FAIRMATCH_SEND_MIME_H_
