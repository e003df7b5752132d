#pragma once
// Where the files folio ships live (its source tree's styles/ and fonts/),
// named once: the writers that read them and the pack fingerprint that
// hashes them must agree on the very same paths.
#include <filesystem>

#include "version.hpp"

namespace folio {

inline std::filesystem::path shipped_styles_dir() { return std::filesystem::path(folio::source_dir) / "styles"; }
inline std::filesystem::path shipped_fonts_dir() { return std::filesystem::path(folio::source_dir) / "fonts"; }
// The EPUB's style sheet, copied into every book.
inline std::filesystem::path shipped_epub_style_sheet() { return shipped_styles_dir() / "epub.css"; }

}  // namespace folio
