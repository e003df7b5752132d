#pragma once
// Each pack's typographic style: the `style` a pack names in folio.toml,
// read from its TOML file (layout/style_file.hpp) once per file.
#include <filesystem>
#include <string>
#include <vector>

#include "app/project.hpp"
#include "layout/style.hpp"
#include "model/diagnostic.hpp"
#include "model/pack.hpp"
#include "model/result.hpp"

namespace folio {

// Where a style's file is: a name ending in ".toml" is a path relative to
// the input folder (or absolute); any other name is NAME.toml in folio's
// styles/. The error names what was looked for, with a did-you-mean among
// the styles folio ships.
Result<std::filesystem::path> find_style_file(const std::string& name, const std::filesystem::path& input_dir);

struct PackStyles {
    std::vector<Style> per_pack;     // parallel to the packs
    std::vector<std::filesystem::path> paths;  // parallel to the packs: the style file (empty: not found)
    std::vector<InputFile> files;    // each style file read, once, in first-use order (build.json inputs)
    std::vector<InputFile> citation_files;  // each CSL style and locale file loaded, likewise (build.json inputs)
};

// Reads every pack's style. A style that cannot be found is an error at the
// pack's [[pack]] header in folio.toml (`project.config_path`); a bad style
// file is an error at its own line. A pack whose style failed gets the house
// style, so the caller can go on collecting errors, but must not write.
// The page size a pack sets (page_size = "Letter") wins over the style's:
// that is applied by the writers (write_pdf, render_cover_png).
PackStyles load_pack_styles(const std::vector<Pack>& packs, const Project& project, Diagnostics& diags);

}  // namespace folio
