#include "engine/send/mime.h"

#include <ctime>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/base/email.h"

namespace fairmatch {
namespace {

constexpr absl::string_view kCrlf = "\r\n";

bool IsPrintableAscii(absl::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c >= 0x7f) return false;
  }
  return true;
}

// Control characters (CR and LF among them) become spaces, so that no text
// can end a header line; bytes >= 0x80 are kept for encoded-words.
std::string NoControls(absl::string_view text) {
  std::string out(text);
  for (char& c : out) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = ' ';
  }
  return out;
}

// Length of the UTF-8 sequence starting with `lead` (1 for a stray byte).
int Utf8Length(unsigned char lead) {
  if (lead >= 0xf0 && lead < 0xf8) return 4;
  if (lead >= 0xe0) return lead < 0xf0 ? 3 : 1;
  if (lead >= 0xc0) return 2;
  return 1;
}

// RFC 2047 B encoded-words, each at most 75 octets ("=?UTF-8?B?" + 4n/3 +
// "?="): 45 bytes of text give 60 of base64, 72 in all. Splits only between
// UTF-8 sequences.
std::vector<std::string> EncodedWords(absl::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = i;
    while (end < text.size()) {
      size_t next = end + Utf8Length(static_cast<unsigned char>(text[end]));
      if (next > text.size()) next = text.size();
      if (next - i > 45) break;
      end = next;
    }
    if (end == i) end = i + 1;  // cannot happen with sequences of <= 4
    words.push_back(absl::StrCat(
        "=?UTF-8?B?", absl::Base64Escape(text.substr(i, end - i)), "?="));
    i = end;
  }
  return words;
}

// Base64 in lines of 76 characters, each ended by CRLF.
void AppendBase64Lines(absl::string_view data, std::string* out) {
  const std::string encoded = absl::Base64Escape(data);
  for (size_t i = 0; i < encoded.size(); i += 76) {
    absl::StrAppend(out, absl::string_view(encoded).substr(i, 76), kCrlf);
  }
}

// The last path component, with `/` and `\` treated as separators, so an
// attachment can never name a place outside the reader's download folder.
std::string BaseName(absl::string_view name) {
  size_t cut = name.find_last_of("/\\");
  std::string base(cut == absl::string_view::npos ? name
                                                  : name.substr(cut + 1));
  base = NoControls(base);
  if (base.empty() || base == "." || base == "..") base = "attachment";
  return base;
}

void AppendPart(absl::string_view content_type, absl::string_view extra,
                absl::string_view data, std::string* out) {
  absl::StrAppend(out, "Content-Type: ", content_type, kCrlf);
  if (!extra.empty()) absl::StrAppend(out, extra, kCrlf);
  absl::StrAppend(out, "Content-Transfer-Encoding: base64", kCrlf, kCrlf);
  AppendBase64Lines(data, out);
}

}  // namespace

bool IsSafeHeaderEmail(absl::string_view email) {
  if (!LooksLikeEmail(email)) return false;
  for (unsigned char c : email) {
    if (c <= 0x20 || c >= 0x7f) return false;
    if (absl::string_view(",;:<>()[]\"\\").find(static_cast<char>(c)) !=
        absl::string_view::npos) {
      return false;
    }
  }
  const size_t at = email.find('@');
  return email.find('.', at) != absl::string_view::npos ||
         email.substr(at + 1) == "localhost";
}

absl::StatusOr<std::string> FormatAddress(absl::string_view name,
                                          absl::string_view email) {
  if (!IsSafeHeaderEmail(email)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "'", absl::CHexEscape(email),
        "' is not an e-mail address that can be sent to (one address, "
        "ASCII, no spaces, commas, quotes or brackets)"));
  }
  const std::string clean = NoControls(name);
  if (clean.find_first_not_of(' ') == std::string::npos) {
    return std::string(email);
  }
  std::string phrase;
  if (IsPrintableAscii(clean)) {
    phrase = "\"";
    for (char c : clean) {
      if (c == '"' || c == '\\') phrase += '\\';
      phrase += c;
    }
    phrase += "\"";
  } else {
    std::vector<std::string> words = EncodedWords(clean);
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0) absl::StrAppend(&phrase, kCrlf, " ");
      absl::StrAppend(&phrase, words[i]);
    }
  }
  return absl::StrCat(phrase, " <", email, ">");
}

std::string EncodeHeaderText(absl::string_view text) {
  const std::string clean = NoControls(text);
  if (IsPrintableAscii(clean) && clean.size() <= 66 &&
      clean.find("=?") == std::string::npos) {
    return clean;
  }
  std::string out;
  std::vector<std::string> words = EncodedWords(clean);
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) absl::StrAppend(&out, kCrlf, " ");
    absl::StrAppend(&out, words[i]);
  }
  return out;
}

std::string AttachmentDisposition(absl::string_view filename) {
  const std::string base = BaseName(filename);
  std::string ascii;
  std::string pct;
  for (unsigned char c : base) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                       (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                       c == '_';
    ascii += plain ? static_cast<char>(c) : '_';
    if (plain) {
      pct += static_cast<char>(c);
    } else {
      absl::StrAppendFormat(&pct, "%%%02X", c);
    }
  }
  // RFC 2231 first: readers that know it (and Python's email) take it;
  // older ones find the plain fallback after it.
  return absl::StrCat("attachment; filename*=UTF-8''", pct, ";", kCrlf,
                      " filename=\"", ascii, "\"");
}

std::string FormatMailDate(long long unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed",
                                          "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr",
                                            "May", "Jun", "Jul", "Aug",
                                            "Sep", "Oct", "Nov", "Dec"};
  return absl::StrFormat("%s, %02d %s %04d %02d:%02d:%02d +0000",
                         kDays[tm.tm_wday], tm.tm_mday, kMonths[tm.tm_mon],
                         tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string BuildMime(const MimeMessage& m) {
  // Message-IDs are made by fairmatch from ids and hashes, but a stray
  // character must still not break the header: keep only what RFC 5322's
  // dot-atom allows.
  std::string id;
  for (char c : m.message_id) {
    if (c > 0x20 && c < 0x7f && c != '<' && c != '>') id += c;
  }
  const std::string mixed = absl::StrCat("=_mixed_", id);
  const std::string alt = absl::StrCat("=_alt_", id);
  std::string out;
  absl::StrAppend(&out, "From: ", m.from, kCrlf);
  absl::StrAppend(&out, "To: ", m.to, kCrlf);
  absl::StrAppend(&out, "Subject: ", EncodeHeaderText(m.subject), kCrlf);
  if (!m.date.empty()) absl::StrAppend(&out, "Date: ", m.date, kCrlf);
  absl::StrAppend(&out, "Message-ID: <", id, ">", kCrlf);
  absl::StrAppend(&out, "MIME-Version: 1.0", kCrlf);
  absl::StrAppend(&out, "Auto-Submitted: auto-generated", kCrlf);
  absl::StrAppend(&out, "Content-Type: multipart/mixed; boundary=\"", mixed,
                  "\"", kCrlf, kCrlf);
  absl::StrAppend(&out, "This is a MIME message.", kCrlf, kCrlf);
  absl::StrAppend(&out, "--", mixed, kCrlf);
  if (m.html.empty()) {
    AppendPart("text/plain; charset=utf-8", "", m.text, &out);
  } else {
    absl::StrAppend(&out, "Content-Type: multipart/alternative; boundary=\"",
                    alt, "\"", kCrlf, kCrlf);
    absl::StrAppend(&out, "--", alt, kCrlf);
    AppendPart("text/plain; charset=utf-8", "", m.text, &out);
    absl::StrAppend(&out, "--", alt, kCrlf);
    AppendPart("text/html; charset=utf-8", "", m.html, &out);
    absl::StrAppend(&out, "--", alt, "--", kCrlf);
  }
  for (const MimeAttachment& a : m.attachments) {
    absl::StrAppend(&out, "--", mixed, kCrlf);
    AppendPart(a.content_type,
               absl::StrCat("Content-Disposition: ",
                            AttachmentDisposition(a.filename)),
               a.data, &out);
  }
  absl::StrAppend(&out, "--", mixed, "--", kCrlf);
  return out;
}

}  // namespace fairmatch
