// A post's page: heading block, the structures of letters, events and
// statements, page-break markers.
#include <doctest/doctest.h>

#include "epub/post_page.hpp"
#include "epub_test_support.hpp"

using namespace folio;
using namespace folio::epub;
using namespace folio::epub::test;

namespace {
PostPage page_of(const Post& post, const std::vector<PageMarker>& markers = {}) {
    PostLinks links({post});
    ImageStore images;
    Diagnostics diags;
    return write_post_page(post, markers, links, images, diags);
}
bool before(const std::string& s, const std::string& a, const std::string& b) {
    auto i = s.find(a), j = s.find(b);
    return i != std::string::npos && j != std::string::npos && i < j;
}
}  // namespace

TEST_CASE("post page: heading block with kind, title, standfirst, byline, date and original") {
    Post p = post_with({para({text("Body.")})});
    p.meta.kind = Kind::opinion;
    p.meta.title = "North Korea's hidden revolution";
    p.meta.summary = "Markets are changing the country.";
    p.meta.authors = {"A", "B", "C"};
    p.meta.original = "The Spectator";
    std::string x = page_of(p).xhtml;
    CHECK(x.find("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" "
                 "lang=\"en-GB\" xml:lang=\"en-GB\">") != std::string::npos);
    CHECK(x.find("<title>North Korea's hidden revolution</title>") != std::string::npos);
    CHECK(x.find("<p class=\"kind\">Opinion</p>") != std::string::npos);
    CHECK(x.find("<h1 id=\"title\">North Korea's hidden revolution</h1>") != std::string::npos);
    CHECK(x.find("<p class=\"standfirst\">Markets are changing the country.</p>") != std::string::npos);
    CHECK(x.find("By A, B and C</span> · <time datetime=\"2023-01-02\">2 January 2023</time>") != std::string::npos);
    CHECK(x.find("First published in The Spectator") != std::string::npos);
    CHECK(before(x, "</header>", "<p>Body.</p>"));
}

TEST_CASE("post page: a letter has sender, date, recipient, salutation, body, closing, signature, cc in order") {
    Post p = post_with({para({text("Body.")})});
    p.meta.kind = Kind::letter;
    p.meta.from = Party{"Lord Alton", "Co-Chair", {"House of Lords"}};
    p.meta.to = Party{"Foreign Secretary", "", {"King Charles Street"}};
    p.meta.salutation = "Dear Foreign Secretary,";
    p.meta.signature = "David Alton";
    p.meta.cc = {"Minister A", "Minister B"};
    std::string x = page_of(p).xhtml;
    CHECK(x.find("<p class=\"sender\"><strong>Lord Alton</strong><br/>Co-Chair<br/>House of Lords</p>") !=
          std::string::npos);
    CHECK(x.find("<p class=\"recipient\"><strong>Foreign Secretary</strong><br/>King Charles Street</p>") !=
          std::string::npos);
    CHECK(before(x, "class=\"sender\"", "class=\"letter-date\""));
    CHECK(before(x, "class=\"letter-date\"", "class=\"recipient\""));
    CHECK(before(x, "class=\"salutation\">Dear Foreign Secretary,", "<p>Body.</p>"));
    // No closing given: the British default.
    CHECK(before(x, "<p>Body.</p>", "<p class=\"closing\">Yours sincerely,</p>"));
    CHECK(x.find("<p class=\"signature\"><strong>David Alton</strong><br/>Co-Chair</p>") != std::string::npos);
    CHECK(x.find("<p class=\"cc\">cc: Minister A and Minister B</p>") != std::string::npos);
}

TEST_CASE("post page: a letter signed for the sending body names the body under the signature, as the PDF does") {
    Post p = post_with({para({text("Body.")})});
    p.meta.kind = Kind::letter;
    p.meta.from = Party{"All-Party Parliamentary Group on North Korea", "", {}};
    p.meta.closing = "Yours sincerely.";
    p.meta.signature = "Lord David Alton";
    std::string x = page_of(p).xhtml;
    CHECK(x.find("<p class=\"signature\"><strong>Lord David Alton</strong><br/>All-Party Parliamentary Group on North "
                 "Korea</p>") != std::string::npos);
}

TEST_CASE("post page: an event has its panel of date, time, venue and admission before the text") {
    Post p = post_with({para({text("About the event.")})});
    p.meta.kind = Kind::event;
    p.meta.event = EventInfo{DateTime{{2016, 11, 9}, 18, 5}, "Committee Room 4", "Free, booking required"};
    std::string x = page_of(p).xhtml;
    CHECK(x.find("<dl class=\"event-panel\">\n<dt>Date</dt><dd><time datetime=\"2016-11-09\">9 November 2016</time></dd>\n"
                 "<dt>Time</dt><dd><time datetime=\"2016-11-09T18:05\">6.05 pm</time></dd>\n"
                 "<dt>Venue</dt><dd>Committee Room 4</dd>\n<dt>Admission</dt><dd>Free, booking required</dd>\n</dl>") !=
          std::string::npos);
    CHECK(before(x, "</dl>", "About the event."));
}

TEST_CASE("post page: a statement's numbered clauses follow its preamble") {
    List clauses;
    clauses.ordered = true;
    clauses.items.push_back({{para({text("First clause.")})}, std::nullopt, {}});
    Post p = post_with({para({text("Preamble.")}), make_block(clauses)});
    p.meta.kind = Kind::statement;
    std::string x = page_of(p).xhtml;
    CHECK(x.find("<div class=\"clauses\"><ol>\n<li>First clause.</li>\n</ol>") != std::string::npos);
    CHECK(before(x, "Preamble.", "class=\"clauses\""));
}

TEST_CASE("post page: page-break markers before the heading block and before the given block") {
    Post p = post_with({para({text("one")}), para({text("two")}), para({text("three")})});
    PostPage page = page_of(p, {{0, "7"}, {2, "8"}});
    const std::string& x = page.xhtml;
    CHECK(before(x, "<span id=\"page-7\" epub:type=\"pagebreak\" role=\"doc-pagebreak\" aria-label=\"7\"/>", "<header"));
    CHECK(before(x, "<p>two</p>", "id=\"page-8\""));
    CHECK(before(x, "id=\"page-8\"", "<p>three</p>"));
    REQUIRE(page.page_targets.size() == 2);
    CHECK(page.page_targets[1].first == "8");
    CHECK(page.page_targets[1].second == "post-sample.xhtml#page-8");
}

TEST_CASE("post page: toc headings are the top-level ones, not those inside notes or quotes") {
    Footnote note{"n", 0, {make_block(Heading{2, {text("In a note")}, "in-note"})}, false, {}};
    Post p = post_with({make_block(Heading{2, {text("Top")}, "top"}),
                        make_block(BlockQuote{{make_block(Heading{2, {text("Quoted")}, "quoted"})}}),
                        para({make_inline(NoteRef{"n", 0})})},
                       {note});
    PostPage page = page_of(p);
    REQUIRE(page.headings.size() == 1);
    CHECK(page.headings[0].id == "top");
    CHECK(page.headings[0].level == 2);
}

TEST_CASE("post page: a passage the post repeats for emphasis is a pull quote, as in print, a quotation is not") {
    const std::string passage =
        "North Korea\xE2\x80\x99s horrors should not suffer distance or time. Nor should they be far from our thoughts";
    Blocks b{para({text(passage + ", because what is happening in these camps is not a part of the past.")}),
             make_block(BlockQuote{{para({text(passage + "\xE2\x80\xA6")})}}),
             make_block(BlockQuote{{para({text("I visited North Korea. From a most unlikely source, there was a remark.")})}})};
    Post letter = post_with(b);
    letter.meta.kind = Kind::letter;
    std::string x = page_of(post_with(std::move(b))).xhtml;
    CHECK(x.find("<blockquote class=\"pull-quote\">") != std::string::npos);
    CHECK(before(x, "<blockquote class=\"pull-quote\">", "<blockquote>"));
    // As in print, a letter has none (LOOK.md gives pull quotes to articles, opinion, news).
    CHECK(page_of(letter).xhtml.find("pull-quote") == std::string::npos);
}
