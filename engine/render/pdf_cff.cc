#include "engine/render/pdf_cff.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace fairmatch {
namespace {

class CffReader {
 public:
  explicit CffReader(std::string_view data) : d_(data) {}

  // Fills `cids` (by glyph id) for a CID-keyed font; leaves it empty for a
  // name-keyed one (its CIDs are its glyph ids). False: malformed.
  bool ReadCids(std::vector<std::uint16_t>* cids) {
    cids->clear();
    if (d_.size() < 4) return false;
    std::size_t at = Byte(2);  // hdrSize
    std::size_t top_start = 0, top_end = 0;
    if (!SkipIndex(&at)) return false;  // Name INDEX
    if (!FirstInIndex(at, &top_start, &top_end)) return false;
    long long charset = -1, charstrings = -1;
    bool cid_keyed = false;
    std::vector<double> operands;
    for (std::size_t p = top_start; p < top_end;) {
      unsigned b0 = Byte(p);
      if (b0 <= 21) {
        unsigned op = b0;
        ++p;
        if (b0 == 12) {
          op = 1200 + Byte(p);
          ++p;
        }
        if (op == 1230) cid_keyed = true;  // ROS
        if (op == 15 && !operands.empty()) charset = std::llround(operands[0]);
        if (op == 17 && !operands.empty()) {
          charstrings = std::llround(operands[0]);
        }
        operands.clear();
        continue;
      }
      double value = 0;
      if (!Operand(&p, top_end, &value)) return false;
      operands.push_back(value);
    }
    if (!cid_keyed) return true;
    if (charstrings <= 0 || charset <= 2) return false;
    if (static_cast<std::size_t>(charstrings) + 2 > d_.size()) return false;
    const unsigned glyphs = Card16(static_cast<std::size_t>(charstrings));
    cids->assign(glyphs, 0);
    std::size_t p = static_cast<std::size_t>(charset);
    if (p >= d_.size()) return false;
    const unsigned format = Byte(p++);
    unsigned gid = 1;
    if (format == 0) {
      for (; gid < glyphs; ++gid, p += 2) {
        if (p + 2 > d_.size()) return false;
        (*cids)[gid] = static_cast<std::uint16_t>(Card16(p));
      }
      return true;
    }
    if (format != 1 && format != 2) return false;
    while (gid < glyphs) {
      const std::size_t need = format == 1 ? 3 : 4;
      if (p + need > d_.size()) return false;
      unsigned first = Card16(p);
      unsigned left = format == 1 ? Byte(p + 2) : Card16(p + 2);
      p += need;
      for (unsigned k = 0; k <= left && gid < glyphs; ++k, ++gid) {
        (*cids)[gid] = static_cast<std::uint16_t>(first + k);
      }
    }
    return true;
  }

 private:
  unsigned Byte(std::size_t at) const {
    return at < d_.size() ? static_cast<unsigned char>(d_[at]) : 0;
  }
  unsigned Card16(std::size_t at) const { return Byte(at) << 8 | Byte(at + 1); }
  std::size_t Offset(std::size_t at, unsigned size) const {
    std::size_t v = 0;
    for (unsigned k = 0; k < size; ++k) v = v << 8 | Byte(at + k);
    return v;
  }
  bool SkipIndex(std::size_t* at) const {
    if (*at + 2 > d_.size()) return false;
    unsigned count = Card16(*at);
    if (count == 0) {
      *at += 2;
      return true;
    }
    unsigned size = Byte(*at + 2);
    if (size < 1 || size > 4) return false;
    std::size_t offsets = *at + 3;
    std::size_t last = Offset(offsets + std::size_t{count} * size, size);
    *at = offsets + (std::size_t{count} + 1) * size + last - 1;
    return *at <= d_.size();
  }
  bool FirstInIndex(std::size_t at, std::size_t* start,
                    std::size_t* end) const {
    if (at + 3 > d_.size() || Card16(at) == 0) return false;
    unsigned count = Card16(at);
    unsigned size = Byte(at + 2);
    if (size < 1 || size > 4) return false;
    std::size_t offsets = at + 3;
    std::size_t base = offsets + (std::size_t{count} + 1) * size - 1;
    *start = base + Offset(offsets, size);
    *end = base + Offset(offsets + size, size);
    return *start <= *end && *end <= d_.size();
  }
  bool Operand(std::size_t* p, std::size_t end, double* value) const {
    unsigned b0 = Byte(*p);
    if (b0 == 28) {
      *value = static_cast<std::int16_t>(Card16(*p + 1));
      *p += 3;
    } else if (b0 == 29) {
      *value = static_cast<std::int32_t>(Card16(*p + 1) << 16 | Card16(*p + 3));
      *p += 5;
    } else if (b0 == 30) {  // a real: nibbles up to 0xF; only skipped
      ++*p;
      while (*p < end && (Byte(*p) & 0x0F) != 0x0F && (Byte(*p) >> 4) != 0x0F) {
        ++*p;
      }
      ++*p;
      *value = 0;
    } else if (b0 >= 32 && b0 <= 246) {
      *value = static_cast<int>(b0) - 139;
      *p += 1;
    } else if (b0 >= 247 && b0 <= 250) {
      *value = (static_cast<int>(b0) - 247) * 256 + Byte(*p + 1) + 108;
      *p += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      *value = -(static_cast<int>(b0) - 251) * 256 -
               static_cast<int>(Byte(*p + 1)) - 108;
      *p += 2;
    } else {
      return false;
    }
    return *p <= end;
  }

  std::string_view d_;
};

}  // namespace

bool ReadCffCids(std::string_view cff, std::vector<std::uint16_t>* cids) {
  return CffReader(cff).ReadCids(cids);
}

}  // namespace fairmatch
