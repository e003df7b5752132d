#include <doctest/doctest.h>

#include "helpers.hpp"
#include "model/dump.hpp"
#include "passes/passes.hpp"

using namespace folio;
using namespace folio::test;

TEST_CASE("Hangul runs become lang=ko spans, spaces between Korean words stay inside") {
    Post p = post_with({para({text("Chosun Ilbo (조선 일보) and more")})});
    mark_hangul(p);
    CHECK(dump_document(p.doc) ==
          "document\n"
          "  paragraph\n"
          "    text \"Chosun Ilbo (\"\n"
          "    span lang=ko\n"
          "      text \"조선 일보\"\n"
          "    text \") and more\"\n");
}

TEST_CASE("text without Hangul is left alone") {
    Post p = post_with({para({text("plain — text")})});
    mark_hangul(p);
    CHECK(std::get<Paragraph>(p.doc.blocks[0].value).content.size() == 1);
}

TEST_CASE("a trailing space after Korean stays outside the span") {
    Post p = post_with({para({text("한국 ")})});
    mark_hangul(p);
    const auto& c = std::get<Paragraph>(p.doc.blocks[0].value).content;
    REQUIRE(c.size() == 2);
    CHECK(std::get<Text>(c[1].value).text == " ");
}

TEST_CASE("Hangul inside emphasis is marked once, and an author's lang span is respected") {
    Inlines emph_kids{text("in 한국어")};
    Inlines span_kids{text("한국어")};
    Post p = post_with({para({make_inline(Emph{emph_kids}), make_inline(Span{"ko-KP", "", span_kids})})});
    mark_hangul(p);
    CHECK(dump_document(p.doc) ==
          "document\n"
          "  paragraph\n"
          "    emph\n"
          "      text \"in \"\n"
          "      span lang=ko\n"
          "        text \"한국어\"\n"
          "    span lang=ko-KP\n"
          "      text \"한국어\"\n");
}
