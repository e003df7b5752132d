#include "render/page_labels.hpp"

namespace folio {

std::vector<LabelRange> label_ranges(const std::vector<Page>& pages) {
    std::vector<LabelRange> out;
    int expected = 0;  // the number the current range's next page would get
    for (size_t i = 0; i < pages.size(); ++i) {
        const Page& p = pages[i];
        LabelRange r;
        r.first_page = static_cast<int>(i);
        r.style = p.numbering;
        if (p.numbering == PageNumbering::none) r.prefix = p.label;
        else r.first_number = p.number;
        if (!out.empty() && r.style != PageNumbering::none && out.back().style == r.style && r.first_number == expected) {
            ++expected;
            continue;
        }
        expected = r.first_number + 1;
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace folio
