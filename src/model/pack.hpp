#pragma once
// A publication: the posts chosen for it, in order, with what surrounds them.
#include <string>
#include <vector>

#include "model/bibliography.hpp"
#include "model/post.hpp"
#include "model/site.hpp"

namespace folio {

enum class PageSize { a4, us_letter };

// Which files a pack produces, and their names inside the output folder.
struct PackOutputs {
    bool pdf = true;
    bool epub = true;
    bool pdf_archive = false;
    std::string pdf_file;    // "<id>.pdf"; the default pack: "briefing-pack.pdf"
    std::string epub_file;   // "<id>.epub"
    std::string pdf_archive_file;  // "<pdf_file's stem>-archive.pdf"
};

struct Pack {
    std::string id = "collection";  // output name stem
    std::string title;
    std::string subtitle;
    Date edition;                   // from the newest post or SOURCE_DATE_EPOCH
    std::string style = "house";
    std::string citation_style;     // path of a .csl file; empty: the default
    PageSize page_size = PageSize::a4;
    bool start_on_right = false;    // each post on a right-hand (odd) page, for duplex printing
    bool references_per_pack = false;  // one reference list at the end instead of one per post
    PackOutputs outputs;
    SiteMeta site;
    std::vector<Post> posts;        // in reading order
    Bibliography bibliography;
    // The pack's reference list, formatted by the citation pass when the
    // pack has one list at the end; empty otherwise.
    std::vector<FormattedReference> references;
};

}  // namespace folio
