#include "engine/io/import_writer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace fairmatch {
namespace {

ImportMapping Mapping(ImportKind kind) {
  ImportMapping m;
  m.kind = kind;
  m.csv_path = "/some/folder/form.csv";
  m.mapping_path = "/other/map.yaml";
  return m;
}

TEST_CASE("import writer: an attendee entry, every field", "[import]") {
  ImportRow r;
  r.line = 7;
  r.id = "a-1";
  r.name = "Zoë Müller";
  r.email = "zoe@x.org";
  r.program = "MSc Data";
  r.values = {{"impact", "4.5"}, {"green", "5"}};
  r.offers = {"sql", "Data, AI"};
  r.seeks = {"mentoring"};
  r.has_available = true;
  r.available = {{600, 630}, {645, 660}};
  r.max_meetings = 3;
  r.must_meet = {"e-acme"};
  r.wants = {"e-globex", "e-initech"};
  r.extra = {{"level", "senior"}};
  r.booth = "B4";  // an employer's field: not written for an attendee
  std::vector<ImportedEntry> entries;
  const std::string yaml =
      WriteImportedYaml(Mapping(ImportKind::kAttendees), {r}, &entries);
  const std::string entry =
      "  - id: a-1\n"
      "    name: \"Zoë Müller\"\n"
      "    email: zoe@x.org\n"
      "    program: MSc Data\n"
      "    values: {impact: 4.5, green: 5}\n"
      "    offers: [sql, \"Data, AI\"]\n"
      "    seeks: [mentoring]\n"
      "    available: [\"10:00-10:30\", \"10:45-11:00\"]\n"
      "    max_meetings: 3\n"
      "    must_meet: [e-acme]\n"
      "    wants: [e-globex, e-initech]\n"
      "    extra:\n"
      "      level: senior\n";
  CHECK(yaml ==
        "# Imported by `fairmatch import attendees` from form.csv with "
        "map.yaml.\n# Edit the spreadsheet or the mapping and import again "
        "rather than editing this file.\nattendees:\n" +
            entry);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].id == "a-1");
  CHECK(entries[0].line == 7);
  CHECK(entries[0].text == entry);
}

TEST_CASE("import writer: an employer entry and an empty list", "[import]") {
  ImportRow r;
  r.id = "e-acme";
  r.name = "Acme";
  r.booth = "B4";
  r.tables = 2;
  r.group_size = 3;
  r.program = "ignored";
  r.max_meetings = 9;  // an attendee's field: not written
  std::vector<ImportedEntry> entries;
  CHECK(WriteImportedYaml(Mapping(ImportKind::kEmployers), {r}, &entries)
            .ends_with("employers:\n"
                       "  - id: e-acme\n"
                       "    name: Acme\n"
                       "    booth: B4\n"
                       "    tables: 2\n"
                       "    group_size: 3\n"));
  entries.clear();
  CHECK(WriteImportedYaml(Mapping(ImportKind::kEmployers), {}, &entries)
            .ends_with("\nemployers: []\n"));
  CHECK(entries.empty());
}

}  // namespace
}  // namespace fairmatch
