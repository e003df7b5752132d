// A CSL style (XML) compiled and run: with the en-GB locale the app uses
// behind it, the group's bibliography cited in notes (first, subsequent,
// ibid, with and without locators) and listed as a bibliography.
#include <memory>

#include "cite/csl_load.hpp"
#include "fuzz_support.hpp"

using namespace folio;

namespace {

// The locale files, parsed once: make_locale would read them per input.
const std::vector<csl::LocaleData>& locale_files() {
    static const std::vector<csl::LocaleData> files = [] {
        std::vector<csl::LocaleData> out;
        for (const char* lang : {"en-GB", "en-US"}) {
            auto loc = csl::load_locale(fuzz::locale_file(lang));
            if (!loc) fuzz::broken_promise("the app's CSL locale files do not load");
            out.push_back(std::move(*loc));
        }
        return out;
    }();
    return files;
}

// A handful of citations over the group's bibliography, built once.
struct Cites {
    std::vector<Cite> cites;
    std::vector<CiteRequest> requests;
};

std::unique_ptr<Cites> make_cites() {
    auto out = std::make_unique<Cites>();
    const Bibliography& bib = fuzz::group_bibliography();
    int note = 1;
    for (std::size_t i = 0; i < bib.items.size() && i < 4; ++i) {
        for (const char* locator : {"", "12", "12", ""}) {
            Cite c;
            c.note = note++;
            CiteItem item;
            item.key = bib.items[i].id;
            if (*locator) {
                item.locator_label = "page";
                item.locator = locator;
            }
            c.items.push_back(item);
            out->cites.push_back(std::move(c));
        }
    }
    for (Cite& c : out->cites) out->requests.push_back({&c, "fuzz.md"});
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto style = csl::parse_style(fuzz::as_text(data, size), "fuzz.csl");
    if (!style) return 0;
    // The chain make_locale builds for en-GB: the style's own locales for
    // en-GB, en and any language, then the files.
    std::vector<csl::LocaleData> chain;
    for (const char* want : {"en-GB", "en", ""})
        for (const csl::LocaleData& loc : style->locales)
            if (loc.lang == want) chain.push_back(loc);
    for (const csl::LocaleData& loc : locale_files()) chain.push_back(loc);
    const CitationStyle cs(std::move(*style), csl::Locale(std::move(chain), "en-GB"));

    static const std::unique_ptr<Cites> cites = make_cites();
    for (Cite& c : cites->cites) c.rendered.clear();
    Diagnostics diags;
    (void)format_citations(cs, fuzz::group_bibliography(), cites->requests, diags);
    (void)format_reference_list(cs, fuzz::group_bibliography());
    return 0;
}
