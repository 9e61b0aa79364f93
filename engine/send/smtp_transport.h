// The real Transport: SMTP through libcurl, one connection kept open for
// every message of a run (curl reconnects when the server drops it).
//
//   SmtpOptions o;
//   o.url = "smtps://smtp.uni.example:465";
//   o.user = getenv("FAIRMATCH_SMTP_USER"); ...
//   absl::StatusOr<std::unique_ptr<Transport>> t = MakeSmtpTransport(o);
//
// TLS: smtps:// is TLS from the first byte (port 465); smtp:// upgrades
// with STARTTLS when the server offers it, and insists on it when a user
// name is set and the host is not this machine, so a password never
// crosses a network in the clear. Certificates are verified by the system's
// store. Only the smtp and smtps protocols are allowed, so no URL can make
// curl fetch anything else. Credentials are given to curl only, never
// put in a message or an error.
#ifndef FAIRMATCH_SEND_SMTP_TRANSPORT_H_
#define FAIRMATCH_SEND_SMTP_TRANSPORT_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "engine/send/transport.h"

namespace fairmatch {

struct SmtpOptions {
  std::string url;       // smtp://HOST:PORT or smtps://HOST:PORT
  std::string user;      // empty: none, or from netrc
  std::string password;  // used with `user`
  std::string netrc;     // a netrc file to read when `user` is empty ("":
                         // ~/.netrc when it exists)
  std::string ca_file;   // certificates to trust instead of the system's
                         // store (a university's own CA); "" for the store
  long timeout_seconds = 60;
};

// InvalidArgumentError for a URL that is not smtp:// or smtps:// with a
// host and a port; InternalError when curl cannot be set up.
absl::StatusOr<std::unique_ptr<Transport>> MakeSmtpTransport(
    const SmtpOptions& options);

}  // namespace fairmatch

#endif  // FAIRMATCH_SEND_SMTP_TRANSPORT_H_
