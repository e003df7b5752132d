// Pandoc citation syntax into Cite inlines.
#include <doctest/doctest.h>

#include "model/dump.hpp"
#include "read/citation_syntax.hpp"
#include "read_test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

// The single citation found in `text`.
Cite only_cite(std::string_view text) {
    auto found = read::find_citations(text);
    REQUIRE(found.size() == 1);
    return found[0].cite;
}

}  // namespace

TEST_CASE("bracketed citations with locators") {
    auto c = only_cite("[@coi2014]");
    CHECK(c.mode == CiteMode::normal);
    REQUIRE(c.items.size() == 1);
    CHECK(c.items[0].key == "coi2014");
    CHECK(c.items[0].locator.empty());
    CHECK(c.source == "[@coi2014]");

    struct Case {
        const char* text;
        const char* label;
        const char* locator;
        const char* suffix;
    };
    for (const Case& k : {
             Case{"[@key, p. 12]", "page", "12", ""},
             Case{"[@key, pp. 12-14]", "page", "12-14", ""},
             Case{"[@key, pp. 12\xE2\x80\x93" "14]", "page", "12\xE2\x80\x93" "14", ""},
             Case{"[@key, para 12]", "paragraph", "12", ""},
             Case{"[@key, paras. 12, 15]", "paragraph", "12, 15", ""},
             Case{"[@key, \xC2\xB6 12]", "paragraph", "12", ""},
             Case{"[@key, art. 19]", "article-locator", "19", ""},
             Case{"[@key, article 3]", "article-locator", "3", ""},
             Case{"[@key, ch. 3]", "chapter", "3", ""},
             Case{"[@key, \xC2\xA7 4.2]", "section", "4.2", ""},
             Case{"[@key, sec. 4]", "section", "4", ""},
             Case{"[@key, n. 7]", "note", "7", ""},
             Case{"[@key, vol. ii]", "volume", "ii", ""},
             Case{"[@key, l. 10]", "line", "10", ""},
             Case{"[@key, fig. 2]", "figure", "2", ""},
             Case{"[@key, annex II]", "appendix", "II", ""},
             Case{"[@key, 45 and passim]", "page", "45", "and passim"},
             Case{"[@key, 33, 35-37, and nowhere else]", "page", "33, 35-37", ", and nowhere else"},
             Case{"[@key, p. 12, emphasis added]", "page", "12", ", emphasis added"},
         }) {
        CAPTURE(k.text);
        auto cite = only_cite(k.text);
        REQUIRE(cite.items.size() == 1);
        CHECK(cite.items[0].locator_label == k.label);
        CHECK(cite.items[0].locator == k.locator);
        CHECK(cite.items[0].suffix == k.suffix);
    }
}

TEST_CASE("a comma not followed by a locator starts a suffix") {
    auto c = only_cite("[@key, and elsewhere]");
    CHECK(c.items[0].locator.empty());
    CHECK(c.items[0].suffix == ", and elsewhere");
}

TEST_CASE("prefixes, several items and suppressed authors") {
    auto c = only_cite("[see @a, ch. 3; @b]");
    REQUIRE(c.items.size() == 2);
    CHECK(c.items[0].prefix == "see");
    CHECK(c.items[0].key == "a");
    CHECK(c.items[0].locator_label == "chapter");
    CHECK(c.items[0].locator == "3");
    CHECK(c.items[1].key == "b");
    CHECK(c.items[1].prefix.empty());

    auto s = only_cite("[-@key]");
    CHECK(s.items[0].suppress_author);
    CHECK(s.items[0].key == "key");

    auto two = only_cite("[@a; @b, 45 and passim]");
    REQUIRE(two.items.size() == 2);
    CHECK(two.items[1].locator == "45");
    CHECK(two.items[1].suffix == "and passim");

    auto pre = only_cite("[cf. -@smith04, p. 3]");
    CHECK(pre.items[0].prefix == "cf.");
    CHECK(pre.items[0].suppress_author);
}

TEST_CASE("narrative citations, with and without a bracketed locator") {
    auto found = read::find_citations("As @smith04 [p. 33] says, and @doe99 agrees.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].cite.mode == CiteMode::narrative);
    CHECK(found[0].cite.items[0].key == "smith04");
    CHECK(found[0].cite.items[0].locator_label == "page");
    CHECK(found[0].cite.items[0].locator == "33");
    CHECK(found[0].cite.source == "@smith04 [p. 33]");
    CHECK(found[1].cite.items[0].key == "doe99");
    CHECK(found[1].cite.source == "@doe99");
}

TEST_CASE("keys follow pandoc: internal punctuation, no trailing punctuation, braces") {
    CHECK(only_cite("See @un:hrc/2022.") .items[0].key == "un:hrc/2022");
    CHECK(only_cite("See @smith.").items[0].key == "smith");
    CHECK(only_cite("[@Doe-2014_a]").items[0].key == "Doe-2014_a");
    CHECK(only_cite("[@{A/HRC/25/63}, para. 80]").items[0].key == "A/HRC/25/63");
    CHECK(only_cite("[@_x]").items[0].key == "_x");
}

TEST_CASE("e-mail addresses and bare @ are not citations") {
    CHECK(read::find_citations("Write to info@example.org or office@appg.uk.").empty());
    CHECK(read::find_citations("An @ alone, @. and @-x").empty());
    CHECK(read::find_citations("[not a citation] and [see info@example.org]").empty());
    // An item without a key makes the bracket ordinary text; what is left
    // is a narrative citation, as in pandoc.
    auto found = read::find_citations("[@a; nothing here]");
    REQUIRE(found.size() == 1);
    CHECK(found[0].cite.mode == CiteMode::narrative);
    CHECK(found[0].begin == 1);
}

TEST_CASE("citations are not recognised in code, code blocks, links or autolinks") {
    CHECK(dump_body("`[@a]` [@b](http://x.org) <mailto:me@example.org> https://x.org/@user me@example.org\n\n"
                    "```\n[@c]\n```\n") ==
          "document\n"
          "  paragraph @6:1\n"
          "    code \"[@a]\"\n"
          "    text \" \"\n"
          "    link \"http://x.org\"\n"
          "      text \"@b\"\n"
          "    text \" \"\n"
          "    link \"mailto:me@example.org\"\n"
          "      text \"mailto:me@example.org\"\n"
          "    text \" \"\n"
          "    link \"https://x.org/@user\"\n"
          "      text \"https://x.org/@user\"\n"
          "    text \" \"\n"
          "    link \"mailto:me@example.org\"\n"
          "      text \"me@example.org\"\n"
          "  code_block @8:1\n"
          "    \"[@c]\\n\"\n");
}

TEST_CASE("citations in a paragraph carry the positions of the bracket and of each key") {
    CHECK(dump_body("As the report says [see @coi2014, para. 80; -@hrc2022] and @baek2016 [p. 3] *shows*.\n") ==
          "document\n"
          "  paragraph @6:1\n"
          "    text \"As the report says \"\n"
          "    cite @6:20\n"
          "      item coi2014 prefix=\"see\" paragraph=\"80\" @6:25\n"
          "      item hrc2022 suppress-author @6:46\n"
          "    text \" and \"\n"
          "    cite narrative @6:60\n"
          "      item baek2016 page=\"3\" @6:60\n"
          "    text \" \"\n"
          "    emph\n"
          "      text \"shows\"\n"
          "    text \".\"\n");
}

TEST_CASE("positions stay right after escapes and entities earlier on the line") {
    auto r = read_text(with_front_matter("A \\* b &amp; c &#8212; d [@key]\n"));
    const auto& para = std::get<Paragraph>(r.post->doc.blocks.at(0).value);
    REQUIRE(para.content.size() == 2);
    const auto& cite = std::get<Cite>(para.content[1].value);
    CHECK(para.content[1].pos == SourcePos{6, 26});
    CHECK(cite.items[0].pos == SourcePos{6, 27});
}

TEST_CASE("a citation may run over a line break") {
    auto r = read_text(with_front_matter("Text [@a;\n@b, p. 4] after.\n"));
    const auto& para = std::get<Paragraph>(r.post->doc.blocks.at(0).value);
    REQUIRE(para.content.size() == 3);
    const auto& cite = std::get<Cite>(para.content[1].value);
    REQUIRE(cite.items.size() == 2);
    CHECK(cite.source == "[@a; @b, p. 4]");
    CHECK(cite.items[1].pos == SourcePos{7, 1});
    CHECK(cite.items[1].locator == "4");
}

TEST_CASE("citations inside emphasis and table cells and notes are found") {
    auto r = read_text(with_front_matter("*see [@a]*\n\n| x |\n|---|\n| [@b] |\n\nN[^1].\n\n[^1]: As [@c].\n"));
    REQUIRE(r.post);
    CHECK(r.messages().empty());
    const std::string dump = dump_document(r.post->doc);
    CHECK(dump.find("item a @6:7") != std::string::npos);
    CHECK(dump.find("item b @10:4") != std::string::npos);
    CHECK(dump.find("item c @14:11") != std::string::npos);
}

TEST_CASE("locator labels map to CSL 1.0.2 locator terms") {
    CHECK(read::locator_term("p.") == "page");
    CHECK(read::locator_term("PP") == "page");
    CHECK(read::locator_term("art.") == "article-locator");
    CHECK(read::locator_term("chap.") == "chapter");
    CHECK(read::locator_term("s.v.") == "sub-verbo");
    CHECK(read::locator_term("\xC2\xA7\xC2\xA7") == "section");
    CHECK_FALSE(read::locator_term("see"));
}

TEST_CASE("positions after a backslash hard break are on the next line (cmark-gfm keeps the old one)") {
    auto r = read_text(with_front_matter("one\\\ntwo [@a]\n"));
    const auto& para = std::get<Paragraph>(r.post->doc.blocks.at(0).value);
    REQUIRE(para.content.size() == 4);
    CHECK(para.content[2].pos == SourcePos{7, 1});
    CHECK(para.content[3].pos == SourcePos{7, 5});
    CHECK(std::get<Cite>(para.content[3].value).items[0].pos == SourcePos{7, 6});
}

TEST_CASE("an escaped at sign or bracket is not a citation") {
    auto r = read_text(with_front_matter("Follow \\@UN_HRC and \\[@a] but cite [@b].\n"));
    const auto& para = std::get<Paragraph>(r.post->doc.blocks.at(0).value);
    REQUIRE(para.content.size() == 3);
    CHECK(std::get<Text>(para.content[0].value).text == "Follow @UN_HRC and [@a] but cite ");
    CHECK(std::get<Cite>(para.content[1].value).items.at(0).key == "b");
    CHECK(para.content[1].pos == SourcePos{6, 36});
}

TEST_CASE("keys end at curly apostrophes and other non-ASCII punctuation") {
    // The group types its own curly quotes: “@baek2016’s book” cites baek2016.
    auto found = read::find_citations("\xE2\x80\x9C@baek2016\xE2\x80\x99s book\xE2\x80\x9D and @\xEB\xB0\xB1\xEC\xA7\x80\xEC\x9D\x80 too");
    REQUIRE(found.size() == 2);
    CHECK(found[0].cite.items[0].key == "baek2016");
    CHECK(found[0].begin == 3);
    CHECK(found[1].cite.items[0].key == "\xEB\xB0\xB1\xEC\xA7\x80\xEC\x9D\x80");  // a Hangul key
    // A letter of another script before the @ still makes it an address.
    CHECK(read::find_citations("\xEB\xB0\xB1@example.org").empty());
    CHECK(only_cite("[@key, pp. 12\xE2\x80\x93" "14\xE2\x80\x94see]").items[0].locator == "12\xE2\x80\x93" "14");
}
