// The cache key's notion of "which folio": the version plus the linker's
// build-id, read from the running program's own ELF note.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include <unistd.h>

#include "app/build_identity.hpp"
#include "version.hpp"

using namespace folio;

TEST_CASE("build_identity is the version plus this executable's GNU build-id, as readelf prints it") {
    const std::string id = build_identity();
    REQUIRE(id.rfind(std::string(folio::version) + "+", 0) == 0);
    const std::string hex = id.substr(std::string(folio::version).size() + 1);
    CHECK(hex.size() == 40);  // SHA-1, ld's default build-id
    CHECK(hex.find_first_not_of("0123456789abcdef") == std::string::npos);

    // Ask readelf about this test binary (by path: /proc/self/exe inside
    // the shell would be readelf itself).
    char path[4096] = {};
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    REQUIRE(n > 0);
    std::unique_ptr<FILE, int (*)(FILE*)> readelf(popen(("readelf -n '" + std::string(path, static_cast<std::size_t>(n)) +
                                                         "' 2>/dev/null").c_str(), "r"),
                                                  pclose);
    REQUIRE(readelf);
    std::string text;
    char buf[4096];
    while (std::size_t got = std::fread(buf, 1, sizeof buf, readelf.get())) text.append(buf, got);
    if (text.empty()) return;  // no readelf (binutils) here: the format checks above still ran
    CHECK(text.find("Build ID: " + hex) != std::string::npos);
}

TEST_CASE("loaded_libraries_identity lists the shared libraries with their build-ids, not the vDSO") {
    const std::string libs = loaded_libraries_identity();
    CHECK(libs == loaded_libraries_identity());
    CHECK(libs.find("linux-vdso") == std::string::npos);
    // Debian's libc carries a GNU build-id: "libc.so.6 <40 hex digits>".
    const auto at = libs.find("libc.so.6 ");
    REQUIRE(at != std::string::npos);
    const std::string id = libs.substr(at + 10, libs.find('\n', at) - at - 10);
    CHECK(id.size() == 40);
    CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("build_identity_of: without a build-id, the program's bytes tell two builds apart") {
    const std::string version(folio::version);
    // With a build-id, that is the identity; the file is not read.
    CHECK(build_identity_of("00ff", "/nonexistent/folio") == version + "+00ff");
    // Without one, two executables of one version but other code must not
    // share an identity (the version alone would: cached galleys and whole
    // packs drawn by the older build would be reused).
    char dir_template[] = "/tmp/folio-identity-XXXXXX";
    REQUIRE(mkdtemp(dir_template) != nullptr);
    const std::string dir = dir_template;
    auto write = [](const std::string& path, const char* bytes) {
        std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "wb"), std::fclose);
        REQUIRE(f);
        std::fputs(bytes, f.get());
    };
    write(dir + "/old", "layout code, before");
    write(dir + "/new", "layout code, after");
    const std::string old_id = build_identity_of("", dir + "/old");
    CHECK(old_id.rfind(version + "+sha256:", 0) == 0);
    CHECK(old_id == build_identity_of("", dir + "/old"));
    CHECK(old_id != build_identity_of("", dir + "/new"));
    // Nothing to read: an identity no other run has.
    CHECK(build_identity_of("", dir + "/missing") != version);
    CHECK(build_identity_of("", dir + "/missing").rfind(version + "+unidentified:", 0) == 0);
    std::remove((dir + "/old").c_str());
    std::remove((dir + "/new").c_str());
    rmdir(dir.c_str());
}

TEST_CASE("loaded_libraries_identity holds the environment HarfBuzz shapes by") {
    // HB_SHAPER_LIST=fallback draws every line of input/ differently: a
    // build run with it must not reuse packs or galleys drawn without it.
    const char* was = std::getenv("HB_SHAPER_LIST");
    const std::string saved = was ? was : "";
    unsetenv("HB_SHAPER_LIST");
    const std::string unset = loaded_libraries_identity();
    setenv("HB_SHAPER_LIST", "fallback", 1);
    const std::string fallback = loaded_libraries_identity();
    setenv("HB_SHAPER_LIST", "ot", 1);
    const std::string ot = loaded_libraries_identity();
    if (was) setenv("HB_SHAPER_LIST", saved.c_str(), 1);
    else unsetenv("HB_SHAPER_LIST");
    CHECK(unset.find("$HB_SHAPER_LIST unset\n") != std::string::npos);
    CHECK(fallback.find("$HB_SHAPER_LIST=fallback\n") != std::string::npos);
    CHECK(unset != fallback);
    CHECK(fallback != ot);
}
