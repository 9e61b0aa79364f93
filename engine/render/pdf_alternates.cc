#include "engine/render/pdf_alternates.h"

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

#include "engine/score/score_blocks.h"

namespace fairmatch::sheets {

Alternates::Alternates(const Fair& fair, const Compatibility& compat,
                       const Schedule& schedule, const MeetingIndex& index,
                       int threads)
    : fair_(fair),
      compat_(compat),
      schedule_(schedule),
      index_(index),
      busy_(static_cast<std::size_t>(fair.num_attendees()) * fair.num_slots(),
            0),
      best_(fair.num_employers()),
      truncated_(fair.num_employers(), 0),
      exact_(fair.num_employers(), 0) {
  const int slots = fair.num_slots();
  for (const Meeting& m : schedule.meetings) {
    for (int a : m.attendees) {
      busy_[static_cast<std::size_t>(a) * slots + m.slot] = 1;
    }
  }
  // Each thread keeps the lists of its own share of the employers (and
  // scores the blocks itself: the product is the cheap part), so every
  // list is built in attendee order whatever the thread count.
  const int m = fair.num_employers();
  const int parts = std::max(1, std::min(threads, m));
  auto keep = [&](int first, int last) {
    ForEachScoreBlock(compat, /*threads=*/1,
                      [&](int begin, int end, const ScoreMatrix& block) {
                        for (int a = begin; a < end; ++a) {
                          for (int e = first; e < last; ++e) {
                            float score = block(a - begin, e);
                            if (!compat.Eligible(a, e, score) || Meets(a, e))
                              continue;
                            Push(e, score, a);
                          }
                        }
                      });
  };
  std::vector<std::thread> helpers;
  for (int p = 1; p < parts; ++p) {
    helpers.emplace_back(keep, m * p / parts, m * (p + 1) / parts);
  }
  keep(0, m / parts);
  for (std::thread& t : helpers) t.join();
  for (std::vector<Entry>& list : best_) {
    std::sort(list.begin(), list.end(), Better);
  }
}

std::vector<int> Alternates::Best(int e, int s, int skip, int n) {
  std::vector<int> out;
  int seen = 0;
  auto scan = [&](const std::vector<Entry>& list) {
    out.clear();
    seen = 0;
    for (const Entry& entry : list) {
      int a = entry.second;
      if (busy_[static_cast<std::size_t>(a) * fair_.num_slots() + s] ||
          !fair_.AttendeeAvailable(a, s)) {
        continue;
      }
      if (seen++ < skip) continue;
      out.push_back(a);
      if (static_cast<int>(out.size()) == n) return;
    }
  };
  scan(best_[e]);
  if (static_cast<int>(out.size()) < n && truncated_[e] && !exact_[e]) {
    Rescan(e);
    scan(best_[e]);
  }
  return out;
}

bool Alternates::Better(const Entry& x, const Entry& y) {
  if (x.first != y.first) return x.first > y.first;
  return x.second < y.second;
}

std::size_t Alternates::Keep(int e) const {
  return static_cast<std::size_t>(3 * index_.Tables(e) + 29);
}

bool Alternates::Meets(int a, int e) const {
  for (int i : index_.OfAttendee(a)) {
    if (schedule_.meetings[i].employer == e) return true;
  }
  return false;
}

void Alternates::Push(int e, float score, int a) {
  std::vector<Entry>& heap = best_[e];
  Entry entry{score, a};
  if (heap.size() < Keep(e)) {
    heap.push_back(entry);
    std::push_heap(heap.begin(), heap.end(), Better);
    return;
  }
  truncated_[e] = 1;
  if (!Better(entry, heap.front())) return;
  std::pop_heap(heap.begin(), heap.end(), Better);
  heap.back() = entry;
  std::push_heap(heap.begin(), heap.end(), Better);
}

void Alternates::Rescan(int e) {
  std::vector<Entry>& list = best_[e];
  list.clear();
  for (int a = 0; a < fair_.num_attendees(); ++a) {
    if (Meets(a, e)) continue;
    float score = compat_.Pair(a, e).score;
    if (compat_.Eligible(a, e, score)) list.push_back({score, a});
  }
  std::sort(list.begin(), list.end(), Better);
  exact_[e] = 1;
}

}  // namespace fairmatch::sheets
