// The cache files' binary encoding: variable-length integers round-trip at
// their edges, take as few bytes as they should, and a reader never accepts
// what a writer could not have made.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "model/byte_codec.hpp"

using namespace folio;

TEST_CASE("varints round-trip at their edges, small numbers in one byte") {
    const std::uint64_t unsigned_values[] = {0, 1, 127, 128, 16383, 16384, UINT32_MAX,
                                             std::numeric_limits<std::uint64_t>::max()};
    const std::int64_t signed_values[] = {0, 1, -1, 63, -64, 64, -65, INT32_MIN, INT32_MAX,
                                          std::numeric_limits<std::int64_t>::min(),
                                          std::numeric_limits<std::int64_t>::max()};
    ByteWriter w;
    for (std::uint64_t v : unsigned_values) w.uvar(v);
    for (std::int64_t v : signed_values) w.svar(v);
    w.vstr("Noto Serif 10.5");
    ByteReader r(w.bytes());
    for (std::uint64_t v : unsigned_values) {
        std::uint64_t got = 1;
        REQUIRE(r.uvar(got));
        CHECK(got == v);
    }
    for (std::int64_t v : signed_values) {
        std::int64_t got = 1;
        REQUIRE(r.svar(got));
        CHECK(got == v);
    }
    std::string s;
    REQUIRE(r.vstr(s));
    CHECK(s == "Noto Serif 10.5");
    CHECK(r.remaining() == 0);

    ByteWriter sizes;
    sizes.uvar(127);
    CHECK(sizes.bytes().size() == 1);
    sizes.svar(-64);
    CHECK(sizes.bytes().size() == 2);
    sizes.uvar(std::numeric_limits<std::uint64_t>::max());
    CHECK(sizes.bytes().size() == 12);  // 10 for the widest
}

TEST_CASE("a varint that is cut short, too long or wider than 64 bits is refused") {
    std::uint64_t v = 0;
    CHECK_FALSE(ByteReader(std::string_view("\x80\x80", 2)).uvar(v));   // continues past the end
    CHECK_FALSE(ByteReader(std::string(11, '\x80') + '\x01').uvar(v));  // more than 10 bytes
    std::string wide(9, '\xff');
    wide += '\x02';  // the tenth byte may hold one bit only
    CHECK_FALSE(ByteReader(wide).uvar(v));
    std::string s;
    CHECK_FALSE(ByteReader(std::string_view("\x05" "abc", 4)).vstr(s));  // longer than what is left
    std::uint64_t n = 0;
    CHECK_FALSE(ByteReader(std::string_view("\x05" "abcd", 5)).vcount(n, 1));  // 5 elements cannot fit in 4 bytes
    CHECK(ByteReader(std::string_view("\x02" "ab", 3)).vcount(n, 1));
}
