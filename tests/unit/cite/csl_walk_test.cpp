// The shared traversal of a style's element trees (csl_walk.hpp).
#include <doctest/doctest.h>

#include "cite/csl_load.hpp"
#include "cite/csl_walk.hpp"

using namespace folio::csl;

namespace {

CslStyle style_of(const std::string& body, const std::string& layout) {
    auto st = parse_style("<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">" + body +
                              "<citation><layout>" + layout + "</layout></citation></style>",
                          "walk.csl");
    REQUIRE_MESSAGE(st, st.error());
    return std::move(*st);
}

std::string word(const Element& el) {
    if (!el.macro.empty()) return "macro:" + el.macro;
    if (!el.variable.empty()) return el.variable;
    switch (el.kind) {
        case Element::Kind::group: return "group";
        case Element::Kind::choose: return "choose";
        case Element::Kind::names: return "names";
        case Element::Kind::label: return "label";
        default: return "?";
    }
}

// What a walk visits, a word each: the macro called, else the variable
// (a <names>' first), else the kind of element. Stops after `stop_at`.
std::string visited(const CslStyle& st, bool through_macros, const std::string& stop_at = "") {
    std::string out;
    auto visit = [&](const Element& el) {
        out += (out.empty() ? "" : " ") + word(el);
        return word(el) != stop_at;
    };
    if (through_macros) walk_elements_through_macros(st.citation.layout.children, st, visit);
    else walk_elements(st.citation.layout.children, visit);
    return out;
}

}  // namespace

TEST_CASE("walks visit groups, branches, a names' substitute and label, and each called macro once") {
    const CslStyle st = style_of(
        "<macro name=\"m\"><text variable=\"title\"/><text macro=\"n\"/></macro>"
        "<macro name=\"n\"><text variable=\"volume\"/></macro>",
        "<group><text variable=\"locator\"/>"
        "<choose><if type=\"book\"><text macro=\"m\"/></if><else><number variable=\"page\"/></else></choose></group>"
        "<names variable=\"author\"><label/><substitute><text variable=\"editor\"/></substitute></names>"
        "<text macro=\"m\"/>");
    // Without macros: the calls are visited, not entered.
    CHECK(visited(st, false) == "group locator choose macro:m page author label editor macro:m");
    // Through macros: each macro's body right after its first call, and once.
    CHECK(visited(st, true) == "group locator choose macro:m title macro:n volume page author label editor macro:m");
    // A visitor can stop the walk.
    CHECK(visited(st, true, "title") == "group locator choose macro:m title");
    CHECK_FALSE(walk_elements_through_macros(st.citation.layout.children, st, [](const Element&) { return false; }));
}
