#include "engine/render/pdf_syntax.h"

#include <zlib.h>

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

struct Deflater::Stream {
  z_stream z = {};
};

Deflater::Deflater(int level) : stream_(std::make_unique<Stream>()) {
  ready_ = deflateInit(&stream_->z, level) == Z_OK;
}

Deflater::~Deflater() {
  if (ready_) deflateEnd(&stream_->z);
}

absl::Status Deflater::Append(std::string_view data, std::string* out) {
  z_stream& z = stream_->z;
  if (!ready_ || deflateReset(&z) != Z_OK) {
    return absl::InternalError("cannot render PDF: zlib cannot compress");
  }
  const std::size_t at = out->size();
  out->resize(at + deflateBound(&z, static_cast<uLong>(data.size())));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out->data() + at);
  z.avail_out = static_cast<uInt>(out->size() - at);
  // deflateBound's room takes the whole stream in one call.
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) {
    out->resize(at);
    return absl::InternalError("cannot render PDF: zlib cannot compress");
  }
  out->resize(at + z.total_out);
  return absl::OkStatus();
}

}  // namespace fairmatch
