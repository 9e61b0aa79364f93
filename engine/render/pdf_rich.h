// Rich: text with bold, italic, coloured and resized stretches, the input
// of one pango layout on the sheets (PdfWriter::Lay). Newlines start
// paragraphs.
//
//   Rich line;
//   line.Add("Booth ", false, &kMuted).Add("B12", true).Newline();
//
// Every piece goes through ValidUtf8, so a Rich always holds valid UTF-8
// whatever the input files held.
#ifndef FAIRMATCH_RENDER_PDF_RICH_H_
#define FAIRMATCH_RENDER_PDF_RICH_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/render/pdf_palette.h"

namespace fairmatch::sheets {

// Text pango accepts: invalid UTF-8 becomes U+FFFD (pango would otherwise
// warn on stderr and drop the text).
std::string ValidUtf8(std::string_view text);

struct Rich {
  struct Span {
    unsigned start;  // byte offsets into `text`
    unsigned end;
    bool bold;
    bool italic;
    const Rgb* color;  // null: the layout's
    double size = 0;   // points; 0: the layout's
  };
  std::string text;
  std::vector<Span> spans;

  // Appends `piece`; a span only when it differs from the layout's look.
  Rich& Add(std::string_view piece, bool bold = false,
            const Rgb* color = nullptr, bool italic = false);
  Rich& Newline();
  // Text in another size (a heading inside one layout).
  Rich& Sized(std::string_view piece, double size, bool bold,
              const Rgb* color = nullptr);
  // Ends the paragraph and leaves an empty line `size` points tall: one
  // layout can then hold what would otherwise be several (pango's cost is
  // mostly per layout).
  Rich& Gap(double size);
};

}  // namespace fairmatch::sheets

#endif  // FAIRMATCH_RENDER_PDF_RICH_H_
