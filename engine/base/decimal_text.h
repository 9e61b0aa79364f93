// Whole numbers in decimal, appended fast and without a format string: the
// generator writes millions of padded ids and the fair files millions of
// clock times.
//
//   AppendPadded(&out, 7, 4);   // "0007"
//   DecimalDigits(30000)        // 5
#ifndef FAIRMATCH_BASE_DECIMAL_TEXT_H_
#define FAIRMATCH_BASE_DECIMAL_TEXT_H_

#include <string>

namespace fairmatch {

// Appends `n` >= 0 in decimal, with leading zeros up to `width` digits.
void AppendPadded(std::string* out, int n, int width);

// How many decimal digits `n` >= 0 has.
int DecimalDigits(int n);

}  // namespace fairmatch

#endif  // FAIRMATCH_BASE_DECIMAL_TEXT_H_
