// The libcurl SMTP transport (engine/send/smtp_transport.h): which URLs it
// takes, how a closed port is reported, and the server's answers mapped to
// outcomes against a real local server (tests/fixtures/smtp_server.h).
// Nothing connects anywhere but 127.0.0.1.
#include "engine/send/smtp_transport.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/send/mime.h"
#include "tests/fixtures/smtp_server.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

using testing::SmtpServer;
using testing::TempDir;

// A port on 127.0.0.1 that is bound but not listening, so a connection is
// refused; kept for the object's lifetime so nothing else takes it.
class ClosedPort {
 public:
  ClosedPort() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    port_ = ntohs(addr.sin_port);
  }
  ~ClosedPort() { ::close(fd_); }
  ClosedPort(const ClosedPort&) = delete;
  ClosedPort& operator=(const ClosedPort&) = delete;

  std::string url() const {
    return "smtp://127.0.0.1:" + std::to_string(port_);
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

std::string Message(const std::string& to) {
  MimeMessage m;
  m.from = *FormatAddress("Careers Service", "careers@uni.example");
  m.to = *FormatAddress("Ada Lovelace", to);
  m.subject = "Your day";
  m.message_id = "test.1@uni.example";
  m.date = "Fri, 14 Mar 2025 09:00:00 +0100";
  m.text = "Hello Ada.\n";
  return BuildMime(m);
}

SmtpOptions Local(const std::string& url) {
  SmtpOptions o;
  o.url = url;
  o.netrc = "/dev/null";  // never a credential of whoever runs the tests
  o.timeout_seconds = 20;
  return o;
}

TEST_CASE("smtp transport: only smtp:// and smtps:// with a host and a port",
          "[send]") {
  const std::vector<std::string> refused = {
      "",
      "mail.example.org:587",
      "http://mail.example.org:80",
      "smtp://mail.example.org",    // no port
      "smtp://:587",                // no host
      "smtp://mail.example.org:0",  // port out of range
      "smtp://mail.example.org:65536",
      "smtp://mail.example.org:smtp",  // not a number
      "smtp://user@mail.example.org:587",
      "smtp://mail.example.org/x:587",
      "smtp://mail.example.org:587/inbox",
  };
  for (const std::string& url : refused) {
    INFO(url);
    absl::StatusOr<std::unique_ptr<Transport>> t =
        MakeSmtpTransport(Local(url));
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK_THAT(std::string(t.status().message()),
               Catch::Contains("'" + url + "' is not a mail server") &&
                   Catch::Contains("smtp://HOST:PORT"));
  }
  // Made without connecting: these need no server.
  const std::vector<std::string> taken = {
      "smtp://127.0.0.1:2525",
      "smtp://localhost:587/",
      "smtps://mail.example.org:465",
      "smtp://[::1]:25",
  };
  for (const std::string& url : taken) {
    INFO(url);
    absl::StatusOr<std::unique_ptr<Transport>> t =
        MakeSmtpTransport(Local(url));
    REQUIRE(t.ok());
    CHECK(*t != nullptr);
  }
}

TEST_CASE("smtp transport: a refused connection is fatal, with a reason",
          "[send]") {
  ClosedPort port;
  absl::StatusOr<std::unique_ptr<Transport>> t =
      MakeSmtpTransport(Local(port.url()));
  REQUIRE(t.ok());
  const SendOutcome o = (*t)->Send("careers@uni.example", "a001@example.org",
                                   Message("a001@example.org"));
  CHECK(o.kind == SendOutcome::Kind::kFatal);
  CHECK(o.code == 0);  // no server, no reply code
  CHECK_FALSE(o.reply.empty());
}

TEST_CASE("smtp transport: the server's answers become outcomes", "[send]") {
  testing::ClearCredentials();
  TempDir dir;
  SmtpServer server(dir.path(), {"--refuse", "gone@example.org", "--tempfail",
                                 "busy@example.org:1"});
  REQUIRE(server.ready());
  absl::StatusOr<std::unique_ptr<Transport>> made =
      MakeSmtpTransport(Local(server.url()));
  REQUIRE(made.ok());
  Transport& t = **made;

  struct Case {
    const char* to;
    SendOutcome::Kind kind;
    int code;
  };
  // In order, on one connection: a refusal or a deferral does not spoil
  // the messages after it.
  const std::vector<Case> cases = {
      {"ada@example.org", SendOutcome::Kind::kAccepted, 250},
      {"gone@example.org", SendOutcome::Kind::kPermanent, 550},
      {"busy@example.org", SendOutcome::Kind::kTemporary, 451},
      {"busy@example.org", SendOutcome::Kind::kAccepted, 250},  // retried
      {"bob@example.org", SendOutcome::Kind::kAccepted, 250},
  };
  for (const Case& c : cases) {
    INFO(c.to);
    const SendOutcome o = t.Send("careers@uni.example", c.to, Message(c.to));
    CHECK(o.kind == c.kind);
    CHECK(o.code == c.code);
    if (c.kind != SendOutcome::Kind::kAccepted) CHECK_FALSE(o.reply.empty());
  }
  // The three accepted messages arrived.
  int saved = 0;
  for (const auto& entry : std::filesystem::directory_iterator(server.mail())) {
    saved += entry.path().extension() == ".eml";
  }
  CHECK(saved == 3);
}

}  // namespace
}  // namespace fairmatch
