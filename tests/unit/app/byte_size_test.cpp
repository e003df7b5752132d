// app/byte_size: the one reader of sizes, for --cache-size and [limits].
#include <doctest/doctest.h>

#include "app/byte_size.hpp"

using namespace folio;

TEST_CASE("sizes: bytes, binary multiples and decimal ones, as GNU coreutils reads them") {
    CHECK(parse_byte_size("4096") == 4096u);
    CHECK(parse_byte_size("1500 B") == 1500u);
    CHECK(parse_byte_size("0") == 0u);
    CHECK(parse_byte_size("100K") == 102'400u);
    CHECK(parse_byte_size("512M") == 512ull << 20);
    CHECK(parse_byte_size("512 MiB") == 512ull << 20);
    CHECK(parse_byte_size("512KiB") == 512ull << 10);
    CHECK(parse_byte_size("2G") == 2ull << 30);
    CHECK(parse_byte_size("2 GiB") == 2ull << 30);
    CHECK(parse_byte_size("1T") == 1ull << 40);
    CHECK(parse_byte_size("16 MB") == 16'000'000u);
    CHECK(parse_byte_size("1GB") == 1'000'000'000u);
    CHECK(parse_byte_size("3 kB") == 3'000u);
}

TEST_CASE("sizes: units in any case, spaces around") {
    CHECK(parse_byte_size("512m") == 512ull << 20);
    CHECK(parse_byte_size("2 gib") == 2ull << 30);
    CHECK(parse_byte_size("1 mb") == 1'000'000u);
    CHECK(parse_byte_size(" 4 MiB ") == 4ull << 20);
    CHECK(parse_byte_size("4   MiB") == 4ull << 20);
}

TEST_CASE("sizes: a fraction with a unit, exact and rounded down to a byte") {
    CHECK(parse_byte_size("1.5G") == 3ull << 29);
    CHECK(parse_byte_size("1.5GiB") == 3ull << 29);
    CHECK(parse_byte_size("0.5K") == 512u);
    CHECK(parse_byte_size("1.5 GB") == 1'500'000'000u);
    CHECK(parse_byte_size("0.001K") == 1u);  // 1.024 bytes
    CHECK(parse_byte_size("2.25 T") == 9ull << 38);
    CHECK_FALSE(parse_byte_size("1.5"));   // half a byte is not a size
    CHECK_FALSE(parse_byte_size("1.G"));
    CHECK_FALSE(parse_byte_size(".5G"));
}

TEST_CASE("sizes: anything else is refused") {
    CHECK_FALSE(parse_byte_size(""));
    CHECK_FALSE(parse_byte_size("  "));
    CHECK_FALSE(parse_byte_size("abc"));
    CHECK_FALSE(parse_byte_size("G"));
    CHECK_FALSE(parse_byte_size("MiB"));
    CHECK_FALSE(parse_byte_size("-1G"));
    CHECK_FALSE(parse_byte_size("+1G"));
    CHECK_FALSE(parse_byte_size("12 apples"));
    CHECK_FALSE(parse_byte_size("1iB"));
    CHECK_FALSE(parse_byte_size("1 X"));
    CHECK_FALSE(parse_byte_size("1 P"));
    CHECK_FALSE(parse_byte_size("1 MiBs"));
    CHECK_FALSE(parse_byte_size("1e9"));
    CHECK_FALSE(parse_byte_size("1,000"));
}

TEST_CASE("sizes: past 2^64 - 1 bytes is refused, up to it is exact") {
    CHECK(parse_byte_size("18446744073709551615") == UINT64_MAX);
    CHECK_FALSE(parse_byte_size("18446744073709551616"));
    CHECK_FALSE(parse_byte_size("99999999999999999999999 GiB"));
    CHECK_FALSE(parse_byte_size("20000000000 GiB"));
    CHECK(parse_byte_size("16777215 TiB") == 16'777'215ull << 40);
    CHECK_FALSE(parse_byte_size("16777216 TiB"));  // 2^64
}

TEST_CASE("sizes print with the largest binary unit that divides them") {
    CHECK(format_byte_size(1u << 20) == "1 MiB");
    CHECK(format_byte_size(52'428'800) == "50 MiB");
    CHECK(format_byte_size(52'428'801) == "52,428,801 bytes");
    CHECK(format_byte_size(1) == "1 byte");
    CHECK(format_byte_size(3u << 10) == "3 KiB");
    CHECK(format_count(10'000'000) == "10,000,000");
    CHECK(format_count(999) == "999");
}
