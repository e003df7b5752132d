#include <doctest/doctest.h>

#include "model/utf8.hpp"

using namespace folio;

TEST_CASE("ill-formed UTF-8 sequences are found where they break") {
    CHECK_FALSE(utf8_invalid_at("plain ASCII"));
    CHECK_FALSE(utf8_invalid_at("\xEB\xB6\x81\xED\x95\x9C \xE2\x80\x9C\xF0\x9F\x98\x80"));  // 북한 “😀
    CHECK_FALSE(utf8_invalid_at("\xF4\x8F\xBF\xBF"));     // U+10FFFF, the last code point
    CHECK(utf8_invalid_at("a\xC0\xAF") == 1u);           // overlong '/'
    CHECK(utf8_invalid_at("\xE0\x80\xAF") == 0u);        // overlong in three bytes
    CHECK(utf8_invalid_at("\xF0\x80\x80\xAF") == 0u);    // and in four
    CHECK(utf8_invalid_at("ab\xED\xA0\x80") == 2u);      // a UTF-16 surrogate (U+D800)
    CHECK(utf8_invalid_at("\xED\xBF\xBF") == 0u);        // U+DFFF
    CHECK(utf8_invalid_at("\xF4\x90\x80\x80") == 0u);    // past U+10FFFF
    CHECK(utf8_invalid_at("\xF5\x80\x80\x80") == 0u);    // a lead byte no sequence has
    CHECK(utf8_invalid_at("x\xE2\x80") == 1u);           // cut short by the end
    CHECK(utf8_invalid_at("x\xE2\x80y") == 1u);          // a missing continuation byte
    CHECK(utf8_invalid_at("Ren\xE9 Doe") == 3u);         // Latin-1
    CHECK(utf8_invalid_at("\x80") == 0u);                // a lone continuation byte
}

TEST_CASE("decoding gives each code point, a malformed byte is U+FFFD and decoding goes on after it") {
    CHECK(utf8_decode("a\xC3\xA9\xEC\xA1\xB0\xF0\x9F\x98\x80") == U"a\u00E9\uC870\U0001F600");
    CHECK(utf8_decode("a\xC0\xAF" "b") == U"a\uFFFD\uFFFD" "b");     // overlong: each byte replaced
    CHECK(utf8_decode("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");    // a surrogate is not decoded
    CHECK(utf8_decode("\xF4\x90\x80\x80").front() == replacement_character);
    CHECK(utf8_decode("x\xE2\x80") == U"x\uFFFD\uFFFD");            // cut short
    std::size_t i = 1;
    CHECK(utf8_next("a\xEC\xA1\xB0z", i) == U'\uC870');
    CHECK(i == 4);
    char32_t cp = 0;
    i = 0;
    CHECK_FALSE(utf8_decode_one("\xFF", i, cp));
    CHECK(i == 1);
    CHECK(cp == replacement_character);
}

TEST_CASE("encoding writes one to four bytes, a surrogate or a value past U+10FFFF becomes U+FFFD") {
    CHECK(utf8_of(U'A') == "A");
    CHECK(utf8_of(0xE9) == "\xC3\xA9");
    CHECK(utf8_of(0x7FF) == "\xDF\xBF");
    CHECK(utf8_of(0x800) == "\xE0\xA0\x80");
    CHECK(utf8_of(0xC870) == "\xEC\xA1\xB0");
    CHECK(utf8_of(0x1F600) == "\xF0\x9F\x98\x80");
    CHECK(utf8_of(0x10FFFF) == "\xF4\x8F\xBF\xBF");
    CHECK(utf8_of(0xD800) == "\xEF\xBF\xBD");
    CHECK(utf8_of(0xDFFF) == "\xEF\xBF\xBD");
    CHECK(utf8_of(0x110000) == "\xEF\xBF\xBD");
    CHECK(utf8_of(0xFFFFFFFF) == "\xEF\xBF\xBD");
    std::string out = "x";
    utf8_append(out, 0x2019);
    CHECK(out == "x\xE2\x80\x99");
    // Every valid code point survives a round trip.
    for (char32_t c = 0; c <= 0x10FFFF; c += (c < 0x800 ? 1 : 97)) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        const std::string s = utf8_of(c);
        REQUIRE_FALSE(utf8_invalid_at(s));
        REQUIRE(utf8_decode(s) == std::u32string(1, c));
    }
    CHECK(utf8_encode(U"\uC870\uC120") == "\xEC\xA1\xB0\xEC\x84\xA0");
}
