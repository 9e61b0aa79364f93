#include "engine/render/pdf_syntax.h"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace fairmatch {
namespace {

std::string Num(double v) {
  std::string out;
  AppendNum(&out, v);
  return out;
}

TEST_CASE("numbers keep three decimals and no trailing zeros", "[render]") {
  CHECK(Num(0) == "0");
  CHECK(Num(12) == "12");
  CHECK(Num(12.5) == "12.5");
  CHECK(Num(-1.25) == "-1.25");
  CHECK(Num(0.1234) == "0.123");
  CHECK(Num(0.0005) == "0.001");  // rounded half away from zero
  CHECK(Num(-0.0004) == "0");     // no "-0"
  CHECK(Num(841.89) == "841.89");
  CHECK(Num(1e6) == "1000000");
  std::string out = "x ";
  AppendInt(&out, -42);
  CHECK(out == "x -42");
}

TEST_CASE("colours and hex codes", "[render]") {
  std::string out;
  AppendColor(&out, 1, 0.5, 0, "rg");
  CHECK(out == "1 0.5 0 rg\n");
  out.clear();
  AppendHex4(&out, 0x00AF);
  AppendHex4(&out, 0x1F600);  // only the low 16 bits
  CHECK(out == "00AFF600");
}

TEST_CASE("UTF-16 code units, with surrogates and repairs", "[render]") {
  CHECK(Utf16("Ab") == std::vector<unsigned>{0x41, 0x62});
  CHECK(Utf16("é€") == std::vector<unsigned>{0xE9, 0x20AC});
  CHECK(Utf16("\xF0\x9F\x98\x80") == std::vector<unsigned>{0xD83D, 0xDE00});
  CHECK(Utf16("a\xFF"
              "b") == std::vector<unsigned>{0x61, 0xFFFD, 0x62});
  CHECK(Utf16("a\xE2\x82") == std::vector<unsigned>{0x61, 0xFFFD});  // cut
  CHECK(TextString("Zoë") == "<FEFF005A006F00EB>");
  CHECK(TextString("") == "<FEFF>");
}

TEST_CASE("font names keep only what a PDF name may hold", "[render]") {
  CHECK(NameToken("NotoSans-Regular") == "NotoSans-Regular");
  CHECK(NameToken("Noto Sans (Bold)/x") == "NotoSansBoldx");
  CHECK(NameToken("DejaVu_Sans") == "DejaVu_Sans");
  CHECK(NameToken("") == "Font");
  CHECK(NameToken("()[]") == "Font");
}

TEST_CASE("deflated data inflates back and is appended", "[render]") {
  std::string data;
  for (int i = 0; i < 2000; ++i) data += "BT /F0 10 Tf ET\n";
  std::string out = "head";
  Deflater deflater(1);
  REQUIRE(deflater.Append(data, &out).ok());
  REQUIRE(out.rfind("head", 0) == 0);
  CHECK(out.size() < data.size() / 10);
  std::string back(data.size(), '\0');
  uLongf length = static_cast<uLongf>(back.size());
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(back.data()), &length,
                     reinterpret_cast<const Bytef*>(out.data() + 4),
                     static_cast<uLong>(out.size() - 4)) == Z_OK);
  CHECK(length == data.size());
  CHECK(back == data);
}

TEST_CASE("a reused deflater's streams each inflate back with zlib",
          "[render]") {
  Deflater deflater(1);
  std::string previous;
  for (int round = 0; round < 3; ++round) {
    std::string data;
    for (int i = 0; i < 300 * (round + 1); ++i) {
      data += "1 0 0 1 " + std::to_string(i * 7 % 113) + " Tm [<0041>] TJ\n";
    }
    std::string ours;
    REQUIRE(deflater.Append(data, &ours).ok());
    CHECK(ours != previous);
    previous = ours;
    std::string back(data.size() + 16, '\0');
    uLongf length = static_cast<uLongf>(back.size());
    REQUIRE(uncompress(reinterpret_cast<Bytef*>(back.data()), &length,
                       reinterpret_cast<const Bytef*>(ours.data()),
                       static_cast<uLong>(ours.size())) == Z_OK);
    back.resize(length);
    CHECK(back == data);
  }
  std::string empty;
  REQUIRE(deflater.Append("", &empty).ok());
  std::string back(8, '\0');
  uLongf length = static_cast<uLongf>(back.size());
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(back.data()), &length,
                     reinterpret_cast<const Bytef*>(empty.data()),
                     static_cast<uLong>(empty.size())) == Z_OK);
  CHECK(length == 0);
}

}  // namespace
}  // namespace fairmatch
