// A whole post through the reader and every pass: Markdown into the model,
// notes numbered, heading ids, Hangul spans, citation and image checks, then
// its citations formatted by the house style and the model dumped (which
// visits every node).
#include "fuzz_support.hpp"
#include "model/dump.hpp"
#include "passes/format_citations.hpp"

using namespace folio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::as_text(data, size);
    Diagnostics diags;
    auto post = fuzz::read_and_pass(bytes, diags);
    if (!post) return 0;
    // Every note that is referenced gets a distinct number from 1 up.
    std::vector<bool> used(post->doc.notes.size() + 1, false);
    for (const auto& note : post->doc.notes) {
        if (note.number == 0) continue;
        if (note.number < 0 || static_cast<std::size_t>(note.number) > post->doc.notes.size() || used[note.number])
            fuzz::broken_promise("footnote numbers are not 1..n without repeats");
        used[note.number] = true;
    }
    (void)dump_post(*post);
    if (diags.has_errors()) return 0;
    Pack pack;
    pack.bibliography = fuzz::group_bibliography();
    pack.posts.push_back(std::move(*post));
    format_pack_citations(pack, fuzz::house_style(), diags);
    return 0;
}
