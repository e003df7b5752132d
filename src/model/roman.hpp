#pragma once
// Lower-case roman numerals, written in one place: the front matter's page
// labels and CSL's `form="roman"` numbers both use this.
#include <string>

namespace folio {

// "i", "iv", "xiv", "mcmxciv" for 1..3999; arabic digits outside that range
// (roman numerals have no zero, no negatives, and no standard form past
// 3,999).
std::string roman(long long n);

}  // namespace folio
