#pragma once
// The policy for raw HTML found in Markdown. Nothing written as raw HTML
// reaches the book unchecked: it is tokenised here, and the content writer
// rebuilds only allow-listed elements as tinyxml2 nodes (never by pasting
// the text), dropping the rest with a warning.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

enum class TagPolicy {
    allowed,    // rebuilt: br sup sub abbr span small mark kbd
    dangerous,  // dropped with everything inside: script, style, iframe, form...
    dropped,    // the tag is dropped, its content kept as text
};
TagPolicy tag_policy(std::string_view name);
bool is_void_element(std::string_view name);

// The attributes kept on an allowed element (abbr: title; span: lang, and
// lang/title on all). Every other attribute goes to `removed`.
std::vector<HtmlAttribute> kept_attributes(std::string_view element,
                                           const std::vector<HtmlAttribute>& attributes,
                                           std::vector<std::string>& removed);

// javascript:, vbscript: and data: URLs, however they are spelt (case,
// leading spaces, control characters or entities inside the scheme).
bool is_unsafe_url(std::string_view url);

// &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric references; unknown
// named references are left as written.
std::string decode_entities(std::string_view text);

}  // namespace folio::epub
