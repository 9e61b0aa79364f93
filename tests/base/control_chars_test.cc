#include "engine/base/control_chars.h"

#include <catch2/catch.hpp>
#include <string>

namespace fairmatch {
namespace {

TEST_CASE("control characters are found: C0 but the allowed ones, DEL, C1",
          "[base]") {
  CHECK(FindControlCharacter("plain text, é and 日本", "") == -1);
  CHECK(FindControlCharacter("Nul\x1b[31m", "") == 3);
  CHECK(FindControlCharacter(std::string("a\0b", 3), "") == 1);
  CHECK(FindControlCharacter("tab\there", "") == 3);
  CHECK(FindControlCharacter("tab\there", "\t") == -1);
  CHECK(FindControlCharacter("line\r\nbreak", "\n") == 4);
  CHECK(FindControlCharacter("del\x7f", "") == 3);
  CHECK(FindControlCharacter("next\xc2\x85line", "") == 4);  // U+0085 NEL
  CHECK(FindControlCharacter("\xc2\xa0nbsp", "") == -1);     // U+00A0 is text
  CHECK(ControlCharacterName("a\x1b", 1) == "U+001B");
  CHECK(ControlCharacterName("a\xc2\x85", 1) == "U+0085");
  CHECK(ControlCharacterName(std::string("\0", 1), 0) == "U+0000");
}

TEST_CASE("escaped text never breaks a line or carries an escape", "[base]") {
  CHECK(EscapeControlCharacters("a\r\nb\tc\x1b[31m") ==
        "a\\r\\nb\\tc\\x1b[31m");
  CHECK(EscapeControlCharacters(std::string("\0", 1)) == "\\x00");
  CHECK(EscapeControlCharacters("x\xc2\x85y") == "x\\u0085y");
  CHECK(EscapeControlCharacters("Zoë Müller") == "Zoë Müller");
  for (int c = 0; c < 0x20; ++c) {
    const std::string escaped =
        EscapeControlCharacters(std::string(1, char(c)));
    CHECK(FindControlCharacter(escaped, "") == -1);
  }
}

}  // namespace
}  // namespace fairmatch
