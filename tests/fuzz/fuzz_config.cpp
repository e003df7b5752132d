// folio.toml: parsed and checked, then, without errors, its packs chosen from
// the group's own posts as `folio build` would choose them.
#include <algorithm>

#include "app/config.hpp"
#include "app/packs.hpp"
#include "app/project.hpp"
#include "fuzz_support.hpp"

using namespace folio;

namespace {

// input/ of the source tree without its folio.toml: read once.
const Project& group_posts() {
    static const Project project = [] {
        Diagnostics diags;
        auto loaded = load_project(std::filesystem::path(FOLIO_FUZZ_SOURCE_DIR) / "input", diags);
        if (!loaded || diags.has_errors()) fuzz::broken_promise("the group's input/ does not load");
        Project p = std::move(*loaded);
        p.pack_specs.clear();
        return p;
    }();
    return project;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    Diagnostics diags;
    Config config = read_config("folio.toml", text, diags);
    const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    fuzz::check_positions(diags, lines);
    if (diags.has_errors()) return 0;
    Project project = group_posts();
    project.site = std::move(config.site);
    project.pack_specs = std::move(config.packs);
    project.config_path = "folio.toml";
    (void)assemble_packs(project, diags);
    return 0;
}
