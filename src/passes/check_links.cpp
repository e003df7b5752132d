// A link whose address is a web address written wrong is a warning with the
// address as it was meant (model/web_address.hpp). It is found here, not only
// when the EPUB is written, so that `folio check` says it too.
#include "model/web_address.hpp"
#include "passes/passes.hpp"
#include "passes/walk.hpp"

namespace folio {

void check_links(const Post& post, Diagnostics& diags) {
    walk_inlines(post.doc, [&](const Inline& in) {
        const auto* link = std::get_if<Link>(&in.value);
        if (!link) return;
        if (auto meant = meant_web_address(link->url))
            diags.warning(post.path, in.pos,
                          "link to '" + link->url + "' is not a web address: it leads nowhere",
                          "write it as " + *meant);
    });
}

}  // namespace folio
