#include <doctest/doctest.h>

#include "epub/html_sanitize.hpp"
#include "epub_test_support.hpp"

using namespace folio;
using namespace folio::epub;
using namespace folio::epub::test;

namespace {
Inline raw(std::string s, SourcePos pos = {1, 1}) { return make_inline(RawInline{"html", std::move(s)}, pos); }
Block raw_block(std::string s, SourcePos pos = {1, 1}) { return make_block(RawBlock{"html", std::move(s)}, pos); }
}  // namespace

TEST_CASE("tokeniser: tags, attributes in three quotings, entities, comments, stray <") {
    auto t = tokenize_html("a &lt; b<SPAN lang='ko' title=x data-a=\"1 &amp; 2\">c</span><!-- n --><br/>1 < 2");
    REQUIRE(t.size() == 7);
    CHECK(t[0].text == "a < b");
    CHECK(t[1].name == "span");
    REQUIRE(t[1].attributes.size() == 3);
    CHECK(t[1].attributes[0].value == "ko");
    CHECK(t[1].attributes[1].value == "x");
    CHECK(t[1].attributes[2].value == "1 & 2");
    CHECK(t[3].kind == HtmlToken::Kind::close);
    CHECK(t[4].kind == HtmlToken::Kind::comment);
    CHECK(t[5].self_closing);
    CHECK(t[6].text == "1 < 2");
}

TEST_CASE("unsafe URLs are recognised however spelt") {
    CHECK(is_unsafe_url("javascript:alert(1)"));
    CHECK(is_unsafe_url("  JaVaScRiPt:alert(1)"));
    CHECK(is_unsafe_url("java\tscript:x"));
    CHECK(is_unsafe_url("&#106;avascript:x"));
    CHECK(is_unsafe_url("data:text/html;base64,xx"));
    CHECK(is_unsafe_url("vbscript:x"));
    CHECK_FALSE(is_unsafe_url("https://example.org/javascript:"));
    CHECK_FALSE(is_unsafe_url("notes.md"));
}

TEST_CASE("epub spec: allowed inline HTML is rebuilt around the nodes between its tags") {
    Post p = post_with({para({text("H"), raw("<sub>"), text("2"), raw("</sub>"), text("O "), raw("<abbr title=\"United Nations\" onclick=\"x()\">"),
                              text("UN"), raw("</abbr>"), raw("<br>"), raw("<span lang=\"ko\">"), text("통일"),
                              raw("</span>")})});
    Diagnostics diags;
    CHECK(render_blocks(p, diags) ==
          "<p>H<sub>2</sub>O <abbr title=\"United Nations\">UN</abbr><br/>"
          "<span lang=\"ko\" xml:lang=\"ko\">통일</span></p>");
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message.find("onclick") != std::string::npos);
}

TEST_CASE("epub spec: script and its content, iframes, forms and unknown tags are removed with warnings") {
    Post p = post_with({para({text("a"), raw("<script>", {2, 3}), text("alert(1)"), raw("</script>"), text("b"),
                              raw("<a href=\"javascript:evil()\" onmouseover=\"x\">", {2, 20}), text("link"),
                              raw("</a>"), raw("<iframe src=\"https://x\"></iframe>", {2, 40})})});
    Diagnostics diags;
    CHECK(render_blocks(p, diags) == "<p>ablink</p>");
    REQUIRE(diags.items().size() == 3);
    CHECK(diags.items()[0].pos == SourcePos{2, 3});
    CHECK(diags.items()[0].message.find("<script>") != std::string::npos);
    CHECK(diags.items()[1].message.find("onmouseover") != std::string::npos);
    CHECK(diags.items()[1].message.find("unsafe URL") != std::string::npos);
    CHECK(diags.items()[2].message.find("<iframe>") != std::string::npos);
    for (const auto& d : diags.items()) CHECK(d.severity == Severity::warning);
}

TEST_CASE("epub spec: an unclosed or stray allowed tag is dropped, its text kept") {
    Post p = post_with({para({raw("<sup>"), text("1"), text(" and "), raw("</mark>")})});
    Diagnostics diags;
    CHECK(render_blocks(p, diags) == "<p>1 and </p>");
    CHECK(diags.items().size() == 2);
}

TEST_CASE("epub spec: a raw HTML block keeps allowed inline elements in a div, drops the rest") {
    Post p = post_with({raw_block("<div style=\"color:red\" onload=\"x()\">\nSee <kbd>Ctrl</kbd> &amp; <mark>this</mark>\n"
                                  "<style>p{}</style><form><input name=a></form></div>\n",
                                  {7, 1})});
    Diagnostics diags;
    CHECK(render_blocks(p, diags) ==
          "<div class=\"raw-html\">\nSee <kbd>Ctrl</kbd> &amp; <mark>this</mark></div>");
    REQUIRE(diags.items().size() == 3);  // div (with onload), style, form
    CHECK(diags.items()[0].pos == SourcePos{7, 1});
    CHECK(diags.items()[0].message.find("onload") != std::string::npos);
}

TEST_CASE("epub spec: a raw block of only a script or a comment leaves nothing") {
    Post p = post_with({raw_block("<script>\nalert(document.cookie)\n</script>\n"), raw_block("<!-- note -->\n"),
                        para({text("after")})});
    Diagnostics diags;
    CHECK(render_blocks(p, diags) == "<p>after</p>");
    CHECK(diags.items().size() == 1);
}

TEST_CASE("character references decode to UTF-8, ones that name no character become U+FFFD") {
    CHECK(decode_entities("caf&#233; &#xC870;&#x1F600; &amp;") == "caf\xC3\xA9 \xEC\xA1\xB0\xF0\x9F\x98\x80 &");
    CHECK(decode_entities("a&#0;b") == "a\xEF\xBF\xBD" "b");        // NUL
    CHECK(decode_entities("&#xD800;") == "\xEF\xBF\xBD");            // a surrogate
    CHECK(decode_entities("&#x110000;") == "\xEF\xBF\xBD");          // past U+10FFFF
    CHECK(decode_entities("&#x7FFFFFFF;") == "&#x7FFFFFFF;");        // too long to be a number: kept as written
}
