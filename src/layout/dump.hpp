#pragma once
// A Layout as text, one item per line, for tests and `folio dump --layout`:
// positions rounded to 0.01 pt so the dump is stable across builds.
#include <string>

#include "layout/items.hpp"

namespace folio {

std::string dump_layout(const Layout& layout);
std::string dump_page(const Page& page, int index);

}  // namespace folio
