#pragma once
// The pages before the posts: the cover (the rendered cover picture, or the
// same words as text when there is no picture) and the title page (what the
// collection holds, the group's description, disclaimer and a colophon).
#include <string>

#include "model/pack.hpp"

namespace folio::epub {

// "11 posts: 2 letters, 1 joint statement, 4 events, 3 articles, 1 news item"
std::string contents_summary(const Pack& pack);

// `cover_href` is relative to text/; empty for the text-only cover.
std::string cover_page(const Pack& pack, const std::string& cover_href);
// `built_on` is the human date of the build ("22 November 2026").
std::string title_page(const Pack& pack, const std::string& built_on);

}  // namespace folio::epub
