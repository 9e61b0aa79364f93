// PdfFile: a PDF written to a temporary file and read back with poppler's
// pdfinfo, pdftotext and pdffonts and with qpdf (test dependencies in
// tools/deps/pdf.txt), so tests check what a reader gets.
#ifndef FAIRMATCH_TESTS_RENDER_PDF_FILE_H_
#define FAIRMATCH_TESTS_RENDER_PDF_FILE_H_

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace fairmatch {
namespace render_testing {

// A PDF written to a temporary file for the poppler tools; removed after.
class PdfFile {
 public:
  explicit PdfFile(const std::string& bytes) {
    static int counter = 0;
    path_ = (std::filesystem::temp_directory_path() /
             ("fairmatch_pdf_test_" + std::to_string(::getpid()) + "_" +
              std::to_string(counter++) + ".pdf"))
                .string();
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~PdfFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }

  // pdfinfo's "Pages:" value, or -1.
  int Pages() const {
    std::string info = Run("pdfinfo '" + path_ + "'");
    std::size_t at = info.find("Pages:");
    if (at == std::string::npos) return -1;
    return std::stoi(info.substr(at + 6));
  }
  // pdfinfo's "Page size:" line, e.g. "595.276 x 841.89 pts (A4)".
  std::string PageSize() const {
    std::string info = Run("pdfinfo '" + path_ + "'");
    std::size_t at = info.find("Page size:");
    if (at == std::string::npos) return "";
    std::size_t end = info.find('\n', at);
    std::string line = info.substr(at + 10, end - at - 10);
    return line.substr(line.find_first_not_of(' '));
  }
  // pdffonts' table (one line per font: name, type, encoding, and
  // embedded/subset/unicode yes or no).
  std::string Fonts() const { return Run("pdffonts '" + path_ + "'"); }
  // qpdf --check's report; it ends with "No syntax or stream encoding errors
  // found" when the structure, cross-references and streams are sound.
  std::string Check() const { return Run("qpdf --check '" + path_ + "'"); }
  // qpdf's JSON of the bookmarks (titles, kids, destination pages).
  std::string Outlines() const {
    return Run("qpdf --json --json-key=outlines '" + path_ + "'");
  }
  // pdftotext -bbox: every word with its box, as XHTML.
  std::string Boxes() const {
    return Run("pdftotext -bbox -enc UTF-8 '" + path_ + "' -");
  }
  const std::string& path() const { return path_; }

  // The text of pages [first, last] (0: to the end), white space runs
  // folded to one space so that phrases survive line wrapping.
  std::string Text(int first = 1, int last = 0) const {
    std::string command = "pdftotext -enc UTF-8 -f " + std::to_string(first);
    if (last > 0) command += " -l " + std::to_string(last);
    std::string raw = Run(command + " '" + path_ + "' -");
    std::string folded;
    for (char c : raw) {
      bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
      if (space) {
        if (!folded.empty() && folded.back() != ' ') folded.push_back(' ');
      } else {
        folded.push_back(c);
      }
    }
    return folded;
  }

 private:
  static std::string Run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
    if (pipe == nullptr) return out;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
      out.append(buffer, n);
    }
    ::pclose(pipe);
    return out;
  }

  std::string path_;
};

}  // namespace render_testing
}  // namespace fairmatch

#endif  // FAIRMATCH_TESTS_RENDER_PDF_FILE_H_
