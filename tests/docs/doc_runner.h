// Runs the blocks of one markdown page in a sandbox, as its annotations say
// (tests/docs/markdown_blocks.h; the language is in docs/HACKING.md, "Docs
// that cannot rot").
//
// The sandbox is a fresh temporary folder per page, in which the page's
// blocks run in order, so a walk-through builds on itself:
//   work/            the current folder of every command, holding
//     my-fair/       a copy of data/demo (300 attendees, 30 employers)
//     data/          a copy of the repository's data/ (demo and examples)
//     build/fairmatch  the binary under test
//   bin/             first on PATH: fairmatch (the binary under test) and
//                    xdg-open (succeeds when every file it is given exists)
//   scratch/         captured output, copies for yaml checks
// Commands run with /bin/sh -c, each with a timeout. Nothing outside the
// sandbox is written, unless a page names an absolute path.
#ifndef FAIRMATCH_TESTS_DOCS_DOC_RUNNER_H_
#define FAIRMATCH_TESTS_DOCS_DOC_RUNNER_H_

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "engine/io/diagnostics.h"
#include "engine/io/yaml_tree.h"
#include "tests/docs/markdown_blocks.h"
#include "tests/fixtures/read_file.h"
#include "tests/tools/subprocess.h"

namespace fairmatch::doctest {

namespace fs = std::filesystem;

inline constexpr std::chrono::seconds kCommandTimeout{60};

// What one page did: failures ("FILE:LINE: ..."), and counts for the
// summary line.
struct PageResult {
  std::vector<std::string> failures;
  int blocks = 0;
  int executed = 0;  // blocks that ran, wrote, patched or were parsed
  std::map<std::string, int> skipped;  // reason -> blocks
};

namespace internal {

inline std::vector<std::string> Lines(absl::string_view text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  for (std::string& l : lines) {
    if (absl::EndsWith(l, "\r")) l.pop_back();
  }
  return lines;
}

inline std::string Tail(const std::string& text, size_t max = 4000) {
  if (text.size() <= max) return text;
  return absl::StrCat("[... ", text.size() - max, " bytes]\n",
                      text.substr(text.size() - max));
}

// `pattern` with "..." standing for any text, matched against all of `line`.
inline bool GlobMatch(absl::string_view pattern, absl::string_view line) {
  const std::vector<absl::string_view> parts = absl::StrSplit(pattern, "...");
  if (parts.size() == 1) return pattern == line;
  if (!absl::StartsWith(line, parts.front())) return false;
  size_t pos = parts.front().size();
  for (size_t i = 1; i + 1 < parts.size(); ++i) {
    const size_t at = line.find(parts[i], pos);
    if (at == absl::string_view::npos) return false;
    pos = at + parts[i].size();
  }
  return line.size() >= pos + parts.back().size() &&
         absl::EndsWith(line.substr(pos), parts.back());
}

// The first line of `shown` (with trailing spaces dropped, blank lines left
// out) that is not output by the command, in order: each shown line must
// match a later line of stdout or of stderr than the one before it did.
// nullopt when every line matches.
inline std::optional<std::string> FirstUnmatched(
    const std::vector<std::string>& shown, const std::string& out,
    const std::string& err) {
  const std::vector<std::string> streams[2] = {Lines(out), Lines(err)};
  size_t next[2] = {0, 0};
  for (const std::string& raw : shown) {
    std::string want(absl::StripTrailingAsciiWhitespace(raw));
    if (absl::StripAsciiWhitespace(want).empty()) continue;
    bool found = false;
    for (int s = 0; s < 2 && !found; ++s) {
      for (size_t i = next[s]; i < streams[s].size(); ++i) {
        if (GlobMatch(want,
                      absl::StripTrailingAsciiWhitespace(streams[s][i]))) {
          next[s] = i + 1;
          found = true;
          break;
        }
      }
    }
    if (!found) return want;
  }
  return std::nullopt;
}

// One key of a block-style list entry and the lines its value spans.
struct KeySpan {
  std::string key;
  int first = 0;   // 0-based line of the key
  int end = 0;     // one past its last line (trailing blanks and comments out)
  int column = 0;  // 0-based column of the key
};

inline bool IsBlankOrComment(absl::string_view line) {
  absl::string_view s = absl::StripAsciiWhitespace(line);
  return s.empty() || s[0] == '#';
}

// The spans of the keys of `entry`, whose lines end before `limit` (the
// next entry's first line, or -1 when it is the last entry: then its last
// key ends where the indentation does). Error when two keys share a line
// (a flow-style entry, which a line edit cannot change).
inline std::optional<std::vector<KeySpan>> KeySpans(
    const std::vector<std::string>& lines, const YamlNode& entry, int limit,
    std::string* error) {
  std::vector<KeySpan> spans;
  for (const YamlEntry& e : entry.entries) {
    KeySpan s{e.key, e.key_mark.line - 1, 0, e.key_mark.column - 1};
    if (!spans.empty() && spans.back().first == s.first) {
      *error = absl::StrCat("line ", s.first + 1,
                            ": the entry is written in flow style; a patch "
                            "needs one key per line");
      return std::nullopt;
    }
    spans.push_back(s);
  }
  const int n = static_cast<int>(lines.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    KeySpan& s = spans[i];
    if (i + 1 < spans.size()) {
      s.end = spans[i + 1].first;
    } else if (limit >= 0) {
      s.end = limit;
    } else {
      // Lines indented deeper than the key belong to it, and so do the
      // items of a list written at the key's own indentation.
      s.end = s.first + 1;
      while (s.end < n) {
        const std::string& l = lines[s.end];
        const size_t indent = l.find_first_not_of(' ');
        if (IsBlankOrComment(l) || indent > static_cast<size_t>(s.column) ||
            (indent == static_cast<size_t>(s.column) &&
             absl::StartsWith(absl::string_view(l).substr(indent), "-"))) {
          ++s.end;
        } else {
          break;
        }
      }
    }
    while (s.end > s.first + 1 && IsBlankOrComment(lines[s.end - 1])) --s.end;
  }
  return spans;
}

// The lines of `span` moved from its column to `column`: the first line
// from the key on, later lines shifted by the difference.
inline std::vector<std::string> Reindent(const std::vector<std::string>& lines,
                                         int first, int end, int from_column,
                                         int to_column, int first_cut) {
  std::vector<std::string> out;
  const int delta = to_column - from_column;
  for (int i = first; i < end; ++i) {
    const std::string& l = lines[i];
    if (i == first) {
      out.push_back(std::string(to_column, ' ') + l.substr(first_cut));
    } else if (delta >= 0) {
      out.push_back(std::string(delta, ' ') + l);
    } else {
      const size_t cut =
          std::min(l.find_first_not_of(' '), static_cast<size_t>(-delta));
      out.push_back(cut == std::string::npos ? "" : l.substr(cut));
    }
  }
  return out;
}

inline const YamlNode* IdOf(const YamlNode& entry) {
  const YamlNode* id = entry.is_map() ? entry.Find("id") : nullptr;
  return id != nullptr && id->is_scalar() ? id : nullptr;
}

// Merges `fragment`, a YAML list of block-style entries with ids, into the
// list of `file` (attendees.yaml, employers.yaml: a map whose one list holds
// entries with ids) by editing lines, as a person would: each key of a
// fragment entry replaces that key of the file's entry with the same id, or
// is added after its last key; an entry whose id is not in the file is
// appended. Every other line of the file stays as it was. Returns "" or
// the reason it cannot.
inline std::string PatchEntries(const std::string& file_name,
                                std::string* file_text,
                                const std::string& fragment_name,
                                const std::string& fragment) {
  Diagnostics diags;
  std::optional<YamlNode> patch = ParseYaml(fragment, fragment_name, &diags);
  if (!patch || !diags.ok()) {
    return absl::StrCat("the block is not YAML: ",
                        absl::StrJoin(diags.Lines(), "; "));
  }
  if (!patch->is_sequence() || patch->items.empty()) {
    return "a patch is a list of entries (- id: ...)";
  }
  for (const YamlNode& entry : patch->items) {
    if (IdOf(entry) == nullptr) return "every entry of a patch needs an id";
  }
  const std::vector<std::string> patch_lines = Lines(fragment);
  // The file's list, read again before each edit: line numbers move.
  std::vector<std::string> lines;
  std::optional<YamlNode> root;
  auto read_file = [&]() -> std::string {
    Diagnostics file_diags;
    root = ParseYaml(*file_text, file_name, &file_diags);
    if (!root || !file_diags.ok() || !root->is_map() ||
        root->entries.size() != 1 || !root->entries[0].value.is_sequence()) {
      return absl::StrCat(file_name,
                          " is not a map holding one list of entries");
    }
    for (const YamlNode& item : root->entries[0].value.items) {
      if (IdOf(item) == nullptr) {
        return absl::StrCat(file_name, ":", item.mark.line,
                            ": an entry without an id");
      }
    }
    lines = Lines(*file_text);
    return "";
  };
  // Where the entry after `i` starts, or -1 after the last one.
  auto limit_after = [](const std::vector<YamlNode>& items, size_t i) {
    return i + 1 < items.size() ? items[i + 1].entries.front().key_mark.line - 1
                                : -1;
  };
  auto write_file = [&] {
    *file_text = absl::StrCat(absl::StrJoin(lines, "\n"), "\n");
  };
  std::string error;
  for (size_t p = 0; p < patch->items.size(); ++p) {
    const YamlNode& entry = patch->items[p];
    const std::string& id = IdOf(entry)->scalar;
    std::optional<std::vector<KeySpan>> from =
        KeySpans(patch_lines, entry, limit_after(patch->items, p), &error);
    if (!from) return absl::StrCat(fragment_name, ": ", error);
    if (error = read_file(); !error.empty()) return error;
    const std::vector<YamlNode>* items = &root->entries[0].value.items;
    auto find_target = [&]() {
      for (size_t i = 0; i < items->size(); ++i) {
        if (IdOf((*items)[i])->scalar == id) return i;
      }
      return items->size();
    };
    if (find_target() == items->size()) {
      // A new entry: the whole fragment entry after the last one, with its
      // '-' where the file has them.
      if (items->empty()) return absl::StrCat(file_name, " has no entries");
      std::optional<std::vector<KeySpan>> last =
          KeySpans(lines, items->back(), -1, &error);
      if (!last) return absl::StrCat(file_name, ": ", error);
      const size_t dash_from =
          patch_lines[from->front().first].rfind('-', from->front().column);
      const size_t dash_to =
          lines[last->front().first].rfind('-', last->front().column);
      if (dash_from == std::string::npos || dash_to == std::string::npos) {
        return "an entry must start with '- ' on the line of its first key";
      }
      std::vector<std::string> added =
          Reindent(patch_lines, from->front().first, from->back().end,
                   static_cast<int>(dash_from), static_cast<int>(dash_to),
                   static_cast<int>(dash_from));
      lines.insert(lines.begin() + last->back().end, added.begin(),
                   added.end());
      write_file();
      continue;
    }
    for (const KeySpan& key : *from) {
      if (key.key == "id") continue;
      if (error = read_file(); !error.empty()) return error;
      items = &root->entries[0].value.items;
      const size_t target = find_target();
      std::optional<std::vector<KeySpan>> to = KeySpans(
          lines, (*items)[target], limit_after(*items, target), &error);
      if (!to) return absl::StrCat(file_name, ": ", error);
      std::vector<std::string> replacement =
          Reindent(patch_lines, key.first, key.end, key.column,
                   to->front().column, key.column);
      auto existing =
          std::find_if(to->begin(), to->end(),
                       [&](const KeySpan& s) { return s.key == key.key; });
      if (existing != to->end()) {
        lines.erase(lines.begin() + existing->first,
                    lines.begin() + existing->end);
        lines.insert(lines.begin() + existing->first, replacement.begin(),
                     replacement.end());
      } else {
        lines.insert(lines.begin() + to->back().end, replacement.begin(),
                     replacement.end());
      }
      write_file();
    }
  }
  return "";
}

inline std::string ReadText(const fs::path& path) {
  return testing::ReadFile(path.string());
}

inline void WriteText(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace internal

// One page's sandbox (see the top of this file); removed on destruction
// unless FAIRMATCH_DOCS_KEEP is set, for looking around after a failure.
class DocSandbox {
 public:
  explicit DocSandbox(const std::string& name) {
    root_ = fs::temp_directory_path() /
            absl::StrCat("fairmatch_docs_", name, "_", ::getpid());
    fs::remove_all(root_);
    const fs::path source = FAIRMATCH_SOURCE_DIR;
    fs::create_directories(bin());
    fs::create_directories(scratch());
    fs::create_directories(work() / "build");
    fs::create_symlink(FAIRMATCH_BINARY, bin() / "fairmatch");
    fs::create_symlink(FAIRMATCH_BINARY, work() / "build" / "fairmatch");
    internal::WriteText(
        bin() / "xdg-open",
        "#!/bin/sh\n"
        "# doc-test stand-in: opening a file succeeds when the file exists.\n"
        "for f in \"$@\"; do\n"
        "  [ -e \"$f\" ] || { echo \"xdg-open: $f does not exist\" >&2; "
        "exit 2; }\n"
        "done\n");
    fs::permissions(bin() / "xdg-open", fs::perms::owner_all);
    fs::copy(source / "data", work() / "data", fs::copy_options::recursive);
    fs::copy(source / "data" / "demo", work() / "my-fair",
             fs::copy_options::recursive);
  }
  ~DocSandbox() {
    if (std::getenv("FAIRMATCH_DOCS_KEEP") == nullptr) {
      std::error_code ec;
      fs::remove_all(root_, ec);
    }
  }
  DocSandbox(const DocSandbox&) = delete;
  DocSandbox& operator=(const DocSandbox&) = delete;

  fs::path root() const { return root_; }
  fs::path work() const { return root_ / "work"; }
  fs::path bin() const { return root_ / "bin"; }
  fs::path scratch() const { return root_ / "scratch"; }

  // Runs `command` with /bin/sh -c in work/, bin/ first on PATH.
  testing::ProcessResult Shell(const std::string& command) const {
    const std::string script = absl::StrCat(
        "PATH='", bin().string(), "':\"$PATH\"; export PATH\n", command, "\n");
    return testing::RunProcess({"/bin/sh", "-c", script}, scratch().string(),
                               kCommandTimeout, work().string());
  }

 private:
  fs::path root_;
};

namespace internal {

// "`CMD` exited 2, expected 0" and the captured output, or "" when the
// result is what was expected.
inline std::string CheckExit(const std::string& command,
                             const testing::ProcessResult& r, int expected) {
  std::string what;
  if (!r.started) {
    what = "could not be started";
  } else if (r.timed_out) {
    what = absl::StrCat("timed out after ", kCommandTimeout.count(), " s");
  } else if (r.signal != 0) {
    what = absl::StrCat("was killed by signal ", r.signal);
  } else if (r.exit_code != expected) {
    what = absl::StrCat("exited ", r.exit_code, ", expected ", expected);
  } else {
    return "";
  }
  return absl::StrCat("`", command, "` ", what, "\n--- stdout:\n", Tail(r.out),
                      "--- stderr:\n", Tail(r.err));
}

}  // namespace internal

// Runs every block of `markdown` (named `file` in messages) in `sandbox`, in
// order. Classification problems are all reported; running stops at the
// first block that fails, since later blocks build on it.
inline PageResult RunPage(const std::string& file, absl::string_view markdown,
                          DocSandbox& sandbox) {
  PageResult result;
  const Page page = ParsePage(markdown);
  for (const std::string& e : page.errors) {
    result.failures.push_back(absl::StrCat(file, ":", e));
  }
  result.blocks = static_cast<int>(page.blocks.size());
  std::vector<std::optional<Classified>> plans;
  for (const Block& b : page.blocks) {
    ClassifyResult c = Classify(b);
    if (!c.classified) {
      result.failures.push_back(absl::StrCat(
          file, ":", b.annotation ? b.annotation_line : b.line, ": ", c.error));
    }
    plans.push_back(c.classified);
  }

  struct Last {
    std::string command;
    testing::ProcessResult result;
  };
  std::optional<Last> last;
  int scratch_count = 0;
  auto where = [&](int line) { return absl::StrCat(file, ":", line, ": "); };
  // Runs `command` and records it as the last command; "" or the failure.
  auto run = [&](const std::string& command, int expected) {
    testing::ProcessResult r = sandbox.Shell(command);
    std::string failure = internal::CheckExit(command, r, expected);
    last = Last{command, r};
    return failure;
  };
  auto check_output = [&](const Block& b, bool first_only) -> std::string {
    if (!last) {
      return "an output block, but no command ran before it on this page (or "
             "the block before it was skipped)";
    }
    std::vector<std::string> shown = internal::Lines(b.text);
    shown.erase(std::remove_if(shown.begin(), shown.end(),
                               [](const std::string& l) {
                                 return absl::StripAsciiWhitespace(l).empty();
                               }),
                shown.end());
    if (shown.empty()) return "an output block shows nothing";
    if (first_only) shown.resize(1);
    if (std::optional<std::string> missing = internal::FirstUnmatched(
            shown, last->result.out, last->result.err)) {
      return absl::StrCat("the line\n  ", *missing,
                          "\nis not in the output of `", last->command,
                          "`\n--- stdout:\n", internal::Tail(last->result.out),
                          "--- stderr:\n", internal::Tail(last->result.err));
    }
    return "";
  };

  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const Block& b = page.blocks[i];
    if (!plans[i]) continue;
    const Classified& c = *plans[i];
    std::string failure;
    int failure_line = b.line;
    if (c.action == Action::kSkip) {
      ++result.skipped[c.arg];
      last.reset();
      continue;
    }
    ++result.executed;
    switch (c.action) {
      case Action::kRun:
        for (const Command& cmd : SplitCommands(b)) {
          failure = run(cmd.text, c.exit_code);
          if (!failure.empty()) {
            failure_line = cmd.line;
            break;
          }
        }
        if (failure.empty() && SplitCommands(b).empty()) {
          failure = "a run block holds no command";
        }
        break;
      case Action::kOutput:
      case Action::kOutputFirst:
        failure = check_output(b, c.action == Action::kOutputFirst);
        break;
      case Action::kOutputOf:
        failure = run(c.command, c.exit_code);
        if (failure.empty()) failure = check_output(b, false);
        break;
      case Action::kWrite:
        internal::WriteText(sandbox.work() / c.arg, b.text);
        break;
      case Action::kPatch: {
        const fs::path target = sandbox.work() / c.arg;
        if (!fs::is_regular_file(target)) {
          failure = absl::StrCat("patch: ", c.arg, " does not exist");
          break;
        }
        std::string text = internal::ReadText(target);
        failure = internal::PatchEntries(
            c.arg, &text, absl::StrCat(file, ":", b.content_line), b.text);
        if (failure.empty()) internal::WriteText(target, text);
        break;
      }
      case Action::kYaml: {
        // A copy of my-fair as it is now, with the block put in place.
        const fs::path dir =
            sandbox.scratch() / absl::StrCat("yaml-", ++scratch_count);
        const fs::path fair = dir / "fair";
        fs::create_directories(dir);
        fs::copy(sandbox.work() / "my-fair", fair, fs::copy_options::recursive);
        const bool entry = absl::EndsWith(c.arg, "-entry");
        const std::string name =
            entry ? (c.arg == "attendee-entry" ? "attendees.yaml"
                                               : "employers.yaml")
                  : c.arg + ".yaml";
        std::string text = b.text;
        if (entry) {
          text = internal::ReadText(fair / name);
          failure = internal::PatchEntries(
              name, &text, absl::StrCat(file, ":", b.content_line), b.text);
        }
        if (failure.empty()) {
          internal::WriteText(fair / name, text);
          failure = run(absl::StrCat("fairmatch plan '", fair.string(),
                                     "' --format json --out '",
                                     (dir / "out").string(), "' -q"),
                        0);
          if (!failure.empty()) {
            failure = absl::StrCat("the block does not load as ", c.arg,
                                   " in a copy of my-fair: ", failure);
          }
        }
        break;
      }
      case Action::kParse: {
        if (b.lang == "json") {
          if (nlohmann::json::parse(b.text, nullptr, false).is_discarded()) {
            failure = "the block is not valid JSON";
          }
        } else {
          Diagnostics diags;
          std::optional<YamlNode> root = ParseYaml(
              b.text, absl::StrCat(file, ":", b.content_line), &diags);
          if (!root || !diags.ok()) {
            failure = absl::StrCat("the block is not valid YAML: ",
                                   absl::StrJoin(diags.Lines(), "; "));
          }
        }
        break;
      }
      case Action::kSkip:
        break;
    }
    if (failure.empty() && !c.then.empty()) {
      failure = run(c.then, c.exit_code);
      if (!failure.empty()) failure = absl::StrCat("then: ", failure);
    }
    if (!failure.empty()) {
      result.failures.push_back(absl::StrCat(
          where(failure_line), failure, "\n(sandbox ", sandbox.root().string(),
          std::getenv("FAIRMATCH_DOCS_KEEP")
              ? ", kept"
              : ", removed; set "
                "FAIRMATCH_DOCS_KEEP=1 to keep it",
          ")"));
      break;
    }
  }
  return result;
}

}  // namespace fairmatch::doctest

#endif  // FAIRMATCH_TESTS_DOCS_DOC_RUNNER_H_
