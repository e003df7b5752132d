#include "epub/book_resources.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "epub/html_sanitize.hpp"
#include "epub/url_scheme.hpp"
#include "epub/xhtml_page.hpp"
#include "model/link_target.hpp"

namespace folio::epub {

namespace {

std::string lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

std::string image_media_type(const std::string& name) {
    auto dot = name.find_last_of('.');
    if (dot == std::string::npos) return {};
    std::string ext = lower_ascii(name.substr(dot + 1));
    if (ext == "png") return "image/png";
    if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
    if (ext == "gif") return "image/gif";
    // WebP became a core type only in EPUB 3.3; EPUB 3.2 readers (and
    // epubcheck 4) need a fallback for it, so it is not embedded.
    if (ext == "svg") return "image/svg+xml";
    return {};
}

std::optional<std::string> ImageStore::add(const std::string& post_path, const Image& image, SourcePos pos,
                                           Diagnostics& diags) {
    namespace fs = std::filesystem;
    const std::string& url = image.url;
    if (is_unsafe_url(url)) {
        diags.warning(post_path, pos, "image with a javascript: or data: URL removed from the EPUB");
        return std::nullopt;
    }
    if (has_scheme(url)) {
        diags.warning(post_path, pos, "remote image '" + url + "' is not embedded in the EPUB; its alt text is shown",
                      "copy the image into input/images/ and refer to it by a relative path");
        return std::nullopt;
    }
    fs::path source;
    if (!image.path.empty()) {
        source = image.path;  // checked by the check_images pass
    } else {
        std::string path_part = url.substr(0, url.find_first_of("?#"));
        fs::path rel = fs::path(path_part).lexically_normal();
        if (path_part.empty() || rel.is_absolute() || (!rel.empty() && *rel.begin() == "..")) {
            diags.warning(post_path, pos, "image path '" + url + "' leaves the input folder; not embedded");
            return std::nullopt;
        }
        source = (fs::path(post_path).parent_path() / rel).lexically_normal();
    }
    if (auto found = m_by_path.find(source.string()); found != m_by_path.end()) return found->second;
    std::string media_type = image_media_type(source.filename().string());
    if (media_type.empty()) {
        diags.warning(post_path, pos, "image '" + url + "' is not PNG, JPEG, GIF or SVG; not embedded");
        return std::nullopt;
    }
    std::ifstream in(source, std::ios::binary);
    if (!in) {
        diags.warning(post_path, pos, "image '" + url + "' not found at " + source.string());
        return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    // Deterministic, collision-free names: the file name, numbered on a clash.
    std::string stem = xml_id(source.stem().string());
    std::string ext = lower_ascii(source.extension().string());
    std::string name = stem + ext;
    for (int n = 2; std::any_of(m_files.begin(), m_files.end(),
                                [&](const ImageFile& f) { return f.href == "images/" + name; });
         ++n)
        name = stem + "-" + std::to_string(n) + ext;
    m_files.push_back({"images/" + name, media_type, bytes.str()});
    std::string href = "../images/" + name;
    m_by_path.emplace(source.string(), href);
    return href;
}

namespace {
void collect_heading_ids(const Blocks& blocks, std::set<std::string>& ids) {
    for (const auto& b : blocks) {
        if (const auto* h = std::get_if<Heading>(&b.value); h && !h->id.empty()) ids.insert(xml_id(h->id));
        if (const auto* q = std::get_if<BlockQuote>(&b.value)) collect_heading_ids(q->children, ids);
    }
}
}  // namespace

PostLinks::PostLinks(const std::vector<Post>& posts) {
    for (const auto& post : posts) {
        std::string page = page_name(post.slug);
        m_pages.emplace(post.slug, page);
        if (!post.path.empty()) m_pages.emplace(slug_of_file_name(post.path), page);
        auto& anchors = m_anchors[page];
        anchors.insert("title");
        collect_heading_ids(post.doc.blocks, anchors);
    }
}

bool PostLinks::has_anchor(const std::string& page, const std::string& fragment) const {
    auto found = m_anchors.find(page);
    return found != m_anchors.end() && found->second.count(xml_id(fragment)) != 0;
}

std::string PostLinks::page_name(const std::string& slug) { return "post-" + xml_id(slug) + ".xhtml"; }

std::optional<std::string> PostLinks::resolve(const std::string& url) const {
    auto hash = url.find('#');
    std::string target = url.substr(0, hash);
    auto found = m_pages.find(slug_of_file_name(target));
    if (found == m_pages.end()) return std::nullopt;
    if (hash != std::string::npos && has_anchor(found->second, url.substr(hash + 1)))
        return found->second + "#" + xml_id(url.substr(hash + 1));
    return found->second;
}

}  // namespace folio::epub
