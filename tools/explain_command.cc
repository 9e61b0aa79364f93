// fairmatch explain FAIR_DIR --attendee WHO [--employer WHO]
//     [--schedule FILE|OUT_DIR]
//     [--config F]... [--set K=V]...
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "engine/check/check.h"
#include "engine/check/explain.h"
#include "engine/io/schedule_loader.h"
#include "engine/model/people.h"
#include "engine/pipeline.h"
#include "tools/cli.h"
#include "tools/commands.h"

namespace fairmatch {
namespace {

struct ExplainArgs {
  std::string fair_dir;
  std::string attendee;
  std::string employer;
  std::string schedule;
  LoadOptions load;
};

// Finds the people the options name (by id, e-mail or name), so that one
// who is not found is reported under the option that named them:
// "--attendee: error: no attendee 'a11' ...".
absl::Status FindNamed(const Fair& fair, const ExplainArgs& args) {
  const PeopleIndex people(fair.attendees, fair.employers);
  const std::tuple<const std::string*, Role, const char*> named[] = {
      {&args.attendee, Role::kAttendee, "--attendee"},
      {&args.employer, Role::kEmployer, "--employer"}};
  for (const auto& [query, role, option] : named) {
    if (query->empty() && role == Role::kEmployer) continue;
    absl::StatusOr<PersonRef> ref = people.Find(*query, role);
    if (!ref.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(option, ": error: ", ref.status().message()));
    }
  }
  return absl::OkStatus();
}

// Explains and prints; the exit code.
int PrintExplanation(const Fair& fair, const Compatibility& compat,
                     const Schedule& schedule, const ExplainArgs& args) {
  absl::StatusOr<Explanation> x =
      Explain(fair, compat, schedule, args.attendee, args.employer);
  if (!x.ok()) {
    PrintStatus(x.status());
    return ExitCodeFor(x.status());
  }
  std::cout << RenderExplanation(fair, *x);
  std::cout.flush();
  return std::cout ? kExitOk : kExitViolations;
}

int RunExplainCommand(const ExplainArgs& args) {
  int exit_code = kExitOk;
  std::unique_ptr<Fair> fair =
      LoadFairOrPrint(args.fair_dir, args.load, &exit_code);
  if (fair == nullptr) return exit_code;
  // A typo is reported before a plan is loaded or made (planning a large
  // fair takes a while).
  if (absl::Status named = FindNamed(*fair, args); !named.ok()) {
    PrintStatus(named);
    return ExitCodeFor(named);
  }
  const Compatibility compat = Compatibility::Build(*fair);

  if (!args.schedule.empty()) {
    // A published plan: its schedule.json, or the output folder holding it.
    std::string path = args.schedule;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      path = (std::filesystem::path(path) / "schedule.json").string();
    }
    absl::StatusOr<Schedule> schedule = LoadPublishedSchedule(path, fair.get());
    if (!schedule.ok()) {
      PrintStatus(schedule.status());
      return ExitCodeFor(schedule.status());
    }
    const Compatibility published_compat = Compatibility::Build(*fair);
    const size_t violations =
        CheckSchedule(*fair, published_compat, *schedule).size();
    if (violations > 0) {
      std::cerr << path << ": note: the schedule breaks " << violations
                << " hard constraint" << (violations == 1 ? "" : "s")
                << "; `fairmatch check` lists them\n";
    }
    return PrintExplanation(*fair, published_compat, *schedule, args);
  }

  // Planning is deterministic: this is the plan `fairmatch plan` publishes
  // for the same inputs, but not a rerun's; say so.
  std::cerr << "note: no --schedule given, so this plans the fair afresh; "
               "it may differ from the plan you published (a rerun, changes "
               "since): give --schedule OUT_DIR to explain that plan\n";
  PipelineOptions options;
  options.load = args.load;
  absl::StatusOr<PlanRun> run = RunPlan(args.fair_dir, options);
  if (!run.ok()) {
    PrintStatus(run.status());
    return ExitCodeFor(run.status());
  }
  return PrintExplanation(*run->fair, *run->compat, run->schedule, args);
}

}  // namespace

void AddExplainCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand(
      "explain",
      "Explain an attendee's conversations, and why they do not meet a "
      "given employer: score and components, eligibility, windows, "
      "capacity taken by whom");
  cmd->add_option("FAIR_DIR", args->fair_dir, "The fair folder")->required();
  cmd->add_option("--attendee", args->attendee,
                  "The attendee: an id, an e-mail or a name (case and accents "
                  "do not matter)")
      ->required();
  cmd->add_option("--employer", args->employer,
                  "An employer (id, e-mail or name): why the attendee does "
                  "(not) meet it");
  cmd->add_option("--schedule", args->schedule,
                  "The published plan to explain: its schedule.json or its "
                  "output folder (without it, the fair is planned afresh)");
  AddConfigOptions(cmd, &args->load);
  cmd->callback([args, exit_code] { *exit_code = RunExplainCommand(*args); });
}

}  // namespace fairmatch
