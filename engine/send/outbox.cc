#include "engine/send/outbox.h"

#include <atomic>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/base/civil_time.h"
#include "engine/check/shortfall.h"
#include "engine/io/sha256.h"
#include "engine/render/diff_report.h"
#include "engine/render/meeting_index.h"
#include "engine/render/people.h"
#include "engine/score/talking_points.h"

namespace fairmatch {
namespace {

// A file name stem from an id: the validated id alphabet, anything else
// replaced, so no id can leave outbox/.
std::string Stem(const std::string& role, const std::string& id) {
  std::string out = role + "-";
  for (char c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    out += ok ? c : '_';
  }
  return out;
}

std::string SlotTime(const Fair& fair, int s) {
  return absl::StrCat(FormatClock(fair.slots[s].start), "\u2013",
                      FormatClock(fair.slots[s].end));
}

std::string Where(const Employer& e, int table) {
  std::vector<std::string> parts;
  if (!e.booth.empty()) parts.push_back(absl::StrCat("booth ", e.booth));
  parts.push_back(absl::StrCat("table ", table));
  return absl::StrJoin(parts, ", ");
}

PersonDay BaseDay(const Fair& fair, const std::string& name) {
  PersonDay day;
  day.name = name;
  day.event = fair.event.name;
  day.date = fair.event.date;
  day.venue = fair.event.venue;
  return day;
}

// The changes of person `id` in `list` (sorted by id), as rows.
std::vector<DayRow> ChangeRows(const std::vector<PersonChanges>& list,
                               const std::string& id, bool for_employer) {
  std::vector<DayRow> rows;
  for (const PersonChanges& p : list) {
    if (p.person.id != id) continue;
    for (const MeetingChange& c : p.changes) {
      rows.push_back({"", DescribeChange(c, for_employer), "", ""});
    }
  }
  return rows;
}

// What the letters need of each person before their PDF is rendered.
struct Pending {
  Letter letter;
  bool attendee = true;
  int index = 0;
  PersonDay day;
};

// A letter to one person, before its day is filled in.
Pending NewPending(const Fair& fair, bool attendee, int index,
                   const std::string& role, const std::string& id,
                   const std::string& name, const std::string& email) {
  Pending p;
  p.attendee = attendee;
  p.index = index;
  p.letter.person = absl::StrCat(role, ":", id);
  p.letter.name = name;
  p.letter.email = email;
  p.letter.file_stem = Stem(role, id);
  p.day = BaseDay(fair, name);
  return p;
}

// What the letters are built from, shared by both sides.
struct OutboxInputs {
  const Fair& fair;
  const Compatibility& compat;
  const Schedule& schedule;
  const OutboxOptions& options;
  const PeopleView& people;
  const MeetingIndex& index;
  const ChangedPeople& changed;
};

// The letter to attendee `a`: its conversations with whom and the talking
// points, or the open booths when it has none, and its changes.
Pending AttendeeLetter(const OutboxInputs& in, int a) {
  const Fair& fair = in.fair;
  const Attendee& at = fair.attendees[a];
  Pending p = NewPending(fair, true, a, "attendee", at.id, at.name, at.email);
  for (int i : in.index.OfAttendee(a)) {
    const Meeting* m = &in.schedule.meetings[i];
    std::vector<std::string> others;
    for (int b : m->attendees) {
      if (b != a) others.push_back(in.people.AttendeeName(b));
    }
    std::string detail =
        others.empty()
            ? "One-to-one."
            : absl::StrCat("With ", absl::StrJoin(others, ", "), ".");
    const std::string points =
        FormatTalkingPoints(MakeTalkingPoints(fair, a, m->employer));
    if (!points.empty()) absl::StrAppend(&detail, " ", points);
    p.day.conversations.push_back(
        {SlotTime(fair, m->slot), in.people.EmployerName(m->employer),
         Where(fair.employers[m->employer], m->table), detail});
  }
  if (in.index.OfAttendee(a).empty()) {
    p.letter.kind = TemplateKind::kAttendeeNoConversation;
    for (int e : OpenBooths(fair, in.compat, a)) {
      const Employer& em = fair.employers[e];
      p.day.open_booths.push_back(
          {"", in.people.EmployerName(e),
           em.booth.empty() ? "" : absl::StrCat("booth ", em.booth), ""});
    }
  } else {
    p.letter.kind = TemplateKind::kAttendee;
  }
  if (in.options.changes != nullptr) {
    p.day.changes = ChangeRows(in.options.changes->attendees, at.id, false);
  }
  return p;
}

// The letter to employer `e`: its roster, with programmes, and its changes.
Pending EmployerLetter(const OutboxInputs& in, int e) {
  const Fair& fair = in.fair;
  const Employer& em = fair.employers[e];
  Pending p = NewPending(fair, false, e, "employer", em.id, em.name, em.email);
  p.letter.kind = TemplateKind::kEmployer;
  for (int i : in.index.OfEmployer(e)) {
    const Meeting* m = &in.schedule.meetings[i];
    std::vector<std::string> names;
    for (int b : m->attendees) {
      const std::string& program = fair.attendees[b].program;
      names.push_back(
          program.empty()
              ? in.people.AttendeeName(b)
              : absl::StrCat(in.people.AttendeeNameBesideProgramme(b), " (",
                             program, ")"));
    }
    p.day.conversations.push_back({SlotTime(fair, m->slot),
                                   absl::StrJoin(names, ", "),
                                   absl::StrCat("table ", m->table), ""});
  }
  if (in.options.changes != nullptr) {
    p.day.changes = ChangeRows(in.options.changes->employers, em.id, true);
  }
  return p;
}

// Addresses first: a letter that cannot go needs no PDF. Sets each
// letter's recipient, sender and text, or its problem.
void AddressLetters(const OutboxOptions& options,
                    std::vector<Pending>& pending) {
  for (Pending& p : pending) {
    const std::string to =
        options.to_one.empty() ? p.letter.email : options.to_one;
    if (p.letter.email.empty()) {
      p.letter.problem = "has no e-mail address";
      continue;
    }
    absl::StatusOr<std::string> address = FormatAddress(p.letter.name, to);
    if (!address.ok()) {
      p.letter.problem = std::string(address.status().message());
      continue;
    }
    p.letter.message.to = *address;
    p.letter.message.from = options.from;
    const MessageTemplate& t =
        options.templates[static_cast<int>(p.letter.kind)];
    RenderedText text = RenderMessage(t, p.day);
    p.letter.message.subject = std::move(text.subject);
    p.letter.message.text = std::move(text.text);
    p.letter.message.html = std::move(text.html);
  }
}

// Attaches each sendable letter's one-person sheet (and an attendee's
// calendar), rendered on options.threads threads.
absl::Status AttachSheets(const OutboxInputs& in,
                          std::vector<Pending>& pending) {
  const Fair& fair = in.fair;
  const Paper paper = PaperFromConfig(fair.config);
  std::atomic<size_t> next{0};
  std::mutex mu;
  absl::Status failure;
  auto work = [&] {
    for (;;) {
      const size_t i = next.fetch_add(1);
      if (i >= pending.size()) return;
      Pending& p = pending[i];
      if (!p.letter.problem.empty()) continue;
      const int n = p.attendee ? fair.num_attendees() : fair.num_employers();
      std::vector<char> only(n, 0);
      only[p.index] = 1;
      absl::StatusOr<std::string> pdf =
          p.attendee
              ? RenderAttendeesPdf(fair, in.compat, in.schedule, paper, &only)
              : RenderEmployersPdf(fair, in.compat, in.schedule, paper, &only);
      if (!pdf.ok()) {
        std::lock_guard<std::mutex> lock(mu);
        if (failure.ok()) failure = pdf.status();
        continue;
      }
      const std::string stem =
          absl::StrCat(p.letter.name, " - ", fair.event.name);
      p.letter.message.attachments.push_back(
          {absl::StrCat(stem, ".pdf"), "application/pdf", *std::move(pdf)});
      if (p.attendee) {
        auto it = in.options.calendars.find(fair.attendees[p.index].id);
        if (it != in.options.calendars.end()) {
          p.letter.message.attachments.push_back(
              {absl::StrCat(stem, ".ics"),
               "text/calendar; charset=utf-8; method=PUBLISH", it->second});
        }
      }
    }
  };
  const int threads = std::max(1, in.options.threads);
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return failure;
}

}  // namespace

absl::StatusOr<std::vector<Letter>> BuildOutbox(const Fair& fair,
                                                const Compatibility& compat,
                                                const Schedule& schedule,
                                                const OutboxOptions& options) {
  const PeopleView people(fair);
  absl::StatusOr<MeetingIndex> index = MeetingIndex::Build(fair, schedule);
  if (!index.ok()) return index.status();
  ChangedPeople changed;
  if (options.changes != nullptr) {
    changed = MarkChanged(fair, *options.changes);
  }
  const OutboxInputs in{fair,   compat, schedule, options,
                        people, *index, changed};
  std::vector<Pending> pending;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    if (fair.attendees[a].withdrawn) continue;
    if (options.changes != nullptr && !changed.attendees[a]) continue;
    pending.push_back(AttendeeLetter(in, a));
  }
  for (int e = 0; e < fair.num_employers(); ++e) {
    const Employer& em = fair.employers[e];
    if (em.withdrawn || em.email.empty()) continue;
    if (options.changes != nullptr && !changed.employers[e]) continue;
    pending.push_back(EmployerLetter(in, e));
  }
  AddressLetters(options, pending);
  if (absl::Status s = AttachSheets(in, pending); !s.ok()) return s;

  std::vector<Letter> letters;
  letters.reserve(pending.size());
  for (Pending& p : pending) letters.push_back(std::move(p.letter));
  return letters;
}

std::string LetterHash(const Letter& letter) {
  MimeMessage canonical = letter.message;
  canonical.date.clear();
  canonical.message_id.clear();
  Sha256 h;
  h.Update(BuildMime(canonical));
  return h.HexDigest();
}

std::string LetterMessageId(const Letter& letter, const std::string& hash,
                            int revision, const std::string& from_email) {
  const size_t at = from_email.rfind('@');
  const std::string domain =
      at == std::string::npos ? "fairmatch.invalid" : from_email.substr(at + 1);
  std::string person;
  for (char c : letter.person) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    (c >= '0' && c <= '9') || c == '-' || c == '.';
    person += ok ? c : '-';
  }
  return absl::StrCat("fairmatch.r", revision, ".", person, ".",
                      hash.substr(0, 16), "@", domain);
}

}  // namespace fairmatch
