// The sending loop with a fake transport: retries, refusals, a fatal
// failure, and the journal consulted and written (engine/send/sender.h).
#include "engine/send/sender.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

using testing::TempDir;

// Answers each recipient from a script: the outcomes to give in turn, then
// accepted.
class FakeTransport : public Transport {
 public:
  std::map<std::string, std::vector<SendOutcome::Kind>> script;
  std::vector<std::pair<std::string, std::string>> sent;  // to, message

  SendOutcome Send(const std::string&, const std::string& to,
                   const std::string& message) override {
    sent.emplace_back(to, message);
    SendOutcome o;
    auto& left = script[to];
    if (!left.empty()) {
      o.kind = left.front();
      o.code = o.kind == SendOutcome::Kind::kTemporary ? 451 : 550;
      left.erase(left.begin());
    }
    return o;
  }
};

std::vector<Letter> Letters() {
  std::vector<Letter> out;
  for (const char* id : {"a1", "a2", "a3"}) {
    Letter l;
    l.person = std::string("attendee:") + id;
    l.name = id;
    l.email = std::string(id) + "@example.org";
    l.message.from = "careers@uni.example";
    l.message.to = "<" + l.email + ">";
    l.message.to = *FormatAddress(id, l.email);
    l.message.subject = "Your day";
    l.message.text = std::string("Hello ") + id;
    out.push_back(l);
  }
  return out;
}

SendOptions Fast() {
  SendOptions o;
  o.per_minute = 0;
  o.retries = 2;
  o.sleep = [](double) {};
  return o;
}

TEST_CASE("sender: retries 4xx, reports 5xx and goes on with the others",
          "[send]") {
  TempDir dir;
  absl::StatusOr<Journal> j = Journal::Open(dir.File("j.tsv"), {"h", 0});
  REQUIRE(j.ok());
  FakeTransport t;
  t.script["a1@example.org"] = {SendOutcome::Kind::kTemporary,
                                SendOutcome::Kind::kTemporary};
  t.script["a2@example.org"] = {SendOutcome::Kind::kPermanent};
  std::vector<Letter> letters = Letters();
  SendReport r =
      SendLetters(letters, 0, "careers@uni.example", &*j, &t, Fast());
  CHECK(r.sent == 2);
  CHECK(r.retried == 2);
  REQUIRE(r.failed.size() == 1);
  CHECK(r.failed[0].person == "attendee:a2");
  CHECK(t.sent.size() == 5);
  // The three tries of a1 carry one Message-ID.
  auto id = [](const std::string& m) {
    return m.substr(
        m.find("Message-ID:"),
        m.find("\r\n", m.find("Message-ID:")) - m.find("Message-ID:"));
  };
  CHECK(id(t.sent[0].second) == id(t.sent[2].second));

  // Again: only the refused one goes.
  FakeTransport t2;
  std::vector<Letter> again = Letters();
  SendReport r2 =
      SendLetters(again, 0, "careers@uni.example", &*j, &t2, Fast());
  CHECK(r2.sent == 1);
  CHECK(r2.already_sent == 2);
  REQUIRE(t2.sent.size() == 1);
  CHECK(t2.sent[0].first == "a2@example.org");
}

TEST_CASE("sender: a fatal failure stops the run and leaves the rest missing",
          "[send]") {
  TempDir dir;
  absl::StatusOr<Journal> j = Journal::Open(dir.File("j.tsv"), {"h", 0});
  REQUIRE(j.ok());
  FakeTransport t;
  t.script["a2@example.org"] = {SendOutcome::Kind::kFatal};
  std::vector<Letter> letters = Letters();
  SendReport r =
      SendLetters(letters, 0, "careers@uni.example", &*j, &t, Fast());
  CHECK(r.sent == 1);
  CHECK(!r.stopped.empty());
  CHECK(r.failed.size() == 2);
  CHECK(t.sent.size() == 2);  // a3 was never tried
  // The next run sends a2 again (its fate is unknown) and a3.
  FakeTransport t2;
  std::vector<Letter> again = Letters();
  SendReport r2 =
      SendLetters(again, 0, "careers@uni.example", &*j, &t2, Fast());
  CHECK(r2.resent == 1);
  CHECK(r2.sent == 1);
  CHECK(r2.already_sent == 1);
}

TEST_CASE("sender: the rate limit spaces the messages", "[send]") {
  FakeTransport t;
  std::vector<Letter> letters = Letters();
  double clock = 0;
  double slept = 0;
  SendOptions o;
  o.per_minute = 30;  // one every 2 s
  o.now = [&] { return clock; };
  o.sleep = [&](double s) {
    slept += s;
    clock += s;
  };
  SendReport r = SendLetters(letters, 0, "careers@uni.example", nullptr, &t, o);
  CHECK(r.sent == 3);
  CHECK(slept == Approx(4.0));
}

}  // namespace
}  // namespace fairmatch
