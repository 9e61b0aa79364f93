// fairmatch send OUT_DIR [--send] --smtp smtp://HOST:PORT|smtps://HOST:PORT
//                --from ADDRESS [--to-one ADDRESS] [--templates DIR]
//                [--rate PER_MINUTE] [--retries N] [--backoff SECONDS]
//
// Sends each person of a published plan their day (docs/send.md). Without
// --send it writes every message into OUT_DIR/outbox/ as an .eml file and
// sends nothing.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "engine/io/schedule_loader.h"
#include "engine/pipeline.h"
#include "engine/send/journal.h"
#include "engine/send/outbox.h"
#include "engine/send/sender.h"
#include "engine/send/smtp_transport.h"
#include "nlohmann/json.hpp"
#include "tools/cli.h"
#include "tools/commands.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;

constexpr char kJournalFile[] = "send-journal.tsv";

struct SendArgs {
  std::string out_dir;
  bool send = false;
  std::string smtp;
  std::string from;
  std::string from_name;
  std::string to_one;
  std::string templates;
  double rate = 60;
  int retries = 3;
  double backoff = 2;
  int threads = 0;
  bool quiet = false;
};

bool ReadText(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

int Fail(const absl::Status& status) {
  PrintStatus(status);
  return ExitCodeFor(status);
}

absl::Status BadInput(const std::string& text) {
  return absl::InvalidArgumentError(text);
}

// What .fairmatch-plan says about the run that made the folder.
struct PlanInputs {
  std::string fair;
  LoadOptions load;
  std::string baseline;
};

absl::StatusOr<PlanInputs> ReadPlanInputs(const std::string& out_dir) {
  const std::string path = (fs::path(out_dir) / kPlanInputsFile).string();
  std::string text;
  if (!ReadText(path, &text)) {
    return BadInput(absl::StrCat(
        "error: ", out_dir, " has no ", kPlanInputsFile,
        ": it is not the output folder of a `fairmatch plan` of this "
        "version (plan again with --out ",
        out_dir, ")"));
  }
  PlanInputs inputs;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::pair<std::string, std::string> kv =
        absl::StrSplit(line, absl::MaxSplits('\t', 1));
    if (kv.first == "fair") inputs.fair = kv.second;
    if (kv.first == "config") inputs.load.config_files.push_back(kv.second);
    if (kv.first == "set") inputs.load.sets.push_back(kv.second);
    if (kv.first == "changes") inputs.load.changes_files.push_back(kv.second);
    if (kv.first == "baseline") inputs.baseline = kv.second;
  }
  if (inputs.fair.empty()) {
    return BadInput(absl::StrCat("error: ", path, " names no fair folder"));
  }
  return inputs;
}

void PrintFailures(const std::vector<SendFailure>& failed) {
  if (failed.empty()) return;
  std::cerr << "not sent to " << failed.size() << " "
            << (failed.size() == 1 ? "person" : "people") << ":\n";
  for (const SendFailure& f : failed) {
    std::cerr << "  " << f.person << " " << f.name
              << (f.email.empty() ? "" : absl::StrCat(" <", f.email, ">"))
              << ": " << f.why << "\n";
  }
}

int RunSendCommand(const SendArgs& args) {
  // Arguments first: nothing is loaded or written for a usage error.
  if (args.send && args.smtp.empty()) {
    return Fail(BadInput(
        "error: --send needs --smtp smtp://HOST:PORT or smtps://HOST:PORT"));
  }
  if (!IsSafeHeaderEmail(args.from)) {
    return Fail(BadInput(absl::StrCat("--from: error: '", args.from,
                                      "' is not one e-mail address")));
  }
  if (!args.to_one.empty() && !IsSafeHeaderEmail(args.to_one)) {
    return Fail(BadInput(absl::StrCat("--to-one: error: '", args.to_one,
                                      "' is not one e-mail address")));
  }
  if (args.rate < 0 || args.retries < 0 || args.backoff < 0) {
    return Fail(
        BadInput("error: --rate, --retries and --backoff cannot be negative"));
  }
  const fs::path out_dir(args.out_dir);
  const std::string schedule_path = (out_dir / "schedule.json").string();
  std::string schedule_text;
  if (!ReadText(schedule_path, &schedule_text)) {
    return Fail(BadInput(
        absl::StrCat("error: ", schedule_path,
                     " cannot be read: send needs a plan's output folder with "
                     "schedule.json (fairmatch plan FAIR --out ",
                     args.out_dir, ")")));
  }
  JournalPlan plan;
  try {
    const nlohmann::json j = nlohmann::json::parse(schedule_text);
    plan.inputs_sha256 = j.at("fairmatch").value("inputs_sha256", "");
    plan.revision = j.at("fairmatch").value("revision", 0);
  } catch (const std::exception&) {
    return Fail(BadInput(
        absl::StrCat("error: ", schedule_path, " is not a schedule.json")));
  }
  absl::StatusOr<PlanInputs> inputs = ReadPlanInputs(args.out_dir);
  if (!inputs.ok()) return Fail(inputs.status());
  // The dry run's outbox/ is an output folder of its own, claimed before
  // any work under the output policy: replaced as a whole, and only if it
  // is fairmatch's (an earlier dry run) or new.
  std::unique_ptr<OutputTarget> outbox;
  if (!args.send) {
    int exit_code = kExitOk;
    outbox =
        ClaimOutputOrPrint(OutputKind::kFolder, (out_dir / "outbox").string(),
                           OutputRules{}, &exit_code);
    if (outbox == nullptr) return exit_code;
  }

  // The templates, before the fair: a typo in one fails in a second.
  OutboxOptions options;
  if (!args.templates.empty()) {
    for (TemplateKind kind :
         {TemplateKind::kAttendee, TemplateKind::kAttendeeNoConversation,
          TemplateKind::kEmployer}) {
      const std::string path =
          (fs::path(args.templates) / TemplateFileName(kind)).string();
      std::string text;
      if (!ReadText(path, &text)) continue;  // the built-in one
      absl::StatusOr<MessageTemplate> t = ParseTemplate(text, path);
      if (!t.ok()) return Fail(t.status());
      options.templates[static_cast<int>(kind)] = *std::move(t);
    }
  }

  // The fair as it was planned: same inputs, same hash, else refuse.
  absl::StatusOr<std::unique_ptr<Fair>> fair =
      LoadFairForTool(inputs->fair, inputs->load);
  if (!fair.ok()) return Fail(fair.status());
  if ((*fair)->inputs_sha256 != plan.inputs_sha256) {
    return Fail(BadInput(absl::StrCat(
        "error: the fair ", inputs->fair,
        " has changed since this plan was made (its inputs no longer hash "
        "to the inputs_sha256 of ",
        schedule_path, "): send what you publish: plan again (with --baseline ",
        schedule_path, " for a rerun) and send that folder")));
  }
  absl::StatusOr<Schedule> schedule =
      LoadPublishedSchedule(schedule_path, fair->get());
  if (!schedule.ok()) return Fail(schedule.status());
  const Compatibility compat = Compatibility::Build(**fair);

  std::unique_ptr<ScheduleDiff> changes;
  if (!inputs->baseline.empty()) {
    absl::StatusOr<RecordedSchedule> baseline =
        LoadRecordedSchedule(inputs->baseline);
    if (!baseline.ok()) {
      return Fail(BadInput(absl::StrCat(
          "error: this plan is a rerun of ", inputs->baseline,
          ", which cannot be read any more (", baseline.status().message(),
          "): send needs it to tell whose day changed")));
    }
    changes = std::make_unique<ScheduleDiff>(
        DiffSchedules(*baseline, RecordSchedule(**fair, *schedule)));
    options.changes = changes.get();
  }
  for (const Attendee& a : (*fair)->attendees) {
    std::string ics;
    if (ReadText((out_dir / "calendar" / (a.id + ".ics")).string(), &ics)) {
      options.calendars[a.id] = std::move(ics);
    }
  }
  absl::StatusOr<std::string> from = FormatAddress(args.from_name, args.from);
  if (!from.ok()) return Fail(BadInput(std::string(from.status().message())));
  options.from = *from;
  options.to_one = args.to_one;
  options.threads =
      args.threads > 0
          ? args.threads
          : static_cast<int>(std::max(
                1u, std::min(2u, std::thread::hardware_concurrency())));
  absl::StatusOr<std::vector<Letter>> letters =
      BuildOutbox(**fair, compat, *schedule, options);
  if (!letters.ok()) return Fail(letters.status());

  int attendees = 0, employers = 0, unsendable = 0;
  for (const Letter& l : *letters) {
    if (!l.problem.empty()) {
      ++unsendable;
    } else if (l.kind == TemplateKind::kEmployer) {
      ++employers;
    } else {
      ++attendees;
    }
  }
  const std::string who = changes != nullptr ? " whose day changed" : "";

  if (!args.send) {
    // The dry run: every message into outbox/, replacing an earlier dry run.
    const long long now = static_cast<long long>(std::time(nullptr));
    std::vector<std::pair<std::string, std::string>> files;
    for (Letter& l : *letters) {
      if (!l.problem.empty()) continue;
      const std::string hash = LetterHash(l);
      l.message.message_id = LetterMessageId(l, hash, plan.revision, args.from);
      l.message.date = FormatMailDate(now);
      files.emplace_back(l.file_stem + ".eml", BuildMime(l.message));
    }
    if (absl::Status s = outbox->WriteFolder(files); !s.ok()) return Fail(s);
    std::cout << absl::StrFormat(
        "dry run: wrote %d messages to %s/ (%d attendees, %d employer "
        "contacts%s); nothing was sent\n",
        attendees + employers, (out_dir / "outbox").string(), attendees,
        employers, who);
    std::vector<SendFailure> failed;
    for (const Letter& l : *letters) {
      if (!l.problem.empty()) {
        failed.push_back({l.person, l.name, l.email, l.problem});
      }
    }
    PrintFailures(failed);
    std::cout << "to send them: fairmatch send " << args.out_dir
              << " --send --smtp smtp://HOST:PORT --from " << args.from << "\n";
    return kExitOk;
  }

  SmtpOptions smtp;
  smtp.url = args.smtp;
  if (const char* user = std::getenv("FAIRMATCH_SMTP_USER")) smtp.user = user;
  if (const char* pw = std::getenv("FAIRMATCH_SMTP_PASSWORD")) {
    smtp.password = pw;
  }
  if (const char* netrc = std::getenv("FAIRMATCH_NETRC")) smtp.netrc = netrc;
  if (const char* ca = std::getenv("FAIRMATCH_SMTP_CA")) smtp.ca_file = ca;
  absl::StatusOr<std::unique_ptr<Transport>> transport =
      MakeSmtpTransport(smtp);
  if (!transport.ok()) return Fail(transport.status());

  // --to-one is a test: it neither reads nor writes the journal, so the
  // real sending later still goes to everyone.
  std::optional<Journal> journal;
  if (args.to_one.empty()) {
    absl::StatusOr<Journal> j =
        Journal::Open((out_dir / kJournalFile).string(), plan);
    if (!j.ok()) {
      // Another plan's journal is bad input, not an I/O failure.
      if (absl::IsFailedPrecondition(j.status())) {
        return Fail(BadInput(absl::StrCat("error: ", j.status().message())));
      }
      return Fail(j.status());
    }
    journal.emplace(*std::move(j));
  }
  SendOptions send_options;
  send_options.per_minute = args.rate;
  send_options.retries = args.retries;
  send_options.backoff_seconds = args.backoff;
  const bool tty = ::isatty(STDERR_FILENO) && !args.quiet;
  if (tty) {
    send_options.on_progress = [](int done, int total) {
      std::cerr << "fairmatch: sent " << done << " of " << total << "\r"
                << std::flush;
    };
  }
  const auto start = std::chrono::steady_clock::now();
  SendReport report = SendLetters(*letters, plan.revision, args.from,
                                  journal ? &*journal : nullptr,
                                  transport->get(), send_options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (tty) std::cerr << "\33[2K";
  const int now_sent = report.sent + report.resent;
  std::cout << absl::StrFormat(
      "sent %d messages%s in %.1f s (%.1f per second)", now_sent,
      args.to_one.empty() ? who : absl::StrCat(" to ", args.to_one), seconds,
      seconds > 0 ? now_sent / seconds : 0.0);
  if (report.resent > 0) {
    std::cout << absl::StrFormat(
        ", %d of them again with the same Message-ID (an earlier run was "
        "stopped before the server's answer)",
        report.resent);
  }
  std::cout << "\n";
  if (report.already_sent > 0) {
    std::cout << absl::StrFormat("already sent by an earlier run: %d\n",
                                 report.already_sent);
  }
  if (report.changed_after_sending > 0) {
    std::cout << absl::StrFormat(
        "note: %d of those would read differently now (templates or sender "
        "changed); they are not sent a second message\n",
        report.changed_after_sending);
  }
  if (report.retried > 0) {
    std::cout << absl::StrFormat("retried after temporary failures: %d\n",
                                 report.retried);
  }
  PrintFailures(report.failed);
  if (!report.stopped.empty()) {
    std::cerr << "fairmatch: error: sending stopped: " << report.stopped
              << "\n";
  }
  if (!report.failed.empty()) {
    std::cerr << "run the same command again to send only what is missing\n";
    return kExitViolations;
  }
  return kExitOk;
}

}  // namespace

void AddSendCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<SendArgs>();
  CLI::App* cmd = app.add_subcommand(
      "send",
      "E-mail every person of a plan their day (sheet and calendar "
      "attached); without --send, write the messages to OUT_DIR/outbox/");
  cmd->add_option("OUT_DIR", args->out_dir,
                  "A plan's output folder (fairmatch plan FAIR --out OUT_DIR)")
      ->required();
  cmd->add_flag("--send", args->send,
                "Really send (default: a dry run into OUT_DIR/outbox/)");
  cmd->add_option("--smtp", args->smtp,
                  "The mail server: smtp://HOST:PORT (STARTTLS) or "
                  "smtps://HOST:PORT (TLS)");
  cmd->add_option("--from", args->from, "The sender's address")->required();
  cmd->add_option("--from-name", args->from_name,
                  "The sender's name, e.g. \"Careers Service\"");
  cmd->add_option("--to-one", args->to_one,
                  "Send every message to this address instead (a test; the "
                  "journal is left alone)");
  cmd->add_option("--templates", args->templates,
                  "A folder with attendee.txt, attendee-none.txt and/or "
                  "employer.txt (docs/send.md)");
  cmd->add_option("--rate", args->rate,
                  "Messages per minute at most (0: no limit; default 60)");
  cmd->add_option("--retries", args->retries,
                  "Tries again after a temporary failure (4xx), default 3");
  cmd->add_option("--backoff", args->backoff,
                  "Seconds before the first retry, doubled each time "
                  "(default 2)");
  cmd->add_option("--threads", args->threads,
                  "Threads rendering the PDF sheets (default: up to 2)");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress line");
  cmd->callback([args, exit_code] { *exit_code = RunSendCommand(*args); });
}

}  // namespace fairmatch
