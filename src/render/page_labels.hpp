#pragma once
// Page labels as PDF numbering ranges. Layout numbers each page (roman front
// matter, decimal body: Page::numbering and Page::number); the Cairo edition
// can only write each label as a literal prefix, but the archive edition
// writes real ranges (/S /r from i, /S /D from 1), so a reader's "go to page"
// and the printed folios agree by rule, not by string.
#include <string>
#include <vector>

#include "layout/items.hpp"

namespace folio {

struct LabelRange {
    int first_page = 0;  // 0-based index of the range's first page
    PageNumbering style = PageNumbering::none;
    int first_number = 1;  // the number of that page
    std::string prefix;    // for a page that is not numbered: its label
};

// The fewest ranges that give every page its label: a range continues while
// the numbering stays the same and the numbers go up by one. A page that is
// not numbered gets a range of its own with its label as prefix.
std::vector<LabelRange> label_ranges(const std::vector<Page>& pages);

}  // namespace folio
