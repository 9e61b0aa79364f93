#include "engine/check/explain.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "engine/base/edit_distance.h"
#include "engine/model/intents.h"
#include "engine/model/people.h"

namespace fairmatch {
namespace {

bool InRange(const Fair& fair, const Meeting& m) {
  return m.slot >= 0 && m.slot < fair.num_slots() && m.employer >= 0 &&
         m.employer < fair.num_employers();
}

// The in-range meetings of `schedule` by attendee and by employer, as
// indices in schedule order; a meeting is listed once per attendee even
// if it names them twice.
void IndexSchedule(const Fair& fair, const Schedule& schedule,
                   std::vector<std::vector<int>>* of_attendee,
                   std::vector<std::vector<int>>* at_employer) {
  of_attendee->assign(fair.num_attendees(), {});
  at_employer->assign(fair.num_employers(), {});
  for (int i = 0; i < static_cast<int>(schedule.meetings.size()); ++i) {
    const Meeting& m = schedule.meetings[i];
    if (!InRange(fair, m)) continue;
    (*at_employer)[m.employer].push_back(i);
    for (int a : m.attendees) {
      if (a < 0 || a >= fair.num_attendees()) continue;
      std::vector<int>& list = (*of_attendee)[a];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }
}

// "Acme (E01)", or the id alone when the name is empty or the id.
std::string Label(const Profile& p) {
  if (p.name.empty() || p.name == p.id) return p.id;
  return absl::StrCat(p.name, " (", p.id, ")");
}
std::string Short(const Profile& p) { return p.name.empty() ? p.id : p.name; }

std::string Score(double s) { return absl::StrFormat("%.2f", s); }

// "0.71 vs your 0.52": two scores with enough decimals (up to 6) to tell
// them apart when they differ.
std::string Versus(double a, double b, const char* middle = " vs ") {
  int decimals = 2;
  while (decimals < 6 &&
         absl::StrFormat("%.*f", decimals, a) ==
             absl::StrFormat("%.*f", decimals, b) &&
         a != b) {
    ++decimals;
  }
  return absl::StrCat(absl::StrFormat("%.*f", decimals, a), middle,
                      absl::StrFormat("%.*f", decimals, b));
}

std::string Windows(const std::vector<TimeWindow>& windows) {
  if (windows.empty()) return "all day";
  std::vector<std::string> parts;
  for (const TimeWindow& w : windows) {
    parts.push_back(
        absl::StrCat(FormatClock(w.start), "-", FormatClock(w.end)));
  }
  return absl::StrJoin(parts, ", ");
}

std::string Clock(const Fair& fair, int slot) {
  return FormatClock(fair.slots[slot].start);
}

// What the explanation of one attendee needs from the schedule.
struct AttendeeView {
  std::vector<ExplainedMeeting> meetings;  // by slot
  std::vector<int> busy_with;              // per slot: employer or -1
};

// `of_attendee`: the indices of the in-range meetings of the schedule
// that seat attendee a, in schedule order, each once.
AttendeeView ViewOf(const Fair& fair, const Compatibility& compat,
                    const Schedule& schedule,
                    const std::vector<int>& of_attendee, int a) {
  AttendeeView view;
  view.busy_with.assign(fair.num_slots(), -1);
  for (int i : of_attendee) {
    const Meeting& m = schedule.meetings[i];
    ExplainedMeeting x;
    x.slot = m.slot;
    x.employer = m.employer;
    x.table = m.table;
    x.score = compat.Pair(a, m.employer);
    for (int other : m.attendees) {
      if (other != a && other >= 0 && other < fair.num_attendees()) {
        x.group_mates.push_back(other);
      }
    }
    std::sort(x.group_mates.begin(), x.group_mates.end());
    view.busy_with[m.slot] = m.employer;
    view.meetings.push_back(std::move(x));
  }
  std::sort(view.meetings.begin(), view.meetings.end(),
            [](const ExplainedMeeting& x, const ExplainedMeeting& y) {
              return std::tie(x.slot, x.employer, x.table) <
                     std::tie(y.slot, y.employer, y.table);
            });
  return view;
}

// The attendee's lowest-scoring meeting: its score (infinity when none) and
// employer (-1).
struct LowestOwn {
  float score = std::numeric_limits<float>::infinity();
  int employer = -1;
};
LowestOwn LowestOwnMeeting(const AttendeeView& view) {
  LowestOwn lowest;
  for (const ExplainedMeeting& m : view.meetings) {
    if (m.score.score < lowest.score) {
      lowest.score = m.score.score;
      lowest.employer = m.employer;
    }
  }
  return lowest;
}

// What the slots the pair shares say: whether every one is full, whether
// every one is blocked (the attendee busy or the employer full), the
// lowest score among the holders of full ones, the first open slot, and
// the times the attendee is busy and the employer full.
struct SharedSlotsSummary {
  bool every_full = true;
  bool every_blocked = true;
  float lowest_holder = std::numeric_limits<float>::infinity();
  int open_slot = -1;
  std::vector<std::string> busy, full;
};
SharedSlotsSummary Summarise(const Fair& fair, const PairExplanation& p) {
  SharedSlotsSummary sum;
  for (const SharedSlot& s : p.at_employer) {
    const bool is_full = static_cast<int>(s.holders.size()) >= s.seats;
    const bool is_busy = s.attendee_busy_with >= 0;
    if (is_full) {
      sum.full.push_back(Clock(fair, s.slot));
      for (const SeatHolder& h : s.holders) {
        sum.lowest_holder = std::min(sum.lowest_holder, h.score);
      }
    } else {
      sum.every_full = false;
    }
    if (is_busy) sum.busy.push_back(Clock(fair, s.slot));
    if (!is_full && !is_busy) {
      sum.every_blocked = false;
      if (sum.open_slot < 0) sum.open_slot = s.slot;
    }
  }
  return sum;
}

std::string RequirementLine(const PairExplanation& p, const std::string& who,
                            const std::string& e) {
  const Requirement& r = *p.failed_requirement;
  const std::string& other = p.requirement_by_employer ? who : e;
  return absl::StrCat("not eligible: ", p.requirement_by_employer ? e : who,
                      " requires ", r.ToString(), " and ", other,
                      p.requirement_value.empty()
                          ? absl::StrCat(" does not give ", r.field)
                          : absl::StrCat("'s is '", p.requirement_value, "'"));
}

std::string EmployerFullLine(const std::string& who, const std::string& e,
                             float lowest_holder, float score, int count,
                             int cap) {
  const std::string cap_note =
      count >= cap ? absl::StrCat("; ", who, " is also at their cap of ", cap)
                   : "";
  return absl::StrCat(
      lowest_holder >= score
          ? absl::StrCat("every shared slot at ", e,
                         " is full with attendees who score ",
                         lowest_holder > score ? "higher" : "as high", " with ",
                         e, " (lowest ",
                         Versus(lowest_holder, score, " vs your "), ")")
          : absl::StrCat("every shared slot at ", e,
                         " is full, with some attendees who score "
                         "lower with ",
                         e, " (lowest ",
                         Versus(lowest_holder, score, " vs your "),
                         "): the planner favoured them for fairness "
                         "or a must_meet"),
      cap_note);
}

std::string OpenLine(const Fair& fair, const std::string& who,
                     const std::string& e, int open_slot, LowestOwn lowest,
                     float score, int count, int cap) {
  std::string line =
      absl::StrCat("nothing prevents it: ", e, " has a free seat at ",
                   Clock(fair, open_slot), " while ", who, " is free");
  if (count >= cap && lowest.employer >= 0) {
    absl::StrAppend(&line, ", and ", who, "'s lowest meeting (",
                    Short(fair.employers[lowest.employer]), " ",
                    Score(lowest.score), ") scores below ", Score(score));
  } else {
    absl::StrAppend(&line, " with ", count, " of ", cap, " conversations");
  }
  absl::StrAppend(&line,
                  ": the planner's trade-off (objective.fairness, "
                  "employers.min_meetings, employers.max_consecutive) or an "
                  "edited schedule");
  return line;
}

// The verdict and its line for `p`, whose other fields are filled in: the
// first reason that holds, in the order of explain.h's Verdict.
void Decide(const Fair& fair, int a, const AttendeeView& view, int cap,
            PairExplanation* p) {
  const Attendee& attendee = fair.attendees[a];
  const Employer& employer = fair.employers[p->employer];
  const std::string who = Short(attendee);
  const std::string e = Short(employer);
  const float score = p->score.score;
  const int count = static_cast<int>(view.meetings.size());
  const LowestOwn lowest = LowestOwnMeeting(view);
  const SharedSlotsSummary sum = Summarise(fair, *p);
  std::string text;
  auto decide = [&](Verdict v, std::string line) {
    p->verdict = v;
    text = std::move(line);
  };

  if (p->meeting >= 0) {
    const ExplainedMeeting& m = view.meetings[p->meeting];
    decide(Verdict::kMeets,
           absl::StrCat("meets ", e, " at ", Clock(fair, m.slot), " (table ",
                        m.table, ")"));
  } else if (p->avoided) {
    decide(Verdict::kAvoided, p->avoided_by_employer
                                  ? absl::StrCat("not eligible: ", who,
                                                 " is on ", e, "'s avoid list")
                                  : absl::StrCat("not eligible: ", e, " is on ",
                                                 who, "'s avoid list"));
  } else if (p->failed_requirement) {
    decide(Verdict::kRequirementFailed, RequirementLine(*p, who, e));
  } else if (!p->eligible) {
    decide(Verdict::kBelowMinScore,
           absl::StrCat("not eligible: score ",
                        Versus(score, p->min_score, " below min_score ")));
  } else if (p->shared_slots.empty()) {
    decide(Verdict::kNoSharedSlot,
           absl::StrCat("no shared slot: ", who, " is available ",
                        Windows(attendee.available), ", ", e, " ",
                        Windows(employer.available)));
  } else if (count >= cap && cap == 0) {
    decide(Verdict::kAttendeeAtCap,
           absl::StrCat(who, " has a cap of 0 conversations"));
  } else if (count >= cap && lowest.score >= score) {
    decide(Verdict::kAttendeeAtCap,
           absl::StrCat(who, "'s meetings all score ",
                        lowest.score > score ? "higher than " : "as high as ",
                        e, " (lowest ", Versus(lowest.score, score), ") and ",
                        who, " is at their cap of ", cap));
  } else if (sum.every_full) {
    decide(Verdict::kEmployerFull,
           EmployerFullLine(who, e, sum.lowest_holder, score, count, cap));
  } else if (sum.every_blocked) {
    std::string line = absl::StrCat(
        "no slot with a free seat at ", e, " while ", who, " is free: ", who,
        " is busy at ", absl::StrJoin(sum.busy, ", "));
    if (!sum.full.empty()) {
      absl::StrAppend(&line, "; ", e, " is full at ",
                      absl::StrJoin(sum.full, ", "));
    }
    decide(Verdict::kNoFreeSlot, std::move(line));
  } else {
    decide(Verdict::kOpen,
           OpenLine(fair, who, e, sum.open_slot, lowest, score, count, cap));
  }
  p->must_meet_missed = p->must_meet && p->meeting < 0;
  p->verdict_text =
      p->must_meet_missed
          ? absl::StrCat("must_meet not met (fairmatch check reports it); ",
                         text)
          : text;
}

// The seats taken at one employer: (slot, holder with their score there).
using TakenSeats = std::vector<std::pair<int, SeatHolder>>;

// The seats taken at employer e in its meetings `at_employer` (indices of
// the in-range meetings of the schedule at e).
TakenSeats SeatsAt(const Fair& fair, const Compatibility& compat,
                   const Schedule& schedule,
                   const std::vector<int>& at_employer, int e) {
  TakenSeats seats;
  for (int i : at_employer) {
    const Meeting& m = schedule.meetings[i];
    for (int h : m.attendees) {
      if (h < 0 || h >= fair.num_attendees()) continue;
      seats.push_back({m.slot, {h, compat.Pair(h, e).score}});
    }
  }
  return seats;
}

// `seats`: SeatsAt(e).
PairExplanation ExplainPair(const Fair& fair, const Compatibility& compat,
                            const TakenSeats& seats, int a, int e,
                            const AttendeeView& view, int cap) {
  const Attendee& attendee = fair.attendees[a];
  PairExplanation p;
  p.employer = e;
  p.score = compat.Pair(a, e);
  // As Compatibility::Build weighs them.
  double wv = std::max(0.0, fair.config.weight_values);
  double wb = std::max(0.0, fair.config.weight_benefit);
  if (!(wv + wb > 0)) wv = wb = 0.5;
  p.weight_values = wv / (wv + wb);
  p.weight_benefit = wb / (wv + wb);
  p.min_score = fair.config.min_score;
  const Employer& employer = fair.employers[e];
  const bool own_avoid =
      std::binary_search(attendee.avoid.begin(), attendee.avoid.end(), e);
  p.avoided = Avoided(fair, a, e);
  p.avoided_by_employer = p.avoided && !own_avoid;
  p.must_meet = MustMeet(fair, a, e);
  p.must_meet_by_employer = std::binary_search(employer.must_meet.begin(),
                                               employer.must_meet.end(), a);
  if (const Requirement* r =
          FailedRequirement(fair, a, e, &p.requirement_by_employer)) {
    p.failed_requirement = *r;
    const auto value = p.requirement_by_employer
                           ? FieldValue(attendee, r->field)
                           : FieldValue(employer, r->field);
    if (value) p.requirement_value = std::string(*value);
  }
  p.has_requirements =
      !attendee.requirements.empty() || !employer.requirements.empty();
  p.attendee_rank = WishRank(attendee.wants, e);
  p.employer_rank = WishRank(employer.wants, a);
  p.eligible = compat.Eligible(a, e, p.score.score);
  for (int s = 0; s < fair.num_slots(); ++s) {
    if (!fair.AttendeeAvailable(a, s) || !fair.EmployerAvailable(e, s))
      continue;
    p.shared_slots.push_back(s);
    SharedSlot shared;
    shared.slot = s;
    shared.seats = fair.employers[e].tables * fair.GroupSize(e);
    shared.attendee_busy_with = view.busy_with[s];
    p.at_employer.push_back(std::move(shared));
  }
  // Seat holders, in the shared slots.
  std::vector<int> shared_index(fair.num_slots(), -1);
  for (size_t i = 0; i < p.at_employer.size(); ++i) {
    shared_index[p.at_employer[i].slot] = static_cast<int>(i);
  }
  for (const auto& [slot, holder] : seats) {
    if (shared_index[slot] >= 0) {
      p.at_employer[shared_index[slot]].holders.push_back(holder);
    }
  }
  for (SharedSlot& shared : p.at_employer) {
    std::sort(shared.holders.begin(), shared.holders.end(),
              [](const SeatHolder& x, const SeatHolder& y) {
                return x.score != y.score ? x.score > y.score
                                          : x.attendee < y.attendee;
              });
  }
  for (size_t i = 0; i < view.meetings.size(); ++i) {
    if (view.meetings[i].employer == e) {
      p.meeting = static_cast<int>(i);
      break;
    }
  }
  Decide(fair, a, view, cap, &p);
  return p;
}

std::string PersonLine(const Attendee& a) {
  std::string out = Label(a);
  if (!a.email.empty()) absl::StrAppend(&out, " <", a.email, ">");
  return out;
}

// "both asked to meet (Ada's 1st wish, Acme's 2nd)", "Ada's 1st wish".
std::string Ordinal(int n) {
  const int mod100 = n % 100, mod10 = n % 10;
  const char* suffix = (mod100 >= 11 && mod100 <= 13) ? "th"
                       : mod10 == 1                   ? "st"
                       : mod10 == 2                   ? "nd"
                       : mod10 == 3                   ? "rd"
                                                      : "th";
  return absl::StrCat(n, suffix);
}

std::string WishLine(const std::string& who, const std::string& e,
                     const PairExplanation& p) {
  if (p.attendee_rank > 0 && p.employer_rank > 0) {
    return absl::StrCat("both asked to meet (", who, "'s ",
                        Ordinal(p.attendee_rank), " wish, ", e, "'s ",
                        Ordinal(p.employer_rank), ")");
  }
  if (p.attendee_rank > 0) {
    return absl::StrCat(who, "'s ", Ordinal(p.attendee_rank), " wish");
  }
  return absl::StrCat(e, "'s ", Ordinal(p.employer_rank), " wish");
}

std::string Components(const PairScore& s) {
  return absl::StrCat("values ", Score(s.values), ", benefit ",
                      Score(s.benefit));
}

void RenderPair(const Fair& fair, const Explanation& x,
                const PairExplanation& p, std::string* out) {
  const Attendee& attendee = fair.attendees[x.attendee];
  const Employer& employer = fair.employers[p.employer];
  const std::string who = Short(attendee);
  const std::string e = Short(employer);
  absl::StrAppend(out, "\n", Label(employer), " for ", who, ":\n");
  absl::StrAppend(
      out, "  score ", Score(p.score.score), " = ", Score(p.weight_values),
      " x values ", Score(p.score.values), " + ", Score(p.weight_benefit),
      " x benefit ", Score(p.score.benefit), " (benefit = sqrt(", who,
      " gives ", Score(p.score.attendee_gives), " x ", e, " gives ",
      Score(p.score.employer_gives), "))",
      p.score.wish != 0 ? absl::StrCat(" + wishes ", Score(p.score.wish))
                        : std::string(),
      "\n");
  if (p.score.wish != 0) {
    absl::StrAppend(out, "  wishes: ", WishLine(who, e, p), " add ",
                    Score(p.score.wish), " to the fit ", Score(p.score.fit),
                    "\n");
  }
  absl::StrAppend(out, "  eligibility: ",
                  p.avoided              ? "no, on an avoid list"
                  : p.failed_requirement ? "no, a requirement fails"
                  : p.must_meet          ? "yes, a must_meet"
                  : p.eligible           ? "yes"
                                         : "no",
                  " (min_score ", Score(p.min_score), ", score ",
                  p.score.score >= p.min_score ? "at or above" : "below",
                  "; avoid: ",
                  !p.avoided              ? "no"
                  : p.avoided_by_employer ? "yes, by the employer"
                                          : "yes",
                  "; must_meet: ",
                  !p.must_meet              ? "no"
                  : p.must_meet_by_employer ? "yes, by the employer"
                                            : "yes",
                  !p.has_requirements    ? ""
                  : p.failed_requirement ? "; requirements: one fails"
                                         : "; requirements: all hold",
                  ")\n");
  std::vector<std::string> shared;
  for (int s : p.shared_slots) shared.push_back(Clock(fair, s));
  absl::StrAppend(out, "  windows: ", who, " ", Windows(attendee.available),
                  "; ", e, " ", Windows(employer.available), "; shared slots: ",
                  shared.empty() ? "none" : absl::StrJoin(shared, ", "), " (",
                  shared.size(), " of ", fair.num_slots(), ")\n");
  std::vector<std::string> load;
  for (const ExplainedMeeting& m : x.meetings) {
    load.push_back(absl::StrCat(Clock(fair, m.slot), " ",
                                Short(fair.employers[m.employer]), " ",
                                Score(m.score.score)));
  }
  absl::StrAppend(out, "  ", who, "'s load: ", x.meetings.size(), " of cap ",
                  x.cap, load.empty() ? "" : ": ", absl::StrJoin(load, ", "),
                  "\n");
  if (!p.at_employer.empty()) {
    absl::StrAppend(out, "  ", e, "'s seats in the shared slots (",
                    employer.tables, " table", employer.tables == 1 ? "" : "s",
                    " x ", fair.GroupSize(p.employer), "):\n");
    for (const SharedSlot& s : p.at_employer) {
      std::vector<std::string> holders;
      for (const SeatHolder& h : s.holders) {
        holders.push_back(absl::StrCat(Label(fair.attendees[h.attendee]), " ",
                                       Score(h.score)));
      }
      absl::StrAppend(
          out, "    ", Clock(fair, s.slot), "  ", s.holders.size(), " of ",
          s.seats, " taken", holders.empty() ? "" : ": ",
          absl::StrJoin(holders, ", "), "; ", who,
          s.attendee_busy_with < 0
              ? std::string(" free")
              : absl::StrCat(" with ",
                             Short(fair.employers[s.attendee_busy_with])),
          "\n");
    }
  }
  absl::StrAppend(out, "  verdict: ", p.verdict_text, "\n");
}

}  // namespace

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kMeets:
      return "meets";
    case Verdict::kAvoided:
      return "avoided";
    case Verdict::kRequirementFailed:
      return "requirement-failed";
    case Verdict::kBelowMinScore:
      return "below-min-score";
    case Verdict::kNoSharedSlot:
      return "no-shared-slot";
    case Verdict::kAttendeeAtCap:
      return "attendee-at-cap";
    case Verdict::kEmployerFull:
      return "employer-full";
    case Verdict::kNoFreeSlot:
      return "no-free-slot";
    case Verdict::kOpen:
      return "open";
  }
  return "?";
}

absl::StatusOr<Explanation> Explain(const Fair& fair,
                                    const Compatibility& compat,
                                    const Schedule& schedule,
                                    const std::string& attendee_id,
                                    const std::string& employer_id) {
  // Anyone may be named by id, e-mail or name (model/people.h).
  const PeopleIndex people(fair.attendees, fair.employers);
  auto find = [&](const std::string& query, Role role) -> absl::StatusOr<int> {
    absl::StatusOr<PersonRef> ref = people.Find(query, role);
    if (!ref.ok()) return absl::InvalidArgumentError(ref.status().message());
    return ref->index;
  };
  absl::StatusOr<int> a = find(attendee_id, Role::kAttendee);
  if (!a.ok()) return a.status();
  std::optional<int> e;
  if (!employer_id.empty()) {
    absl::StatusOr<int> found = find(employer_id, Role::kEmployer);
    if (!found.ok()) return found.status();
    e = *found;
  }

  std::vector<std::vector<int>> of_attendee, at_employer;
  IndexSchedule(fair, schedule, &of_attendee, &at_employer);
  Explanation x;
  x.attendee = *a;
  x.cap = fair.MaxMeetings(*a);
  AttendeeView view = ViewOf(fair, compat, schedule, of_attendee[*a], *a);
  auto explain_pair = [&](int k) {
    return ExplainPair(fair, compat,
                       SeatsAt(fair, compat, schedule, at_employer[k], k), *a,
                       k, view, x.cap);
  };
  if (e) {
    x.pair = explain_pair(*e);
  } else {
    std::vector<std::pair<float, int>> ranked;
    for (int k = 0; k < fair.num_employers(); ++k) {
      ranked.push_back({compat.Pair(*a, k).score, k});
    }
    std::stable_sort(
        ranked.begin(), ranked.end(),
        [](const auto& p, const auto& q) { return p.first > q.first; });
    for (size_t i = 0; i < ranked.size() && i < kExplainTop; ++i) {
      x.top.push_back(explain_pair(ranked[i].second));
    }
    for (int k : fair.attendees[*a].wants) {
      x.wishes.push_back(explain_pair(k));
    }
  }
  x.meetings = std::move(view.meetings);
  return x;
}

PairExplainer::PairExplainer(const Fair& fair, const Compatibility& compat,
                             const Schedule& schedule)
    : fair_(&fair), compat_(&compat), schedule_(&schedule) {
  std::vector<std::vector<int>> at_employer;
  IndexSchedule(fair, schedule, &of_attendee_, &at_employer);
  seats_at_.reserve(at_employer.size());
  for (int e = 0; e < fair.num_employers(); ++e) {
    seats_at_.push_back(SeatsAt(fair, compat, schedule, at_employer[e], e));
  }
}

std::vector<PairExplanation> PairExplainer::ExplainPairs(
    int a, const std::vector<int>& employers) const {
  std::vector<PairExplanation> out;
  if (employers.empty()) return out;
  const AttendeeView view =
      ViewOf(*fair_, *compat_, *schedule_, of_attendee_[a], a);
  const int cap = fair_->MaxMeetings(a);
  out.reserve(employers.size());
  for (int e : employers) {
    out.push_back(ExplainPair(*fair_, *compat_, seats_at_[e], a, e, view, cap));
  }
  return out;
}

std::string RenderExplanation(const Fair& fair, const Explanation& x) {
  const Attendee& attendee = fair.attendees[x.attendee];
  std::string out = absl::StrCat(
      PersonLine(attendee), ": ", x.meetings.size(), " conversation",
      x.meetings.size() == 1 ? "" : "s", " (cap ", x.cap, ")\n");
  for (const ExplainedMeeting& m : x.meetings) {
    const Slot& slot = fair.slots[m.slot];
    absl::StrAppend(
        &out, "  ", FormatClock(slot.start), "-", FormatClock(slot.end), "  ",
        Label(fair.employers[m.employer]), ", table ", m.table, ": score ",
        Score(m.score.score), " (", Components(m.score), ")");
    if (!m.group_mates.empty()) {
      std::vector<std::string> mates;
      for (int g : m.group_mates) mates.push_back(Label(fair.attendees[g]));
      absl::StrAppend(&out, ", with ", absl::StrJoin(mates, ", "));
    }
    out.append("\n");
  }
  if (x.pair) RenderPair(fair, x, *x.pair, &out);
  if (!x.wishes.empty()) {
    absl::StrAppend(&out, "\n", Short(attendee), "'s wishes:\n");
    for (size_t i = 0; i < x.wishes.size(); ++i) {
      const PairExplanation& p = x.wishes[i];
      absl::StrAppend(
          &out, "  ", i + 1, ". ", Label(fair.employers[p.employer]), " ",
          Score(p.score.score), p.employer_rank > 0 ? " (a wish of both)" : "",
          ": ", p.verdict_text, "\n");
    }
  }
  if (!x.top.empty()) {
    absl::StrAppend(&out, "\ntop employers for ", Short(attendee),
                    " by score:\n");
    for (size_t i = 0; i < x.top.size(); ++i) {
      const PairExplanation& p = x.top[i];
      absl::StrAppend(&out, "  ", i + 1, ". ",
                      Label(fair.employers[p.employer]), " ",
                      Score(p.score.score), ": ", p.verdict_text, "\n");
    }
  }
  return out;
}

}  // namespace fairmatch
