#include <doctest/doctest.h>

#include "model/post.hpp"

using namespace folio;

TEST_CASE("ISO dates are checked against the calendar") {
    CHECK(parse_iso_date("2023-10-21") == Date{2023, 10, 21});
    CHECK(parse_iso_date("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(parse_iso_date("2023-02-29"));
    CHECK_FALSE(parse_iso_date("2023-02-31"));
    CHECK_FALSE(parse_iso_date("1900-02-29"));
    CHECK(parse_iso_date("2000-02-29"));
    CHECK_FALSE(parse_iso_date("2023-13-01"));
    CHECK_FALSE(parse_iso_date("2023-00-10"));
    CHECK_FALSE(parse_iso_date("23-10-21"));
    CHECK_FALSE(parse_iso_date("2023/10/21"));
    CHECK_FALSE(parse_iso_date("2023-10-2x"));
}

TEST_CASE("date-times take T or a space and an hour:minute") {
    auto dt = parse_iso_datetime("2017-03-22T16:00");
    REQUIRE(dt);
    CHECK(dt->date == Date{2017, 3, 22});
    CHECK(dt->hour == 16);
    CHECK(dt->iso() == "2017-03-22T16:00");
    CHECK(parse_iso_datetime("2017-03-22 09:30")->minute == 30);
    CHECK(parse_iso_datetime("2017-03-22")->hour == std::nullopt);
    CHECK_FALSE(parse_iso_datetime("2017-03-22T24:00"));
    CHECK_FALSE(parse_iso_datetime("2017-03-22T16"));
}

TEST_CASE("kinds round-trip through their names") {
    for (auto name : {"article", "opinion", "letter", "event", "statement", "news", "page"}) {
        auto k = kind_from_string(name);
        REQUIRE(k);
        CHECK(std::string(to_string(*k)) == name);
    }
    CHECK_FALSE(kind_from_string("Letter"));
    CHECK_FALSE(kind_from_string("memo"));
}

TEST_CASE("an event's time reads the same in both outputs, in the British style") {
    CHECK(parse_iso_datetime("2017-03-22T16:00")->clock() == "4.00 pm");
    CHECK(parse_iso_datetime("2017-03-22 09:05")->clock() == "9.05 am");
    CHECK(parse_iso_datetime("2017-03-22 12:30")->clock() == "12.30 pm");
    CHECK(parse_iso_datetime("2017-03-22 00:15")->clock() == "12.15 am");
    CHECK(parse_iso_datetime("2017-03-22")->clock().empty());
}
