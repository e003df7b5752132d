#include <doctest/doctest.h>


#include "helpers.hpp"
#include "model/dump.hpp"
#include "passes/format_citations.hpp"
#include "passes/passes.hpp"

using namespace folio;
using namespace folio::test;

namespace {

// folio's own locales, in the tree: these tests never depend on what is installed.
const std::string locales = std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/locales";

Inline cite(std::string key, std::string locator = "") {
    Cite c;
    CiteItem item;
    item.key = std::move(key);
    if (!locator.empty()) {
        item.locator_label = "paragraph";
        item.locator = std::move(locator);
    }
    c.items.push_back(item);
    c.source = "[@" + c.items[0].key + "]";
    return make_inline(std::move(c), {3, 5});
}

Pack pack_with(Post post) {
    Pack pack;
    CslItem coi;
    coi.id = "coi2014";
    coi.type = "report";
    coi.fields["title"] = "Report of the commission of inquiry on human rights in the DPRK";
    coi.fields["number"] = "A/HRC/25/63";
    CslName un;
    un.literal = "United Nations Human Rights Council";
    coi.names["author"] = {un};
    CslDate issued;
    issued.parts = {{2014, 2, 7}};
    coi.dates["issued"] = issued;
    pack.bibliography.path = "references.json";
    pack.bibliography.items.push_back(coi);
    pack.posts.push_back(std::move(post));
    return pack;
}

}  // namespace

TEST_CASE("a note style moves citations into footnotes numbered with the written ones") {
    const std::string style_path = std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/folio-uk-notes.csl";
    auto style = CitationStyle::load(style_path, locales, "en-GB");
    REQUIRE(style.ok());
    REQUIRE(style->is_note_style());

    // Text: a written note [^a], then a citation, then the same source again.
    Post post = post_with({para({text("First"), note_ref("a"), text(" then"), cite("coi2014"), text(" and"),
                                 cite("coi2014", "12")})},
                          {note("a", {text("A written note.")})});
    Diagnostics d;
    number_notes(post, d);
    Pack pack = pack_with(std::move(post));
    format_pack_citations(pack, *style, d);
    CHECK(d.empty());

    const Post& out = pack.posts[0];
    const auto& content = std::get<Paragraph>(out.doc.blocks[0].value).content;
    // The citations left NoteRefs 2 and 3 behind.
    REQUIRE(content.size() == 6);
    CHECK(std::get<NoteRef>(content[3].value).number == 2);
    CHECK(std::get<NoteRef>(content[5].value).number == 3);
    REQUIRE(out.doc.notes.size() == 3);
    CHECK(out.doc.notes[1].from_citation);
    const std::string first = plain_text(std::get<Paragraph>(out.doc.notes[1].content[0].value).content);
    const std::string second = plain_text(std::get<Paragraph>(out.doc.notes[2].content[0].value).content);
    CHECK(first.find("A/HRC/25/63") != std::string::npos);
    // The second citation of the same source right after: "Ibid" with the pinpoint.
    CHECK(second.find("Ibid") != std::string::npos);
    CHECK(second.find("12") != std::string::npos);
    CHECK_FALSE(out.doc.references.empty());
}

TEST_CASE("an author-date style keeps citations in the text and makes the post's reference list") {
    const std::string style_path = "/usr/share/citation-style-language/styles/apa.csl";
    auto style = CitationStyle::load(style_path, locales, "en-GB");
    REQUIRE(style.ok());
    Post post = post_with({para({text("As reported"), cite("coi2014")})});
    Diagnostics d;
    Pack pack = pack_with(std::move(post));
    format_pack_citations(pack, *style, d);
    CHECK(d.empty());
    const auto& content = std::get<Paragraph>(pack.posts[0].doc.blocks[0].value).content;
    const auto& c = std::get<Cite>(content[1].value);
    CHECK(plain_text(c.rendered).find("2014") != std::string::npos);
    CHECK(pack.posts[0].doc.notes.empty());
    REQUIRE(pack.posts[0].doc.references.size() == 1);
    CHECK(pack.posts[0].doc.references[0].id == "coi2014");
    CHECK(plain_text(pack.posts[0].doc.references[0].text).find("commission of inquiry") != std::string::npos);
}

TEST_CASE("with references per pack, posts get none and the pack one list") {
    const std::string style_path = "/usr/share/citation-style-language/styles/apa.csl";
    auto style = CitationStyle::load(style_path, locales, "en-GB");
    REQUIRE(style.ok());
    Pack pack = pack_with(post_with({para({cite("coi2014")})}));
    pack.references_per_pack = true;
    Diagnostics d;
    format_pack_citations(pack, *style, d);
    CHECK(pack.posts[0].doc.references.empty());
    CHECK(pack.references.size() == 1);
}
