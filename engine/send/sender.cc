#include "engine/send/sender.h"

#include <chrono>
#include <ctime>
#include <thread>

#include "absl/strings/str_cat.h"

namespace fairmatch {
namespace {

double SteadyNow() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void SleepFor(double seconds) {
  if (seconds > 0) {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  }
}

// The reply code is worth naming only when it is the server's refusal (a
// TLS failure after the greeting still reports the greeting's 220).
std::string Describe(const SendOutcome& o) {
  if (o.code >= 400) {
    return absl::StrCat("the server answered ", o.code, ": ", o.reply);
  }
  return o.reply;
}

// The address inside "Name <address>", or the whole text.
std::string EnvelopeRecipient(const std::string& to_header) {
  const std::size_t open = to_header.rfind('<');
  const std::string to =
      to_header.substr(open == std::string::npos ? 0 : open + 1);
  return !to.empty() && to.back() == '>' ? to.substr(0, to.size() - 1) : to;
}

// Files a letter's final outcome (after `retries` retries) in *report and
// the journal; `fail` records the letter as failed with a reason.
template <typename Fail>
void Settle(const SendOutcome& outcome, bool resend, int retries,
            const JournalEntry& entry, Journal* journal, SendReport* report,
            Fail fail) {
  switch (outcome.kind) {
    case SendOutcome::Kind::kAccepted:
      if (journal != nullptr) {
        if (absl::Status s = journal->RecordAccepted(entry); !s.ok()) {
          report->stopped = std::string(s.message());
        }
      }
      ++(resend ? report->resent : report->sent);
      break;
    case SendOutcome::Kind::kPermanent:
      if (journal != nullptr) {
        (void)journal->RecordRefused(entry, Describe(outcome));
      }
      fail(absl::StrCat("refused: ", Describe(outcome)));
      break;
    case SendOutcome::Kind::kTemporary:
      fail(absl::StrCat("still failing after ", retries + 1, " tries: ",
                        Describe(outcome), "; run send again later"));
      // No answer at all, try after try: the connection itself is
      // failing, and every later letter would wait through the same
      // retries.
      if (outcome.code < 400) {
        report->stopped = absl::StrCat(
            "the connection to the server keeps failing (", outcome.reply, ")");
      }
      break;
    case SendOutcome::Kind::kFatal:
      report->stopped = Describe(outcome);
      fail(absl::StrCat("not sent: ", report->stopped));
      break;
  }
}

}  // namespace

SendReport SendLetters(std::vector<Letter>& letters, int revision,
                       const std::string& from_email, Journal* journal,
                       Transport* transport, const SendOptions& options) {
  auto now = options.now ? options.now : SteadyNow;
  auto sleep = options.sleep ? options.sleep : SleepFor;
  auto wall = options.wall_clock ? options.wall_clock : [] {
    return static_cast<long long>(std::time(nullptr));
  };
  const double gap = options.per_minute > 0 ? 60.0 / options.per_minute : 0;
  double last_start = -1e18;
  SendReport report;
  const int total = static_cast<int>(letters.size());
  for (int i = 0; i < total; ++i) {
    Letter& letter = letters[i];
    auto fail = [&](const std::string& why) {
      report.failed.push_back({letter.person, letter.name, letter.email, why});
    };
    if (!report.stopped.empty()) {
      fail(absl::StrCat("not sent: ", report.stopped));
      continue;
    }
    if (!letter.problem.empty()) {
      fail(letter.problem);
      if (options.on_progress) options.on_progress(i + 1, total);
      continue;
    }
    JournalEntry entry;
    entry.person = letter.person;
    entry.recipient = letter.email;
    entry.content_sha256 = LetterHash(letter);
    entry.message_id =
        LetterMessageId(letter, entry.content_sha256, revision, from_email);
    std::string recorded_id;
    bool resend = false;
    if (journal != nullptr) {
      switch (journal->Decide(entry, &recorded_id)) {
        case Journal::Verdict::kDone:
          ++report.already_sent;
          if (journal->Last(letter.person).content_sha256 !=
              entry.content_sha256) {
            ++report.changed_after_sending;
          }
          if (options.on_progress) options.on_progress(i + 1, total);
          continue;
        case Journal::Verdict::kConflict:
          fail(
              "an earlier run handed a different message for them to the "
              "server and its fate is unknown; not sending a second, "
              "different one (restore the templates of that run, or check "
              "with them)");
          continue;
        case Journal::Verdict::kResend:
          resend = true;
          entry.message_id = recorded_id;
          break;
        case Journal::Verdict::kSend:
          break;
      }
    }
    letter.message.message_id = entry.message_id;
    letter.message.date = FormatMailDate(wall());
    const std::string bytes = BuildMime(letter.message);
    const std::string envelope_to = EnvelopeRecipient(letter.message.to);

    SendOutcome outcome;
    for (int attempt = 0;; ++attempt) {
      const double wait = last_start + gap - now();
      if (wait > 0) sleep(wait);
      last_start = now();
      if (journal != nullptr) {
        if (absl::Status s = journal->RecordHandover(entry); !s.ok()) {
          report.stopped = std::string(s.message());
          fail(absl::StrCat("not sent: ", report.stopped));
          break;
        }
      }
      outcome = transport->Send(from_email, envelope_to, bytes);
      if (outcome.kind != SendOutcome::Kind::kTemporary ||
          attempt >= options.retries) {
        break;
      }
      ++report.retried;
      sleep(options.backoff_seconds * static_cast<double>(1 << attempt));
    }
    if (!report.stopped.empty()) continue;
    Settle(outcome, resend, options.retries, entry, journal, &report, fail);
    if (options.on_progress) options.on_progress(i + 1, total);
  }
  return report;
}

}  // namespace fairmatch
