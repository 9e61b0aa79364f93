#include "engine/render/pdf_syntax.h"

#include <libdeflate.h>

#include <cctype>
#include <cmath>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace fairmatch {

// Three decimals: positions are pango units (1/1024 pt), so a thousandth
// of a point loses nothing.
void AppendNum(std::string* out, double v) {
  long long milli = std::llround(v * 1000.0);
  if (milli < 0) {
    out->push_back('-');
    milli = -milli;
  }
  char buf[32];
  int n = 0;
  long long whole = milli / 1000;
  int frac = static_cast<int>(milli % 1000);
  do {
    buf[n++] = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole > 0);
  while (n > 0) out->push_back(buf[--n]);
  if (frac != 0) {
    out->push_back('.');
    int digits[3] = {frac / 100, frac / 10 % 10, frac % 10};
    int last = 2;
    while (digits[last] == 0) --last;
    for (int i = 0; i <= last; ++i)
      out->push_back(static_cast<char>('0' + digits[i]));
  }
}

void AppendInt(std::string* out, long long v) { absl::StrAppend(out, v); }

void AppendColor(std::string* out, double r, double g, double b,
                 const char* op) {
  AppendNum(out, r);
  out->push_back(' ');
  AppendNum(out, g);
  out->push_back(' ');
  AppendNum(out, b);
  out->push_back(' ');
  out->append(op);
  out->push_back('\n');
}

void AppendHex4(std::string* out, unsigned v) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back(kHex[(v >> 12) & 15]);
  out->push_back(kHex[(v >> 8) & 15]);
  out->push_back(kHex[(v >> 4) & 15]);
  out->push_back(kHex[v & 15]);
}

std::vector<unsigned> Utf16(std::string_view s) {
  std::vector<unsigned> units;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    unsigned cp;
    int len;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if ((c >> 5) == 6) {
      cp = c & 0x1F;
      len = 2;
    } else if ((c >> 4) == 14) {
      cp = c & 0x0F;
      len = 3;
    } else if ((c >> 3) == 30) {
      cp = c & 0x07;
      len = 4;
    } else {
      units.push_back(0xFFFD);
      ++i;
      continue;
    }
    if (i + len > s.size()) {
      units.push_back(0xFFFD);
      break;
    }
    for (int k = 1; k < len; ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push_back(0xD800 + (cp >> 10));
      units.push_back(0xDC00 + (cp & 0x3FF));
    } else {
      units.push_back(cp);
    }
  }
  return units;
}

std::string TextString(std::string_view utf8) {
  std::string out = "<FEFF";
  for (unsigned u : Utf16(utf8)) AppendHex4(&out, u);
  out.push_back('>');
  return out;
}

std::string NameToken(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') {
      out.push_back(c);
    }
  }
  return out.empty() ? std::string("Font") : out;
}

Deflater::Deflater(int level)
    : compressor_(libdeflate_alloc_compressor(level)) {}

Deflater::~Deflater() {
  if (compressor_ != nullptr) libdeflate_free_compressor(compressor_);
}

absl::Status Deflater::Append(std::string_view data, std::string* out) {
  if (compressor_ == nullptr) {
    return absl::InternalError("cannot render PDF: cannot compress");
  }
  const std::size_t at = out->size();
  out->resize(at + libdeflate_zlib_compress_bound(compressor_, data.size()));
  const std::size_t n =
      libdeflate_zlib_compress(compressor_, data.data(), data.size(),
                               out->data() + at, out->size() - at);
  if (n == 0) {  // cannot happen with the bound's room
    out->resize(at);
    return absl::InternalError("cannot render PDF: cannot compress");
  }
  out->resize(at + n);
  return absl::OkStatus();
}

}  // namespace fairmatch
