// `fairmatch send` through the binary against a real SMTP server: Python's
// aiosmtpd (tests/send/smtp_server.py) on 127.0.0.1, on a free port, saving
// each message it accepts. Messages are read back with Python's email
// module (tests/send/read_mail.py). Nothing connects anywhere but
// 127.0.0.1: every --smtp URL here is smtp://127.0.0.1:PORT.
#include <signal.h>
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_split.h"
#include "tests/fixtures/data_dirs.h"
#include "tests/fixtures/read_file.h"
#include "tests/fixtures/smtp_server.h"
#include "tests/fixtures/temp_dir.h"
#include "tests/tools/subprocess.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;
using testing::ChildProcess;
using testing::ClearCredentials;
using testing::kPython;
using testing::ProcessResult;
using testing::SmtpServer;
using testing::TempDir;

const std::string kReader =
    std::string(FAIRMATCH_SOURCE_DIR) + "/tests/send/read_mail.py";

struct Mail {
  std::string file, to, message_id, subject, attachments, defects;
};

// Every message in `folder`, parsed by Python's email module.
std::vector<Mail> ReadMail(const TempDir& scratch, const std::string& folder) {
  std::vector<Mail> out;
  if (!fs::exists(folder)) return out;
  ProcessResult r =
      testing::RunProcess({kPython, kReader, folder}, scratch.path());
  REQUIRE(r.exit_code == 0);
  for (absl::string_view line :
       absl::StrSplit(r.out, '\n', absl::SkipEmpty())) {
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    REQUIRE(f.size() == 6);
    out.push_back({f[0], f[1], f[2], f[3], f[4], f[5]});
  }
  return out;
}

// A planned fair of 30 attendees and 5 employers, each employer with a
// contact e-mail, planned into OUT/v1.
class PlannedFair {
 public:
  PlannedFair() {
    ClearCredentials();
    REQUIRE(Run({"synth", fair(), "--attendees", "30", "--employers", "5"})
                .exit_code == 0);
    std::string employers = testing::ReadFile(fair() + "/employers.yaml");
    employers = std::regex_replace(employers, std::regex("  - id: (e\\d+)\n"),
                                   "  - id: $1\n    email: $1@corp.example\n");
    dir_.Write("fair/employers.yaml", employers);
    // A hostile name (the loader already refuses control characters): it
    // must stay one display name, never a second recipient or a header.
    std::string attendees = testing::ReadFile(fair() + "/attendees.yaml");
    attendees = std::regex_replace(
        attendees, std::regex("name: \"Hoàng Thu Trang\""),
        "name: 'Mallory \"Bcc: all@evil.example\" <m@evil.example>, "
        "=?UTF-8?B?eA==?= x@evil.example'");
    dir_.Write("fair/attendees.yaml", attendees);
    ProcessResult plan = Run({"plan", fair(), "--out", out("v1"), "-q"});
    REQUIRE(plan.exit_code == 0);
  }
  ProcessResult Run(std::vector<std::string> args) const {
    return testing::RunFairmatch(dir_.path(), std::move(args));
  }
  ProcessResult Send(const std::string& out_dir, const std::string& url,
                     std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"send",
                                     out_dir,
                                     "--send",
                                     "--smtp",
                                     url,
                                     "--from",
                                     "careers@uni.example",
                                     "--rate",
                                     "0",
                                     "--backoff",
                                     "0.05"};
    args.insert(args.end(), extra.begin(), extra.end());
    return Run(args);
  }
  std::string fair() const { return dir_.File("fair"); }
  std::string out(const std::string& name) const { return dir_.File(name); }
  const TempDir& dir() const { return dir_; }

  // Every e-mail address a full send goes to: 30 attendees, 5 employers.
  std::set<std::string> Everyone() const {
    std::set<std::string> all;
    const std::string a = testing::ReadFile(fair() + "/attendees.yaml");
    std::regex email("email: (\\S+@\\S+)");
    for (std::sregex_iterator it(a.begin(), a.end(), email), end; it != end;
         ++it) {
      all.insert((*it)[1]);
    }
    for (int e = 1; e <= 5; ++e) {
      all.insert("e00" + std::to_string(e) + "@corp.example");
    }
    return all;
  }

 private:
  TempDir dir_;
};

// Recipient -> distinct Message-IDs, and recipient -> distinct contents
// (subject and attachments).
std::map<std::string, std::set<std::string>> IdsByRecipient(
    const std::vector<Mail>& mail) {
  std::map<std::string, std::set<std::string>> ids;
  for (const Mail& m : mail) ids[m.to].insert(m.message_id);
  return ids;
}

TEST_CASE(
    "send delivers one message per person with their sheet and "
    "calendar, and a second run sends nothing",
    "[send][tools]") {
  PlannedFair f;
  SmtpServer server(f.dir().path());
  REQUIRE(server.ready());
  ProcessResult r = f.Send(f.out("v1"), server.url());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("sent 35 messages") != std::string::npos);
  const std::vector<Mail> mail = ReadMail(f.dir(), server.mail());
  CHECK(mail.size() == 35);
  std::set<std::string> to;
  for (const Mail& m : mail) {
    INFO(m.file << " " << m.to << " " << m.attachments);
    CHECK(m.defects.empty());
    CHECK(to.insert(m.to).second);  // nobody twice
    CHECK(m.attachments.find(".pdf:application/pdf:") != std::string::npos);
    const bool employer = m.to.find("@corp.example") != std::string::npos;
    if (employer) {
      CHECK(m.subject.rfind("Your tables at ", 0) == 0);
    } else if (m.subject.rfind("Your conversations at ", 0) == 0) {
      // An attendee with conversations gets their calendar too.
      CHECK(m.attachments.find(".ics:text/calendar:") != std::string::npos);
    } else {
      CHECK(m.subject.rfind("Your day at ", 0) == 0);
    }
  }
  CHECK(to == f.Everyone());
  CHECK(to.count("m@evil.example") == 0);
  CHECK(to.count("x@evil.example") == 0);
  CHECK(to.count("all@evil.example") == 0);

  // Everything is in the journal: running again sends nothing.
  ProcessResult again = f.Send(f.out("v1"), server.url());
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("sent 0 messages") != std::string::npos);
  CHECK(again.out.find("already sent by an earlier run: 35") !=
        std::string::npos);
  CHECK(ReadMail(f.dir(), server.mail()).size() == 35);
}

TEST_CASE(
    "send reports refused recipients, retries temporary failures, and "
    "a later run sends only the missing ones",
    "[send][tools]") {
  PlannedFair f;
  const std::string refused = "thu-trang.hoang.a0002@example.edu";
  const std::string flaky = "ayse.aydin.a0003@example.edu";
  {
    SmtpServer server(f.dir().path(),
                      {"--refuse", refused, "--tempfail", flaky + ":2"});
    REQUIRE(server.ready());
    ProcessResult r = f.Send(f.out("v1"), server.url());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(refused) != std::string::npos);
    CHECK(r.err.find("550") != std::string::npos);
    CHECK(r.out.find("retried after temporary failures: 2") !=
          std::string::npos);
    const auto ids = IdsByRecipient(ReadMail(f.dir(), server.mail()));
    CHECK(ids.size() == 34);
    CHECK(ids.count(refused) == 0);
    CHECK(ids.at(flaky).size() == 1);
  }
  fs::remove_all(f.dir().File("mail"));
  // The mailbox exists now: only that one message goes.
  SmtpServer server(f.dir().path());
  REQUIRE(server.ready());
  ProcessResult r = f.Send(f.out("v1"), server.url());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  const std::vector<Mail> mail = ReadMail(f.dir(), server.mail());
  REQUIRE(mail.size() == 1);
  CHECK(mail[0].to == refused);
}

TEST_CASE(
    "send killed at random moments and run again: everyone gets their "
    "message, nobody two different ones",
    "[send][tools][hardening]") {
  PlannedFair f;
  // Slow acceptance, so that kills land between handover and answer too.
  SmtpServer server(f.dir().path(), {"--delay-ms", "150"});
  REQUIRE(server.ready());
  const unsigned seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  // Past the start-up (loading the fair, rendering 35 sheets: under a
  // second) and into the sending, which takes over 5 s in all.
  std::uniform_int_distribution<int> delay_ms(700, 2000);
  int killed = 0;
  for (int i = 0; i < 5; ++i) {
    const int delay = delay_ms(rng);
    INFO("kill " << i << " after " << delay << " ms");
    ChildProcess child(
        {FAIRMATCH_BINARY, "send", f.out("v1"), "--send", "--smtp",
         server.url(), "--from", "careers@uni.example", "--rate", "0"},
        f.dir().File("kill.out"), f.dir().File("kill.err"));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    child.Kill(SIGKILL);
    ProcessResult r = child.Wait(std::chrono::seconds(30));
    killed += r.signal == SIGKILL;
  }
  CHECK(killed >= 3);
  ProcessResult r = f.Send(f.out("v1"), server.url());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  const std::vector<Mail> mail = ReadMail(f.dir(), server.mail());
  const auto ids = IdsByRecipient(mail);
  std::set<std::string> to;
  for (const auto& [addr, set] : ids) {
    INFO(addr);
    to.insert(addr);
    // A message whose fate was unknown may arrive twice, always with the
    // same Message-ID: one message for the reader.
    CHECK(set.size() == 1);
  }
  CHECK(to == f.Everyone());
  // And nothing else: each copy beyond one per person is a resend.
  std::set<std::string> distinct;
  for (const Mail& m : mail) distinct.insert(m.message_id);
  CHECK(distinct.size() == 35);
}

TEST_CASE(
    "after a rerun, send writes only to the people whose day changed, "
    "what changed first",
    "[send][tools]") {
  PlannedFair f;
  SmtpServer server(f.dir().path());
  REQUIRE(server.ready());
  REQUIRE(f.Send(f.out("v1"), server.url()).exit_code == 0);
  const size_t before = ReadMail(f.dir(), server.mail()).size();
  f.dir().Write("fair/changes.yaml", "withdraw:\n  - {who: e002}\n");
  ProcessResult plan =
      f.Run({"plan", f.fair(), "--baseline", f.out("v1") + "/schedule.json",
             "--out", f.out("v2"), "-q"});
  REQUIRE(plan.exit_code == 0);
  // Whom notify.csv names (the withdrawn employer is not written to).
  std::set<std::string> notify;
  const std::string csv = testing::ReadFile(f.out("v2") + "/notify.csv");
  for (absl::string_view line :
       absl::StrSplit(csv, "\r\n", absl::SkipEmpty())) {
    std::vector<std::string> cells = absl::StrSplit(line, ',');
    if (cells.size() > 3 && cells[0] != "role" && cells[1] != "e002") {
      notify.insert(cells[3]);
    }
  }
  REQUIRE(!notify.empty());
  // A journal of another plan is refused.
  fs::copy_file(f.out("v1") + "/send-journal.tsv",
                f.out("v2") + "/send-journal.tsv");
  ProcessResult wrong = f.Send(f.out("v2"), server.url());
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err.find("another plan") != std::string::npos);
  fs::remove(f.out("v2") + "/send-journal.tsv");

  ProcessResult r = f.Send(f.out("v2"), server.url());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  std::vector<Mail> mail = ReadMail(f.dir(), server.mail());
  mail.erase(mail.begin(), mail.begin() + before);  // v1's, in file order
  std::set<std::string> to;
  for (const Mail& m : mail) {
    to.insert(m.to);
    CHECK(m.subject.rfind("Update: ", 0) == 0);
    CHECK(m.defects.empty());
  }
  CHECK(to == notify);
  CHECK(to.size() < f.Everyone().size());
}

TEST_CASE(
    "the demo fair's dry run: one .eml per attendee, read back with "
    "its sheet and its calendar",
    "[send][tools]") {
  ClearCredentials();
  TempDir dir;
  fs::copy(testing::kDemoFair, dir.File("demo"), fs::copy_options::recursive);
  REQUIRE(testing::RunFairmatch(dir.path(), {"plan", dir.File("demo"), "--out",
                                             dir.File("out"), "-q"})
              .exit_code == 0);
  ProcessResult r = testing::RunFairmatch(
      dir.path(), {"send", dir.File("out"), "--from", "careers@uni.example"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const std::vector<Mail> mail = ReadMail(dir, dir.File("out") + "/outbox");
  REQUIRE(mail.size() == 300);  // the demo's employers have no e-mail
  std::set<std::string> to;
  int with_calendar = 0;
  const std::regex id_in_address("\\.(a\\d{4})@");
  for (const Mail& m : mail) {
    INFO(m.file << " " << m.attachments);
    CHECK(m.defects.empty());
    to.insert(m.to);
    CHECK(m.attachments.find(".pdf:application/pdf:") != std::string::npos);
    std::smatch id;
    REQUIRE(std::regex_search(m.to, id, id_in_address));
    // A calendar is attached exactly when the plan wrote one for them.
    const bool has_ics =
        fs::exists(dir.File("out") + "/calendar/" + id[1].str() + ".ics");
    CHECK((m.attachments.find(".ics:text/calendar:") != std::string::npos) ==
          has_ics);
    with_calendar += has_ics;
  }
  CHECK(to.size() == 300);
  CHECK(with_calendar > 250);
}

TEST_CASE("the dry run writes one readable .eml per person and sends nothing",
          "[send][tools]") {
  PlannedFair f;
  ProcessResult r =
      f.Run({"send", f.out("v1"), "--from", "careers@uni.example"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("dry run: wrote 35 messages") != std::string::npos);
  const std::vector<Mail> mail = ReadMail(f.dir(), f.out("v1") + "/outbox");
  CHECK(mail.size() == 35);
  std::set<std::string> to;
  for (const Mail& m : mail) {
    CHECK(m.defects.empty());
    to.insert(m.to);
  }
  CHECK(to == f.Everyone());
  CHECK(!fs::exists(f.out("v1") + "/send-journal.tsv"));
}

TEST_CASE(
    "send logs in over STARTTLS with the password from the "
    "environment, and never shows it",
    "[send][tools]") {
  PlannedFair f;
  const std::string cert = f.dir().File("cert.pem");
  const std::string key = f.dir().File("key.pem");
  ProcessResult made = testing::RunProcess(
      {"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
       "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
       "-addext", "subjectAltName=IP:127.0.0.1"},
      f.dir().path());
  REQUIRE(made.exit_code == 0);
  const std::string password = "s3cret-app-password";
  SmtpServer server(f.dir().path(),
                    {"--tls-cert", cert, "--tls-key", key, "--user", "careers",
                     "--password", password});
  REQUIRE(server.ready());
  ::setenv("FAIRMATCH_SMTP_USER", "careers", 1);
  auto no_secret = [&](const ProcessResult& r) {
    CHECK(r.out.find(password) == std::string::npos);
    CHECK(r.err.find(password) == std::string::npos);
  };

  // A certificate the system does not trust: nothing goes, at once.
  ::setenv("FAIRMATCH_SMTP_PASSWORD", password.c_str(), 1);
  ProcessResult untrusted = f.Send(f.out("v1"), server.url());
  CHECK(untrusted.exit_code == 1);
  CHECK(untrusted.err.find("certificate") != std::string::npos);
  no_secret(untrusted);

  // No login where the server requires one: the run stops at the first
  // letter instead of trying every one. (A wrong password is not tried
  // here: aiosmtpd then stops answering, and each try waits for curl's
  // timeout; real servers answer 535, which stops the run the same way.)
  ::setenv("FAIRMATCH_SMTP_CA", cert.c_str(), 1);
  ::unsetenv("FAIRMATCH_SMTP_USER");
  ::unsetenv("FAIRMATCH_SMTP_PASSWORD");
  ProcessResult anonymous = f.Send(f.out("v1"), server.url());
  CHECK(anonymous.exit_code == 1);
  CHECK(anonymous.err.find("sending stopped") != std::string::npos);
  CHECK(anonymous.err.find("530") != std::string::npos);
  CHECK(ReadMail(f.dir(), server.mail()).empty());
  ::setenv("FAIRMATCH_SMTP_USER", "careers", 1);

  ::setenv("FAIRMATCH_SMTP_PASSWORD", password.c_str(), 1);
  ProcessResult r = f.Send(f.out("v1"), server.url());
  ClearCredentials();
  ::unsetenv("FAIRMATCH_SMTP_CA");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  no_secret(r);
  CHECK(ReadMail(f.dir(), server.mail()).size() == 35);
  CHECK(testing::ReadFile(f.dir().File("auth.log")).find("careers ok") !=
        std::string::npos);
  CHECK(testing::ReadFile(f.out("v1") + "/send-journal.tsv").find(password) ==
        std::string::npos);
}

TEST_CASE("send refuses bad addresses and a missing server as bad input",
          "[send][tools]") {
  PlannedFair f;
  CHECK(f.Run({"send", f.out("v1"), "--from", "a@x.org, b@y.org"}).exit_code ==
        2);
  CHECK(f.Run({"send", f.out("v1"), "--from", "a@x.org", "--send"}).exit_code ==
        2);
  CHECK(f.Run({"send", f.out("v1"), "--from", "a@x.org", "--send", "--smtp",
               "http://127.0.0.1:1"})
            .exit_code == 2);
  CHECK(
      f.Run({"send", f.dir().File("nowhere"), "--from", "a@x.org"}).exit_code ==
      2);
}

}  // namespace
}  // namespace fairmatch
