#pragma once
// The EPUB's package-level documents, each built as a tinyxml2 tree:
// META-INF/container.xml, the OPF package document, the EPUB 3 navigation
// document and the EPUB 2 NCX.
#include <string>
#include <vector>

namespace folio::epub {

struct ManifestItem {
    std::string id;
    std::string href;  // relative to the OPF
    std::string media_type;
    std::string properties;  // "nav", "cover-image", ...; empty for none
};

struct SpineItem {
    std::string idref;
    bool linear = true;
};

struct BookMeta {
    std::string identifier;  // "urn:uuid:..."
    std::string title;
    std::string subtitle;
    std::string language;    // BCP 47
    std::vector<std::string> creators;
    std::string publisher;
    std::string rights;
    std::string description;
    std::string date;        // YYYY-MM-DD: the edition
    std::string modified;    // YYYY-MM-DDThh:mm:ssZ
    std::string page_source; // what the page-list's numbers come from; empty: no page-list
    std::string cover_image_id;  // manifest id of the cover picture; empty: none
    bool has_images = false;     // any image besides text (cover included)
    bool all_images_have_alt = true;
};

struct NavEntry {
    std::string label;
    std::string href;  // relative to the OPF folder
    std::vector<NavEntry> children;
};

struct Landmark {
    std::string type;  // epub:type: cover, toc, bodymatter, bibliography
    std::string label;
    std::string href;
};

struct PageTarget {
    std::string label;  // "7"
    std::string href;
};

std::string container_xml(const std::string& opf_path);
std::string package_opf(const BookMeta& meta, const std::vector<ManifestItem>& manifest,
                        const std::vector<SpineItem>& spine);
std::string nav_xhtml(const BookMeta& meta, const std::vector<NavEntry>& toc, const std::vector<Landmark>& landmarks,
                      const std::vector<PageTarget>& pages, const std::string& stylesheet);
// With `pages`, a pageList for EPUB 2 reading systems as well.
std::string toc_ncx(const BookMeta& meta, const std::vector<NavEntry>& toc, const std::vector<PageTarget>& pages);

}  // namespace folio::epub
