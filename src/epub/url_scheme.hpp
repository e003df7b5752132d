#pragma once
// Whether a link or image URL names a scheme ("https:", "mailto:") and so
// points outside the book, rather than at a file inside it.
#include <algorithm>
#include <cctype>
#include <string_view>

namespace folio::epub {

inline bool has_scheme(std::string_view url) {
    const auto colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    return std::all_of(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    });
}

}  // namespace folio::epub
