// The validated description of one career fair: the event and its slots, the
// value vocabulary, attendees and employers, all with dense integer indices.
//
// A Fair is built by io/fair_loader and is immutable afterwards: later stages
// take it by const& and refer to people by index (attendee a, employer e,
// slot s). Ids are kept for output; they never drive control flow.
#ifndef FAIRMATCH_MODEL_FAIR_H_
#define FAIRMATCH_MODEL_FAIR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/civil_time.h"  // times are minutes: FormatClock
#include "engine/model/config.h"

namespace fairmatch {

// A file name as source marks hold it: interned, so that copying one of
// the millions of marks of a large file copies a pointer, not the name.
// The names live as long as the process (a run reads a few files).
class FileName {
 public:
  FileName() = default;
  // Implicit: marks are made from paths and literals.
  FileName(std::string_view name);   // NOLINT(google-explicit-constructor)
  FileName(const std::string& name)  // NOLINT(google-explicit-constructor)
      : FileName(std::string_view(name)) {}
  FileName(const char* name)  // NOLINT(google-explicit-constructor)
      : FileName(std::string_view(name)) {}

  const std::string& str() const { return *name_; }
  bool empty() const { return name_->empty(); }
  friend bool operator==(const FileName& a, std::string_view b) {
    return *a.name_ == b;
  }

 private:
  static const std::string& Empty();
  const std::string* name_ = &Empty();
};

// Where something came from in an input file; line and column count from 1.
// An empty file means "no location" (e.g. a built-in default).
struct SourceMark {
  FileName file;
  int line = 0;
  int column = 0;
  // "FILE:LINE:COL", "FILE" without a line, "" without a file.
  std::string ToString() const;
};

// A half-open interval of the day [start, end) in minutes since midnight.
struct TimeWindow {
  int start = 0;
  int end = 0;

  bool Contains(const TimeWindow& inner) const {
    return start <= inner.start && inner.end <= end;
  }
  bool Overlaps(const TimeWindow& other) const {
    return start < other.end && other.start < end;
  }
};

// One conversation slot of the day.
using Slot = TimeWindow;

// "09:00-12:00, 13:00-17:00", or "the whole event" for an empty list.
std::string FormatWindows(const std::vector<TimeWindow>& windows);

// Appends `windows` as the fair files write them, a YAML flow list:
// ["09:00-12:00", "13:00-17:00"] (the import and the generator).
void AppendYamlWindows(std::string* out,
                       const std::vector<TimeWindow>& windows);

// The slots of a day: consecutive `length`-minute intervals from `start`; a
// slot that would overlap a break starts at that break's end instead; the
// last slot ends by `end`. REQUIRES: length > 0.
std::vector<Slot> MakeSlots(int start, int end, int length,
                            const std::vector<TimeWindow>& breaks);

// True when `slot` lies inside one of `windows`; an empty list means "the
// whole event" and contains every slot.
bool SlotInWindows(const Slot& slot, const std::vector<TimeWindow>& windows);

struct ValueDef {
  std::string id;
  std::string label;
};

struct Event {
  std::string name;
  std::string date;      // ISO 8601, YYYY-MM-DD
  std::string timezone;  // IANA zone, may be empty
  std::string venue;     // may be empty
  // The event's language (`locale:` in event.yaml, e.g. "fr"), validated by
  // the loader; empty when not given. Outputs sort names in its collation
  // unless output.locale says otherwise (render/people.h).
  std::string locale;
  int start = 0;  // minutes since midnight
  int end = 0;
  int length = 15;  // minutes per slot
  std::vector<TimeWindow> breaks;
  std::vector<ValueDef> values;  // the fair's value vocabulary
};

// Free-form `extra:` data, flattened to dotted keys in file order
// ("portfolio.url" -> "https://..."), carried through to outputs untouched;
// output.extra (Config::extra) chooses which fields they show.
using ExtraFields = std::vector<std::pair<std::string, std::string>>;

// True when the output.extra entry `selector` selects the extra field `key`:
// the key itself, or a key under it ("portfolio" selects "portfolio.url",
// not "portfolios").
bool ExtraSelects(std::string_view selector, std::string_view key);

// The fields of `extra` that outputs show under `config`: all of them in
// file order when output.extra is `all`, else those it selects, in the order
// of output.extra (file order among the fields one entry selects), each once.
ExtraFields ShownExtra(const Config& config, const ExtraFields& extra);

// Of `keys` (distinct extra keys, e.g. ExtraKeys of a fair), those outputs
// show under `config`, in the order ShownExtra gives fields.
std::vector<std::string> ShownExtraKeys(const Config& config,
                                        const std::vector<std::string>& keys);

// One clause of a person's `requires:` (docs/format.md, "Requirements"):
// the other side's `field` must hold one of `any_of`, or, for a range, a
// number in [min, max]. A person's clauses must all hold; a pair that fails
// one never meets. Evaluated by model/intents.h.
struct Requirement {
  // "program" (of an attendee) or "extra.KEY" (an `extra` field, dotted as
  // in ExtraFields).
  std::string field;
  // The accepted values, normalised like tags (base/tags.h NormalizeTag),
  // in file order; empty for a range.
  std::vector<std::string> any_of;
  bool range = false;
  double min = -1e300;  // a range's bounds, inclusive; open ends are +-1e300
  double max = 1e300;
  SourceMark mark;  // the key's
  // "extra.level is one of bsc, msc", "extra.graduation_year is 2026 to
  // 2027", "extra.gpa is at least 3.5".
  std::string ToString() const;
};

// What attendees and employers have in common.
struct Profile {
  std::string id;
  std::string name;
  // Ratings 0-5, one per Event::values entry (same order); missing is 0.
  std::vector<float> values;
  std::vector<std::string> offers;  // tags as written in the file
  std::vector<std::string> seeks;
  std::vector<TimeWindow> available;  // empty: the whole event
  ExtraFields extra;
  // `requires:` over the other side's fields; all must hold.
  std::vector<Requirement> requirements;
  // `wants:` a ranked wish list of the other side's indices (employers for
  // an attendee, attendees for an employer), first choice first, unique.
  // Soft: a wished pair scores more (docs/scoring.md, "Wishes").
  std::vector<int> wants;
  SourceMark mark;  // where the entry starts
  // Not part of the plan any more: withdrawn for the whole day (changes.yaml)
  // or gone from the inputs, and kept only because a rerun keeps their past
  // meetings (model/history.h). Never available; never planned.
  bool withdrawn = false;
};

struct Attendee : Profile {
  std::string email;
  std::string program;
  int max_meetings = -1;       // -1: use Config::meetings_max
  std::vector<int> must_meet;  // employer indices, sorted, unique
  std::vector<int> avoid;      // employer indices, sorted, unique
};

struct Employer : Profile {
  std::string email;  // the contact's, may be empty
  std::string booth;
  int tables = 1;
  int group_size = -1;  // -1: use Config::group_size
  // The employer's own intents: attendees it must meet (pre-selected) and
  // must never meet (a conflict of interest), attendee indices, sorted,
  // unique. model/intents.h combines them with the attendees' lists.
  std::vector<int> must_meet;
  std::vector<int> avoid;
};

// A meeting the organiser fixed in changes.yaml (`force` with `at`): it
// takes place exactly then, like a locked meeting of a baseline.
struct FixedMeeting {
  int attendee = 0;
  int employer = 0;
  int slot = 0;
  int table = 0;  // counts from 1; 0: any free table
  SourceMark mark;
};

// `lock` in changes.yaml: the pair's published meeting is kept exactly
// (resolved against the baseline of a rerun).
struct MeetingLock {
  int attendee = 0;
  int employer = 0;
  SourceMark mark;
};

struct Fair {
  std::string dir;  // the folder it was loaded from
  Event event;
  std::vector<Slot> slots;
  std::vector<Attendee> attendees;
  std::vector<Employer> employers;
  Config config;
  // Provenance: every setting with the layer it came from, in the order of
  // configs/default.yaml, and the SHA-256 (hex) of the inputs: the bytes of
  // event.yaml, attendees.yaml, employers.yaml, config.yaml (if present),
  // each --config file and each --set, each framed by its role and length,
  // so the same inputs hash the same on every machine whatever the paths.
  std::vector<ConfigEntry> config_entries;
  std::string inputs_sha256;

  // What changes.yaml and each --changes file did beyond editing profiles
  // (docs/format.md, "changes.yaml"). People withdrawn for the whole day are
  // not in `attendees`/`employers`; they are kept here, whole, in case a
  // rerun keeps their past meetings (model/history.h).
  std::vector<Attendee> withdrawn_attendees;
  std::vector<Employer> withdrawn_employers;
  std::vector<FixedMeeting> fixed;
  std::vector<MeetingLock> locks;
  // Warnings found while loading, formatted "FILE:LINE:COL: warning: ...",
  // in file order: the tools print them, the report lists them.
  std::vector<std::string> warnings;

  int num_attendees() const { return static_cast<int>(attendees.size()); }
  int num_employers() const { return static_cast<int>(employers.size()); }
  int num_slots() const { return static_cast<int>(slots.size()); }
  // True when a pause (a break, or any gap) separates slot `s` from slot
  // s - 1: every table rests across it. False for the first slot.
  bool RestBefore(int s) const {
    return s > 0 && slots[s].start > slots[s - 1].end;
  }
  int num_values() const { return static_cast<int>(event.values.size()); }

  // The effective per-attendee cap and per-employer group size, after the
  // config default is applied.
  int MaxMeetings(int a) const {
    int m = attendees[a].max_meetings;
    return m >= 0 ? m : config.meetings_max;
  }
  int GroupSize(int e) const {
    int g = employers[e].group_size;
    return g > 0 ? g : config.group_size;
  }
  bool AttendeeAvailable(int a, int s) const {
    return !attendees[a].withdrawn &&
           SlotInWindows(slots[s], attendees[a].available);
  }
  bool EmployerAvailable(int e, int s) const {
    return !employers[e].withdrawn &&
           SlotInWindows(slots[s], employers[e].available);
  }
};

// Every extra key that some attendee (`attendees`) or employer has, each
// once, in first-seen order: file order of the people, then of their fields.
std::vector<std::string> ExtraKeys(const Fair& fair, bool attendees);

}  // namespace fairmatch

#endif  // FAIRMATCH_MODEL_FAIR_H_
