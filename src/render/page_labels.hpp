#pragma once
// Page labels as PDF numbering ranges. The layout names each page ("iii",
// "7"); the Cairo edition can only write each name as a literal prefix, but
// the archive edition writes real ranges (/S /r from i, /S /D from 1), so a
// reader's "go to page" and the printed folios agree by rule, not by string.
#include <string>
#include <vector>

namespace folio {

enum class LabelStyle { none, decimal, lower_roman };

struct LabelRange {
    int first_page = 0;   // 0-based index of the range's first page
    LabelStyle style = LabelStyle::none;
    int first_number = 1; // the number of that page
    std::string prefix;   // for a label that is not a number: the label itself
};

// The value of a lower-case roman numeral ("xiv" -> 14), 0 when `s` is not
// one in canonical form.
int roman_value(const std::string& s);

// The fewest ranges that give every page its label: a range continues while
// the style stays the same and the numbers go up by one. A label that is
// neither decimal nor roman gets a range of its own with the label as prefix.
std::vector<LabelRange> label_ranges(const std::vector<std::string>& labels);

}  // namespace folio
