// Pandoc's citation syntax in a run of text, and locators on their own.
#include "fuzz_support.hpp"
#include "read/citation_syntax.hpp"

using namespace folio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view run = fuzz::as_text(data, size);
    std::size_t last_end = 0;
    for (const read::CitationMatch& m : read::find_citations(run)) {
        // Matches are left to right, inside the run, and do not overlap.
        if (m.begin < last_end || m.begin >= m.end || m.end > run.size())
            fuzz::broken_promise("a citation match outside the run or overlapping another");
        if (m.key_offsets.size() != m.cite.items.size()) fuzz::broken_promise("one key offset per cited item");
        for (std::size_t at : m.key_offsets)
            if (at < m.begin || at >= m.end || run[at] != '@') fuzz::broken_promise("a key offset not at an '@'");
        last_end = m.end;
    }
    (void)read::parse_locator(run);
    (void)read::locator_term(run);
    return 0;
}
