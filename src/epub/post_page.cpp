#include "epub/post_page.hpp"

#include <cstdio>
#include <functional>

#include "epub/xhtml_page.hpp"

namespace folio::epub {

using tinyxml2::XMLElement;

namespace {

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

XMLElement* add_time(XMLElement* parent, const Date& d) {
    auto* t = add_text_element(parent, "time", human_date(d.year, d.month, d.day));
    t->SetAttribute("datetime", d.iso().c_str());
    return t;
}

// A letter's party as lines: name (bold), role, address.
void write_party(ContentWriter& w, XMLElement* parent, const Party& party, const char* cls) {
    auto* p = add_element(parent, "p");
    p->SetAttribute("class", cls);
    bool first = true;
    auto line = [&](const std::string& text, bool bold) {
        if (text.empty()) return;
        if (!first) add_element(p, "br");
        first = false;
        w.write_text(bold ? add_element(p, "strong") : p, text);
    };
    line(party.name, true);
    line(party.role, false);
    for (const auto& l : party.address) line(l, false);
    add_newline(parent);
}

void write_heading_block(ContentWriter& w, XMLElement* parent, const PostMeta& meta) {
    auto* header = add_element(parent, "header");
    header->SetAttribute("class", "post-head");
    add_newline(header);
    auto* kind = add_text_element(header, "p", kind_label(meta.kind));
    kind->SetAttribute("class", "kind");
    add_newline(header);
    auto* h1 = add_element(header, "h1");
    h1->SetAttribute("id", "title");
    w.write_text(h1, meta.title);
    add_newline(header);
    if (!meta.summary.empty()) {
        auto* p = add_element(header, "p");
        p->SetAttribute("class", "standfirst");
        w.write_text(p, meta.summary);
        add_newline(header);
    }
    auto* byline = add_element(header, "p");
    byline->SetAttribute("class", "byline");
    if (!meta.authors.empty()) {
        auto* by = add_element(byline, "span");
        by->SetAttribute("class", "authors");
        w.write_text(by, "By " + join_names(meta.authors));
        add_text(byline, " · ");
    }
    add_time(byline, meta.date);
    add_newline(header);
    if (!meta.original.empty()) {
        auto* p = add_element(header, "p");
        p->SetAttribute("class", "original");
        w.write_text(p, "First published in " + meta.original);
        add_newline(header);
    }
    add_newline(parent);
}

void write_event_panel(ContentWriter& w, XMLElement* parent, const EventInfo& event) {
    auto* dl = add_element(parent, "dl");
    dl->SetAttribute("class", "event-panel");
    add_newline(dl);
    auto row = [&](const char* term, const std::function<void(XMLElement*)>& value) {
        add_text_element(dl, "dt", term);
        value(add_element(dl, "dd"));
        add_newline(dl);
    };
    if (event.when) {
        row("Date", [&](XMLElement* dd) { add_time(dd, event.when->date); });
        if (event.when->hour) {
            // As the PDF prints it ("5.00 pm"); the attribute keeps the ISO time.
            row("Time", [&](XMLElement* dd) {
                auto* t = add_text_element(dd, "time", event.when->clock().c_str());
                t->SetAttribute("datetime", event.when->iso().c_str());
            });
        }
    }
    if (!event.venue.empty()) row("Venue", [&](XMLElement* dd) { w.write_text(dd, event.venue); });
    if (!event.admission.empty()) row("Admission", [&](XMLElement* dd) { w.write_text(dd, event.admission); });
    add_newline(parent);
}

void write_page_marker(XMLElement* parent, const std::string& label, std::string& id_out) {
    auto* span = add_element(parent, "span");
    id_out = xml_id("page-" + label);
    span->SetAttribute("id", id_out.c_str());
    span->SetAttribute("epub:type", "pagebreak");
    span->SetAttribute("role", "doc-pagebreak");
    span->SetAttribute("aria-label", label.c_str());
    add_newline(parent);
}

}  // namespace

PostPage write_post_page(const Post& post, const std::vector<PageMarker>& pages, const PostLinks& links,
                         ImageStore& images, Diagnostics& diags) {
    PostPage out;
    out.file_name = PostLinks::page_name(post.slug);
    const PostMeta& meta = post.meta;
    XhtmlPage page(meta.title, meta.lang.empty() ? "en-GB" : meta.lang, {"../css/folio.css"});
    ContentWriter w(post, links, images, diags);

    auto* body = page.body();
    body->SetAttribute("epub:type", "bodymatter");
    auto* article = add_element(body, "article");
    article->SetAttribute("class", std::string("post ").append(to_string(meta.kind)).c_str());
    article->SetAttribute("aria-labelledby", "title");
    add_newline(article);
    add_newline(body);

    auto markers_at = [&](std::size_t index, XMLElement* where) {
        for (const auto& m : pages) {
            if (m.block_index != index) continue;
            std::string id;
            write_page_marker(where, m.label, id);
            out.page_targets.emplace_back(m.label, out.file_name + "#" + id);
        }
    };
    markers_at(0, article);
    write_heading_block(w, article, meta);

    XMLElement* text = article;
    if (meta.kind == Kind::letter) {
        text = add_element(article, "div");
        text->SetAttribute("class", "letter");
        add_newline(text);
        auto* head = add_element(text, "div");
        head->SetAttribute("class", "letter-from");
        add_newline(head);
        if (meta.from) write_party(w, head, *meta.from, "sender");
        auto* date = add_element(head, "p");
        date->SetAttribute("class", "letter-date");
        add_time(date, meta.date);
        add_newline(head);
        add_newline(text);
        if (meta.to) write_party(w, text, *meta.to, "recipient");
        if (!meta.salutation.empty()) {
            auto* p = add_element(text, "p");
            p->SetAttribute("class", "salutation");
            w.write_text(p, meta.salutation);
            add_newline(text);
        }
    } else if (meta.kind == Kind::event && meta.event) {
        write_event_panel(w, article, *meta.event);
    }

    for (std::size_t i = 0; i < post.doc.blocks.size(); ++i) {
        if (i > 0) markers_at(i, text);
        const Block& b = post.doc.blocks[i];
        // A statement's numbered clauses are its top-level ordered lists.
        if (meta.kind == Kind::statement && std::holds_alternative<List>(b.value) &&
            std::get<List>(b.value).ordered) {
            auto* div = add_element(text, "div");
            div->SetAttribute("class", "clauses");
            w.write_block(div, b);
            add_newline(text);
            continue;
        }
        w.write_block(text, b);
    }

    if (meta.kind == Kind::letter) {
        const SignOff sign_off = letter_sign_off(meta);  // the PDF's too
        if (!sign_off.closing.empty()) {
            auto* p = add_element(text, "p");
            p->SetAttribute("class", "closing");
            w.write_text(p, sign_off.closing);
            add_newline(text);
        }
        if (!sign_off.signer.empty()) {
            auto* p = add_element(text, "p");
            p->SetAttribute("class", "signature");
            w.write_text(add_element(p, "strong"), sign_off.signer);
            if (!sign_off.role.empty()) {
                add_element(p, "br");
                w.write_text(p, sign_off.role);
            }
            add_newline(text);
        }
        if (!meta.cc.empty()) {
            auto* p = add_element(text, "p");
            p->SetAttribute("class", "cc");
            w.write_text(p, "cc: " + join_names(meta.cc));
            add_newline(text);
        }
        add_newline(article);
    }

    if (!post.doc.references.empty()) w.write_references(article, post.doc.references, "h2");

    if (w.has_notes()) {
        auto* section = add_element(article, "section");
        section->SetAttribute("class", "notes");
        section->SetAttribute("aria-label", "Notes");
        add_newline(section);
        w.write_notes(section);
        add_newline(article);
    }

    out.xhtml = page.str();
    out.headings = w.headings();
    out.images = w.image_count();
    out.images_without_alt = w.images_without_alt();
    return out;
}

std::string write_references_page(const Pack& pack, const PostLinks& links, ImageStore& images, Diagnostics& diags) {
    // The entries are written like a post's text (Hangul, links, raw HTML
    // checks), so a stand-in post carries the language.
    Post holder;
    holder.meta.lang = pack.site.language.empty() ? "en-GB" : pack.site.language;
    holder.meta.title = "References";
    XhtmlPage page("References", holder.meta.lang, {"../css/folio.css"});
    page.body()->SetAttribute("epub:type", "backmatter");
    ContentWriter w(holder, links, images, diags);
    w.write_references(page.body(), pack.references, "h1");
    return page.str();
}

}  // namespace folio::epub
