#pragma once
// The EPUB container (OCF) as a zip written with libzip: `mimetype` first
// and stored, every other entry deflated, every entry with the same fixed
// time, entries in the order added, so equal inputs give equal bytes.
#include <cstdint>
#include <string>
#include <vector>

#include "model/result.hpp"

namespace folio::epub {

struct ZipEntry {
    std::string name;  // "EPUB/package.opf"
    std::string bytes;
};

// Writes `mimetype` (application/epub+zip) and then `entries` to `path`.
// `modified` is a Unix time; entries carry it in the zip's local-time
// fields as the UTC calendar time (clamped to 1980, the zip epoch).
Result<void> write_epub_zip(const std::string& path, const std::vector<ZipEntry>& entries, std::int64_t modified);

}  // namespace folio::epub
