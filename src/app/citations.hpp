#pragma once
// Choosing each pack's CSL style and running the citation pass over it.
#include <filesystem>
#include <string>
#include <vector>

#include "app/project.hpp"
#include "model/diagnostic.hpp"
#include "model/pack.hpp"
#include "model/result.hpp"

namespace folio {

// The style a pack uses when folio.toml names none: OSCOLA, the citation
// style of UK legal and parliamentary writing (a note style).
inline constexpr const char* default_citation_style = "folio-uk-notes";

// Where the CSL files are: a name ending in ".csl" is a path relative to the
// input folder; any other name is looked up as NAME.csl in folio's styles/
// and then in Debian's citation-style-language-styles package.
Result<std::filesystem::path> find_citation_style(const std::string& name, const std::filesystem::path& input_dir);

// Where CSL locale files are looked for, in order: folio's own en-GB and
// en-US (styles/locales/), then Debian's citation-style-language-locales
// for every other language (and any English variant folio lacks).
std::vector<std::string> csl_locales_dirs();

// Loads each pack's style (once per distinct style) and formats its
// citations, the posts of a pack on `jobs` threads (0: one per core; the
// result is the same whatever the number). A style that cannot be found is
// an error at its `citation_style` line in folio.toml (`config_path`, the
// positions from `specs`). `style_files`, when
// given, receives each CSL style and locale file loaded, once, in first-use
// order (build.json lists them among the inputs).
void apply_citations(std::vector<Pack>& packs, const std::filesystem::path& input_dir, const std::string& config_path,
                     const std::vector<PackSpec>& specs, Diagnostics& diags, unsigned jobs, std::vector<InputFile>* style_files = nullptr);

}  // namespace folio
