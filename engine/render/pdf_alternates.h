// Alternates: who could step in for a no-show at (employer, slot) on an
// employer's roster. The rule is stated at RenderEmployersPdf (pdf_sheets.h):
// attendees available in the slot, with no conversation in it, not meeting
// the employer already and eligible for it, best score with the employer
// first (ties: attendee file order); their meeting cap is not consulted.
//
//   Alternates alternates(fair, compat, schedule, index);
//   std::vector<int> first_three = alternates.Best(e, s, /*skip=*/0, 3);
//
// Memory: the A x E score matrix is streamed in blocks and never held; per
// employer only a short list of the best is kept, and one employer is
// rescanned exactly when that list runs out.
#ifndef FAIRMATCH_RENDER_PDF_ALTERNATES_H_
#define FAIRMATCH_RENDER_PDF_ALTERNATES_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/model/fair.h"
#include "engine/model/schedule.h"
#include "engine/render/meeting_index.h"
#include "engine/score/compatibility.h"

namespace fairmatch::sheets {

class Alternates {
 public:
  // Precomputes, per employer, the best-scoring attendees who could be
  // added to one of its conversations at all (eligible, not meeting it
  // already), streaming the score matrix in blocks: the
  // whole A x E matrix is never held. Only the `keep_` best per employer are
  // kept; Best() rescans one employer exactly when that is not enough.
  // On up to `threads` threads; the lists do not depend on how many.
  Alternates(const Fair& fair, const Compatibility& compat,
             const Schedule& schedule, const MeetingIndex& index,
             int threads = 1);

  // Up to `n` alternates for (e, s), skipping the first `skip` (the ones
  // shown on earlier tables), best first. It changes only employer e's
  // list, so different employers may be asked from different threads.
  std::vector<int> Best(int e, int s, int skip, int n);

 private:
  // (score, attendee); better = higher score, then lower index.
  using Entry = std::pair<float, int>;
  static bool Better(const Entry& x, const Entry& y);

  std::size_t Keep(int e) const;

  bool Meets(int a, int e) const;

  // Keeps the Keep(e) best entries as a heap whose top is the worst.
  void Push(int e, float score, int a);

  // Every possible alternate of `e`, from exact pair scores (the same bits
  // as ScoreBlock's).
  void Rescan(int e);

  const Fair& fair_;
  const Compatibility& compat_;
  const Schedule& schedule_;
  const MeetingIndex& index_;
  std::vector<std::uint8_t> busy_;  // [a * slots + s]
  std::vector<std::vector<Entry>> best_;
  std::vector<std::uint8_t> truncated_;
  std::vector<std::uint8_t> exact_;
};

}  // namespace fairmatch::sheets

#endif  // FAIRMATCH_RENDER_PDF_ALTERNATES_H_
