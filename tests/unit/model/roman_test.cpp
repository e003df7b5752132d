#include <doctest/doctest.h>

#include "model/roman.hpp"

using namespace folio;

TEST_CASE("roman numerals in lower case, arabic where roman has no form") {
    CHECK(roman(1) == "i");
    CHECK(roman(4) == "iv");
    CHECK(roman(9) == "ix");
    CHECK(roman(14) == "xiv");
    CHECK(roman(49) == "xlix");
    CHECK(roman(1994) == "mcmxciv");
    CHECK(roman(3999) == "mmmcmxcix");
    CHECK(roman(0) == "0");
    CHECK(roman(-3) == "-3");
    CHECK(roman(4000) == "4000");
}
