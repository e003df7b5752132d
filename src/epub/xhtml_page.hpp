#pragma once
// One XHTML content document as a tinyxml2 tree: the skeleton every page of
// the book shares (doctype, html with lang and xml:lang and the epub
// namespace, head with title and stylesheets, body), element helpers, and
// serialisation.
#include <string>
#include <string_view>
#include <vector>

#include <tinyxml2.h>

namespace folio::epub {

class XhtmlPage {
public:
    // `stylesheets` are hrefs relative to the page.
    XhtmlPage(std::string_view title, std::string_view lang, const std::vector<std::string>& stylesheets);
    XhtmlPage(const XhtmlPage&) = delete;
    XhtmlPage& operator=(const XhtmlPage&) = delete;

    tinyxml2::XMLDocument& doc() { return m_doc; }
    tinyxml2::XMLElement* html() { return m_html; }
    tinyxml2::XMLElement* body() { return m_body; }

    // The document as UTF-8 XML. Markup is compact; a newline follows each
    // block element (added as text nodes by the writers) for readability.
    std::string str() const;

private:
    tinyxml2::XMLDocument m_doc;
    tinyxml2::XMLElement* m_html = nullptr;
    tinyxml2::XMLElement* m_body = nullptr;
};

// A new child element, appended.
tinyxml2::XMLElement* add_element(tinyxml2::XMLElement* parent, const char* name);
// A new child element holding `text`, appended.
tinyxml2::XMLElement* add_text_element(tinyxml2::XMLElement* parent, const char* name, std::string_view text);
void add_text(tinyxml2::XMLElement* parent, std::string_view text);
// A newline text node after a block, so the files read well in a diff.
void add_newline(tinyxml2::XMLElement* parent);
// Sets lang and xml:lang together: EPUB readers look at either.
void set_lang(tinyxml2::XMLElement* element, std::string_view lang);

// A valid XML id from arbitrary text: characters outside [A-Za-z0-9_.-]
// become '-', and an id not starting with a letter or '_' gets "id-".
std::string xml_id(std::string_view text);

// "6 February 2017"
std::string human_date(int year, int month, int day);

}  // namespace folio::epub
