#include "engine/base/unicode_text.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace fairmatch {

namespace {

const char* PlainLatin(UChar32 c) {
  switch (c) {
    case 0x00F8:
      return "o";  // ø
    case 0x00E6:
      return "ae";  // æ
    case 0x0153:
      return "oe";  // œ
    case 0x0142:
      return "l";  // ł
    case 0x0111:
      return "d";  // đ
    case 0x00F0:
      return "d";  // ð
    case 0x00FE:
      return "th";  // þ
    case 0x0131:
      return "i";  // dotless ı
    case 0x0127:
      return "h";  // ħ
    case 0x014B:
      return "n";  // ŋ
    case 0x0167:
      return "t";  // ŧ
    default:
      return nullptr;
  }
}

}  // namespace

std::string FoldForLookup(absl::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString decomposed;
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_SUCCESS(status)) decomposed = nfkd->normalize(in, status);
  if (U_FAILURE(status)) decomposed = in;
  decomposed.foldCase();
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) {
      continue;
    }
    // Latin letters that are not a base letter plus a mark, as a person
    // typing on a plain keyboard writes them ("Østergaard" as
    // "ostergaard"). Case folding has made them lower case.
    if (const char* ascii = PlainLatin(c)) {
      if (space) out.append(static_cast<UChar>(' '));
      space = false;
      out.append(icu::UnicodeString(ascii));
      continue;
    }
    if (u_isUWhiteSpace(c)) {
      space = !out.isEmpty();
      continue;
    }
    if (space) out.append(static_cast<UChar>(' '));
    space = false;
    out.append(c);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

Collation::Collation(std::string locale,
                     std::unique_ptr<icu::Collator> collator)
    : locale_(std::move(locale)), collator_(std::move(collator)) {}
Collation::Collation(Collation&&) noexcept = default;
Collation& Collation::operator=(Collation&&) noexcept = default;
Collation::~Collation() = default;

absl::StatusOr<Collation> Collation::ForLocale(const std::string& locale) {
  UErrorCode status = U_ZERO_ERROR;
  // BCP 47 separates with '-'; ICU ids ("de_DE") with '_'.
  std::string tag = locale;
  std::replace(tag.begin(), tag.end(), '_', '-');
  icu::Locale parsed = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || parsed.isBogus() ||
      std::string(parsed.getLanguage()).empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown locale '", locale,
                     "'; write a language code such as en, "
                     "fr, de or fr-CA"));
  }
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(parsed, status));
  if (U_FAILURE(status) || collator == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("no collation for locale '", locale, "'"));
  }
  // ICU falls back to its root order for a language it does not know; a
  // language without a three-letter ISO code is a typo.
  if (std::string(parsed.getISO3Language()).empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown locale '", locale,
                     "' (ICU has no collation for it); write "
                     "a language code such as en, fr, de or fr-CA"));
  }
  return Collation(locale, std::move(collator));
}

std::string Collation::Key(absl::string_view text) const {
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string key(64, '\0');
  int32_t n = collator_->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()),
                                    static_cast<int32_t>(key.size()));
  if (n > static_cast<int32_t>(key.size())) {
    key.resize(n);
    n = collator_->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()), n);
  }
  key.resize(n > 0 ? n - 1 : 0);  // without the terminating zero
  return key;
}

bool Collation::Less(absl::string_view a, absl::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  return collator_->compareUTF8(
             icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
             icu::StringPiece(b.data(), static_cast<int32_t>(b.size())),
             status) == UCOL_LESS;
}

}  // namespace fairmatch
