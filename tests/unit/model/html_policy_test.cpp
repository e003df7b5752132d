// model/html_policy: the one place the reader and the EPUB writer ask what
// raw HTML and link targets may carry.
#include <doctest/doctest.h>

#include "model/html_policy.hpp"

using namespace folio;

TEST_CASE("a URL's scheme is read as a browser reads it") {
    CHECK(url_scheme("https://example.org") == "https");
    CHECK(url_scheme("  JaVa\tScRiPt:alert(1)") == "javascript");
    CHECK(url_scheme("java\x7fscript:x") == "javascript");
    CHECK(url_scheme("images/a.png") == "");
    CHECK(url_scheme("a/b:c") == "");  // a '/' before the colon: a path
    CHECK(is_script_url("javascript:x"));
    CHECK(is_script_url("VBScript:x"));
    CHECK(is_script_url("data:text/html;base64,xx"));
    CHECK_FALSE(is_script_url("https://example.org/javascript:"));
    CHECK_FALSE(is_script_url("mailto:a@example.org"));
}

TEST_CASE("tags are allowed, dropped with their content, or dropped with their text kept") {
    CHECK(tag_policy("sup") == TagPolicy::allowed);
    CHECK(tag_policy("script") == TagPolicy::dangerous);
    CHECK(tag_policy("iframe") == TagPolicy::dangerous);
    CHECK(tag_policy("b") == TagPolicy::dropped);
    CHECK(tag_policy("div") == TagPolicy::dropped);
    CHECK(is_void_element("br"));
    CHECK(is_void_element("input"));
    CHECK_FALSE(is_void_element("script"));
}
