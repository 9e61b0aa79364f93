// Long and bidi text through the binary (issue "Hostile and odd inputs",
// findings 9 and 10): on a synthetic fair, one field at a time is made very
// long or given a direction control; every conversation of the sheet's
// owner must still be on their sheet in attendees.pdf, the text after a
// control must read in order, schedules.html must isolate it, and the
// isolates must not leak into meetings.csv, schedule.json or the calendars.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/read_file.h"
#include "tests/fixtures/temp_dir.h"
#include "tests/fixtures/text_search.h"
#include "tests/tools/subprocess.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;
using testing::Contains;
using testing::PdfFile;

// The cells of one CSV line (quotes as meetings.csv writes them).
std::vector<std::string> CsvCells(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cells.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.emplace_back();
    } else {
      cells.back().push_back(c);
    }
  }
  return cells;
}

// `key: value` set in the entry of `id` of a synth YAML file (the line
// replaced when the entry has the key, added after the id otherwise).
std::string Patch(std::string yaml, const std::string& id,
                  const std::string& key, const std::string& value) {
  const std::string head = "  - id: " + id + "\n";
  std::size_t at = yaml.find(head);
  REQUIRE(at != std::string::npos);
  at += head.size();
  std::size_t end = yaml.find("\n  - id: ", at);
  if (end == std::string::npos) end = yaml.size();
  const std::string line = "    " + key + ": " + value + "\n";
  std::size_t old = yaml.find("    " + key + ":", at);
  if (old != std::string::npos && old < end) {
    yaml.replace(old, yaml.find('\n', old) + 1 - old, line);
  } else {
    yaml.insert(at, line);
  }
  return yaml;
}

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

// The pages of the sheet whose bookmark is the `n`th, from the outline.
std::pair<int, int> SheetPages(const PdfFile& pdf, std::size_t n) {
  nlohmann::json outlines = nlohmann::json::parse(pdf.Outlines())["outlines"];
  REQUIRE(n < outlines.size());
  const int first = outlines[n]["destpageposfrom1"].get<int>();
  const int last = n + 1 < outlines.size()
                       ? outlines[n + 1]["destpageposfrom1"].get<int>() - 1
                       : pdf.Pages();
  return {first, last};
}

struct TextCase {
  const char* what;
  const char* file;  // attendees.yaml or employers.yaml
  const char* id;
  const char* key;
  std::string value;  // YAML
  bool bidi = false;  // the text after the field must read in order
};

std::string Words(std::size_t size) {
  std::string text;
  while (text.size() < size) text += "Wolfeschlegel ";
  text.pop_back();
  return text;
}

TEST_CASE("long and bidi text loses no conversation and reorders nothing",
          "[tools][hostile]") {
  const std::vector<TextCase> cases = {
      {"a 5,000-character name", "attendees.yaml", "a0019", "name",
       Quoted(std::string(5000, 'W'))},
      {"a name of words", "attendees.yaml", "a0019", "name",
       Quoted(Words(5000))},
      {"a long programme", "attendees.yaml", "a0019", "program",
       Quoted(Words(5000))},
      {"a long extra field", "attendees.yaml", "a0019", "extra",
       "{notes: " + Quoted(Words(4000)) + "}"},
      {"a long employer name", "employers.yaml", "e001", "name",
       Quoted(Words(3000))},
      {"a right-to-left override", "attendees.yaml", "a0019", "program",
       Quoted("CS \u202Eevil"), true},
      {"a right-to-left embedding", "attendees.yaml", "a0019", "program",
       Quoted("CS \u202Bevil"), true},
      {"an isolate left open", "attendees.yaml", "a0019", "program",
       Quoted("CS \u2067evil"), true},
      {"a stray pop, then an override", "attendees.yaml", "a0019", "program",
       Quoted("CS \u2069\u202Eevil"), true},
      {"a Hebrew name", "attendees.yaml", "a0019", "name",
       Quoted("\u05e9\u05e8\u05d4 \u05db\u05d4\u05df"), true},
  };
  const testing::TempDir scratch;
  const fs::path dir = scratch.path();
  REQUIRE(testing::RunFairmatch(
              dir.string(), {"synth", (dir / "f").string(), "--attendees", "60",
                             "--employers", "8", "--slots", "8", "--seed", "3"})
              .exit_code == 0);
  for (const TextCase& c : cases) {
    INFO(c.what);
    const fs::path fair = dir / "fair";
    fs::remove_all(fair);
    fs::copy(dir / "f", fair);
    const std::string path = (fair / c.file).string();
    scratch.Write("fair/" + std::string(c.file),
                  Patch(testing::ReadFile(path), c.id, c.key, c.value));
    const fs::path out = dir / "pub";
    testing::ProcessResult r = testing::RunFairmatch(
        dir.string(), {"plan", fair.string(), "--out", out.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    // The meetings of a0019 (or, for an employer, of its first attendee),
    // as meetings.csv has them.
    const std::string csv = testing::ReadFile((out / "meetings.csv").string());
    std::vector<std::vector<std::string>> rows;
    std::string owner = c.id[0] == 'a' ? c.id : "";
    for (std::size_t at = csv.find('\n') + 1; at < csv.size();) {
      std::size_t end = csv.find('\n', at);
      std::vector<std::string> cells = CsvCells(csv.substr(at, end - at));
      at = end + 1;
      REQUIRE(cells.size() >= 14);
      if (owner.empty() && cells[7] == c.id) owner = cells[1];
      if (cells[1] == owner) rows.push_back(cells);
    }
    REQUIRE(!rows.empty());
    // The owner's sheet: the bookmarks are in sheet order, as are the
    // names in the sorted schedule.json people list; find it by id.
    PdfFile pdf(testing::ReadFile((out / "attendees.pdf").string()));
    nlohmann::json outlines = nlohmann::json::parse(pdf.Outlines())["outlines"];
    std::string sheet;
    for (std::size_t n = 0; n < outlines.size() && sheet.empty(); ++n) {
      auto [first, last] = SheetPages(pdf, n);
      std::string text = pdf.Text(first, last);
      if (Contains(text, "\xC2\xB7 " + owner + " ")) sheet = text;
    }
    REQUIRE(!sheet.empty());
    for (const std::vector<std::string>& row : rows) {
      const std::string time = row[5] + "\xE2\x80\x93" + row[6];
      INFO(time << " " << row[8].substr(0, 40));
      CHECK(Contains(sheet, time + " " + row[8].substr(0, 27)));
    }
    if (c.bidi) {
      // The e-mail and id after the programme, in order.
      CHECK(Contains(sheet, " \xC2\xB7 " + rows[0][0] + " \xC2\xB7 " + owner));
    }

    // schedules.html isolates the text; the other files carry it bare.
    const std::string html =
        testing::ReadFile((out / "schedules.html").string());
    const std::string raw = c.key == std::string("extra")
                                ? Words(4000)
                                : c.value.substr(1, c.value.size() - 2);
    CHECK(Contains(html, "<bdi>" + raw + "</bdi>"));
    std::vector<fs::path> plain = {out / "meetings.csv", out / "schedule.json"};
    for (const auto& entry : fs::directory_iterator(out / "calendar")) {
      plain.push_back(entry.path());
    }
    for (const fs::path& file : plain) {
      INFO(file.filename().string());
      const std::string text = testing::ReadFile(file.string());
      CHECK_FALSE(Contains(text, "\u2068"));
      CHECK_FALSE(Contains(text, "<bdi>"));
    }
  }
}

}  // namespace
}  // namespace fairmatch
