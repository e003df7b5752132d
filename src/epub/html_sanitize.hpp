#pragma once
// The policy for raw HTML found in Markdown. Nothing written as raw HTML
// reaches the book unchecked: it is tokenised here, and the content writer
// rebuilds only allow-listed elements as tinyxml2 nodes (never by pasting
// the text), dropping the rest with a warning.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/html_policy.hpp"

namespace folio::epub {

struct HtmlAttribute {
    std::string name;   // lower case
    std::string value;  // entities decoded
};

struct HtmlToken {
    enum class Kind { text, open, close, comment, other };
    Kind kind = Kind::text;
    std::string name;        // tags: lower case element name
    std::vector<HtmlAttribute> attributes;
    bool self_closing = false;  // <br/>
    std::string text;        // text: entities decoded; other kinds: as written
};

// A forgiving tokeniser for the fragments Markdown lets through: text, start
// and end tags with attributes, comments, and anything else (doctype, CDATA,
// processing instructions) as Kind::other. A '<' that starts no tag is text.
std::vector<HtmlToken> tokenize_html(std::string_view html);

// Which elements are rebuilt, dropped, or dropped with their content:
// model/html_policy.hpp (tag_policy, is_void_element), shared with the
// Markdown reader.

// The attributes kept on an allowed element (abbr: title; span: lang, and
// lang/title on all). Every other attribute goes to `removed`.
std::vector<HtmlAttribute> kept_attributes(std::string_view element,
                                           const std::vector<HtmlAttribute>& attributes,
                                           std::vector<std::string>& removed);

// javascript:, vbscript: and data: URLs, however they are spelt (case,
// leading spaces, control characters or entities inside the scheme): an
// attribute's value decoded, then model/html_policy.hpp's is_script_url.
bool is_unsafe_url(std::string_view url);

// &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric references; unknown
// named references are left as written.
std::string decode_entities(std::string_view text);

}  // namespace folio::epub
