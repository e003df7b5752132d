#pragma once
// What the archive edition of a pack carries inside it: the files the pack
// was made from, byte for byte, so the PDF can be rebuilt or checked decades
// later without anything else.
#include <filesystem>
#include <string>
#include <vector>

#include "app/source_files.hpp"
#include "model/pack.hpp"
#include "model/result.hpp"
#include "render/render_archive.hpp"

namespace folio {

// The pack's sources as attachments, named by file name: every post's
// Markdown (in the pack's order), then references.json and folio.toml when
// the build read them, the citation style (.csl) the pack uses and the
// typographic style file (`style_file`, empty: none). The bytes are
// the ones the build read (`sources`), not the files as they are on disk by
// the time the PDF is written; a file the build did not read is read once.
// A file that cannot be read is an Error.
Result<std::vector<Attachment>> archive_sources(const Pack& pack, const std::filesystem::path& input_dir,
                                                SourceFiles& sources, const std::filesystem::path& style_file = {});

// "briefing-pack.pdf" -> "briefing-pack-archive.pdf": the archive edition
// sits beside the pack's PDF (unless folio.toml names it: pdf_archive_file).
std::string archive_file_name(const Pack& pack);

}  // namespace folio
