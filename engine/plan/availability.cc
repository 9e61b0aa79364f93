#include "engine/plan/availability.h"

#include <bit>

namespace fairmatch {
namespace {

std::vector<std::uint64_t> Masks(const std::vector<Slot>& slots, int words,
                                 int n, auto&& windows_of) {
  std::vector<std::uint64_t> rows(static_cast<size_t>(n) * words, 0);
  for (int i = 0; i < n; ++i) {
    const std::vector<TimeWindow>& windows = windows_of(i);
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

Availability::Availability(const Fair& fair)
    : words_(std::max(1, (fair.num_slots() + 63) / 64)) {
  attendee_ = Masks(fair.slots, words_, fair.num_attendees(),
                    [&](int a) -> const std::vector<TimeWindow>& {
                      return fair.attendees[a].available;
                    });
  employer_ = Masks(fair.slots, words_, fair.num_employers(),
                    [&](int e) -> const std::vector<TimeWindow>& {
                      return fair.employers[e].available;
                    });
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
