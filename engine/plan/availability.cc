#include "engine/plan/availability.h"

#include <algorithm>
#include <bit>

namespace fairmatch {
namespace {

std::vector<std::uint64_t> Masks(const std::vector<Slot>& slots, int words,
                                 const auto& people) {
  const int n = static_cast<int>(people.size());
  std::vector<std::uint64_t> rows(static_cast<size_t>(n) * words, 0);
  for (int i = 0; i < n; ++i) {
    if (people[i].withdrawn) continue;  // kept for history only
    const std::vector<TimeWindow>& windows = people[i].available;
    for (int s = 0; s < static_cast<int>(slots.size()); ++s) {
      if (SlotInWindows(slots[s], windows)) {
        rows[static_cast<size_t>(i) * words + s / 64] |= std::uint64_t{1}
                                                         << (s % 64);
      }
    }
  }
  return rows;
}

}  // namespace

Availability::Availability(const Fair& fair, const Rerun* rerun)
    : words_(std::max(1, (fair.num_slots() + 63) / 64)),
      fair_(&fair),
      rerun_(rerun) {
  attendee_ = Masks(fair.slots, words_, fair.attendees);
  employer_ = Masks(fair.slots, words_, fair.employers);
  if (rerun == nullptr) return;
  auto clear = [&](std::vector<std::uint64_t>& rows, int i, int s) {
    rows[static_cast<size_t>(i) * words_ + s / 64] &=
        ~(std::uint64_t{1} << (s % 64));
  };
  for (int s = 0; s < rerun->first_slot && s < fair.num_slots(); ++s) {
    for (int a = 0; a < fair.num_attendees(); ++a) clear(attendee_, a, s);
    for (int e = 0; e < fair.num_employers(); ++e) clear(employer_, e, s);
  }
  attendee_pinned_.assign(fair.num_attendees(), 0);
  employer_pinned_.assign(fair.num_employers(), 0);
  pinned_codes_ =
      RerunPairCodes(*rerun, fair.num_employers(), PairSet::kPinned);
  if (pinned_codes_.empty()) return;
  pinned_tables_.resize(static_cast<size_t>(fair.num_employers()) *
                        fair.num_slots());
  for (const BaselinePair& p : rerun->pairs) {
    if (!p.pinned()) continue;
    // REQUIRES (ResolveBaseline): a pinned pair has a slot and a table.
    ++attendee_pinned_[p.attendee];
    ++employer_pinned_[p.employer];
    // History lies before first_slot, where nothing new is placed: its
    // tables (maybe no longer existing) take no part in table assignment.
    if (p.history) continue;
    clear(attendee_, p.attendee, p.slot);
    std::vector<int>& tables =
        pinned_tables_[static_cast<size_t>(p.employer) * fair.num_slots() +
                       p.slot];
    const auto at = std::lower_bound(tables.begin(), tables.end(), p.table - 1);
    if (at == tables.end() || *at != p.table - 1) {
      tables.insert(at, p.table - 1);
    }
  }
}

bool Availability::Pinned(int a, int e) const {
  return !pinned_codes_.empty() &&
         std::binary_search(
             pinned_codes_.begin(), pinned_codes_.end(),
             static_cast<std::int64_t>(a) * fair_->num_employers() + e);
}

const std::vector<int>& Availability::PinnedTables(int e, int s) const {
  static const std::vector<int> kNone;
  if (pinned_tables_.empty()) return kNone;
  return pinned_tables_[static_cast<size_t>(e) * fair_->num_slots() + s];
}

int Availability::FreeTables(int e, int s) const {
  return fair_->employers[e].tables -
         static_cast<int>(PinnedTables(e, s).size());
}

bool Availability::ShareSlot(int a, int e) const {
  for (int w = 0; w < words_; ++w) {
    if (attendee_[static_cast<size_t>(a) * words_ + w] &
        employer_[static_cast<size_t>(e) * words_ + w]) {
      return true;
    }
  }
  return false;
}

int Availability::SharedSlots(int a, int e) const {
  int n = 0;
  for (int w = 0; w < words_; ++w) {
    n += std::popcount(attendee_[static_cast<size_t>(a) * words_ + w] &
                       employer_[static_cast<size_t>(e) * words_ + w]);
  }
  return n;
}

int Availability::AttendeeSlots(int a) const {
  int n = 0;
  for (int w = 0; w < words_; ++w) {
    n += std::popcount(attendee_[static_cast<size_t>(a) * words_ + w]);
  }
  return n;
}

int Availability::EmployerSlots(int e) const {
  int n = 0;
  for (int w = 0; w < words_; ++w) {
    n += std::popcount(employer_[static_cast<size_t>(e) * words_ + w]);
  }
  return n;
}

}  // namespace fairmatch
