#pragma once
// Whether a link or image URL names a scheme ("https:", "mailto:") and so
// points outside the book, rather than at a file inside it: the model's
// answer, which the PDF's links share.
#include <string_view>

#include "model/link_target.hpp"

namespace folio::epub {

inline bool has_scheme(std::string_view url) { return has_url_scheme(url); }

}  // namespace folio::epub
