#include "engine/render/people.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/base/unicode_text.h"

namespace fairmatch {
namespace {

// The collation of OutputLocale(fair); "en" when ICU cannot collate that
// locale; none (byte order) only when ICU has no data at all.
std::optional<Collation> CollationFor(const Fair& fair) {
  absl::StatusOr<Collation> collation =
      Collation::ForLocale(OutputLocale(fair));
  if (!collation.ok()) collation = Collation::ForLocale("en");
  if (!collation.ok()) return std::nullopt;
  return *std::move(collation);
}

// Indices of `people` by collation key of the name, then id (bytes), then
// index.
template <typename People>
std::vector<int> Order(const People& people,
                       const std::optional<Collation>& collation) {
  std::vector<std::string> keys(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) {
    keys[i] = collation ? collation->Key(people[i].name) : people[i].name;
  }
  std::vector<int> order(people.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&](int x, int y) {
    if (int c = keys[x].compare(keys[y]); c != 0) return c < 0;
    if (int c = people[x].id.compare(people[y].id); c != 0) return c < 0;
    return x < y;
  });
  return order;
}

std::vector<int> Ranks(const std::vector<int>& order) {
  std::vector<int> rank(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    rank[order[i]] = static_cast<int>(i);
  }
  return rank;
}

// For each person, how many people share their folded name (1: nobody
// else). The maps are only looked up, never iterated into an output.
template <typename People>
std::vector<int> Namesakes(const People& people,
                           std::vector<std::string>* folded) {
  folded->resize(people.size());
  std::unordered_map<std::string, int> count;
  for (std::size_t i = 0; i < people.size(); ++i) {
    (*folded)[i] = FoldForLookup(people[i].name);
    ++count[(*folded)[i]];
  }
  std::vector<int> namesakes(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) {
    namesakes[i] = count[(*folded)[i]];
  }
  return namesakes;
}

std::string WithSuffix(const std::string& name, const std::string& suffix) {
  std::string text = name;
  text.append(" (");
  text.append(suffix);
  text.push_back(')');
  return text;
}

}  // namespace

std::string OutputLocale(const Fair& fair) {
  if (fair.config.locale != "event") return fair.config.locale;
  return fair.event.locale.empty() ? "en" : fair.event.locale;
}

PeopleView::PeopleView(const Fair& fair) {
  const std::optional<Collation> collation = CollationFor(fair);
  attendee_order_ = Order(fair.attendees, collation);
  employer_order_ = Order(fair.employers, collation);
  attendee_rank_ = Ranks(attendee_order_);
  employer_rank_ = Ranks(employer_order_);

  std::vector<std::string> folded;
  const std::vector<int> attendee_namesakes =
      Namesakes(fair.attendees, &folded);
  // Among namesakes, how many share (folded name, folded programme).
  std::unordered_map<std::string, int> same_programme;
  std::vector<std::string> name_and_programme(fair.attendees.size());
  for (std::size_t a = 0; a < fair.attendees.size(); ++a) {
    if (attendee_namesakes[a] < 2) continue;
    name_and_programme[a] = folded[a];
    name_and_programme[a].push_back('\0');
    name_and_programme[a].append(FoldForLookup(fair.attendees[a].program));
    ++same_programme[name_and_programme[a]];
  }
  attendee_name_.reserve(fair.attendees.size());
  attendee_beside_programme_.reserve(fair.attendees.size());
  for (std::size_t a = 0; a < fair.attendees.size(); ++a) {
    const Attendee& attendee = fair.attendees[a];
    if (attendee_namesakes[a] < 2) {
      attendee_name_.push_back(attendee.name);
      attendee_beside_programme_.push_back(attendee.name);
    } else if (!attendee.program.empty() &&
               same_programme[name_and_programme[a]] == 1) {
      attendee_name_.push_back(WithSuffix(attendee.name, attendee.program));
      attendee_beside_programme_.push_back(attendee.name);
    } else {
      attendee_name_.push_back(WithSuffix(attendee.name, attendee.id));
      attendee_beside_programme_.push_back(attendee_name_.back());
    }
  }

  const std::vector<int> employer_namesakes =
      Namesakes(fair.employers, &folded);
  employer_name_.reserve(fair.employers.size());
  for (std::size_t e = 0; e < fair.employers.size(); ++e) {
    const Employer& employer = fair.employers[e];
    employer_name_.push_back(employer_namesakes[e] < 2
                                 ? employer.name
                                 : WithSuffix(employer.name, employer.id));
  }
}

}  // namespace fairmatch
