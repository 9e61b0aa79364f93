#include "engine/render/scores_csv.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/model/intents.h"
#include "engine/render/decimal.h"
#include "engine/render/meetings_csv.h"

namespace fairmatch {
namespace {

// Attendees per block: 1024, fewer when there are so many employers that
// the five block matrices would pass kMaxBlockCells floats each.
constexpr int kBlockAttendees = 1024;
constexpr int kMaxBlockCells = 1 << 22;
// Text is handed to the stream in pieces of about this many bytes.
constexpr std::size_t kFlushBytes = 1 << 20;

}  // namespace

void WriteScoresCsv(const Compatibility& compat, std::ostream& out) {
  const Fair& fair = compat.fair();
  out << "attendee,employer,score,eligible,values,benefit,attendee_gives,"
         "employer_gives,fit,wish,attendee_wish_rank,employer_wish_rank,"
         "failed_requirement\n";
  const PairRules& rules = compat.rules();
  // Per employer, the attendee's pair with it if special (wishes), else
  // nullptr; filled per attendee from its few specials.
  std::vector<const PairRules::Special*> special(fair.num_employers(), nullptr);

  // Ids are validated to be plain, but CsvCell costs nothing once per id.
  std::vector<std::string> employer_ids;
  employer_ids.reserve(fair.num_employers());
  for (const Employer& e : fair.employers)
    employer_ids.push_back(CsvCell(e.id));

  ScoreMatrix scores;
  std::array<ScoreMatrix, kNumComponents> components;
  std::string text;
  const int block = std::clamp(
      kMaxBlockCells / std::max(1, fair.num_employers()), 1, kBlockAttendees);
  text.reserve(kFlushBytes + 4096);
  for (int begin = 0; begin < fair.num_attendees(); begin += block) {
    int end = std::min(begin + block, fair.num_attendees());
    compat.ScoreBlock(begin, end, &scores);
    compat.ComponentBlock(begin, end, &components);
    for (int a = begin; a < end; ++a) {
      const std::string attendee_id = CsvCell(fair.attendees[a].id);
      for (const PairRules::Special& s : rules.Specials(a)) {
        special[s.employer] = &s;
      }
      for (int e = 0; e < fair.num_employers(); ++e) {
        float score = scores(a - begin, e);
        const PairRules::Special* sp = special[e];
        text.append(attendee_id);
        text.push_back(',');
        text.append(employer_ids[e]);
        text.push_back(',');
        AppendScore(score, &text);
        text.append(compat.Eligible(a, e, score) ? ",1" : ",0");
        for (int c = 0; c < kNumComponents; ++c) {
          text.push_back(',');
          AppendDecimal(components[c](a - begin, e), &text);
        }
        // fit: the score without wishes, as Compatibility::Pair gives it.
        const float wish = sp != nullptr ? sp->bonus : 0.0f;
        text.push_back(',');
        AppendDecimal(wish != 0.0f ? compat.Pair(a, e).fit : score, &text);
        text.push_back(',');
        AppendDecimal(wish, &text);
        text.append(absl::StrCat(",", sp ? sp->attendee_rank : 0, ",",
                                 sp ? sp->employer_rank : 0, ","));
        if (rules.FailsRequirement(a, e)) {
          bool by_employer = false;
          const Requirement* r = FailedRequirement(fair, a, e, &by_employer);
          if (r != nullptr) {
            text.append(CsvCell(absl::StrCat(
                by_employer ? fair.employers[e].id : fair.attendees[a].id,
                " requires ", r->ToString())));
          }
        }
        text.push_back('\n');
        if (text.size() >= kFlushBytes) {
          out.write(text.data(), static_cast<std::streamsize>(text.size()));
          text.clear();
        }
      }
      for (const PairRules::Special& s : rules.Specials(a)) {
        special[s.employer] = nullptr;
      }
    }
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace fairmatch
