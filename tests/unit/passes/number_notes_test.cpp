#include <doctest/doctest.h>

#include "helpers.hpp"
#include "passes/passes.hpp"

using namespace folio;
using namespace folio::test;

namespace {
int number_of(const Inline& in) { return std::get<NoteRef>(in.value).number; }
}

TEST_CASE("notes are numbered by first reference, not by definition order") {
    // Defined b, a, c; referenced a, b, a; c never referenced.
    Post p = post_with({para({text("x"), note_ref("a"), text("y"), note_ref("b"), note_ref("a")})},
                       {note("b", {text("B")}), note("a", {text("A")}), note("c", {text("C")})});
    Diagnostics d;
    number_notes(p, d);
    CHECK(d.empty());
    const auto& content = std::get<Paragraph>(p.doc.blocks[0].value).content;
    CHECK(number_of(content[1]) == 1);
    CHECK(number_of(content[3]) == 2);
    CHECK(number_of(content[4]) == 1);
    REQUIRE(p.doc.notes.size() == 3);
    CHECK(p.doc.notes[0].label == "a");
    CHECK(p.doc.notes[0].number == 1);
    CHECK(p.doc.notes[1].label == "b");
    CHECK(p.doc.notes[2].label == "c");
    CHECK(p.doc.notes[2].number == 0);
}

TEST_CASE("a reference inside a note is numbered after the main text's references") {
    Post p = post_with({para({note_ref("a"), note_ref("b")})},
                       {note("a", {text("see also"), note_ref("c")}), note("b", {text("B")}), note("c", {text("C")})});
    Diagnostics d;
    number_notes(p, d);
    CHECK(d.empty());
    CHECK(p.doc.notes[2].label == "c");
    CHECK(p.doc.notes[2].number == 3);
}

TEST_CASE("a note that refers to itself is reported and does not loop") {
    Post p = post_with({para({note_ref("loop")})}, {note("loop", {text("again"), note_ref("loop")}, {7, 1})});
    Diagnostics d;
    number_notes(p, d);
    REQUIRE(d.error_count() == 1);
    CHECK(d.items()[0].pos.line == 7);
    CHECK(d.items()[0].message == "footnote 'loop' refers to itself");
    CHECK(p.doc.notes[0].number == 1);
}
