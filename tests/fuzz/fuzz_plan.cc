// libFuzzer target: whole fairs, structured. The fuzzer's bytes choose, via
// FuzzedDataProvider, a small fair (1-12 slots with an optional break, 1-8
// employers, 1-40 attendees with ratings, tags, windows, caps, must_meet,
// avoid, ranked wants and requires on both sides), --set overrides, an optional
// changes.yaml and an optional rerun against the first plan's schedule.json
// (some meetings marked locked, an optional --from, the day's changes and
// settings changed in between). The fair is written as YAML into a private
// temporary folder and planned by the real pipeline (RunPlan, RenderOutputs);
// most choices are valid, a few are deliberately not (bad ids, reversed
// windows, unknown references, odd bytes), so both the planner and the
// diagnostics are reached.
//
// Asserted for every plan (first and rerun), by __builtin_trap:
//   - a failure is InvalidArgument, NotFound or FailedPrecondition with a
//     non-empty message; an InvalidArgument names its file first
//     ("FILE:LINE:COL: ..." or "FILE: ...", FILE one of the fair's files,
//     the baseline or --set); InternalError (the pipeline's own check
//     failing) is a planner bug;
//   - a success has no CheckSchedule violation; its schedule.json read back
//     as `fairmatch check` reads it (a fresh load of the fair, then
//     LoadPublishedSchedule) has none either;
//   - every format of RenderOutputs succeeds and every file is non-empty
//     (the PDFs for one plan in four, as the input chooses: they cost six
//     times the rest; FUZZ_PLAN_PDF=1 renders them for every plan);
//   - a rerun keeps each pinned baseline meeting (before --from, or marked
//     locked) for each of its attendees at the same start and table, and
//     places nothing new before --from;
//   - no exception escapes.
// FUZZ_PLAN_DUMP=1 prints the generated files and each outcome to stderr
// (replay: FUZZ_PLAN_DUMP=1 build-asan/fuzz_plan FILE).
#include <fuzzer/FuzzedDataProvider.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/base/civil_time.h"
#include "engine/check/check.h"
#include "engine/check/schedule_diff.h"
#include "engine/pipeline.h"

namespace fairmatch::fuzz {
namespace {

namespace fs = std::filesystem;

bool Dump() {
  static const bool dump = std::getenv("FUZZ_PLAN_DUMP") != nullptr;
  return dump;
}

[[noreturn]] void Fail(const std::string& why) {
  std::fprintf(stderr, "fuzz_plan: assertion failed: %s\n", why.c_str());
  __builtin_trap();
}

const std::string& Dir() {
  static const std::string dir = [] {
    char tmpl[] = "/tmp/fairmatch_fuzz_plan_XXXXXX";
    const char* made = ::mkdtemp(tmpl);
    if (made == nullptr) Fail("mkdtemp");
    static const std::string remove = made;
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(remove, ec);
    });
    return std::string(made);
  }();
  return dir;
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) Fail("cannot write " + path);
  if (Dump()) std::fprintf(stderr, "==> %s\n%s\n", path.c_str(), text.c_str());
}

// YAML double-quoted scalar. Only `"` and `\` are escaped: any other byte
// the fuzzer chose goes in raw, for the loader to accept or refuse.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// Names: several scripts, combining marks, dashes, apostrophes, a zero-width
// joiner, right-to-left text; some repeat, so that changes.yaml may name two
// people at once.
constexpr const char* kNames[] = {
    "Ada Lovelace",
    "Zoë Ødegård",
    "Nguyễn Thị Minh Khai",
    "Дмитрий",
    "Ελένη",
    "O'Brien—Smith",
    "Jean-Luc",
    "--",
    "مريم",
    "李小龙",
    "e\u0301le\u0300ve",
    "👩\u200d🔬 Lab",
    "Ana Pérez",
    "ana perez",
    "  spaced   out  ",
    "Conceição",
    "x",
    "Ünïcödé – dash ‐ hyphen",
};
constexpr const char* kTags[] = {"python", "internships", "mentoring",
                                 "data",   "design",      "field work"};
constexpr const char* kValues[] = {"impact", "growth", "craft"};
constexpr const char* kPrograms[] = {"Computer Science", "Law", "law ",
                                     "Design"};
constexpr const char* kLevels[] = {"BSc", "MSc", "msc", "PhD"};
constexpr const char* kSectors[] = {"energy", "software", "Health"};
constexpr int kSlotLengths[] = {5, 10, 15, 20, 30, 45};
constexpr const char* kRatings[] = {"0", "1", "2",    "2.5",
                                    "3", "4", "4.75", "5"};

struct Day {
  int start = 0;
  int end = 0;
  std::vector<int> starts;  // slot starts, as this generator means them
  std::vector<int> ends;
};

struct Person {
  std::string id;
  std::string name;
  std::string email;  // may be empty
};

class Generator {
 public:
  // A hostile generator also makes mistakes (bad ids, reversed windows,
  // unknown references, odd bytes), each rarely, so that most hostile fairs
  // still fail in one place only; the others are valid by construction,
  // for the planner.
  Generator(FuzzedDataProvider& p, bool hostile) : p_(p), hostile_(hostile) {}

  // 1 in `n`; false once the bytes run out (they then read as zeros), so
  // that a short input makes a plain fair rather than one with every option.
  bool OneIn(int n) { return p_.ConsumeIntegralInRange<int>(1, n) == n; }
  // A mistake, 1 in `n` when hostile.
  bool Odd(int n) { return hostile_ && OneIn(n); }

  std::string Event() {
    const int length = p_.PickValueInArray(kSlotLengths);
    const int slots = p_.ConsumeIntegralInRange<int>(1, 12);
    day_.start = 8 * 60 + 15 * p_.ConsumeIntegralInRange<int>(0, 8);
    int t = day_.start;
    int brk_after = -1, brk_length = 0, brk_shift = 0;
    if (slots > 1 && p_.ConsumeBool()) {
      brk_after = p_.ConsumeIntegralInRange<int>(1, slots - 1);
      brk_length = 5 * p_.ConsumeIntegralInRange<int>(1, 6);
      // Usually on a slot boundary; sometimes cutting into a slot.
      if (OneIn(4)) brk_shift = p_.ConsumeIntegralInRange<int>(0, length - 1);
    }
    std::string breaks;
    for (int s = 0; s < slots; ++s) {
      if (s == brk_after) {
        breaks = absl::StrCat(
            "  breaks: [{start: \"", FormatClock(t + brk_shift), "\", end: \"",
            FormatClock(t + brk_shift + brk_length), "\"}]\n");
        t += brk_shift + brk_length;
      }
      day_.starts.push_back(t);
      day_.ends.push_back(t + length);
      t += length;
    }
    day_.end = t;
    if (Odd(8)) day_.end += p_.ConsumeIntegralInRange<int>(-length, length);
    if (day_.end > 24 * 60) day_.end = 24 * 60;
    std::string values;
    for (const char* v : kValues) {
      absl::StrAppend(&values, "  - {id: ", v, ", label: ", Quote(Name()),
                      "}\n");
    }
    return absl::StrCat(
        "name: ", Quote(Name()), "\n", "date: 2027-03-04\n",
        OneIn(2) ? "timezone: UTC\n" : "",
        OneIn(2) ? "venue: \"Hall – B\"\n" : "", "slots:\n", "  start: \"",
        FormatClock(day_.start), "\"\n", "  end: \"", FormatClock(day_.end),
        "\"\n", "  length: ", length, "\n", breaks, "values:\n", values);
  }

  std::string Employers() {
    const int n = p_.ConsumeIntegralInRange<int>(1, 8);
    std::string out;
    for (int e = 0; e < n; ++e) {
      Person person{Id("e", e), PersonName(e), ""};
      if (OneIn(3)) person.email = Email(person.id);
      absl::StrAppend(&out, "  - id: ", Quote(person.id), "\n",
                      "    name: ", Quote(person.name), "\n");
      if (!person.email.empty()) {
        absl::StrAppend(&out, "    email: ", Quote(person.email), "\n");
      }
      if (OneIn(2)) absl::StrAppend(&out, "    booth: ", Quote(Name()), "\n");
      if (OneIn(2)) {
        absl::StrAppend(
            &out, "    tables: ", p_.ConsumeIntegralInRange<int>(1, 3), "\n");
      }
      if (OneIn(2)) {
        absl::StrAppend(&out, "    group_size: ",
                        p_.ConsumeIntegralInRange<int>(1, 4), "\n");
      }
      Profile(&out);
      if (OneIn(2)) {
        absl::StrAppend(&out, "    extra: {sector: ",
                        Quote(p_.PickValueInArray(kSectors)), "}\n");
      }
      if (OneIn(4)) absl::StrAppend(&out, "    requires: ", Requires(), "\n");
      employers_.push_back(person);
      employer_blocks_.push_back(std::move(out));
      out.clear();
    }
    out = "employers:\n";
    for (const std::string& block : employer_blocks_) out += block;
    return out;
  }

  // employers.yaml again, each employer now with must_meet, avoid and
  // wants naming the attendees (known once Attendees() ran); call after
  // Attendees().
  std::string EmployersWithIntents() {
    std::string out = "employers:\n";
    for (const std::string& block : employer_blocks_) {
      out += block;
      std::vector<std::string> must, avoid, wants;
      if (OneIn(8)) must = AttendeeRefs(hostile_ ? 3 : 1, {});
      if (OneIn(8)) avoid = AttendeeRefs(2, must);
      if (OneIn(4)) wants = AttendeeRefs(4, avoid);
      if (!must.empty())
        absl::StrAppend(&out, "    must_meet: ", List(must), "\n");
      if (!avoid.empty())
        absl::StrAppend(&out, "    avoid: ", List(avoid), "\n");
      if (!wants.empty())
        absl::StrAppend(&out, "    wants: ", List(wants), "\n");
    }
    return out;
  }

  // A `requires:` map (flow style) on the other side's program, extra.level
  // or extra.year (a list or a range), or, for an attendee, extra.sector;
  // an impossible range or an unknown field sometimes.
  std::string Requires(bool of_attendee = false) {
    std::vector<std::string> clauses;
    if (of_attendee) {
      clauses.push_back(absl::StrCat(
          "extra.sector: [", Quote(p_.PickValueInArray(kSectors)), "]"));
    } else {
      if (OneIn(2)) {
        clauses.push_back(
            absl::StrCat("program: [", Quote(p_.PickValueInArray(kPrograms)),
                         ", ", Quote(p_.PickValueInArray(kPrograms)), "]"));
      }
      if (OneIn(2)) {
        clauses.push_back(
            absl::StrCat("extra.level: ", Quote(p_.PickValueInArray(kLevels))));
      }
      if (OneIn(2)) {
        int lo = p_.ConsumeIntegralInRange<int>(2025, 2028);
        int hi = p_.ConsumeIntegralInRange<int>(2025, 2028);
        if (lo > hi && !Odd(8)) std::swap(lo, hi);
        clauses.push_back(
            absl::StrCat("extra.year: {min: ", lo, ", max: ", hi, "}"));
      }
    }
    if (Odd(16)) clauses.push_back("extra.nosuchfield: [x]");
    return absl::StrCat("{", absl::StrJoin(clauses, ", "), "}");
  }

  // Attendee ids for an employer's must_meet, avoid or wants, none of
  // `taken` unless hostile; an unknown one sometimes.
  std::vector<std::string> AttendeeRefs(int most,
                                        const std::vector<std::string>& taken) {
    std::vector<std::string> refs;
    const int n = p_.ConsumeIntegralInRange<int>(1, most);
    for (int i = 0; i < n; ++i) {
      if (Odd(16) || attendees_.empty()) {
        refs.push_back("nosuchattendee");
        continue;
      }
      const std::string& id = attendees_[p_.ConsumeIntegralInRange<size_t>(
                                             0, attendees_.size() - 1)]
                                  .id;
      if (hostile_ ||
          std::find(taken.begin(), taken.end(), id) == taken.end()) {
        refs.push_back(id);
      }
    }
    return refs;
  }

  std::string Attendees() {
    const int n = p_.ConsumeIntegralInRange<int>(1, 40);
    std::string out = "attendees:\n";
    for (int a = 0; a < n; ++a) {
      out += Attendee(Id("a", a), /*indent=*/"  ");
    }
    return out;
  }

  // --set key=value, each chosen or not.
  std::vector<std::string> Sets() {
    std::vector<std::string> sets;
    auto fraction = [&](int steps) {
      return absl::StrCat(p_.ConsumeIntegralInRange<int>(0, steps) /
                          static_cast<double>(steps));
    };
    if (OneIn(2)) sets.push_back("min_score=" + fraction(20));
    // meetings.min <= meetings.max (defaults 2 and 4) unless hostile.
    int least = 2;
    if (OneIn(3)) {
      least = p_.ConsumeIntegralInRange<int>(0, 4);
      sets.push_back(absl::StrCat("meetings.min=", least));
    }
    if (OneIn(3)) {
      sets.push_back(absl::StrCat("meetings.max=",
                                  p_.ConsumeIntegralInRange<int>(
                                      hostile_ ? 1 : std::max(least, 1), 5)));
    } else if (least > 4 && !hostile_) {
      sets.push_back("meetings.max=5");
    }
    if (OneIn(3)) {
      sets.push_back(
          absl::StrCat("group_size=", p_.ConsumeIntegralInRange<int>(1, 4)));
    }
    if (OneIn(3)) sets.push_back("objective.fairness=" + fraction(4));
    if (OneIn(3)) {
      sets.push_back(absl::StrCat("employers.max_consecutive=",
                                  p_.ConsumeIntegralInRange<int>(0, 3)));
    }
    if (OneIn(4)) {
      sets.push_back(absl::StrCat("employers.min_meetings=",
                                  p_.ConsumeIntegralInRange<int>(0, 3)));
    }
    // Not both 0 unless hostile.
    const bool values = OneIn(3), benefit = OneIn(3);
    if (values) sets.push_back("weights.values=" + fraction(4));
    if (benefit) sets.push_back("weights.benefit=" + fraction(4));
    if (values && benefit && !hostile_ &&
        absl::EndsWith(sets[sets.size() - 2], "=0") &&
        absl::EndsWith(sets.back(), "=0")) {
      sets.back() = "weights.benefit=1";
    }
    if (OneIn(3)) sets.push_back("rerun.change_penalty=" + fraction(10));
    if (OneIn(4))
      sets.push_back(
          absl::StrCat("seed=", p_.ConsumeIntegral<std::uint16_t>()));
    if (OneIn(4))
      sets.push_back(OneIn(2) ? "output.paper=letter" : "output.paper=a4");
    return sets;
  }

  std::string Changes() {
    std::string withdraw, walk_ins, availability, force, forbid, lock;
    const int n = p_.ConsumeIntegralInRange<int>(1, 6);
    for (int i = 0; i < n; ++i) {
      switch (p_.ConsumeIntegralInRange<int>(0, 5)) {
        case 0:
          absl::StrAppend(&withdraw, "  - {who: ", Quote(Who(AnyPerson())));
          if (OneIn(2))
            absl::StrAppend(&withdraw, ", from: \"", FormatClock(Time()), "\"");
          withdraw += "}\n";
          break;
        case 1:
          walk_ins += Attendee(Id("w", walk_in_count_++), "  ");
          break;
        case 2:
          absl::StrAppend(&availability, "  - {who: ", Quote(Who(AnyPerson())),
                          ", available: ", Windows(), "}\n");
          break;
        case 3:
          absl::StrAppend(&force, "  - {", Pair());
          if (OneIn(2)) {
            absl::StrAppend(&force, ", at: \"", FormatClock(SlotStart()), "\"");
            if (OneIn(2)) {
              absl::StrAppend(
                  &force, ", table: ", p_.ConsumeIntegralInRange<int>(1, 3));
            }
          }
          force += "}\n";
          break;
        case 4:
          absl::StrAppend(&forbid, "  - {", Pair(), "}\n");
          break;
        default:
          absl::StrAppend(&lock, "  - {", Pair(), "}\n");
          break;
      }
    }
    std::string out;
    auto section = [&](const char* key, const std::string& body) {
      if (!body.empty()) absl::StrAppend(&out, key, ":\n", body);
    };
    section("withdraw", withdraw);
    // Walk-in entries are attendee entries: indented as in attendees.yaml.
    section("walk_ins", walk_ins);
    section("availability", availability);
    section("force", force);
    section("forbid", forbid);
    section("lock", lock);
    return out;
  }

  // --from: a slot start mostly, else any time of the day.
  int From() { return OneIn(4) ? Time() : SlotStart(); }

  const Day& day() const { return day_; }

 private:
  // An id for person `i` of kind `prefix`: mostly valid, with dots, dashes
  // and underscores; sometimes not (a leading dash, a non-ASCII letter,
  // too long, empty, or a clash).
  std::string Id(const char* prefix, int i) {
    switch (hostile_ ? p_.ConsumeIntegralInRange<int>(0, 15)
                     : p_.ConsumeIntegralInRange<int>(0, 2) + 8 * OneIn(2)) {
      case 0:
        return absl::StrCat(prefix, "-", i, "--x");
      case 1:
        return absl::StrCat(prefix, ".", i, "_Z");
      case 2:
        return absl::StrCat(i, "-", prefix);
      case 3:
        return absl::StrCat("-", prefix, i);  // invalid
      case 4:
        return absl::StrCat(prefix, "é", i);  // invalid
      case 5:
        return absl::StrCat(prefix, std::string(70, 'x'));  // invalid
      case 6:
        return OneIn(4) ? std::string() : absl::StrCat(prefix, i);  // invalid
      case 7:
        return absl::StrCat(prefix, 0);  // a clash
      default:
        return absl::StrCat(prefix, i);
    }
  }

  std::string Name() {
    if (Odd(32)) return p_.ConsumeRandomLengthString(12);  // any bytes
    return p_.PickValueInArray(kNames);
  }

  // Mostly told apart by a number; the same name twice sometimes.
  std::string PersonName(int i) {
    std::string name = Name();
    if (!OneIn(4)) absl::StrAppend(&name, " ", i);
    return name;
  }

  std::string Email(const std::string& id) {
    if (Odd(16)) return "not an e-mail";
    return absl::StrCat(OneIn(4) ? "Mixed.Case." : "", id.empty() ? "x" : id,
                        "@example.org");
  }

  // A time of the day: a slot boundary mostly, else any 5 minutes around
  // the event.
  int Time() {
    if (!day_.starts.empty() && !OneIn(4)) {
      const size_t s =
          p_.ConsumeIntegralInRange<size_t>(0, day_.starts.size() - 1);
      return p_.ConsumeBool() ? day_.starts[s] : day_.ends[s];
    }
    int t = day_.start + 5 * p_.ConsumeIntegralInRange<int>(
                                 -6, (day_.end - day_.start) / 5 + 6);
    return std::clamp(t, 0, 24 * 60 - 1);
  }

  int SlotStart() {
    if (day_.starts.empty() || OneIn(8)) return Time();
    return day_
        .starts[p_.ConsumeIntegralInRange<size_t>(0, day_.starts.size() - 1)];
  }

  // ["HH:MM-HH:MM", ...]; empty ([]) sometimes.
  std::string Windows() {
    const int n = p_.ConsumeIntegralInRange<int>(0, 2);
    std::vector<std::string> windows;
    for (int i = 0; i < n; ++i) {
      int a = Time(), b = Time();
      if (a > b && !Odd(16)) std::swap(a, b);
      if (a == b && !Odd(8)) b = std::min(a + 15, 24 * 60);
      windows.push_back(
          absl::StrCat("\"", FormatClock(a), "-", FormatClock(b), "\""));
    }
    return absl::StrCat("[", absl::StrJoin(windows, ", "), "]");
  }

  std::string Tags() {
    std::vector<std::string> tags;
    const int n = p_.ConsumeIntegralInRange<int>(0, 3);
    for (int i = 0; i < n; ++i)
      tags.push_back(Quote(p_.PickValueInArray(kTags)));
    return absl::StrCat("[", absl::StrJoin(tags, ", "), "]");
  }

  // values, offers, seeks and available, each optional.
  void Profile(std::string* out, const char* indent = "    ") {
    if (!OneIn(4)) {
      std::vector<std::string> ratings;
      for (const char* v : kValues) {
        if (OneIn(3)) continue;
        ratings.push_back(absl::StrCat(v, ": ", p_.PickValueInArray(kRatings)));
      }
      if (Odd(32)) ratings.push_back("nosuchvalue: 3");  // invalid
      absl::StrAppend(out, indent, "values: {", absl::StrJoin(ratings, ", "),
                      "}\n");
    }
    if (OneIn(2)) absl::StrAppend(out, indent, "offers: ", Tags(), "\n");
    if (OneIn(2)) absl::StrAppend(out, indent, "seeks: ", Tags(), "\n");
    if (OneIn(3)) absl::StrAppend(out, indent, "available: ", Windows(), "\n");
  }

  // Employer ids for must_meet or avoid, none of `taken` unless hostile
  // (an employer in both lists is an error); an unknown one sometimes.
  std::vector<std::string> EmployerRefs(int most,
                                        const std::vector<std::string>& taken) {
    std::vector<std::string> refs;
    const int n = p_.ConsumeIntegralInRange<int>(1, most);
    for (int i = 0; i < n; ++i) {
      if (Odd(16)) {
        refs.push_back("nosuchemployer");
        continue;
      }
      const std::string& id = employers_[p_.ConsumeIntegralInRange<size_t>(
                                             0, employers_.size() - 1)]
                                  .id;
      if (hostile_ ||
          std::find(taken.begin(), taken.end(), id) == taken.end()) {
        refs.push_back(id);
      }
    }
    return refs;
  }

  static std::string List(const std::vector<std::string>& items) {
    std::vector<std::string> quoted;
    for (const std::string& item : items) quoted.push_back(Quote(item));
    return absl::StrCat("[", absl::StrJoin(quoted, ", "), "]");
  }

  // One attendee entry (attendees.yaml, or a walk-in), `indent` before its
  // dash.
  std::string Attendee(const std::string& id, const std::string& indent) {
    Person person{id, PersonName(static_cast<int>(attendees_.size())), ""};
    if (OneIn(2)) person.email = Email(id);
    const std::string in = indent + "  ";
    std::string out = absl::StrCat(indent, "- id: ", Quote(person.id), "\n", in,
                                   "name: ", Quote(person.name), "\n");
    if (!person.email.empty())
      absl::StrAppend(&out, in, "email: ", Quote(person.email), "\n");
    if (OneIn(4)) {
      absl::StrAppend(&out, in, "program: ",
                      Quote(OneIn(2) ? Name() : p_.PickValueInArray(kPrograms)),
                      "\n");
    }
    Profile(&out, in.c_str());
    if (OneIn(3)) {
      absl::StrAppend(
          &out, in, "extra: {level: ", Quote(p_.PickValueInArray(kLevels)),
          ", year: ", p_.ConsumeIntegralInRange<int>(2025, 2028), "}\n");
    }
    if (OneIn(6)) absl::StrAppend(&out, in, "requires: ", Requires(true), "\n");
    std::vector<std::string> must, avoid;
    if (OneIn(6)) must = EmployerRefs(hostile_ ? 3 : 1, {});
    if (OneIn(5)) avoid = EmployerRefs(2, must);
    if (OneIn(3)) {
      // Below the must_meet count only when hostile.
      const int slots = static_cast<int>(day_.starts.size());
      const int least =
          hostile_ ? 0 : std::min(static_cast<int>(must.size()), slots);
      absl::StrAppend(
          &out, in, "max_meetings: ",
          p_.ConsumeIntegralInRange<int>(least, slots + (Odd(16) ? 1 : 0)),
          "\n");
    }
    if (!must.empty())
      absl::StrAppend(&out, in, "must_meet: ", List(must), "\n");
    if (!avoid.empty()) absl::StrAppend(&out, in, "avoid: ", List(avoid), "\n");
    if (OneIn(4)) {
      std::vector<std::string> wants = EmployerRefs(3, avoid);
      absl::StrAppend(&out, in, "wants: ", List(wants), "\n");
    }
    attendees_.push_back(person);
    return out;
  }

  const Person& AnyPerson() {
    if (p_.ConsumeBool()) {
      return employers_[p_.ConsumeIntegralInRange<size_t>(
          0, employers_.size() - 1)];
    }
    return attendees_[p_.ConsumeIntegralInRange<size_t>(0,
                                                        attendees_.size() - 1)];
  }

  // How a changes entry names someone: by id, e-mail or name, in the case
  // the fuzzer picks; an unknown name sometimes.
  std::string Who(const Person& person) {
    switch (p_.ConsumeIntegralInRange<int>(0, 7)) {
      case 0:
        return person.email.empty() ? person.id : person.email;
      case 1:
        return absl::AsciiStrToUpper(person.email.empty() ? person.id
                                                          : person.email);
      case 2:
        return person.name;
      case 3:
        return absl::AsciiStrToLower(person.name);
      case 4:
        return absl::StrCat("  ", absl::AsciiStrToUpper(person.name), " ");
      case 5:
        return Odd(4) ? "nobody at all" : person.id;
      default:
        return person.id;
    }
  }

  std::string Pair() {
    const Person& a =
        attendees_[p_.ConsumeIntegralInRange<size_t>(0, attendees_.size() - 1)];
    const Person& e =
        employers_[p_.ConsumeIntegralInRange<size_t>(0, employers_.size() - 1)];
    return absl::StrCat("attendee: ", Quote(Who(a)),
                        ", employer: ", Quote(Who(e)));
  }

  FuzzedDataProvider& p_;
  const bool hostile_;
  Day day_;
  std::vector<Person> employers_;
  std::vector<Person> attendees_;             // attendees.yaml, then walk-ins
  std::vector<std::string> employer_blocks_;  // one employers.yaml entry each
  int walk_in_count_ = 0;
};

// The diagnostic's file: the first line starts with one of the run's input
// files (or --set), then ':'.
bool NamesAnInput(const std::string& message, const PipelineOptions& options) {
  const std::string first = message.substr(0, message.find('\n'));
  if (absl::StartsWith(first, Dir() + "/")) {
    const size_t colon = first.find(':', Dir().size());
    return colon != std::string_view::npos;
  }
  if (absl::StartsWith(first, "--set:")) return true;
  return !options.baseline.empty() &&
         absl::StartsWith(first, options.baseline + ":");
}

// Checks one RunPlan outcome; returns schedule.json on success, "" on an
// expected failure.
std::string CheckRun(const absl::StatusOr<PlanRun>& run,
                     const PipelineOptions& options, bool pdf) {
  if (!run.ok()) {
    const absl::Status& status = run.status();
    if (Dump()) std::fprintf(stderr, "--> %s\n", status.ToString().c_str());
    if (status.message().empty()) Fail("a failure with an empty message");
    switch (status.code()) {
      case absl::StatusCode::kInvalidArgument:
        if (!NamesAnInput(std::string(status.message()), options)) {
          Fail("an InvalidArgument that names no input file: " +
               status.ToString());
        }
        break;
      case absl::StatusCode::kNotFound:
      case absl::StatusCode::kFailedPrecondition:
        break;
      default:
        Fail("unexpected failure: " + status.ToString());
    }
    return "";
  }
  if (Dump()) {
    std::fprintf(stderr, "--> ok: %zu meetings\n",
                 run->schedule.meetings.size());
  }
  const std::vector<Violation> violations =
      CheckSchedule(*run->fair, *run->compat, run->schedule);
  if (!violations.empty()) {
    Fail(absl::StrCat("check: ", violations[0].kind, ": ",
                      violations[0].message));
  }
  // The PDFs cost six times the rest of an input together, so they are
  // rendered for one plan in four, as the input chooses (FUZZ_PLAN_PDF=1:
  // every plan).
  std::vector<std::string> formats(std::begin(kAllFormats),
                                   std::end(kAllFormats));
  if (!pdf) formats.erase(std::find(formats.begin(), formats.end(), "pdf"));
  absl::StatusOr<std::vector<OutputFile>> files = RenderOutputs(*run, formats);
  if (!files.ok()) Fail("RenderOutputs: " + files.status().ToString());
  std::string json;
  std::set<std::string> names;
  for (const OutputFile& file : *files) {
    if (file.content.empty()) Fail("empty output " + file.name);
    if (!names.insert(file.name).second) Fail("output twice: " + file.name);
    if (file.name == "schedule.json") json = file.content;
  }
  for (const char* name :
       {"schedule.json", "meetings.csv", "schedules.html", "report.html"}) {
    if (names.count(name) == 0) Fail(absl::StrCat("no ", name));
  }
  if (pdf && (names.count("attendees.pdf") == 0 ||
              names.count("employers.pdf") == 0)) {
    Fail("no PDF sheets");
  }
  if (run->changes != nullptr &&
      (names.count("notify.csv") == 0 ||
       (pdf && names.count("attendees-changed.pdf") == 0))) {
    Fail("a rerun without notify.csv or the changed sheets");
  }

  // As `fairmatch check FAIR schedule.json` reads it.
  const std::string path = Dir() + "/checked.json";
  WriteFile(path, json);
  absl::StatusOr<std::unique_ptr<Fair>> fair =
      LoadFairForTool(Dir(), options.load);
  if (!fair.ok()) Fail("the fair no longer loads: " + fair.status().ToString());
  absl::StatusOr<Schedule> read = LoadPublishedSchedule(path, fair->get());
  if (!read.ok())
    Fail("schedule.json does not read back: " + read.status().ToString());
  const Compatibility compat = Compatibility::Build(**fair);
  const std::vector<Violation> rechecked = CheckSchedule(**fair, compat, *read);
  if (!rechecked.empty()) {
    Fail(absl::StrCat("check of schedule.json: ", rechecked[0].kind, ": ",
                      rechecked[0].message));
  }
  fs::remove(path);
  return json;
}

// Pinned baseline meetings (before --from, or locked) are kept, for each of
// their attendees, at the same start and table; nothing new is placed
// before --from.
void CheckPinned(const PlanRun& run, int from) {
  const RecordedSchedule now = RecordSchedule(*run.fair, run.schedule);
  std::set<std::tuple<std::string, std::string, std::string, int>> seats;
  for (const RecordedMeeting& m : now.meetings) {
    for (const std::string& a : m.attendees)
      seats.insert({a, m.employer, m.start, m.table});
  }
  const std::string from_clock = from >= 0 ? FormatClock(from) : "";
  for (const RecordedMeeting& m : run.baseline->meetings) {
    const bool history = m.history || (from >= 0 && m.start < from_clock);
    if (!history && !m.locked) continue;
    for (const std::string& a : m.attendees) {
      if (seats.count({a, m.employer, m.start, m.table}) == 0) {
        Fail(absl::StrCat(history ? "history" : "locked", " meeting of ", a,
                          " with ", m.employer, " at ", m.start, " table ",
                          m.table, " lost"));
      }
    }
  }
  if (from < 0) return;
  for (const Meeting& m : run.schedule.meetings) {
    if (run.fair->slots[m.slot].start < from && !m.history && !m.locked) {
      Fail(absl::StrCat("a new meeting at ",
                        FormatClock(run.fair->slots[m.slot].start),
                        " before --from ", from_clock));
    }
  }
}

// Whether to render the PDFs of a plan: one in four, as the input chooses.
bool Pdf(FuzzedDataProvider& p) {
  static const bool always = std::getenv("FUZZ_PLAN_PDF") != nullptr;
  return p.ConsumeIntegralInRange<int>(0, 3) == 3 || always;
}

// Marks some meetings of schedule.json "locked": true; one meeting per line
// as RenderScheduleJson writes them.
std::string LockSome(FuzzedDataProvider& p, const std::string& json) {
  std::string out;
  size_t at = 0;
  while (at < json.size()) {
    size_t end = json.find('\n', at);
    if (end == std::string::npos) end = json.size();
    std::string line = json.substr(at, end - at);
    if (absl::StartsWith(line, "    {\"slot\": ") &&
        !absl::StrContains(line, "\"locked\"") &&
        p.ConsumeIntegralInRange<int>(0, 3) == 0) {
      const size_t brace = line.rfind('}');
      if (brace != std::string::npos) line.insert(brace, ", \"locked\": true");
    }
    out += line;
    if (end < json.size()) out += '\n';
    at = end + 1;
  }
  return out;
}

void OneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider p(data, size);
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(Dir())) {
    fs::remove_all(entry.path(), ec);
  }
  // The choices that shape the run come first, so that a seed's first
  // bytes decide whether it reruns.
  const bool rerun = p.ConsumeBool();
  const bool changes_first = p.ConsumeIntegralInRange<int>(0, 3) == 0;
  Generator gen(p, /*hostile=*/p.ConsumeIntegralInRange<int>(0, 3) == 0);
  WriteFile(Dir() + "/event.yaml", gen.Event());
  gen.Employers();
  WriteFile(Dir() + "/attendees.yaml", gen.Attendees());
  WriteFile(Dir() + "/employers.yaml", gen.EmployersWithIntents());
  if (changes_first) WriteFile(Dir() + "/changes.yaml", gen.Changes());
  PipelineOptions options;
  options.load.sets = gen.Sets();
  if (Dump()) {
    std::fprintf(stderr, "==> --set %s\n",
                 absl::StrJoin(options.load.sets, " --set ").c_str());
  }
  const std::string json = CheckRun(RunPlan(Dir(), options), options, Pdf(p));
  if (!rerun || json.empty()) return;

  // The rerun: the published plan as baseline, the day's changes and new
  // settings on top.
  fs::create_directory(Dir() + "/v1");
  options.baseline = Dir() + "/v1/schedule.json";
  WriteFile(options.baseline, p.ConsumeBool() ? LockSome(p, json) : json);
  if (p.ConsumeBool()) WriteFile(Dir() + "/changes.yaml", gen.Changes());
  if (p.ConsumeIntegralInRange<int>(0, 3) == 0) {
    for (std::string& set : gen.Sets())
      options.load.sets.push_back(std::move(set));
  }
  if (p.ConsumeBool()) options.from_minutes = gen.From();
  if (Dump()) {
    std::fprintf(stderr, "==> rerun --from %d --set %s\n", options.from_minutes,
                 absl::StrJoin(options.load.sets, " --set ").c_str());
  }
  absl::StatusOr<PlanRun> second = RunPlan(Dir(), options);
  if (CheckRun(second, options, Pdf(p)).empty()) return;
  CheckPinned(*second, options.from_minutes);
}

}  // namespace
}  // namespace fairmatch::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  try {
    fairmatch::fuzz::OneInput(data, size);
  } catch (const std::exception& e) {
    fairmatch::fuzz::Fail(std::string("exception: ") + e.what());
  } catch (...) {
    fairmatch::fuzz::Fail("exception");
  }
  return 0;
}
