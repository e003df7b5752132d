#pragma once
// Shared by the layout tests: one type context per test binary thread, and
// body-styled rich text.
#include <string>

#include "layout/rich_text.hpp"
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
    InlineEnv env{&style, test_context().hyphen_dict(), "t"};
    TextStyle base;
    base.families = style.serif;
    base.size = style.body_size;
    base.color = style.ink;
    RichTextBuilder b(env);
    b.append(text, base, true);
    return b.take();
}

}  // namespace folio
