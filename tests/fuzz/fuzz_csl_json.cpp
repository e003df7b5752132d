// CSL-JSON (references.json): parsed with positions, then, when it has no
// errors, every entry formatted as a reference list by the house style.
#include <algorithm>

#include "fuzz_support.hpp"
#include "read/read_bibliography.hpp"

using namespace folio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    Diagnostics diags;
    Bibliography bib = read_bibliography("references.json", text, diags);
    const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    fuzz::check_positions(diags, lines);
    if (diags.has_errors()) return 0;
    (void)format_reference_list(fuzz::house_style(), bib);
    return 0;
}
