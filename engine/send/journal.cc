#include "engine/send/journal.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace fairmatch {
namespace {

constexpr char kMagic[] = "fairmatch-send-journal";

// Tabs and line breaks cannot be in a field (they would split the record);
// the fields fairmatch writes never hold them, but a hostile e-mail might.
std::string Field(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace

absl::StatusOr<Journal> Journal::Open(const std::string& path,
                                      const JournalPlan& plan) {
  Journal j;
  j.path_ = path;
  std::string text;
  absl::StatusOr<std::unique_ptr<AppendOnlyFile>> file =
      AppendOnlyFile::Open(path, &text);
  if (!file.ok()) return file.status();
  j.file_ = *std::move(file);
  const std::string header = absl::StrCat(kMagic, "\t1\t", plan.inputs_sha256,
                                          "\t", plan.revision, "\n");
  // AppendOnlyFile gives complete lines only: a kill may have cut the last
  // one short, and its record never counted.
  const std::string& whole = text;
  if (!whole.empty()) {
    std::vector<std::string> lines =
        absl::StrSplit(whole, '\n', absl::SkipEmpty());
    std::vector<std::string> head = absl::StrSplit(lines[0], '\t');
    if (head.size() != 4 || head[0] != kMagic) {
      return absl::FailedPreconditionError(absl::StrCat(
          path,
          " is not a fairmatch send journal; move it away to start a "
          "new one"));
    }
    int revision = -1;
    if (head[2] != plan.inputs_sha256 ||
        !absl::SimpleAtoi(head[3], &revision) || revision != plan.revision) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, " records the sending of another plan (revision ", head[3],
          ", inputs ", head[2].substr(0, 12),
          "…) than this folder's "
          "schedule.json (revision ",
          plan.revision, ", inputs ", plan.inputs_sha256.substr(0, 12),
          "…); a journal belongs to the "
          "plan it sent: send each plan from its own output folder"));
    }
    for (size_t i = 1; i < lines.size(); ++i) {
      std::vector<std::string> f = absl::StrSplit(lines[i], '\t');
      if (f.size() < 5) continue;
      State state = f[0] == "handover"   ? State::kHandover
                    : f[0] == "accepted" ? State::kAccepted
                    : f[0] == "refused"  ? State::kRefused
                                         : State::kNone;
      if (state == State::kNone) continue;
      j.last_[f[1]] = {state, JournalEntry{f[1], f[2], f[3], f[4]}};
    }
  }
  if (whole.empty()) {
    if (absl::Status st = j.file_->Append(header); !st.ok()) return st;
  }
  return j;
}

Journal::State Journal::StateOf(const std::string& person) const {
  auto it = last_.find(person);
  return it == last_.end() ? State::kNone : it->second.first;
}

JournalEntry Journal::Last(const std::string& person) const {
  auto it = last_.find(person);
  return it == last_.end() ? JournalEntry{} : it->second.second;
}

Journal::Verdict Journal::Decide(const JournalEntry& entry,
                                 std::string* message_id) const {
  auto it = last_.find(entry.person);
  if (it == last_.end()) return Verdict::kSend;
  const auto& [state, last] = it->second;
  if (message_id != nullptr) *message_id = last.message_id;
  const bool same = last.content_sha256 == entry.content_sha256 &&
                    last.recipient == entry.recipient;
  switch (state) {
    case State::kAccepted:
      return Verdict::kDone;
    case State::kHandover:
      return same ? Verdict::kResend : Verdict::kConflict;
    case State::kRefused:
    case State::kNone:
      if (message_id != nullptr && !same) *message_id = "";
      return Verdict::kSend;
  }
  return Verdict::kSend;
}

absl::Status Journal::Append(const std::string& kind, const JournalEntry& e,
                             const std::string& extra) {
  std::vector<std::string> fields = {kind, Field(e.person), Field(e.recipient),
                                     Field(e.message_id),
                                     Field(e.content_sha256)};
  if (!extra.empty()) fields.push_back(Field(extra));
  return file_->Append(absl::StrCat(absl::StrJoin(fields, "\t"), "\n"));
}

absl::Status Journal::RecordHandover(const JournalEntry& entry) {
  if (absl::Status s = Append("handover", entry, ""); !s.ok()) return s;
  last_[entry.person] = {State::kHandover, entry};
  return absl::OkStatus();
}

absl::Status Journal::RecordAccepted(const JournalEntry& entry) {
  if (absl::Status s = Append("accepted", entry, ""); !s.ok()) return s;
  last_[entry.person] = {State::kAccepted, entry};
  return absl::OkStatus();
}

absl::Status Journal::RecordRefused(const JournalEntry& entry,
                                    const std::string& reply) {
  if (absl::Status s = Append("refused", entry, reply); !s.ok()) return s;
  last_[entry.person] = {State::kRefused, entry};
  return absl::OkStatus();
}

}  // namespace fairmatch
