// read_post: the order of checks, and what is kept when some of them fail.
#include "read/read_post.hpp"

#include "read/footnote_scan.hpp"
#include "read/front_matter.hpp"
#include "read/markdown.hpp"
#include "read/post_slug.hpp"
#include "read/source_text.hpp"

namespace folio {

std::optional<Post> read_post(const std::string& path, std::string_view bytes, Diagnostics& diags,
                              const Limits& limits) {
    try {
        auto src = read::prepare_source(path, bytes, diags);
        if (!src) return std::nullopt;
        auto block = read::find_front_matter(path, *src, diags);
        if (!block) return std::nullopt;

        Post post;
        post.path = path;
        post.slug = read::post_slug(path);
        const bool meta_read = read::read_front_matter(path, *block, post.meta, diags);

        // The body is checked even when the front matter is broken, so that
        // one run reports every problem in the file.
        const auto scan = read::scan_footnotes(*src, block->body_first_line);
        read::check_footnotes(path, scan, diags);
        if (scan.definitions.size() > limits.footnotes) {
            // Refused before cmark-gfm sees them: its footnote handling is
            // what makes 100,000 notes slow.
            diags.error(path, scan.definitions[limits.footnotes].pos,
                        "more than " + std::to_string(limits.footnotes) + " footnotes in one post (the limit footnotes = " +
                            std::to_string(limits.footnotes) + "); this is note " + std::to_string(limits.footnotes + 1) +
                            " of " + std::to_string(scan.definitions.size()),
                        raise_limit_hint("footnotes"));
            return std::nullopt;
        }
        post.doc = read::convert_markdown(path, *src, block->body_first_line, diags, limits,
                                          read::unreferenced_labels(scan));
        if (post.doc.blocks.empty())
            diags.warning(path, {block->body_first_line > src->line_count() ? block->yaml_last_line + 1
                                                                             : block->body_first_line, 1},
                          "the post has no text after its front matter");
        if (!meta_read) return std::nullopt;
        return post;
    } catch (const std::exception& e) {
        // Nothing below should throw but allocation; never let it escape.
        diags.error(path, {}, std::string("could not read the post: ") + e.what());
        return std::nullopt;
    }
}

}  // namespace folio
