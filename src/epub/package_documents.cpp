#include "epub/package_documents.hpp"

#include <algorithm>
#include <functional>
#include <string>

#include <tinyxml2.h>

#include "epub/xhtml_page.hpp"

namespace folio::epub {

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;

namespace {

std::string print(const XMLDocument& doc) {
    tinyxml2::XMLPrinter printer;  // indented: these files hold no mixed content
    doc.Print(&printer);
    return printer.CStr();
}

XMLElement* start(XMLDocument& doc, const char* root) {
    doc.InsertEndChild(doc.NewDeclaration());
    auto* e = doc.NewElement(root);
    doc.InsertEndChild(e);
    return e;
}

XMLElement* meta_property(XMLElement* metadata, const char* property, const std::string& value) {
    auto* m = add_text_element(metadata, "meta", value);
    m->SetAttribute("property", property);
    return m;
}

}  // namespace

std::string container_xml(const std::string& opf_path) {
    XMLDocument doc;
    auto* c = start(doc, "container");
    c->SetAttribute("version", "1.0");
    c->SetAttribute("xmlns", "urn:oasis:names:tc:opendocument:xmlns:container");
    auto* rf = add_element(add_element(c, "rootfiles"), "rootfile");
    rf->SetAttribute("full-path", opf_path.c_str());
    rf->SetAttribute("media-type", "application/oebps-package+xml");
    return print(doc);
}

std::string package_opf(const BookMeta& meta, const std::vector<ManifestItem>& manifest,
                        const std::vector<SpineItem>& spine) {
    XMLDocument doc;
    auto* package = start(doc, "package");
    package->SetAttribute("xmlns", "http://www.idpf.org/2007/opf");
    package->SetAttribute("version", "3.0");
    package->SetAttribute("unique-identifier", "pub-id");
    package->SetAttribute("xml:lang", meta.language.c_str());

    auto* md = add_element(package, "metadata");
    md->SetAttribute("xmlns:dc", "http://purl.org/dc/elements/1.1/");
    add_text_element(md, "dc:identifier", meta.identifier)->SetAttribute("id", "pub-id");
    auto* title = add_text_element(md, "dc:title", meta.title);
    title->SetAttribute("id", "title");
    meta_property(md, "title-type", "main")->SetAttribute("refines", "#title");
    if (!meta.subtitle.empty()) {
        auto* sub = add_text_element(md, "dc:title", meta.subtitle);
        sub->SetAttribute("id", "subtitle");
        meta_property(md, "title-type", "subtitle")->SetAttribute("refines", "#subtitle");
    }
    add_text_element(md, "dc:language", meta.language);
    for (std::size_t i = 0; i < meta.creators.size(); ++i) {
        std::string id = "creator-" + std::to_string(i + 1);
        add_text_element(md, "dc:creator", meta.creators[i])->SetAttribute("id", id.c_str());
    }
    if (!meta.publisher.empty()) add_text_element(md, "dc:publisher", meta.publisher);
    if (!meta.rights.empty()) add_text_element(md, "dc:rights", meta.rights);
    if (!meta.description.empty()) add_text_element(md, "dc:description", meta.description);
    if (!meta.date.empty()) add_text_element(md, "dc:date", meta.date);
    if (!meta.page_source.empty()) {
        add_text_element(md, "dc:source", meta.page_source)->SetAttribute("id", "print-source");
        meta_property(md, "source-of", "pagination")->SetAttribute("refines", "#print-source");
    }
    meta_property(md, "dcterms:modified", meta.modified);

    // Accessibility metadata (schema.org, EPUB Accessibility 1.1): only
    // what is true of this file.
    meta_property(md, "schema:accessMode", "textual");
    if (meta.has_images) meta_property(md, "schema:accessMode", "visual");
    if (!meta.has_images || meta.all_images_have_alt) meta_property(md, "schema:accessModeSufficient", "textual");
    if (meta.has_images) meta_property(md, "schema:accessModeSufficient", "textual,visual");
    meta_property(md, "schema:accessibilityFeature", "tableOfContents");
    meta_property(md, "schema:accessibilityFeature", "readingOrder");
    meta_property(md, "schema:accessibilityFeature", "structuralNavigation");
    if (!meta.page_source.empty()) meta_property(md, "schema:accessibilityFeature", "printPageNumbers");
    if (meta.has_images && meta.all_images_have_alt) meta_property(md, "schema:accessibilityFeature", "alternativeText");
    meta_property(md, "schema:accessibilityHazard", "none");
    std::string summary =
        "Text with a table of contents, landmarks and headings in reading order; footnotes are linked to and from "
        "their references, and passages in Korean are marked as Korean.";
    if (!meta.page_source.empty()) summary += " Page-break markers give the page numbers of the printed briefing pack.";
    if (meta.has_images)
        summary += meta.all_images_have_alt ? " Every image has a text alternative."
                                            : " Some images lack a text alternative.";
    meta_property(md, "schema:accessibilitySummary", summary);
    if (!meta.has_images || meta.all_images_have_alt)
        meta_property(md, "dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
    if (!meta.cover_image_id.empty()) {
        // For EPUB 2 reading systems (and Kindle), beside cover-image.
        auto* cover = add_element(md, "meta");
        cover->SetAttribute("name", "cover");
        cover->SetAttribute("content", meta.cover_image_id.c_str());
    }

    auto* man = add_element(package, "manifest");
    for (const auto& item : manifest) {
        auto* e = add_element(man, "item");
        e->SetAttribute("id", item.id.c_str());
        e->SetAttribute("href", item.href.c_str());
        e->SetAttribute("media-type", item.media_type.c_str());
        if (!item.properties.empty()) e->SetAttribute("properties", item.properties.c_str());
    }
    auto* sp = add_element(package, "spine");
    sp->SetAttribute("toc", "ncx");
    for (const auto& s : spine) {
        auto* e = add_element(sp, "itemref");
        e->SetAttribute("idref", s.idref.c_str());
        if (!s.linear) e->SetAttribute("linear", "no");
    }
    return print(doc);
}

std::string nav_xhtml(const BookMeta& meta, const std::vector<NavEntry>& toc, const std::vector<Landmark>& landmarks,
                      const std::vector<PageTarget>& pages, const std::string& stylesheet) {
    XhtmlPage page("Contents", meta.language, {stylesheet});
    auto* body = page.body();
    body->SetAttribute("epub:type", "frontmatter");

    auto* nav = add_element(body, "nav");
    nav->SetAttribute("epub:type", "toc");
    nav->SetAttribute("role", "doc-toc");
    nav->SetAttribute("id", "toc");
    nav->SetAttribute("aria-labelledby", "toc-title");
    add_newline(nav);
    add_text_element(nav, "h1", "Contents")->SetAttribute("id", "toc-title");
    add_newline(nav);
    std::function<void(XMLElement*, const std::vector<NavEntry>&)> list = [&](XMLElement* parent,
                                                                             const std::vector<NavEntry>& entries) {
        auto* ol = add_element(parent, "ol");
        add_newline(ol);
        for (const auto& entry : entries) {
            auto* li = add_element(ol, "li");
            add_text_element(li, "a", entry.label)->SetAttribute("href", entry.href.c_str());
            if (!entry.children.empty()) list(li, entry.children);
            add_newline(ol);
        }
    };
    list(nav, toc);
    add_newline(nav);
    add_newline(body);

    auto hidden_nav = [&](const char* type, const char* heading, const char* label) {
        auto* n = add_element(body, "nav");
        n->SetAttribute("epub:type", type);
        n->SetAttribute("aria-label", label);
        n->SetAttribute("hidden", "hidden");
        add_newline(n);
        add_text_element(n, "h2", heading);
        add_newline(n);
        auto* ol = add_element(n, "ol");
        add_newline(ol);
        add_newline(body);
        return ol;
    };
    auto* lm = hidden_nav("landmarks", "Landmarks", "Landmarks");
    for (const auto& l : landmarks) {
        auto* a = add_text_element(add_element(lm, "li"), "a", l.label);
        a->SetAttribute("epub:type", l.type.c_str());
        a->SetAttribute("href", l.href.c_str());
        add_newline(lm);
    }
    if (!pages.empty()) {
        auto* pl = hidden_nav("page-list", "Pages of the printed briefing pack", "Page list");
        pl->Parent()->ToElement()->SetAttribute("role", "doc-pagelist");
        for (const auto& p : pages) {
            add_text_element(add_element(pl, "li"), "a", p.label)->SetAttribute("href", p.href.c_str());
            add_newline(pl);
        }
    }
    return page.str();
}

std::string toc_ncx(const BookMeta& meta, const std::vector<NavEntry>& toc, const std::vector<PageTarget>& pages) {
    XMLDocument doc;
    auto* ncx = start(doc, "ncx");
    ncx->SetAttribute("xmlns", "http://www.daisy.org/z3986/2005/ncx/");
    ncx->SetAttribute("version", "2005-1");
    ncx->SetAttribute("xml:lang", meta.language.c_str());
    int depth = 0;
    std::function<void(const std::vector<NavEntry>&, int)> measure = [&](const std::vector<NavEntry>& es, int d) {
        for (const auto& e : es) {
            depth = std::max(depth, d);
            measure(e.children, d + 1);
        }
    };
    measure(toc, 1);
    auto* head = add_element(ncx, "head");
    auto head_meta = [&](const char* name, const std::string& content) {
        auto* m = add_element(head, "meta");
        m->SetAttribute("name", name);
        m->SetAttribute("content", content.c_str());
    };
    head_meta("dtb:uid", meta.identifier);
    head_meta("dtb:depth", std::to_string(depth));
    // Page counts as the NCX defines them: arabic page numbers only.
    int max_page = 0;
    int numbered = 0;
    for (const auto& p : pages) {
        bool digits = !p.label.empty() && p.label.find_first_not_of("0123456789") == std::string::npos &&
                      p.label.size() < 9;
        if (!digits) continue;
        ++numbered;
        max_page = std::max(max_page, std::stoi(p.label));
    }
    head_meta("dtb:totalPageCount", std::to_string(numbered));
    head_meta("dtb:maxPageNumber", std::to_string(max_page));
    add_text_element(add_element(ncx, "docTitle"), "text", meta.title);
    auto* map = add_element(ncx, "navMap");
    int order = 0;
    std::function<void(XMLElement*, const std::vector<NavEntry>&)> points = [&](XMLElement* parent,
                                                                               const std::vector<NavEntry>& es) {
        for (const auto& e : es) {
            ++order;
            auto* np = add_element(parent, "navPoint");
            np->SetAttribute("id", ("nav-" + std::to_string(order)).c_str());
            np->SetAttribute("playOrder", order);
            add_text_element(add_element(np, "navLabel"), "text", e.label);
            add_element(np, "content")->SetAttribute("src", e.href.c_str());
            points(np, e.children);
        }
    };
    points(map, toc);
    if (!pages.empty()) {
        auto* list = add_element(ncx, "pageList");
        add_text_element(add_element(list, "navLabel"), "text", "Pages of the printed briefing pack");
        for (std::size_t i = 0; i < pages.size(); ++i) {
            const auto& p = pages[i];
            ++order;
            auto* target = add_element(list, "pageTarget");
            target->SetAttribute("id", ("page-target-" + std::to_string(i + 1)).c_str());
            bool digits = p.label.find_first_not_of("0123456789") == std::string::npos && p.label.size() < 9;
            target->SetAttribute("type", digits ? "normal" : "front");
            if (digits) target->SetAttribute("value", p.label.c_str());
            target->SetAttribute("playOrder", order);
            add_text_element(add_element(target, "navLabel"), "text", p.label);
            add_element(target, "content")->SetAttribute("src", p.href.c_str());
        }
    }
    return print(doc);
}

}  // namespace folio::epub
