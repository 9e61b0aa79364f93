#include "engine/render/pdf_document.h"

#include <hb.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/render/pdf_fonts.h"
#include "engine/render/pdf_syntax.h"

namespace fairmatch {

PdfDocument::PdfDocument(Mode mode) : mode_(mode), deflater_(1) {
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
  if (!compress) {
    WriteStreamBody(number, dict_extra, data, false);
    return;
  }
  scratch_.clear();
  if (DeflateTo(data, &scratch_)) {
    WriteStreamBody(number, dict_extra, scratch_, true);
  }
}

void PdfDocument::WriteStreamBody(int number, std::string_view dict_extra,
                                  std::string_view body, bool flate) {
  StartObject(number);
  absl::StrAppend(&out_, "<< /Length ", body.size(),
                  flate ? " /Filter /FlateDecode" : "");
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
  if (mode_ == Mode::kRun) {
    RunPage page;
    page.width = width_;
    page.height = height_;
    page.have_fill = have_fill_;
    std::copy(fill_, fill_ + 3, page.fill);
    if (reopened_ >= 0) {  // ended the second time: final
      DeflateTo(content_, &page.content);
      page.deflated = true;
      run_pages_[reopened_] = std::move(page);
      reopened_ = -1;
    } else {
      page.content = std::move(content_);
      run_pages_.push_back(std::move(page));
    }
    content_.clear();
    return;
  }
  const int contents = NewObject();
  WriteStream(contents, "", content_, true);
  const int page = NewObject();
  pages_.push_back(page);
  WritePage(page, width_, height_, contents, resources_object_);
}

void PdfDocument::WritePage(int page, double width, double height, int contents,
                            int resources) {
  StartObject(page);
  out_ += "<< /Type /Page /Parent ";
  AppendInt(&out_, pages_object_);
  out_ += " 0 R /MediaBox [0 0 ";
  AppendNum(&out_, width);
  out_ += ' ';
  AppendNum(&out_, height);
  out_ += "] /Contents ";
  AppendInt(&out_, contents);
  out_ += " 0 R /Resources ";
  AppendInt(&out_, resources);
  out_ += " 0 R >>\nendobj\n";
}

bool PdfDocument::DeflateTo(std::string_view data, std::string* out) {
  absl::Status s = deflater_.Append(data, out);
  if (!s.ok() && status_.ok()) status_ = s;
  return s.ok();
}

void PdfDocument::WriteFontResources(int number,
                                     const std::vector<int>& faces) {
  StartObject(number);
  out_ += "<< /ProcSet [/PDF /Text] /Font <<";
  for (std::size_t k = 0; k < faces.size(); ++k) {
    absl::StrAppend(&out_, " /F", k, " ", faces_[faces[k]]->object, " 0 R");
  }
  out_ += " >> >>\nendobj\n";
}

void PdfDocument::BeginRun(int run) {
  assert(mode_ == Mode::kRun && !open_);
  run_ = run;
  run_pages_.clear();
  run_fonts_.clear();
  run_name_.assign(faces_.size(), -1);
  outlines_.resize(1);
  outlines_[0].children.clear();
}

void PdfDocument::ReopenPage(int k) {
  assert(mode_ == Mode::kRun && !open_);
  assert(k >= 0 && k < pages() && !run_pages_[k].deflated);
  RunPage& page = run_pages_[k];
  open_ = true;
  reopened_ = k;
  width_ = page.width;
  height_ = page.height;
  content_ = std::move(page.content);
  page.content.clear();
  have_fill_ = page.have_fill;
  std::copy(page.fill, page.fill + 3, fill_);
}

PdfRunPages PdfDocument::EndRun() {
  assert(mode_ == Mode::kRun);
  if (open_) EndPage();  // left open by a failure
  PdfRunPages run;
  for (RunPage& page : run_pages_) {
    PdfRunPages::Page out{page.width, page.height, {}};
    if (page.deflated) {
      out.content = std::move(page.content);
    } else {
      DeflateTo(page.content, &out.content);
    }
    run.pages.push_back(std::move(out));
  }
  for (std::size_t o = 1; o < outlines_.size(); ++o) {
    run.bookmarks.push_back(PdfRunPages::Bookmark{
        outlines_[o].parent, std::move(outlines_[o].title), outlines_[o].page});
  }
  run.fonts = std::move(run_fonts_);
  BeginRun(-1);
  return run;
}

void PdfDocument::ReleaseFonts() {
  for (auto& [font, use] : uses_) g_object_unref(font);
  uses_.clear();
}

int PdfDocument::NameOf(PdfFace& face) {
  if (mode_ != Mode::kRun) return face.index;
  if (run_name_.size() < faces_.size()) run_name_.resize(faces_.size(), -1);
  int& name = run_name_[face.index];
  if (name < 0) {
    name = static_cast<int>(run_fonts_.size());
    run_fonts_.push_back(
        PdfRunPages::Font{face.file, reopened_ >= 0 ? reopened_ : pages()});
  }
  return name;
}

void PdfDocument::MergeUse(PdfFace& from, PdfFace& to) {
  if (to.text_run.empty()) to.text_run.assign(to.used.size(), 0);
  const std::size_t n = std::min(from.used.size(), to.used.size());
  for (std::size_t g = 0; g < n; ++g) {
    to.used[g] |= from.used[g];
    if (from.mapped[g] &&
        (!to.mapped[g] || from.text_run[g] < to.text_run[g])) {
      to.mapped[g] = 1;
      to.text_run[g] = from.text_run[g];
      to.text[g] = std::move(from.text[g]);
    }
  }
}

void PdfDocument::Append(PdfRunPages& run) {
  assert(mode_ == Mode::kDocument && !open_);
  if (!status_.ok()) return;
  // The run's fonts: faces drawn with before, or new ones, numbered in the
  // order they are first drawn with, as if the run were drawn here; their
  // programs come with MergeFonts.
  Group group{NewObject(), {}};
  for (const PdfRunPages::Font& font : run.fonts) {
    auto [it, fresh] =
        face_of_file_.emplace(font.file, static_cast<int>(faces_.size()));
    if (fresh) {
      faces_.push_back(std::make_unique<PdfFace>());
      faces_.back()->file = font.file;
      faces_.back()->index = it->second;
    }
    group.faces.push_back(it->second);
  }
  const int first_page = pages();
  for (std::size_t k = 0; k < run.pages.size(); ++k) {
    for (std::size_t f = 0; f < run.fonts.size(); ++f) {
      PdfFace& face = *faces_[group.faces[f]];
      if (run.fonts[f].first_page == static_cast<int>(k) && face.object == 0) {
        face.object = NewObject();
      }
    }
    PdfRunPages::Page& page = run.pages[k];
    const int contents = NewObject();
    WriteStreamBody(contents, "", page.content, true);
    std::string().swap(page.content);
    const int number = NewObject();
    pages_.push_back(number);
    WritePage(number, page.width, page.height, contents, group.object);
  }
  for (int f : group.faces) {
    if (faces_[f]->object == 0) faces_[f]->object = NewObject();
  }
  // The run's bookmark o (from 1) becomes ours o + offset.
  const int offset = static_cast<int>(outlines_.size()) - 1;
  for (std::size_t o = 0; o < run.bookmarks.size(); ++o) {
    PdfRunPages::Bookmark& b = run.bookmarks[o];
    const int id = static_cast<int>(outlines_.size());
    const int parent = b.parent == 0 ? 0 : b.parent + offset;
    outlines_.push_back(
        Outline{parent, std::move(b.title), b.page + first_page, {}});
    outlines_[parent].children.push_back(id);
  }
  groups_.push_back(std::move(group));
  run = PdfRunPages();
}

void PdfDocument::MergeFonts(PdfDocument& runs) {
  assert(mode_ == Mode::kDocument && runs.uses_.empty());
  // What went wrong on the thread that drew (a font it could not read, a
  // stream it could not compress) is this document's error.
  if (!runs.status_.ok() && status_.ok()) status_ = runs.status_;
  for (std::unique_ptr<PdfFace>& theirs : runs.faces_) {
    auto it = face_of_file_.find(theirs->file);
    if (theirs->file.empty() || it == face_of_file_.end()) continue;
    std::unique_ptr<PdfFace>& ours = faces_[it->second];
    if (ours->face == nullptr) {  // the first thread's: taken as it is
      theirs->index = ours->index;
      theirs->object = ours->object;
      ours = std::move(theirs);
    } else {
      MergeUse(*theirs, *ours);
    }
  }
  runs.faces_.clear();
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

const PdfFontUse* PdfDocument::UseOf(PangoFont* font) {
  auto it = uses_.find(font);
  if (it != uses_.end()) return it->second.get();
  hb_font_t* hb = pango_font_get_hb_font(font);
  if (hb == nullptr) return nullptr;
  hb_face_t* hb_face = hb_font_get_face(hb);
  PdfFace* face = nullptr;
  for (const std::unique_ptr<PdfFace>& f : faces_) {
    if (f->face == hb_face) face = f.get();
  }
  std::string file;
  if (face == nullptr) file = FontFileOf(font);
  // Drawing after appended runs: their face of the same file (opened by
  // another thread), or its place when its program is still to come.
  std::unique_ptr<PdfFace>* place = nullptr;
  if (face == nullptr && mode_ == Mode::kDocument && !file.empty()) {
    auto known = face_of_file_.find(file);
    if (known != face_of_file_.end()) {
      place = &faces_[known->second];
      if ((*place)->face != nullptr) face = place->get();
    }
  }
  if (face == nullptr) {
    bool cff_readable = true;
    std::unique_ptr<PdfFace> made =
        place != nullptr ? OpenFace(hb_face, (*place)->index, (*place)->object,
                                    &cff_readable)
                         : OpenFace(hb_face, static_cast<int>(faces_.size()),
                                    NewObject(), &cff_readable);
    made->file = file;
    if (!cff_readable && status_.ok()) {
      status_ = absl::InternalError(
          "cannot render PDF: a font's CFF table cannot be read");
    }
    face = made.get();
    if (place != nullptr) {
      *place = std::move(made);
    } else {
      if (mode_ == Mode::kDocument && !file.empty()) {
        face_of_file_.emplace(file, static_cast<int>(faces_.size()));
      }
      faces_.push_back(std::move(made));
    }
  }
  auto use = std::make_unique<PdfFontUse>(DescribeUse(font, face));
  g_object_ref(font);  // keeps the pointer (the map's key) unique
  const PdfFontUse* result = use.get();
  uses_.emplace(font, std::move(use));
  return result;
}

void PdfDocument::ShowGlyphs(PangoFont* font,
                             const std::vector<PdfGlyph>& glyphs,
                             std::string_view utf8) {
  assert(open_);
  if (glyphs.empty()) return;
  const PdfFontUse* use = UseOf(font);
  if (use == nullptr) return;
  PdfFace& face = *use->face;
  const double size = use->size;
  if (size <= 0) return;

  content_ += "BT\n/F";
  AppendInt(&content_, NameOf(face));
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
      if (mode_ == Mode::kRun) {
        if (face.text_run.empty()) face.text_run.assign(face.used.size(), 0);
        face.text_run[gid] = run_;
      }
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
  outlines_.push_back(Outline{parent, std::string(title), pages(), {}});
  outlines_[parent].children.push_back(id);
  return id;
}

absl::Status PdfDocument::WriteFace(PdfFace& face) {
  absl::StatusOr<SubsetProgram> program = MakeSubsetProgram(face);
  if (!program.ok()) return program.status();
  const std::string name = SubsetFontName(face);
  const PdfFontMetrics metrics = FontMetrics(face);

  const int descendant = NewObject();
  const int descriptor = NewObject();
  const int file = NewObject();
  const int to_unicode = NewObject();

  StartObject(face.object);
  absl::StrAppend(&out_, "<< /Type /Font /Subtype /Type0 /BaseFont /", name,
                  " /Encoding /Identity-H /DescendantFonts [", descendant,
                  " 0 R] /ToUnicode ", to_unicode, " 0 R >>\nendobj\n");
  StartObject(descendant);
  absl::StrAppend(
      &out_, "<< /Type /Font /Subtype /",
      face.cff ? "CIDFontType0" : "CIDFontType2", " /BaseFont /", name,
      " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement "
      "0 >> /FontDescriptor ",
      descriptor, " 0 R /W ", WidthsArray(face),
      face.cff ? "" : " /CIDToGIDMap /Identity", " >>\nendobj\n");
  WriteFontDescriptor(descriptor, name, metrics, face.cff, file);
  const std::string extra =
      program->open_type ? std::string(" /Subtype /OpenType")
      : face.cff         ? std::string(" /Subtype /CIDFontType0C")
                         : absl::StrCat(" /Length1 ", program->bytes.size());
  WriteStream(file, extra, program->bytes, true);
  WriteStream(to_unicode, "", ToUnicodeCMap(face), true);
  return status_;
}

void PdfDocument::WriteFontDescriptor(int number, const std::string& name,
                                      const PdfFontMetrics& metrics, bool cff,
                                      int file) {
  StartObject(number);
  absl::StrAppend(&out_, "<< /Type /FontDescriptor /FontName /", name,
                  " /Flags 4 /FontBBox [");
  for (int k = 0; k < 4; ++k) {
    if (k > 0) out_ += ' ';
    AppendNum(&out_, metrics.bbox[k]);
  }
  out_ += "] /ItalicAngle 0 /Ascent ";
  AppendNum(&out_, metrics.ascent);
  out_ += " /Descent ";
  AppendNum(&out_, metrics.descent);
  out_ += " /CapHeight ";
  AppendNum(&out_, metrics.cap_height);
  absl::StrAppend(&out_, " /StemV 80 ", cff ? "/FontFile3 " : "/FontFile2 ",
                  file, " 0 R >>\nendobj\n");
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
  assert(mode_ == Mode::kDocument);
  if (open_) EndPage();
  if (pages_.empty()) {  // readers refuse a document without pages
    BeginPage(595.276, 841.89);
    EndPage();
  }
  for (const std::unique_ptr<PdfFace>& face : faces_) {
    if (face->face == nullptr) {  // a run's font that MergeFonts never gave
      if (status_.ok()) {
        status_ = absl::InternalError("cannot render PDF: a font is missing");
      }
      break;
    }
    absl::Status s = WriteFace(*face);
    if (!s.ok() && status_.ok()) status_ = s;
  }
  for (auto& [font, use] : uses_) g_object_unref(font);
  uses_.clear();
  if (!status_.ok()) return status_;

  // The document's own pages name every face by its index; an appended
  // run's name them in the order the run drew with them.
  std::vector<int> every(faces_.size());
  for (std::size_t k = 0; k < faces_.size(); ++k) every[k] = faces_[k]->index;
  WriteFontResources(resources_object_, every);
  for (const Group& group : groups_) {
    WriteFontResources(group.object, group.faces);
  }

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
