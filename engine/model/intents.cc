#include "engine/model/intents.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "engine/base/tags.h"

namespace fairmatch {
namespace {

std::optional<absl::string_view> ExtraValue(const ExtraFields& extra,
                                            absl::string_view field) {
  if (field.substr(0, 6) != "extra.") return std::nullopt;
  const absl::string_view key = field.substr(6);
  for (const auto& [k, v] : extra) {
    if (k == key) {
      if (v.empty()) return std::nullopt;
      return absl::string_view(v);
    }
  }
  return std::nullopt;
}

bool SortedContains(const std::vector<int>& list, int x) {
  return std::binary_search(list.begin(), list.end(), x);
}

const Requirement* FirstFailed(const std::vector<Requirement>& clauses,
                               const auto& other) {
  for (const Requirement& r : clauses) {
    if (!Satisfies(r, FieldValue(other, r.field))) return &r;
  }
  return nullptr;
}

}  // namespace

std::optional<absl::string_view> FieldValue(const Attendee& attendee,
                                            absl::string_view field) {
  if (field == "program") {
    if (attendee.program.empty()) return std::nullopt;
    return absl::string_view(attendee.program);
  }
  return ExtraValue(attendee.extra, field);
}

std::optional<absl::string_view> FieldValue(const Employer& employer,
                                            absl::string_view field) {
  return ExtraValue(employer.extra, field);
}

std::vector<std::string> ValueForms(absl::string_view value) {
  std::vector<std::string> forms = {NormalizeTag(value)};
  if (value.find(',') != absl::string_view::npos) {
    for (absl::string_view part : absl::StrSplit(value, ',')) {
      forms.push_back(NormalizeTag(part));
    }
  }
  return forms;
}

std::optional<double> ValueNumber(absl::string_view value) {
  double x = 0;
  if (!absl::SimpleAtod(absl::StripAsciiWhitespace(value), &x) ||
      !std::isfinite(x)) {
    return std::nullopt;
  }
  return x;
}

bool Satisfies(const Requirement& r, std::optional<absl::string_view> value) {
  if (!value) return false;
  if (r.range) {
    const std::optional<double> x = ValueNumber(*value);
    return x && r.min <= *x && *x <= r.max;
  }
  for (const std::string& form : ValueForms(*value)) {
    if (std::find(r.any_of.begin(), r.any_of.end(), form) != r.any_of.end()) {
      return true;
    }
  }
  return false;
}

const Requirement* FailedRequirement(const Fair& fair, int a, int e,
                                     bool* by_employer) {
  const Attendee& attendee = fair.attendees[a];
  const Employer& employer = fair.employers[e];
  if (const Requirement* r = FirstFailed(employer.requirements, attendee)) {
    if (by_employer) *by_employer = true;
    return r;
  }
  if (const Requirement* r = FirstFailed(attendee.requirements, employer)) {
    if (by_employer) *by_employer = false;
    return r;
  }
  return nullptr;
}

bool MustMeet(const Fair& fair, int a, int e) {
  return SortedContains(fair.attendees[a].must_meet, e) ||
         SortedContains(fair.employers[e].must_meet, a);
}

bool Avoided(const Fair& fair, int a, int e) {
  return SortedContains(fair.attendees[a].avoid, e) ||
         SortedContains(fair.employers[e].avoid, a);
}

int WishRank(const std::vector<int>& wants, int x) {
  for (std::size_t i = 0; i < wants.size(); ++i) {
    if (wants[i] == x) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::vector<std::vector<int>> MustMeetLists(const Fair& fair) {
  std::vector<std::vector<int>> lists(fair.attendees.size());
  for (int a = 0; a < fair.num_attendees(); ++a) {
    lists[a] = fair.attendees[a].must_meet;
  }
  bool merged = false;
  for (int e = 0; e < fair.num_employers(); ++e) {
    for (int a : fair.employers[e].must_meet) {
      lists[a].push_back(e);
      merged = true;
    }
  }
  if (merged) {
    for (std::vector<int>& list : lists) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
  }
  return lists;
}

}  // namespace fairmatch
