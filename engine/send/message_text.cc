#include "engine/send/message_text.h"

#include <algorithm>
#include <array>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "engine/base/edit_distance.h"

namespace fairmatch {
namespace {

constexpr std::array<const char*, 4> kValues = {"name", "event", "date",
                                                "venue"};
constexpr std::array<const char*, 3> kBlocks = {"conversations", "open_booths",
                                                "changes"};

bool IsValue(absl::string_view p) {
  return std::find(kValues.begin(), kValues.end(), p) != kValues.end();
}
bool IsBlock(absl::string_view p) {
  return std::find(kBlocks.begin(), kBlocks.end(), p) != kBlocks.end();
}

// A template cut into literal text and placeholders.
struct Token {
  bool placeholder = false;
  std::string text;  // the literal, or the placeholder's name
};

// Splits `text`; `{{` and `}}` are literal braces. Returns false with the
// offset of the first bad brace in *bad.
bool Tokenise(absl::string_view text, std::vector<Token>* out, size_t* bad) {
  std::string literal;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c;
      ++i;
      continue;
    }
    if (c == '}') {
      *bad = i;
      return false;
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    const size_t close = text.find('}', i);
    if (close == absl::string_view::npos) {
      *bad = i;
      return false;
    }
    if (!literal.empty()) out->push_back({false, std::move(literal)});
    literal.clear();
    out->push_back({true, std::string(text.substr(i + 1, close - i - 1))});
    i = close;
  }
  if (!literal.empty()) out->push_back({false, std::move(literal)});
  return true;
}

std::vector<Token> TokensOf(absl::string_view text) {
  std::vector<Token> tokens;
  size_t bad = 0;
  if (!Tokenise(text, &tokens, &bad)) return {{false, std::string(text)}};
  return tokens;
}

std::string HtmlEscape(absl::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
        out += "<br>\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A value from the fair in the HTML part: escaped, and isolated for the
// bidirectional algorithm, so that an Arabic or Hebrew name cannot reorder
// the text around it (as schedules.html and report.html do).
std::string HtmlValue(absl::string_view text) {
  if (text.empty()) return "";
  return absl::StrCat("<bdi>", HtmlEscape(text), "</bdi>");
}

const std::string& ValueOf(const PersonDay& day, absl::string_view name) {
  if (name == "name") return day.name;
  if (name == "event") return day.event;
  if (name == "date") return day.date;
  return day.venue;
}

const std::vector<DayRow>& RowsOf(const PersonDay& day,
                                  absl::string_view name) {
  if (name == "conversations") return day.conversations;
  if (name == "open_booths") return day.open_booths;
  return day.changes;
}

// A block as plain text: one row per line, the detail indented below it.
std::string BlockText(const std::vector<DayRow>& rows, bool changes) {
  std::string out;
  for (const DayRow& r : rows) {
    if (changes) {
      absl::StrAppend(&out, "- ", r.title, "\n");
      continue;
    }
    std::vector<std::string> head;
    if (!r.time.empty()) head.push_back(r.time);
    head.push_back(r.title);
    std::string line = absl::StrJoin(head, "  ");
    if (!r.where.empty()) absl::StrAppend(&line, ", ", r.where);
    absl::StrAppend(&out, "  ", line, "\n");
    if (!r.detail.empty()) absl::StrAppend(&out, "      ", r.detail, "\n");
  }
  return out;
}

std::string BlockHtml(const std::vector<DayRow>& rows, bool changes) {
  if (rows.empty()) return "";
  std::string out;
  if (changes) {
    out = "<ul>\n";
    for (const DayRow& r : rows) {
      absl::StrAppend(&out, "<li>", HtmlValue(r.title), "</li>\n");
    }
    return out + "</ul>\n";
  }
  out = "<table style=\"border-collapse:collapse\" cellpadding=\"4\">\n";
  for (const DayRow& r : rows) {
    absl::StrAppend(&out,
                    "<tr><td style=\"vertical-align:top;white-space:"
                    "nowrap\">",
                    HtmlEscape(r.time), "</td><td><b>", HtmlValue(r.title),
                    "</b>");
    if (!r.where.empty()) absl::StrAppend(&out, ", ", HtmlValue(r.where));
    if (!r.detail.empty()) {
      absl::StrAppend(&out, "<br><small>", HtmlValue(r.detail), "</small>");
    }
    absl::StrAppend(&out, "</td></tr>\n");
  }
  return out + "</table>\n";
}

// The rows of {changes} as they read at the top of an update.
std::string ChangesText(const PersonDay& day) {
  return absl::StrCat("What changed since the last message:\n",
                      BlockText(day.changes, true));
}
std::string ChangesHtml(const PersonDay& day) {
  return absl::StrCat("<p><b>What changed since the last message:</b></p>\n",
                      BlockHtml(day.changes, true));
}

}  // namespace

const char* TemplateFileName(TemplateKind kind) {
  switch (kind) {
    case TemplateKind::kAttendee:
      return "attendee.txt";
    case TemplateKind::kAttendeeNoConversation:
      return "attendee-none.txt";
    case TemplateKind::kEmployer:
      return "employer.txt";
  }
  return "attendee.txt";
}

MessageTemplate DefaultTemplate(TemplateKind kind) {
  switch (kind) {
    case TemplateKind::kAttendee:
      return {"Your conversations at {event} on {date}",
              "Dear {name},\n\n{changes}"
              "here is your day at {event} on {date} ({venue}):\n\n"
              "{conversations}\n"
              "Your sheet is attached as a PDF, and your conversations as a "
              "calendar file (.ics): open it to add them to your calendar.\n\n"
              "See you there!\n"};
    case TemplateKind::kAttendeeNoConversation:
      return {"Your day at {event} on {date}",
              "Dear {name},\n\n{changes}"
              "we are sorry: we could not give you a conversation at {event} "
              "on {date} ({venue}). These employers' booths are open and "
              "suit you well; do go and talk to them:\n\n"
              "{open_booths}\n"
              "Your sheet is attached as a PDF.\n\nSee you there!\n"};
    case TemplateKind::kEmployer:
      return {"Your tables at {event} on {date}",
              "Dear {name} team,\n\n{changes}"
              "here are your conversations at {event} on {date} ({venue}):"
              "\n\n{conversations}\n"
              "Your table rosters, with alternates for no-shows, are "
              "attached as a PDF.\n\nThank you for coming!\n"};
  }
  return {};
}

absl::StatusOr<MessageTemplate> ParseTemplate(absl::string_view text,
                                              absl::string_view origin) {
  std::string normal = absl::StrReplaceAll(text, {{"\r\n", "\n"}});
  absl::string_view rest = normal;
  const size_t eol = rest.find('\n');
  absl::string_view first = rest.substr(0, eol);
  if (!absl::ConsumePrefix(&first, "Subject:")) {
    return absl::InvalidArgumentError(
        absl::StrCat(origin,
                     ":1: error: a template starts with a line "
                     "'Subject: ...', then a blank line, then the text"));
  }
  MessageTemplate t;
  t.subject = std::string(absl::StripAsciiWhitespace(first));
  t.body = eol == absl::string_view::npos
               ? ""
               : std::string(
                     absl::StripLeadingAsciiWhitespace(rest.substr(eol + 1)));
  // Check every placeholder, naming its line.
  std::vector<std::string> known(kValues.begin(), kValues.end());
  known.insert(known.end(), kBlocks.begin(), kBlocks.end());
  const size_t body_at = eol == absl::string_view::npos ? 0 : eol + 1;
  for (int part = 0; part < 2; ++part) {
    const std::string& s = part == 0 ? t.subject : t.body;
    std::vector<Token> tokens;
    size_t bad = 0;
    auto line_of = [&](size_t offset_in_s) {
      if (part == 0) return 1;
      const size_t start = normal.find(s);
      const size_t at =
          std::min(normal.size(),
                   start == std::string::npos ? body_at : start + offset_in_s);
      return 1 + static_cast<int>(
                     std::count(normal.begin(), normal.begin() + at, '\n'));
    };
    if (!Tokenise(s, &tokens, &bad)) {
      return absl::InvalidArgumentError(
          absl::StrCat(origin, ":", line_of(bad),
                       ": error: a lone brace; write {{ or }} for a brace, or "
                       "{placeholder}"));
    }
    for (const Token& tok : tokens) {
      if (tok.placeholder) {
        const bool ok = IsValue(tok.text) || (part == 1 && IsBlock(tok.text));
        if (!ok) {
          std::string why =
              IsBlock(tok.text)
                  ? absl::StrCat("{", tok.text,
                                 "} is a list and may stand in the text only")
                  : absl::StrCat("unknown placeholder {", tok.text, "}",
                                 DidYouMean(tok.text, known), " (known: {",
                                 absl::StrJoin(known, "}, {"), "})");
          return absl::InvalidArgumentError(
              absl::StrCat(origin, ":", line_of(s.find("{" + tok.text + "}")),
                           ": error: ", why));
        }
      }
    }
  }
  return t;
}

RenderedText RenderMessage(const MessageTemplate& t, const PersonDay& day) {
  RenderedText r;
  for (const Token& tok : TokensOf(t.subject)) {
    absl::StrAppend(&r.subject, tok.placeholder && IsValue(tok.text)
                                    ? ValueOf(day, tok.text)
                                    : tok.text);
  }
  const std::vector<Token> body = TokensOf(t.body);
  const bool has_changes_placeholder =
      std::any_of(body.begin(), body.end(), [](const Token& tok) {
        return tok.placeholder && tok.text == "changes";
      });
  std::string html_body;
  if (!day.changes.empty()) {
    r.subject = absl::StrCat("Update: ", r.subject);
    if (!has_changes_placeholder) {
      absl::StrAppend(&r.text, ChangesText(day), "\n");
      absl::StrAppend(&html_body, ChangesHtml(day));
    }
  }
  for (const Token& tok : body) {
    if (!tok.placeholder) {
      absl::StrAppend(&r.text, tok.text);
      absl::StrAppend(&html_body, HtmlEscape(tok.text));
    } else if (IsValue(tok.text)) {
      absl::StrAppend(&r.text, ValueOf(day, tok.text));
      absl::StrAppend(&html_body, HtmlValue(ValueOf(day, tok.text)));
    } else if (tok.text == "changes") {
      if (day.changes.empty()) continue;
      absl::StrAppend(&r.text, ChangesText(day), "\n");
      absl::StrAppend(&html_body, ChangesHtml(day));
    } else if (IsBlock(tok.text)) {
      absl::StrAppend(&r.text, BlockText(RowsOf(day, tok.text), false));
      absl::StrAppend(&html_body, BlockHtml(RowsOf(day, tok.text), false));
    }
  }
  r.html = absl::StrCat(
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>",
      HtmlEscape(r.subject),
      "</title></head>\n<body style=\"font-family:sans-serif\">\n", html_body,
      "</body></html>\n");
  return r;
}

}  // namespace fairmatch
