#pragma once
// Shared by the layout tests: one type context per test binary thread,
// body-styled rich text, laying out a pack, and the text of what was set.
#include <doctest/doctest.h>

#include <string>

#include "layout/layout_pack.hpp"
#include "layout/rich_text.hpp"
#include "layout/set_paragraph.hpp"
#include "layout/type_context.hpp"

namespace folio {

inline Resources test_resources() {
    Resources r;
    r.fonts_dir = std::string(FOLIO_TEST_SOURCE_DIR) + "/fonts";
    return r;
}

inline TypeContext& test_context() {
    thread_local std::unique_ptr<TypeContext> tc = [] {
        auto r = TypeContext::create(test_resources());
        if (!r) throw std::runtime_error(r.error());
        return std::move(r.value());
    }();
    return *tc;
}

inline RichText body_text(const std::string& text) {
    static const Style style;
    InlineEnv env{&style, test_context().hyphenator(), "t"};
    TextStyle base;
    base.families = style.serif;
    base.size = style.body_size;
    base.color = style.ink;
    RichTextBuilder b(env);
    b.append(text, base, true);
    return b.take();
}

// The options of most tests: the posts alone (front matter has its own
// tests, in front_matter_test.cpp).
inline LayoutOptions body_only() {
    LayoutOptions o;
    o.front_matter = false;
    return o;
}

// `p` laid out in `style` with `options` and the test fonts; a layout error
// fails the test.
inline Layout lay(const Pack& p, const Style& style = Style{}, LayoutOptions options = body_only()) {
    options.resources = test_resources();
    auto r = layout_pack(p, style, options);
    REQUIRE_MESSAGE(r.ok(), r.error());
    return std::move(r.value());
}

// The text of a set line's glyph runs, as set.
inline std::string line_text(const SetLine& line) {
    std::string s;
    for (const Item& it : line.items)
        if (auto* g = std::get_if<GlyphRun>(&it)) s += g->text;
    return s;
}

// The text of a page's glyph runs, each followed by `separator`.
inline std::string page_text(const Page& page, const std::string& separator = " ") {
    std::string s;
    for (const Item& it : page.items)
        if (auto* g = std::get_if<GlyphRun>(&it)) s += g->text + separator;
    return s;
}

}  // namespace folio
