#include "engine/render/pdf_attendee_sheets.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/check/shortfall.h"
#include "engine/render/pdf_palette.h"
#include "engine/render/pdf_rich.h"
#include "engine/render/pdf_text.h"
#include "engine/score/talking_points.h"

namespace fairmatch::sheets {
namespace {

class AttendeeSheets {
 public:
  AttendeeSheets(const SheetInputs& in, PdfWriter& pdf)
      : fair_(in.fair),
        compat_(in.compat),
        schedule_(in.schedule),
        index_(in.index),
        people_(in.people),
        pdf_(pdf) {}

  // The one page of a document without sheets.
  void Nobody() {
    pdf_.BeginPage(false, fair_.event.name);
    pdf_.Paragraph(fair_.attendees.empty() ? "This fair has no attendees."
                                           : "No attendee's day changed.",
                   kBody, kMuted);
    pdf_.EndPage();
  }

  void Sheet(int a) {
    const Attendee& attendee = fair_.attendees[a];
    const std::vector<int>& mine = index_.OfAttendee(a);
    pdf_.ResetPool();
    const std::string& name = people_.AttendeeName(a);
    pdf_.BeginPage(false, Footer(a));
    pdf_.Bookmark(name);
    pdf_.Paragraph(
        Upper(mine.empty() ? "Your day at the fair" : "Your conversations"),
        kLabel, kMuted, LayOptions{.letter_spacing = 0.8}, true);
    pdf_.Advance(2);
    const auto continue_page = [&] { ContinuePage(a); };
    pdf_.FlowParagraph(IsolateBidi(name), kTitle, kInk, continue_page);
    pdf_.Advance(2);
    std::vector<std::string> meta;
    if (!attendee.program.empty()) meta.push_back(attendee.program);
    if (!attendee.email.empty()) meta.push_back(attendee.email);
    meta.push_back(attendee.id);
    pdf_.FlowParagraph(JoinIsolated(meta, kDot), kBody, kMuted, continue_page);
    Extras(fair_.config, attendee.extra, pdf_, continue_page);
    pdf_.Advance(14);
    // The notice or the column heads need room of their own.
    if (!pdf_.Fits(kHeadRoom)) ContinuePage(a);

    if (mine.empty()) {
      NoConversation(a);
    } else {
      pdf_.Paragraph(
          absl::StrCat(
              mine.size() == 1 ? "One conversation"
                               : absl::StrCat(mine.size(), " conversations"),
              ", in time order. Please be at the booth a few minutes early; "
              "the talking points are what you have in common."),
          kSmall, kMuted, {}, true);
      pdf_.Advance(10);
      ColumnHead("Time", "Conversation");
      for (int i : mine) {
        ConversationRow(a, schedule_.meetings[i]);
        if (!pdf_.ok()) return;
      }
    }
    pdf_.EndPage();
  }

 private:
  static constexpr double kTimeColumn = 74;

  void ColumnHead(std::string_view first, std::string_view second) {
    LayOptions spaced{.letter_spacing = 0.6};
    Block t = pdf_.LayOnce(Upper(first), kLabel, kTimeColumn, kMuted, spaced);
    Block c = pdf_.LayOnce(Upper(second), kLabel, pdf_.width() - kTimeColumn,
                           kMuted, spaced);
    pdf_.Draw(t, pdf_.left(), pdf_.y());
    pdf_.Draw(c, pdf_.left() + kTimeColumn, pdf_.y());
    pdf_.Advance(t.height + 3);
    pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), kNavy, 0.9);
    pdf_.Advance(kGap + 2);
  }

  // The footer of attendee a's pages: name and id.
  std::string Footer(int a) const {
    return absl::StrCat(IsolateBidi(people_.AttendeeName(a)), kDot,
                        IsolateBidi(fair_.attendees[a].id));
  }

  // A new page for the rest of this attendee's sheet.
  void ContinuePage(int a) {
    pdf_.EndPage();
    pdf_.BeginPage(false, Footer(a));
    pdf_.Paragraph(absl::StrCat(IsolateBidi(Headline(people_.AttendeeName(a))),
                                " (continued)"),
                   kHeading, kInk);
    pdf_.Advance(10);
  }

  // The same, with the column heads of the table that goes on.
  void Continue(int a, std::string_view first, std::string_view second) {
    ContinuePage(a);
    ColumnHead(first, second);
  }

  // One row: time on the left; employer, where and with whom, and the
  // talking points on the right, as one layout.
  void ConversationRow(int a, const Meeting& m) {
    const Employer& employer = fair_.employers[m.employer];
    const double body_w = pdf_.width() - kTimeColumn;
    pdf_.ResetPool();
    Block time = pdf_.LayOnce(ClockRange(fair_.slots[m.slot]), kBodyBold,
                              kTimeColumn - 8, kInk);
    Rich text;
    text.Sized(IsolateBidi(people_.EmployerName(m.employer)),
               kFontSpecs[kHeading].size, true)
        .Gap(2);
    if (!employer.booth.empty()) {
      text.Add("Booth ", false, &kMuted)
          .Add(IsolateBidi(employer.booth), true)
          .Add(kDot, false, &kMuted);
    }
    text.Add("Table ", false, &kMuted)
        .Add(std::to_string(m.table), true)
        .Add(kDot, false, &kMuted);
    if (m.attendees.size() <= 1) {
      text.Add("one-to-one", false, &kMuted);
    } else {
      std::vector<std::string> others;
      for (int other : m.attendees) {
        if (other != a) others.push_back(people_.AttendeeName(other));
      }
      text.Add("with ", false, &kMuted).Add(JoinIsolated(others, ", "));
    }
    text.Gap(4);
    AddTalkingPoints(MakeTalkingPoints(fair_, a, m.employer), false, &text);
    Block body = pdf_.Lay(text, kSmall, body_w, kInk);

    const double height = std::max(time.height + 1.5, body.height) + 2 * kGap;
    pdf_.DrawRow({{time, pdf_.left(), 1.5}, {body, pdf_.left() + kTimeColumn}},
                 height, height - kGap,
                 [&] { Continue(a, "Time", "Conversation"); });
    pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), kRule, 0.5);
    pdf_.Advance(kGap + 2);
  }

  // The page of an attendee the plan left out: say so plainly, apologise,
  // and point to the booths that suit them best.
  void NoConversation(int a) {
    const std::vector<int> candidates = OpenBooths(fair_, compat_, a);

    // The notice: a washed box with a navy bar, like schedules.html.
    const double pad = 12;
    Rich notice;
    notice
        .Add(
            "We could not fit a scheduled conversation for you this time, "
            "and we are sorry.",
            true)
        .Newline()
        .Add(
            "You are warmly welcome all day: every booth is open to "
            "visitors, and the reps are glad to talk.");
    if (!candidates.empty()) {
      notice.Add(
          " These employers match you best, so they are a good place to "
          "start.");
    }
    Block text = pdf_.Lay(notice, kBody, pdf_.width() - 2 * pad - 3, kInk,
                          LayOptions{.spacing = 4});
    const double box = text.height + 2 * pad;
    pdf_.Fill(pdf_.left(), pdf_.y(), pdf_.width(), box, kWash);
    pdf_.Fill(pdf_.left(), pdf_.y(), 3, box, kNavy);
    pdf_.Draw(text, pdf_.left() + 3 + pad, pdf_.y() + pad);
    pdf_.Advance(box + 18);
    if (candidates.empty()) return;

    pdf_.Paragraph("Open booths worth a visit", kHeading, kNavy);
    pdf_.Advance(8);
    ColumnHead("Booth", "Employer");
    const double body_w = pdf_.width() - kTimeColumn;
    for (int e : candidates) {
      const Employer& employer = fair_.employers[e];
      pdf_.ResetPool();
      Block booth = pdf_.LayOnce(
          employer.booth.empty() ? "\xE2\x80\x93" : IsolateBidi(employer.booth),
          kBodyBold, kTimeColumn - 8, kInk);
      Rich line;
      line.Sized(IsolateBidi(people_.EmployerName(e)),
                 kFontSpecs[kHeading].size, true)
          .Gap(4);
      AddTalkingPoints(MakeTalkingPoints(fair_, a, e), false, &line);
      Block body = pdf_.Lay(line, kSmall, body_w, kInk);
      const double height =
          std::max(booth.height + 1.5, body.height) + 2 * kGap;
      pdf_.DrawRow(
          {{booth, pdf_.left(), 1.5}, {body, pdf_.left() + kTimeColumn}},
          height, height - kGap, [&] { Continue(a, "Booth", "Employer"); });
      pdf_.Rule(pdf_.left(), pdf_.right(), pdf_.y(), kRule, 0.5);
      pdf_.Advance(kGap + 2);
    }
  }

  const Fair& fair_;
  const Compatibility& compat_;
  const Schedule& schedule_;
  const MeetingIndex& index_;
  const PeopleView& people_;
  PdfWriter& pdf_;
};

}  // namespace

std::vector<int> AttendeesToPrint(const SheetInputs& in,
                                  const std::vector<char>* only) {
  std::vector<int> who;
  for (int a : in.people.attendees()) {
    if (only == nullptr || (*only)[a]) who.push_back(a);
  }
  return who;
}

void WriteAttendeeSheet(const SheetInputs& in, int a, PdfWriter& pdf) {
  if (pdf.ok()) AttendeeSheets(in, pdf).Sheet(a);
}

void WriteNoAttendeeSheets(const SheetInputs& in, PdfWriter& pdf) {
  if (pdf.ok()) AttendeeSheets(in, pdf).Nobody();
}

}  // namespace fairmatch::sheets
