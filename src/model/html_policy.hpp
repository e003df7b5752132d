#pragma once
// What a post may carry in raw HTML and link targets, decided in one place
// for both sides of the model: the Markdown reader drops what must reach
// neither writer (a script's text, a javascript: link), and the EPUB writer
// rebuilds only the raw HTML allowed here. Pure functions on text.
#include <string>
#include <string_view>

namespace folio {

// The scheme of a URL as a browser reads it: ASCII whitespace and control
// characters anywhere in it are skipped ("java\tscript:" is javascript:),
// letters are compared without case. Empty when there is no scheme.
std::string url_scheme(std::string_view url);

// URLs that run code or carry a document of their own instead of leading
// somewhere: javascript:, vbscript: and data:. (Entities must be decoded
// first; cmark does that for a link's destination.)
bool is_script_url(std::string_view url);

enum class TagPolicy {
    allowed,    // rebuilt in the EPUB: br sup sub abbr span small mark kbd
    dangerous,  // dropped with everything inside: script, style, iframe, form...
    dropped,    // the tag is dropped, its content kept as text
};
// `name` in lower case.
TagPolicy tag_policy(std::string_view name);
// Elements that never have content or an end tag (<br>, <input>, <meta>).
bool is_void_element(std::string_view name);

}  // namespace folio
