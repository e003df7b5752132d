#pragma once
// Cuts the galley into pages: fills each page's text block, breaking only
// where the chunks allow (widows, orphans, keeps, hyphens), places each
// page's footnotes at its foot under a short rule (a note too long for the
// page continues on the next), repeats a continued table's header, adds
// running heads and folios, and keeps the structure tags balanced on every
// page.
#include <string>
#include <vector>

#include "layout/galley.hpp"
#include "layout/items.hpp"
#include "layout/style.hpp"
#include "layout/type_context.hpp"

namespace folio {

struct PaginateInput {
    std::string pack_title;                // running head on left-hand pages
    std::vector<std::string> post_titles;  // running heads on right-hand pages
    int first_page_number = 1;
};

std::vector<Page> paginate(TypeContext& tc, const Style& style, Galley galley, const PaginateInput& input);

}  // namespace folio
