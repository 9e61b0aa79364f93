// The day of the fair, end to end through the binary, with no hand edit of
// any generated file (issue "The day of the fair", docs/reruns.md): import
// the example exports, plan v1; an employer cancels (changes.yaml), plan v2
// against v1; ten walk-ins (some without an e-mail) arrive and a student
// leaves at 11:00, plan v3 --from 11:00 against v2 with every earlier
// meeting of v2 kept; explain by name and by e-mail from v3; notify.csv and
// the changed-only PDFs list exactly the people whose day changed; a later
// no-show fix never exits 3 because of the past.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/fixtures/data_dirs.h"
#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/read_file.h"
#include "tests/fixtures/temp_dir.h"
#include "tests/tools/subprocess.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::kExamplesDir;
using testing::ProcessResult;
using testing::RunFairmatch;

json ReadJson(const fs::path& path) {
  return json::parse(testing::ReadFile(path.string()));
}

// Every meeting as "start employer table attendees...", the attendees
// sorted: who met whom, when and where (a list's order is not the plan).
std::set<std::string> Meetings(const json& s, bool before_eleven_only) {
  std::set<std::string> out;
  for (const json& m : s["meetings"]) {
    const std::string start = m["start"];
    if (before_eleven_only && start >= "11:00") continue;
    std::set<std::string> ids;
    for (const json& a : m["attendees"]) ids.insert(a.get<std::string>());
    std::string group;
    for (const std::string& id : ids) group += " " + id;
    out.insert(start + " " + m["employer"].get<std::string>() + " " +
               std::to_string(m["table"].get<int>()) + group);
  }
  return out;
}

// notify.csv's (role, id) pairs; the file's own cells are simple here.
std::set<std::string> NotifyRows(const fs::path& path) {
  std::istringstream in(testing::ReadFile(path.string()));
  std::string line;
  std::getline(in, line);
  CHECK(line == "role,id,name,email,changes,new_day\r");
  std::set<std::string> rows;
  while (std::getline(in, line)) {
    const size_t a = line.find(',');
    const size_t b = line.find(',', a + 1);
    rows.insert(line.substr(0, a) + " " + line.substr(a + 1, b - a - 1));
  }
  return rows;
}

// The (role, id) of everyone `fairmatch diff` says to notify.
std::set<std::string> DiffNotify(const fs::path& dir, const fs::path& old_s,
                                 const fs::path& new_s) {
  ProcessResult r = RunFairmatch(
      dir, {"diff", old_s.string(), new_s.string(), "--format", "json"});
  REQUIRE(r.exit_code == 0);
  const json d = json::parse(r.out);
  std::set<std::string> rows;
  for (const json& p : d["notify"]["attendees"]) {
    rows.insert("attendee " + p["id"].get<std::string>());
  }
  for (const json& p : d["notify"]["employers"]) {
    rows.insert("employer " + p["id"].get<std::string>());
  }
  return rows;
}

std::string NameOf(const json& s, const std::string& role,
                   const std::string& id) {
  for (const json& p : s["people"][role]) {
    if (p["id"] == id) return p["name"];
  }
  return "";
}

TEST_CASE(
    "the whole day of a fair runs from changes files, never an edit "
    "of a generated file",
    "[tools][e2e][day]") {
  const testing::TempDir scratch;
  const fs::path dir = scratch.path();
  const fs::path fair = dir / "fair";
  fs::create_directories(fair);
  fs::copy_file(kExamplesDir + "/event.yaml", fair / "event.yaml");

  // Import the example exports.
  REQUIRE(RunFairmatch(
              dir, {"import", "attendees", kExamplesDir + "/registrations.csv",
                    "--mapping", kExamplesDir + "/attendees-mapping.yaml",
                    "--out", (fair / "attendees.yaml").string(), "-q"})
              .exit_code == 0);
  REQUIRE(
      RunFairmatch(dir, {"import", "employers", kExamplesDir + "/employers.csv",
                         "--mapping", kExamplesDir + "/employers-mapping.yaml",
                         "--out", (fair / "employers.yaml").string(), "-q"})
          .exit_code == 0);
  const std::string attendees_yaml =
      testing::ReadFile((fair / "attendees.yaml").string());
  const std::string employers_yaml =
      testing::ReadFile((fair / "employers.yaml").string());
  // Employers have their contact e-mail now.
  CHECK(employers_yaml.find("email: recruiting@acme.example.com") !=
        std::string::npos);

  // v1.
  ProcessResult r = RunFairmatch(
      dir, {"plan", fair.string(), "--out", (dir / "v1").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json v1 = ReadJson(dir / "v1" / "schedule.json");

  // An employer cancels: one line in changes.yaml. Attendees who named it
  // in must_meet are warned about, never an error.
  scratch.Write("fair/changes.yaml", "withdraw:\n  - {who: acme-energie}\n");
  r = RunFairmatch(dir, {"plan", fair.string(), "--baseline",
                         (dir / "v1" / "schedule.json").string(), "--out",
                         (dir / "v2").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("warning: 'acme-energie' has withdrawn") !=
        std::string::npos);
  const json v2 = ReadJson(dir / "v2" / "schedule.json");
  for (const json& m : v2["meetings"]) CHECK(m["employer"] != "acme-energie");
  CHECK(v2["metrics"]["baseline"]["dropped"].get<int>() > 0);
  // Whom to tell: exactly the people the diff names.
  const std::set<std::string> notify_v2 = NotifyRows(dir / "v2" / "notify.csv");
  CHECK(notify_v2 == DiffNotify(dir, dir / "v1" / "schedule.json",
                                dir / "v2" / "schedule.json"));
  CHECK(notify_v2.count("employer acme-energie") == 1);

  // Ten walk-ins, four without an e-mail, imported to their own file; and
  // Chloé Dubois leaves at 11:00.
  // The registration form's own header (with its byte order mark dropped).
  std::string header;
  {
    std::istringstream in(
        testing::ReadFile(kExamplesDir + "/registrations.csv"));
    std::getline(in, header);
    if (header.rfind("\xEF\xBB\xBF", 0) == 0) header = header.substr(3);
    if (!header.empty() && header.back() == '\r') header.pop_back();
  }
  std::string walk_ins = header + "\n";
  for (int i = 1; i <= 10; ++i) {
    const std::string email =
        i % 3 == 1 ? "" : "walkin" + std::to_string(i) + "@example.edu";
    walk_ins += "3/4/2027 10:5" + std::to_string(i % 10) + ":00," + email +
                ",Walk In " + std::to_string(i) +
                ",BSc Computer Science,Very important,Important,,"
                "Moderately important,Very important,,\"Writing, Python\","
                "\"Internship, Mentoring\",I can attend the whole time,,\n";
  }
  scratch.Write("walk-ins.csv", walk_ins);
  r = RunFairmatch(dir, {"import", "attendees", (dir / "walk-ins.csv").string(),
                         "--mapping", kExamplesDir + "/attendees-mapping.yaml",
                         "--out", (fair / "walk-ins.yaml").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  scratch.Write("fair/changes.yaml",
                "withdraw:\n  - {who: acme-energie}\n"
                "  - {who: \"Chloé Dubois\", from: \"11:00\"}\n"
                "walk_ins:\n  - {file: walk-ins.yaml}\n");
  r = RunFairmatch(dir, {"plan", fair.string(), "--baseline",
                         (dir / "v2" / "schedule.json").string(), "--from",
                         "11:00", "--out", (dir / "v3").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json v3 = ReadJson(dir / "v3" / "schedule.json");
  // Every meeting of v2 before 11:00 is in v3, exactly, marked history.
  const std::set<std::string> past = Meetings(v2, true);
  REQUIRE(!past.empty());
  CHECK(Meetings(v3, true) == past);
  for (const json& m : v3["meetings"]) {
    if (m["start"].get<std::string>() < "11:00") {
      CHECK(m.value("history", false));
    }
  }
  CHECK(v3["metrics"]["baseline"]["history"].get<int>() > 0);
  // The walk-ins are planned, and Chloé has nothing from 11:00.
  std::string chloe, chloe_email;
  for (const json& p : v3["people"]["attendees"]) {
    if (p["name"] == "Chloé Dubois") {
      chloe = p["id"];
      chloe_email = p["email"];
    }
  }
  REQUIRE(!chloe.empty());
  int walk_in_meetings = 0;
  for (const json& m : v3["meetings"]) {
    for (const json& a : m["attendees"]) {
      const std::string name = NameOf(v3, "attendees", a);
      if (name.rfind("Walk In ", 0) == 0) ++walk_in_meetings;
      if (a == chloe) CHECK(m["start"].get<std::string>() < "11:00");
    }
  }
  CHECK(walk_in_meetings >= 10);
  // Check proves it independently (with the same changes).
  r = RunFairmatch(
      dir, {"check", fair.string(), (dir / "v3" / "schedule.json").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("OK: ") == 0);

  // Whom to tell, and the changed-only sheets.
  const std::set<std::string> notify_v3 = NotifyRows(dir / "v3" / "notify.csv");
  CHECK(notify_v3 == DiffNotify(dir, dir / "v2" / "schedule.json",
                                dir / "v3" / "schedule.json"));
  int changed_attendees = 0;
  const testing::PdfFile changed(
      testing::ReadFile((dir / "v3" / "attendees-changed.pdf").string()));
  const std::string changed_text = changed.Text();
  for (const json& p : v3["people"]["attendees"]) {
    const bool told =
        notify_v3.count("attendee " + p["id"].get<std::string>()) > 0;
    // Each sheet's footer is "NAME · ID": each changed person has a sheet,
    // the others none.
    const std::string footer =
        p["name"].get<std::string>() + " · " + p["id"].get<std::string>();
    changed_attendees += told;
    INFO(footer);
    CHECK((changed_text.find(footer) != std::string::npos) == told);
  }
  CHECK(changed_attendees >= 10);  // the walk-ins at least
  CHECK(changed.Pages() >= changed_attendees);

  // explain by name and by e-mail answers from v3.
  const ProcessResult by_name =
      RunFairmatch(dir, {"explain", fair.string(), "--attendee", "chloe dubois",
                         "--schedule", (dir / "v3").string()});
  const ProcessResult by_email =
      RunFairmatch(dir, {"explain", fair.string(), "--attendee", chloe_email,
                         "--schedule", (dir / "v3").string()});
  INFO(by_name.err);
  CHECK(by_name.exit_code == 0);
  CHECK(by_name.err.find("planning") == std::string::npos);
  CHECK(by_name.err.find("afresh") == std::string::npos);
  CHECK(by_name.out.rfind("Chloé Dubois (" + chloe + ")", 0) == 0);
  CHECK(by_email.out == by_name.out);

  // A no-show is fixed by narrowing their availability, and a student who
  // had meetings in the morning is withdrawn for the whole day: neither
  // conflicts with the past (no exit 3), and the past stays.
  std::string someone;  // an attendee with a meeting before 11:00
  for (const json& m : v3["meetings"]) {
    if (m["start"].get<std::string>() < "11:00" && m["attendees"][0] != chloe) {
      someone = m["attendees"][0];
      break;
    }
  }
  REQUIRE(!someone.empty());
  scratch.Write("later.yaml", "availability:\n  - {who: " + someone +
                                  ", available: [\"12:30-13:15\"]}\n"
                                  "withdraw:\n  - {who: chloe dubois}\n");
  r = RunFairmatch(
      dir, {"plan", fair.string(), "--changes", (dir / "later.yaml").string(),
            "--baseline", (dir / "v3" / "schedule.json").string(), "--from",
            "11:45", "--out", (dir / "v4").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json v4 = ReadJson(dir / "v4" / "schedule.json");
  CHECK(Meetings(v4, true) == past);
  r = RunFairmatch(
      dir, {"check", fair.string(), "--changes", (dir / "later.yaml").string(),
            (dir / "v4" / "schedule.json").string()});
  CHECK(r.exit_code == 0);

  // The generated files were never touched.
  CHECK(testing::ReadFile((fair / "attendees.yaml").string()) ==
        attendees_yaml);
  CHECK(testing::ReadFile((fair / "employers.yaml").string()) ==
        employers_yaml);
}

}  // namespace
}  // namespace fairmatch
