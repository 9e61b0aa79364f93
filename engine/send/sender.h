// The sending loop: each letter through the journal and the transport, with
// a rate limit, retries with backoff for temporary failures, and a report
// per person at the end.
//
//   SendReport r = SendLetters(letters, plan_revision, from, &journal,
//                              transport.get(), options);
//
// For each letter, in order: a letter with a `problem` is reported and
// skipped; the journal decides (journal.h) whether it is done, new, or to
// be sent again with its recorded Message-ID; the handover is recorded
// (fsync) before the message goes, the answer after. A temporary failure
// (4xx, a broken connection) is retried up to `retries` times, waiting
// backoff, 2 x backoff, 4 x backoff...; a permanent one (5xx) is recorded as
// refused and the next letter goes; a fatal one (the server unreachable,
// the login refused), or a connection that fails every try without an SMTP
// answer, stops the run, since no letter could go. Nothing here prints.
#ifndef FAIRMATCH_SEND_SENDER_H_
#define FAIRMATCH_SEND_SENDER_H_

#include <functional>
#include <string>
#include <vector>

#include "engine/send/journal.h"
#include "engine/send/outbox.h"
#include "engine/send/transport.h"

namespace fairmatch {

struct SendOptions {
  double per_minute = 60;        // rate limit; 0 or less: none
  int retries = 3;               // per letter, for temporary failures
  double backoff_seconds = 2.0;  // the first wait; doubled each time
  // The clock and the wait, replaceable in tests. Seconds.
  std::function<double()> now;
  std::function<void(double)> sleep;
  // Unix seconds for the Date header.
  std::function<long long()> wall_clock;
  // Called after each letter (for progress on a terminal).
  std::function<void(int done, int total)> on_progress;
};

struct SendFailure {
  std::string person;  // the letter's person key
  std::string name;
  std::string email;
  std::string why;
};

struct SendReport {
  int sent = 0;          // accepted now (first time)
  int resent = 0;        // accepted now, after an unknown fate (same ID)
  int already_sent = 0;  // accepted in an earlier run
  int changed_after_sending = 0;    // of those, content differs now
  int retried = 0;                  // temporary failures that were retried
  std::vector<SendFailure> failed;  // refused, unsendable or not reached
  std::string stopped;              // why the run stopped early ("" if not)
};

SendReport SendLetters(std::vector<Letter>& letters, int revision,
                       const std::string& from_email, Journal* journal,
                       Transport* transport, const SendOptions& options);

}  // namespace fairmatch

#endif  // FAIRMATCH_SEND_SENDER_H_
