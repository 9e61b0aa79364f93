#include "engine/render/people.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/base/unicode_text.h"

namespace fairmatch {
namespace {

// The collation of OutputLocale(fair); "en" when ICU cannot collate that
// locale; none (byte order) only when ICU has no data at all.
std::optional<Collation> CollationFor(const Fair& fair) {
  absl::StatusOr<Collation> collation = Collation::ForLocale(OutputLocale(fair));
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
}

}  // namespace fairmatch
