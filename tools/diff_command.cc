// fairmatch diff OLD.json NEW.json [--who WHO] [--format text|csv|json]
//     [--out FILE]
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/check/schedule_diff.h"
#include "engine/io/schedule_loader.h"
#include "engine/model/people.h"
#include "engine/render/diff_report.h"
#include "tools/cli.h"
#include "tools/commands.h"

namespace fairmatch {
namespace {

struct DiffArgs {
  std::string old_path;
  std::string new_path;
  std::string format = "text";
  std::string out = "-";
  std::string who;
  bool force = false;
};

// The person --who names (id, e-mail or name), among the people both
// schedules list; false after printing why not.
bool FindWho(const RecordedSchedule& old_s, const RecordedSchedule& new_s,
             const std::string& who, bool* attendee, std::string* id) {
  std::vector<Attendee> attendees;
  std::vector<Employer> employers;
  std::set<std::string> seen;
  // NEW's entry first: its newer name and e-mail win.
  auto add = [&](const std::vector<RecordedPerson>& from, const char* role,
                 auto* to) {
    for (const RecordedPerson& p : from) {
      if (!seen.insert(role + p.id).second) continue;
      to->emplace_back();
      to->back().id = p.id;
      to->back().name = p.name;
      to->back().email = p.email;
    }
  };
  for (const RecordedSchedule* s : {&new_s, &old_s}) {
    add(s->attendees, "a:", &attendees);
    add(s->employers, "e:", &employers);
  }
  const PeopleIndex people(attendees, employers);
  absl::StatusOr<PersonRef> ref = people.Find(who);
  if (!ref.ok()) {
    PrintStatus(absl::InvalidArgumentError(
        absl::StrCat("--who: error: ", ref.status().message())));
    return false;
  }
  *attendee = ref->role == Role::kAttendee;
  *id = *attendee ? attendees[ref->index].id : employers[ref->index].id;
  return true;
}

int RunDiffCommand(const DiffArgs& args) {
  int exit_code = kExitOk;
  std::unique_ptr<OutputTarget> out;
  if (!ClaimFileOrStdout(args.out,
                         {{"the OLD schedule", args.old_path},
                          {"the NEW schedule", args.new_path}},
                         args.force, &out, &exit_code)) {
    return exit_code;
  }
  absl::StatusOr<RecordedSchedule> old_s = LoadRecordedSchedule(args.old_path);
  absl::StatusOr<RecordedSchedule> new_s = LoadRecordedSchedule(args.new_path);
  // Both files' problems at once, like the fair loader.
  if (!old_s.ok()) PrintStatus(old_s.status());
  if (!new_s.ok()) PrintStatus(new_s.status());
  if (!old_s.ok()) return ExitCodeFor(old_s.status());
  if (!new_s.ok()) return ExitCodeFor(new_s.status());

  ScheduleDiff diff = DiffSchedules(*old_s, *new_s);
  if (!args.who.empty()) {
    bool attendee = true;
    std::string id;
    if (!FindWho(*old_s, *new_s, args.who, &attendee, &id))
      return kExitBadInput;
    diff = DiffFor(diff, *old_s, *new_s, attendee, id);
  }
  std::string text;
  if (args.format == "csv") {
    text = RenderDiffCsv(diff);
  } else if (args.format == "json") {
    text = RenderDiffJson(diff);
  } else {
    text = RenderDiffText(diff);
  }
  if (out == nullptr) {
    std::cout << text;
    std::cout.flush();
    return std::cout ? kExitOk : kExitViolations;
  }
  if (absl::Status s = out->WriteFile(text); !s.ok()) {
    PrintStatus(s);
    return ExitCodeFor(s);
  }
  return kExitOk;
}

}  // namespace

void AddDiffCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* cmd = app.add_subcommand(
      "diff",
      "Compare two schedule.json files: per attendee and per employer, the "
      "conversations added, moved and cancelled, and who to notify");
  cmd->add_option("OLD", args->old_path, "The earlier schedule.json")
      ->required();
  cmd->add_option("NEW", args->new_path, "The later schedule.json")->required();
  cmd->add_option("--format", args->format, "text (default), csv or json")
      ->check(CLI::IsMember({"text", "csv", "json"}));
  cmd->add_option("--out", args->out,
                  "Output file, replaced only if fairmatch wrote it "
                  "(default: - for standard output)");
  cmd->add_option("--who", args->who,
                  "Only this attendee's or employer's changes: an id, an "
                  "e-mail or a name (case and accents do not matter)");
  cmd->add_flag("--force", args->force,
                "Replace the --out file even if fairmatch did not write it");
  cmd->callback([args, exit_code] { *exit_code = RunDiffCommand(*args); });
}

}  // namespace fairmatch
