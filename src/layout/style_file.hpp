#pragma once
// Styles as files: styles/<name>.toml sets the typographic values of Style
// (page, margins, families, sizes, leadings, colours, text rules). A file
// sets only what it changes; everything else keeps the house default
// (Style{}), so styles/house.toml and the defaults are the same look.
#include <string>
#include <string_view>
#include <vector>

#include "layout/style.hpp"
#include "model/diagnostic.hpp"
#include "model/result.hpp"

namespace folio {

// Every family name fontconfig gives the fonts in `fonts_dir` (a font may
// carry several), sorted and without duplicates: the families a style may
// name. Fails when the folder holds no readable font.
Result<std::vector<std::string>> font_families(const std::string& fonts_dir);

// Parses a style file's text over the house defaults. Every problem is an
// error at its line and column in `path`: TOML syntax, an unknown table or
// key (with "did you mean"), a value of the wrong type, a bad value (a
// non-positive size, a leading smaller than its size, a colour that is not
// "#rrggbb", margins that leave no text block), a font family missing from
// `families`. Reading goes on after an error, so one run reports them all;
// the returned Style is only meant to be used when no error was added.
Style read_style(const std::string& path, std::string_view text, const std::vector<std::string>& families,
                 Diagnostics& diags);

// The table.key names a style file accepts, in file order (for docs and
// tests: every one of them appears in styles/house.toml).
std::vector<std::string> style_keys();

}  // namespace folio
