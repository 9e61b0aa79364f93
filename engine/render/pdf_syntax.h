// The lexical pieces of a PDF file that PdfDocument and the font embedding
// write: numbers, colours, hex codes, text strings, names, and compressed
// stream data (PDF 1.7, ISO 32000-1, section 7.3).
//
//   std::string content;
//   AppendNum(&content, 12.5);              // "12.5"
//   AppendColor(&content, 1, 0, 0, "rg");   // "1 0 0 rg\n"
//   std::string title = TextString("Zoë");  // "<FEFF005A006F00EB>"
#ifndef FAIRMATCH_RENDER_PDF_SYNTAX_H_
#define FAIRMATCH_RENDER_PDF_SYNTAX_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

struct libdeflate_compressor;  // libdeflate.h

namespace fairmatch {

// Appends `v` with at most three decimals and no trailing zeros ("0",
// "-1.5", "12.345").
void AppendNum(std::string* out, double v);

// Appends `v` in decimal.
void AppendInt(std::string* out, long long v);

// Appends "r g b OP\n", e.g. OP "rg" (fill) or "RG" (stroke).
void AppendColor(std::string* out, double r, double g, double b,
                 const char* op);

// Appends the low 16 bits of `v` as four upper-case hex digits.
void AppendHex4(std::string* out, unsigned v);

// UTF-16 code units of UTF-8 `s` (invalid or cut bytes become U+FFFD).
std::vector<unsigned> Utf16(std::string_view s);

// A text string for the info dictionary and bookmarks: UTF-16BE with a
// byte order mark, in hex (nothing to escape).
std::string TextString(std::string_view utf8);

// A PDF name from a PostScript font name: only letters, digits, '-' and
// '_' kept; "Font" when none is left.
std::string NameToken(std::string_view name);

// Compresses stream data (FlateDecode: the zlib format) with libdeflate,
// reusing one compressor: a 30,000-page document deflates a content stream
// per page. libdeflate's level 1 is about 1.6 times as fast as zlib's
// fastest on the sheets' content streams, and its output about a tenth
// smaller.
//
//   Deflater deflater(1);
//   absl::Status s = deflater.Append(data, &out);
//
// Not thread-safe; one per thread.
class Deflater {
 public:
  // `level`: libdeflate's, 1 (fastest) to 12.
  explicit Deflater(int level);
  ~Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  // Appends `data` compressed; InternalError when it cannot, and then
  // `out` is as it was.
  absl::Status Append(std::string_view data, std::string* out);

 private:
  libdeflate_compressor* compressor_;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_PDF_SYNTAX_H_
