// The send journal's resume rules (engine/send/journal.h).
#include "engine/send/journal.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

using testing::TempDir;

const JournalPlan kPlan = {"abc123", 0};

JournalEntry Entry(const std::string& person, const std::string& hash) {
  return {person, person + "@example.org", "id." + hash + "@uni.example", hash};
}

TEST_CASE("journal: new, accepted, unknown fate and refused messages",
          "[send]") {
  TempDir dir;
  const std::string path = dir.File("send-journal.tsv");
  {
    absl::StatusOr<Journal> j = Journal::Open(path, kPlan);
    REQUIRE(j.ok());
    std::string id;
    CHECK(j->Decide(Entry("a", "h1"), &id) == Journal::Verdict::kSend);
    REQUIRE(j->RecordHandover(Entry("a", "h1")).ok());
    REQUIRE(j->RecordAccepted(Entry("a", "h1")).ok());
    REQUIRE(j->RecordHandover(Entry("b", "h2")).ok());  // then killed
    REQUIRE(j->RecordHandover(Entry("c", "h3")).ok());
    REQUIRE(j->RecordRefused(Entry("c", "h3"), "550 no such mailbox").ok());
  }
  absl::StatusOr<Journal> j = Journal::Open(path, kPlan);
  REQUIRE(j.ok());
  std::string id;
  CHECK(j->Decide(Entry("a", "h1"), &id) == Journal::Verdict::kDone);
  // Accepted: never sent again, even if the message would read differently.
  CHECK(j->Decide(Entry("a", "other"), &id) == Journal::Verdict::kDone);
  // Unknown fate: sent again with the recorded Message-ID...
  CHECK(j->Decide(Entry("b", "h2"), &id) == Journal::Verdict::kResend);
  CHECK(id == "id.h2@uni.example");
  // ... but never a different message in its place.
  CHECK(j->Decide(Entry("b", "changed"), &id) == Journal::Verdict::kConflict);
  // Refused: tried again.
  CHECK(j->Decide(Entry("c", "h3"), &id) == Journal::Verdict::kSend);
  CHECK(j->Decide(Entry("d", "h4"), &id) == Journal::Verdict::kSend);
}

TEST_CASE("journal: a record cut short by a kill is ignored", "[send]") {
  TempDir dir;
  const std::string path = dir.File("send-journal.tsv");
  {
    absl::StatusOr<Journal> j = Journal::Open(path, kPlan);
    REQUIRE(j.ok());
    REQUIRE(j->RecordHandover(Entry("a", "h1")).ok());
  }
  {
    std::ofstream out(path, std::ios::app | std::ios::binary);
    out << "accepted\ta\ta@exam";  // no newline: the kill came mid-write
  }
  {
    absl::StatusOr<Journal> j = Journal::Open(path, kPlan);
    REQUIRE(j.ok());
    std::string id;
    CHECK(j->Decide(Entry("a", "h1"), &id) == Journal::Verdict::kResend);
    REQUIRE(j->RecordAccepted(Entry("a", "h1")).ok());
  }
  absl::StatusOr<Journal> j = Journal::Open(path, kPlan);
  REQUIRE(j.ok());
  std::string id;
  CHECK(j->Decide(Entry("a", "h1"), &id) == Journal::Verdict::kDone);
}

TEST_CASE("journal: another plan's journal, or not a journal, is refused",
          "[send]") {
  TempDir dir;
  const std::string path = dir.File("send-journal.tsv");
  REQUIRE(Journal::Open(path, kPlan).ok());
  absl::StatusOr<Journal> other = Journal::Open(path, {"abc123", 1});
  CHECK(absl::IsFailedPrecondition(other.status()));
  CHECK(other.status().message().find("another plan") != std::string::npos);
  CHECK(
      absl::IsFailedPrecondition(Journal::Open(path, {"def456", 0}).status()));
  const std::string junk = dir.Write("junk.tsv", "hello\n");
  CHECK(absl::IsFailedPrecondition(Journal::Open(junk, kPlan).status()));
}

}  // namespace
}  // namespace fairmatch
