#include "engine/render/pdf_master_grid.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/render/pdf_palette.h"
#include "engine/render/pdf_rich.h"
#include "engine/render/pdf_text.h"

namespace fairmatch::sheets {
namespace {

// The organiser desk's view of employers.pdf: every table (rows, by
// employer name) against a run of slots (columns) per landscape page.
class MasterGrid {
 public:
  MasterGrid(const SheetInputs& in, PdfWriter& pdf)
      : fair_(in.fair),
        schedule_(in.schedule),
        index_(in.index),
        people_(in.people),
        pdf_(pdf) {}

  // The organiser desk's view: every table (rows, by employer name) against
  // a run of slots (columns) per landscape page, as many slots as fit.
  void Render() {
    constexpr double kMinColumn = 92;
    const int slots = fair_.num_slots();
    pdf_.BeginPage(true, "Master grid");
    const double avail = pdf_.width() - kRowHead;
    int per_page = std::max(1, static_cast<int>(avail / kMinColumn));
    int chunks = std::max(1, (slots + per_page - 1) / std::max(per_page, 1));
    per_page = slots == 0 ? 0 : (slots + chunks - 1) / chunks;
    bool first_page = true;
    pdf_.Bookmark("Master grid");
    for (int c = 0; c < chunks && pdf_.ok(); ++c) {
      int s0 = c * per_page;
      int s1 = std::min(slots, s0 + per_page);
      if (!first_page) {
        pdf_.EndPage();
        pdf_.BeginPage(true, "Master grid");
      }
      first_page = false;
      GridHead(s0, s1, false);
      for (int e : people_.employers()) {
        for (int t = 1; t <= index_.Tables(e) && pdf_.ok(); ++t) {
          GridRow(e, t, s0, s1);
        }
      }
      if (fair_.employers.empty()) {
        pdf_.Paragraph("This fair has no employers.", kBody, kMuted);
      }
    }
    pdf_.EndPage();
  }

 private:
  static constexpr double kRowHead = 132;  // the employer / table column

  std::string SlotRun(int s0, int s1) const {
    if (s0 >= s1) return "no slots";
    return absl::StrCat(FormatClock(fair_.slots[s0].start), kEnDash,
                        FormatClock(fair_.slots[s1 - 1].end));
  }

  void GridHead(int s0, int s1, bool continued) {
    if (!continued) {
      pdf_.Paragraph(Upper(absl::StrCat("Organiser desk", kDot, "Master grid")),
                     kLabel, kMuted, LayOptions{.letter_spacing = 0.8}, true);
      pdf_.Advance(2);
    }
    pdf_.Paragraph(absl::StrCat("All tables, ", SlotRun(s0, s1),
                                continued ? " (continued)" : ""),
                   kHeading, kInk);
    pdf_.Advance(8);
    const double col = (pdf_.width() - kRowHead) / std::max(1, s1 - s0);
    LayOptions spaced{.letter_spacing = 0.4};
    Block head =
        pdf_.LayOnce("EMPLOYER / TABLE", kLabel, kRowHead - 6, kMuted, spaced);
    pdf_.Draw(head, pdf_.left(), pdf_.y());
    double h = head.height;
    for (int s = s0; s < s1; ++s) {
      Block b =
          pdf_.LayOnce(ClockRange(fair_.slots[s]), kSmallBold, col - 6, kInk);
      pdf_.Draw(b, pdf_.left() + kRowHead + (s - s0) * col + 3, pdf_.y() - 1);
      h = std::max(h, b.height - 1);
    }
    pdf_.Advance(h + 3);
    pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), kNavy, 0.9);
    grid_s0_ = s0;
    grid_s1_ = s1;
  }

  void GridRow(int e, int t, int s0, int s1) {
    constexpr double kPad = 3;
    const Employer& employer = fair_.employers[e];
    const double col = (pdf_.width() - kRowHead) / std::max(1, s1 - s0);
    pdf_.ResetPool();
    Rich head;
    head.Add(IsolateBidi(people_.EmployerName(e)), true, &kInk).Newline();
    head.Add(employer.booth.empty()
                 ? std::string()
                 : absl::StrCat("Booth ", IsolateBidi(employer.booth), kDot));
    head.Add(absl::StrCat("table ", t));
    Block row_head =
        pdf_.Lay(head, kTiny, kRowHead - 2 * kPad, kMuted, {.one_line = true});
    std::vector<Block> cells;
    double h = row_head.height;
    for (int s = s0; s < s1; ++s) {
      int i = index_.At(e, t, s);
      Rich text;
      if (i >= 0) {
        const std::vector<int>& group = schedule_.meetings[i].attendees;
        for (std::size_t k = 0; k < group.size(); ++k) {
          if (k > 0) text.Newline();
          text.Add(IsolateBidi(people_.AttendeeName(group[k])));
        }
        cells.push_back(
            pdf_.Lay(text, kTiny, col - 2 * kPad, kInk, {.one_line = true}));
      } else if (fair_.EmployerAvailable(e, s)) {
        cells.push_back(pdf_.LayOnce("free", kTiny, col - 2 * kPad, kFaint));
      } else {
        cells.push_back(Block{});  // unavailable: grey cell
      }
      h = std::max(h, cells.back().height);
    }
    const double height = h + 2 * kPad;
    if (!pdf_.Fits(height)) {
      pdf_.EndPage();
      pdf_.BeginPage(true, "Master grid");
      GridHead(grid_s0_, grid_s1_, true);
    }
    const double y = pdf_.y();
    for (int s = s0; s < s1; ++s) {
      const double x = pdf_.left() + kRowHead + (s - s0) * col;
      const Block& cell = cells[s - s0];
      if (cell.empty()) {
        pdf_.Fill(x + 0.5, y + 0.5, col - 1, height - 1, kWash);
      } else {
        pdf_.Draw(cell, x + kPad, y + kPad);
      }
    }
    pdf_.Draw(row_head, pdf_.left(), y + kPad);
    pdf_.Advance(height);
    // A stronger rule after an employer's last table.
    bool last_table = t == index_.Tables(e);
    pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), last_table ? kFaint : kRule,
              last_table ? 0.6 : 0.4);
  }

  const Fair& fair_;
  const Schedule& schedule_;
  const MeetingIndex& index_;
  const PeopleView& people_;
  PdfWriter& pdf_;
  int grid_s0_ = 0;  // the run of slots of the page being written
  int grid_s1_ = 0;
};

}  // namespace

void WriteMasterGrid(const SheetInputs& in, PdfWriter& pdf) {
  MasterGrid(in, pdf).Render();
}

}  // namespace fairmatch::sheets
