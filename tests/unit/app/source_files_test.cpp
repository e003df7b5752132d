// What the build read, kept: the archive edition attaches those bytes, and a
// file is read once however many packs ask for it.
#include <doctest/doctest.h>

#include <memory>

#include "app/archive_sources.hpp"
#include "app/files.hpp"
#include "app/image_files.hpp"
#include "app/source_files.hpp"
#include "app_test_support.hpp"

using namespace folio;
using namespace folio::test;
namespace fs = std::filesystem;

namespace {
InputFile as_read(const fs::path& path, const std::string& bytes) {
    return InputFile{path.string(), bytes.size(), to_hex(sha256(bytes)), std::make_shared<const std::string>(bytes)};
}
}  // namespace

TEST_CASE("the archive edition attaches the bytes the build read, not the files as they are later") {
    TempDir dir("source-files");
    const fs::path post_path = dir.path / "2024-01-01-post.md", csl = dir.path / "style.csl";
    write_file(post_path, "the post as built");
    write_file(dir.path / "references.json", "[]");
    write_file(csl, "<style/>");
    SourceFiles sources;
    sources.add({as_read(post_path, "the post as built"), as_read(dir.path / "references.json", "[]")});
    // Edited while the build runs (an editor saving, a git checkout).
    write_file(post_path, "the post edited after it was read");
    write_file(dir.path / "folio.toml", "# never read by this build");

    Pack pack;
    pack.citation_style = "style.csl";  // in the input folder
    Post post;
    post.path = post_path.string();
    post.meta.title = "A post";
    pack.posts.push_back(post);
    auto attached = archive_sources(pack, dir.path, sources);
    REQUIRE(attached.ok());
    REQUIRE(attached->size() == 3);
    CHECK((*attached)[0].name == "2024-01-01-post.md");
    CHECK((*attached)[0].bytes == "the post as built");
    CHECK((*attached)[1].name == "references.json");
    CHECK((*attached)[2].name == "style.csl");  // not read before: read now, once
    CHECK((*attached)[2].bytes == "<style/>");
    write_file(csl, "<changed/>");
    CHECK(sources.digest(csl).value() == sha256("<style/>"));
}

TEST_CASE("a source that cannot be read is an error naming it") {
    TempDir dir("source-files-missing");
    SourceFiles sources;
    Pack pack;
    Post post;
    post.path = (dir.path / "gone.md").string();
    pack.posts.push_back(post);
    auto attached = archive_sources(pack, dir.path, sources);
    REQUIRE_FALSE(attached.ok());
    CHECK(attached.error().find("cannot attach " + post.path) == 0);
}

TEST_CASE("an image is read and checked once, however many posts show it") {
    TempDir dir("image-files");
    const fs::path png = dir.path / "a.png";
    write_file(png, "not a png at all");
    ImageFiles images;
    const ImageFile& first = images.get(png.string());
    CHECK(first.check.problem == ImageProblem::unknown_format);
    write_file(png, "changed");
    const ImageFile& again = images.get(png.string());
    CHECK(&again == &first);  // the same record: the file was not read again
    CHECK(images.digests().at(png.string()) == sha256("not a png at all"));
    CHECK(images.get((dir.path / "missing.png").string()).check.problem == ImageProblem::unreadable);
    CHECK(images.digests().size() == 1);
}
