#pragma once
// A publication: the posts chosen for it, in order, with what surrounds them.
#include <string>
#include <vector>

#include "model/bibliography.hpp"
#include "model/post.hpp"
#include "model/site.hpp"

namespace folio {

struct Pack {
    std::string id = "collection";  // output name stem
    std::string title;
    std::string subtitle;
    Date edition;                   // from the newest post or SOURCE_DATE_EPOCH
    std::string style = "house";
    std::string citation_style;     // path of a .csl file; empty: the default
    SiteMeta site;
    std::vector<Post> posts;        // in reading order
    Bibliography bibliography;
    // The pack's reference list, formatted by the citation pass when the
    // pack has one list at the end; empty otherwise.
    std::vector<FormattedReference> references;
};

}  // namespace folio
