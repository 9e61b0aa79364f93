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

}  // namespace

absl::StatusOr<std::vector<Letter>> BuildOutbox(const Fair& fair,
                                                const Compatibility& compat,
                                                const Schedule& schedule,
                                                const OutboxOptions& options) {
  const PeopleView people(fair);
  std::vector<std::vector<const Meeting*>> by_attendee(fair.num_attendees());
  std::vector<std::vector<const Meeting*>> by_employer(fair.num_employers());
  for (const Meeting& m : schedule.meetings) {
    for (int a : m.attendees) by_attendee[a].push_back(&m);
    by_employer[m.employer].push_back(&m);
  }
  ChangedPeople changed;
  if (options.changes != nullptr) {
    changed = MarkChanged(fair, *options.changes);
  }

  std::vector<Pending> pending;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    const Attendee& at = fair.attendees[a];
    if (at.withdrawn) continue;
    if (options.changes != nullptr && !changed.attendees[a]) continue;
    Pending p;
    p.attendee = true;
    p.index = a;
    p.letter.person = absl::StrCat("attendee:", at.id);
    p.letter.name = at.name;
    p.letter.email = at.email;
    p.letter.file_stem = Stem("attendee", at.id);
    p.day = BaseDay(fair, at.name);
    for (const Meeting* m : by_attendee[a]) {
      std::vector<std::string> others;
      for (int b : m->attendees) {
        if (b != a) others.push_back(people.AttendeeName(b));
      }
      std::string detail =
          others.empty()
              ? "One-to-one."
              : absl::StrCat("With ", absl::StrJoin(others, ", "), ".");
      const std::string points =
          FormatTalkingPoints(MakeTalkingPoints(fair, a, m->employer));
      if (!points.empty()) absl::StrAppend(&detail, " ", points);
      p.day.conversations.push_back(
          {SlotTime(fair, m->slot), people.EmployerName(m->employer),
           Where(fair.employers[m->employer], m->table), detail});
    }
    if (by_attendee[a].empty()) {
      p.letter.kind = TemplateKind::kAttendeeNoConversation;
      for (int e : OpenBooths(fair, compat, a)) {
        const Employer& em = fair.employers[e];
        p.day.open_booths.push_back(
            {"", people.EmployerName(e),
             em.booth.empty() ? "" : absl::StrCat("booth ", em.booth), ""});
      }
    } else {
      p.letter.kind = TemplateKind::kAttendee;
    }
    if (options.changes != nullptr) {
      p.day.changes = ChangeRows(options.changes->attendees, at.id, false);
    }
    pending.push_back(std::move(p));
  }
  for (int e = 0; e < fair.num_employers(); ++e) {
    const Employer& em = fair.employers[e];
    if (em.withdrawn || em.email.empty()) continue;
    if (options.changes != nullptr && !changed.employers[e]) continue;
    Pending p;
    p.attendee = false;
    p.index = e;
    p.letter.person = absl::StrCat("employer:", em.id);
    p.letter.name = em.name;
    p.letter.email = em.email;
    p.letter.file_stem = Stem("employer", em.id);
    p.letter.kind = TemplateKind::kEmployer;
    p.day = BaseDay(fair, em.name);
    for (const Meeting* m : by_employer[e]) {
      std::vector<std::string> names;
      for (int b : m->attendees) {
        const std::string& program = fair.attendees[b].program;
        names.push_back(
            program.empty()
                ? people.AttendeeName(b)
                : absl::StrCat(people.AttendeeNameBesideProgramme(b), " (",
                               program, ")"));
      }
      p.day.conversations.push_back({SlotTime(fair, m->slot),
                                     absl::StrJoin(names, ", "),
                                     absl::StrCat("table ", m->table), ""});
    }
    if (options.changes != nullptr) {
      p.day.changes = ChangeRows(options.changes->employers, em.id, true);
    }
    pending.push_back(std::move(p));
  }

  // Addresses first: a letter that cannot go needs no PDF.
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

  // The one-person sheets, rendered on `threads` threads.
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
          p.attendee ? RenderAttendeesPdf(fair, compat, schedule, paper, &only)
                     : RenderEmployersPdf(fair, compat, schedule, paper, &only);
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
        auto it = options.calendars.find(fair.attendees[p.index].id);
        if (it != options.calendars.end()) {
          p.letter.message.attachments.push_back(
              {absl::StrCat(stem, ".ics"),
               "text/calendar; charset=utf-8; method=PUBLISH", it->second});
        }
      }
    }
  };
  const int threads = std::max(1, options.threads);
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (!failure.ok()) return failure;

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
