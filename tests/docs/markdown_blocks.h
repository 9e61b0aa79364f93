// The fenced code blocks of a markdown page and the doc-test annotation that
// says what each one is, for tests/docs/docs_test.cc (the language is
// described in docs/HACKING.md, "Docs that cannot rot").
//
//   <!-- doc-test: exit 2 -->
//   ```sh
//   fairmatch plan missing-fair
//   ```
//
// An annotation is an HTML comment starting with "doc-test:" on the lines
// just before a fence (blank lines may come between); rendered markdown
// does not show it. ParsePage finds every fence (``` or ~~~, indented or
// not, as in list items) and Classify turns the annotation, or the block's
// language when there is none, into one Action. Both only read text: they
// report what they cannot understand as errors naming the line, so a page
// with a block nobody classified fails instead of going untested.
#ifndef FAIRMATCH_TESTS_DOCS_MARKDOWN_BLOCKS_H_
#define FAIRMATCH_TESTS_DOCS_MARKDOWN_BLOCKS_H_

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace fairmatch::doctest {

struct Block {
  int line = 0;          // of the opening fence, from 1
  int content_line = 0;  // of the first line inside the fence
  std::string lang;      // first word of the info string, lower case
  std::string text;      // the lines inside, less the fence's indentation
  // The annotation's text after "doc-test:" and the line it starts on.
  std::optional<std::string> annotation;
  int annotation_line = 0;
};

struct Page {
  std::vector<Block> blocks;
  std::vector<std::string> errors;  // "LINE: message"
};

namespace internal {

inline size_t LeadingSpaces(absl::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

// "```sh" -> fence "```", info "sh"; nullopt when the line is no fence.
struct Fence {
  size_t indent = 0;
  char ch = '`';
  size_t length = 0;
  std::string info;
};
inline std::optional<Fence> ReadFence(absl::string_view line) {
  Fence f;
  f.indent = LeadingSpaces(line);
  absl::string_view rest = line.substr(f.indent);
  if (rest.empty() || (rest[0] != '`' && rest[0] != '~')) return std::nullopt;
  f.ch = rest[0];
  while (f.length < rest.size() && rest[f.length] == f.ch) ++f.length;
  if (f.length < 3) return std::nullopt;
  f.info = std::string(absl::StripAsciiWhitespace(rest.substr(f.length)));
  // A backtick fence's info string may not hold a backtick (CommonMark).
  if (f.ch == '`' && absl::StrContains(f.info, '`')) return std::nullopt;
  return f;
}

inline bool ClosesFence(absl::string_view line, const Fence& open) {
  absl::string_view rest = absl::StripLeadingAsciiWhitespace(line);
  size_t n = 0;
  while (n < rest.size() && rest[n] == open.ch) ++n;
  return n >= open.length && absl::StripAsciiWhitespace(rest.substr(n)).empty();
}

}  // namespace internal

// Splits `markdown` into its fenced blocks, each with the doc-test
// annotation written before it. Errors: an annotation followed by text
// instead of a block, a second annotation before one block, a comment
// that starts like an annotation but lacks "doc-test:", an unclosed
// comment or fence.
inline Page ParsePage(absl::string_view markdown) {
  using internal::Fence;
  Page page;
  const std::vector<absl::string_view> lines = absl::StrSplit(markdown, '\n');
  std::optional<std::string> pending;
  int pending_line = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const int line_no = static_cast<int>(i) + 1;
    absl::string_view line = absl::StripTrailingAsciiWhitespace(lines[i]);
    absl::string_view stripped = absl::StripLeadingAsciiWhitespace(line);
    if (absl::StartsWith(stripped, "<!--")) {
      // Collect the whole comment, which may span lines.
      std::string comment(stripped.substr(4));
      size_t j = i;
      while (!absl::StrContains(comment, "-->") && j + 1 < lines.size()) {
        ++j;
        absl::StrAppend(&comment, "\n",
                        absl::StripTrailingAsciiWhitespace(lines[j]));
      }
      if (!absl::StrContains(comment, "-->")) {
        page.errors.push_back(absl::StrCat(line_no, ": unclosed HTML comment"));
        break;
      }
      std::string body(absl::StripAsciiWhitespace(
          absl::string_view(comment).substr(0, comment.find("-->"))));
      i = j;
      if (absl::StartsWith(body, "doc-test")) {
        if (!absl::StartsWith(body, "doc-test:")) {
          page.errors.push_back(absl::StrCat(
              line_no, ": write the annotation as <!-- doc-test: ... -->"));
          continue;
        }
        if (pending) {
          page.errors.push_back(
              absl::StrCat(pending_line,
                           ": annotation is not followed by a fenced block "
                           "(another annotation comes first, on line ",
                           line_no, ")"));
        }
        // Lines of a long annotation are joined with spaces.
        std::string text(absl::StripAsciiWhitespace(body.substr(9)));
        absl::StrReplaceAll({{"\n", " "}}, &text);
        pending = text;
        pending_line = line_no;
      }
      continue;
    }
    if (std::optional<Fence> fence = internal::ReadFence(line)) {
      Block block;
      block.line = line_no;
      block.content_line = line_no + 1;
      const std::vector<absl::string_view> words =
          absl::StrSplit(fence->info, ' ', absl::SkipEmpty());
      if (!words.empty()) block.lang = absl::AsciiStrToLower(words[0]);
      block.annotation = pending;
      block.annotation_line = pending_line;
      pending.reset();
      size_t j = i + 1;
      for (; j < lines.size(); ++j) {
        absl::string_view inner = lines[j];
        if (absl::EndsWith(inner, "\r")) inner.remove_suffix(1);
        if (internal::ClosesFence(inner, *fence)) break;
        // Content loses up to the fence's indentation (CommonMark).
        const size_t cut =
            std::min(internal::LeadingSpaces(inner), fence->indent);
        absl::StrAppend(&block.text, inner.substr(cut), "\n");
      }
      if (j == lines.size()) {
        page.errors.push_back(
            absl::StrCat(line_no, ": fenced block is never closed"));
      }
      page.blocks.push_back(std::move(block));
      i = j;
      continue;
    }
    if (pending && !stripped.empty()) {
      page.errors.push_back(absl::StrCat(
          pending_line, ": annotation is not followed by a fenced block"));
      pending.reset();
    }
  }
  if (pending) {
    page.errors.push_back(absl::StrCat(
        pending_line, ": annotation is not followed by a fenced block"));
  }
  return page;
}

// What the harness does with one block.
enum class Action {
  kRun,          // each command line runs; each must exit `exit_code`
  kOutput,       // the lines shown are output of the last command run
  kOutputFirst,  // ... only the first line shown is checked
  kOutputOf,     // run `command`, then check like kOutput
  kWrite,        // the text is the file `arg` in the sandbox
  kPatch,        // the text holds list entries merged into the file `arg`
  kYaml,         // the text must load in context `arg` (a copy of my-fair)
  kParse,        // the text must parse as the block's language (yaml, json)
  kSkip,         // not run, for the reason in `arg`
};

struct Classified {
  Action action = Action::kSkip;
  int exit_code = 0;
  std::string arg;      // path, context or skip reason
  std::string command;  // of `output of:` and `then:`
  std::string then;     // a check run after write, patch, yaml or parse
};

inline constexpr absl::string_view kYamlContexts[] = {
    "event",  "attendees",      "employers",
    "config", "attendee-entry", "employer-entry"};

inline bool IsShell(absl::string_view lang) {
  return lang == "sh" || lang == "bash" || lang == "shell";
}

// The action for `block`, or an error message saying why there is none.
// Without an annotation: sh, bash and shell run; yaml, yml and json must
// parse; any other block (untagged, text, ...) must be annotated.
struct ClassifyResult {
  std::optional<Classified> classified;
  std::string error;
};
inline ClassifyResult Classify(const Block& block) {
  ClassifyResult r;
  if (!block.annotation) {
    Classified c;
    if (IsShell(block.lang)) {
      c.action = Action::kRun;
    } else if (block.lang == "yaml" || block.lang == "yml" ||
               block.lang == "json") {
      c.action = Action::kParse;
    } else {
      r.error = absl::StrCat(
          "cannot classify a ",
          block.lang.empty() ? std::string("block without a language")
                             : absl::StrCat("```", block.lang, " block"),
          ": say what it is with <!-- doc-test: ... --> before it (run, "
          "exit N, output, write PATH, yaml CONTEXT, skip: REASON, ...; "
          "docs/HACKING.md)");
      return r;
    }
    r.classified = c;
    return r;
  }
  Classified c;
  int actions = 0;
  bool has_exit = false;
  absl::string_view rest = *block.annotation;
  auto fail = [&](std::string message) {
    r.error = absl::StrCat("annotation '", *block.annotation, "': ", message);
    return r;
  };
  while (!rest.empty()) {
    // The directives that take free text take the rest of the annotation.
    absl::string_view d = absl::StripLeadingAsciiWhitespace(rest);
    auto rest_after = [&](absl::string_view prefix) {
      std::string text(absl::StripAsciiWhitespace(d.substr(prefix.size())));
      rest = {};
      return text;
    };
    if (absl::StartsWith(d, "skip:")) {
      c.action = Action::kSkip;
      c.arg = rest_after("skip:");
      if (c.arg.empty()) return fail("a skip needs a reason: skip: REASON");
      ++actions;
      continue;
    }
    if (absl::StartsWith(d, "output of:")) {
      c.action = Action::kOutputOf;
      c.command = rest_after("output of:");
      if (c.command.empty()) return fail("output of: needs a command");
      ++actions;
      continue;
    }
    if (absl::StartsWith(d, "then:")) {
      c.then = rest_after("then:");
      if (c.then.empty()) return fail("then: needs a command");
      continue;
    }
    const size_t semi = d.find(';');
    absl::string_view word = absl::StripAsciiWhitespace(d.substr(0, semi));
    rest = semi == absl::string_view::npos ? absl::string_view()
                                           : d.substr(semi + 1);
    if (word.empty()) continue;
    const std::vector<absl::string_view> parts =
        absl::StrSplit(word, ' ', absl::SkipEmpty());
    const absl::string_view name = parts[0];
    auto one_arg = [&]() -> std::optional<std::string> {
      if (parts.size() != 2) return std::nullopt;
      return std::string(parts[1]);
    };
    if (name == "run" && parts.size() == 1) {
      c.action = Action::kRun;
      ++actions;
    } else if (name == "output" && parts.size() == 1) {
      c.action = Action::kOutput;
      ++actions;
    } else if (name == "output" && parts.size() == 2 &&
               parts[1] == "first-line") {
      c.action = Action::kOutputFirst;
      ++actions;
    } else if (name == "exit") {
      std::optional<std::string> n = one_arg();
      if (!n || !absl::SimpleAtoi(*n, &c.exit_code) || c.exit_code < 0 ||
          c.exit_code > 255) {
        return fail("write exit N, with N from 0 to 255");
      }
      has_exit = true;
    } else if (name == "write" || name == "patch") {
      std::optional<std::string> path = one_arg();
      if (!path) return fail(absl::StrCat("write ", name, " PATH"));
      if (path->front() == '/' || absl::StrContains(*path, "..")) {
        return fail("the path must stay in the sandbox (relative, no ..)");
      }
      c.action = name == "write" ? Action::kWrite : Action::kPatch;
      c.arg = *path;
      ++actions;
    } else if (name == "yaml") {
      std::optional<std::string> context = one_arg();
      bool known = false;
      for (absl::string_view k : kYamlContexts)
        known |= context && *context == k;
      if (!known) {
        return fail(
            "write yaml CONTEXT with CONTEXT one of event, attendees, "
            "employers, config, attendee-entry, employer-entry");
      }
      c.action = Action::kYaml;
      c.arg = *context;
      ++actions;
    } else if (name == "parse" && parts.size() == 1) {
      c.action = Action::kParse;
      ++actions;
    } else {
      return fail(absl::StrCat("unknown directive '", word, "'"));
    }
  }
  if (actions == 0 && has_exit) {
    c.action = Action::kRun;
    ++actions;
  }
  const bool writes =
      actions == 1 &&
      (c.action == Action::kWrite || c.action == Action::kPatch ||
       c.action == Action::kYaml || c.action == Action::kParse);
  if (!c.then.empty() && !writes) {
    return fail("then: only follows write, patch, yaml or parse");
  }
  if (actions == 0) return fail("no action (run, output, write, ..., skip)");
  if (actions > 1) return fail("more than one action");
  if (has_exit && c.action != Action::kRun && c.action != Action::kOutputOf &&
      c.then.empty()) {
    return fail("exit N applies to commands: run, output of: or then:");
  }
  if (c.action == Action::kRun && !IsShell(block.lang) && !block.lang.empty()) {
    return fail(absl::StrCat("a ```", block.lang, " block does not run"));
  }
  if (c.action == Action::kParse && block.lang != "yaml" &&
      block.lang != "yml" && block.lang != "json") {
    return fail("parse needs a yaml or json block");
  }
  r.classified = c;
  return r;
}

// The commands of a shell block: one per line, a line ending in '\'
// continued on the next; blank lines and comment lines are left out.
struct Command {
  int line = 0;  // of the command's first line in the page
  std::string text;
};
inline std::vector<Command> SplitCommands(const Block& block) {
  std::vector<Command> commands;
  const std::vector<absl::string_view> lines = absl::StrSplit(block.text, '\n');
  std::optional<Command> open;
  for (size_t i = 0; i < lines.size(); ++i) {
    absl::string_view line = absl::StripTrailingAsciiWhitespace(lines[i]);
    if (!open) {
      absl::string_view s = absl::StripLeadingAsciiWhitespace(line);
      if (s.empty() || s[0] == '#') continue;
      open = Command{block.content_line + static_cast<int>(i), ""};
    }
    absl::StrAppend(&open->text, line);
    if (absl::EndsWith(line, "\\")) {
      absl::StrAppend(&open->text, "\n");
      continue;
    }
    commands.push_back(std::move(*open));
    open.reset();
  }
  if (open) commands.push_back(std::move(*open));
  return commands;
}

}  // namespace fairmatch::doctest

#endif  // FAIRMATCH_TESTS_DOCS_MARKDOWN_BLOCKS_H_
