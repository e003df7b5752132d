#pragma once
// What the post pages share while the book is built: the images copied into
// it and where each post's page lives (for links between posts).
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/post.hpp"

namespace folio::epub {

struct ImageFile {
    std::string href;        // inside the EPUB folder: "images/map.png"
    std::string media_type;  // "image/png"
    std::string bytes;
};

// Images referred to by posts, copied into the book once each, in the order
// first used (so names are deterministic).
class ImageStore {
public:
    // Reads the image's file (Image::path when the check_images pass set it,
    // else `url` resolved against the folder of `post_path`) and returns its
    // href relative to the text/ folder ("../images/map.png"). Remote,
    // unsafe, escaping (..) or unreadable images give a warning at file:pos
    // and nullopt: the caller shows the alt text instead.
    std::optional<std::string> add(const std::string& post_path, const Image& image, SourcePos pos,
                                   Diagnostics& diags);
    const std::vector<ImageFile>& files() const { return m_files; }

private:
    std::vector<ImageFile> m_files;
    std::map<std::string, std::string> m_by_path;  // resolved source path -> href
};

// The media type the EPUB core media types give for an image file name;
// empty when it is not a core image type.
std::string image_media_type(const std::string& name);  // png, jpeg, gif, svg

// Where links between posts go: a post's file name (with or without date
// prefix and .md) or slug maps to its page.
class PostLinks {
public:
    explicit PostLinks(const std::vector<Post>& posts);
    // "text/post-slug.xhtml"-relative href for a link written in a post, or
    // nullopt when the target is not in the book. A fragment naming no
    // heading of the target post is dropped (the link goes to the post).
    std::optional<std::string> resolve(const std::string& url) const;
    // Whether `fragment` (as written, without '#') names a heading of the
    // post whose page is `page`, or its title.
    bool has_anchor(const std::string& page, const std::string& fragment) const;
    static std::string page_name(const std::string& slug);  // "post-<slug>.xhtml"

private:
    std::map<std::string, std::string> m_pages;  // key -> page file name
    std::map<std::string, std::set<std::string>> m_anchors;  // page -> heading ids
};

}  // namespace folio::epub
