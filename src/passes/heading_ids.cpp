#include <set>

#include "passes/passes.hpp"
#include "passes/walk.hpp"

namespace folio {

namespace {

// ASCII letters and digits, lower-cased, words joined by '-'. Ids must be
// valid XML NCNames for EPUB and stable across runs; non-ASCII is dropped
// rather than transliterated, with "section" when nothing is left.
std::string slugify(const std::string& text) {
    std::string out;
    bool dash = false;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && !out.empty()) out += '-';
            out += static_cast<char>(c);
            dash = false;
        } else if (c >= 'A' && c <= 'Z') {
            if (dash && !out.empty()) out += '-';
            out += static_cast<char>(c - 'A' + 'a');
            dash = false;
        } else if (c == ' ' || c == '-' || c == '_' || c == '\t') {
            dash = true;
        }
    }
    if (out.size() > 60) out.resize(60);
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "section" + (out.empty() ? "" : "-" + out);
    return out;
}

}  // namespace

void assign_heading_ids(Post& post) {
    std::set<std::string> used;
    walk_blocks(post.doc, [&](Block& b) {
        auto* h = std::get_if<Heading>(&b.value);
        if (!h) return;
        const std::string base = slugify(plain_text(h->content));
        std::string id = base;
        for (int n = 2; used.count(id); ++n) id = base + "-" + std::to_string(n);
        used.insert(id);
        h->id = id;
    });
}

}  // namespace folio
