// A post all the way to EPUB bytes: read, passed, citations formatted, then
// XHTML, the package documents, the fonts subset to the characters used, and
// the zip. The file must be a zip that starts with the stored mimetype.
#include <fstream>
#include <iterator>

#include "epub/write_epub.hpp"
#include "fuzz_support.hpp"

using namespace folio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto pack = fuzz::one_post_pack(fuzz::as_text(data, size));
    if (!pack) return 0;
    EpubOptions options;
    options.modified = 1704067200;  // 2024-01-01
    options.fonts_dir = FOLIO_FUZZ_SOURCE_DIR "/fonts";
    options.style_sheet = FOLIO_FUZZ_SOURCE_DIR "/styles/epub.css";
    const std::string path = (fuzz::scratch_dir() / "fuzz.epub").string();
    Diagnostics diags;
    if (auto written = write_epub(*pack, options, path, diags); !written) {
        std::fprintf(stderr, "%s\n", written.error().c_str());
        fuzz::broken_promise("a post without errors did not make an EPUB");
    }
    std::ifstream in(path, std::ios::binary);
    const std::string epub{std::istreambuf_iterator<char>(in), {}};
    if (!epub.starts_with("PK\x03\x04") || epub.substr(30, 28) != "mimetypeapplication/epub+zip")
        fuzz::broken_promise("the EPUB does not start with its stored mimetype");
    return 0;
}
