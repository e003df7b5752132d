#pragma once
// The pages before the first post: the cover (one drawing, for the PDF's
// first page and the EPUB's cover image), the inside cover (about the group,
// disclaimer, contact, colophon) and the contents with the real page numbers
// of the posts. Front matter is numbered in roman numerals; the cover prints
// no folio and no running head, nor does the first contents page.
#include <string>
#include <vector>

#include "layout/items.hpp"
#include "layout/style.hpp"
#include "layout/type_context.hpp"
#include "model/pack.hpp"
#include "model/result.hpp"

namespace folio {

// "10 posts: 2 letters, 1 joint statement, 4 events, 2 opinion pieces, 1 news
// item, 2016–2023": what the pack holds, by kind in a fixed order, each count
// tied to its noun by a no-break space.
std::string pack_summary(const Pack& pack);

// The destination names of the front matter's outline entries.
inline constexpr const char* cover_dest = "cover";
inline constexpr const char* contents_dest = "contents";

struct FrontMatterInput {
    std::vector<int> post_pages;  // printed (arabic) page number of each post's first page
    std::string build_date;       // "21 October 2023": from SOURCE_DATE_EPOCH or the edition
};

// The cover page, labelled "i". Fails when site.logo is set but is not a
// readable PNG or JPEG.
Result<Page> layout_cover(TypeContext& tc, const Pack& pack, const Style& style);
// The same with a type context of its own (for the EPUB's cover image).
Result<Page> layout_cover(const Pack& pack, const Style& style, const Resources& resources);

// Cover, inside cover and contents, labelled i, ii, ..., always an even
// number of pages (a blank one after the contents when needed), so page 1
// is a right-hand page as its mirrored margins assume. For a pack that
// starts posts on right-hand pages the contents start on one too.
Result<std::vector<Page>> layout_front_matter(TypeContext& tc, const Pack& pack, const Style& style,
                                              const FrontMatterInput& input);

}  // namespace folio
