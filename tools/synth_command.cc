// fairmatch synth OUT_DIR [--attendees N] [--employers N] [--slots N]
//                         [--seed N]
//
// Writes a seeded synthetic fair (engine/synth/generator.h) as a fair
// folder: event.yaml, attendees.yaml, employers.yaml, config.yaml.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/synth/generator.h"
#include "tools/cli.h"
#include "tools/commands.h"

namespace fairmatch {
namespace {

struct SynthArgs {
  std::string out_dir;
  SynthOptions options;
};

absl::Status WriteFile(const std::filesystem::path& path,
                       const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return absl::UnavailableError(
        absl::StrCat("cannot open ", path.string(), " for writing"));
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    return absl::UnavailableError(absl::StrCat("cannot write ", path.string()));
  }
  return absl::OkStatus();
}

absl::Status RunSynth(const SynthArgs& args) {
  absl::StatusOr<SynthFiles> files = GenerateFair(args.options);
  if (!files.ok()) return files.status();

  const std::filesystem::path dir(args.out_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("cannot create ", dir.string(), ": ", ec.message()));
  }
  const std::pair<const char*, const std::string*> outputs[] = {
      {"event.yaml", &files->event_yaml},
      {"attendees.yaml", &files->attendees_yaml},
      {"employers.yaml", &files->employers_yaml},
      {"config.yaml", &files->config_yaml},
  };
  for (const auto& [name, text] : outputs) {
    if (absl::Status s = WriteFile(dir / name, *text); !s.ok()) return s;
  }
  return absl::OkStatus();
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
  synth->callback([args, exit_code] {
    if (absl::Status status = RunSynth(*args); !status.ok()) {
      std::cerr << "synth: " << status.message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    std::cerr << "synth: wrote " << args->options.attendees << " attendees, "
              << args->options.employers << " employers, "
              << args->options.slots << " slots to " << args->out_dir << "\n";
  });
}

}  // namespace fairmatch
