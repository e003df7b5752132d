// Markdown into the model: every node kind, positions, merged text.
#include <doctest/doctest.h>

#include <thread>

#include "model/dump.hpp"
#include "read_test_support.hpp"

using namespace folio;
using namespace folio::test;

TEST_CASE("paragraphs, emphasis, code, links and breaks") {
    CHECK(dump_body("A *b* **c** ~~d~~ `e f` [g](http://x.org \"T\") <https://y.org>  \nh\ni\n") ==
          "document\n"
          "  paragraph @6:1\n"
          "    text \"A \"\n"
          "    emph\n"
          "      text \"b\"\n"
          "    text \" \"\n"
          "    strong\n"
          "      text \"c\"\n"
          "    text \" \"\n"
          "    strikethrough\n"
          "      text \"d\"\n"
          "    text \" \"\n"
          "    code \"e f\"\n"
          "    text \" \"\n"
          "    link \"http://x.org\" title=\"T\"\n"
          "      text \"g\"\n"
          "    text \" \"\n"
          "    link \"https://y.org\"\n"
          "      text \"https://y.org\"\n"
          "    linebreak\n"
          "    text \"h\"\n"
          "    softbreak\n"
          "    text \"i\"\n");
}

TEST_CASE("headings, quotes, rules, code blocks and raw HTML keep their positions") {
    CHECK(dump_body("# One\n\nTwo\n---\n\n> quoted\n> more\n\n***\n\n```cpp\nint x;\n```\n\n<div>raw</div>\n") ==
          "document\n"
          "  heading 1 @6:1\n"
          "    text \"One\"\n"
          "  heading 2 @8:1\n"
          "    text \"Two\"\n"
          "  blockquote @11:1\n"
          "    paragraph @11:3\n"
          "      text \"quoted\"\n"
          "      softbreak\n"
          "      text \"more\"\n"
          "  thematic_break @14:1\n"
          "  code_block info=\"cpp\" @16:1\n"
          "    \"int x;\\n\"\n"
          "  raw_block html \"<div>raw</div>\\n\" @20:1\n");
}

TEST_CASE("lists: ordered start and delimiter, tight and loose, task items") {
    CHECK(dump_body("3) three\n4) four\n\n- a\n\n- b\n\n* [x] done\n* [ ] open\n") ==
          "document\n"
          "  ordered_list start=3 delim=) tight @6:1\n"
          "    item @6:1\n"
          "      paragraph @6:4\n"
          "        text \"three\"\n"
          "    item @7:1\n"
          "      paragraph @7:4\n"
          "        text \"four\"\n"
          "  bullet_list loose @9:1\n"
          "    item @9:1\n"
          "      paragraph @9:3\n"
          "        text \"a\"\n"
          "    item @11:1\n"
          "      paragraph @11:3\n"
          "        text \"b\"\n"
          "  bullet_list tight @13:1\n"
          "    item [x] @13:1\n"
          "      paragraph @13:7\n"
          "        text \"done\"\n"
          "    item [ ] @14:1\n"
          "      paragraph @14:7\n"
          "        text \"open\"\n");
}

TEST_CASE("tables with alignments") {
    CHECK(dump_body("| A | B | C | D |\n|:--|--:|:-:|---|\n| 1 | 2 | 3 | 4 |\n") ==
          "document\n"
          "  table aligns=lrc- @6:1\n"
          "    header\n"
          "      cell @6:2\n"
          "        text \"A\"\n"
          "      cell @6:6\n"
          "        text \"B\"\n"
          "      cell @6:10\n"
          "        text \"C\"\n"
          "      cell @6:14\n"
          "        text \"D\"\n"
          "    row\n"
          "      cell @8:2\n"
          "        text \"1\"\n"
          "      cell @8:6\n"
          "        text \"2\"\n"
          "      cell @8:10\n"
          "        text \"3\"\n"
          "      cell @8:14\n"
          "        text \"4\"\n");
}

TEST_CASE("images keep url, title and alt, and inline HTML is raw") {
    CHECK(dump_body("![The *cover*](images/cover.png \"Cover\") and <b>bold</b>\n") ==
          "document\n"
          "  paragraph @6:1\n"
          "    image \"images/cover.png\" title=\"Cover\" @6:1\n"
          "      text \"The \"\n"
          "      emph\n"
          "        text \"cover\"\n"
          "    text \" and \"\n"
          "    raw_inline html \"<b>\" @6:46\n"
          "    text \"bold\"\n"
          "    raw_inline html \"</b>\" @6:53\n");
}

TEST_CASE("text split by cmark around brackets, escapes and entities is merged") {
    auto r = read_text(with_front_matter("a [b] c \\* d &amp; e\n"));
    REQUIRE(r.post);
    const auto& para = std::get<Paragraph>(r.post->doc.blocks.at(0).value);
    REQUIRE(para.content.size() == 1);
    CHECK(std::get<Text>(para.content[0].value).text == "a [b] c * d & e");
    CHECK(para.content[0].pos == SourcePos{6, 1});
}

TEST_CASE("no smart punctuation: quotes and dashes stay as written") {
    auto r = read_text(with_front_matter("\"straight\" 'single' -- ... \xE2\x80\x9C" "curly\xE2\x80\x9D\n"));
    const auto& para = std::get<Paragraph>(r.post->doc.blocks.at(0).value);
    CHECK(std::get<Text>(para.content[0].value).text == "\"straight\" 'single' -- ... \xE2\x80\x9C" "curly\xE2\x80\x9D");
}

TEST_CASE("footnotes: references become NoteRef, definitions go to notes in written order") {
    auto r = read_text(with_front_matter("First[^b] then[^a].\n\n[^a]: Note A.\n\n[^b]:\n    Note B.\n\n    More B.\n"));
    REQUIRE(r.post);
    CHECK(r.messages().empty());
    CHECK(dump_document(r.post->doc) ==
          "document\n"
          "  paragraph @6:1\n"
          "    text \"First\"\n"
          "    noteref \"b\" @6:6\n"
          "    text \" then\"\n"
          "    noteref \"a\" @6:15\n"
          "    text \".\"\n"
          "notes\n"
          "  footnote \"a\" @8:1\n"
          "    paragraph @8:7\n"
          "      text \"Note A.\"\n"
          "  footnote \"b\" @10:1\n"
          "    paragraph @11:5\n"
          "      text \"Note B.\"\n"
          "    paragraph @13:5\n"
          "      text \"More B.\"\n");
}

TEST_CASE("Hangul text and columns count bytes") {
    auto r = read_text(with_front_matter("\xEB\xB6\x81\xED\x95\x9C [@coi2014]\n"));  // 북한
    const auto& para = std::get<Paragraph>(r.post->doc.blocks.at(0).value);
    CHECK(std::get<Text>(para.content[0].value).text == "\xEB\xB6\x81\xED\x95\x9C ");
    CHECK(para.content[1].pos == SourcePos{6, 8});
}

TEST_CASE("absurd nesting is an error naming the limit, not a crash") {
    std::string body;
    for (int i = 0; i < 500; ++i) body += "> ";
    body += "deep\n";
    auto r = read_text(with_front_matter(body));
    REQUIRE(r.post);
    REQUIRE(r.messages().size() == 1);
    CHECK(r.messages()[0].find("error: nested more than 64 levels deep") != std::string::npos);
}

TEST_CASE("a post with no text after its front matter is a warning") {
    auto r = read_text("---\ntitle: T\ndate: 2023-01-01\nkind: page\n---\n");
    REQUIRE(r.post);
    CHECK(r.messages() == std::vector<std::string>{"5:1: warning: the post has no text after its front matter"});
}

TEST_CASE("posts can be read on several threads at once, every time the same") {
    // cmark-gfm keeps the characters that start an extension's inline syntax
    // (':' and 'w' for autolinks, '~' for strikethrough) in a process-wide
    // table that each parser adds to before its inline pass and clears after
    // it: a parser finishing on one thread switched autolinks and
    // strikethrough off under a parser on another (builds differed with
    // --jobs). Every result is compared, not only each thread's last.
    std::string body = "| a | b |\n|---|---|\n| ~~x~~ | <https://x.org> |\n\nText[^n].\n\n";
    for (int i = 0; i < 40; ++i)
        body += "See https://example.org/*a b*/" + std::to_string(i) + " and ~~struck~~ www.example.com/" +
                std::to_string(i) + " and *emphasis*.\n\n";
    body += "[^n]: Note.\n";
    const std::string text = with_front_matter(body);
    const auto first = read_text(text);
    REQUIRE(first.post);
    const std::string expected = dump_document(first.post->doc);
    REQUIRE(expected.find("strikethrough") != std::string::npos);
    REQUIRE(expected.find("link \"https://example.org/*a\"") != std::string::npos);
    std::vector<int> differing(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < differing.size(); ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 60; ++i) {
                Diagnostics diags;
                auto post = read_post("t.md", text, diags);
                if (!post || dump_document(post->doc) != expected) ++differing[t];
            }
        });
    for (auto& th : threads) th.join();
    for (int d : differing) CHECK(d == 0);
}
