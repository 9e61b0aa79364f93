// The send journal: what `fairmatch send` has handed to the mail server and
// what the server accepted, so that every person gets the message of the
// published plan exactly once, as far as SMTP allows.
//
//   absl::StatusOr<Journal> j = Journal::Open(dir + "/send-journal.tsv", plan);
//   Journal::Verdict v = j->Decide(letter);   // kSend, kResend, kDone, ...
//   j->RecordHandover(letter);                // fsync'ed before DATA
//   ... transport accepts ...
//   j->RecordAccepted(letter);                // fsync'ed
//
// The file is append-only text, one record a line, tab-separated:
//
//   fairmatch-send-journal	1	<inputs_sha256>	<revision>
//   handover	<person>	<recipient>	<message-id>	<content sha256>
//   accepted	<person>	<recipient>	<message-id>	<content sha256>
//   refused	<person>	<recipient>	<message-id>	<content sha256>
//   <reply>
//
// The first line says which plan it belongs to (schedule.json's
// inputs_sha256 and revision); Open refuses a journal of another plan.
// A line that a kill cut short (no final newline) is ignored: its record
// was never complete, so the message it announced was never handed over.
//
// Resume rules for a person (their last complete record):
//   none        -> kSend: never handed over;
//   accepted    -> kDone: the server took it; never sent again;
//   handover    -> kResend: its fate is unknown (the process died between
//                  handing it over and recording the answer): sent again
//                  with the same Message-ID, which mail clients show once;
//   refused     -> kSend: the server refused it (5xx), try again.
// A message whose content differs from the one recorded for that person:
//   after "accepted" -> kDone too (nobody gets two different messages for
//                  one plan revision), counted as changed_after_sending;
//   after "handover" -> kConflict: it may have arrived, so a different one
//                  must not follow; the caller reports it.
#ifndef FAIRMATCH_SEND_JOURNAL_H_
#define FAIRMATCH_SEND_JOURNAL_H_

#include <map>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/io/output_policy.h"

namespace fairmatch {

// Which plan a journal belongs to.
struct JournalPlan {
  std::string inputs_sha256;
  int revision = 0;
};

// What the journal knows of one message.
struct JournalEntry {
  std::string person;     // "attendee:a0001", "employer:e001"
  std::string recipient;  // the address it goes to
  std::string message_id;
  std::string content_sha256;
};

class Journal {
 public:
  enum class Verdict { kSend, kResend, kDone, kConflict };
  enum class State { kNone, kHandover, kAccepted, kRefused };

  // Opens (creating when missing) the journal at `path` for `plan`, held
  // by this process only (io/output_policy.h, AppendOnlyFile).
  // FailedPreconditionError when it holds another plan's records or is not
  // a journal; UnavailableError when another run holds it or for I/O
  // failures; InvalidArgumentError for a path that is not a writable file.
  static absl::StatusOr<Journal> Open(const std::string& path,
                                      const JournalPlan& plan);

  Journal(Journal&& other) noexcept = default;
  Journal& operator=(Journal&& other) noexcept = default;

  // The rule above for `entry`. When the journal holds a Message-ID for
  // this person, *message_id is set to it (a resend reuses it).
  Verdict Decide(const JournalEntry& entry, std::string* message_id) const;
  State StateOf(const std::string& person) const;
  // The record of `person` as last written ("" fields when none).
  JournalEntry Last(const std::string& person) const;

  // Appends a record and flushes it to disk (fsync) before returning.
  absl::Status RecordHandover(const JournalEntry& entry);
  absl::Status RecordAccepted(const JournalEntry& entry);
  absl::Status RecordRefused(const JournalEntry& entry,
                             const std::string& reply);

  const std::string& path() const { return path_; }

 private:
  Journal() = default;
  absl::Status Append(const std::string& kind, const JournalEntry& entry,
                      const std::string& extra);

  std::string path_;
  std::unique_ptr<AppendOnlyFile> file_;
  std::map<std::string, std::pair<State, JournalEntry>> last_;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_SEND_JOURNAL_H_
