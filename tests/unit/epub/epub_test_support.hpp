#pragma once
// Building small posts in C++ (the reader is written in parallel) and
// rendering them with the EPUB content writer.
#include <algorithm>
#include <string>

#include <tinyxml2.h>

#include "epub/book_resources.hpp"
#include "epub/content_writer.hpp"
#include "model/post.hpp"

namespace folio::epub::test {

inline Inline text(std::string s, SourcePos pos = {}) { return make_inline(Text{std::move(s)}, pos); }
inline Block para(Inlines content, SourcePos pos = {}) { return make_block(Paragraph{std::move(content)}, pos); }

inline Post post_with(Blocks blocks, std::vector<Footnote> notes = {}) {
    Post p;
    p.path = "input/2023-01-02-sample.md";
    p.slug = "sample";
    p.meta.title = "Sample";
    p.meta.date = {2023, 1, 2};
    p.doc.blocks = std::move(blocks);
    p.doc.notes = std::move(notes);
    return p;
}

// The XHTML the writer makes for the post's blocks, without the wrapper
// element, newlines between blocks removed.
inline std::string render_blocks(const Post& post, Diagnostics& diags, bool with_notes = false) {
    tinyxml2::XMLDocument doc;
    auto* root = doc.NewElement("div");
    doc.InsertEndChild(root);
    PostLinks links({post});
    ImageStore images;
    ContentWriter w(post, links, images, diags);
    w.write_blocks(root, post.doc.blocks);
    if (with_notes) w.write_notes(root);
    tinyxml2::XMLPrinter printer(nullptr, true);
    doc.Print(&printer);
    std::string out = printer.CStr();
    out = out.substr(5, out.size() - 5 - 6);  // strip <div> and </div>
    // Drop the newlines the writer puts between elements.
    std::string clean;
    for (std::size_t i = 0; i < out.size();) {
        std::size_t j = i;
        while (j < out.size() && out[j] == '\n') ++j;
        bool between = (i == 0 || out[i - 1] == '>') && (j == out.size() || out[j] == '<');
        if (j > i && between) {
            i = j;
            continue;
        }
        clean.append(out, i, std::max(j, i + 1) - i);
        i = std::max(j, i + 1);
    }
    return clean;
}

inline std::string render_blocks(const Post& post) {
    Diagnostics diags;
    return render_blocks(post, diags);
}

}  // namespace folio::epub::test
