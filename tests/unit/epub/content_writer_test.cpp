// Spec examples for the XHTML of each node kind: a tree in, XHTML out.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "epub_test_support.hpp"

using namespace folio;
using namespace folio::epub;
using namespace folio::epub::test;

TEST_CASE("epub spec: paragraph with emphasis, strong, strike, sup, sub, small caps, code, breaks") {
    Inlines in{text("a "),
               make_inline(Emph{{text("em")}}),
               make_inline(Strong{{text("strong")}}),
               make_inline(Strikethrough{{text("gone")}}),
               make_inline(Superscript{{text("2")}}),
               make_inline(Subscript{{text("x")}}),
               make_inline(SmallCaps{{text("UN")}}),
               make_inline(Code{"a<b & c"}),
               make_inline(SoftBreak{}),
               text("b"),
               make_inline(LineBreak{}),
               text("c")};
    CHECK(render_blocks(post_with({para(in)})) ==
          "<p>a <em>em</em><strong>strong</strong><s>gone</s><sup>2</sup><sub>x</sub>"
          "<span class=\"smallcaps\">UN</span><code>a&lt;b &amp; c</code>\nb<br/>c</p>");
}

TEST_CASE("epub spec: headings shift so the post's top level is h2 and get ids") {
    Heading h1{2, {text("Background")}, "background"};
    Heading h2{3, {text("Detail")}, ""};
    Heading h3{2, {text("Background")}, "background"};
    std::string out = render_blocks(post_with({make_block(h1), make_block(h2), make_block(h3)}));
    CHECK(out == "<h2 id=\"background\">Background</h2><h3 id=\"section-2\">Detail</h3>"
                 "<h2 id=\"background-2\">Background</h2>");
}

TEST_CASE("epub spec: heading levels never exceed h6 nor go above h2") {
    Heading top{1, {text("One")}, "one"};
    Heading deep{6, {text("Six")}, "six"};
    CHECK(render_blocks(post_with({make_block(top), make_block(deep)})) ==
          "<h2 id=\"one\">One</h2><h6 id=\"six\">Six</h6>");
}

TEST_CASE("epub spec: block quote, thematic break, code block with language") {
    BlockQuote q{{para({text("quoted")})}};
    CodeBlock c{"cpp extra", "int x = 1;\n"};
    CHECK(render_blocks(post_with({make_block(q), make_block(ThematicBreak{}), make_block(c)})) ==
          "<blockquote><p>quoted</p></blockquote><hr/>"
          "<pre><code class=\"language-cpp\">int x = 1;</code></pre>");
}

TEST_CASE("epub spec: tight and loose lists, ordered start, task items") {
    List tight;
    tight.items.push_back({{para({text("one")})}, std::nullopt, {}});
    tight.items.push_back({{para({text("done")})}, true, {}});
    List loose;
    loose.ordered = true;
    loose.start = 3;
    loose.tight = false;
    loose.items.push_back({{para({text("three")})}, std::nullopt, {}});
    CHECK(render_blocks(post_with({make_block(tight), make_block(loose)})) ==
          "<ul><li>one</li><li><span class=\"task\">[x]</span> done</li></ul>"
          "<ol start=\"3\"><li><p>three</p></li></ol>");
}

TEST_CASE("epub spec: table with thead, scoped header cells and alignment") {
    Table t;
    t.aligns = {Align::none, Align::right};
    t.header.cells = {{{text("Year")}, {}}, {{text("Escapees")}, {}}};
    t.rows.push_back({{{{text("2019")}, {}}, {{text("1,047")}, {}}}});
    CHECK(render_blocks(post_with({make_block(t)})) ==
          "<table><thead><tr><th scope=\"col\">Year</th><th scope=\"col\" class=\"align-right\">Escapees</th></tr>"
          "</thead><tbody><tr><td>2019</td><td class=\"align-right\">1,047</td></tr></tbody></table>");
}

TEST_CASE("epub spec: Hangul runs get lang=ko, spaces between Hangul words stay inside") {
    CHECK(render_blocks(post_with({para({text("Kim Jong-un (김정은 위원장) said")})})) ==
          "<p>Kim Jong-un (<span lang=\"ko\" xml:lang=\"ko\">김정은 위원장</span>) said</p>");
}

TEST_CASE("epub spec: no Hangul spans inside a Korean span or a Korean post") {
    Span ko{"ko", "", {text("통일")}};
    CHECK(render_blocks(post_with({para({make_inline(ko)})})) ==
          "<p><span lang=\"ko\" xml:lang=\"ko\">통일</span></p>");
    Span nested{"ko", "", {make_inline(Span{"ko", "", {text("북한")}})}};
    CHECK(render_blocks(post_with({para({make_inline(nested)})})) ==
          "<p><span lang=\"ko\" xml:lang=\"ko\">북한</span></p>");
    Post korean = post_with({para({text("통일 unification")})});
    korean.meta.lang = "ko";
    CHECK(render_blocks(korean) == "<p>통일 unification</p>");
}

TEST_CASE("epub spec: citations show the formatted text, or their source before formatting") {
    Cite formatted;
    formatted.source = "[@coi2014]";
    formatted.rendered = {text("(UN Commission of Inquiry 2014)")};
    Cite raw;
    raw.source = "[@coi2014, para 12]";
    CHECK(render_blocks(post_with({para({make_inline(formatted), text(" "), make_inline(raw)})})) ==
          "<p><span class=\"citation\">(UN Commission of Inquiry 2014)</span> "
          "<span class=\"citation\">[@coi2014, para 12]</span></p>");
}

TEST_CASE("epub spec: links: external kept, other posts rewritten, unknown and unsafe unlinked with warnings") {
    Post p = post_with({para({make_inline(Link{"https://example.org/a?b=1&c=2", "Example", {text("ext")}}),
                              make_inline(Link{"2023-01-02-sample.md#top", "", {text("post")}}),
                              make_inline(Link{"missing.md", "", {text("gone")}}, {3, 4}),
                              make_inline(Link{" JavaScript:alert(1)", "", {text("evil")}}, {5, 6})})});
    Diagnostics diags;
    CHECK(render_blocks(p, diags) ==
          "<p><a href=\"https://example.org/a?b=1&amp;c=2\" title=\"Example\">ext</a>"
          "<a href=\"post-sample.xhtml\">post</a>gone" "evil</p>");
    REQUIRE(diags.items().size() == 3);
    CHECK(diags.items()[0].message.find("names no heading") != std::string::npos);  // #top
    CHECK(diags.items()[1].pos == SourcePos{3, 4});
    CHECK(diags.items()[2].message.find("javascript:") != std::string::npos);
    CHECK(diags.items()[2].file == "input/2023-01-02-sample.md");
}

TEST_CASE("epub spec: a link showing its address has the class that stops the reader hyphenating it") {
    // The EPUB's body is hyphens: auto; "koreafuture.org/news/re-port" copied
    // from a reader is an address that does not exist.
    Post p = post_with({para({make_inline(Link{"https://koreafuture.org/news/report/", "", {text("koreafuture.org/news/report")}}),
                              text(" "),
                              make_inline(Link{"https://undocs.org/A/71/439", "", {text("https://undocs.org/A/71/439")}}),
                              text(" "), make_inline(Link{"https://example.org", "", {text("www.example.org")}}),
                              text(" "), make_inline(Link{"https://example.org/report", "", {text("the report")}})})});
    CHECK(render_blocks(p) ==
          "<p><a href=\"https://koreafuture.org/news/report/\" class=\"address\">koreafuture.org/news/report</a> "
          "<a href=\"https://undocs.org/A/71/439\" class=\"address\">https://undocs.org/A/71/439</a> "
          "<a href=\"https://example.org\" class=\"address\">www.example.org</a> "
          "<a href=\"https://example.org/report\">the report</a></p>");
    std::ifstream css(std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/epub.css");
    const std::string sheet{std::istreambuf_iterator<char>(css), {}};
    CHECK(sheet.find("a.address { hyphens: manual;") != std::string::npos);
}

TEST_CASE("epub spec: footnotes numbered in order of first reference, with noterefs and back-links") {
    Footnote a{"a", 0, {para({text("Note A.")})}, false, {9, 1}};
    Footnote b{"b", 0, {para({text("Note B.")})}, false, {10, 1}};
    Post p = post_with({para({text("x"), make_inline(NoteRef{"b", 0}), text("y"), make_inline(NoteRef{"a", 0}),
                              make_inline(NoteRef{"b", 0})})},
                       {a, b});
    Diagnostics diags;
    std::string out = render_blocks(p, diags, true);
    CHECK(out ==
          "<p>x<a id=\"noteref-1\" href=\"#note-1\" class=\"noteref\" epub:type=\"noteref\" role=\"doc-noteref\">1</a>"
          "y<a id=\"noteref-2\" href=\"#note-2\" class=\"noteref\" epub:type=\"noteref\" role=\"doc-noteref\">2</a>"
          "<a id=\"noteref-1-2\" href=\"#note-1\" class=\"noteref\" epub:type=\"noteref\" role=\"doc-noteref\">1</a></p>"
          "<aside id=\"note-1\" class=\"footnote\" epub:type=\"footnote\" role=\"doc-footnote\">"
          "<p><a href=\"#noteref-1\" class=\"backlink\" role=\"doc-backlink\" title=\"Back to the text of note 1\">1.</a> "
          "Note B.</p></aside>"
          "<aside id=\"note-2\" class=\"footnote\" epub:type=\"footnote\" role=\"doc-footnote\">"
          "<p><a href=\"#noteref-2\" class=\"backlink\" role=\"doc-backlink\" title=\"Back to the text of note 2\">2.</a> "
          "Note A.</p></aside>");
    CHECK(diags.empty());
}

TEST_CASE("epub spec: numbers set by the note pass win, unreferenced notes are left out with a warning") {
    Footnote a{"a", 2, {para({text("A")})}, false, {}};
    Footnote b{"b", 1, {para({text("B")})}, false, {}};
    Footnote orphan{"orphan", 0, {para({text("never")})}, false, {12, 1}};
    Post p = post_with({para({make_inline(NoteRef{"a", 2}), make_inline(NoteRef{"b", 1})})}, {a, b, orphan});
    Diagnostics diags;
    std::string out = render_blocks(p, diags, true);
    CHECK(out.find("href=\"#note-2\"") < out.find("href=\"#note-1\""));
    CHECK(out.find("never") == std::string::npos);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].pos.line == 12);
}

TEST_CASE("epub spec: images: missing file shows the alt text and warns") {
    Post p = post_with({para({make_inline(Image{"images/none.png", "", {text("A map")}, ""}, {4, 1})})});
    Diagnostics diags;
    CHECK(render_blocks(p, diags) == "<p><span class=\"missing-image\">[A map]</span></p>");
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].pos.line == 4);
}

TEST_CASE("epub spec: fragment links are kept only when they name a heading") {
    Post p = post_with({make_block(Heading{2, {text("Background")}, "background"}),
                        para({make_inline(Link{"#background", "", {text("up")}}),
                              make_inline(Link{"#nowhere", "", {text("lost")}}, {8, 2}),
                              make_inline(Link{"sample.md#background", "", {text("same")}})})});
    Diagnostics diags;
    CHECK(render_blocks(p, diags) ==
          "<h2 id=\"background\">Background</h2>"
          "<p><a href=\"#background\">up</a>lost<a href=\"post-sample.xhtml#background\">same</a></p>");
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].pos == SourcePos{8, 2});
}

TEST_CASE("epub spec: a paragraph of one titled image is a figure with a caption") {
    Post p = post_with({para({make_inline(Image{"images/none.png", "The border at Sinuiju", {text("A river")}, ""})})});
    Diagnostics diags;
    CHECK(render_blocks(p, diags) ==
          "<figure><span class=\"missing-image\">[A river]</span><figcaption>The border at Sinuiju</figcaption></figure>");
}
