#pragma once
// A post's XHTML page: the heading block (kind, title, standfirst, byline,
// date, original publication), the kind's structure (a letter's addresses,
// salutation and signature; an event's panel; a statement's clauses), the
// text, page-break markers from the PDF, and the footnotes.
#include <string>
#include <vector>

#include "epub/book_resources.hpp"
#include "epub/content_writer.hpp"
#include "model/diagnostic.hpp"
#include "model/pack.hpp"
#include "model/post.hpp"

namespace folio::epub {

// A PDF page start inside this post, by top-level block index.
struct PageMarker {
    std::size_t block_index = 0;
    std::string label;
};

struct PostPage {
    std::string file_name;  // "post-<slug>.xhtml", in text/
    std::string xhtml;
    std::vector<TocHeading> headings;
    std::vector<std::pair<std::string, std::string>> page_targets;  // label -> "file#id"
    int images = 0;
    int images_without_alt = 0;
};

// The pack's own reference list as a page (references.xhtml), when the
// citation pass made one.
std::string write_references_page(const Pack& pack, const PostLinks& links, ImageStore& images, Diagnostics& diags);

PostPage write_post_page(const Post& post, const std::vector<PageMarker>& pages, const PostLinks& links,
                         ImageStore& images, Diagnostics& diags);

}  // namespace folio::epub
