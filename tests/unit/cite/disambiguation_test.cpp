// Given-name disambiguation across the document (givenname-disambiguation-rule
// all-names and its variants) on names written outside ASCII. Uses folio's
// own locales, so it runs without ../shared.
#include <doctest/doctest.h>

#include "cite_test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

Result<CitationStyle> style_with_rule(const std::string& rule) {
    const std::string xml = citation_style(
        "<group delimiter=\" \"><names variable=\"author\"><name form=\"short\" initialize-with=\". \"/></names>"
        "<date variable=\"issued\"><date-part name=\"year\"/></date></group>",
        "", "disambiguate-add-givenname=\"true\" givenname-disambiguation-rule=\"" + rule + "\"");
    auto style = csl::parse_style(xml, "inline.csl");
    if (!style) return Error{style.error()};
    auto locale = csl::make_locale(*style, "en-GB", std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/locales");
    if (!locale) return Error{locale.error()};
    return CitationStyle(std::move(*style), std::move(*locale));
}

// Two people of one family name, each cited once.
std::vector<std::string> cite_two(const std::string& rule, const std::string& family, const std::string& given_a,
                                  const std::string& given_b) {
    auto style = style_with_rule(rule);
    REQUIRE_MESSAGE(style, style.error());
    const std::string json = "[{\"id\": \"a\", \"type\": \"book\", \"author\": [{\"family\": \"" + family +
                             "\", \"given\": \"" + given_a + "\"}], \"issued\": {\"date-parts\": [[2001]]}},"
                             " {\"id\": \"b\", \"type\": \"book\", \"author\": [{\"family\": \"" + family +
                             "\", \"given\": \"" + given_b + "\"}], \"issued\": {\"date-parts\": [[2002]]}}]";
    Bibliography bib = bibliography_from(json);
    std::vector<Cite> cites{cite_of("a"), cite_of("b")};
    return run_cites(*style, bib, cites);
}

}  // namespace

TEST_CASE("given names outside ASCII: different initials are added, shared ones expand to the full name") {
    // É (C3 89) and Ø (C3 98) begin with the same byte but are different
    // initials: the initials tell these two apart.
    auto out = cite_two("all-names", "Martin", "Élise", "Ørjan");
    CHECK(out[0] == "É. Martin 2001");
    CHECK(out[1] == "Ø. Martin 2002");
    // With the initials-only rule too.
    out = cite_two("all-names-with-initials", "Martin", "Élise", "Ørjan");
    CHECK(out[0] == "É. Martin 2001");
    CHECK(out[1] == "Ø. Martin 2002");
    // The same initial: only the given name tells them apart.
    out = cite_two("all-names", "Martin", "Élise", "Émile");
    CHECK(out[0] == "Élise Martin 2001");
    CHECK(out[1] == "Émile Martin 2002");

    // Hangul given names: 재 (EC 9E AC) and 지 (EC A7 80) share their first
    // byte but not their first letter; 재인 and 재원 share it.
    out = cite_two("primary-name", "김", "재인", "지원");
    CHECK(out[0] == "김재. 2001");
    CHECK(out[1] == "김지. 2002");
    out = cite_two("primary-name", "김", "재인", "재원");
    CHECK(out[0] == "김재인 2001");
    CHECK(out[1] == "김재원 2002");
}
