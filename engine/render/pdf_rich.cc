#include "engine/render/pdf_rich.h"

#include <glib.h>

#include <string>
#include <string_view>

namespace fairmatch::sheets {

std::string ValidUtf8(std::string_view text) {
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
    return std::string(text);
  }
  gchar* valid =
      g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  std::string out(valid);
  g_free(valid);
  return out;
}

Rich& Rich::Add(std::string_view piece, bool bold, const Rgb* color,
                bool italic) {
  unsigned start = static_cast<unsigned>(text.size());
  text.append(ValidUtf8(piece));
  if (bold || italic || color != nullptr) {
    spans.push_back(
        {start, static_cast<unsigned>(text.size()), bold, italic, color});
  }
  return *this;
}

Rich& Rich::Newline() {
  text.push_back('\n');
  return *this;
}

Rich& Rich::Sized(std::string_view piece, double size, bool bold,
                  const Rgb* color) {
  unsigned start = static_cast<unsigned>(text.size());
  text.append(ValidUtf8(piece));
  spans.push_back(
      {start, static_cast<unsigned>(text.size()), bold, false, color, size});
  return *this;
}

Rich& Rich::Gap(double size) {
  text.push_back('\n');
  unsigned start = static_cast<unsigned>(text.size());
  text.push_back('\n');
  spans.push_back({start, start + 1, false, false, nullptr, size});
  return *this;
}

}  // namespace fairmatch::sheets
