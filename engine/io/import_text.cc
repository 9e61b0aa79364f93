#include "engine/io/import_text.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace fairmatch {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

}  // namespace

std::string CollapseSpace(absl::string_view text) {
  std::string out;
  bool pending = false;
  for (char c : text) {
    if (IsSpace(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

std::string MatchKey(absl::string_view text) {
  std::string s = CollapseSpace(text);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0 ||
        s.compare(i, 3, "\xE2\x80\x98") == 0) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    if (s.compare(i, 2, "\xC2\xA0") == 0) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      ++i;
      continue;
    }
    if (s[i] == ' ' && !out.empty() && out.back() == ' ') continue;
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(s[i])));
  }
  return std::string(absl::StripAsciiWhitespace(out));
}

bool IsNoAnswer(absl::string_view match_key) {
  return match_key.empty() || match_key == "no" || match_key == "n" ||
         match_key == "false" || match_key == "0";
}

std::vector<std::string> SplitList(absl::string_view cell,
                                   const std::string& delimiter) {
  std::string delim = delimiter;
  if (delim.empty()) delim = absl::StrContains(cell, ';') ? ";" : ",";
  std::vector<std::string> out;
  for (absl::string_view line : absl::StrSplit(cell, absl::ByAnyChar("\n\r"))) {
    for (absl::string_view item : absl::StrSplit(line, delim)) {
      std::string s = CollapseSpace(item);
      if (!s.empty()) out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace fairmatch
