#pragma once
// folio.toml: who publishes ([site]) and what to publish ([[pack]] tables).
//
//   [[pack]]
//   id = "refugees"                  # output names: out/refugees.pdf, out/refugees.epub
//   title = "Refugees and forced repatriation"
//   subtitle = "Briefing pack"
//   edition = 2023-10-21             # default: the newest post's date
//   tags = ["refugees"]              # selection: every criterion given must hold,
//   kinds = ["letter", "opinion"]    #   a list matches when any of its values does
//   from = 2016-01-01                # date range, inclusive
//   to = 2023-12-31
//   files = ["2023-10-21-letter.md"] # explicit posts (and the order for "as-listed")
//   order = "newest-first"           # or "oldest-first", "as-listed"
//   page_size = "A4"                 # or "Letter"
//   style = "house"                  # styles/<name>.toml
//   citation_style = "oscola"        # a CSL style
//   references = "post"              # or "pack": one reference list at the end
//   start_on_right = false           # posts on right-hand pages for duplex printing
//   outputs = ["pdf", "epub"]        # and "pdf-archive"
//   pdf_file = "briefing-pack.pdf"   # instead of <id>.pdf (epub_file likewise)
//   pdf_archive_file = "pack-a.pdf"  # instead of <pdf_file's stem>-archive.pdf
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/limits.hpp"
#include "model/pack.hpp"
#include "model/post.hpp"
#include "model/site.hpp"

namespace folio {

struct PostSelection {
    std::vector<std::string> tags;
    std::vector<Kind> kinds;
    std::optional<Date> from;
    std::optional<Date> to;
    std::vector<std::string> files;  // file names inside the input folder
    std::vector<SourcePos> file_pos; // where each file name was written
};

enum class PackOrder { newest_first, oldest_first, as_listed };

struct PackSpec {
    Pack pack;               // settings only; posts are chosen by `select`
    bool has_edition = false;
    PostSelection select;
    PackOrder order = PackOrder::newest_first;
    SourcePos pos;           // the [[pack]] header
    SourcePos style_pos;     // where `style` and `citation_style` were written, for
    SourcePos citation_style_pos;  // "not found" at their line (unknown: the header)
};

struct Config {
    SiteMeta site;
    std::vector<PackSpec> packs;  // empty: the default pack
    Limits limits;                // [limits] (model/limits.hpp)
};

// Parses folio.toml text. Syntax errors and wrong types or values are errors
// at their line; unknown keys are warnings with a did-you-mean hint.
Config read_config(const std::string& path, std::string_view text, Diagnostics& diags);

}  // namespace folio
