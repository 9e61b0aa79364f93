// fairmatch synth OUT_DIR [--attendees N] [--employers N] [--slots N]
//                         [--seed N] [--requirements SCALE] [--wishes SHARE]
//                         [--free-text N]
//
// Writes a seeded synthetic fair (engine/synth/generator.h) as a fair
// folder: event.yaml, attendees.yaml, employers.yaml, config.yaml.
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/io/output_policy.h"
#include "engine/synth/generator.h"
#include "tools/cli.h"
#include "tools/commands.h"

namespace fairmatch {
namespace {

struct SynthArgs {
  std::string out_dir;
  SynthOptions options;
};

// The fair folder is an output like any other: written as a whole, and
// only over a missing, empty or earlier synth folder.
absl::Status RunSynth(const SynthArgs& args) {
  OutputRules rules;
  rules.option = "OUT_DIR";
  absl::StatusOr<std::unique_ptr<OutputTarget>> out =
      OutputTarget::ClaimFolder(args.out_dir, rules);
  if (!out.ok()) return out.status();
  absl::StatusOr<SynthFiles> files = GenerateFair(args.options);
  if (!files.ok()) return files.status();
  return (*out)->WriteFolder({
      {"event.yaml", std::move(files->event_yaml)},
      {"attendees.yaml", std::move(files->attendees_yaml)},
      {"employers.yaml", std::move(files->employers_yaml)},
      {"config.yaml", std::move(files->config_yaml)},
  });
}

}  // namespace

void AddSynthCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<SynthArgs>();
  CLI::App* synth = app.add_subcommand(
      "synth", "Write a seeded synthetic fair to OUT_DIR (docs/synth.md)");
  synth->add_option("OUT_DIR", args->out_dir, "Folder to write (created)")
      ->required();
  synth
      ->add_option("--attendees", args->options.attendees,
                   "Number of attendees")
      ->capture_default_str();
  synth
      ->add_option("--employers", args->options.employers,
                   "Number of employers")
      ->capture_default_str();
  synth
      ->add_option("--slots", args->options.slots,
                   "15-minute conversation slots (plus one break)")
      ->capture_default_str();
  synth
      ->add_option("--seed", args->options.seed,
                   "Seed; equal seeds give identical files")
      ->capture_default_str();
  synth
      ->add_option("--requirements", args->options.requirements,
                   "Employers' requirements and the attendee fields they "
                   "read: 0 none, 1 the shares of docs/synth.md (25% of "
                   "employers restrict the programme, ...), up to 4")
      ->capture_default_str();
  synth
      ->add_option("--wishes", args->options.wishes,
                   "Share of attendees with a ranked wants list (0 none, up "
                   "to 1); also scales employers' wants and must_meet")
      ->capture_default_str();
  synth
      ->add_option("--free-text", args->options.free_text,
                   "Offers and seeks of its own words per attendee, which "
                   "nobody else writes (a form's free-text answers; 0 none, "
                   "up to 20)")
      ->capture_default_str();
  synth
      ->add_option("--flat", args->options.flat,
                   "Flat, tied scores as in real survey data: the share of "
                   "employers rating every value alike, and of attendees "
                   "(times 0.6) leaving the values at the middle (0 none, up "
                   "to 1)")
      ->capture_default_str();
  synth->callback([args, exit_code] {
    if (absl::Status status = RunSynth(*args); !status.ok()) {
      PrintStatus(status);
      *exit_code = ExitCodeFor(status);
      return;
    }
    std::cerr << "synth: wrote " << args->options.attendees << " attendees, "
              << args->options.employers << " employers, "
              << args->options.slots << " slots to " << args->out_dir << "\n";
  });
}

}  // namespace fairmatch
