// Footnote checks cmark-gfm does not make.
#include <doctest/doctest.h>

#include "read/footnote_scan.hpp"
#include "read_test_support.hpp"

using namespace folio;
using namespace folio::test;

TEST_CASE("a duplicate footnote label is an error at the second definition") {
    auto r = read_text(with_front_matter("Text[^x].\n\n[^x]: First.\n[^x]: Second.\n"));
    CHECK(r.messages() == std::vector<std::string>{"9:1: error: duplicate footnote label 'x' (first defined at line 8)"});
    REQUIRE(r.post);
    REQUIRE(r.post->doc.notes.size() == 1);  // cmark-gfm keeps the first
}

TEST_CASE("labels are compared case-insensitively, as cmark-gfm matches them") {
    auto r = read_text(with_front_matter("Text[^Note].\n\n[^note]: First.\n[^NOTE]: Second.\n"));
    CHECK(r.messages() == std::vector<std::string>{"9:1: error: duplicate footnote label 'NOTE' (first defined at line 8)"});
}

TEST_CASE("a reference without a definition is an error at the reference") {
    auto r = read_text(with_front_matter("One[^1] and two[^2].\n\n[^1]: Defined.\n"));
    CHECK(r.messages() == std::vector<std::string>{"6:16: error: footnote reference '[^2]' has no definition"});
    CHECK(r.diags.items()[0].hint == "did you mean '1'?");
    auto r2 = read_text(with_front_matter("See[^sources].\n\n[^source]: Defined.\n"));
    CHECK(r2.messages() == std::vector<std::string>{
                               "6:4: error: footnote reference '[^sources]' has no definition",
                               "8:1: warning: footnote '[^source]' is defined but never referenced",
                           });
    CHECK(r2.diags.items()[0].hint == "did you mean 'source'?");
}

TEST_CASE("a definition never referenced is a warning") {
    auto r = read_text(with_front_matter("No references here.\n\n[^lonely]: Unused.\n"));
    CHECK(r.messages() == std::vector<std::string>{"8:1: warning: footnote '[^lonely]' is defined but never referenced"});
    // cmark-gfm drops such a definition; the reader keeps it (nothing lost).
    REQUIRE(r.post);
    REQUIRE(r.post->doc.notes.size() == 1);
    CHECK(r.post->doc.notes[0].label == "lonely");
    CHECK(r.post->doc.notes[0].number == 0);
    CHECK(r.post->doc.notes[0].pos == SourcePos{8, 1});
    REQUIRE(r.post->doc.blocks.size() == 1);  // the helper references leave no trace
}

TEST_CASE("an unreferenced definition at the end of an unclosed fence does not corrupt the fence") {
    auto r = read_text(with_front_matter("Text.\n\n[^a]: Unused.\n\n```\ncode\n"));
    REQUIRE(r.post);
    REQUIRE(r.post->doc.blocks.size() == 2);
    CHECK(std::get<CodeBlock>(r.post->doc.blocks[1].value).text == "code\n");
}

TEST_CASE("footnote syntax in code blocks, code spans and escapes is not checked") {
    auto r = read_text(with_front_matter("Write `[^x]` or \\[^y] for a note.\n\n```\n[^z]\n[^z]: a\n[^z]: b\n```\n\n"
                                         "~~~~\n[^w]\n~~~~\n"));
    CHECK(r.messages().empty());
}

TEST_CASE("the scan records definitions and references in file order") {
    read::SourceText src("Intro\n[^a]: A\n   [^b]: B [^a]\n    [^c]: indented four: not a definition\n");
    const auto scan = read::scan_footnotes(src, 1);
    REQUIRE(scan.definitions.size() == 2);
    CHECK(scan.definitions[0].label == "a");
    CHECK(scan.definitions[0].pos == SourcePos{2, 1});
    CHECK(scan.definitions[1].pos == SourcePos{3, 4});
    REQUIRE(scan.references.size() == 2);
    CHECK(scan.references[0].pos == SourcePos{3, 12});
    CHECK(scan.references[1].label == "c");
}

TEST_CASE("definitions in block quotes and fences in list items are seen") {
    auto r = read_text(with_front_matter("> Quoted[^q].\n>\n> [^q]: In the quote.\n\n- item\n\n      ```\n      [^code]\n      ```\n"));
    CHECK(r.messages().empty());
    REQUIRE(r.post);
    REQUIRE(r.post->doc.notes.size() == 1);
    CHECK(r.post->doc.notes[0].label == "q");
}

TEST_CASE("a definition whose colon was forgotten is named at its line, and its references point there") {
    // `[^a] Missing colon.` was read as text: folio said the reference had no
    // definition and suggested another label, at both places.
    auto r = read_text(with_front_matter("Text[^a] and[^b].\n\n[^a] Missing colon.\n\n[^b]: Defined.\n"));
    CHECK(r.messages() == std::vector<std::string>{
                              "6:5: error: footnote reference '[^a]' has no definition",
                              "8:1: error: footnote '[^a]' is not defined: its line has no colon after the label",
                          });
    REQUIRE(r.diags.items().size() == 2);
    CHECK(r.diags.items()[0].hint == "line 8 begins `[^a]` without a colon: write `[^a]: ` there to make it the note");
    CHECK(r.diags.items()[1].hint == "write `[^a]: ` to make this line the note");
    // A reference opening a line whose note is defined elsewhere is no slip.
    auto fine = read_text(with_front_matter("Text.\n\n[^a] opens this line.\n\n[^a]: Defined.\n"));
    CHECK(fine.messages().empty());
}
