#pragma once
// The archive edition: the same Layout the Cairo edition renders, written by
// libharu with what Cairo 1.16 cannot write: the pack's sources as embedded
// files, real page-label ranges (/S /r, then /S /D), PDF/A-3b identification
// (XMP metadata, an sRGB output intent, and the sources as associated files:
// PDF/A-1 forbids embedded files and PDF/A-2 allows only PDF/A ones) and a
// document ID derived from the file's own content, so rebuilding gives the
// same bytes. It is tagged like the Cairo edition (archive_structure.hpp:
// the same structure elements, figures with their /Alt).
#include <string>
#include <vector>

#include "layout/items.hpp"
#include "model/result.hpp"

namespace folio {

// A file carried inside the PDF, byte for byte.
struct Attachment {
    std::string name;         // the file name a reader saves it under: "2017-02-06-actions-not-words.md"
    std::string description;  // "Markdown source of the post ..."
    std::string bytes;
};

struct ArchiveOptions {
    std::vector<Attachment> attachments;  // in the order they are listed
    // An ICC profile for the sRGB output intent (Debian: icc-profiles-free).
    std::string icc_profile = "/usr/share/color/icc/sRGB.icc";
};

// Writes `path` (the caller renames it into place). Fonts must have TrueType
// outlines. Identical layouts and options give identical bytes.
Result<void> render_archive(const Layout& layout, const std::string& path, const ArchiveOptions& options);

}  // namespace folio
