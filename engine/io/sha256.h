// SHA-256 (FIPS 180-4), for the provenance hash of a plan's inputs: a
// rerun's schedule.json says exactly which inputs it was planned from.
//
//   Sha256 h;
//   h.Update(bytes);
//   std::string hex = h.HexDigest();  // 64 lower-case hex digits
//
// Not for secrets: no constant-time guarantees are needed or given.
#ifndef FAIRMATCH_IO_SHA256_H_
#define FAIRMATCH_IO_SHA256_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace fairmatch {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  // The digest of everything given so far, as lower-case hex. Finishes the
  // hash: REQUIRES no Update after it.
  std::string HexDigest();

 private:
  void Block(const unsigned char* p);

  std::array<std::uint32_t, 8> h_;
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes
};

}  // namespace fairmatch

#endif  // FAIRMATCH_IO_SHA256_H_
