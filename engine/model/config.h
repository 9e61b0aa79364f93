// Planner settings after layering: built-in defaults (configs/default.yaml)
// <- FAIR_DIR/config.yaml <- each --config file <- each --set key=value.
// io/config_loader does the layering; this is the plain result.
#ifndef FAIRMATCH_MODEL_CONFIG_H_
#define FAIRMATCH_MODEL_CONFIG_H_

#include <cstdint>
#include <string>
#include <vector>

namespace fairmatch {

// One resolved setting, for `--print-config` and schedule.json provenance.
struct ConfigEntry {
  std::string key;     // dotted, e.g. "weights.values"
  std::string value;   // the text of the winning layer, e.g. "0.7"
  std::string origin;  // "default", the file path, or "--set"
};

struct Config {
  // weights: relative weights of the score components (normalised to sum 1).
  double weight_values = 0.5;
  double weight_benefit = 0.5;
  // weights.wants, weights.mutual_wants: what a wish adds to a pair's score
  // (docs/scoring.md, "Wishes"): a side's wish of rank r adds
  // weight_wants * 2 / (r + 1); a pair both sides wish adds
  // weight_mutual_wants on top. Not normalised with the weights above.
  double weight_wants = 0.25;
  double weight_mutual_wants = 0.15;
  // Pairs scoring below never meet, unless the attendee must_meet them.
  double min_score = 0.2;
  // meetings: per attendee; min is a target, max a hard cap.
  int meetings_min = 2;
  int meetings_max = 4;
  // Attendees per conversation at one table.
  int group_size = 3;
  // objective.fairness in [0,1]: 0 maximises total score; higher favours the
  // worst-off attendees.
  double fairness = 0.5;
  // employers.min_meetings: soft target of conversations per employer, so
  // that no employer that paid for a table sits empty.
  int employer_min_meetings = 1;
  // employers.max_consecutive: a table runs at most this many conversations
  // in a row before a free slot (0 = no limit).
  int employer_max_consecutive = 0;
  // rerun.change_penalty: with a baseline, a still-valid baseline meeting is
  // kept unless changing it gains more than this (score units).
  double change_penalty = 0.1;
  std::uint64_t seed = 1;
  // output.paper: page size of the PDF sheets, "a4" or "letter".
  std::string paper = "a4";
  // output.locale: the language whose collation orders the people on the
  // outputs ("fr", "sv", "de-AT", ...), or "event": event.yaml's `locale`,
  // else "en" (render/people.h resolves it).
  std::string locale = "event";
  // output.extra: which `extra` fields of attendees and employers the
  // outputs show: every one (extra_all), or those `extra` selects (a key
  // also selects the keys under it; model/fair.h ExtraSelects).
  bool extra_all = true;
  std::vector<std::string> extra;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_MODEL_CONFIG_H_
