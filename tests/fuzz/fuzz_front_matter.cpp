// YAML front matter: finding the fences and checking the schema. Aliases,
// deep nesting and odd scalars must end as diagnostics at lines of the file.
#include "fuzz_support.hpp"
#include "read/front_matter.hpp"
#include "read/source_text.hpp"

using namespace folio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = "2024-01-01-fuzz.md";
    Diagnostics diags;
    auto src = read::prepare_source(path, fuzz::as_text(data, size), diags);
    if (!src) return 0;
    if (auto block = read::find_front_matter(path, *src, diags)) {
        PostMeta meta;
        read::read_front_matter(path, *block, meta, diags);
    }
    fuzz::check_positions(diags, src->line_count());
    return 0;
}
