// fairmatch init DIR
//
// Scaffolds a new fair folder: a commented event.yaml to fill in, a
// config.yaml holding the built-in defaults commented out, empty
// attendees.yaml and employers.yaml with commented examples, and mapping
// templates for `fairmatch import` (docs/import.md). Existing files are
// never overwritten: if any of them exists, nothing is written.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/io/default_config.h"
#include "tools/cli.h"
#include "tools/commands.h"

namespace fairmatch {
namespace {

constexpr char kEventYaml[] =
    R"(# The event (docs/format.md#eventyaml). Edit every line; once attendees.yaml
# and employers.yaml are filled in (docs/import.md), plan with
#   fairmatch plan THIS_FOLDER --out out
name: My Career Fair
date: 2027-03-04                  # YYYY-MM-DD
timezone: Europe/London           # IANA zone, for calendar files
venue: Main Hall
slots:
  start: "10:00"                  # first conversation
  end: "13:15"                    # last conversation ends by then
  length: 15                      # minutes per conversation
  breaks:
    - {start: "11:30", end: "11:45"}
# The value vocabulary: what attendees and employers rate from 0 to 5.
# Labels are what people see on forms and schedules; the import matches
# multi-select answers against them.
values:
  - {id: impact, label: Making a difference}
  - {id: sustainability, label: Caring for the planet}
  - {id: innovation, label: Building new things}
  - {id: community, label: Being part of a community}
  - {id: learning, label: Growing and learning}
  - {id: balance, label: Work-life balance}
)";

constexpr char kAttendeesYaml[] =
    R"(# The attendees (docs/format.md#attendeesyaml). Fill it by hand or with
#   fairmatch import attendees registrations.csv --mapping attendees-mapping.yaml --out attendees.yaml
# An entry looks like this:
#
#   - id: a1
#     name: Nguyễn Thị Minh Khai
#     email: minh@example.org
#     program: MSc Environmental Science
#     values: {impact: 5, sustainability: 4.5}
#     offers: [python, field work]
#     seeks: [internships, mentoring]
#     available: ["10:00-11:30", "12:00-13:15"]
#     must_meet: [acme]
attendees: []
)";

constexpr char kEmployersYaml[] =
    R"(# The employers (docs/format.md#employersyaml). Fill it by hand or with
#   fairmatch import employers employers.csv --mapping employers-mapping.yaml --out employers.yaml
# An entry looks like this:
#
#   - id: acme
#     name: Acme Énergie
#     booth: A1
#     tables: 2
#     group_size: 2
#     values: {impact: 4, sustainability: 5}
#     offers: [internships, mentoring]
#     seeks: [python, data analysis]
#     available: ["10:00-12:00"]
employers: []
)";

constexpr char kAttendeesMapping[] =
    R"(# How `fairmatch import attendees` reads your registration export
# (docs/import.md). Columns are named by their header text, exactly as in
# the first row of the CSV (case and surrounding spaces do not matter).
# Replace every "..." with a header from your export; delete what you
# do not collect.

event: event.yaml            # value labels and slot times (relative to this file)
# separator: ";"             # default: detected from the header line
timestamp: Timestamp         # duplicate e-mails keep the latest submission
# date_order: dmy            # if timestamps look like 31/1/2027 (default mdy)

id: {from_email: a-}         # stable id from the e-mail; or id: "Student number"
name: "Full name"
email: "Email address"
program: "Which programme are you in?"

# Values, either one rating column per value ...
values:
  ratings:
    impact: "How important is making a difference to you?"
    sustainability: "How important is caring for the planet to you?"
  likert:                    # answer words -> numbers 0..5
    Not important: 0
    Slightly important: 1
    Moderately important: 3
    Important: 4
    Very important: 5
# ... or one multi-select column listing the chosen labels of event.yaml:
# values:
#   column: "Which of these values matter most to you?"
#   selected: 5
#   unselected: 0

offers: {column: "What skills can you offer?", delimiter: ","}
seeks: {column: "What are you looking for?", delimiter: ","}

# A checkbox question listing slot times ("10:00 - 10:30, 11:00 - 11:30"):
unavailable:
  column: "I can't attend during these times"
  ignore: ["I can attend the whole time"]

# Employers an attendee must meet or avoid, by name (turned into ids like
# `id: {from_name: ""}` does in employers-mapping.yaml):
# must_meet: {column: "Employers you must meet", names: true}
# avoid: {column: "Employers you'd rather not meet", names: true}
# A ranked wish list, first choice first (one cell, or one column per rank
# with columns: [...]); `employers: employers.yaml` looks names up there,
# with a suggestion for each one it does not know:
# employers: employers.yaml
# wants: {column: "Top 5 employers you'd like to meet"}
# Only employers whose extra.remote is yes, for those who tick it:
# requires:
#   extra.remote: {column: "Only remote employers?", accept: [yes]}

# Anything else to print on schedules:
# extra:
#   pronouns: "Pronouns"
)";

constexpr char kEmployersMapping[] =
    R"(# How `fairmatch import employers` reads your employer spreadsheet
# (docs/import.md). Replace every "..." with a header of your sheet.

event: event.yaml
# separator: ";"             # default: detected from the header line

id: {from_name: ""}          # "Acme Énergie" -> acme-energie; or id: "Code"
name: "Organisation"
booth: "Booth"
tables: "Tables"             # or tables: {value: 1} for everyone
group_size: "Group size"

values:
  ratings:
    impact: "Impact"
    sustainability: "Sustainability"

offers: {column: "We offer", delimiter: ","}
seeks: {column: "We look for", delimiter: ","}

# unavailable:
#   column: "Times we are away from the table"

# Whom the employer may meet (hard requirements on attendees' program and
# extra fields; empty cells and 'ignore' answers require nothing):
# requires:
#   program: {column: "Which programmes are you recruiting from?", ignore: [Any programme]}
#   extra.graduation_year: "Graduation years"        # 2026-2027, 2026+ or a list
#   extra.work_authorization: {column: "Work authorisation required", accept: [yes]}
# Pre-selected students by e-mail, looked up in attendees.yaml:
# attendees: attendees.yaml
# must_meet: {column: "Pre-selected students", by: email}
# wants: {column: "Students we'd like to meet", by: email}
)";

// The built-in defaults with every setting commented out. The defaults'
// own opening paragraph (about being compiled in) is left out; their other
// comments are kept as they are, so uncommenting a setting means deleting
// its leading "# ".
std::string CommentedDefaults() {
  std::string out =
      "# Planner settings for this fair (docs/format.md#configuration).\n"
      "# These are the built-in defaults; uncomment a setting to change it.\n";
  bool in_header = true;
  for (absl::string_view line : absl::StrSplit(kDefaultConfigYaml, '\n')) {
    if (in_header) {
      if (absl::StartsWith(line, "#")) continue;
      in_header = false;
    }
    if (line.empty()) {
      out.append("\n");
    } else if (absl::StartsWith(absl::StripLeadingAsciiWhitespace(line), "#")) {
      absl::StrAppend(&out, line, "\n");
    } else {
      absl::StrAppend(&out, "# ", line, "\n");
    }
  }
  while (absl::EndsWith(out, "\n\n")) out.pop_back();
  return out;
}

int RunInit(const std::string& dir) {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"event.yaml", kEventYaml},
      {"config.yaml", CommentedDefaults()},
      {"attendees.yaml", kAttendeesYaml},
      {"employers.yaml", kEmployersYaml},
      {"attendees-mapping.yaml", kAttendeesMapping},
      {"employers-mapping.yaml", kEmployersMapping},
  };
  const std::filesystem::path root(dir);
  OutputRules rules;
  rules.option = "DIR";
  // All six files or none; an existing file is never replaced.
  if (absl::Status s = OutputTarget::WriteNewFiles(dir, files, rules);
      !s.ok()) {
    PrintStatus(s);
    std::cerr << "init: nothing was written\n";
    return ExitCodeFor(s);
  }
  std::cerr << "init: created " << dir
            << " with event.yaml, config.yaml, attendees.yaml, "
               "employers.yaml and two import mappings.\n"
               "Next: edit event.yaml, then see docs/import.md or run\n"
               "  fairmatch import attendees EXPORT.csv --mapping "
            << (root / "attendees-mapping.yaml").string() << " --out "
            << (root / "attendees.yaml").string() << "\n";
  return kExitOk;
}

}  // namespace

void AddInitCommand(CLI::App& app, int* exit_code) {
  auto dir = std::make_shared<std::string>();
  CLI::App* init = app.add_subcommand(
      "init",
      "Create a new fair folder with commented templates (never overwrites)");
  init->add_option("DIR", *dir, "Folder to create or fill")->required();
  init->callback([dir, exit_code] {
    const int code = RunInit(*dir);
    if (code != kExitOk) *exit_code = code;
  });
}

}  // namespace fairmatch
