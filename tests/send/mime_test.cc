// MIME messages built by hand: headers encoded, no injection, attachments
// round-trip through base64.
#include "engine/send/mime.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"

namespace fairmatch {
namespace {

// The header block of a message, unfolded: one entry per header field.
std::vector<std::string> Headers(const std::string& message) {
  const std::string head = message.substr(0, message.find("\r\n\r\n"));
  std::vector<std::string> fields;
  for (absl::string_view line : absl::StrSplit(head, "\r\n")) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      REQUIRE(!fields.empty());
      fields.back() += std::string(line);
    } else {
      fields.push_back(std::string(line));
    }
  }
  return fields;
}

// Decodes the encoded-words of `text` (B encoding only, as we write).
std::string DecodeWords(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = text.find("=?UTF-8?B?", i);
    if (start == std::string::npos) {
      out += text.substr(i);
      break;
    }
    std::string between = text.substr(i, start - i);
    if (between.find_first_not_of(" ") != std::string::npos) out += between;
    const size_t end = text.find("?=", start + 10);
    REQUIRE(end != std::string::npos);
    std::string decoded;
    REQUIRE(absl::Base64Unescape(text.substr(start + 10, end - start - 10),
                                 &decoded));
    out += decoded;
    i = end + 2;
  }
  return out;
}

MimeMessage Sample() {
  MimeMessage m;
  m.from = *FormatAddress("Careers", "careers@uni.example");
  m.to = *FormatAddress("Chloé Dubois", "chloe@example.org");
  m.subject = "Votre journée";
  m.message_id = "x.1@uni.example";
  m.date = FormatMailDate(0);
  m.text = "Bonjour\n";
  m.html = "<p>Bonjour</p>";
  return m;
}

TEST_CASE("names outside ASCII become encoded-words that decode back",
          "[send]") {
  const std::string name = "Conceição Gonçalves 佐藤花子 Мария Соколова";
  absl::StatusOr<std::string> a = FormatAddress(name, "c@example.org");
  REQUIRE(a.ok());
  CHECK(a->find_first_of("\x80\xff") == std::string::npos);
  std::string unfolded = absl::StrReplaceAll(*a, {{"\r\n", ""}});
  CHECK(DecodeWords(unfolded.substr(0, unfolded.find(" <"))) == name);
  // Each encoded-word is at most 75 octets (RFC 2047 section 2).
  for (absl::string_view word : absl::StrSplit(*a, "\r\n ")) {
    CHECK(word.substr(0, word.find(" <")).size() <= 75);
  }
  CHECK(EncodeHeaderText("plain subject") == "plain subject");
  CHECK(DecodeWords(absl::StrReplaceAll(EncodeHeaderText("Journée à Zürich"),
                                        {{"\r\n", ""}})) == "Journée à Zürich");
}

TEST_CASE("a name with CR/LF cannot add a header", "[send]") {
  MimeMessage m = Sample();
  m.to = *FormatAddress("Eve\r\nBcc: everyone@example.org", "eve@example.org");
  m.subject = "Hello\r\nBcc: everyone@example.org";
  const std::vector<std::string> fields = Headers(BuildMime(m));
  for (const std::string& f : fields) {
    INFO(f);
    CHECK(f.rfind("Bcc:", 0) != 0);
  }
  CHECK(fields[1] ==
        "To: \"Eve  Bcc: everyone@example.org\" <eve@example.org>");
  // Quotes and backslashes in a name stay inside the quoted-string.
  CHECK(*FormatAddress("A \"B\" \\C", "a@example.org") ==
        "\"A \\\"B\\\" \\\\C\" <a@example.org>");
}

TEST_CASE("an e-mail with a comma, brackets, spaces or line breaks is refused",
          "[send]") {
  for (const char* bad : {"a@x.org, b@y.org", "a@x.org,b@y.org", "<a@x.org>",
                          "a@x.org\r\nBcc: b@y.org", "a b@x.org", "a@x",
                          "ä@x.org", "a@x.org;b@y.org", "\"a\"@x.org", ""}) {
    INFO(bad);
    CHECK_FALSE(IsSafeHeaderEmail(bad));
    CHECK_FALSE(FormatAddress("Name", bad).ok());
  }
  CHECK(IsSafeHeaderEmail("olivia.ostergaard+fair@example.edu"));
  CHECK(FormatAddress("", "a@x.org").value() == "a@x.org");
}

TEST_CASE("attachments round-trip through base64 with RFC 2231 names",
          "[send]") {
  MimeMessage m = Sample();
  std::string pdf;
  for (int i = 0; i < 1000; ++i) pdf += static_cast<char>(i * 7);
  m.attachments.push_back({"../Chloé Dubois.pdf", "application/pdf", pdf});
  const std::string eml = BuildMime(m);
  CHECK(eml.find("filename*=UTF-8''Chlo%C3%A9%20Dubois.pdf") !=
        std::string::npos);
  CHECK(eml.find("filename=\"Chlo___Dubois.pdf\"") != std::string::npos);
  CHECK(eml.find("..") == std::string::npos);  // a base name only
  // The attachment's body: the base64 lines after its part headers.
  const size_t part = eml.find("Content-Type: application/pdf");
  const size_t body = eml.find("\r\n\r\n", part) + 4;
  const size_t end = eml.find("\r\n--", body);
  std::string b64 =
      absl::StrReplaceAll(eml.substr(body, end - body), {{"\r\n", ""}});
  std::string back;
  REQUIRE(absl::Base64Unescape(b64, &back));
  CHECK(back == pdf);
  // Every line is short, and every line ends in CRLF.
  for (absl::string_view line : absl::StrSplit(eml, "\r\n")) {
    CHECK(line.size() <= 998);
    CHECK(line.find('\n') == absl::string_view::npos);
  }
  CHECK(eml.substr(eml.size() - 2) == "\r\n");
}

TEST_CASE("dates are RFC 5322", "[send]") {
  CHECK(FormatMailDate(0) == "Thu, 01 Jan 1970 00:00:00 +0000");
  CHECK(FormatMailDate(1793955600) == "Fri, 06 Nov 2026 09:00:00 +0000");
}

}  // namespace
}  // namespace fairmatch
