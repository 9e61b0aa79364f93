#include "engine/render/pdf_cff.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace fairmatch {
namespace {

// A minimal CFF font: header, a Name INDEX of one name, a Top DICT INDEX
// of one dict (ROS when `cid_keyed`, the charset at offset 30 and the
// CharStrings at offset 28), a CharStrings INDEX that only says how many
// glyphs there are, then `charset`.
std::string Cff(bool cid_keyed, unsigned glyphs,
                const std::vector<unsigned char>& charset) {
  std::vector<unsigned char> top = {28, 0, 30, 15, 28, 0, 28, 17};
  if (cid_keyed) top.insert(top.begin(), {139, 139, 139, 12, 30});
  std::vector<unsigned char> bytes = {1, 0, 4, 1,           // header
                                      0, 1, 1, 1, 2, 'A'};  // Name INDEX
  bytes.insert(bytes.end(),
               {0, 1, 1, 1, static_cast<unsigned char>(top.size() + 1)});
  bytes.insert(bytes.end(), top.begin(), top.end());
  // Without ROS the dict is five bytes shorter: pad so that the offsets
  // 28 and 30 still point at the CharStrings and the charset.
  while (bytes.size() < 28) bytes.push_back(0);
  bytes.push_back(static_cast<unsigned char>(glyphs >> 8));
  bytes.push_back(static_cast<unsigned char>(glyphs & 0xFF));
  bytes.insert(bytes.end(), charset.begin(), charset.end());
  return std::string(bytes.begin(), bytes.end());
}

TEST_CASE("a CID-keyed charset in format 0 lists each glyph's CID",
          "[render]") {
  const std::string cff = Cff(true, 4, {0, 0, 100, 0, 200, 1, 44});
  REQUIRE(cff.size() == 37);
  std::vector<std::uint16_t> cids;
  REQUIRE(ReadCffCids(cff, &cids));
  CHECK(cids == std::vector<std::uint16_t>{0, 100, 200, 300});
}

TEST_CASE("charsets in formats 1 and 2 give runs of CIDs", "[render]") {
  std::vector<std::uint16_t> cids;
  // Format 1: first 500, 2 more; then first 7, 0 more.
  REQUIRE(ReadCffCids(Cff(true, 5, {1, 1, 244, 2, 0, 7, 0}), &cids));
  CHECK(cids == std::vector<std::uint16_t>{0, 500, 501, 502, 7});
  // Format 2: first 1000, 3 more (a two-byte count).
  REQUIRE(ReadCffCids(Cff(true, 5, {2, 3, 232, 0, 3}), &cids));
  CHECK(cids == std::vector<std::uint16_t>{0, 1000, 1001, 1002, 1003});
}

TEST_CASE("a name-keyed font has no CID map", "[render]") {
  std::vector<std::uint16_t> cids = {9};
  REQUIRE(ReadCffCids(Cff(false, 4, {0, 0, 1, 0, 2, 0, 3}), &cids));
  CHECK(cids.empty());
}

TEST_CASE("malformed CFF data is refused, never read past", "[render]") {
  std::vector<std::uint16_t> cids;
  CHECK_FALSE(ReadCffCids("", &cids));
  CHECK_FALSE(ReadCffCids("\x01\x00", &cids));
  const std::string whole = Cff(true, 4, {0, 0, 100, 0, 200, 1, 44});
  // Every truncation inside the charset or before it fails cleanly.
  for (std::size_t n = 0; n + 1 < whole.size(); ++n) {
    INFO("first " << n << " bytes");
    CHECK_FALSE(ReadCffCids(whole.substr(0, n), &cids));
  }
  // An unknown charset format.
  CHECK_FALSE(ReadCffCids(Cff(true, 2, {3, 0, 1}), &cids));
}

}  // namespace
}  // namespace fairmatch
