// Text helpers for writing YAML by hand, fast, shared by the import (which
// writes attendees.yaml and employers.yaml) and the synthetic-fair generator
// (which emits hundreds of megabytes), so both append to strings instead of
// building yaml-cpp nodes, and quote alike.
//
//   std::string out;
//   AppendYamlScalar(&out, "Zoë Müller");      // "Zoë Müller" (quoted)
//   AppendYamlScalar(&out, "internship");      // internship (plain)
//   AppendQuoted(&out, "09:00");               // "09:00"
//   AsciiFold("Nguyễn Thị Hương")              // "Nguyen Thi Huong"
#ifndef FAIRMATCH_BASE_YAML_WRITER_H_
#define FAIRMATCH_BASE_YAML_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

namespace fairmatch {

// True when `text` may be written as a plain (unquoted) YAML scalar, in block
// and flow context alike, and reads back as that same string. Deliberately
// conservative: only ASCII letters, digits and ` _./-+@` after a leading
// letter, no trailing space, and not a word YAML 1.1 or 1.2 would read as a
// boolean or null (yes, No, off, null, ...). Everything else is quoted.
bool IsPlainYamlSafe(std::string_view text);

// Appends `text` as a double-quoted YAML scalar: `"` and `\` are escaped,
// control characters become \n, \t or \xHH. UTF-8 passes through unchanged.
void AppendQuoted(std::string* out, std::string_view text);

// Appends `text` plain when IsPlainYamlSafe, otherwise double-quoted.
void AppendYamlScalar(std::string* out, std::string_view text);

// Appends `items` as a YAML flow list of scalars: [internship, "Data, AI"].
void AppendFlowList(std::string* out, const std::vector<std::string>& items);

// Folds UTF-8 Latin text to ASCII: accents are dropped (é -> e, ş -> s,
// ễ -> e), ligatures and special letters are spelled out (ß -> ss, æ -> ae,
// ł -> l, đ -> d). Covers Latin-1, Latin Extended-A, the Vietnamese letters
// of Latin Extended-B and Latin Extended Additional (U+1EA0-U+1EF9). Other
// non-ASCII characters (Cyrillic, Greek, CJK, ...) and malformed bytes are
// dropped; callers transliterate those scripts themselves.
std::string AsciiFold(std::string_view utf8);

}  // namespace fairmatch

#endif  // FAIRMATCH_BASE_YAML_WRITER_H_
