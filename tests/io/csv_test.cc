#include "engine/io/csv.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace fairmatch {
namespace {

// Parses `text`, which must succeed.
CsvTable Parse(const std::string& text, char separator = 0) {
  Diagnostics diags;
  CsvOptions options;
  options.separator = separator;
  std::optional<CsvTable> table = ParseCsv(text, "t.csv", options, &diags);
  INFO(diags.ToStatus().message());
  REQUIRE(table.has_value());
  REQUIRE(diags.ok());
  return *table;
}

// Parses `text`, which must fail; returns the diagnostics.
std::string ParseError(const std::string& text) {
  Diagnostics diags;
  std::optional<CsvTable> table = ParseCsv(text, "t.csv", {}, &diags);
  REQUIRE_FALSE(table.has_value());
  return std::string(diags.ToStatus().message());
}

using Fields = std::vector<std::string>;

TEST_CASE("csv: plain records with a header", "[io][import]") {
  CsvTable t = Parse("name,email\nAda,ada@x.org\nBo,bo@x.org\n");
  CHECK(t.separator == ',');
  CHECK(t.header.fields == Fields{"name", "email"});
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[0].fields == Fields{"Ada", "ada@x.org"});
  CHECK(t.records[0].line == 2);
  CHECK(t.records[1].line == 3);
}

TEST_CASE("csv: a byte order mark is dropped", "[io][import]") {
  CsvTable t = Parse("\xEF\xBB\xBFTimestamp,Email\n1,2\n");
  CHECK(t.header.fields[0] == "Timestamp");
}

TEST_CASE("csv: CRLF, lone CR and a missing final line end", "[io][import]") {
  CsvTable t = Parse("a,b\r\n1,2\r3,4");
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[0].fields == Fields{"1", "2"});
  CHECK(t.records[1].fields == Fields{"3", "4"});
  CHECK(t.records[1].line == 3);
}

TEST_CASE("csv: semicolons are detected from the header", "[io][import]") {
  CsvTable t = Parse("Name;Values, in words;Tables\nAcme;a, b;2\n");
  CHECK(t.separator == ';');
  CHECK(t.records[0].fields == Fields{"Acme", "a, b", "2"});
}

TEST_CASE("csv: separators inside quotes do not count for detection",
          "[io][import]") {
  CHECK(DetectSeparator("\"a;b;c\",d\n") == ',');
  CHECK(DetectSeparator("a;b,c;d\n") == ';');
  CHECK(DetectSeparator("a\tb\tc\n") == '\t');
  CHECK(DetectSeparator("single\n") == ',');
}

TEST_CASE("csv: a declared separator wins", "[io][import]") {
  CsvTable t = Parse("a;b,c\n1;2,3\n", ',');
  CHECK(t.header.fields == Fields{"a;b", "c"});
}

TEST_CASE("csv: quoted fields hold separators, quotes and line breaks",
          "[io][import]") {
  CsvTable t = Parse(
      "name,note,after\n"
      "\"Doe, Jane\",\"She said \"\"hi\"\"\r\nand left\",x\n"
      "Bo,,\"\"\n");
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[0].fields ==
        Fields{"Doe, Jane", "She said \"hi\"\nand left", "x"});
  CHECK(t.records[0].line == 2);
  // The multi-line cell moves the next record's line on by one.
  CHECK(t.records[1].line == 4);
  CHECK(t.records[1].fields == Fields{"Bo", "", ""});
}

TEST_CASE("csv: blank lines between records are skipped", "[io][import]") {
  CsvTable t = Parse("a,b\n\n1,2\n\r\n3,4\n\n");
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[0].line == 3);
  CHECK(t.records[1].line == 5);
}

TEST_CASE("csv: UTF-8 passes through unchanged", "[io][import]") {
  CsvTable t = Parse("name\nNguyễn Thị Minh Khai\nZoë\n");
  CHECK(t.records[0].fields[0] == "Nguyễn Thị Minh Khai");
  CHECK(t.records[1].fields[0] == "Zoë");
}

TEST_CASE("csv: an unterminated quote names its row and column",
          "[io][import]") {
  CHECK(ParseError("a,b,c\n1,2,3\nx,\"never closed\n4,5,6\n") ==
        "t.csv:3:2: error: a quoted field is never closed: the '\"' that "
        "opens it has no matching '\"' before the end of the file");
}

TEST_CASE("csv: text after a closing quote is an error", "[io][import]") {
  CHECK(ParseError("a,b\n1,\"two\"x\n").rfind("t.csv:2:2: error:", 0) == 0);
}

TEST_CASE("csv: invalid UTF-8 names the field", "[io][import]") {
  CHECK(ParseError("a,b\n1,caf\xE9\n")
            .rfind("t.csv:2:2: error: the field is "
                   "not valid UTF-8",
                   0) == 0);
}

TEST_CASE("csv: an empty file has no header", "[io][import]") {
  CHECK(ParseError("") ==
        "t.csv: error: the file is empty; expected a "
        "header row");
  CHECK(ParseError("\xEF\xBB\xBF\n\n") ==
        "t.csv: error: the file is empty; expected a header row");
}

TEST_CASE("csv: every truncation of a quoted file parses or fails cleanly",
          "[io][import]") {
  const std::string text =
      "\xEF\xBB\xBFname;note\r\n\"Zoë\";\"two\r\nlines \"\"q\"\"\"\r\nBo;x\r\n";
  for (size_t n = 0; n <= text.size(); ++n) {
    Diagnostics diags;
    std::optional<CsvTable> t =
        ParseCsv(text.substr(0, n), "t.csv", {}, &diags);
    CHECK(t.has_value() == diags.ok());
  }
}

}  // namespace
}  // namespace fairmatch
