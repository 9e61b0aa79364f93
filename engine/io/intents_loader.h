// The keys of both sides' say beyond values and tags (docs/format.md,
// "Requirements" and "Must-meets, avoids and wishes"): reading `requires:`,
// and resolving must_meet, avoid and wants of attendees and employers into
// indices, with every contradiction between them reported.
#ifndef FAIRMATCH_IO_INTENTS_LOADER_H_
#define FAIRMATCH_IO_INTENTS_LOADER_H_

#include <vector>

#include "engine/io/changes_loader.h"  // PersonRefs, WithdrawnIds
#include "engine/io/diagnostics.h"
#include "engine/io/yaml_tree.h"
#include "engine/model/fair.h"

namespace fairmatch {

// A `requires:` map: each key a field of the other side ("program" or
// "extra.KEY" for an employer's requirements on attendees, "extra.KEY" for
// an attendee's on employers), each value a value or a list of values (any
// of them), or {min: N, max: M} (either may be left out) for a number.
// Problems go to `diags`; the clauses that read well are returned.
std::vector<Requirement> ReadRequirements(const YamlNode& node,
                                          bool of_employer, Diagnostics* diags);

// Resolves the references of both sides (parallel to fair->attendees and
// fair->employers) into Attendee/Employer must_meet, avoid (sorted) and
// wants (ranked), and reports: unknown ids (with did-you-mean), ids that
// withdrew (a warning; dropped), a pair in both a must_meet and an avoid of
// either side, a must_meet that a requirement of either side forbids (both
// lines named), and, as warnings, a wish listed twice and a requirement on a
// field nobody on the other side has.
void ResolveIntents(const std::vector<PersonRefs>& attendee_refs,
                    const std::vector<PersonRefs>& employer_refs,
                    const WithdrawnIds& withdrawn, Fair* fair,
                    Diagnostics* diags);

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_INTENTS_LOADER_H_
