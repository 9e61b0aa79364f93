#include "engine/render/pdf_fonts.h"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <pango/pangofc-font.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/render/pdf_cff.h"
#include "engine/render/pdf_syntax.h"

namespace fairmatch {
namespace {

constexpr hb_tag_t kCffTag = HB_TAG('C', 'F', 'F', ' ');

std::string_view TableData(hb_blob_t* blob) {
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  return std::string_view(data == nullptr ? "" : data, length);
}

// The bytes of table `tag` of `face` (empty when it has none).
std::string Table(hb_face_t* face, hb_tag_t tag) {
  hb_blob_t* blob = hb_face_reference_table(face, tag);
  std::string bytes(TableData(blob));
  hb_blob_destroy(blob);
  return bytes;
}

// The subset face of the glyphs `face` used, and .notdef, without the
// layout tables a PDF reader never reads; the caller destroys it.
absl::StatusOr<hb_face_t*> Subset(const PdfFace& face) {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (input == nullptr) {
    return absl::InternalError("cannot render PDF: out of memory");
  }
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input);
  hb_set_add(glyph_set, 0);
  for (std::uint32_t gid = 0; gid < face.used.size(); ++gid) {
    if (face.used[gid]) hb_set_add(glyph_set, gid);
  }
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
                       HB_TAG('G', 'D', 'E', 'F'), HB_TAG('B', 'A', 'S', 'E'),
                       HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
                       HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G'),
                       HB_TAG('V', 'O', 'R', 'G'), HB_TAG('v', 'h', 'e', 'a'),
                       HB_TAG('v', 'm', 't', 'x')}) {
    hb_set_add(drop, tag);
  }
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS);
  hb_face_t* subset = hb_subset_or_fail(face.face, input);
  hb_subset_input_destroy(input);
  if (subset == nullptr) {
    return absl::InternalError("cannot render PDF: a font cannot be subset");
  }
  return subset;
}

// The content streams name glyphs by the original font's CIDs; the subset
// `program` (a bare CFF table) must keep them for every glyph used. (A
// subset keeps glyph ids up to the highest used.)
absl::Status CheckSubsetCids(const PdfFace& face, std::string_view program) {
  std::vector<std::uint16_t> cids;
  if (!ReadCffCids(program, &cids) || cids.empty() != face.cids.empty()) {
    return absl::InternalError(
        "cannot render PDF: a CFF font subset changed its glyphs");
  }
  for (std::uint32_t gid = 0; gid < face.used.size() && !cids.empty(); ++gid) {
    if (face.used[gid] && (gid >= cids.size() || cids[gid] != face.cids[gid])) {
      return absl::InternalError(
          "cannot render PDF: a CFF font subset changed its CIDs");
    }
  }
  return absl::OkStatus();
}

}  // namespace

PdfFace::~PdfFace() {
  if (metrics != nullptr) hb_font_destroy(metrics);
  if (face != nullptr) hb_face_destroy(face);
}

float PdfFace::Width(std::uint32_t gid) {
  if (gid >= width.size()) return 0;
  if (width[gid] < 0) {
    hb_position_t advance = hb_font_get_glyph_h_advance(metrics, gid);
    width[gid] = static_cast<float>(
        std::round(static_cast<double>(advance) * 1000.0 / upem));
  }
  return width[gid];
}

std::unique_ptr<PdfFace> OpenFace(hb_face_t* hb_face, int index, int object,
                                  bool* cff_readable) {
  *cff_readable = true;
  auto made = std::make_unique<PdfFace>();
  made->face = hb_face_reference(hb_face);
  made->metrics = hb_font_create(hb_face);  // scale: units per em
  made->upem = std::max(1u, hb_face_get_upem(hb_face));
  made->index = index;
  made->object = object;
  hb_blob_t* cff = hb_face_reference_table(hb_face, kCffTag);
  if (hb_blob_get_length(cff) > 0) {
    made->cff = true;
    if (!ReadCffCids(TableData(cff), &made->cids)) {
      made->cids.clear();
      *cff_readable = false;
    }
  }
  hb_blob_destroy(cff);
  const unsigned glyphs = hb_face_get_glyph_count(hb_face);
  made->width.assign(glyphs, -1.0f);
  made->used.assign(glyphs, 0);
  made->text.assign(glyphs, std::string());
  made->mapped.assign(glyphs, 0);
  return made;
}

PdfFontUse DescribeUse(PangoFont* font, PdfFace* face) {
  PdfFontUse use{face, 0};
  PangoFontDescription* desc = pango_font_describe_with_absolute_size(font);
  use.size =
      static_cast<double>(pango_font_description_get_size(desc)) / PANGO_SCALE;
  pango_font_description_free(desc);
  if (!PANGO_IS_FC_FONT(font)) return use;
  FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
  FcMatrix* matrix = nullptr;
  if (pattern != nullptr &&
      FcPatternGetMatrix(pattern, FC_MATRIX, 0, &matrix) == FcResultMatch &&
      matrix != nullptr) {
    use.slant = matrix->xy;
  }
  FcBool embolden = FcFalse;
  if (pattern != nullptr &&
      FcPatternGetBool(pattern, FC_EMBOLDEN, 0, &embolden) == FcResultMatch) {
    use.embolden = embolden == FcTrue;
  }
  return use;
}

std::string FontFileOf(PangoFont* font) {
  if (!PANGO_IS_FC_FONT(font)) return "";
  FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
  FcChar8* file = nullptr;
  int index = 0;
  if (pattern == nullptr ||
      FcPatternGetString(pattern, FC_FILE, 0, &file) != FcResultMatch ||
      file == nullptr) {
    return "";
  }
  FcPatternGetInteger(pattern, FC_INDEX, 0, &index);
  return absl::StrCat(reinterpret_cast<const char*>(file), "#", index);
}

absl::StatusOr<SubsetProgram> MakeSubsetProgram(const PdfFace& face) {
  absl::StatusOr<hb_face_t*> made = Subset(face);
  if (!made.ok()) return made.status();
  hb_face_t* subset = *made;
  SubsetProgram program;
  program.open_type = face.cff && face.cids.empty();
  if (face.cff && !program.open_type) {
    program.bytes = Table(subset, kCffTag);
    absl::Status kept = CheckSubsetCids(face, program.bytes);
    if (!kept.ok()) {
      hb_face_destroy(subset);
      return kept;
    }
  } else {
    hb_blob_t* blob = hb_face_reference_blob(subset);
    program.bytes.assign(TableData(blob));
    hb_blob_destroy(blob);
  }
  hb_face_destroy(subset);
  return program;
}

std::string SubsetFontName(const PdfFace& face) {
  std::uint64_t hash = 1469598103934665603ull;  // FNV-1a over the glyph set
  for (std::uint32_t gid = 0; gid < face.used.size(); ++gid) {
    if (!face.used[gid]) continue;
    hash = (hash ^ gid) * 1099511628211ull;
  }
  hash ^= static_cast<std::uint64_t>(face.index);
  std::string name;
  for (int k = 0; k < 6; ++k) {
    name.push_back(static_cast<char>('A' + hash % 26));
    hash /= 26;
  }
  name.push_back('+');
  char ps[256] = "";
  unsigned ps_size = sizeof(ps);
  hb_ot_name_get_utf8(face.face, HB_OT_NAME_ID_POSTSCRIPT_NAME,
                      HB_LANGUAGE_INVALID, &ps_size, ps);
  name += NameToken(std::string_view(ps, std::strlen(ps)));
  return name;
}

PdfFontMetrics FontMetrics(const PdfFace& face) {
  const double scale = 1000.0 / face.upem;
  const std::string head = Table(face.face, HB_TAG('h', 'e', 'a', 'd'));
  auto s16 = [&](std::size_t at) -> int {
    if (at + 2 > head.size()) return 0;
    return static_cast<std::int16_t>(static_cast<unsigned char>(head[at]) << 8 |
                                     static_cast<unsigned char>(head[at + 1]));
  };
  hb_position_t ascent = 0, descent = 0, cap = 0;
  hb_ot_metrics_get_position(face.metrics,
                             HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ascent);
  hb_ot_metrics_get_position(face.metrics,
                             HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &descent);
  if (!hb_ot_metrics_get_position(face.metrics, HB_OT_METRICS_TAG_CAP_HEIGHT,
                                  &cap)) {
    cap = ascent;
  }
  PdfFontMetrics m;
  const int bbox[4] = {s16(36), s16(38), s16(40), s16(42)};
  for (int k = 0; k < 4; ++k) m.bbox[k] = std::round(bbox[k] * scale);
  m.ascent = std::round(ascent * scale);
  m.descent = std::round(descent * scale);
  m.cap_height = std::round(cap * scale);
  return m;
}

std::string WidthsArray(PdfFace& face) {
  std::vector<std::pair<unsigned, float>> widths;
  for (std::uint32_t gid = 0; gid < face.used.size(); ++gid) {
    if (face.used[gid]) widths.emplace_back(face.Code(gid), face.Width(gid));
  }
  std::sort(widths.begin(), widths.end());
  std::string w = "[";
  for (std::size_t k = 0; k < widths.size();) {
    std::size_t e = k + 1;
    while (e < widths.size() && widths[e].first == widths[e - 1].first + 1) ++e;
    absl::StrAppend(&w, widths[k].first, " [");
    for (std::size_t i = k; i < e; ++i) {
      if (i > k) w += ' ';
      AppendNum(&w, widths[i].second);
    }
    w += "] ";
    k = e;
  }
  w += "]";
  return w;
}

std::string ToUnicodeCMap(const PdfFace& face) {
  std::vector<std::pair<unsigned, std::string>> map;
  for (std::uint32_t gid = 0; gid < face.used.size(); ++gid) {
    if (face.used[gid] && face.mapped[gid] && !face.text[gid].empty()) {
      map.emplace_back(face.Code(gid), face.text[gid]);
    }
  }
  std::sort(map.begin(), map.end());
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> "
      "def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t k = 0; k < map.size(); k += 100) {
    const std::size_t e = std::min(map.size(), k + 100);
    absl::StrAppend(&cmap, e - k, " beginbfchar\n");
    for (std::size_t i = k; i < e; ++i) {
      cmap += '<';
      AppendHex4(&cmap, map[i].first);
      cmap += "> <";
      std::vector<unsigned> units = Utf16(map[i].second);
      if (units.size() > 256) units.resize(256);
      for (unsigned u : units) AppendHex4(&cmap, u);
      cmap += ">\n";
    }
    cmap += "endbfchar\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return cmap;
}

}  // namespace fairmatch
