#include "engine/render/pdf_sheets.h"

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/render/meeting_index.h"
#include "engine/render/pdf_attendee_sheets.h"
#include "engine/render/pdf_employer_sheets.h"
#include "engine/render/pdf_master_grid.h"
#include "engine/render/pdf_page.h"
#include "engine/render/pdf_palette.h"
#include "engine/render/pdf_runs.h"
#include "engine/render/pdf_sheet_parts.h"
#include "engine/render/people.h"

namespace fairmatch {
namespace {

// One PDF titled "<event> – <what>": indexes the schedule, then lets
// `write` fill the document with sheets.
template <typename Write>
absl::StatusOr<std::string> RenderSheets(const Fair& fair,
                                         const Compatibility& compat,
                                         const Schedule& schedule, Paper paper,
                                         std::string_view what, Write write) {
  absl::StatusOr<MeetingIndex> index = MeetingIndex::Build(fair, schedule);
  if (!index.ok()) return index.status();
  sheets::PdfWriter pdf(fair, paper,
                        absl::StrCat(fair.event.name, " ", sheets::kEnDash, " ",
                                     std::string(what)));
  const PeopleView people(fair);
  if (pdf.ok()) {
    write(sheets::SheetInputs{fair, compat, schedule, *index, people}, pdf);
  }
  return pdf.Close();
}

}  // namespace

Paper PaperFromConfig(const Config& config) {
  return config.paper == "letter" ? Paper::kLetter : Paper::kA4;
}

absl::StatusOr<std::string> RenderAttendeesPdf(
    const Fair& fair, const Compatibility& compat, const Schedule& schedule,
    Paper paper, const std::vector<char>* only, int threads) {
  return RenderSheets(
      fair, compat, schedule, paper, "attendee schedules",
      [&](const sheets::SheetInputs& in, sheets::PdfWriter& pdf) {
        const std::vector<int> who = sheets::AttendeesToPrint(in, only);
        if (who.empty()) {
          sheets::WriteNoAttendeeSheets(in, pdf);
          return;
        }
        sheets::DrawInRuns(
            fair, paper, static_cast<int>(who.size()), threads,
            [&](sheets::PdfWriter& writer, int i) {
              sheets::WriteAttendeeSheet(in, who[i], writer);
            },
            pdf);
      });
}

absl::StatusOr<std::string> RenderEmployersPdf(
    const Fair& fair, const Compatibility& compat, const Schedule& schedule,
    Paper paper, const std::vector<char>* only, int threads) {
  return RenderSheets(
      fair, compat, schedule, paper, "employer rosters",
      [&](const sheets::SheetInputs& in, sheets::PdfWriter& pdf) {
        const std::vector<int> who = sheets::EmployersToPrint(in, only);
        if (who.empty() && only != nullptr) {
          sheets::WriteNoEmployerRosters(in, pdf);
        } else if (!who.empty()) {
          sheets::Alternates alternates(fair, compat, schedule, in.index,
                                        threads);
          sheets::DrawInRuns(
              fair, paper, static_cast<int>(who.size()), threads,
              [&](sheets::PdfWriter& writer, int i) {
                sheets::WriteEmployerRosters(in, who[i], alternates, writer);
              },
              pdf);
        }
        // The grid belongs to the whole fair, not to a changed few.
        if (only == nullptr && pdf.ok()) sheets::WriteMasterGrid(in, pdf);
      });
}

}  // namespace fairmatch
