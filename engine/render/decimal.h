// Locale-independent decimal formatting shared by the renderers, so that
// every output prints numbers the same way: fixed 6 decimals, '.' as the
// decimal point whatever the process locale, and never "-0.000000".
#ifndef FAIRMATCH_RENDER_DECIMAL_H_
#define FAIRMATCH_RENDER_DECIMAL_H_

#include <string>

namespace fairmatch {

// Appends `value` rounded to 6 decimals ("0.710000", "12.000000"). Values
// that round to zero print as "0.000000" without a sign. Non-finite values
// print as "nan", "inf" or "-inf"; callers writing JSON must check
// std::isfinite first (see schedule_json.cc).
void AppendDecimal(double value, std::string* out);
std::string FormatDecimal(double value);

// Appends a pair score exactly as the planner sees it: ScaledScore(score)
// (an integer number of millionths) written with 6 decimals, so that the
// printed text times 1e6 is the integer the min-cost flow maximised.
void AppendScore(float score, std::string* out);
std::string FormatScore(float score);

// `value` with `decimals` decimals for people to read (the HTML pages):
// "0.71", "12.0"; a value that rounds to zero has no sign, and a value that
// is not finite prints as "n/a".
std::string FormatFixed(double value, int decimals);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_DECIMAL_H_
