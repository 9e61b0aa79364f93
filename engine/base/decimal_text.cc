#include "engine/base/decimal_text.h"

namespace fairmatch {

void AppendPadded(std::string* out, int n, int width) {
  char buf[16];
  int len = 0;
  do {
    buf[len++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0);
  for (int i = len; i < width; ++i) out->push_back('0');
  while (len > 0) out->push_back(buf[--len]);
}

int DecimalDigits(int n) {
  int d = 1;
  while (n >= 10) {
    n /= 10;
    ++d;
  }
  return d;
}

}  // namespace fairmatch
