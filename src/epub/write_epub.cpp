// Puts the book together: pages, resources, package documents, zip.
#include "epub/write_epub.hpp"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "epub/book_resources.hpp"
#include "epub/epub_zip.hpp"
#include "epub/font_subset.hpp"
#include "epub/front_pages.hpp"
#include "epub/hangul.hpp"
#include "epub/name_uuid.hpp"
#include "epub/package_documents.hpp"
#include "epub/post_page.hpp"
#include "epub/xhtml_page.hpp"
#include "model/utf8.hpp"

namespace folio {

using namespace epub;

namespace {

constexpr const char* xhtml_type = "application/xhtml+xml";

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::tm utc_of(std::int64_t epoch) {
    std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm;
}

void collect_code_points(std::string_view text, std::set<char32_t>& out) {
    std::size_t i = 0;
    while (i < text.size()) out.insert(utf8_next(text, i));
}

// Headings as a two-level tree: h2 entries with the h3s after them.
std::vector<NavEntry> heading_entries(const std::string& file, const std::vector<TocHeading>& headings) {
    std::vector<NavEntry> out;
    for (const auto& h : headings) {
        NavEntry e{h.text, "text/" + file + "#" + h.id, {}};
        if (h.level == 3 && !out.empty())
            out.back().children.push_back(std::move(e));
        else if (h.level <= 3)
            out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

void check_epub_pages(const Pack& pack, Diagnostics& diags) {
    // As write_epub makes them: the same links, one image store for the book.
    PostLinks links(pack.posts);
    ImageStore images;
    for (const Post& post : pack.posts) write_post_page(post, {}, links, images, diags);
    if (!pack.references.empty()) write_references_page(pack, links, images, diags);
}

Result<void> write_epub(const Pack& pack, const EpubOptions& options, const std::string& path, Diagnostics& diags) {
    auto house_css = read_file(options.style_sheet);
    if (!house_css) return Error{"cannot read the EPUB stylesheet " + options.style_sheet};

    const std::tm modified = utc_of(options.modified);
    char modified_text[32];
    std::strftime(modified_text, sizeof modified_text, "%Y-%m-%dT%H:%M:%SZ", &modified);

    BookMeta meta;
    meta.identifier = "urn:uuid:" + uuid_v5(url_namespace, "folio:" + pack.site.name + "/" + pack.id);
    meta.title = pack.title.empty() ? pack.site.name : pack.title;
    meta.subtitle = pack.subtitle;
    meta.language = pack.site.language.empty() ? "en-GB" : pack.site.language;
    meta.creators = {pack.site.name};
    meta.publisher = pack.site.name;
    meta.rights = pack.site.rights;
    meta.description = pack.site.description;
    meta.date = pack.edition.year > 0 ? pack.edition.iso()
                                      : Date{modified.tm_year + 1900, modified.tm_mon + 1, modified.tm_mday}.iso();
    meta.modified = modified_text;

    std::vector<ZipEntry> text_files;  // text/*.xhtml, in spine order
    std::vector<ManifestItem> manifest;
    std::vector<SpineItem> spine;
    auto add_page = [&](const std::string& id, const std::string& file, std::string xhtml) {
        manifest.push_back({id, "text/" + file, xhtml_type, ""});
        spine.push_back({id, true});
        text_files.push_back({"EPUB/text/" + file, std::move(xhtml)});
    };

    // Cover and title page.
    const bool has_cover = !options.cover_png.empty();
    if (has_cover) meta.cover_image_id = "cover-image";
    add_page("cover", "cover.xhtml", cover_page(pack, has_cover ? "../images/cover.png" : ""));
    add_page("title-page", "title.xhtml",
             title_page(pack, human_date(modified.tm_year + 1900, modified.tm_mon + 1, modified.tm_mday)));
    spine.push_back({"nav", true});

    // Posts.
    std::map<std::string, std::vector<PageMarker>> markers;
    for (const auto& b : options.page_breaks) markers[b.post_slug].push_back({b.block_index, b.label});
    PostLinks links(pack.posts);
    ImageStore images;
    std::vector<NavEntry> toc{{"About this collection", "text/title.xhtml", {}}};
    std::vector<PageTarget> page_targets;
    int image_count = has_cover ? 1 : 0;
    int images_without_alt = 0;
    std::string first_post;
    for (std::size_t i = 0; i < pack.posts.size(); ++i) {
        const Post& post = pack.posts[i];
        std::vector<PageMarker> here;
        if (auto found = markers.find(post.slug); found != markers.end())
            for (const auto& m : found->second)
                if (m.block_index == 0 || m.block_index < post.doc.blocks.size()) here.push_back(m);
        PostPage page = write_post_page(post, here, links, images, diags);
        if (first_post.empty()) first_post = "text/" + page.file_name;
        toc.push_back({post.meta.title, "text/" + page.file_name, heading_entries(page.file_name, page.headings)});
        for (auto& [label, href] : page.page_targets) page_targets.push_back({label, "text/" + href});
        image_count += page.images;
        images_without_alt += page.images_without_alt;
        add_page("post-" + std::to_string(i + 1), page.file_name, std::move(page.xhtml));
    }
    const bool has_references = !pack.references.empty();
    if (has_references) {
        add_page("references", "references.xhtml", write_references_page(pack, links, images, diags));
        toc.push_back({"References", "text/references.xhtml", {}});
    }
    meta.has_images = image_count > 0;
    meta.all_images_have_alt = images_without_alt == 0;
    if (!page_targets.empty())
        meta.page_source = "The printed briefing pack " + meta.title + (pack.edition.year > 0 ? ", " + meta.date : "");

    std::vector<Landmark> landmarks{{"cover", "Cover", "text/cover.xhtml"}, {"toc", "Contents", "nav.xhtml#toc"}};
    if (!first_post.empty()) landmarks.push_back({"bodymatter", "Start of content", first_post});
    if (has_references) landmarks.push_back({"bibliography", "References", "text/references.xhtml"});
    const std::string nav = nav_xhtml(meta, toc, landmarks, page_targets, "css/folio.css");
    const std::string ncx = toc_ncx(meta, toc, page_targets);

    // Fonts: subset to every character the reader can see (markup is ASCII
    // and adds nothing the text lacks in practice).
    std::set<char32_t> used;
    bool has_code = false;
    for (const auto& f : text_files) {
        collect_code_points(f.bytes, used);
        for (const char* mono : {"<code", "<pre", "<kbd", "class=\"task\""})
            has_code = has_code || f.bytes.find(mono) != std::string::npos;
    }
    collect_code_points(nav, used);
    const std::vector<EmbeddedFont> fonts = subset_fonts(options.fonts_dir, used, has_code);
    const std::string css = font_face_css(fonts) + "\n" + *house_css;

    // Manifest: nav, ncx, css, fonts, images, then the pages.
    std::vector<ManifestItem> resources{{"nav", "nav.xhtml", xhtml_type, "nav"},
                                        {"ncx", "toc.ncx", "application/x-dtbncx+xml", ""},
                                        {"css", "css/folio.css", "text/css", ""}};
    std::vector<ZipEntry> entries{{"META-INF/container.xml", container_xml("EPUB/package.opf")}};
    for (std::size_t i = 0; i < fonts.size(); ++i)
        resources.push_back({"font-" + std::to_string(i + 1), fonts[i].href, fonts[i].media_type, ""});
    if (has_cover) resources.push_back({"cover-image", "images/cover.png", "image/png", "cover-image"});
    for (std::size_t i = 0; i < images.files().size(); ++i)
        resources.push_back({"image-" + std::to_string(i + 1), images.files()[i].href, images.files()[i].media_type, ""});
    manifest.insert(manifest.begin(), resources.begin(), resources.end());

    entries.push_back({"EPUB/package.opf", package_opf(meta, manifest, spine)});
    entries.push_back({"EPUB/nav.xhtml", nav});
    entries.push_back({"EPUB/toc.ncx", ncx});
    entries.push_back({"EPUB/css/folio.css", css});
    for (const auto& f : fonts) entries.push_back({"EPUB/" + f.href, f.bytes});
    if (has_cover)
        entries.push_back({"EPUB/images/cover.png", std::string(options.cover_png.begin(), options.cover_png.end())});
    for (const auto& img : images.files()) entries.push_back({"EPUB/" + img.href, img.bytes});
    for (auto& f : text_files) entries.push_back(std::move(f));
    return write_epub_zip(path, entries, options.modified);
}

}  // namespace folio
