#include "model/html_policy.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace folio {

std::string url_scheme(std::string_view url) {
    std::string scheme;
    for (const char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7f) continue;
        if (c == ':') return scheme;
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return {};
        scheme += static_cast<char>(std::tolower(c));
    }
    return {};
}

bool is_script_url(std::string_view url) {
    const std::string scheme = url_scheme(url);
    return scheme == "javascript" || scheme == "vbscript" || scheme == "data";
}

TagPolicy tag_policy(std::string_view name) {
    static constexpr std::array<std::string_view, 8> allowed{"br", "sup", "sub", "abbr", "span", "small",
                                                             "mark", "kbd"};
    // Elements whose content is code, a plug-in or a form: nothing inside is
    // text a reader should see.
    static constexpr std::array<std::string_view, 20> dangerous{
        "script", "style",   "iframe", "frame", "frameset", "object", "embed",    "applet", "form", "input",
        "button", "select", "textarea", "noscript", "template", "svg", "math", "link", "meta", "base"};
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) return TagPolicy::allowed;
    if (std::find(dangerous.begin(), dangerous.end(), name) != dangerous.end()) return TagPolicy::dangerous;
    return TagPolicy::dropped;
}

bool is_void_element(std::string_view name) {
    static constexpr std::array<std::string_view, 14> voids{"br",   "hr",    "img",   "input", "meta",
                                                            "link", "base",  "area",  "col",   "embed",
                                                            "param", "source", "track", "wbr"};
    return std::find(voids.begin(), voids.end(), name) != voids.end();
}

}  // namespace folio
