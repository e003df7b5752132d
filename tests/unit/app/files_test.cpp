#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "app/files.hpp"
#include "model/digest.hpp"
#include "app_test_support.hpp"

using namespace folio;
using namespace folio::test;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) { return read_file(p).value(); }
}  // namespace

TEST_CASE("an atomic output replaces the target only on commit") {
    TempDir dir("files-test");
    const fs::path target = dir.path / "pack.pdf";
    std::ofstream(target) << "old";
    {
        AtomicOutput out(target);
        std::ofstream(out.temp_path()) << "half-written";
        // destroyed without commit: a failed writer
    }
    CHECK(slurp(target) == "old");
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 1);

    AtomicOutput out(target);
    CHECK(out.temp_path().parent_path() == target.parent_path());
    std::ofstream(out.temp_path()) << "new";
    REQUIRE(out.commit().ok());
    CHECK(slurp(target) == "new");
}

TEST_CASE("committing when the writer made no file is an error and keeps the target") {
    TempDir dir("files-test");
    const fs::path target = dir.path / "pack.epub";
    std::ofstream(target) << "old";
    AtomicOutput out(target);
    auto r = out.commit();
    CHECK_FALSE(r.ok());
    CHECK(r.error().find("the writer produced no file") != std::string::npos);
    CHECK(slurp(target) == "old");
}

TEST_CASE("write_file_atomic into a missing folder fails cleanly") {
    TempDir dir("files-test");
    auto r = write_file_atomic(dir.path / "no" / "such" / "file", "x");
    CHECK_FALSE(r.ok());
    CHECK(r.error().find("cannot create") != std::string::npos);
}

TEST_CASE("posts are the .md files of the folder, in name order") {
    TempDir dir("files-test");
    for (auto name : {"2023-b.md", "2016-a.md", "notes.txt", ".#2020-lock.md"}) std::ofstream(dir.path / name) << "x";
    fs::create_directory(dir.path / "images");
    auto posts = list_post_files(dir.path);
    REQUIRE(posts.ok());
    REQUIRE(posts->size() == 2);
    CHECK((*posts)[0].filename() == "2016-a.md");
    CHECK((*posts)[1].filename() == "2023-b.md");
    CHECK_FALSE(list_post_files(dir.path / "missing").ok());
}

// A folder named like a post used to abort folio (an uncaught exception from
// the stream) and a FIFO used to hang it: both are errors naming the path.
TEST_CASE("read_file refuses a folder and a FIFO, naming them") {
    TempDir dir("files-test");
    const fs::path folder = dir.path / "2020-folder.md";
    fs::create_directories(folder);
    auto r = read_file(folder);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find(folder.string()) != std::string::npos);
    CHECK(r.error().find("a folder") != std::string::npos);

    const fs::path fifo = dir.path / "2020-fifo.md";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto f = read_file(fifo);  // returns at once: nobody writes to the FIFO
    REQUIRE_FALSE(f.ok());
    CHECK(f.error().find("a FIFO") != std::string::npos);

    CHECK_FALSE(read_file(dir.path / "missing.md").ok());
    std::ofstream(dir.path / "post.md") << "---\ntitle: x\n---\n";
    CHECK(read_file(dir.path / "post.md").value() == "---\ntitle: x\n---\n");
}

TEST_CASE("read_file_if_present: a missing file is nothing, not an error, but other failures still are") {
    TempDir dir("files-test");
    auto missing = read_file_if_present(dir.path / "none");
    REQUIRE(missing.ok());
    CHECK_FALSE(missing->has_value());
    write_file(dir.path / "some", "bytes");
    CHECK(read_file_if_present(dir.path / "some").value() == std::optional<std::string>("bytes"));
    CHECK_FALSE(read_file_if_present(dir.path).ok());  // a folder
    CHECK(read_file(dir.path / "none").error().find(": cannot open: No such file or directory") != std::string::npos);
}

TEST_CASE("digest_file: the size and SHA-256 of a file read in pieces, equal to hashing it whole") {
    TempDir temp("files-test-digest");
    const fs::path dir = temp.path;
    const fs::path path = dir / "big.bin";
    // Over two of its 1 MiB pieces, not a multiple of one.
    std::string bytes;
    for (int i = 0; bytes.size() < (5u << 19) + 7; ++i) bytes += std::to_string(i * 7919) + ' ';
    write_file(path, bytes);
    auto d = digest_file(path);
    REQUIRE(d.ok());
    CHECK(d->bytes == bytes.size());
    CHECK(d->sha256 == sha256(bytes));
    write_file(dir / "empty.bin", "");
    auto empty = digest_file(dir / "empty.bin");
    REQUIRE(empty.ok());
    CHECK(to_hex(empty->sha256) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    auto missing = digest_file(dir / "missing.bin");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().find("missing.bin: cannot open") != std::string::npos);
}

TEST_CASE("folder_spelling: one spelling for the same folder, so --out ./out/ reuses what --out out wrote") {
    CHECK(folder_spelling("out") == fs::path("out"));
    CHECK(folder_spelling("./out") == fs::path("out"));
    CHECK(folder_spelling("out/") == fs::path("out"));
    CHECK(folder_spelling("out//.") == fs::path("out"));
    // ".." is left to the system: "link/.." is the parent of link's target.
    CHECK(folder_spelling("a/../out/") == fs::path("a/../out"));
    CHECK(folder_spelling("link/..") == fs::path("link/.."));
    CHECK(folder_spelling("../x/out/") == fs::path("../x/out"));
    CHECK(folder_spelling("/srv/out/") == fs::path("/srv/out"));
    CHECK(folder_spelling("/") == fs::path("/"));
    CHECK(folder_spelling(".") == fs::path("."));
    CHECK(folder_spelling("./") == fs::path("."));
    CHECK(folder_spelling("") == fs::path("."));
    CHECK((folder_spelling("./out/") / "a.pdf").string() == "out/a.pdf");
}
