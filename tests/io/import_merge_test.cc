// `fairmatch import --merge` (io/import_merge.h), on import results built
// in code: the existing text kept byte for byte, the imported entries
// appended, the rows left out or doubted with their notes, and the files
// it refuses. tests/io/csv_import_test.cc runs it after a real import.
#include "engine/io/import_merge.h"

#include <catch2/catch.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "engine/io/csv_import.h"
#include "engine/io/diagnostics.h"
#include "engine/io/yaml_tree.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

using testing::TempDir;

constexpr char kCsv[] = "walk-ins.csv";

// An imported entry as the importer writes it: its text, indented for the
// list under the top key, and the fields the merge compares.
ImportedEntry Entry(const std::string& id, const std::string& name,
                    const std::string& email, int line) {
  ImportedEntry e;
  e.id = id;
  e.name = name;
  e.email = email;
  e.line = line;
  e.text = "  - id: " + id + "\n    name: \"" + name + "\"\n";
  if (!email.empty()) e.text += "    email: " + email + "\n";
  return e;
}

// What ImportCsvFile would return for `entries`, with the import's own
// `notes` and `rows` data rows read.
ImportResult Imported(std::vector<ImportedEntry> entries,
                      std::vector<std::string> notes = {}, int rows = -1) {
  ImportResult r;
  r.rows = rows >= 0 ? rows : static_cast<int>(entries.size());
  r.imported = static_cast<int>(entries.size());
  r.notes = std::move(notes);
  r.entries = std::move(entries);
  return r;
}

// A folder holding the existing file, merged into.
struct Existing {
  TempDir dir;
  std::string name;
  std::string text;
  std::string path;
  explicit Existing(const std::string& text_in,
                    const std::string& name_in = "attendees.yaml")
      : name(name_in), text(text_in), path(dir.Write(name, text)) {}

  absl::StatusOr<ImportResult> Merge(
      ImportResult imported, ImportKind kind = ImportKind::kAttendees) const {
    return MergeImport(kind, path, kCsv, std::move(imported));
  }
  // The merge must succeed; returns its result.
  ImportResult Merged(ImportResult imported,
                      ImportKind kind = ImportKind::kAttendees) const {
    absl::StatusOr<ImportResult> r = Merge(std::move(imported), kind);
    INFO(r.status().message());
    REQUIRE(r.ok());
    return *std::move(r);
  }
  // The merge must fail as InvalidArgument, leaving the file as it was;
  // returns the message.
  std::string Refused(ImportResult imported,
                      ImportKind kind = ImportKind::kAttendees) const {
    absl::StatusOr<ImportResult> r = Merge(std::move(imported), kind);
    REQUIRE_FALSE(r.ok());
    CHECK(absl::IsInvalidArgument(r.status()));
    CHECK(dir.Read(name) == text);
    return std::string(r.status().message());
  }
};

// The number of entries under `key` when `yaml` is read back (with the
// limits of a file of people, as the loader reads it), or -1 when it does
// not read as a file of people.
int EntriesWhenReadBack(const std::string& yaml, const std::string& key) {
  Diagnostics diags;
  std::optional<YamlNode> root =
      ParseYaml(yaml, "merged.yaml", &diags, YamlLimits::ForPeople());
  INFO(diags.ToStatus().message());
  if (!root || !diags.ok() || !root->is_map()) return -1;
  const YamlNode* list = root->Find(key);
  if (list == nullptr || !list->is_sequence()) return -1;
  return static_cast<int>(list->items.size());
}

std::vector<std::string> Ids(const ImportResult& r) {
  std::vector<std::string> ids;
  for (const ImportedEntry& e : r.entries) ids.push_back(e.id);
  return ids;
}

TEST_CASE("merge keeps the file's text and appends the imported entries",
          "[import][merge]") {
  const std::string existing =
      "# kept by hand; do not regenerate\n"
      "attendees:\n"
      "  - id: s1\n"
      "    name:   Ada   # odd spacing stays\n"
      "    extra: {note: \"keep me\"}\n"
      "\n"
      "  - id: s2\n"
      "    name: Bo\n";
  Existing file(existing);
  const ImportedEntry nia = Entry("a-nia", "Nia", "nia@x.org", 2);
  const ImportedEntry sam = Entry("a-sam", "Sam", "", 4);
  const ImportResult r = file.Merged(Imported(
      {nia, sam}, {"walk-ins.csv:3: note: dropped a duplicate row"}, 5));
  CHECK(r.yaml == existing + nia.text + sam.text);
  CHECK(r.imported == 2);
  CHECK(Ids(r) == std::vector<std::string>{"a-nia", "a-sam"});
  CHECK(r.entries[0].text == nia.text);
  CHECK(r.rows == 5);
  CHECK(r.notes ==
        std::vector<std::string>{"walk-ins.csv:3: note: dropped a duplicate "
                                 "row"});
  CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 4);
}

TEST_CASE("merge into employers.yaml uses the 'employers' key",
          "[import][merge]") {
  const std::string existing = "employers:\n  - id: acme\n    name: Acme\n";
  Existing file(existing, "employers.yaml");
  const ImportedEntry globex = Entry("globex", "Globex", "hr@globex.com", 2);
  const ImportResult r =
      file.Merged(Imported({globex}), ImportKind::kEmployers);
  CHECK(r.yaml == existing + globex.text);
  CHECK(EntriesWhenReadBack(r.yaml, "employers") == 2);
  // The attendees' key is not the employers' one.
  CHECK_THAT(file.Refused(Imported({globex}), ImportKind::kAttendees),
             Catch::Contains("the key 'attendees'"));
}

TEST_CASE("merge ends the file's last line before the first entry",
          "[import][merge]") {
  const std::string existing = "attendees:\n  - id: s1\n    name: Ada";
  Existing file(existing);
  SECTION("with entries") {
    const ImportedEntry nia = Entry("a-nia", "Nia", "", 2);
    const ImportResult r = file.Merged(Imported({nia}));
    CHECK(r.yaml == existing + "\n" + nia.text);
    CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 2);
  }
  SECTION("with none: the file's text, nothing added") {
    const ImportResult r = file.Merged(Imported({}, {}, 3));
    CHECK(r.yaml == existing + "\n");
    CHECK(r.imported == 0);
    CHECK(r.entries.empty());
    CHECK(r.rows == 3);
  }
}

TEST_CASE("merge fills an empty list: a bare key or an empty [...]",
          "[import][merge]") {
  struct Case {
    const char* existing;
    const char* kept;  // what stays of it in front of the entries
  };
  const Case cases[] = {
      {"attendees:\n", "attendees:\n"},
      {"attendees: []\n", "attendees: \n"},
      {"# none yet\nattendees:    [   ]   # walk-ins only\n",
       "# none yet\nattendees:       # walk-ins only\n"},
  };
  for (const Case& c : cases) {
    INFO(c.existing);
    Existing file(c.existing);
    const ImportedEntry nia = Entry("a-nia", "Nia", "nia@x.org", 2);
    const ImportResult r = file.Merged(Imported({nia}));
    CHECK(r.yaml == std::string(c.kept) + nia.text);
    CHECK(r.imported == 1);
    CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 1);
  }
}

TEST_CASE("merge leaves out a row whose id is already in the file",
          "[import][merge]") {
  const std::string existing =
      "# people\nattendees:\n  - id: s1\n    name: Ada\n";
  Existing file(existing);
  const ImportedEntry nia = Entry("a-nia", "Nia", "", 3);
  const ImportResult r =
      file.Merged(Imported({Entry("s1", "Somebody Else", "", 2), nia}));
  CHECK(r.yaml == existing + nia.text);
  CHECK(r.imported == 1);
  CHECK(Ids(r) == std::vector<std::string>{"a-nia"});
  CHECK(r.rows == 2);
  CHECK(r.notes ==
        std::vector<std::string>{"walk-ins.csv:2: note: s1 is already in " +
                                 file.path + ":3; kept that entry"});
}

TEST_CASE("merge leaves out a row whose e-mail is in the file, in any case",
          "[import][merge]") {
  const std::string existing =
      "attendees:\n"
      "  - id: s1\n    name: Ada\n    email: Ada.Lovelace@Example.org\n";
  Existing file(existing);
  const ImportResult r = file.Merged(
      Imported({Entry("a-ada", "Ada L.", "ada.lovelace@example.ORG", 7)}));
  CHECK(r.yaml == existing);
  CHECK(r.imported == 0);
  CHECK(r.entries.empty());
  CHECK(r.notes ==
        std::vector<std::string>{"walk-ins.csv:7: note: "
                                 "ada.lovelace@example.ORG is already s1's "
                                 "e-mail; kept that entry"});
}

TEST_CASE("merge tells an id match before an e-mail match", "[import][merge]") {
  Existing file("attendees:\n  - id: s1\n    name: Ada\n    email: a@x.org\n");
  const ImportResult r =
      file.Merged(Imported({Entry("s1", "Ada", "a@x.org", 2)}));
  REQUIRE(r.notes.size() == 1);
  CHECK(absl::StrContains(r.notes[0], "s1 is already in " + file.path + ":2"));
  CHECK(r.imported == 0);
}

TEST_CASE(
    "merge adds a row with an existing name, ignoring case and accents, "
    "and asks",
    "[import][merge]") {
  const std::string existing =
      "attendees:\n  - id: s1\n    name: \"Chloé Dubois\"\n";
  Existing file(existing);
  const ImportedEntry chloe = Entry("a-chloe", "CHLOE  dubois", "c@x.org", 4);
  const ImportResult r = file.Merged(Imported({chloe}));
  CHECK(r.yaml == existing + chloe.text);
  CHECK(r.imported == 1);
  CHECK(r.notes == std::vector<std::string>{
                       "walk-ins.csv:4: note: added a-chloe, who has the name "
                       "of s1: is it the same person?"});
}

TEST_CASE("merge checks each row against the rows added before it",
          "[import][merge]") {
  Existing file("attendees:\n  - id: s1\n    name: Ada\n");
  const ImportedEntry nia = Entry("a-nia", "Nia", "nia@x.org", 2);
  const ImportResult r = file.Merged(Imported({
      nia, Entry("a-nia", "Nia Again", "other@x.org", 3),  // same id
      Entry("a-nia2", "Nia Two", "NIA@x.org", 4),          // same e-mail
      Entry("a-nia3", "nia", "", 5),                       // same name: added
  }));
  CHECK(Ids(r) == std::vector<std::string>{"a-nia", "a-nia3"});
  CHECK(r.imported == 2);
  CHECK(r.notes ==
        std::vector<std::string>{
            "walk-ins.csv:3: note: a-nia is already in walk-ins.csv:2; kept "
            "that entry",
            "walk-ins.csv:4: note: NIA@x.org is already a-nia's e-mail; kept "
            "that entry",
            "walk-ins.csv:5: note: added a-nia3, who has the name of a-nia: "
            "is it the same person?"});
  CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 3);
}

TEST_CASE("merge: an empty e-mail matches no other empty e-mail",
          "[import][merge]") {
  Existing file(
      "attendees:\n"
      "  - id: s1\n    name: Ada\n    email: \"\"\n"
      "  - id: s2\n    name: Bo\n");
  const ImportResult r = file.Merged(
      Imported({Entry("a-cy", "Cy", "", 2), Entry("a-di", "Di", "", 3)}));
  CHECK(Ids(r) == std::vector<std::string>{"a-cy", "a-di"});
  CHECK(r.notes.empty());
}

TEST_CASE("merge keeps entries that are not people and still checks the rest",
          "[import][merge]") {
  const std::string existing =
      "attendees:\n"
      "  - just some text\n"
      "  - name: No Id\n"
      "  - id: s1\n    name: Ada\n";
  Existing file(existing);
  const ImportedEntry nia = Entry("a-nia", "Nia", "", 3);
  const ImportResult r =
      file.Merged(Imported({Entry("s1", "Ada", "", 2), nia}));
  CHECK(r.yaml == existing + nia.text);
  CHECK(r.notes ==
        std::vector<std::string>{"walk-ins.csv:2: note: s1 is already in " +
                                 file.path + ":4; kept that entry"});
}

TEST_CASE("merge needs an existing file", "[import][merge]") {
  TempDir dir;
  SECTION("missing: NotFound, pointing to an import without --merge") {
    const std::string path = dir.File("attendees.yaml");
    absl::StatusOr<ImportResult> r =
        MergeImport(ImportKind::kAttendees, path, kCsv,
                    Imported({Entry("a-nia", "Nia", "", 2)}));
    REQUIRE_FALSE(r.ok());
    CHECK(absl::IsNotFound(r.status()));
    CHECK(r.status().message() ==
          path +
              ": error: --merge adds to an existing file, and there is "
              "none; import without --merge to create it");
  }
  SECTION("a folder: NotFound, as a file that cannot be read") {
    absl::StatusOr<ImportResult> r =
        MergeImport(ImportKind::kAttendees, dir.path(), kCsv, Imported({}));
    REQUIRE_FALSE(r.ok());
    CHECK(absl::IsNotFound(r.status()));
    CHECK(r.status().message() ==
          dir.path() + ": error: cannot read the file: it is a folder");
  }
}

TEST_CASE("merge refuses a file without a list under the kind's key",
          "[import][merge]") {
  struct Case {
    const char* existing;
    const char* at;  // where the error points: the document's start
  };
  const Case cases[] = {
      {"", ":1:1"},                                     // empty
      {"# nothing here\n", ":1:1"},                     // only a comment
      {"- id: s1\n  name: Ada\n", ":1:1"},              // a list at the top
      {"employers:\n  - id: acme\n", ":1:1"},           // another key
      {"attendees: everyone\n", ":1:1"},                // a scalar
      {"attendees:\n  id: s1\n  name: Ada\n", ":1:1"},  // a map
      {"# people\nattendees: everyone\n", ":2:1"},
  };
  for (const Case& c : cases) {
    INFO(c.existing);
    Existing file(c.existing);
    CHECK(file.Refused(Imported({Entry("a-nia", "Nia", "", 2)})) ==
          file.path + c.at +
              ": error: --merge needs a file with the key 'attendees' "
              "holding a list of entries");
  }
}

TEST_CASE("merge refuses a list in [...] style that has entries",
          "[import][merge]") {
  const std::string message =
      ": error: --merge cannot add to a list written in [...] style; write "
      "one '- ' entry per line";
  SECTION("on one line") {
    Existing file("attendees: [{id: s1, name: Ada}]\n");
    CHECK(file.Refused(Imported({Entry("a-nia", "Nia", "", 2)})) ==
          file.path + ":1:12" + message);
  }
  SECTION("over several lines") {
    Existing file("# people\nattendees: [\n  {id: s1, name: Ada},\n]\n");
    CHECK(file.Refused(Imported({})) == file.path + ":2:12" + message);
  }
}

TEST_CASE("merge refuses a file that is not YAML, with its position",
          "[import][merge]") {
  Existing file("attendees:\n  - id: s1\n    name: [Ada\n");
  CHECK_THAT(file.Refused(Imported({Entry("a-nia", "Nia", "", 2)})),
             Catch::StartsWith(file.path + ":4:1: error: YAML syntax error"));
}

// `text` with each "\n" written as `newline`.
std::string WithLineEnds(const std::string& text, const std::string& newline) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += newline;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// `entry` with its dash at column `indent` (the importer writes it at 2).
std::string Indented(const std::string& entry, int indent) {
  std::string out;
  size_t start = 0;
  while (start < entry.size()) {
    const size_t end = entry.find('\n', start);
    const std::string line = entry.substr(start, end - start + 1);
    out += indent >= 2 ? std::string(indent - 2, ' ') + line
                       : line.substr(2 - indent);
    start = end + 1;
  }
  return out;
}

constexpr char kBom[] = "\xEF\xBB\xBF";
constexpr char kLayout[] =
    ": error: --merge cannot add to the list under 'attendees' as it is "
    "written here; write 'attendees:' on a line of its own, with one '- ' "
    "entry per line under it";

TEST_CASE("merge appends at the indentation of the file's list",
          "[import][merge]") {
  const ImportedEntry nia = Entry("a-nia", "Nia", "nia@x.org", 2);
  struct Case {
    const char* existing;
    const char* kept;  // what stays of it in front of the entries
    int indent;        // of the entries' dashes
    int entries;       // when read back
  };
  const Case cases[] = {
      // The list's dashes under the key, not indented: valid YAML.
      {"attendees:\n- id: s1\n  name: Ada\n", nullptr, 0, 2},
      {"attendees:\n    - id: s1\n      name: Ada\n", nullptr, 4, 2},
      // The whole document indented.
      {"  attendees:\n    - id: s1\n", nullptr, 4, 2},
      {"  attendees:\n  - id: s1\n", nullptr, 2, 2},
      {"  attendees: []\n", "  attendees: \n", 4, 1},
      {"  attendees:\n", "  attendees:\n", 4, 1},
  };
  for (const Case& c : cases) {
    INFO(c.existing);
    Existing file(c.existing);
    const ImportResult r = file.Merged(Imported({nia}));
    const std::string kept = c.kept != nullptr ? c.kept : c.existing;
    CHECK(r.yaml == kept + Indented(nia.text, c.indent));
    CHECK(r.entries[0].text == nia.text);
    CHECK(EntriesWhenReadBack(r.yaml, "attendees") == c.entries);
  }
}

TEST_CASE("merge keeps a byte order mark and reads the text after it",
          "[import][merge]") {
  const ImportedEntry nia = Entry("a-nia", "Nia", "nia@x.org", 2);
  SECTION("an empty [] list is filled") {
    Existing file(std::string(kBom) + "attendees: []\n");
    const ImportResult r = file.Merged(Imported({nia}));
    CHECK(r.yaml == std::string(kBom) + "attendees: \n" + nia.text);
    CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 1);
  }
  SECTION("a list of entries is added to") {
    const std::string existing =
        std::string(kBom) + "attendees:\n  - id: s1\n    name: Zoë\n";
    Existing file(existing);
    const ImportResult r = file.Merged(Imported({nia}));
    CHECK(r.yaml == existing + nia.text);
    CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 2);
  }
  SECTION("a list in [...] style with entries is refused") {
    Existing file(std::string(kBom) + "attendees: [{id: s1, name: Ada}]\n");
    CHECK(file.Refused(Imported({nia})) ==
          file.path +
              ":1:12: error: --merge cannot add to a list written in "
              "[...] style; write one '- ' entry per line");
  }
}

TEST_CASE("merge keeps the file's line ends", "[import][merge]") {
  const ImportedEntry nia = Entry("a-nia", "Nia", "nia@x.org", 2);
  for (const std::string newline : {"\r\n", "\r"}) {
    INFO((newline == "\r" ? "CR" : "CRLF"));
    const std::string list = WithLineEnds("attendees:\n  - id: s1\n", newline);
    {  // after the last line's end
      Existing file(list);
      const ImportResult r = file.Merged(Imported({nia}));
      CHECK(r.yaml == list + WithLineEnds(nia.text, newline));
      CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 2);
    }
    {  // ending the last line first
      const std::string existing = list + "    name: Ada";
      Existing file(existing);
      const ImportResult r = file.Merged(Imported({nia}));
      CHECK(r.yaml == existing + WithLineEnds("\n" + nia.text, newline));
      CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 2);
      CHECK(file.Merged(Imported({})).yaml == existing + newline);
    }
    {  // with a byte order mark, into an empty list
      Existing file(std::string(kBom) + "attendees: []" + newline);
      const ImportResult r = file.Merged(Imported({nia}));
      CHECK(r.yaml == std::string(kBom) + "attendees: " + newline +
                          WithLineEnds(nia.text, newline));
      CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 1);
    }
  }
}

TEST_CASE("merge fills a list written as ~ or null", "[import][merge]") {
  struct Case {
    const char* existing;
    const char* kept;  // what stays of it in front of the entries
  };
  const Case cases[] = {
      {"attendees: ~\n", "attendees: \n"},
      {"attendees: null   # none yet\n", "attendees:    # none yet\n"},
      {"# people\nattendees: NULL\n", "# people\nattendees: \n"},
      {"attendees: Null", "attendees: \n"},
  };
  const ImportedEntry nia = Entry("a-nia", "Nia", "nia@x.org", 2);
  for (const Case& c : cases) {
    INFO(c.existing);
    Existing file(c.existing);
    const ImportResult r = file.Merged(Imported({nia}));
    CHECK(r.yaml == std::string(c.kept) + nia.text);
    CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 1);
  }
  {  // nobody added: the file's text
    Existing file("attendees: ~\n");
    CHECK(file.Merged(Imported({})).yaml == "attendees: ~\n");
  }
}

TEST_CASE("merge refuses a file with a duplicate key", "[import][merge]") {
  const ImportResult imported = Imported({Entry("a-nia", "Nia", "", 2)});
  SECTION("two lists of attendees") {
    Existing file(
        "attendees:\n  - id: s1\n    name: Ada\nattendees:\n  - id: s2\n");
    CHECK(file.Refused(imported) ==
          file.path +
              ":4:1: error: duplicate key 'attendees'; it is already set on "
              "line 1");
  }
  SECTION("a key twice in one entry") {
    Existing file("attendees:\n  - id: s1\n    name: Ada\n    name: Bo\n");
    CHECK(file.Refused(imported) ==
          file.path +
              ":4:5: error: duplicate key 'name'; it is already set on line "
              "3");
  }
}

TEST_CASE("merge refuses a file written as one {...} map", "[import][merge]") {
  struct Case {
    const char* existing;
    const char* at;
  };
  const Case cases[] = {
      {"{attendees: []}\n", ":1:1"},
      {"{attendees: [{id: s1, name: Ada}]}\n", ":1:1"},
      {"# people\n{\n  attendees: []\n}\n", ":2:1"},
  };
  for (const Case& c : cases) {
    INFO(c.existing);
    Existing file(c.existing);
    CHECK(file.Refused(Imported({Entry("a-nia", "Nia", "", 2)})) ==
          file.path + c.at +
              ": error: --merge cannot add to a file written as one {...} "
              "map; write 'attendees:' on a line of its own, with one '- ' "
              "entry per line under it");
  }
}

TEST_CASE("merge reads a file of people as large as the loader does",
          "[import][merge]") {
  // Over the 64 MiB of other YAML files, within the 1 GiB of people's.
  const std::string existing = "attendees:\n  - id: s1\n    name: Ada\n# " +
                               std::string((std::size_t{65} << 20), 'x') + "\n";
  Existing file(existing);
  const ImportedEntry nia = Entry("a-nia", "Nia", "", 2);
  const ImportResult r = file.Merged(Imported({nia}));
  CHECK(r.yaml.size() == existing.size() + nia.text.size());
  CHECK(r.yaml.compare(0, existing.size(), existing) == 0);
  CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 2);
}

TEST_CASE("merge adds at the end of the list, before what follows it",
          "[import][merge]") {
  const ImportedEntry nia = Entry("a-nia", "Nia", "", 2);
  SECTION("another key") {
    const std::string list = "attendees:\n  - id: s1\n    name: Ada\n";
    Existing file(list + "note: kept\n");
    const ImportResult r = file.Merged(Imported({nia}));
    CHECK(r.yaml == list + nia.text + "note: kept\n");
    CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 2);
  }
  SECTION("another key, after an empty list") {
    Existing file("attendees: []\nnote: kept\n");
    const ImportResult r = file.Merged(Imported({nia}));
    CHECK(r.yaml == "attendees: \n" + nia.text + "note: kept\n");
    CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 1);
  }
  SECTION("the document's end marker") {
    const std::string list = "---\nattendees:\n  - id: s1\n";
    Existing file(list + "...\n# the end\n");
    const ImportResult r = file.Merged(Imported({nia}));
    CHECK(r.yaml == list + nia.text + "...\n# the end\n");
    CHECK(EntriesWhenReadBack(r.yaml, "attendees") == 2);
  }
}

TEST_CASE("merge refuses a list it cannot add to without breaking the file",
          "[import][merge]") {
  struct Case {
    const char* existing;
    const char* at;
  };
  const Case cases[] = {
      {"attendees:\n  ~\n", ":1:1"},                // null on the next line
      {"attendees: &all\n  - id: s1\n", ":1:12"},   // an anchor
      {"attendees: !!seq\n  - id: s1\n", ":1:12"},  // a tag
      {"? attendees\n: []\n", ":1:1"},              // an explicit key
  };
  for (const Case& c : cases) {
    INFO(c.existing);
    Existing file(c.existing);
    CHECK(file.Refused(Imported({Entry("a-nia", "Nia", "", 2)})) ==
          file.path + c.at + kLayout);
  }
}

}  // namespace
}  // namespace fairmatch
