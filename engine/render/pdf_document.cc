#include "engine/render/pdf_document.h"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <pango/pangofc-font.h>
#include <zlib.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace fairmatch {

namespace {

// Appends `v` with at most three decimals and no trailing zeros: positions
// are pango units (1/1024 pt), so a thousandth of a point loses nothing.
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

// "r g b OP\n", e.g. OP "rg" (fill) or "RG" (stroke).
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

// UTF-16BE code units of valid UTF-8 `s` (invalid bytes become U+FFFD).
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

// A text string for the info dictionary and bookmarks: UTF-16BE with a
// byte order mark, in hex (nothing to escape).
std::string TextString(std::string_view utf8) {
  std::string out = "<FEFF";
  for (unsigned u : Utf16(utf8)) AppendHex4(&out, u);
  out.push_back('>');
  return out;
}

// A PDF name from a PostScript font name: only letters, digits, '-', '_'.
std::string NameToken(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') {
      out.push_back(c);
    }
  }
  return out.empty() ? std::string("Font") : out;
}

absl::Status Deflate(std::string_view data, int level, std::string* out) {
  uLongf bound = compressBound(static_cast<uLong>(data.size()));
  std::size_t at = out->size();
  out->resize(at + bound);
  int rc = compress2(reinterpret_cast<Bytef*>(out->data() + at), &bound,
                     reinterpret_cast<const Bytef*>(data.data()),
                     static_cast<uLong>(data.size()), level);
  if (rc != Z_OK) {
    out->resize(at);
    return absl::InternalError("cannot render PDF: zlib cannot compress");
  }
  out->resize(at + bound);
  return absl::OkStatus();
}

// ---------------------------------------------------------------------------
// CFF (the outlines of OpenType/CFF fonts such as Noto CJK): just enough to
// read the charset, which maps glyph ids to CIDs in a CID-keyed font.

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

std::string_view TableData(hb_blob_t* blob) {
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  return std::string_view(data == nullptr ? "" : data, length);
}

constexpr hb_tag_t kCffTag = HB_TAG('C', 'F', 'F', ' ');

}  // namespace

// ---------------------------------------------------------------------------

struct PdfDocument::Face {
  hb_face_t* face = nullptr;     // referenced
  hb_font_t* metrics = nullptr;  // at units per em
  int index = 0;                 // resource name /F<index>
  int object = 0;                // the Type0 font
  unsigned upem = 1000;
  bool cff = false;
  std::vector<std::uint16_t> cids;  // CID-keyed CFF: glyph id -> CID
  std::vector<float> width;         // by glyph id, 1/1000 em; < 0: unknown
  std::vector<std::uint8_t> used;   // by glyph id
  std::vector<std::string> text;    // by glyph id: its first text
  std::vector<std::uint8_t> mapped;

  ~Face() {
    if (metrics != nullptr) hb_font_destroy(metrics);
    if (face != nullptr) hb_face_destroy(face);
  }
  unsigned Code(std::uint32_t gid) const {
    return cids.empty() ? gid : (gid < cids.size() ? cids[gid] : 0);
  }
  float Width(std::uint32_t gid) {
    if (gid >= width.size()) return 0;
    if (width[gid] < 0) {
      hb_position_t advance = hb_font_get_glyph_h_advance(metrics, gid);
      // Whole thousandths, as written in /W: the text is placed by them.
      width[gid] = static_cast<float>(
          std::round(static_cast<double>(advance) * 1000.0 / upem));
    }
    return width[gid];
  }
};

struct PdfDocument::FontUse {
  Face* face;
  double size;
  double slant = 0;  // fontconfig's synthetic oblique
  bool embolden = false;
};

PdfDocument::PdfDocument() {
  out_ = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  offsets_.push_back(0);  // object 0
  pages_object_ = NewObject();
  resources_object_ = NewObject();
  outlines_.push_back(Outline{-1, "", 0, {}});
}

PdfDocument::~PdfDocument() {
  for (auto& [font, use] : uses_) g_object_unref(font);  // without Finish()
}

void PdfDocument::SetInfo(std::string_view title, std::string_view creator,
                          std::string_view date) {
  std::string digits;
  for (char c : date) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  }
  info_ = absl::StrCat("<< /Title ", TextString(title), " /Creator ",
                       TextString(creator), " /Producer ", TextString(creator));
  if (digits.size() == 14) {
    absl::StrAppend(&info_, " /CreationDate (D:", digits,
                    ") /ModDate (D:", digits, ")");
  }
  info_ += " >>";
}

void PdfDocument::StartObject(int number) {
  if (offsets_.size() <= static_cast<std::size_t>(number)) {
    offsets_.resize(number + 1, 0);
  }
  offsets_[number] = out_.size();
  absl::StrAppend(&out_, number, " 0 obj\n");
}

void PdfDocument::WriteStream(int number, std::string_view dict_extra,
                              std::string_view data, bool compress) {
  scratch_.clear();
  if (compress) {
    absl::Status s = Deflate(data, Z_BEST_SPEED, &scratch_);
    if (!s.ok()) {
      if (status_.ok()) status_ = s;
      return;
    }
  }
  std::string_view body = compress ? std::string_view(scratch_) : data;
  StartObject(number);
  absl::StrAppend(&out_, "<< /Length ", body.size(),
                  compress ? " /Filter /FlateDecode" : "");
  absl::StrAppend(&out_,
                  absl::string_view(dict_extra.data(), dict_extra.size()),
                  " >>\nstream\n");
  out_.append(body);
  out_ += "\nendstream\nendobj\n";
}

void PdfDocument::BeginPage(double width, double height) {
  assert(!open_);
  open_ = true;
  width_ = width;
  height_ = height;
  content_.clear();
  have_fill_ = false;
}

void PdfDocument::EndPage() {
  assert(open_);
  open_ = false;
  const int contents = NewObject();
  WriteStream(contents, "", content_, true);
  const int page = NewObject();
  pages_.push_back(page);
  StartObject(page);
  out_ += "<< /Type /Page /Parent ";
  AppendInt(&out_, pages_object_);
  out_ += " 0 R /MediaBox [0 0 ";
  AppendNum(&out_, width_);
  out_ += ' ';
  AppendNum(&out_, height_);
  out_ += "] /Contents ";
  AppendInt(&out_, contents);
  out_ += " 0 R /Resources ";
  AppendInt(&out_, resources_object_);
  out_ += " 0 R >>\nendobj\n";
}

void PdfDocument::SetFill(double r, double g, double b) {
  if (have_fill_ && fill_[0] == r && fill_[1] == g && fill_[2] == b) return;
  have_fill_ = true;
  fill_[0] = r;
  fill_[1] = g;
  fill_[2] = b;
  AppendColor(&content_, r, g, b, "rg");
}

void PdfDocument::FillRect(double x, double y, double w, double h) {
  AppendNum(&content_, x);
  content_ += ' ';
  AppendNum(&content_, height_ - y - h);
  content_ += ' ';
  AppendNum(&content_, w);
  content_ += ' ';
  AppendNum(&content_, h);
  content_ += " re f\n";
}

void PdfDocument::FillRoundedRect(double x, double y, double w, double h,
                                  double radius) {
  const double r = std::min({radius, w / 2, h / 2});
  // The control points of a quarter circle as a cubic Bézier.
  const double c = r * 0.5522847498;
  auto point = [&](double px, double py) {
    AppendNum(&content_, px);
    content_ += ' ';
    AppendNum(&content_, height_ - py);
    content_ += ' ';
  };
  point(x + r, y);
  content_ += "m ";
  point(x + w - r, y);
  content_ += "l ";
  point(x + w - r + c, y);
  point(x + w, y + r - c);
  point(x + w, y + r);
  content_ += "c ";
  point(x + w, y + h - r);
  content_ += "l ";
  point(x + w, y + h - r + c);
  point(x + w - r + c, y + h);
  point(x + w - r, y + h);
  content_ += "c ";
  point(x + r, y + h);
  content_ += "l ";
  point(x + r - c, y + h);
  point(x, y + h - r + c);
  point(x, y + h - r);
  content_ += "c ";
  point(x, y + r);
  content_ += "l ";
  point(x, y + r - c);
  point(x + r - c, y);
  point(x + r, y);
  content_ += "c h f\n";
}

void PdfDocument::StrokeLine(double x0, double y0, double x1, double y1,
                             double width, double r, double g, double b) {
  AppendColor(&content_, r, g, b, "RG");
  AppendNum(&content_, width);
  content_ += " w ";
  AppendNum(&content_, x0);
  content_ += ' ';
  AppendNum(&content_, height_ - y0);
  content_ += " m ";
  AppendNum(&content_, x1);
  content_ += ' ';
  AppendNum(&content_, height_ - y1);
  content_ += " l S\n";
}

const PdfDocument::FontUse* PdfDocument::UseOf(PangoFont* font) {
  auto it = uses_.find(font);
  if (it != uses_.end()) return it->second.get();
  hb_font_t* hb = pango_font_get_hb_font(font);
  if (hb == nullptr) return nullptr;
  hb_face_t* hb_face = hb_font_get_face(hb);
  Face* face = nullptr;
  for (const std::unique_ptr<Face>& f : faces_) {
    if (f->face == hb_face) face = f.get();
  }
  if (face == nullptr) {
    auto made = std::make_unique<Face>();
    made->face = hb_face_reference(hb_face);
    made->metrics = hb_font_create(hb_face);  // scale: units per em
    made->upem = std::max(1u, hb_face_get_upem(hb_face));
    made->index = static_cast<int>(faces_.size());
    made->object = NewObject();
    hb_blob_t* cff = hb_face_reference_table(hb_face, kCffTag);
    if (hb_blob_get_length(cff) > 0) {
      made->cff = true;
      if (!CffReader(TableData(cff)).ReadCids(&made->cids)) {
        made->cids.clear();
        if (status_.ok()) {
          status_ = absl::InternalError(
              "cannot render PDF: a font's CFF table cannot be read");
        }
      }
    }
    hb_blob_destroy(cff);
    const unsigned glyphs = hb_face_get_glyph_count(hb_face);
    made->width.assign(glyphs, -1.0f);
    made->used.assign(glyphs, 0);
    made->text.assign(glyphs, std::string());
    made->mapped.assign(glyphs, 0);
    face = made.get();
    faces_.push_back(std::move(made));
  }
  auto use = std::make_unique<FontUse>();
  use->face = face;
  PangoFontDescription* desc = pango_font_describe_with_absolute_size(font);
  use->size =
      static_cast<double>(pango_font_description_get_size(desc)) / PANGO_SCALE;
  pango_font_description_free(desc);
  if (PANGO_IS_FC_FONT(font)) {
    FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcMatrix* matrix = nullptr;
    if (pattern != nullptr &&
        FcPatternGetMatrix(pattern, FC_MATRIX, 0, &matrix) == FcResultMatch &&
        matrix != nullptr) {
      use->slant = matrix->xy;
    }
    FcBool embolden = FcFalse;
    if (pattern != nullptr &&
        FcPatternGetBool(pattern, FC_EMBOLDEN, 0, &embolden) == FcResultMatch) {
      use->embolden = embolden == FcTrue;
    }
  }
  g_object_ref(font);  // keeps the pointer (the map's key) unique
  const FontUse* result = use.get();
  uses_.emplace(font, std::move(use));
  return result;
}

void PdfDocument::ShowGlyphs(PangoFont* font,
                             const std::vector<PdfGlyph>& glyphs,
                             std::string_view utf8) {
  assert(open_);
  if (glyphs.empty()) return;
  const FontUse* use = UseOf(font);
  if (use == nullptr) return;
  Face& face = *use->face;
  const double size = use->size;
  if (size <= 0) return;

  content_ += "BT\n/F";
  AppendInt(&content_, face.index);
  content_ += ' ';
  AppendNum(&content_, size);
  content_ += " Tf\n";
  if (use->embolden) {
    AppendColor(&content_, fill_[0], fill_[1], fill_[2], "RG");
    content_ += "2 Tr ";
    AppendNum(&content_, size / 30);
    content_ += " w\n";
  }
  bool in_array = false;
  double pen = 0;  // where the next glyph goes without an adjustment
  double line_y = 0;
  for (std::size_t k = 0; k < glyphs.size(); ++k) {
    const PdfGlyph& g = glyphs[k];
    const std::uint32_t gid = g.id < face.used.size() ? g.id : 0;
    face.used[gid] = 1;
    if (!face.mapped[gid] && g.text_length > 0 &&
        g.text + g.text_length <= utf8.size()) {
      face.mapped[gid] = 1;
      face.text[gid].assign(utf8.substr(g.text, g.text_length));
    }
    if (k == 0 || g.y != line_y) {
      if (in_array) content_ += ">] TJ\n";
      content_ += "1 0 ";
      AppendNum(&content_, use->slant);
      content_ += " 1 ";
      AppendNum(&content_, g.x);
      content_ += ' ';
      AppendNum(&content_, height_ - g.y);
      content_ += " Tm [<";
      in_array = true;
      line_y = g.y;
      pen = g.x;
    } else {
      // TJ moves the next glyph left by n/1000 of the font size.
      const double n = (pen - g.x) * 1000.0 / size;
      if (std::abs(n) >= 0.5) {
        content_ += "> ";
        AppendNum(&content_, std::round(n * 10) / 10);
        content_ += " <";
        pen = g.x;
      }
    }
    AppendHex4(&content_, face.Code(gid));
    pen += face.Width(gid) * size / 1000.0;
  }
  content_ += ">] TJ\n";
  if (use->embolden) content_ += "0 Tr\n";
  content_ += "ET\n";
}

int PdfDocument::AddOutline(int parent, std::string_view title) {
  assert(open_);
  if (parent < 0 || static_cast<std::size_t>(parent) >= outlines_.size()) {
    parent = 0;
  }
  const int id = static_cast<int>(outlines_.size());
  outlines_.push_back(
      Outline{parent, std::string(title), static_cast<int>(pages_.size()), {}});
  outlines_[parent].children.push_back(id);
  return id;
}

absl::Status PdfDocument::WriteFace(Face& face) {
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
  std::string program;
  // A name-keyed CFF font (its CIDs are its glyph ids) goes in whole, as
  // OpenType: a bare CFF table in a CIDFont must be CID-keyed.
  const bool open_type = face.cff && face.cids.empty();
  if (face.cff && !open_type) {
    hb_blob_t* cff = hb_face_reference_table(subset, kCffTag);
    program.assign(TableData(cff));
    hb_blob_destroy(cff);
    // The content streams name glyphs by the original font's CIDs; the
    // subset must keep them.
    // (A subset keeps glyph ids up to the highest used.)
    std::vector<std::uint16_t> cids;
    if (!CffReader(program).ReadCids(&cids) ||
        cids.empty() != face.cids.empty()) {
      hb_face_destroy(subset);
      return absl::InternalError(
          "cannot render PDF: a CFF font subset changed its glyphs");
    }
    for (std::uint32_t gid = 0; gid < face.used.size() && !cids.empty();
         ++gid) {
      if (face.used[gid] &&
          (gid >= cids.size() || cids[gid] != face.cids[gid])) {
        hb_face_destroy(subset);
        return absl::InternalError(
            "cannot render PDF: a CFF font subset changed its CIDs");
      }
    }
  } else {
    hb_blob_t* blob = hb_face_reference_blob(subset);
    program.assign(TableData(blob));
    hb_blob_destroy(blob);
  }
  hb_face_destroy(subset);

  // The name: a subset tag of six letters from the glyph set, then the
  // font's PostScript name.
  std::uint64_t hash = 1469598103934665603ull;
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

  const double scale = 1000.0 / face.upem;
  hb_blob_t* head =
      hb_face_reference_table(face.face, HB_TAG('h', 'e', 'a', 'd'));
  std::string_view h = TableData(head);
  auto s16 = [&](std::size_t at) -> int {
    if (at + 2 > h.size()) return 0;
    return static_cast<std::int16_t>(static_cast<unsigned char>(h[at]) << 8 |
                                     static_cast<unsigned char>(h[at + 1]));
  };
  const int bbox[4] = {s16(36), s16(38), s16(40), s16(42)};
  hb_blob_destroy(head);
  hb_position_t ascent = 0, descent = 0, cap = 0;
  hb_ot_metrics_get_position(face.metrics,
                             HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ascent);
  hb_ot_metrics_get_position(face.metrics,
                             HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &descent);
  if (!hb_ot_metrics_get_position(face.metrics, HB_OT_METRICS_TAG_CAP_HEIGHT,
                                  &cap)) {
    cap = ascent;
  }

  const int descendant = NewObject();
  const int descriptor = NewObject();
  const int file = NewObject();
  const int to_unicode = NewObject();

  StartObject(face.object);
  absl::StrAppend(&out_, "<< /Type /Font /Subtype /Type0 /BaseFont /", name,
                  " /Encoding /Identity-H /DescendantFonts [", descendant,
                  " 0 R] /ToUnicode ", to_unicode, " 0 R >>\nendobj\n");

  // Widths of the codes used, runs of consecutive codes in one array.
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
  StartObject(descendant);
  absl::StrAppend(
      &out_, "<< /Type /Font /Subtype /",
      face.cff ? "CIDFontType0" : "CIDFontType2", " /BaseFont /", name,
      " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement "
      "0 >> /FontDescriptor ",
      descriptor, " 0 R /W ", w, face.cff ? "" : " /CIDToGIDMap /Identity",
      " >>\nendobj\n");

  StartObject(descriptor);
  absl::StrAppend(&out_, "<< /Type /FontDescriptor /FontName /", name,
                  " /Flags 4 /FontBBox [");
  for (int k = 0; k < 4; ++k) {
    if (k > 0) out_ += ' ';
    AppendNum(&out_, std::round(bbox[k] * scale));
  }
  out_ += "] /ItalicAngle 0 /Ascent ";
  AppendNum(&out_, std::round(ascent * scale));
  out_ += " /Descent ";
  AppendNum(&out_, std::round(descent * scale));
  out_ += " /CapHeight ";
  AppendNum(&out_, std::round(cap * scale));
  absl::StrAppend(&out_, " /StemV 80 ",
                  face.cff ? "/FontFile3 " : "/FontFile2 ", file,
                  " 0 R >>\nendobj\n");

  std::string extra = open_type  ? std::string(" /Subtype /OpenType")
                      : face.cff ? std::string(" /Subtype /CIDFontType0C")
                                 : absl::StrCat(" /Length1 ", program.size());
  WriteStream(file, extra, program, true);

  // ToUnicode: each code used to the text its glyph first showed.
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
  WriteStream(to_unicode, "", cmap, true);
  return status_;
}

void PdfDocument::WriteOutlines(int root) {
  // Numbers first: each item's object, then the tree's links.
  std::vector<int> object(outlines_.size(), 0);
  object[0] = root;
  for (std::size_t i = 1; i < outlines_.size(); ++i) object[i] = NewObject();
  // Open items: Count is the number of visible descendants.
  std::vector<int> count(outlines_.size(), 0);
  for (std::size_t i = outlines_.size(); i-- > 0;) {
    for (int c : outlines_[i].children) count[i] += 1 + count[c];
  }
  for (std::size_t i = 0; i < outlines_.size(); ++i) {
    const Outline& o = outlines_[i];
    StartObject(object[i]);
    if (i == 0) {
      out_ += "<< /Type /Outlines";
    } else {
      absl::StrAppend(&out_, "<< /Title ", TextString(o.title), " /Parent ",
                      object[o.parent], " 0 R");
      const std::vector<int>& siblings = outlines_[o.parent].children;
      auto at =
          std::find(siblings.begin(), siblings.end(), static_cast<int>(i));
      if (at != siblings.begin()) {
        absl::StrAppend(&out_, " /Prev ", object[*(at - 1)], " 0 R");
      }
      if (at + 1 != siblings.end()) {
        absl::StrAppend(&out_, " /Next ", object[*(at + 1)], " 0 R");
      }
      const int page = std::clamp(o.page, 0, std::max(0, pages() - 1));
      if (!pages_.empty()) {
        absl::StrAppend(&out_, " /Dest [", pages_[page],
                        " 0 R /XYZ null null null]");
      }
    }
    if (!o.children.empty()) {
      absl::StrAppend(&out_, " /First ", object[o.children.front()],
                      " 0 R /Last ", object[o.children.back()], " 0 R /Count ",
                      count[i]);
    }
    out_ += " >>\nendobj\n";
  }
}

absl::StatusOr<std::string> PdfDocument::Finish() {
  if (open_) EndPage();
  if (pages_.empty()) {  // readers refuse a document without pages
    BeginPage(595.276, 841.89);
    EndPage();
  }
  for (const std::unique_ptr<Face>& face : faces_) {
    absl::Status s = WriteFace(*face);
    if (!s.ok() && status_.ok()) status_ = s;
  }
  for (auto& [font, use] : uses_) g_object_unref(font);
  uses_.clear();
  if (!status_.ok()) return status_;

  StartObject(resources_object_);
  out_ += "<< /ProcSet [/PDF /Text] /Font <<";
  for (const std::unique_ptr<Face>& face : faces_) {
    absl::StrAppend(&out_, " /F", face->index, " ", face->object, " 0 R");
  }
  out_ += " >> >>\nendobj\n";

  StartObject(pages_object_);
  out_ += "<< /Type /Pages /Kids [";
  for (std::size_t k = 0; k < pages_.size(); ++k) {
    if (k > 0) out_ += (k % 16 == 0) ? '\n' : ' ';
    AppendInt(&out_, pages_[k]);
    out_ += " 0 R";
  }
  absl::StrAppend(&out_, "] /Count ", pages_.size(), " >>\nendobj\n");

  int outlines = 0;
  if (outlines_.size() > 1) {
    outlines = NewObject();
    WriteOutlines(outlines);
  }
  int info = 0;
  if (!info_.empty()) {
    info = NewObject();
    StartObject(info);
    absl::StrAppend(&out_, info_, "\nendobj\n");
  }
  const int catalog = NewObject();
  StartObject(catalog);
  absl::StrAppend(&out_, "<< /Type /Catalog /Pages ", pages_object_, " 0 R");
  if (outlines != 0) {
    absl::StrAppend(&out_, " /Outlines ", outlines,
                    " 0 R /PageMode /UseOutlines");
  }
  out_ += " >>\nendobj\n";

  const std::size_t xref = out_.size();
  offsets_.resize(next_object_, 0);
  absl::StrAppend(&out_, "xref\n0 ", next_object_, "\n");
  char entry[24];
  std::snprintf(entry, sizeof(entry), "%010d 65535 f \n", 0);
  out_ += entry;
  for (int k = 1; k < next_object_; ++k) {
    std::snprintf(entry, sizeof(entry), "%010llu 00000 n \n",
                  static_cast<unsigned long long>(offsets_[k]));
    out_ += entry;
  }
  absl::StrAppend(&out_, "trailer\n<< /Size ", next_object_, " /Root ", catalog,
                  " 0 R");
  if (info != 0) absl::StrAppend(&out_, " /Info ", info, " 0 R");
  absl::StrAppend(&out_, " >>\nstartxref\n", xref, "\n%%EOF\n");
  return std::move(out_);
}

}  // namespace fairmatch
