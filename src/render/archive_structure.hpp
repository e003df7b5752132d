#pragma once
// The archive edition's structure tree (tagged PDF), built from the same
// TagBegin/TagEnd items the Cairo edition replays, so both editions have the
// same elements in the same order, and a screen reader gets a Figure's alt
// text (/Alt) from either. Content drawn inside an element becomes a
// marked-content sequence (BDC ... EMC with an MCID) owned by it; rules and
// rectangles are artifacts. libharu has no API for marked content or
// structure, so this writes the operators into the page's content stream and
// builds the dictionaries itself.
#include <hpdf.h>

#include <cstddef>
#include <string>
#include <vector>

#include "layout/items.hpp"
#include "model/result.hpp"

namespace folio {

class ArchiveStructure {
public:
    explicit ArchiveStructure(HPDF_Doc doc);

    // A new page: its marked content is numbered from 0.
    void begin_page(HPDF_Page page);
    // An element running on from the previous page (`continued`) is not
    // opened again, and one that `continues` is not closed: one element,
    // as in the Cairo edition.
    void begin(const TagBegin& tag);
    Result<void> end(const TagEnd& tag);

    // Brackets content drawn on the current page: real content belongs to
    // the innermost open element, decoration is an artifact.
    void begin_content();
    void begin_artifact();
    // Inside content: glyphs a text reader takes as `text` (ActualText), not
    // as what it would guess from their gaps. Closed by end_marked.
    void begin_actual_text(const std::string& text);
    void end_marked();

    // The StructTreeRoot (with its parent tree), each page's /StructParents
    // and the catalog's /MarkInfo. Fails if an element was left open.
    Result<void> finish();

private:
    struct Kid {
        int element = -1;     // a child element, or
        std::size_t page = 0; // marked content on a page
        int mcid = -1;
    };
    struct Element {
        std::string type;
        std::string alt;
        int parent = -1;
        std::vector<Kid> kids;
    };

    void write(const std::string& operators);

    HPDF_Doc m_doc;
    std::vector<HPDF_Page> m_pages;
    std::vector<std::vector<int>> m_owners;  // per page, MCID -> element
    std::vector<Element> m_elements;         // [0]: the Document element
    std::vector<int> m_open;                 // the open elements, innermost last
};

}  // namespace folio
