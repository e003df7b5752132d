#include <doctest/doctest.h>

#include "app/commands.hpp"

using namespace folio;

TEST_CASE("SOURCE_DATE_EPOCH is decimal seconds and nothing else") {
    CHECK(parse_source_date_epoch("1700000000") == 1700000000);
    CHECK(parse_source_date_epoch("0") == 0);
    CHECK_FALSE(parse_source_date_epoch(""));
    CHECK_FALSE(parse_source_date_epoch(nullptr));
    CHECK_FALSE(parse_source_date_epoch("-5"));
    CHECK_FALSE(parse_source_date_epoch("17e8"));
    CHECK_FALSE(parse_source_date_epoch("99999999999999999999999"));
}
