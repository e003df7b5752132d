// The cache key's notion of "which folio": the version plus the linker's
// build-id, read from the running program's own ELF note.
#include <doctest/doctest.h>

#include <cstdio>
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
