#include "epub/content_writer.hpp"

#include <algorithm>
#include <set>

#include "epub/hangul.hpp"
#include "epub/html_sanitize.hpp"
#include "epub/url_scheme.hpp"
#include "epub/xhtml_page.hpp"
#include "model/overloaded.hpp"
#include "model/web_address.hpp"

namespace folio::epub {

using tinyxml2::XMLElement;

namespace {

// Collects NoteRef labels (and note citations) in reading order, notes
// included, so a note referred to only from another note still counts.
void collect_refs(const Inlines& inlines, std::vector<std::string>& labels);
void collect_refs(const Blocks& blocks, std::vector<std::string>& labels) {
    for (const auto& b : blocks) {
        std::visit(Overloaded{
                       [&](const Paragraph& p) { collect_refs(p.content, labels); },
                       [&](const Heading& h) { collect_refs(h.content, labels); },
                       [&](const BlockQuote& q) { collect_refs(q.children, labels); },
                       [&](const List& l) {
                           for (const auto& item : l.items) collect_refs(item.children, labels);
                       },
                       [&](const Table& t) {
                           for (const auto& c : t.header.cells) collect_refs(c.content, labels);
                           for (const auto& r : t.rows)
                               for (const auto& c : r.cells) collect_refs(c.content, labels);
                       },
                       [&](const auto&) {},
                   },
                   b.value);
    }
}
void collect_refs(const Inlines& inlines, std::vector<std::string>& labels) {
    for (const auto& in : inlines) {
        std::visit(Overloaded{
                       [&](const NoteRef& r) { labels.push_back(r.label); },
                       [&](const Cite& c) {
                           collect_refs(c.rendered, labels);
                       },
                       [&](const Link& l) { collect_refs(l.children, labels); },
                       [&](const Image&) {},
                       [&](const Text&) {},
                       [&](const SoftBreak&) {},
                       [&](const LineBreak&) {},
                       [&](const Code&) {},
                       [&](const RawInline&) {},
                       [&](const auto& container) { collect_refs(container.children, labels); },
                   },
                   in.value);
    }
}

int min_heading_level(const Blocks& blocks) {
    int lowest = 7;
    for (const auto& b : blocks) {
        if (const auto* h = std::get_if<Heading>(&b.value)) lowest = std::min(lowest, h->level);
        if (const auto* q = std::get_if<BlockQuote>(&b.value)) lowest = std::min(lowest, min_heading_level(q->children));
    }
    return lowest;
}

const char* align_class(Align a) {
    switch (a) {
        case Align::left: return "align-left";
        case Align::center: return "align-center";
        case Align::right: return "align-right";
        case Align::none: break;
    }
    return nullptr;
}

}  // namespace

NoteNumbering number_notes(const Post& post, Diagnostics& diags) {
    std::vector<std::string> labels;
    collect_refs(post.doc.blocks, labels);
    for (const auto& note : post.doc.notes) collect_refs(note.content, labels);

    NoteNumbering out;
    std::set<int> used;
    for (const auto& note : post.doc.notes)
        if (note.number > 0) used.insert(note.number);
    int next = used.empty() ? 1 : *used.rbegin() + 1;
    std::set<std::string> referenced(labels.begin(), labels.end());
    // Notes with a number keep it; the others are numbered in order of
    // first reference after the highest number given.
    std::vector<std::pair<int, const Footnote*>> numbered;
    for (const auto& note : post.doc.notes) {
        bool is_referenced = referenced.count(note.label) > 0;
        if (!is_referenced) {
            diags.warning(post.path, note.pos, "footnote [^" + note.label + "] is never referred to; left out of the EPUB");
            continue;
        }
        if (note.number > 0) {
            out.by_label.emplace(note.label, note.number);
            numbered.emplace_back(note.number, &note);
        }
    }
    for (const auto& label : labels) {
        if (out.by_label.count(label)) continue;
        auto note = std::find_if(post.doc.notes.begin(), post.doc.notes.end(),
                                 [&](const Footnote& n) { return n.label == label; });
        if (note == post.doc.notes.end()) continue;
        out.by_label.emplace(label, next);
        numbered.emplace_back(next++, &*note);
    }
    std::stable_sort(numbered.begin(), numbered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [number, note] : numbered) out.ordered.push_back(note);
    return out;
}

ContentWriter::ContentWriter(const Post& post, const PostLinks& links, ImageStore& images, Diagnostics& diags)
    : m_post(post),
      m_links(links),
      m_images(images),
      m_diags(diags),
      m_notes(number_notes(post, diags)),
      m_pull_quotes(post) {
    m_lang.push_back(post.meta.lang.empty() ? "en-GB" : post.meta.lang);
    int lowest = min_heading_level(post.doc.blocks);
    m_heading_shift = lowest <= 6 ? 2 - lowest : 1;
    // Ids the post page itself uses.
    for (const char* id : {"title", "notes", "references"}) m_ids.emplace(id, 1);
}

void ContentWriter::write_blocks(XMLElement* parent, const Blocks& blocks) {
    for (const auto& b : blocks) write_block(parent, b);
}

std::string ContentWriter::heading_id(const Heading& h) {
    std::string base = h.id.empty() ? "section-" + std::to_string(m_headings.size() + 1) : xml_id(h.id);
    std::string id = base;
    for (int n = 2; m_ids.count(id); ++n) id = base + "-" + std::to_string(n);
    m_ids.emplace(id, 1);
    return id;
}

void ContentWriter::write_block(XMLElement* parent, const Block& block) {
    ++m_depth;
    std::visit(Overloaded{
                   [&](const Paragraph& p) {
                       // A paragraph that is only an image with a title is a
                       // figure, the title its caption (as in print).
                       const Image* image = p.content.size() == 1 ? std::get_if<Image>(&p.content[0].value) : nullptr;
                       if (image && !image->title.empty()) {
                           auto* figure = add_element(parent, "figure");
                           write_image(figure, *image, p.content[0].pos);
                           auto* caption = add_element(figure, "figcaption");
                           write_text(caption, image->title);
                           return;
                       }
                       write_inlines(add_element(parent, "p"), p.content);
                   },
                   [&](const Heading& h) {
                       int level = std::clamp(h.level + m_heading_shift, 2, 6);
                       std::string name = "h" + std::to_string(level);
                       auto* e = add_element(parent, name.c_str());
                       std::string id = heading_id(h);
                       e->SetAttribute("id", id.c_str());
                       write_inlines(e, h.content);
                       if (m_depth == 1) m_headings.push_back({level, id, plain_text(h.content)});
                   },
                   [&](const BlockQuote& q) {
                       auto* e = add_element(parent, "blockquote");
                       if (m_depth == 1 && m_pull_quotes.contains(q)) e->SetAttribute("class", "pull-quote");
                       add_newline(e);
                       write_blocks(e, q.children);
                   },
                   [&](const List& l) { write_list(parent, l); },
                   [&](const CodeBlock& c) {
                       auto* pre = add_element(parent, "pre");
                       auto* code = add_element(pre, "code");
                       std::string lang = c.info.substr(0, c.info.find(' '));
                       if (!lang.empty()) code->SetAttribute("class", ("language-" + xml_id(lang)).c_str());
                       std::string text = c.text;
                       if (!text.empty() && text.back() == '\n') text.pop_back();
                       add_text(code, text);
                   },
                   [&](const ThematicBreak&) { add_element(parent, "hr"); },
                   [&](const Table& t) { write_table(parent, t); },
                   [&](const RawBlock& r) { write_raw_block(parent, r, block.pos); },
               },
               block.value);
    --m_depth;
    add_newline(parent);
}

void ContentWriter::write_list(XMLElement* parent, const List& list) {
    auto* e = add_element(parent, list.ordered ? "ol" : "ul");
    if (list.ordered && list.start != 1) e->SetAttribute("start", list.start);
    add_newline(e);
    for (const auto& item : list.items) {
        auto* li = add_element(e, "li");
        if (item.checked) {
            auto* box = add_text_element(li, "span", *item.checked ? "[x]" : "[ ]");
            box->SetAttribute("class", "task");
            add_text(li, " ");
        }
        // A tight list's paragraphs are written without <p>, as they read.
        for (const auto& child : item.children) {
            const auto* para = std::get_if<Paragraph>(&child.value);
            if (list.tight && para && item.children.size() == 1)
                write_inlines(li, para->content);
            else
                write_block(li, child);
        }
        add_newline(e);
    }
}

void ContentWriter::write_table(XMLElement* parent, const Table& table) {
    auto* e = add_element(parent, "table");
    add_newline(e);
    auto cell = [&](XMLElement* row, const TableCell& c, std::size_t column, bool header) {
        auto* td = add_element(row, header ? "th" : "td");
        if (header) td->SetAttribute("scope", "col");
        if (column < table.aligns.size())
            if (const char* cls = align_class(table.aligns[column])) td->SetAttribute("class", cls);
        write_inlines(td, c.content);
    };
    auto* thead = add_element(e, "thead");
    auto* hr = add_element(thead, "tr");
    for (std::size_t i = 0; i < table.header.cells.size(); ++i) cell(hr, table.header.cells[i], i, true);
    add_newline(e);
    if (!table.rows.empty()) {
        auto* tbody = add_element(e, "tbody");
        add_newline(tbody);
        for (const auto& row : table.rows) {
            auto* tr = add_element(tbody, "tr");
            for (std::size_t i = 0; i < row.cells.size(); ++i) cell(tr, row.cells[i], i, false);
            add_newline(tbody);
        }
        add_newline(e);
    }
}

void ContentWriter::write_text(XMLElement* parent, std::string_view text) {
    if (m_lang.back().starts_with("ko")) {
        add_text(parent, text);
        return;
    }
    for (const auto& run : split_hangul_runs(text)) {
        if (!run.hangul) {
            add_text(parent, run.text);
            continue;
        }
        auto* span = add_element(parent, "span");
        set_lang(span, "ko");
        add_text(span, run.text);
    }
}

void ContentWriter::write_inline(XMLElement* parent, const Inline& in) {
    auto container = [&](const char* name, const Inlines& children) {
        write_inlines(add_element(parent, name), children);
    };
    std::visit(Overloaded{
                   [&](const Text& t) { write_text(parent, t.text); },
                   [&](const SoftBreak&) { add_text(parent, "\n"); },
                   [&](const LineBreak&) { add_element(parent, "br"); },
                   [&](const Emph& e) { container("em", e.children); },
                   [&](const Strong& e) { container("strong", e.children); },
                   [&](const Strikethrough& e) { container("s", e.children); },
                   [&](const Superscript& e) { container("sup", e.children); },
                   [&](const Subscript& e) { container("sub", e.children); },
                   [&](const SmallCaps& e) {
                       auto* span = add_element(parent, "span");
                       span->SetAttribute("class", "smallcaps");
                       write_inlines(span, e.children);
                   },
                   [&](const Code& c) { add_text_element(parent, "code", c.text); },
                   [&](const Link& l) { write_link(parent, l, in.pos); },
                   [&](const Image& i) { write_image(parent, i, in.pos); },
                   [&](const RawInline& r) { write_inlines(parent, Inlines{in}); (void)r; },
                   [&](const Span& s) {
                       // The Hangul pass may mark text already inside a
                       // Korean element: one lang="ko" is enough.
                       if (s.cls.empty() && !s.lang.empty() && s.lang == m_lang.back()) {
                           write_inlines(parent, s.children);
                           return;
                       }
                       auto* span = add_element(parent, "span");
                       if (!s.cls.empty()) span->SetAttribute("class", s.cls.c_str());
                       if (!s.lang.empty()) {
                           set_lang(span, s.lang);
                           m_lang.push_back(s.lang);
                       }
                       write_inlines(span, s.children);
                       if (!s.lang.empty()) m_lang.pop_back();
                   },
                   [&](const NoteRef& r) {
                       auto found = m_notes.by_label.find(r.label);
                       if (found == m_notes.by_label.end()) {
                           m_diags.warning(m_post.path, in.pos, "footnote reference [^" + r.label + "] has no note");
                           add_text(parent, "[^" + r.label + "]");
                           return;
                       }
                       write_noteref(parent, found->second);
                   },
                   [&](const Cite& c) {
                       // With a note style the citation pass has moved the
                       // citation into a footnote and left a NoteRef here.
                       auto* span = add_element(parent, "span");
                       span->SetAttribute("class", "citation");
                       if (!c.rendered.empty())
                           write_inlines(span, c.rendered);
                       else
                           write_text(span, c.source);
                   },
               },
               in.value);
}

void ContentWriter::write_noteref(XMLElement* parent, int number) {
    int count = ++m_noteref_count[number];
    std::string n = std::to_string(number);
    auto* a = add_element(parent, "a");
    a->SetAttribute("id", ("noteref-" + n + (count > 1 ? "-" + std::to_string(count) : "")).c_str());
    a->SetAttribute("href", ("#note-" + n).c_str());
    a->SetAttribute("class", "noteref");
    a->SetAttribute("epub:type", "noteref");
    a->SetAttribute("role", "doc-noteref");
    add_text(a, n);
}

void ContentWriter::write_link(XMLElement* parent, const Link& link, SourcePos pos) {
    std::string href;
    if (is_unsafe_url(link.url)) {
        m_diags.warning(m_post.path, pos, "link with a javascript:, vbscript: or data: URL removed; its text kept");
    } else if (has_scheme(link.url)) {
        href = link.url;
    } else if (link.url.starts_with("#")) {
        if (m_links.has_anchor(PostLinks::page_name(m_post.slug), link.url.substr(1)))
            href = "#" + xml_id(link.url.substr(1));
        else
            m_diags.warning(m_post.path, pos, "link to '" + link.url + "' names no heading of this post; its text kept");
    } else if (auto page = m_links.resolve(link.url)) {
        href = *page;
        if (link.url.find('#') != std::string::npos && href.find('#') == std::string::npos)
            m_diags.warning(m_post.path, pos,
                            "link to '" + link.url + "' names no heading of that post; it goes to the post's start");
    } else if (meant_web_address(link.url)) {
        // Said by the passes (check_links), with the address meant.
    } else {
        m_diags.warning(m_post.path, pos, "link to '" + link.url + "' points at nothing in the book; its text kept",
                        "link to a post by its file name, or use a full https:// address");
    }
    if (href.empty()) {
        write_inlines(parent, link.children);
        return;
    }
    auto* a = add_element(parent, "a");
    a->SetAttribute("href", href.c_str());
    // The style sheet keeps the reader from hyphenating an address.
    if (shows_address(link)) a->SetAttribute("class", "address");
    if (!link.title.empty()) a->SetAttribute("title", link.title.c_str());
    write_inlines(a, link.children);
}

void ContentWriter::write_image(XMLElement* parent, const Image& image, SourcePos pos) {
    std::string alt = plain_text(image.alt);
    auto href = m_images.add(m_post.path, image, pos, m_diags);
    if (!href) {
        if (!alt.empty()) {
            auto* span = add_element(parent, "span");
            span->SetAttribute("class", "missing-image");
            write_text(span, "[" + alt + "]");
        }
        return;
    }
    ++m_images_written;
    if (alt.empty()) {
        ++m_images_without_alt;
        m_diags.warning(m_post.path, pos, "image '" + image.url + "' has no alt text",
                        "describe the image: ![what it shows](" + image.url + ")");
    }
    auto* img = add_element(parent, "img");
    img->SetAttribute("src", href->c_str());
    img->SetAttribute("alt", alt.c_str());
    if (!image.title.empty()) img->SetAttribute("title", image.title.c_str());
}

}  // namespace folio::epub
