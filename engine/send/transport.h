// How a built message leaves: the seam between `fairmatch send` and the
// mail server, so tests can put a fake in its place (smtp_transport.h is
// the real one).
#ifndef FAIRMATCH_SEND_TRANSPORT_H_
#define FAIRMATCH_SEND_TRANSPORT_H_

#include <string>

namespace fairmatch {

// What the server said to one message.
struct SendOutcome {
  enum class Kind {
    kAccepted,   // 2xx after DATA: the server has it
    kTemporary,  // 4xx, or the connection failed: worth retrying later
    kPermanent,  // 5xx (a refused recipient, a message too large, ...)
    kFatal,      // no message can go: server unreachable, login refused,
                 // TLS failed; the run stops
  };
  Kind kind = Kind::kAccepted;
  int code = 0;       // the SMTP reply code, 0 when there was none
  std::string reply;  // a short description for the report
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Hands `message` (CRLF lines, not dot-stuffed) to the server, from the
  // envelope sender `from` to the one envelope recipient `to`.
  virtual SendOutcome Send(const std::string& from, const std::string& to,
                           const std::string& message) = 0;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_SEND_TRANSPORT_H_
