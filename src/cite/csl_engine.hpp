#pragma once
// The stateful part of CSL processing over a whole document: the registry of
// cited items, citation numbers, disambiguation, positions (first,
// subsequent, ibid, near-note), sorting, grouping and collapsing of cites,
// and the bibliography. cite_processor.hpp adapts it to the model's Cite.
#include <string>
#include <vector>

#include "cite/csl_locale.hpp"
#include "cite/csl_render.hpp"
#include "cite/csl_style.hpp"
#include "model/bibliography.hpp"
#include "model/document.hpp"

namespace folio::csl {

struct CiteRef {
    const CslItem* item = nullptr;
    std::string prefix, suffix;
    std::string locator, label;
    bool suppress_author = false;
    bool author_only = false;
};

struct Citation {
    std::vector<CiteRef> cites;
    int note = 0;  // 0 for an in-text citation
    // Citations of one run that belong to different documents (the posts of
    // a pack with one reference list) share the registry, citation numbers
    // and disambiguation, so they agree with that list, but positions
    // (first, ibid, subsequent, near-note) restart with each document.
    int document = 0;
    // False for an author named in the running text whose citation sits in
    // a note: it renders with the positions of the moment (just before its
    // note's citation, never "ibid") but takes none, so the note's citation
    // is still the item's first (not "ibid").
    bool counts = true;
};

class Engine {
public:
    Engine(const CslStyle& style, const Locale& locale) : m_style(style), m_locale(locale) {}

    // Renders every citation, in document order. Items are registered in
    // order of first citation, then `uncited` (for the bibliography only).
    std::vector<Inlines> cite(const std::vector<Citation>& citations,
                              const std::vector<const CslItem*>& uncited = {});
    // The bibliography of the items registered by the last cite(), sorted
    // per the style; empty when the style has none.
    std::vector<Inlines> bibliography();
    // The same entries as intermediate trees (for tests and callers that
    // need the second-field-align columns).
    const std::vector<Ir>& bibliography_ir() const { return m_bib_ir; }
    // The item id of each bibliography entry, in the same order.
    const std::vector<std::string>& bibliography_ids() const { return m_bib_ids; }

    OutputOptions output_options() const;

private:
    struct Entry {
        const CslItem* item;
        int registered = 0;  // order of first citation, 1-based
        int number = 0;      // citation-number
        DisambState dis;
    };

    void register_items(const std::vector<Citation>& citations, const std::vector<const CslItem*>& uncited);
    void number_items();
    void disambiguate();
    void disambiguate_names_globally();
    Entry* entry(const CslItem* item);
    RenderInput input(const Entry& e, Mode mode, const CiteContext* ctx) const;
    std::vector<std::string> sort_keys(const Entry& e, const Section& sec) const;
    bool sort_less(const std::vector<std::string>& a, const std::vector<std::string>& b, const Section& sec) const;
    Ir render_citation(const Citation& c, const std::vector<CiteContext>& contexts);
    void build_bibliography();

    const CslStyle& m_style;
    const Locale& m_locale;
    std::vector<Entry> m_entries;  // in bibliography order after number_items()
    std::vector<Ir> m_bib_ir;
    std::vector<std::string> m_bib_ids;  // parallel to m_bib_ir
    bool m_implicit_year_suffix = true;
};

// Strips the output of the first <names> in a tree (suppress-author) or
// keeps only it (author-only). Returns false when the tree has no names.
bool remove_names(Ir& ir);
bool keep_only_names(Ir& ir);

}  // namespace folio::csl
