#include <system_error>

#include "passes/passes.hpp"
#include "passes/walk.hpp"

namespace folio {

namespace fs = std::filesystem;

namespace {

bool has_scheme(const std::string& url) {
    const auto colon = url.find(':');
    if (colon == std::string::npos || colon < 2) return false;  // "C:" is not a scheme we accept either
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = url[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
              c == '-' || c == '.'))
            return false;
    }
    return true;
}

// True when `inner` is `outer` or lies below it (both lexically normal).
bool is_within(const fs::path& inner, const fs::path& outer) {
    auto o = outer.begin();
    auto i = inner.begin();
    for (; o != outer.end(); ++o, ++i) {
        if (o->empty()) continue;  // trailing separator
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

}  // namespace

void check_images(Post& post, const fs::path& input_dir, Diagnostics& diags) {
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(fs::absolute(input_dir, ec), ec);
    walk_inlines(post.doc, [&](Inline& in) {
        auto* image = std::get_if<Image>(&in.value);
        if (!image) return;
        const std::string& url = image->url;
        if (url.empty()) {
            diags.error(post.path, in.pos, "image with an empty path", "write ![description](images/name.png)");
            return;
        }
        if (has_scheme(url)) {
            diags.error(post.path, in.pos, "image '" + url + "' is not a local file",
                        "download it into input/images/ and refer to it as images/NAME; builds never fetch "
                        "from the network");
            return;
        }
        const fs::path written(url);
        if (written.is_absolute()) {
            diags.error(post.path, in.pos, "image path '" + url + "' is absolute and leaves the input folder",
                        "give the path relative to input/, for example images/NAME");
            return;
        }
        const fs::path lexical = (root / written).lexically_normal();
        if (!is_within(lexical, root)) {
            diags.error(post.path, in.pos, "image path '" + url + "' leaves the input folder",
                        "keep images inside input/, for example in input/images/");
            return;
        }
        if (!fs::exists(lexical, ec)) {
            diags.error(post.path, in.pos, "image '" + url + "' not found",
                        "expected the file at " + (input_dir / written).lexically_normal().string());
            return;
        }
        // A symlink inside input/ must not lead out of it.
        const fs::path real = fs::canonical(lexical, ec);
        if (ec || !is_within(real, root)) {
            diags.error(post.path, in.pos, "image '" + url + "' is a link that leads out of the input folder",
                        "copy the file into input/images/ instead of linking to it");
            return;
        }
        if (!fs::is_regular_file(real, ec)) {
            diags.error(post.path, in.pos, "image '" + url + "' is not a regular file");
            return;
        }
        image->path = real.string();
    });
}

}  // namespace folio
