#include "engine/io/sha256.h"

#include <catch2/catch.hpp>
#include <string>

namespace fairmatch {
namespace {

std::string Hash(const std::string& text) {
  Sha256 h;
  h.Update(text);
  return h.HexDigest();
}

TEST_CASE("sha256 matches the FIPS 180-4 test vectors", "[io]") {
  CHECK(Hash("") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Hash("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Hash(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 gives the same digest however the input is split", "[io]") {
  const std::string text(200, 'x');
  for (size_t cut : {0, 1, 55, 56, 63, 64, 65, 128, 199}) {
    Sha256 h;
    h.Update(text.substr(0, cut));
    h.Update(text.substr(cut));
    CHECK(h.HexDigest() == Hash(text));
  }
}

}  // namespace
}  // namespace fairmatch
