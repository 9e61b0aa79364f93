// Font embedding for PdfDocument: what it records about each font face the
// sheets draw with, and the pieces of the PDF font objects it writes for
// one (ISO 32000-1, 9.7 and 9.10): the subset font program, its subset
// name, its metrics, the /W widths of the glyphs used and the ToUnicode map.
//
//   std::unique_ptr<PdfFace> face = OpenFace(hb_face, 0, object, &readable);
//   face->used[gid] = 1;
//   absl::StatusOr<SubsetProgram> program = MakeSubsetProgram(*face);
//   std::string w = WidthsArray(*face);
//
// A TrueType face is embedded with its glyph ids kept (hb-subset's
// RETAIN_GIDS), so a glyph's code is its id; a CID-keyed CFF face is
// embedded as its bare CFF table, its glyphs coded by CID (pdf_cff.h).
#ifndef FAIRMATCH_RENDER_PDF_FONTS_H_
#define FAIRMATCH_RENDER_PDF_FONTS_H_

#include <hb.h>
#include <pango/pango.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace fairmatch {

// One embedded font program: a harfbuzz face and what the document used of
// it, by glyph id.
struct PdfFace {
  hb_face_t* face = nullptr;     // referenced
  hb_font_t* metrics = nullptr;  // at units per em
  int index = 0;                 // resource name /F<index>
  // Which font file (fontconfig's file and face index): the same face
  // opened by another thread's font map has the same.
  std::string file;
  int object = 0;  // the Type0 font
  unsigned upem = 1000;
  bool cff = false;
  std::vector<std::uint16_t> cids;  // CID-keyed CFF: glyph id -> CID
  std::vector<float> width;         // by glyph id, 1/1000 em; < 0: unknown
  std::vector<std::uint8_t> used;   // by glyph id
  std::vector<std::string> text;    // by glyph id: its first text
  std::vector<std::uint8_t> mapped;
  // Drawn in runs (pdf_document.h): by glyph id, the run its text is from.
  std::vector<int> text_run;

  PdfFace() = default;
  PdfFace(const PdfFace&) = delete;
  PdfFace& operator=(const PdfFace&) = delete;
  ~PdfFace();

  // The code the content streams write for glyph `gid`.
  unsigned Code(std::uint32_t gid) const {
    return cids.empty() ? gid : (gid < cids.size() ? cids[gid] : 0);
  }
  // The advance of `gid` in whole thousandths of an em, as written in /W
  // (the text is placed by them); 0 for a glyph the face does not have.
  float Width(std::uint32_t gid);
};

// A PangoFont as drawn: its face, size in points and synthetic style.
struct PdfFontUse {
  PdfFace* face;
  double size;
  double slant = 0;  // fontconfig's synthetic oblique
  bool embolden = false;
};

// A PdfFace for `face` with resource index `index` and font object
// `object`, nothing used yet. `cff_readable` is set false when the face has
// a CFF table that cannot be read (the face then codes glyphs by id).
std::unique_ptr<PdfFace> OpenFace(hb_face_t* face, int index, int object,
                                  bool* cff_readable);

// How `font` draws with `face`: its absolute size, and fontconfig's
// synthetic oblique and bold.
PdfFontUse DescribeUse(PangoFont* font, PdfFace* face);

// The font file and face index `font` draws from ("path#index"), or
// "" when it is not a fontconfig font.
std::string FontFileOf(PangoFont* font);

// The font program to embed: the subset of the glyphs used (and .notdef),
// without layout tables.
struct SubsetProgram {
  std::string bytes;
  // A name-keyed CFF face goes in whole, as OpenType: a bare CFF table in a
  // CIDFont must be CID-keyed.
  bool open_type = false;
};

// InternalError when harfbuzz cannot subset the face, or when a CFF subset
// changed the CIDs of the glyphs used.
absl::StatusOr<SubsetProgram> MakeSubsetProgram(const PdfFace& face);

// The subset's font name: a tag of six capitals from the glyph set and the
// face's index, '+', then the face's PostScript name.
std::string SubsetFontName(const PdfFace& face);

// The font descriptor's metrics in thousandths of an em, rounded.
struct PdfFontMetrics {
  double bbox[4];  // the head table's xMin, yMin, xMax, yMax
  double ascent;
  double descent;
  double cap_height;  // the ascent when the face has none
};
PdfFontMetrics FontMetrics(const PdfFace& face);

// The CIDFont's /W array: the widths of the codes used, each run of
// consecutive codes in one array, "[3 [500 520] 9 [610] ]".
std::string WidthsArray(PdfFace& face);

// The ToUnicode CMap: each code used to the text its glyph first showed.
std::string ToUnicodeCMap(const PdfFace& face);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_PDF_FONTS_H_
