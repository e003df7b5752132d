// A post all the way to PDF bytes: read, passed, citations formatted, laid
// out with the cover and contents, rendered by Cairo. The file must be a
// complete PDF.
#include <fstream>
#include <iterator>

#include "fuzz_support.hpp"
#include "layout/layout_pack.hpp"
#include "render/render_pdf.hpp"

using namespace folio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto pack = fuzz::one_post_pack(fuzz::as_text(data, size));
    if (!pack) return 0;
    LayoutOptions options;
    options.create_date = "2024-01-01T00:00:00Z";
    auto layout = layout_pack(*pack, Style{}, options);
    // Layout may refuse a post (an image it cannot use) but must say why.
    if (!layout) {
        if (layout.error().empty()) fuzz::broken_promise("layout failed without a message");
        return 0;
    }
    const std::string path = (fuzz::scratch_dir() / "fuzz.pdf").string();
    if (auto written = render_pdf(*layout, path); !written) {
        std::fprintf(stderr, "%s\n", written.error().c_str());
        fuzz::broken_promise("a laid-out pack did not render");
    }
    std::ifstream in(path, std::ios::binary);
    const std::string pdf{std::istreambuf_iterator<char>(in), {}};
    if (!pdf.starts_with("%PDF-") || pdf.find("%%EOF") == std::string::npos)
        fuzz::broken_promise("the PDF is not complete");
    return 0;
}
