#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>

#include "helpers.hpp"
#include "passes/passes.hpp"

using namespace folio;
using namespace folio::test;
namespace fs = std::filesystem;

namespace {

struct TempInput {
    fs::path root;
    TempInput() {
        root = fs::temp_directory_path() / ("folio-images-test-" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root / "input" / "images");
        std::ofstream(root / "input" / "images" / "ok.png") << "png";
        std::ofstream(root / "outside.png") << "png";
        fs::create_symlink(root / "outside.png", root / "input" / "images" / "link.png");
    }
    ~TempInput() { fs::remove_all(root); }
};

Inline image(std::string url) { return make_inline(Image{std::move(url), "", {text("alt")}, ""}, {5, 1}); }

std::vector<std::string> messages_for(const std::string& url, const fs::path& input) {
    Post p = post_with({para({image(url)})});
    Diagnostics d;
    check_images(p, input, d);
    std::vector<std::string> out;
    for (const auto& item : d.items()) out.push_back(item.message);
    return out;
}

}  // namespace

TEST_CASE("images must be files inside input/") {
    TempInput t;
    const fs::path input = t.root / "input";
    CHECK(messages_for("images/ok.png", input).empty());
    CHECK(messages_for("./images/../images/ok.png", input).empty());
    CHECK(messages_for("images/missing.png", input) == std::vector<std::string>{"image 'images/missing.png' not found"});
    CHECK(messages_for("../outside.png", input) == std::vector<std::string>{"image path '../outside.png' leaves the input folder"});
    CHECK(messages_for("/etc/passwd", input) ==
          std::vector<std::string>{"image path '/etc/passwd' is absolute and leaves the input folder"});
    CHECK(messages_for("images/link.png", input) ==
          std::vector<std::string>{"image 'images/link.png' is a link that leads out of the input folder"});
    CHECK(messages_for("https://example.org/a.png", input) ==
          std::vector<std::string>{"image 'https://example.org/a.png' is not a local file"});
    CHECK(messages_for("images", input) == std::vector<std::string>{"image 'images' is not a regular file"});
}

TEST_CASE("a checked image gets its resolved path") {
    TempInput t;
    Post p = post_with({para({image("images/ok.png")})});
    Diagnostics d;
    check_images(p, t.root / "input", d);
    const auto& img = std::get<Image>(std::get<Paragraph>(p.doc.blocks[0].value).content[0].value);
    CHECK(fs::path(img.path) == fs::canonical(t.root / "input" / "images" / "ok.png"));
}
