#include "engine/render/pdf_employer_sheets.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/render/pdf_alternates.h"
#include "engine/render/pdf_palette.h"
#include "engine/render/pdf_rich.h"
#include "engine/render/pdf_text.h"
#include "engine/score/talking_points.h"

namespace fairmatch::sheets {
namespace {

class EmployerSheets {
 public:
  EmployerSheets(const SheetInputs& in, Alternates& alternates, PdfWriter& pdf)
      : fair_(in.fair),
        schedule_(in.schedule),
        index_(in.index),
        people_(in.people),
        pdf_(pdf),
        alternates_(alternates) {}

  // Employer e's rosters, one sheet per table.
  void Rosters(int e) {
    for (int t = 1; t <= index_.Tables(e) && pdf_.ok(); ++t) TableSheet(e, t);
  }

 private:
  static constexpr double kTimeColumn = 64;
  static constexpr double kAlternatesColumn = 150;
  static constexpr int kAlternates = 3;

  std::string Footer(int e, int t) const {
    return absl::StrCat(IsolateBidi(people_.EmployerName(e)), kDot, "Table ", t,
                        " of ", index_.Tables(e));
  }

  void TableSheet(int e, int t) {
    const Employer& employer = fair_.employers[e];
    const std::vector<int>& mine = index_.OfEmployer(e);
    int places = 0;
    for (int i : mine) {
      places += static_cast<int>(schedule_.meetings[i].attendees.size());
    }
    pdf_.ResetPool();
    pdf_.BeginPage(false, Footer(e, t));
    if (t == 1) employer_bookmark_ = pdf_.Bookmark(people_.EmployerName(e));
    pdf_.Bookmark(absl::StrCat("Table ", t), employer_bookmark_);
    pdf_.Paragraph(Upper(absl::StrCat("Employer roster", kDot, "Table ", t,
                                      " of ", index_.Tables(e))),
                   kLabel, kMuted, LayOptions{.letter_spacing = 0.8}, true);
    pdf_.Advance(2);
    const auto continue_page = [&] { ContinuePage(e, t); };
    pdf_.FlowParagraph(IsolateBidi(people_.EmployerName(e)), kTitle, kInk,
                       continue_page);
    pdf_.Advance(2);
    std::vector<std::string> meta;
    if (!employer.booth.empty()) {
      meta.push_back("Booth " + IsolateBidi(employer.booth));
    }
    meta.push_back(absl::StrCat(employer.tables,
                                employer.tables == 1 ? " table" : " tables"));
    meta.push_back(
        absl::StrCat("up to ", fair_.GroupSize(e), " per conversation"));
    meta.push_back(absl::StrCat(
        mine.size(), mine.size() == 1 ? " conversation, " : " conversations, ",
        places, places == 1 ? " attendee" : " attendees"));
    pdf_.FlowParagraph(absl::StrJoin(meta, kDot), kBody, kMuted, continue_page);
    Extras(fair_.config, employer.extra, pdf_, continue_page);
    pdf_.Advance(8);
    if (!pdf_.Fits(kHeadRoom)) ContinuePage(e, t);
    pdf_.Paragraph(
        "Alternates are attendees who are free at that time, suit you and "
        "are not meeting you yet: ask one of them if someone does not show.",
        kSmall, kMuted, {}, true);
    pdf_.Advance(12);
    RosterHead();

    const int slots = fair_.num_slots();
    for (int s = 0; s < slots && pdf_.ok(); ++s) {
      const Slot& slot = fair_.slots[s];
      if (fair_.RestBefore(s)) {
        BreakRow(e, t,
                 FormatClock(fair_.slots[s - 1].end) + std::string(kEnDash) +
                     FormatClock(slot.start));
      }
      SlotRow(e, t, s);
    }
    pdf_.EndPage();
  }

  void RosterHead() {
    LayOptions spaced{.letter_spacing = 0.6};
    const double conv_w = pdf_.width() - kTimeColumn - kAlternatesColumn;
    Block a = pdf_.LayOnce("TIME", kLabel, kTimeColumn, kMuted, spaced);
    Block b = pdf_.LayOnce("CONVERSATION", kLabel, conv_w, kMuted, spaced);
    Block c =
        pdf_.LayOnce("ALTERNATES", kLabel, kAlternatesColumn, kMuted, spaced);
    pdf_.Draw(a, pdf_.left(), pdf_.y());
    pdf_.Draw(b, pdf_.left() + kTimeColumn, pdf_.y());
    pdf_.Draw(c, pdf_.right() - kAlternatesColumn, pdf_.y());
    pdf_.Advance(a.height + 3);
    pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), kNavy, 0.9);
    pdf_.Advance(kGap);
  }

  // A new page for the rest of table t's roster.
  void ContinuePage(int e, int t) {
    pdf_.EndPage();
    pdf_.BeginPage(false, Footer(e, t));
    pdf_.Paragraph(absl::StrCat(IsolateBidi(Headline(people_.EmployerName(e))),
                                kDot, "Table ", t, " (continued)"),
                   kHeading, kInk);
    pdf_.Advance(10);
  }

  // The same, with the column heads of the roster.
  void Continue(int e, int t) {
    ContinuePage(e, t);
    RosterHead();
  }

  void BreakRow(int e, int t, const std::string& when) {
    pdf_.ResetPool();
    Block time = pdf_.LayOnce(when, kSmall, kTimeColumn - 6, kMuted);
    Block label = pdf_.LayOnce("Break", kSmall, 100, kMuted);
    const double height = time.height + 6;
    if (!pdf_.Fits(height + 4)) Continue(e, t);
    pdf_.Fill(pdf_.left(), pdf_.y() - kGap + 2, pdf_.width(), height, kWash);
    pdf_.Draw(time, pdf_.left() + 2, pdf_.y() - kGap + 5);
    pdf_.Draw(label, pdf_.left() + kTimeColumn, pdf_.y() - kGap + 5);
    pdf_.Advance(height);
  }

  void SlotRow(int e, int t, int s) {
    const double conv_x = pdf_.left() + kTimeColumn;
    const double conv_w = pdf_.width() - kTimeColumn - kAlternatesColumn - 12;
    pdf_.ResetPool();
    Block time = pdf_.LayOnce(ClockRange(fair_.slots[s]), kBodyBold,
                              kTimeColumn - 6, kInk);
    std::vector<Block> people;  // one layout per attendee
    Block status;
    Block alternates;
    int i = index_.At(e, t, s);
    if (i >= 0) {
      for (int a : schedule_.meetings[i].attendees) {
        const Attendee& attendee = fair_.attendees[a];
        Rich who;
        who.Sized(IsolateBidi(people_.AttendeeNameBesideProgramme(a)),
                  kFontSpecs[kBody].size, true);
        if (!attendee.program.empty()) {
          who.Add(kDot, false, &kFaint)
              .Add(IsolateBidi(attendee.program), false, &kMuted);
        }
        who.Gap(1.5);
        AddTalkingPoints(MakeTalkingPoints(fair_, a, e), true, &who);
        people.push_back(pdf_.Lay(who, kSmall, conv_w, kInk));
      }
    } else {
      bool open = fair_.EmployerAvailable(e, s);
      Rich text;
      text.Add(open ? "free" : "unavailable", false, nullptr, true);
      status = pdf_.Lay(text, kBody, conv_w, kFaint);  // (italic: not cached)
    }
    if (fair_.EmployerAvailable(e, s)) {
      std::vector<int> alts =
          alternates_.Best(e, s, (t - 1) * kAlternates, kAlternates);
      Rich text;
      for (std::size_t k = 0; k < alts.size(); ++k) {
        const Attendee& attendee = fair_.attendees[alts[k]];
        if (k > 0) text.Newline();
        text.Add(IsolateBidi(
                     ValidUtf8(people_.AttendeeNameBesideProgramme(alts[k]))),
                 true, &kInk);
        if (!attendee.program.empty()) {
          text.Newline().Add(IsolateBidi(attendee.program));
        }
      }
      if (alts.empty()) text.Add("none", false, &kFaint, true);
      alternates = pdf_.Lay(text, kTiny, kAlternatesColumn, kMuted,
                            LayOptions{.spacing = 0.5});
    }

    double conv_h = status.height;
    for (std::size_t k = 0; k < people.size(); ++k) {
      conv_h += people[k].height + (k + 1 < people.size() ? 7 : 0);
    }
    const double height =
        std::max({time.height, conv_h, alternates.height}) + 2 * kGap;
    std::vector<PdfWriter::RowPiece> pieces = {{time, pdf_.left(), 0.5}};
    if (!status.empty()) pieces.push_back({status, conv_x});
    double y = 0;
    for (std::size_t k = 0; k < people.size(); ++k) {
      pieces.push_back({people[k], conv_x, y});
      y += people[k].height;
      if (k + 1 < people.size()) {
        pieces.push_back({Block{}, conv_x, y + 3.5, conv_x + conv_w});
        y += 7;
      }
    }
    if (!alternates.empty()) {
      pieces.push_back({alternates, pdf_.right() - kAlternatesColumn, 1});
    }
    pdf_.DrawRow(pieces, height, height - kGap, [&] { Continue(e, t); });
    pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), kRule, 0.5);
    pdf_.Advance(kGap);
  }

  const Fair& fair_;
  const Schedule& schedule_;
  const MeetingIndex& index_;
  const PeopleView& people_;
  PdfWriter& pdf_;
  Alternates& alternates_;
  int employer_bookmark_ = 0;  // the top level
};

}  // namespace

std::vector<int> EmployersToPrint(const SheetInputs& in,
                                  const std::vector<char>* only) {
  std::vector<int> who;
  for (int e : in.people.employers()) {
    if ((only == nullptr || (*only)[e]) && in.index.Tables(e) > 0) {
      who.push_back(e);
    }
  }
  return who;
}

void WriteEmployerRosters(const SheetInputs& in, int e, Alternates& alternates,
                          PdfWriter& pdf) {
  if (pdf.ok()) EmployerSheets(in, alternates, pdf).Rosters(e);
}

void WriteNoEmployerRosters(const SheetInputs& in, PdfWriter& pdf) {
  if (!pdf.ok()) return;
  pdf.BeginPage(false, in.fair.event.name);
  pdf.Paragraph("No employer's roster changed.", kBody, kMuted);
  pdf.EndPage();
}

}  // namespace fairmatch::sheets
