#include "engine/io/import_dedupe.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"

namespace fairmatch {
namespace {

using Catch::Matchers::Contains;

ImportRow Row(int row, std::string id, std::string email,
              std::optional<std::int64_t> timestamp = std::nullopt,
              std::string timestamp_text = "") {
  ImportRow r;
  r.row = row;
  r.line = row + 2;
  r.id = std::move(id);
  r.id_mark = SourceMark{"p.csv", r.line, 1};
  r.email = email;
  r.email_key = email;
  r.timestamp = timestamp;
  r.timestamp_text = std::move(timestamp_text);
  return r;
}

std::vector<std::string> Ids(const std::vector<ImportRow>& rows) {
  std::vector<std::string> ids;
  for (const ImportRow& r : rows) ids.push_back(r.id);
  return ids;
}

TEST_CASE("import dedupe: the later row wins without timestamps", "[import]") {
  std::vector<std::string> notes;
  std::vector<ImportRow> kept = KeepLatestSubmissions(
      {Row(0, "a1", "ana@x.org"), Row(1, "b1", "bo@x.org"),
       Row(2, "a2", "ana@x.org"), Row(3, "c1", ""), Row(4, "c2", "")},
      "p.csv", &notes);
  CHECK(Ids(kept) == std::vector<std::string>{"b1", "a2", "c1", "c2"});
  REQUIRE(notes.size() == 1);
  CHECK(notes[0] ==
        "p.csv:2: note: dropped row 2 (ana@x.org): replaced by row 4 (later "
        "in the file)");
}

TEST_CASE("import dedupe: the later timestamp wins, wherever the row is",
          "[import]") {
  std::vector<std::string> notes;
  std::vector<ImportRow> kept =
      KeepLatestSubmissions({Row(0, "a1", "ana@x.org", 200, "2/1/2027 10:00"),
                             Row(1, "a2", "ana@x.org", 100, "1/1/2027 10:00"),
                             Row(2, "a3", "ana@x.org", 150, "1/15/2027 10:00")},
                            "p.csv", &notes);
  CHECK(Ids(kept) == std::vector<std::string>{"a1"});
  REQUIRE(notes.size() == 2);  // in line order
  CHECK(notes[0] ==
        "p.csv:3: note: dropped row 3 (ana@x.org, 1/1/2027 10:00): replaced "
        "by row 2 submitted 2/1/2027 10:00");
  CHECK_THAT(notes[1], Contains("p.csv:4: note: dropped row 4"));
}

TEST_CASE("import dedupe: equal timestamps keep the later row", "[import]") {
  std::vector<std::string> notes;
  std::vector<ImportRow> kept =
      KeepLatestSubmissions({Row(0, "a1", "ana@x.org", 100, "t"),
                             Row(1, "a2", "ana@x.org", 100, "t")},
                            "p.csv", &notes);
  CHECK(Ids(kept) == std::vector<std::string>{"a2"});
}

TEST_CASE("import dedupe: an id given twice is an error at the later row",
          "[import]") {
  Diagnostics diags;
  CheckUniqueImportIds({Row(0, "a1", "ana@x.org"), Row(1, "", ""),
                        Row(2, "", ""), Row(3, "a1", "ann@x.org")},
                       &diags);
  const std::string errors = absl::StrJoin(diags.Lines(), "\n");
  CHECK(errors == "p.csv:5:1: error: duplicate id 'a1'; row 2 has it too");
}

}  // namespace
}  // namespace fairmatch
