// The end of a post: footnotes as EPUB footnote asides with back-links, and
// formatted reference lists. Part of the content writer.
#include "epub/content_writer.hpp"
#include "epub/xhtml_page.hpp"

namespace folio::epub {

using tinyxml2::XMLElement;

void ContentWriter::write_notes(XMLElement* parent) {
    ++m_depth;  // headings inside notes stay out of the toc
    for (const Footnote* note : m_notes.ordered) {
        int number = m_notes.by_label.at(note->label);
        std::string n = std::to_string(number);
        auto* aside = add_element(parent, "aside");
        aside->SetAttribute("id", ("note-" + n).c_str());
        aside->SetAttribute("class", "footnote");
        aside->SetAttribute("epub:type", "footnote");
        aside->SetAttribute("role", "doc-footnote");
        add_newline(aside);
        // The number, linking back to the first reference, opens the first
        // paragraph when there is one (as the note reads in print).
        auto back_link = [&](XMLElement* where) {
            auto* a = add_element(where, "a");
            a->SetAttribute("href", ("#noteref-" + n).c_str());
            a->SetAttribute("class", "backlink");
            a->SetAttribute("role", "doc-backlink");
            a->SetAttribute("title", ("Back to the text of note " + n).c_str());
            add_text(a, n + ".");
            add_text(where, " ");
        };
        const Blocks& content = note->content;
        if (!content.empty() && std::holds_alternative<Paragraph>(content.front().value)) {
            auto* p = add_element(aside, "p");
            back_link(p);
            write_inlines(p, std::get<Paragraph>(content.front().value).content);
            add_newline(aside);
            for (std::size_t i = 1; i < content.size(); ++i) write_block(aside, content[i]);
        } else {
            back_link(add_element(aside, "p"));
            add_newline(aside);
            write_blocks(aside, content);
        }
        add_newline(parent);
    }
    --m_depth;
}

void ContentWriter::write_references(XMLElement* parent, const std::vector<FormattedReference>& references,
                                     const char* heading_element) {
    auto* section = add_element(parent, "section");
    section->SetAttribute("class", "references");
    section->SetAttribute("epub:type", "bibliography");
    section->SetAttribute("role", "doc-bibliography");
    section->SetAttribute("aria-labelledby", "references");
    add_newline(section);
    auto* h = add_text_element(section, heading_element, "References");
    h->SetAttribute("id", "references");
    add_newline(section);
    auto* list = add_element(section, "ul");
    add_newline(list);
    ++m_depth;  // not part of the toc's heading tree
    for (const auto& ref : references) {
        auto* li = add_element(list, "li");
        std::string id = "ref-" + xml_id(ref.id);
        if (!m_ids.count(id)) {
            li->SetAttribute("id", id.c_str());
            m_ids.emplace(id, 1);
        }
        write_inlines(li, ref.text);
        add_newline(list);
    }
    --m_depth;
    add_newline(section);
    add_newline(parent);
}

}  // namespace folio::epub
