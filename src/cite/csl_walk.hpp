#pragma once
// The one traversal of a compiled style's element trees, shared by the
// loader's checks (undefined macros, macros that call themselves) and the
// questions asked of a style before anything renders (does its citation
// print locators? does it place the year-suffix itself?). Rendering follows
// macros on its own (csl_render.cpp): it needs the item, not just the tree.
#include <set>
#include <string>

#include "cite/csl_style.hpp"

namespace folio::csl {

// Calls `visit(el)` on every element of `els` and on everything inside each,
// in document order: a group's children, <choose>'s branches, a <names>'
// <label> and <substitute>. Macros called are not entered. `visit` returns
// false to stop the walk; so does walk_elements then.
template <class Visit>
bool walk_elements(const Elements& els, Visit&& visit) {
    for (const Element& el : els) {
        if (!visit(el)) return false;
        if (!walk_elements(el.children, visit) || !walk_elements(el.label, visit) ||
            !walk_elements(el.substitute, visit))
            return false;
        for (const Branch& b : el.branches)
            if (!walk_elements(b.children, visit)) return false;
    }
    return true;
}

// The same, going on into the body of each macro a <text macro="..."> calls,
// right after that element: what the tree prints once its macros are
// expanded. Each macro is entered once however often it is called, so the
// walk ends even on a style whose macros call each other (the loader refuses
// those anyway); a macro the style does not define is skipped (the loader
// reports it).
template <class Visit>
bool walk_elements_through_macros(const Elements& els, const CslStyle& style, Visit&& visit) {
    std::set<std::string> entered;
    auto walk = [&](auto& self, const Elements& list) -> bool {
        return walk_elements(list, [&](const Element& el) {
            if (!visit(el)) return false;
            if (el.macro.empty() || !entered.insert(el.macro).second) return true;
            auto m = style.macros.find(el.macro);
            return m == style.macros.end() || self(self, m->second.children);
        });
    };
    return walk(walk, els);
}

}  // namespace folio::csl
