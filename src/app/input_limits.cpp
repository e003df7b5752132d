#include "app/input_limits.hpp"

#include <system_error>

#include "app/byte_size.hpp"
#include "passes/walk.hpp"

namespace folio {

namespace fs = std::filesystem;

bool file_within_limit(const fs::path& file, std::uint64_t limit, const std::string& key, const std::string& what,
                       Diagnostics& diags) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    if (ec || size <= limit) return true;  // an unreadable file is reported by whoever reads it
    diags.error(file.string(), {},
                what + " is " + format_byte_size(size) + ", more than the limit of " + format_byte_size(limit) + " (" +
                    key + ")",
                raise_limit_hint(key));
    return false;
}

void check_image_files(Post& post, const Limits& limits, Diagnostics& diags, ImageFiles* images) {
    ImageFiles own;
    ImageFiles& files = images ? *images : own;
    walk_inlines(post.doc, [&](Inline& in) {
        const auto* image = std::get_if<Image>(&in.value);
        if (!image || image->path.empty()) return;
        const ImageCheck& c = files.get(image->path).check;
        const std::string name = "image '" + image->url + "'";
        if (c.problem != ImageProblem::none) {
            diags.error(post.path, in.pos, name + " cannot be used: " + c.detail,
                        "replace it with a complete PNG or JPEG file");
            return;
        }
        const auto w = static_cast<std::uint64_t>(c.info.width), h = static_cast<std::uint64_t>(c.info.height);
        const std::string size = std::to_string(w) + " x " + std::to_string(h) + " pixels";
        if (w > limits.image_side || h > limits.image_side) {
            diags.error(post.path, in.pos,
                        name + " is " + size + ", more than the limit of " + std::to_string(limits.image_side) +
                            " a side (image_side)",
                        "scale it down: 150 pixels an inch is plenty for print; or " + raise_limit_hint("image_side"));
        } else if (w * h > limits.image_pixels) {
            diags.error(post.path, in.pos,
                        name + " is " + size + ", more than the limit of " + std::to_string(limits.image_pixels) +
                            " pixels in all (image_pixels)",
                        "scale it down: 150 pixels an inch is plenty for print; or " + raise_limit_hint("image_pixels"));
        }
    });
}

}  // namespace folio
