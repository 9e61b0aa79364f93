#include "engine/render/pdf_sheet_parts.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/render/pdf_text.h"
#include "tests/fixtures/pdf_file.h"
#include "tests/fixtures/spring_fair.h"
#include "tests/fixtures/text_search.h"

namespace fairmatch::sheets {
namespace {

using testing::Contains;
using testing::FixtureFair;
using testing::PdfFile;

TEST_CASE("times, capitals and isolated lists", "[render]") {
  const Fair fair = FixtureFair();
  CHECK(ClockRange(fair.slots[0]) == "10:00–10:15");
  CHECK(ClockRange(fair.slots[2]) == "10:45–11:00");
  CHECK(Upper("Your conversations") == "YOUR CONVERSATIONS");
  CHECK(JoinIsolated({}, ", ").empty());
  CHECK(JoinIsolated({"Ada", "Hương"}, ", ") ==
        IsolateBidi("Ada") + ", " + IsolateBidi("Hương"));
}

TEST_CASE("a cut counts characters, never splits one, and says so",
          "[render]") {
  CHECK(CutAfter("short", 10, "…") == "short");
  CHECK(CutAfter("exactly", 7, "…") == "exactly");
  CHECK(CutAfter("abcdef", 3, "…") == "abc…");
  // Two-byte characters count once each.
  CHECK(CutAfter("éééé", 2, "+") == "éé+");
  CHECK(Headline(std::string(80, 'x')) == std::string(80, 'x'));
  CHECK(Headline(std::string(81, 'x')) == std::string(80, 'x') + "…");
  const std::string long_value(6000, 'v');
  const std::string shortened = Shortened(long_value);
  CHECK(shortened.substr(0, 5000) == std::string(5000, 'v'));
  CHECK(shortened.substr(5000) ==
        "… (shortened; the whole text is in schedules.html)");
  CHECK(Shortened("a few words") == "a few words");
}

TEST_CASE("talking points are labelled from the reader's side", "[render]") {
  TalkingPoints tp;
  tp.shared_values = {"Impact", "Growth"};
  tp.attendee_offers = {"python"};
  tp.employer_offers = {"mentoring"};
  Rich attendee;
  AddTalkingPoints(tp, false, &attendee);
  CHECK(attendee.text ==
        "Shared values: " + JoinIsolated({"Impact", "Growth"}, ", ") +
            "\nYou offer: " + IsolateBidi("python") +
            "\nThey offer: " + IsolateBidi("mentoring"));
  Rich employer;
  AddTalkingPoints(tp, true, &employer);
  CHECK(Contains(employer.text, "You offer: " + IsolateBidi("mentoring")));
  CHECK(Contains(employer.text, "They offer: " + IsolateBidi("python")));

  Rich open;
  AddTalkingPoints(TalkingPoints{}, false, &open);
  CHECK(open.text == "An open conversation");
  REQUIRE(open.spans.size() == 1);
  CHECK(open.spans[0].italic);

  TalkingPoints wish;
  wish.mutual_wish = true;
  Rich both;
  AddTalkingPoints(wish, false, &both);
  CHECK(both.text == kMutualWishText);
}

TEST_CASE("extra fields print as key: value under the header", "[render]") {
  Fair fair = FixtureFair();
  const ExtraFields extra = {{"parking", "Bay 4"},
                             {"notes", "first line\nsecond line"}};
  PdfWriter pdf(fair, Paper::kA4, "extras");
  pdf.BeginPage(false, "owner");
  const double top = pdf.y();
  int new_pages = 0;
  const auto new_page = [&] {
    ++new_pages;
    pdf.EndPage();
    pdf.BeginPage(false, "owner");
  };
  Extras(fair.config, extra, pdf, new_page);
  CHECK(pdf.y() > top);
  pdf.EndPage();
  CHECK(new_pages == 0);
  absl::StatusOr<std::string> bytes = pdf.Close();
  REQUIRE(bytes.ok());
  PdfFile file(*bytes);
  const std::string text = file.Text();
  CHECK(Contains(text, "parking: Bay 4"));
  CHECK(Contains(text, "notes: first line second line"));

  // Fields the configuration does not show take no room.
  fair.config.extra_all = false;
  fair.config.extra = {};
  PdfWriter none(fair, Paper::kA4, "no extras");
  none.BeginPage(false, "owner");
  const double before = none.y();
  Extras(fair.config, extra, none, new_page);
  CHECK(none.y() == before);
  none.EndPage();
  CHECK(none.Close().ok());
}

}  // namespace
}  // namespace fairmatch::sheets
