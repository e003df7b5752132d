#include "epub/xhtml_page.hpp"

#include <array>
#include <cctype>

namespace folio::epub {

XhtmlPage::XhtmlPage(std::string_view title, std::string_view lang, const std::vector<std::string>& stylesheets) {
    m_doc.InsertEndChild(m_doc.NewDeclaration());
    m_doc.InsertEndChild(m_doc.NewUnknown("DOCTYPE html"));
    m_html = m_doc.NewElement("html");
    m_doc.InsertEndChild(m_html);
    m_html->SetAttribute("xmlns", "http://www.w3.org/1999/xhtml");
    m_html->SetAttribute("xmlns:epub", "http://www.idpf.org/2007/ops");
    set_lang(m_html, lang);
    add_newline(m_html);
    auto* head = add_element(m_html, "head");
    add_newline(head);
    auto* meta = add_element(head, "meta");
    meta->SetAttribute("charset", "utf-8");
    add_newline(head);
    add_text_element(head, "title", title);
    add_newline(head);
    for (const auto& href : stylesheets) {
        auto* link = add_element(head, "link");
        link->SetAttribute("rel", "stylesheet");
        link->SetAttribute("type", "text/css");
        link->SetAttribute("href", href.c_str());
        add_newline(head);
    }
    add_newline(m_html);
    m_body = add_element(m_html, "body");
    add_newline(m_body);
    add_newline(m_html);
}

std::string XhtmlPage::str() const {
    tinyxml2::XMLPrinter printer(nullptr, /*compact=*/true);
    m_doc.Print(&printer);
    std::string out(printer.CStr());
    // The compact printer puts the declaration, doctype and root on one line.
    for (const char* marker : {"?>", "<!DOCTYPE html>"}) {
        auto at = out.find(marker);
        if (at != std::string::npos && out.compare(at + std::char_traits<char>::length(marker), 1, "\n") != 0)
            out.insert(at + std::char_traits<char>::length(marker), "\n");
    }
    if (out.empty() || out.back() != '\n') out += '\n';
    return out;
}

tinyxml2::XMLElement* add_element(tinyxml2::XMLElement* parent, const char* name) {
    return parent->InsertNewChildElement(name);
}

tinyxml2::XMLElement* add_text_element(tinyxml2::XMLElement* parent, const char* name, std::string_view text) {
    auto* e = add_element(parent, name);
    add_text(e, text);
    return e;
}

void add_text(tinyxml2::XMLElement* parent, std::string_view text) {
    if (text.empty()) return;
    parent->InsertNewText(std::string(text).c_str());
}

void add_newline(tinyxml2::XMLElement* parent) { parent->InsertNewText("\n"); }

void set_lang(tinyxml2::XMLElement* element, std::string_view lang) {
    std::string l(lang);
    element->SetAttribute("lang", l.c_str());
    element->SetAttribute("xml:lang", l.c_str());
}

std::string xml_id(std::string_view text) {
    std::string out;
    for (char c : text) {
        bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
        out += ok ? c : '-';
    }
    if (out.empty() || !(std::isalpha(static_cast<unsigned char>(out[0])) || out[0] == '_')) out = "id-" + out;
    return out;
}

std::string human_date(int year, int month, int day) {
    static constexpr std::array<const char*, 12> months{"January", "February", "March",     "April",
                                                        "May",     "June",     "July",      "August",
                                                        "September", "October", "November", "December"};
    if (month < 1 || month > 12) return std::to_string(year);
    std::string out;
    if (day > 0) out = std::to_string(day) + " ";
    return out + months[static_cast<std::size_t>(month - 1)] + " " + std::to_string(year);
}

}  // namespace folio::epub
