#include "engine/io/import_ids.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "engine/base/yaml_writer.h"

namespace fairmatch {

std::string IdFromNameAndRow(absl::string_view prefix, absl::string_view name,
                             int row) {
  std::string slug = Slugify("", name);
  if (slug.empty()) slug = "x";
  const std::string suffix = absl::StrCat("-r", row);
  const size_t room = 64 - std::min<size_t>(64, prefix.size() + suffix.size());
  if (slug.size() > room) slug.resize(room);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return absl::StrCat(prefix, slug, suffix);
}

std::string IdFromEmail(absl::string_view prefix, absl::string_view email) {
  const std::string key =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(email));
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a 64 offset basis
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;  // FNV-1a 64 prime
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(prefix);
  for (int shift = 60; shift >= 24; shift -= 4) {
    out.push_back(kHex[(h >> shift) & 0xF]);
  }
  return out;
}

std::string Slugify(absl::string_view prefix, absl::string_view name) {
  const std::string folded = AsciiFold(std::string(name));
  std::string slug;
  for (char c : folded) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      slug.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.empty()) return "";
  std::string out = absl::StrCat(prefix, slug);
  if (out.size() > 64) out.resize(64);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace fairmatch
