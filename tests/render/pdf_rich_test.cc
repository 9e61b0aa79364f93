#include "engine/render/pdf_rich.h"

#include <catch2/catch.hpp>
#include <string>

namespace fairmatch::sheets {
namespace {

TEST_CASE("valid UTF-8 passes unchanged, invalid bytes become U+FFFD",
          "[render]") {
  CHECK(ValidUtf8("Nguyễn Thị Hương") == "Nguyễn Thị Hương");
  CHECK(ValidUtf8("") == "");
  CHECK(ValidUtf8("a\xFF"
                  "b") ==
        "a\xEF\xBF\xBD"
        "b");
  // A character cut short at the end.
  CHECK(ValidUtf8("caf\xC3") == "caf\xEF\xBF\xBD");
}

TEST_CASE("a rich text records a span only where the look changes",
          "[render]") {
  Rich rich;
  rich.Add("Booth ").Add("A1", true).Add(" · ", false, &kMuted).Add("plain");
  CHECK(rich.text == "Booth A1 · plain");
  REQUIRE(rich.spans.size() == 2);
  CHECK(rich.spans[0].start == 6);
  CHECK(rich.spans[0].end == 8);
  CHECK(rich.spans[0].bold);
  CHECK(rich.spans[0].color == nullptr);
  CHECK(rich.spans[1].start == 8);
  CHECK(rich.spans[1].end == 8 + std::string(" · ").size());
  CHECK_FALSE(rich.spans[1].bold);
  CHECK(rich.spans[1].color == &kMuted);
  CHECK(rich.spans[1].size == 0);
}

TEST_CASE("sized text, newlines and gaps", "[render]") {
  Rich rich;
  rich.Sized("Acme", 12, true).Gap(2).Add("talk", false, nullptr, true);
  rich.Newline().Add("x");
  // Gap ends the paragraph and adds an empty line of its own size.
  CHECK(rich.text == "Acme\n\ntalk\nx");
  REQUIRE(rich.spans.size() == 3);
  CHECK(rich.spans[0].size == 12);
  CHECK(rich.spans[0].bold);
  CHECK(rich.spans[1].start == 5);
  CHECK(rich.spans[1].end == 6);
  CHECK(rich.spans[1].size == 2);
  CHECK(rich.spans[2].italic);
  CHECK(rich.spans[2].start == 6);
  CHECK(rich.spans[2].end == 10);
}

TEST_CASE("span offsets count the repaired bytes", "[render]") {
  Rich rich;
  rich.Add("\xFF").Add("b", true);
  CHECK(rich.text ==
        "\xEF\xBF\xBD"
        "b");
  REQUIRE(rich.spans.size() == 1);
  CHECK(rich.spans[0].start == 3);
  CHECK(rich.spans[0].end == 4);
}

}  // namespace
}  // namespace fairmatch::sheets
