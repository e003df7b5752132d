#pragma once
// Shared helpers for the cite unit tests: paths to the shared CSL data and
// the project's styles, items from CSL-JSON text, and plain/HTML views of
// rendered citations.
#include <filesystem>
#include <string>
#include <vector>

#include "cite/cite_processor.hpp"
#include "cite/csl_load.hpp"
#include "fixture.hpp"
#include "html.hpp"

namespace folio::test {

inline std::string shared_csl_dir() { return std::string(FOLIO_TEST_SHARED_DIR) + "/csl"; }
inline std::string locales_dir() { return shared_csl_dir() + "/locales"; }
inline std::string house_style_path() { return std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/folio-uk-notes.csl"; }
inline bool have_shared_csl() { return std::filesystem::exists(locales_dir() + "/locales-en-US.xml"); }

inline Bibliography bibliography_from(const std::string& json) {
    Bibliography bib;
    csl_items_from_json(json, bib.items);
    return bib;
}

// A pandoc-style citation of one item.
inline Cite cite_of(const std::string& key, int note = 0, const std::string& locator = "",
                    const std::string& label = "") {
    Cite c;
    CiteItem item;
    item.key = key;
    item.locator = locator;
    item.locator_label = label;
    c.items.push_back(item);
    c.note = note;
    c.source = "[@" + key + "]";
    return c;
}

// Formats `cites` in order and returns each one's HTML, then the
// bibliography's entries' HTML after them in `bib_out`.
inline std::vector<std::string> run_cites(const CitationStyle& style, const Bibliography& bib, std::vector<Cite>& cites,
                                          std::vector<std::string>* bib_out = nullptr, Diagnostics* diags_out = nullptr) {
    std::vector<CiteRequest> reqs;
    for (Cite& c : cites) reqs.push_back({&c, "post.md"});
    Diagnostics diags;
    auto entries = format_citations(style, bib, reqs, diags);
    std::vector<std::string> out;
    for (const Cite& c : cites) out.push_back(to_csl_html(c.rendered));
    if (bib_out)
        for (const FormattedReference& e : entries) bib_out->push_back(to_csl_html(e.text));
    if (diags_out) *diags_out = diags;
    return out;
}

// The group's kinds of source: a UN report, a resolution, a treaty, a book,
// a newspaper article.
inline const char* group_sources_json() {
    return R"([
  {"id": "coi2014", "type": "report",
   "title": "Report of the commission of inquiry on human rights in the Democratic People's Republic of Korea",
   "title-short": "Commission of inquiry report",
   "author": [{"literal": "United Nations Human Rights Council"}],
   "issued": {"date-parts": [[2014, 2, 7]]}, "publisher": "United Nations", "publisher-place": "Geneva",
   "number": "A/HRC/25/63", "genre": "UN Doc", "URL": "https://undocs.org/A/HRC/25/63"},
  {"id": "hrc2022", "type": "legislation",
   "title": "Situation of human rights in the Democratic People's Republic of Korea",
   "authority": "United Nations Human Rights Council", "issued": {"date-parts": [[2022, 4, 1]]},
   "number": "A/HRC/RES/49/22", "genre": "UNHRC Res"},
  {"id": "refugee1951", "type": "treaty", "title": "Convention relating to the Status of Refugees",
   "title-short": "Refugee Convention",
   "issued": {"date-parts": [[1951, 7, 28]]}, "container-title": "United Nations Treaty Series",
   "container-title-short": "UNTS", "volume": "189", "page": "137"},
  {"id": "kirby2020", "type": "book", "title": "The Accountability Gap", "title-short": "Accountability Gap",
   "author": [{"family": "Kirby", "given": "Michael Donald"}], "edition": "2",
   "publisher": "Oxford University Press", "publisher-place": "Oxford", "issued": {"date-parts": [[2020]]}},
  {"id": "baek2016", "type": "article-newspaper", "title": "North Korea's hidden revolution",
   "author": [{"family": "Baek", "given": "Jieun"}], "container-title": "The Guardian",
   "issued": {"date-parts": [[2016, 11, 2]]}, "URL": "https://example.org/baek"}
])";
}

}  // namespace folio::test

namespace folio::test {

// A style from inline CSL with the en-US locale (or `lang`).
inline Result<CitationStyle> style_from_xml(const std::string& xml, const std::string& lang = "en-US") {
    auto style = csl::parse_style(xml, "inline.csl");
    if (!style) return Error{style.error()};
    auto locale = csl::make_locale(*style, lang, locales_dir());
    if (!locale) return Error{locale.error()};
    return CitationStyle(std::move(*style), std::move(*locale));
}

// Wraps a citation layout's body in a minimal in-text style.
inline std::string citation_style(const std::string& layout_body, const std::string& style_attrs = "",
                                  const std::string& citation_attrs = "") {
    return "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\" " + style_attrs +
           "><info><title>t</title><id>t</id><updated>2026-01-01T00:00:00+00:00</updated></info>"
           "<citation " + citation_attrs + "><layout>" + layout_body + "</layout></citation></style>";
}

// The HTML of one citation of `key` in `items_json` with `style_xml`.
inline std::string cite_html(const std::string& style_xml, const std::string& items_json, const std::string& key,
                             const std::string& locator = "", const std::string& label = "") {
    auto style = style_from_xml(style_xml);
    if (!style) return "error: " + style.error();
    Bibliography bib = bibliography_from(items_json);
    std::vector<Cite> cites{cite_of(key, 1, locator, label)};
    return run_cites(*style, bib, cites).front();
}

}  // namespace folio::test
