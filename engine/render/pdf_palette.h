// The look of attendees.pdf and employers.pdf: the palette and type scale
// of schedules.html, for paper. Units are PDF points (1/72 in).
//
//   Block name = pdf.Lay(text, kTitle, pdf.width(), kInk);
//
// One home for the colours, the font list and the font sizes every part
// of the sheets (page frame, attendee sheets, rosters, grid) draws with.
#ifndef FAIRMATCH_RENDER_PDF_PALETTE_H_
#define FAIRMATCH_RENDER_PDF_PALETTE_H_

#include <pango/pango.h>

namespace fairmatch::sheets {

struct Rgb {
  double r, g, b;
};
inline constexpr Rgb kInk{0x1d / 255.0, 0x23 / 255.0, 0x2a / 255.0};
inline constexpr Rgb kNavy{0x24 / 255.0, 0x47 / 255.0, 0x6b / 255.0};
inline constexpr Rgb kMuted{0x5b / 255.0, 0x66 / 255.0, 0x70 / 255.0};
inline constexpr Rgb kFaint{0x8a / 255.0, 0x96 / 255.0, 0xa3 / 255.0};
inline constexpr Rgb kRule{0xd5 / 255.0, 0xdb / 255.0, 0xe1 / 255.0};
inline constexpr Rgb kWash{0xf1 / 255.0, 0xf4 / 255.0, 0xf7 / 255.0};
inline constexpr Rgb kWhite{1, 1, 1};

// Fallback happens per character along this list, so a Vietnamese or Greek
// name stays in Noto Sans and a Chinese one takes whatever CJK font
// fontconfig finds for "sans-serif".
inline constexpr char kFamilies[] = "Noto Sans, DejaVu Sans, sans-serif";

enum Font {
  kBody,       // 10pt: body text
  kBodyBold,   // 10pt bold: times, names in lists
  kSmall,      // 8.8pt: talking points, details
  kSmallBold,  // 8.8pt bold
  kTiny,       // 7.2pt: grid cells, footers
  kTinyBold,   // 7.2pt bold
  kLabel,      // 7.4pt bold, spaced capitals: kind labels, column heads
  kTitle,      // 20pt bold: the sheet owner's name
  kHeading,    // 12pt bold: employer names, section titles
  kBand,       // 9pt: header band
  kBandBold,   // 9pt bold
  kNumFonts
};

struct FontSpec {
  double size;
  PangoWeight weight;
};
inline constexpr FontSpec kFontSpecs[kNumFonts] = {
    {10.0, PANGO_WEIGHT_NORMAL}, {10.0, PANGO_WEIGHT_BOLD},
    {8.8, PANGO_WEIGHT_NORMAL},  {8.8, PANGO_WEIGHT_BOLD},
    {7.2, PANGO_WEIGHT_NORMAL},  {7.2, PANGO_WEIGHT_BOLD},
    {7.4, PANGO_WEIGHT_BOLD},    {20.0, PANGO_WEIGHT_BOLD},
    {12.0, PANGO_WEIGHT_BOLD},   {9.0, PANGO_WEIGHT_NORMAL},
    {9.0, PANGO_WEIGHT_BOLD},
};

inline constexpr char kEnDash[] = "\xE2\x80\x93";
inline constexpr char kDot[] = " \xC2\xB7 ";

}  // namespace fairmatch::sheets

#endif  // FAIRMATCH_RENDER_PDF_PALETTE_H_
