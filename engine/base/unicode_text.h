// Text as people read and type it (ICU): a folding for lookups that ignores
// case, accents and spacing, and a collation that sorts names in the order
// of a language.
//
//   FoldForLookup("  Chloé  DUBOIS ")   // "chloe dubois"
//   absl::StatusOr<Collation> fr = Collation::ForLocale("fr");
//   fr->Less("Érica", "Zoë")            // true (bytewise it is false)
#ifndef FAIRMATCH_BASE_UNICODE_TEXT_H_
#define FAIRMATCH_BASE_UNICODE_TEXT_H_

#include <unicode/uversion.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

U_NAMESPACE_BEGIN
class Collator;
U_NAMESPACE_END

namespace fairmatch {

// `text` (UTF-8) case-folded, with accents and other combining marks removed
// (after compatibility decomposition, so "ﬁ" is "fi"), the Latin letters
// that carry no separate mark spelt plainly ("ø" as "o", "æ" as "ae", "ł"
// as "l"), runs of white space
// made one space and the ends trimmed. Two strings a person would call "the
// same name" fold equal. Invalid UTF-8 is folded byte-wise for the ASCII
// part and kept otherwise. Thread-safe.
std::string FoldForLookup(absl::string_view text);

// A collation (sort order) for one language, e.g. "en", "fr", "de", "sv".
// Const methods are thread-safe.
class Collation {
 public:
  // The collation of a BCP 47 / ICU locale id ("en", "fr-CA", "de_DE").
  // An id ICU does not know (it would fall back to its root order) is an
  // InvalidArgumentError naming it.
  static absl::StatusOr<Collation> ForLocale(const std::string& locale);

  Collation(Collation&&) noexcept;
  Collation& operator=(Collation&&) noexcept;
  ~Collation();

  const std::string& locale() const { return locale_; }
  // A byte string whose bytewise order is this collation's order of the
  // texts: sort by keys when sorting many items.
  std::string Key(absl::string_view text) const;
  bool Less(absl::string_view a, absl::string_view b) const;

 private:
  Collation(std::string locale, std::unique_ptr<icu::Collator> collator);
  std::string locale_;
  std::unique_ptr<icu::Collator> collator_;
};

}  // namespace fairmatch

#endif  // FAIRMATCH_BASE_UNICODE_TEXT_H_
