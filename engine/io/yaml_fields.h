// Typed reads from YamlNode values for the loaders in io/: each helper
// checks one node, reports a problem to Diagnostics in words an organiser
// can act on ("'tables' must be a whole number from 1 to 100, got 'two'"),
// and returns nullopt when the value is unusable. `what` names the value in
// messages and is written as it should appear, quotes included ("'tables'",
// "rating for 'impact'").
//
// Numbers are read from the scalar's text whether or not it was quoted, so
// `tables: "2"` works; NaN and infinities are always rejected.
#ifndef FAIRMATCH_IO_YAML_FIELDS_H_
#define FAIRMATCH_IO_YAML_FIELDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/base/civil_time.h"
#include "engine/io/diagnostics.h"
#include "engine/io/yaml_tree.h"
#include "engine/model/fair.h"

namespace fairmatch {

// The value under `key` in `map`, or nullptr when absent or null (`key:`
// with nothing after it counts as not given).
const YamlNode* FindGiven(const YamlNode& map, absl::string_view key);

// Reports every key of `map` that is not in `allowed`, as
// "unknown key 'nme' in <context>; did you mean 'name'?".
// REQUIRES: map.is_map().
void CheckKeys(const YamlNode& map, const std::vector<std::string>& allowed,
               absl::string_view context, Diagnostics* diags);

// Non-empty text. Lists, maps and empty values are errors.
std::optional<std::string> ReadText(const YamlNode& node,
                                    absl::string_view what, Diagnostics* diags);

// A whole number in [lo, hi].
std::optional<int> ReadInt(const YamlNode& node, absl::string_view what, int lo,
                           int hi, Diagnostics* diags);

// A finite number in [lo, hi] (hi may be +infinity: "at least lo").
std::optional<double> ReadNumber(const YamlNode& node, absl::string_view what,
                                 double lo, double hi, Diagnostics* diags);

// A whole number in [0, 2^64).
std::optional<std::uint64_t> ReadUint64(const YamlNode& node,
                                        absl::string_view what,
                                        Diagnostics* diags);

// A time of day "HH:MM" or "H:MM" (24-hour; "24:00" means midnight at the
// end of the day), as minutes since midnight.
std::optional<int> ReadClock(const YamlNode& node, absl::string_view what,
                             Diagnostics* diags);

// A window "HH:MM-HH:MM" with start < end.
std::optional<TimeWindow> ReadWindow(const YamlNode& node,
                                     absl::string_view what,
                                     Diagnostics* diags);

// An id: [A-Za-z0-9][A-Za-z0-9_.-]{0,63}.
std::optional<std::string> ReadId(const YamlNode& node, absl::string_view what,
                                  Diagnostics* diags);

// Parsers for scalar text, shared with config --set handling. (Clock times
// and dates: engine/base/civil_time.h.)
std::optional<double> ParseFiniteNumber(absl::string_view text);
std::optional<std::int64_t> ParseWholeNumber(absl::string_view text);
bool IsValidId(absl::string_view text);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_YAML_FIELDS_H_
