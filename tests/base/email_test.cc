#include "engine/base/email.h"

#include <catch2/catch.hpp>
#include <string>

namespace fairmatch {
namespace {

TEST_CASE("an e-mail address has one '@' between two parts and no spaces",
          "[base]") {
  for (const char* ok : {"ana@example.org", "a@b", "chloé.dubois@uni.fr",
                         "first+tag@sub.example.edu"}) {
    INFO(ok);
    CHECK(LooksLikeEmail(ok));
  }
  for (const char* bad :
       {"", "@", "ana", "ana@", "@example.org", "ana@@example.org", "a@b@c",
        "Ana Pérez@uni.fr", "ana@example.org ", "ana@exa\tmple.org"}) {
    INFO(bad);
    CHECK_FALSE(LooksLikeEmail(bad));
  }
  CHECK_FALSE(LooksLikeEmail(std::string("ana@ex\nfake", 11)));
  CHECK_FALSE(LooksLikeEmail(std::string("ana@ex\0ample", 12)));
}

}  // namespace
}  // namespace fairmatch
