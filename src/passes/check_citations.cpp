#include "model/suggest.hpp"
#include "passes/passes.hpp"
#include "passes/walk.hpp"

namespace folio {

void check_citations(const Post& post, const Bibliography& bibliography, Diagnostics& diags) {
    std::vector<std::string> known;
    known.reserve(bibliography.items.size());
    for (const auto& item : bibliography.items) known.push_back(item.id);

    walk_inlines(post.doc, [&](const Inline& in) {
        const auto* cite = std::get_if<Cite>(&in.value);
        if (!cite) return;
        for (const auto& item : cite->items) {
            if (bibliography.find(item.key)) continue;
            const SourcePos pos = item.pos.known() ? item.pos : in.pos;
            if (bibliography.path.empty()) {
                diags.error(post.path, pos, "citation '@" + item.key + "' but there is no bibliography",
                            "add input/references.json (CSL-JSON) with an entry whose id is '" + item.key + "'");
                continue;
            }
            const std::string near = closest_match(item.key, known);
            diags.error(post.path, pos, "unknown citation key '" + item.key + "'",
                        near.empty() ? "add an entry with this id to " + bibliography.path
                                     : "did you mean '" + near + "'?");
        }
    });
}

}  // namespace folio
