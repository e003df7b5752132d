#pragma once
// Where a link written in a post points, as both editions read it: a web
// address (it names a scheme: "https:", "mailto:"), a heading of the same
// post ("#background"), or another post by its file name or slug, with or
// without a heading ("2023-10-21-letter.md#part", "letter"). The EPUB turns
// a post link into a page and anchor, the PDF into a named destination.
#include <string>
#include <string_view>

namespace folio {

// Whether `url` names a scheme ("https:", "mailto:") and so points outside
// the book.
bool has_url_scheme(std::string_view url);

// "2017-02-06-visit.md" -> "visit"; "visit.md" -> "visit"; "visit" -> "visit".
std::string slug_of_file_name(std::string name);

struct LinkTarget {
    bool web = false;      // a web address: the url as it is
    std::string slug;      // the post linked to; empty for this post
    std::string fragment;  // the heading, without '#'; empty for the post's start
};

LinkTarget link_target(std::string_view url);

}  // namespace folio
