#include "engine/render/report_warnings.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/edit_distance.h"
#include "engine/check/shortfall.h"
#include "engine/render/report_section.h"

namespace fairmatch::report {
namespace {

// How often each normalised tag is used on each side, one count per person.
struct TagUse {
  int attendee_offers = 0;
  int attendee_seeks = 0;
  int employer_offers = 0;
  int employer_seeks = 0;
  std::map<std::string, int> spellings;  // as written -> people
};

// The most used spelling of a tag (then the byte-smallest).
std::string Spelling(const TagUse& use) {
  std::string best;
  int count = -1;
  for (const auto& [text, n] : use.spellings) {
    if (n > count) best = text, count = n;
  }
  return best;
}

class WarningsWriter : public ReportSection {
 public:
  using ReportSection::ReportSection;

  void Write() { Warnings(); }

 private:
  // The loader's warnings, as the tools print them.
  void InputWarnings() {
    const std::vector<std::string>& lines = fair_.warnings;
    if (lines.empty()) return;
    constexpr std::size_t kShown = 20;
    std::string list = "<ul class=\"lines\">";
    for (std::size_t i = 0; i < lines.size() && i < kShown; ++i) {
      list += "<li>" + Esc(lines[i]) + "</li>";
    }
    if (lines.size() > kShown) {
      list += "<li><i>+" + Int(static_cast<long long>(lines.size() - kShown)) +
              " more, printed in full by fairmatch plan</i></li>";
    }
    list += "</ul>";
    Note("warn",
         Plural(static_cast<long long>(lines.size()), "input warning",
                "input warnings"),
         "The fair loaded, but check these." + list);
  }

  // One attendee below target: who, how far, and the measured reason
  // (check/shortfall.h), each clause only when it has something to say.
  std::string ShortfallLine(const Shortfall& f) const {
    const std::string min_score = Fixed(fair_.config.min_score, 2);
    const std::string slots_available = "they are available in " +
                                        Int(f.available_slots) + " of " +
                                        Int(fair_.num_slots()) + " slots";
    std::string line = Who(f.attendee) + ": " + Int(f.meetings) + " of " +
                       Int(f.target) + " conversations. ";
    // Eligibility.
    if (f.cause == ShortfallCause::kFewEligible && f.eligible > 0) {
      line += "Only ";
    }
    const bool plain = f.eligible == f.above_min_score;
    if (f.eligible == 0) {
      line += plain ? "No employer scores" : "No employer is";
    } else {
      line += f.eligible == 1 ? (plain ? "1 employer scores" : "1 employer is")
                              : Int(f.eligible) + (plain ? " employers score"
                                                         : " employers are");
    }
    line += plain ? " at or above min_score " + min_score + " with them"
                  : " eligible for them (" + Int(f.above_min_score) +
                        " score at or above min_score " + min_score +
                        "; their must_meet and avoid lists applied)";
    if (f.eligible == 0) return line + ".";
    // Windows.
    if (f.eligible_sharing_slot == 0) {
      line += f.eligible == 1 ? "; it shares no available slot with them ("
                              : "; none shares an available slot with them (";
      line += slots_available + ")";
    } else {
      line += "; ";
      if (f.eligible_sharing_slot == f.eligible) {
        line += f.eligible == 1 ? "it shares" : "all share";
      } else {
        line += Int(f.eligible_sharing_slot) +
                (f.eligible_sharing_slot == 1 ? " shares" : " share");
      }
      line += " available slots with them";
      if (f.window_room < std::min(f.target, f.eligible_sharing_slot)) {
        line += ", but those slots hold at most " +
                Plural(f.window_room, "conversation", "conversations") +
                " with them (" + slots_available + ")";
      }
    }
    // Seats, at the ones they do not meet.
    if (f.unmet_sharing_slot > 0) {
      const int unmet = f.unmet_sharing_slot;
      // "it was", "all were" or "2 were": `n` of the `unmet`.
      auto some = [&](int n, const char* one, const char* many) {
        if (n == unmet) {
          return unmet == 1 ? std::string("it ") + one
                            : std::string("all ") + many;
        }
        return Int(n) + " " + (n == 1 ? one : many);
      };
      std::vector<std::string> parts;
      if (!f.full.empty()) {
        constexpr std::size_t kNamed = 3;
        std::string names;
        for (std::size_t i = 0; i < f.full.size() && i < kNamed; ++i) {
          names += (i == 0 ? "" : ", ") + EmployerName(f.full[i]);
        }
        if (f.full.size() > kNamed) names += ", ...";
        parts.push_back(some(static_cast<int>(f.full.size()), "was", "were") +
                        " full in every shared slot where they were free (" +
                        names + ")");
      }
      if (f.busy_only > 0) {
        parts.push_back(some(f.busy_only, "shares", "share") +
                        " slots with them only while they are in other "
                        "conversations");
      }
      if (f.open_employer >= 0) {
        parts.push_back(EmployerName(f.open_employer) + " had a free seat at " +
                        FormatClock(fair_.slots[f.open_slot].start) +
                        " while they were free");
      }
      line += "; of those, they do not meet " + Int(unmet) + ": ";
      for (std::size_t i = 0; i < parts.size(); ++i) {
        line += (i == 0                  ? ""
                 : i + 1 == parts.size() ? " and "
                                         : ", ") +
                parts[i];
      }
    }
    return line + ".";
  }

  // The attendees below target, one note per measured cause, each with the
  // advice that follows from that cause.
  void ShortfallNotes() {
    if (shortfalls_.empty()) return;
    struct Group {
      ShortfallCause cause;
      std::string headline;
      std::string advice;
    };
    const std::string target = "fewer conversations than meetings.min = " +
                               Int(fair_.config.meetings_min) +
                               " (or their own lower cap)";
    const std::string min_score = Fixed(fair_.config.min_score, 2);
    const Group kGroups[] = {
        {ShortfallCause::kFewEligible,
         "too few employers are eligible for them",
         "However they are planned, they cannot reach it. Lower min_score "
         "(now " +
             min_score + ") or add employers whose profiles fit theirs."},
        {ShortfallCause::kWindows,
         "their hours and the eligible employers' hours overlap too little",
         "Widen their availability, or that of the employers they match, so "
         "that they share more slots."},
        {ShortfallCause::kSeatsTaken,
         "every seat at their eligible employers was taken while they were "
         "free",
         "Capacity is the cause: more tables or a larger group_size at these "
         "employers give them room (the number is how many of them each one "
         "had no seat for)."},
        {ShortfallCause::kBusy,
         "the employers left meet only while they are busy",
         "The eligible employers they do not meet share slots with them only "
         "while they are in other conversations; wider windows give the "
         "planner room to fit them in."},
        {ShortfallCause::kTradeOff,
         "an eligible employer had a free seat while they were free",
         "Not a shortage of employers, hours or tables: the planner traded "
         "these off (objective.fairness, employers.min_meetings, "
         "employers.max_consecutive), or the schedule was edited. "
         "fairmatch explain --attendee ID shows each pair."},
    };
    constexpr std::size_t kShown = 200;
    for (const Group& g : kGroups) {
      std::vector<const Shortfall*> group;
      for (const Shortfall& f : shortfalls_) {
        if (f.cause == g.cause) group.push_back(&f);
      }
      if (group.empty()) continue;
      std::string list = "<ul class=\"why\">";
      for (std::size_t i = 0; i < group.size() && i < kShown; ++i) {
        list += "<li>" + ShortfallLine(*group[i]) + "</li>";
      }
      if (group.size() > kShown) {
        list += "<li><i>+" +
                Int(static_cast<long long>(group.size() - kShown)) +
                " more; fairmatch explain --attendee ID explains any "
                "one</i></li>";
      }
      list += "</ul>";
      std::string employers;
      if (g.cause == ShortfallCause::kSeatsTaken) {
        std::vector<int> turned_away(fair_.num_employers(), 0);
        for (const Shortfall* f : group) {
          for (int e : f->full) ++turned_away[e];
        }
        std::vector<std::pair<int, int>> ranked;  // (-count, employer)
        for (int e = 0; e < fair_.num_employers(); ++e) {
          if (turned_away[e] > 0) ranked.push_back({-turned_away[e], e});
        }
        std::sort(ranked.begin(), ranked.end());
        std::vector<std::string> chips;
        for (const auto& [count, e] : ranked) {
          chips.push_back("<b>" + EmployerName(e) + "</b> " + Int(-count));
        }
        employers = Chips(chips, 10);
      }
      Note("info",
           Plural(static_cast<long long>(group.size()), "attendee has",
                  "attendees have") +
               " " + target + ": " + g.headline,
           Esc(g.advice) + employers + list);
    }
  }

  void Warnings() {
    out_ += "<h2>Worth acting on</h2>\n<ul class=\"notes\">\n";
    InputWarnings();
    AttendeesWithoutConversation();
    ShortfallNotes();
    EmployersWithoutConversation();
    UnusedTables();
    MustMeetRequests();
    TagWarnings();
    out_ += "</ul>\n";
  }

  // Attendees without any conversation, by name.
  void AttendeesWithoutConversation() {
    std::vector<std::string> lonely;
    for (int a : people_.attendees()) {
      if (count_of_attendee_[a] == 0) lonely.push_back(Who(a));
    }
    if (!lonely.empty()) {
      const long long n = static_cast<long long>(lonely.size());
      std::string detail = Int(metrics_.eligible_attendees_with_no_meeting) +
                           " of " + Int(n) + (n == 1 ? " shares" : " share") +
                           " a slot with an eligible employer.";
      if (!shortfalls_.empty()) {
        detail += " Why each falls short is in the notes below.";
      }
      if (open_booth_sheets_ == n) {
        detail += n == 1 ? " Their sheet lists open booths to visit."
                         : " Their sheets list open booths to visit.";
      } else if (open_booth_sheets_ > 0) {
        detail += " The sheets of " + Int(open_booth_sheets_) +
                  " of them list open booths to visit.";
      }
      Note("warn",
           Plural(n, "attendee has", "attendees have") + " no conversation",
           detail + Chips(lonely, 8));
    } else if (fair_.num_attendees() > 0) {
      Note("ok", "Every attendee has at least one conversation", "");
    }
  }

  // Employers without a conversation, by name.
  void EmployersWithoutConversation() {
    std::vector<std::string> idle;
    for (int e : people_.employers()) {
      if (conversations_of_employer_[e] == 0) {
        idle.push_back(User(people_.EmployerName(e)) + " <i>" +
                       User(fair_.employers[e].booth) + "</i>");
      }
    }
    if (!idle.empty()) {
      Note("warn",
           Plural(static_cast<long long>(idle.size()), "employer has",
                  "employers have") +
               " no conversation",
           "Check their seeks, values and hours." + Chips(idle, 12));
    } else if (fair_.num_employers() > 0) {
      Note("ok", "Every employer has at least one conversation", "");
    }
  }

  // Tables never used, at employers that do hold conversations.
  void UnusedTables() {
    std::vector<std::string> spare;
    long long spare_count = 0;
    for (int e : people_.employers()) {
      if (conversations_of_employer_[e] == 0 || unused_tables_[e].empty()) {
        continue;
      }
      std::string tables;
      for (int t : unused_tables_[e]) {
        tables += (tables.empty() ? "" : ", ") + Int(t);
        ++spare_count;
      }
      spare.push_back("<b>" + User(people_.EmployerName(e)) + "</b> " +
                      (unused_tables_[e].size() == 1 ? "table " : "tables ") +
                      tables);
    }
    if (!spare.empty()) {
      Note("info",
           Plural(spare_count, "table is", "tables are") +
               " never used at employers that do hold conversations",
           "Fewer tables would free floor space." + Chips(spare, 10));
    }
  }

  // Must-meet requests, by attendee name, then employer name.
  void MustMeetRequests() {
    long long requested = 0;
    std::vector<std::string> unmet;
    for (int a : people_.attendees()) {
      std::vector<int> wanted;
      for (int e : fair_.attendees[a].must_meet) {
        if (e >= 0 && e < fair_.num_employers()) wanted.push_back(e);
      }
      std::sort(wanted.begin(), wanted.end(), [&](int x, int y) {
        return people_.EmployerRank(x) < people_.EmployerRank(y);
      });
      for (int e : wanted) {
        ++requested;
        if (!met_[a].count(e)) {
          unmet.push_back(User(people_.AttendeeName(a)) + " \xE2\x86\x92 " +
                          User(people_.EmployerName(e)));
        }
      }
    }
    if (!unmet.empty()) {
      Note("warn",
           Int(static_cast<long long>(unmet.size())) + " of " +
               Plural(requested, "must-meet request is",
                      "must-meet requests are") +
               " not met",
           "fairmatch check reports each; fairmatch explain --attendee ID "
           "--employer ID says why." +
               Chips(unmet, 10));
    } else if (requested > 0) {
      Note("ok",
           requested == 1
               ? "The must-meet request is met"
               : "All " + Int(requested) + " must-meet requests are met",
           "");
    }
  }

  void TagWarnings() {
    std::map<std::string, TagUse> uses;  // by normalised tag: sorted output
    auto count = [&](const std::vector<std::string>& tags, int TagUse::*side) {
      std::set<std::string> seen;
      for (const std::string& tag : tags) {
        std::string key = NormalizeTag(tag);
        if (key.empty() || !seen.insert(key).second) continue;
        TagUse& use = uses[key];
        ++(use.*side);
        ++use.spellings[tag];
      }
    };
    for (const Attendee& a : fair_.attendees) {
      count(a.offers, &TagUse::attendee_offers);
      count(a.seeks, &TagUse::attendee_seeks);
    }
    for (const Employer& e : fair_.employers) {
      count(e.offers, &TagUse::employer_offers);
      count(e.seeks, &TagUse::employer_seeks);
    }
    // Each direction of the benefit score pairs a seek with an offer; a tag
    // on one end only never scores, and is most often a typo or a word the
    // other side spells differently. Seeks nobody can meet come first.
    struct Direction {
      const char* headline;
      const char* unit_one;
      const char* unit_many;
      int TagUse::*used;
      int TagUse::*missing;
    };
    const Direction kDirections[] = {
        {"employers seek that no attendee offers", "employer", "employers",
         &TagUse::employer_seeks, &TagUse::attendee_offers},
        {"attendees seek that no employer offers", "attendee", "attendees",
         &TagUse::attendee_seeks, &TagUse::employer_offers},
        {"employers offer that no attendee seeks", "employer", "employers",
         &TagUse::employer_offers, &TagUse::attendee_seeks},
        {"attendees offer that no employer seeks", "attendee", "attendees",
         &TagUse::attendee_offers, &TagUse::employer_seeks},
    };
    for (const Direction& d : kDirections) {
      std::vector<std::pair<int, std::string>> lonely;  // (-count, tag)
      for (const auto& [tag, use] : uses) {
        if (use.*(d.used) > 0 && use.*(d.missing) == 0) {
          lonely.push_back({-(use.*(d.used)), tag});
        }
      }
      if (lonely.empty()) continue;
      std::sort(lonely.begin(), lonely.end());
      constexpr std::size_t kShown = 10;
      std::vector<std::string> chips;
      for (std::size_t i = 0; i < lonely.size() && i < kShown; ++i) {
        const std::string& tag = lonely[i].second;
        std::string chip = "<b>" + User(Spelling(uses.at(tag))) + "</b> " +
                           Int(-lonely[i].first);
        // A near spelling on the other end suggests a typo.
        std::string guess;
        int best = 3;
        int best_count = 0;
        for (const auto& [other, use] : uses) {
          if (use.*(d.missing) == 0 || other == tag) continue;
          if (std::max(other.size(), tag.size()) -
                  std::min(other.size(), tag.size()) >
              2) {
            continue;
          }
          int limit = tag.size() >= 8 ? 2 : (tag.size() >= 4 ? 1 : 0);
          int dist = EditDistance(tag, other);
          if (dist > limit) continue;
          if (dist < best || (dist == best && use.*(d.missing) > best_count)) {
            best = dist;
            best_count = use.*(d.missing);
            guess = Spelling(use);
          }
        }
        if (!guess.empty()) chip += " <i>(" + Esc(guess) + "?)</i>";
        chips.push_back(chip);
      }
      Note("info",
           Plural(static_cast<long long>(lonely.size()), "tag", "tags") + " " +
               d.headline,
           std::string("They never score. Likely typos or missing vocabulary; "
                       "the number is how many ") +
               d.unit_many + " use the tag." + Chips(chips, kShown));
    }
  }
};

}  // namespace

void WriteWarnings(const ReportInputs& in, std::string& out) {
  WarningsWriter(in, out).Write();
}

}  // namespace fairmatch::report
