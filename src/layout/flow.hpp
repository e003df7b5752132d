#pragma once
// Turns one post into galley chunks: its first-page header, its blocks and
// its footnotes, with the keep rules (widows, orphans, headings kept with what
// follows, no page break after a hyphen) set on the chunks. Posts flow
// independently, so threads can flow them in parallel, each with its own
// TypeContext.
#include <filesystem>
#include <string>
#include <vector>

#include "layout/galley.hpp"
#include "layout/items.hpp"
#include "layout/style.hpp"
#include "layout/type_context.hpp"
#include "model/post.hpp"
#include "model/result.hpp"

namespace folio {

struct PostFlow {
    Galley galley;
    std::vector<OutlineEntry> outline;
};

// post_index is stored in the chunks (running heads need it). Fails on an
// image that is missing, not PNG/JPEG, or too large.
Result<PostFlow> flow_post(TypeContext& tc, const Style& style, const Post& post, int post_index);

// The pack's reference list (references_per_pack) as a final section that
// starts a page: title "References", outline entry at level 1 with the
// destination "references", chunks marked with post_index.
PostFlow flow_reference_section(TypeContext& tc, const Style& style, const std::vector<FormattedReference>& refs,
                                int post_index);

// The folder a post's relative image paths start from (the one its file is
// in, spelled as the post's path spells it): a figure's ImageItem::path is
// this folder joined with the image's path as written.
std::filesystem::path post_folder(const Post& post);

// "6 February 2017"
std::string long_date(const Date& date);

}  // namespace folio
