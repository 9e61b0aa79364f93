// changes.yaml: the day's changes as an input of their own, layered on top
// of the imported profiles, so that nobody edits a generated file
// (docs/format.md, "changes.yaml"; docs/reruns.md has a worked example of
// each). The fair folder's changes.yaml applies first, then each
// `plan --changes FILE` in order.
//
//   withdraw:      [{who: acme-energie}, {who: "Chloé Dubois", from: "11:00"}]
//   walk_ins:      [{id: w01, name: Sam Okafor, ...}, {file: walk-ins.yaml}]
//   availability:  [{who: a0042, available: ["12:00-17:00"]}]
//   lock:          [{attendee: a0001, employer: e004}]
//   force:         [{attendee: a0007, employer: globex, at: "14:00", table: 2}]
//   forbid:        [{attendee: a0009, employer: initech}]
//
// `who`, `attendee` and `employer` take an id, an e-mail or a name
// (model/people.h). Reading is in two steps: ReadChangesFile checks the
// shape of one file; the fair loader adds its walk-ins as attendees and then
// calls ApplyChanges for the rest.
#ifndef FAIRMATCH_IO_CHANGES_LOADER_H_
#define FAIRMATCH_IO_CHANGES_LOADER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/io/diagnostics.h"
#include "engine/io/yaml_tree.h"
#include "engine/model/fair.h"

namespace fairmatch {

// An id as written in must_meet or avoid (or a changes entry), resolved by
// the loader once every employer is known.
struct IdRef {
  std::string id;
  SourceMark mark;
};

// One person's unresolved references to the other side: must_meet, avoid
// and the ranked `wants`, in file order (io/intents_loader.h resolves them).
struct PersonRefs {
  std::vector<IdRef> must_meet;
  std::vector<IdRef> avoid;
  std::vector<IdRef> wants;
};

struct WithdrawChange {
  std::string who;
  SourceMark mark;
  int from = -1;  // minutes since midnight; -1: the whole day
};

struct AvailabilityChange {
  std::string who;
  SourceMark mark;
  std::vector<TimeWindow> available;  // empty: the whole event
};

struct PairChange {
  enum class Kind { kLock, kForce, kForbid };
  Kind kind = Kind::kForce;
  std::string attendee;
  std::string employer;
  SourceMark mark;  // the entry
  int at = -1;      // force: minutes since midnight; -1 none
  int table = 0;    // force with at: counts from 1; 0 any
};

struct ChangeSet {
  std::string path;
  std::vector<std::string> files;  // the walk-in files it names, in order
  std::vector<YamlNode> walk_ins;  // attendee entries, inline or from files
  std::vector<WithdrawChange> withdraw;
  std::vector<AvailabilityChange> availability;
  std::vector<PairChange> pairs;
};

// Reads one changes file; problems go to `diags`. Walk-in files
// ({file: PATH}, relative to the changes file) are attendees.yaml files (as
// `fairmatch import` writes them); their entries join `walk_ins`.
std::optional<ChangeSet> ReadChangesFile(const std::string& path,
                                         Diagnostics* diags);

// Who was withdrawn for the whole day, by id, with where it was said.
using WithdrawnIds = std::map<std::string, SourceMark>;

// Applies withdrawals, availability and meeting changes of `sets`, in
// order, to `fair` (whose attendees include the walk-ins; `attendee_refs`
// are the attendees' unresolved references, parallel to
// fair->attendees; `employer_refs` the employers', parallel to
// fair->employers). People withdrawn for the whole day move to
// Fair::withdrawn_attendees / withdrawn_employers and into `withdrawn`;
// withdrawn `from` a time keep only the part of their day before it.
// `force` without `at` becomes a must_meet, `forbid` an avoid; `force` with
// `at` and `lock` become Fair::fixed and Fair::locks (employer indices are
// those after withdrawal). REQUIRES: the event and its slots are loaded.
void ApplyChanges(const std::vector<ChangeSet>& sets, Fair* fair,
                  std::vector<PersonRefs>* attendee_refs,
                  std::vector<PersonRefs>* employer_refs,
                  WithdrawnIds* withdrawn, Diagnostics* diags);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_CHANGES_LOADER_H_
