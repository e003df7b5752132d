#pragma once
// Rendering one item through a style's layout (or a macro, for sort keys)
// into the intermediate tree of csl_ir.hpp. Stateless between calls: the
// processor passes everything that depends on other cites (position,
// disambiguation, citation number) in RenderInput.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cite/csl_ir.hpp"
#include "cite/csl_locale.hpp"
#include "cite/csl_style.hpp"
#include "model/bibliography.hpp"

namespace folio::csl {

// What a cite knows about where it stands in the document.
struct CiteContext {
    std::string locator;
    std::string label;     // CSL locator term; "page" when a locator has none
    std::string position;  // first, subsequent, ibid, ibid-with-locator
    bool near_note = false;
    int first_reference_note = 0;
};

// Disambiguation decisions for one item.
struct DisambState {
    int add_names = 0;       // extra names shown beyond et-al-use-first
    int givenname_level = 0; // 0 as styled, 1 initials added, 2 full given names
    std::vector<int> given_levels;  // the same, per name position, set by by-cite disambiguation
    bool disambiguate = false;  // the `disambiguate` condition
    int year_suffix = 0;     // 0 none, 1 = "a", 2 = "b", ...
};

enum class Mode { citation, bibliography };

struct RenderInput {
    const CslStyle* style = nullptr;
    const Locale* locale = nullptr;
    const CslItem* item = nullptr;
    Mode mode = Mode::citation;
    const CiteContext* cite = nullptr;  // null in the bibliography
    DisambState dis;
    int citation_number = 0;
    bool suppress_author = false;  // the first <names> renders nothing (suppress-author, collapsing)
    bool implicit_year_suffix = true;  // the style has no <text variable="year-suffix">: it follows the year
    bool sorting = false;   // rendering a sort key: names in sort order, no et-al unless overridden
    Attrs name_overrides;   // a sort key's names-min / names-use-first / names-use-last
};

// The layout's children for one item (layout affixes, formatting and
// delimiter are applied by the caller, which knows the whole cluster).
Ir render_item(const RenderInput& in);
// A macro's output as a sort key, or "" when it renders nothing.
Ir render_macro(const RenderInput& in, const std::string& macro);

// A variable's value for sorting and conditions (ordinary, number or the
// cite's locator); "" when absent.
std::string item_variable(const RenderInput& in, const std::string& name);

bool is_numeric_value(const std::string& s);
std::string year_suffix_letters(int n);  // 1 → "a", 27 → "aa"

}  // namespace folio::csl
