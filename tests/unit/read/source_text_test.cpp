// File shape: UTF-8, NUL bytes, empty files, BOM and line ends.
#include <doctest/doctest.h>

#include "read/source_text.hpp"
#include "read_test_support.hpp"

using namespace folio;
using namespace folio::test;

TEST_CASE("invalid UTF-8 is an error at its line and column with the byte offset") {
    const std::string text = with_front_matter("Good line.\nBad \xff byte.\n");
    auto r = read_text(text);
    CHECK_FALSE(r.post);
    REQUIRE(r.messages().size() == 1);
    const std::size_t offset = text.find('\xff');
    CHECK(r.messages()[0] == "7:5: error: invalid UTF-8 byte 0xff at byte offset " + std::to_string(offset));
}

TEST_CASE("a NUL byte is an error at its position") {
    const std::string text = with_front_matter(std::string("abc\ndef\0ghi\n", 12));
    auto r = read_text(text);
    REQUIRE(r.messages().size() == 1);
    CHECK(r.messages()[0] == "7:4: error: NUL byte at byte offset " + std::to_string(text.find('\0')));
}

TEST_CASE("an empty or whitespace-only file is an error") {
    auto empty = read_text("");
    CHECK_FALSE(empty.post);
    REQUIRE(empty.messages().size() == 1);
    CHECK(empty.messages()[0] == "1:1: error: empty file");
    auto blank = read_text(" \n\t\r\n\n");
    REQUIRE(blank.messages().size() == 1);
    CHECK(blank.messages()[0] == "1:1: error: file contains only whitespace");
    auto bom_only = read_text("\xEF\xBB\xBF");
    REQUIRE(bom_only.messages().size() == 1);
    CHECK(bom_only.messages()[0] == "1:1: error: empty file");
}

TEST_CASE("a leading BOM is skipped and does not count as columns") {
    auto r = read_text("\xEF\xBB\xBF" + with_front_matter("Text [@key].\n"));
    REQUIRE(r.post);
    CHECK(r.diags.empty());
    CHECK(r.post->meta.title == "Test");
    const auto& para = std::get<Paragraph>(r.post->doc.blocks.at(0).value);
    CHECK(para.content.at(1).pos == SourcePos{6, 6});
}

TEST_CASE("CRLF and CR line ends keep positions right") {
    for (const std::string eol : {"\r\n", "\r"}) {
        CAPTURE(eol.size());
        const std::string text = "---" + eol + "title: T" + eol + "date: 2023-02-31" + eol + "kind: article" + eol +
                                 "---" + eol + "First." + eol + eol + "See [@key]." + eol;
        auto r = read_text(text);
        REQUIRE(r.messages().size() == 1);
        CHECK(r.messages()[0] == "3:7: error: date '2023-02-31' does not exist (February 2023 has 28 days)");
        REQUIRE(r.post.has_value());
        REQUIRE(r.post->doc.blocks.size() == 2);
        CHECK(r.post->doc.blocks[1].pos == SourcePos{8, 1});
        const auto& para = std::get<Paragraph>(r.post->doc.blocks[1].value);
        CHECK(std::get<Text>(para.content[0].value).text == "See ");  // no stray CR in the text
        CHECK(para.content[1].pos == SourcePos{8, 5});
    }
}

TEST_CASE("raw positions count CRLF, CR and LF as one line end each") {
    CHECK(read::raw_position("a\r\nb\rc\nd", 7) == SourcePos{4, 1});
    CHECK(read::raw_position("\xEF\xBB\xBFxy", 4) == SourcePos{1, 2});
}

TEST_CASE("a binary file named .md is named for what it is, not as bad UTF-8") {
    folio::Diagnostics d;
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    CHECK_FALSE(folio::read::prepare_source("input/photo.md", png, d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].message == "not a text file: it begins like a PNG image");
    CHECK(d.items()[0].pos == folio::SourcePos{1, 1});
    folio::Diagnostics pdf;
    CHECK_FALSE(folio::read::prepare_source("input/report.md", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", pdf));
    CHECK(pdf.items().at(0).message == "not a text file: it begins like a PDF file");
}
