#include "render/archive_structure.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "render/archive_metadata.hpp"
#include "render/figure_alt.hpp"

namespace folio {

ArchiveStructure::ArchiveStructure(HPDF_Doc doc) : m_doc(doc) {
    // The whole pack is one Document element, as in the Cairo edition.
    m_elements.push_back({"Document", "", -1, {}});
    m_open.push_back(0);
}

void ArchiveStructure::begin_page(HPDF_Page page) {
    m_pages.push_back(page);
    m_owners.emplace_back();
}

void ArchiveStructure::begin(const TagBegin& tag) {
    if (tag.continued) return;
    const int id = static_cast<int>(m_elements.size());
    m_elements.push_back({tag.tag, tag.alt, m_open.back(), {}});
    m_elements[static_cast<std::size_t>(m_open.back())].kids.push_back({id, 0, -1});
    m_open.push_back(id);
}

Result<void> ArchiveStructure::end(const TagEnd& tag) {
    if (tag.continues) return {};
    if (m_open.size() < 2 || m_elements[static_cast<std::size_t>(m_open.back())].type != tag.tag)
        return Error{"structure tag " + tag.tag + " closed but not open"};
    m_open.pop_back();
    return {};
}

void ArchiveStructure::write(const std::string& operators) {
    auto attr = static_cast<HPDF_PageAttr>(m_pages.back()->attr);
    HPDF_Stream_WriteStr(attr->stream, operators.c_str());
}

void ArchiveStructure::begin_content() {
    const int owner = m_open.back();
    Element& e = m_elements[static_cast<std::size_t>(owner)];
    std::vector<int>& owners = m_owners.back();
    const int mcid = static_cast<int>(owners.size());
    owners.push_back(owner);
    e.kids.push_back({-1, m_pages.size() - 1, mcid});
    write("/" + e.type + " <</MCID " + std::to_string(mcid) + ">> BDC\n");
}

void ArchiveStructure::begin_artifact() { write("/Artifact BMC\n"); }

void ArchiveStructure::begin_actual_text(const std::string& text) {
    write("/Span <</ActualText " + pdf_text_string(text) + ">> BDC\n");
}

void ArchiveStructure::end_marked() { write("EMC\n"); }

Result<void> ArchiveStructure::finish() {
    if (m_open.size() != 1) return Error{"structure tag " + m_elements[static_cast<std::size_t>(m_open.back())].type + " never closed"};
    HPDF_MMgr mmgr = m_doc->mmgr;
    HPDF_Xref xref = m_doc->xref;
    HPDF_Dict root = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(xref, root);
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    // Every element is an indirect object, made first so that parents and
    // children can refer to each other.
    std::vector<HPDF_Dict> dicts;
    for (std::size_t i = 0; i < m_elements.size(); ++i) {
        HPDF_Dict d = HPDF_Dict_New(mmgr);
        HPDF_Xref_Add(xref, d);
        dicts.push_back(d);
    }
    for (std::size_t i = 0; i < m_elements.size(); ++i) {
        const Element& e = m_elements[i];
        HPDF_Dict d = dicts[i];
        HPDF_Dict_AddName(d, "Type", "StructElem");
        HPDF_Dict_AddName(d, "S", e.type.c_str());
        HPDF_Dict_Add(d, "P", e.parent < 0 ? root : dicts[static_cast<std::size_t>(e.parent)]);
        if (!e.alt.empty()) {
            const std::string bytes = pdf_text_bytes(e.alt);
            HPDF_Dict_Add(d, "Alt",
                          is_plain_ascii(e.alt)
                              ? static_cast<void*>(HPDF_String_New(mmgr, e.alt.c_str(), nullptr))
                              : static_cast<void*>(HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(bytes.data())),
                                                                   static_cast<HPDF_UINT>(bytes.size()))));
        }
        HPDF_Array kids = HPDF_Array_New(mmgr);
        for (const Kid& k : e.kids) {
            if (k.element >= 0) {
                HPDF_Array_Add(kids, dicts[static_cast<std::size_t>(k.element)]);
                continue;
            }
            // Marked content on any page: a marked-content reference says which.
            HPDF_Dict mcr = HPDF_Dict_New(mmgr);
            HPDF_Dict_AddName(mcr, "Type", "MCR");
            HPDF_Dict_Add(mcr, "Pg", m_pages[k.page]);
            HPDF_Dict_AddNumber(mcr, "MCID", k.mcid);
            HPDF_Array_Add(kids, mcr);
        }
        HPDF_Dict_Add(d, "K", kids);
    }
    HPDF_Dict_Add(root, "K", dicts[0]);
    // The parent tree: for each page (its /StructParents key), the element
    // that owns each of its MCIDs, so a reader can go from content to
    // structure.
    HPDF_Array nums = HPDF_Array_New(mmgr);
    for (std::size_t p = 0; p < m_pages.size(); ++p) {
        HPDF_Dict_AddNumber(m_pages[p], "StructParents", static_cast<HPDF_INT32>(p));
        HPDF_Array owners = HPDF_Array_New(mmgr);
        for (int owner : m_owners[p]) HPDF_Array_Add(owners, dicts[static_cast<std::size_t>(owner)]);
        HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
        HPDF_Array_Add(nums, owners);
    }
    HPDF_Dict parent_tree = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(xref, parent_tree);
    HPDF_Dict_Add(parent_tree, "Nums", nums);
    HPDF_Dict_Add(root, "ParentTree", parent_tree);
    HPDF_Dict_AddNumber(root, "ParentTreeNextKey", static_cast<HPDF_INT32>(m_pages.size()));
    HPDF_Dict_Add(m_doc->catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(m_doc->catalog, "MarkInfo", mark_info);
    return {};
}

}  // namespace folio
