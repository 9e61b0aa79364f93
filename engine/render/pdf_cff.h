// CFF (the outlines of OpenType/CFF fonts such as Noto Sans CJK): just
// enough of Adobe's Compact Font Format (Technical Note #5176) to read the
// charset, which maps glyph ids to CIDs in a CID-keyed font. PdfDocument
// writes such a font's glyphs by CID, so it needs the map of the font and
// checks that the subset kept it.
//
//   std::vector<std::uint16_t> cids;
//   if (!ReadCffCids(cff_table, &cids)) return Error("malformed CFF");
//   unsigned cid = cids.empty() ? gid : cids[gid];
//
// Reads the header, the Name INDEX, the first Top DICT (ROS, charset and
// CharStrings operators) and the charset in formats 0, 1 and 2; every read
// is bounds-checked, so any bytes give an answer and never a crash.
#ifndef FAIRMATCH_RENDER_PDF_CFF_H_
#define FAIRMATCH_RENDER_PDF_CFF_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace fairmatch {

// Fills `cids` (by glyph id; glyph 0 is CID 0) for a CID-keyed font, and
// leaves it empty for a name-keyed one (its CIDs are its glyph ids).
// Returns false when `cff` is malformed.
bool ReadCffCids(std::string_view cff, std::vector<std::uint16_t>* cids);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_PDF_CFF_H_
