// Docs that cannot rot: every fenced block of every markdown page runs (or
// loads, or is compared with real output) as its doc-test annotation says,
// in a sandbox with the real binary. The language is described in
// docs/HACKING.md, "Docs that cannot rot"; the parser is
// tests/docs/markdown_blocks.h and the runner tests/docs/doc_runner.h.
#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tests/docs/doc_runner.h"
#include "tests/docs/markdown_blocks.h"
#include "tests/fixtures/read_file.h"

namespace fairmatch::doctest {
namespace {

const fs::path kSource = FAIRMATCH_SOURCE_DIR;

Classified MustClassify(const std::string& annotation,
                        const std::string& lang = "sh") {
  Block b;
  b.lang = lang;
  b.annotation = annotation;
  ClassifyResult r = Classify(b);
  INFO(annotation << ": " << r.error);
  REQUIRE(r.classified);
  return *r.classified;
}

std::string ClassifyError(const std::string& annotation,
                          const std::string& lang = "sh") {
  Block b;
  b.lang = lang;
  b.annotation = annotation;
  ClassifyResult r = Classify(b);
  CHECK_FALSE(r.classified);
  return r.error;
}

// ---------------------------------------------------------------- parsing

TEST_CASE(
    "fenced blocks are found with their language, lines and "
    "annotation",
    "[docs]") {
  const Page page = ParsePage(
      "# Title\n"                       // 1
      "\n"                              // 2
      "```sh\n"                         // 3
      "fairmatch plan my-fair\n"        // 4
      "```\n"                           // 5
      "<!-- doc-test: exit 2 -->\n"     // 6
      "\n"                              // 7
      "~~~\n"                           // 8
      "```\n"                           // 9
      "~~~\n"                           // 10
      "- a list item:\n"                // 11
      "  <!-- doc-test:\n"              // 12
      "       write x.yaml -->\n"       // 13
      "  ```YAML title\n"               // 14
      "  a: 1\n"                        // 15
      "    b: 2\n"                      // 16
      "  ```\n"                         // 17
      "<!-- an ordinary comment -->\n"  // 18
      "````md\n"                        // 19
      "```\n"                           // 20
      "````\n");                        // 21
  REQUIRE(page.errors.empty());
  REQUIRE(page.blocks.size() == 4);
  CHECK(page.blocks[0].line == 3);
  CHECK(page.blocks[0].content_line == 4);
  CHECK(page.blocks[0].lang == "sh");
  CHECK(page.blocks[0].text == "fairmatch plan my-fair\n");
  CHECK_FALSE(page.blocks[0].annotation);
  CHECK(page.blocks[1].lang.empty());
  CHECK(page.blocks[1].text == "```\n");
  CHECK(page.blocks[1].annotation == std::optional<std::string>("exit 2"));
  CHECK(page.blocks[1].annotation_line == 6);
  CHECK(page.blocks[2].lang == "yaml");
  CHECK(page.blocks[2].text == "a: 1\n  b: 2\n");
  CHECK(page.blocks[2].annotation ==
        std::optional<std::string>("write x.yaml"));
  CHECK(page.blocks[2].annotation_line == 12);
  CHECK(page.blocks[3].text == "```\n");
  CHECK_FALSE(page.blocks[3].annotation);
}

TEST_CASE(
    "a stray or malformed annotation and an unclosed fence are errors "
    "naming their line",
    "[docs]") {
  CHECK(
      ParsePage("<!-- doc-test: run -->\nsome text\n```sh\nls\n```\n").errors ==
      std::vector<std::string>{
          "1: annotation is not followed by a fenced block"});
  CHECK(ParsePage("\n<!-- doc-test: run -->\n").errors ==
        std::vector<std::string>{
            "2: annotation is not followed by a fenced block"});
  CHECK(ParsePage("<!-- doc-test: run -->\n<!-- doc-test: skip: x -->\n"
                  "```sh\nls\n```\n")
            .errors.size() == 1);
  CHECK(ParsePage("<!-- doc-test run -->\n```sh\nls\n```\n").errors ==
        std::vector<std::string>{
            "1: write the annotation as <!-- doc-test: ... -->"});
  CHECK(ParsePage("text\n```sh\nls\n").errors ==
        std::vector<std::string>{"2: fenced block is never closed"});
}

TEST_CASE(
    "a block without an annotation is classified by its language, "
    "or not at all",
    "[docs]") {
  Block b;
  for (const char* lang : {"sh", "bash", "shell"}) {
    b.lang = lang;
    REQUIRE(Classify(b).classified);
    CHECK(Classify(b).classified->action == Action::kRun);
    CHECK(Classify(b).classified->exit_code == 0);
  }
  for (const char* lang : {"yaml", "yml", "json"}) {
    b.lang = lang;
    REQUIRE(Classify(b).classified);
    CHECK(Classify(b).classified->action == Action::kParse);
  }
  b.lang = "";
  CHECK_THAT(Classify(b).error,
             Catch::StartsWith("cannot classify a block without a language"));
  b.lang = "text";
  CHECK_THAT(Classify(b).error,
             Catch::StartsWith("cannot classify a ```text block"));
}

TEST_CASE("annotations: each directive and its arguments", "[docs]") {
  CHECK(MustClassify("run").action == Action::kRun);
  Classified exit3 = MustClassify("exit 3");
  CHECK(exit3.action == Action::kRun);
  CHECK(exit3.exit_code == 3);
  CHECK(MustClassify("output", "").action == Action::kOutput);
  CHECK(MustClassify("output first-line", "").action == Action::kOutputFirst);
  Classified of =
      MustClassify("exit 2; output of: fairmatch a; fairmatch b", "");
  CHECK(of.action == Action::kOutputOf);
  CHECK(of.exit_code == 2);
  CHECK(of.command == "fairmatch a; fairmatch b");
  Classified write = MustClassify("write my-fair/x.yaml; then: cat x", "yaml");
  CHECK(write.action == Action::kWrite);
  CHECK(write.arg == "my-fair/x.yaml");
  CHECK(write.then == "cat x");
  CHECK(MustClassify("patch my-fair/employers.yaml", "yaml").action ==
        Action::kPatch);
  Classified yaml = MustClassify("yaml attendee-entry", "yaml");
  CHECK(yaml.action == Action::kYaml);
  CHECK(yaml.arg == "attendee-entry");
  Classified skip = MustClassify("skip: needs an SMTP server; and more", "");
  CHECK(skip.action == Action::kSkip);
  CHECK(skip.arg == "needs an SMTP server; and more");
  CHECK(MustClassify("parse", "json").action == Action::kParse);

  CHECK_THAT(ClassifyError("skip:"), Catch::Contains("needs a reason"));
  CHECK_THAT(ClassifyError("skip"), Catch::Contains("unknown directive"));
  CHECK_THAT(ClassifyError("exit three"), Catch::Contains("exit N"));
  CHECK_THAT(ClassifyError("exit 256"), Catch::Contains("exit N"));
  CHECK_THAT(ClassifyError("write /etc/passwd"),
             Catch::Contains("stay in the sandbox"));
  CHECK_THAT(ClassifyError("write ../x"),
             Catch::Contains("stay in the sandbox"));
  CHECK_THAT(ClassifyError("write"), Catch::Contains("write PATH"));
  CHECK_THAT(ClassifyError("yaml everything", "yaml"),
             Catch::Contains("CONTEXT one of"));
  CHECK_THAT(ClassifyError("run; output"), Catch::Contains("more than one"));
  CHECK_THAT(ClassifyError("frobnicate"),
             Catch::Contains("unknown directive 'frobnicate'"));
  CHECK_THAT(ClassifyError("then: ls"), Catch::Contains("only follows"));
  CHECK_THAT(ClassifyError("exit 2; write x"),
             Catch::Contains("applies to commands"));
  CHECK_THAT(ClassifyError("run", "yaml"), Catch::Contains("does not run"));
  CHECK_THAT(ClassifyError("parse", "sh"), Catch::Contains("yaml or json"));
}

TEST_CASE(
    "a shell block holds one command per line; a backslash continues "
    "it, comments are left out",
    "[docs]") {
  Block b;
  b.content_line = 10;
  b.text =
      "# a comment\n"
      "fairmatch plan my-fair   # trailing comment\n"
      "\n"
      "fairmatch plan my-fair \\\n"
      "    --out out/v2\n";
  const std::vector<Command> commands = SplitCommands(b);
  REQUIRE(commands.size() == 2);
  CHECK(commands[0].line == 11);
  CHECK(commands[0].text == "fairmatch plan my-fair   # trailing comment");
  CHECK(commands[1].line == 13);
  CHECK(commands[1].text == "fairmatch plan my-fair \\\n    --out out/v2");
}

// ---------------------------------------------------------------- matching

TEST_CASE(
    "shown output matches printed lines in order, '...' standing for "
    "any text",
    "[docs]") {
  using internal::FirstUnmatched;
  using internal::GlobMatch;
  CHECK(GlobMatch("abc", "abc"));
  CHECK_FALSE(GlobMatch("abc", "abcd"));
  CHECK(GlobMatch("wrote to out/: ...", "wrote to out/: schedule.json"));
  CHECK(GlobMatch("a ... c ... e", "a b c d e"));
  CHECK_FALSE(GlobMatch("a ... c", "a b d"));
  CHECK(GlobMatch("(pid ...)", "(pid 4242)"));
  CHECK_FALSE(GlobMatch("x...x", "x"));

  const std::string out = "one\ntwo\r\nthree  \n";
  const std::string err = "warning\n";
  CHECK_FALSE(FirstUnmatched({"one", "", "three"}, out, err));
  CHECK_FALSE(FirstUnmatched({"warning", "two"}, out, err));
  CHECK(FirstUnmatched({"three", "one"}, out, err) ==
        std::optional<std::string>("one"));
  CHECK(FirstUnmatched({"four"}, out, err) ==
        std::optional<std::string>("four"));
}

// ---------------------------------------------------------------- patching

const char kEmployers[] =
    "# employers\n"
    "employers:\n"
    "  - id: e1\n"
    "    name: One\n"
    "    available: [\"10:00-11:00\"]\n"
    "    offers:\n"
    "    - internship\n"
    "\n"
    "  - id: e2\n"
    "    name: Two\n"
    "    seeks:\n"
    "      - python\n"
    "\n"
    "# the end\n";

std::string Patched(const std::string& fragment) {
  std::string text = kEmployers;
  const std::string error =
      internal::PatchEntries("employers.yaml", &text, "t.md:1", fragment);
  INFO(error);
  CHECK(error.empty());
  return text;
}

TEST_CASE(
    "a patch replaces or adds keys of the entry with its id and "
    "leaves every other line alone",
    "[docs]") {
  CHECK(Patched("  - id: e1\n"
                "    available: [\"10:00-12:00\"]\n"
                "    offers: [mentoring]\n") ==
        "# employers\n"
        "employers:\n"
        "  - id: e1\n"
        "    name: One\n"
        "    available: [\"10:00-12:00\"]\n"
        "    offers: [mentoring]\n"
        "\n"
        "  - id: e2\n"
        "    name: Two\n"
        "    seeks:\n"
        "      - python\n"
        "\n"
        "# the end\n");
  CHECK(Patched("- id: e2\n"
                "  seeks:\n"
                "  - sql\n"
                "  booth: B7\n") ==
        "# employers\n"
        "employers:\n"
        "  - id: e1\n"
        "    name: One\n"
        "    available: [\"10:00-11:00\"]\n"
        "    offers:\n"
        "    - internship\n"
        "\n"
        "  - id: e2\n"
        "    name: Two\n"
        "    seeks:\n"
        "    - sql\n"
        "    booth: B7\n"
        "\n"
        "# the end\n");
}

TEST_CASE("a patch of several entries edits each", "[docs]") {
  CHECK(Patched("- id: e1\n"
                "  name: Uno\n"
                "- id: e2\n"
                "  name: Dos\n") ==
        "# employers\n"
        "employers:\n"
        "  - id: e1\n"
        "    name: Uno\n"
        "    available: [\"10:00-11:00\"]\n"
        "    offers:\n"
        "    - internship\n"
        "\n"
        "  - id: e2\n"
        "    name: Dos\n"
        "    seeks:\n"
        "      - python\n"
        "\n"
        "# the end\n");
}

TEST_CASE("a patch appends an entry whose id is new", "[docs]") {
  CHECK(Patched("- id: e3\n"
                "  name: Three\n") ==
        "# employers\n"
        "employers:\n"
        "  - id: e1\n"
        "    name: One\n"
        "    available: [\"10:00-11:00\"]\n"
        "    offers:\n"
        "    - internship\n"
        "\n"
        "  - id: e2\n"
        "    name: Two\n"
        "    seeks:\n"
        "      - python\n"
        "  - id: e3\n"
        "    name: Three\n"
        "\n"
        "# the end\n");
}

TEST_CASE("a patch that is not a list of block entries with ids is refused",
          "[docs]") {
  std::string text = kEmployers;
  CHECK_THAT(internal::PatchEntries("e.yaml", &text, "t.md:1", "id: e1\n"),
             Catch::Contains("list of entries"));
  CHECK_THAT(
      internal::PatchEntries("e.yaml", &text, "t.md:1", "- name: nobody\n"),
      Catch::Contains("needs an id"));
  CHECK_THAT(internal::PatchEntries("e.yaml", &text, "t.md:1",
                                    "- {id: e1, name: Uno}\n"),
             Catch::Contains("flow style"));
  CHECK_THAT(internal::PatchEntries("e.yaml", &text, "t.md:1", "- [\n"),
             Catch::Contains("not YAML"));
  CHECK(text == kEmployers);
}

// ---------------------------------------------------------------- running

PageResult RunText(const std::string& name, const std::string& markdown) {
  DocSandbox sandbox(name);
  return RunPage("t.md", markdown, sandbox);
}

TEST_CASE("a page's blocks run in order in one sandbox", "[docs][tools]") {
  const PageResult r = RunText(
      "order",
      "<!-- doc-test: write notes/a.txt -->\n"
      "```\n"
      "hello\n"
      "```\n"
      "```sh\n"
      "cat notes/a.txt\n"
      "test -f my-fair/attendees.yaml && test -f data/examples/employers.csv\n"
      "fairmatch --version\n"
      "```\n"
      "<!-- doc-test: output -->\n"
      "```\n"
      "fairmatch ...\n"
      "```\n"
      "<!-- doc-test: skip: just because -->\n"
      "```sh\n"
      "false\n"
      "```\n");
  INFO(absl::StrJoin(r.failures, "\n"));
  CHECK(r.failures.empty());
  CHECK(r.blocks == 4);
  CHECK(r.executed == 3);
  CHECK(r.skipped == std::map<std::string, int>{{"just because", 1}});
}

TEST_CASE("a failing command names FILE:LINE, the command and its output",
          "[docs][tools]") {
  const PageResult r = RunText("failure",
                               "```sh\n"
                               "true\n"
                               "fairmatch plan no-such-fair --out out/x\n"
                               "```\n"
                               "```sh\n"
                               "never-run\n"
                               "```\n");
  REQUIRE(r.failures.size() == 1);
  CHECK_THAT(r.failures[0],
             Catch::StartsWith("t.md:3: `fairmatch plan no-such-fair --out "
                               "out/x` exited 2, expected 0"));
  CHECK_THAT(r.failures[0], Catch::Contains("no-such-fair"));
  CHECK_THAT(r.failures[0], Catch::Contains("--- stderr:"));
}

TEST_CASE("exit N must be the exit status of every command", "[docs][tools]") {
  CHECK(RunText("exit_ok",
                "<!-- doc-test: exit 2 -->\n```sh\n"
                "fairmatch plan no-such-fair\n```\n")
            .failures.empty());
  const PageResult r = RunText("exit_bad",
                               "<!-- doc-test: exit 3 -->\n```sh\n"
                               "fairmatch plan no-such-fair\n```\n");
  REQUIRE(r.failures.size() == 1);
  CHECK_THAT(r.failures[0], Catch::Contains("exited 2, expected 3"));
}

TEST_CASE("an output block fails unless its lines were printed",
          "[docs][tools]") {
  const PageResult good = RunText(
      "output_good",
      "<!-- doc-test: exit 2; output of: fairmatch plan my-fair --set x=1 -->\n"
      "```\n--set:1:1: error: unknown key 'x'...\n```\n");
  INFO(absl::StrJoin(good.failures, "\n"));
  CHECK(good.failures.empty());
  const PageResult bad = RunText("output_bad",
                                 "```sh\necho one\n```\n"
                                 "<!-- doc-test: output -->\n"
                                 "```\none\ntwo\n```\n");
  REQUIRE(bad.failures.size() == 1);
  CHECK_THAT(bad.failures[0], Catch::StartsWith("t.md:5: the line\n  two\n"));
  const PageResult nothing = RunText("output_nothing",
                                     "<!-- doc-test: output -->\n"
                                     "```\none\n```\n");
  REQUIRE(nothing.failures.size() == 1);
  CHECK_THAT(nothing.failures[0], Catch::Contains("no command ran before"));
}

TEST_CASE("yaml fragments load in a copy of my-fair, which stays unchanged",
          "[docs][tools]") {
  const std::string entry =
      "<!-- doc-test: yaml attendee-entry -->\n"
      "```yaml\n"
      "  - id: a0007\n"
      "    available: [\"10:05-12:55\"]\n"
      "```\n"
      "<!-- doc-test: yaml employer-entry -->\n"
      "```yaml\n"
      "- id: new-employer\n"
      "  name: New Employer\n"
      "```\n"
      "```sh\n"
      "! grep -q 10:05-12:55 my-fair/attendees.yaml\n"
      "! grep -q new-employer my-fair/employers.yaml\n"
      "```\n";
  const PageResult good = RunText("yaml_good", entry);
  INFO(absl::StrJoin(good.failures, "\n"));
  CHECK(good.failures.empty());
  CHECK(good.executed == 3);
  const PageResult bad = RunText("yaml_bad",
                                 "<!-- doc-test: yaml config -->\n"
                                 "```yaml\nmin_scor: 0.3\n```\n");
  REQUIRE(bad.failures.size() == 1);
  CHECK_THAT(bad.failures[0],
             Catch::Contains("does not load as config in a copy of my-fair"));
  CHECK_THAT(bad.failures[0], Catch::Contains("did you mean 'min_score'"));
  const PageResult unparsable =
      RunText("yaml_unparsable", "```yaml\na: [\n```\n```json\n{\n```\n");
  REQUIRE(unparsable.failures.size() == 1);
  CHECK_THAT(unparsable.failures[0], Catch::Contains("not valid YAML"));
}

TEST_CASE("a block nobody classified fails the page", "[docs][tools]") {
  const PageResult r = RunText("unclassified", "```\nfairmatch plan x\n```\n");
  CHECK(r.failures == std::vector<std::string>{
                          "t.md:1: cannot classify a block without a language: "
                          "say what it is with <!-- doc-test: ... --> before "
                          "it (run, exit N, output, write PATH, yaml CONTEXT, "
                          "skip: REASON, ...; docs/HACKING.md)"});
}

// ---------------------------------------------------------------- the pages

std::vector<std::string>& TestedPages() {
  static std::vector<std::string> pages;
  return pages;
}
struct PageRegistration {
  explicit PageRegistration(const char* page) { TestedPages().push_back(page); }
};

void CheckPage(const std::string& page) {
  const std::string markdown = testing::ReadFile((kSource / page).string());
  REQUIRE_FALSE(markdown.empty());
  std::string name = page;
  for (char& c : name) {
    if (c == '/' || c == '.') c = '_';
  }
  DocSandbox sandbox(name);
  const PageResult r = RunPage(page, markdown, sandbox);
  std::vector<std::string> reasons;
  int skipped = 0;
  for (const auto& [reason, n] : r.skipped) {
    skipped += n;
    reasons.push_back(absl::StrCat(n, " ", reason));
  }
  std::cout << page << ": " << r.blocks << " blocks, " << r.executed
            << " tested, " << skipped << " skipped"
            << (reasons.empty() ? ""
                                : " (" + absl::StrJoin(reasons, "; ") + ")")
            << "\n";
  for (const std::string& failure : r.failures) FAIL_CHECK(failure);
  CHECK(r.failures.empty());
}

#define FAIRMATCH_DOC_PAGE_1(page, n)            \
  const PageRegistration kRegistration##n(page); \
  TEST_CASE(page " runs as written", "[docs][tools]") { CheckPage(page); }
#define FAIRMATCH_DOC_PAGE_0(page, n) FAIRMATCH_DOC_PAGE_1(page, n)
#define FAIRMATCH_DOC_PAGE(page) FAIRMATCH_DOC_PAGE_0(page, __LINE__)

FAIRMATCH_DOC_PAGE("README.md")
FAIRMATCH_DOC_PAGE("data/README.md")
FAIRMATCH_DOC_PAGE("data/examples/README.md")
FAIRMATCH_DOC_PAGE("docs/HACKING.md")
FAIRMATCH_DOC_PAGE("docs/algorithms.md")
FAIRMATCH_DOC_PAGE("docs/format.md")
FAIRMATCH_DOC_PAGE("docs/import.md")
FAIRMATCH_DOC_PAGE("docs/outputs.md")
FAIRMATCH_DOC_PAGE("docs/reruns.md")
FAIRMATCH_DOC_PAGE("docs/scoring.md")
FAIRMATCH_DOC_PAGE("docs/send.md")
FAIRMATCH_DOC_PAGE("docs/synth.md")

TEST_CASE("every markdown page of the repository is tested", "[docs]") {
  std::set<std::string> found;
  for (const fs::directory_entry& top : fs::directory_iterator(kSource)) {
    const std::string name = top.path().filename().string();
    // Build trees and hidden folders (.git, .ci) are not documentation.
    if (name.rfind("build", 0) == 0 || name[0] == '.') continue;
    if (top.is_regular_file() && top.path().extension() == ".md") {
      found.insert(name);
    }
    if (!top.is_directory()) continue;
    for (const fs::directory_entry& e :
         fs::recursive_directory_iterator(top.path())) {
      if (e.is_regular_file() && e.path().extension() == ".md") {
        found.insert(fs::relative(e.path(), kSource).string());
      }
    }
  }
  const std::set<std::string> tested(TestedPages().begin(),
                                     TestedPages().end());
  CHECK(found.count("README.md") == 1);
  CHECK(found == tested);
}

}  // namespace
}  // namespace fairmatch::doctest
