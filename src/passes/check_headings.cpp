// `##Background` (no space after the hashes) is a paragraph to CommonMark,
// not a heading: the post loses a heading, its contents entry and bookmark,
// silently. A paragraph that opens with two to six '#' and a letter is
// taken for that slip. (One '#' and a word is left alone: "#NorthKorea"
// is more often a hashtag than a heading.)
#include <cctype>

#include "passes/passes.hpp"
#include "passes/walk.hpp"

namespace folio {

void check_headings(Post& post, Diagnostics& diags) {
    walk_blocks(post.doc, [&](Block& block) {
        const auto* para = std::get_if<Paragraph>(&block.value);
        if (!para || para->content.empty()) return;
        const auto* text = std::get_if<Text>(&para->content.front().value);
        if (!text) return;
        const std::string& t = text->text;
        std::size_t hashes = 0;
        while (hashes < t.size() && t[hashes] == '#') ++hashes;
        if (hashes < 2 || hashes > 6 || hashes >= t.size() ||
            !std::isalpha(static_cast<unsigned char>(t[hashes])))
            return;
        const std::string marks(hashes, '#');
        const std::string shown = t.substr(hashes, 40) + (t.size() > hashes + 40 ? "..." : "");
        diags.warning(post.path, block.pos,
                      "'" + marks + shown +
                          "' is set as text, not as a heading: a heading needs a space after " + marks,
                      "write `" + marks + " " + shown + "`");
    });
}

}  // namespace folio
