#include <doctest/doctest.h>

#include <functional>

#include "app/cache_key.hpp"
#include "app_test_support.hpp"

using namespace folio;
using namespace folio::test;
namespace fs = std::filesystem;

namespace {


LayoutEnvironment environment() {
    LayoutEnvironment env;
    env.folio_version = "0.1.0";
    env.fonts = sha256("fonts");
    env.hyphenation = sha256("patterns");
    env.citation_style = sha256("style.csl");
    env.citation_locales = sha256("locales");
    env.language = "en-GB";
    return env;
}

// A post with an image and a citation, as the passes leave it.
Post post(const std::string& image_path) {
    Post p;
    p.path = "input/2023-10-21-letter.md";
    p.slug = "letter";
    p.meta.title = "A letter";
    p.meta.date = Date{2023, 10, 21};
    Cite cite;
    cite.items.push_back(CiteItem{"coi2014", "", "paragraph", "12", "", false, {}});
    cite.source = "[@coi2014, para 12]";
    cite.rendered = {make_inline(Text{"Commission of Inquiry (2014)"})};
    Image image;
    image.url = "map.png";
    image.path = image_path;
    p.doc.blocks.push_back(make_block(Paragraph{{make_inline(Text{"Evidence "}), make_inline(std::move(cite))}}));
    p.doc.blocks.push_back(make_block(Paragraph{{make_inline(std::move(image))}}));
    return p;
}

Bibliography bibliography() {
    Bibliography b;
    CslItem item;
    item.id = "coi2014";
    item.type = "report";
    item.fields["title"] = "Report of the Commission of Inquiry";
    item.names["author"] = {CslName{"", "", "", "", "", "Commission of Inquiry", false, false}};
    item.dates["issued"] = CslDate{{{2014, 2, 7}}, 0, false, "", ""};
    b.items.push_back(item);
    CslItem other = item;
    other.id = "uncited";
    b.items.push_back(other);
    return b;
}

}  // namespace

TEST_CASE("a post's layout key changes with everything the galley depends on, and only with that") {
    TempDir dir("key-test");
    const fs::path image = dir.path / "map.png";
    write_file(image, "PNG bytes");
    const std::string source = "aa11";
    auto key = [&](const LayoutEnvironment& env, const Post& p, const std::string& src, const Bibliography& b) {
        return post_layout_key(environment_digest(env), p, "2023-10-21-letter.md", src, b, {});
    };
    const Sha256 base = key(environment(), post(image.string()), source, bibliography());
    CHECK(key(environment(), post(image.string()), source, bibliography()) == base);  // deterministic

    auto changes = [&](const char* what, const std::function<void(LayoutEnvironment&, Post&, std::string&,
                                                                   Bibliography&)>& change) {
        LayoutEnvironment env = environment();
        Post p = post(image.string());
        std::string src = source;
        Bibliography b = bibliography();
        change(env, p, src, b);
        CHECK_MESSAGE(key(env, p, src, b) != base, what);
    };
    changes("the post's bytes", [](auto&, auto&, std::string& src, auto&) { src = "bb22"; });
    changes("what the post calls its image", [](auto&, Post& p, auto&, auto&) {
        std::get<Image>(std::get<Paragraph>(p.doc.blocks[1].value).content[0].value).url = "./map.png";
    });
    changes("the post's model", [](auto&, Post& p, auto&, auto&) { p.meta.title = "A second letter"; });
    changes("its formatted citation", [](auto&, Post& p, auto&, auto&) {
        auto& para = std::get<Paragraph>(p.doc.blocks[0].value);
        std::get<Cite>(para.content[1].value).rendered = {make_inline(Text{"COI (2014)"})};
    });
    changes("a cited bibliography entry", [](auto&, auto&, auto&, Bibliography& b) {
        b.items[0].fields["title"] = "Report of the detailed findings";
    });
    changes("a cited entry's date", [](auto&, auto&, auto&, Bibliography& b) {
        b.items[0].dates["issued"].parts[0][2] = 17;
    });
    changes("the citation style", [](LayoutEnvironment& e, auto&, auto&, auto&) { e.citation_style = sha256("ieee"); });
    changes("the CSL locales", [](LayoutEnvironment& e, auto&, auto&, auto&) { e.citation_locales = sha256("x"); });
    changes("the language", [](LayoutEnvironment& e, auto&, auto&, auto&) { e.language = "en-US"; });
    changes("one reference list per pack", [](LayoutEnvironment& e, auto&, auto&, auto&) {
        e.references_per_pack = true;
    });
    changes("a style value", [](LayoutEnvironment& e, auto&, auto&, auto&) { e.style.body_leading = 15; });
    changes("a style colour", [](LayoutEnvironment& e, auto&, auto&, auto&) { e.style.accent = rgb(0x123456); });
    changes("a style family", [](LayoutEnvironment& e, auto&, auto&, auto&) { e.style.serif = "Noto Sans"; });
    changes("the fonts", [](LayoutEnvironment& e, auto&, auto&, auto&) { e.fonts = sha256("other fonts"); });
    changes("the hyphenation patterns", [](LayoutEnvironment& e, auto&, auto&, auto&) { e.hyphenation = {}; });
    changes("the page size", [](LayoutEnvironment& e, auto&, auto&, auto&) { e.page_size = PageSize::us_letter; });
    changes("folio's version", [](LayoutEnvironment& e, auto&, auto&, auto&) { e.folio_version = "0.2.0"; });
    changes("a shared library (by build-id)", [](LayoutEnvironment& e, auto&, auto&, auto&) {
        e.libraries = "libpango-1.0.so.0 0123abcd\n";
    });
    changes("the cache format", [](LayoutEnvironment& e, auto&, auto&, auto&) { ++e.format; });

    // The image's bytes, not just its name.
    write_file(image, "other PNG bytes");
    CHECK(key(environment(), post(image.string()), source, bibliography()) != base);
    write_file(image, "PNG bytes");
    CHECK(key(environment(), post(image.string()), source, bibliography()) == base);
    // The digest the build took when it checked the image is the one used:
    // the file is not read again.
    const std::map<std::string, Sha256> checked{{image.string(), sha256("PNG bytes")}};
    write_file(image, "changed after the check");
    CHECK(post_layout_key(environment_digest(environment()), post(image.string()), "2023-10-21-letter.md", source,
                          bibliography(), checked) == base);
    write_file(image, "PNG bytes");

    // An entry the post does not cite is not part of its key.
    Bibliography b = bibliography();
    b.items[1].fields["title"] = "Something else";
    CHECK(key(environment(), post(image.string()), source, b) == base);

    // The post's name inside the input folder is part of it...
    CHECK(post_layout_key(environment_digest(environment()), post(image.string()), "2023-10-22-letter.md", source,
                          bibliography(), {}) != base);
}

TEST_CASE("a post's layout key does not depend on where the project is or how its folder is spelled") {
    // The same post and image, built as `--input input` from one folder and
    // as `--input /srv/copy/input/` after the project was copied there.
    const Sha256 map = sha256("PNG bytes");
    auto key = [&](const std::string& input_dir, const std::string& image_path) {
        Post p = post(image_path);
        p.path = (fs::path(input_dir) / "2023-10-21-letter.md").string();
        return post_layout_key(environment_digest(environment()), p, path_in_folder(p.path, input_dir), "aa11",
                               bibliography(), {{image_path, map}});
    };
    const Sha256 here = key("input", "/home/me/project/input/map.png");
    CHECK(key("/srv/copy/input/", "/srv/copy/input/map.png") == here);
    CHECK(key("./project/../input", "/home/me/project/input/map.png") == here);
    // The image's bytes still count, wherever it is.
    auto other = [&] {
        Post p = post("/srv/copy/input/map.png");
        return post_layout_key(environment_digest(environment()), p, "2023-10-21-letter.md", "aa11", bibliography(),
                               {{"/srv/copy/input/map.png", sha256("other PNG bytes")}});
    };
    CHECK(other() != here);
}

TEST_CASE("a post's path inside the input folder, however the two are spelled") {
    CHECK(path_in_folder("input/2023-a.md", "input") == "2023-a.md");
    CHECK(path_in_folder("input/2023-a.md", "input/") == "2023-a.md");
    CHECK(path_in_folder("./input//2023-a.md", "./input") == "2023-a.md");
    CHECK(path_in_folder("../../p/./input/2023-a.md", "../../p/./input/") == "2023-a.md");
    CHECK(path_in_folder("/srv/p/input/2023-a.md", "/srv/p/input") == "2023-a.md");
    CHECK(path_in_folder("./2023-a.md", ".") == "2023-a.md");
    CHECK(path_in_folder("2023-a.md", "") == "2023-a.md");
    CHECK(path_in_folder("input/sub/2023-a.md", "input") == "sub/2023-a.md");
    // Not below the folder as written: the file's name.
    CHECK(path_in_folder("/srv/p/input/2023-a.md", "input") == "2023-a.md");
    CHECK(path_in_folder("elsewhere/2023-a.md", "input") == "2023-a.md");
}

TEST_CASE("folder digests cover file names and bytes") {
    TempDir dir("key-test");
    write_file(dir.path / "a.ttf", "font a");
    const Sha256 one = folder_digest(dir.path);
    CHECK(folder_digest(dir.path) == one);
    write_file(dir.path / "a.ttf", "font A");
    const Sha256 two = folder_digest(dir.path);
    CHECK(two != one);
    fs::rename(dir.path / "a.ttf", dir.path / "b.ttf");
    CHECK(folder_digest(dir.path) != two);
    CHECK(folder_digest(dir.path / "absent") != folder_digest(dir.path));
    CHECK(file_digest(dir.path / "absent") != file_digest(dir.path / "b.ttf"));
}
