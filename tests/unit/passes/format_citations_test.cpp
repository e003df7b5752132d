#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <thread>

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

namespace {

// A paragraph's running text with each note mark as ^N, each soft break as
// '|' and a citation left in the text as <what it renders>, to read where the
// marks landed.
std::string marks_in(const Inlines& content) {
    std::string s;
    for (const auto& in : content) {
        if (const auto* t = std::get_if<Text>(&in.value)) s += t->text;
        else if (const auto* r = std::get_if<NoteRef>(&in.value)) s += "^" + std::to_string(r->number);
        else if (std::holds_alternative<SoftBreak>(in.value)) s += "|";
        else if (const auto* c = std::get_if<Cite>(&in.value)) s += "<" + plain_text(c->rendered) + ">";
        else s += "?";
    }
    return s;
}

}  // namespace

TEST_CASE("a note citation's mark follows its word and the sentence's punctuation, as pandoc places it") {
    const std::string style_path = std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/folio-uk-notes.csl";
    auto style = CitationStyle::load(style_path, locales, "en-GB");
    REQUIRE(style.ok());
    Inline soft = make_inline(SoftBreak{});
    // "the Convention [@coi2014]. It", "the Treaty [@coi2014], violates",
    // "etc. [@coi2014]. Then", "a line end before\n[@coi2014] by", "*Emph* [@coi2014]; and",
    // "[@coi2014] at the start", "two [@coi2014] [@coi2014]?!"
    Post post = post_with({
        para({text("the Convention "), cite("coi2014"), text(". It")}),
        para({text("the Treaty "), cite("coi2014"), text(", violates")}),
        para({text("etc. "), cite("coi2014"), text(". Then")}),
        para({text("a line end before"), soft, cite("coi2014"), text(" by")}),
        para({make_inline(Emph{{text("Emph")}}), text(" "), cite("coi2014"), text("; and")}),
        para({cite("coi2014"), text(" at the start")}),
        para({text("the end "), cite("coi2014"), text(".")}),
    });
    Diagnostics d;
    Pack pack = pack_with(std::move(post));
    format_pack_citations(pack, *style, d);
    CHECK(d.empty());
    const auto& blocks = pack.posts[0].doc.blocks;
    auto at = [&](std::size_t i) { return marks_in(std::get<Paragraph>(blocks[i].value).content); };
    CHECK(at(0) == "the Convention.^1 It");
    CHECK(at(1) == "the Treaty,^2 violates");
    CHECK(at(2) == "etc.^3 Then");
    CHECK(at(3) == "a line end before^4 by");
    CHECK(at(4) == "?;^5 and");
    CHECK(at(5) == "^6 at the start");
    CHECK(at(6) == "the end.^7");
    // Nothing written is lost: every note holds its citation.
    REQUIRE(pack.posts[0].doc.notes.size() == 7);
    for (const auto& note : pack.posts[0].doc.notes) CHECK(note.from_citation);
}

TEST_CASE("a narrative citation in a note style keeps its author in the text and the whole citation in the note") {
    const std::string style_path = std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/folio-uk-notes.csl";
    auto style = CitationStyle::load(style_path, locales, "en-GB");
    REQUIRE(style.ok());
    // "As @coi2014 argues. [@coi2014] Later @coi2014 says."
    auto narrative = [] {
        Inline n = cite("coi2014");
        std::get<Cite>(n.value).mode = CiteMode::narrative;
        return n;
    };
    Pack pack = pack_with(post_with({
        para({text("As "), narrative(), text(" argues.")}),
        para({text("It holds "), cite("coi2014"), text(".")}),
        para({text("Later "), narrative(), text(".")}),
    }));
    Diagnostics d;
    format_pack_citations(pack, *style, d);
    CHECK(d.empty());
    const Post& out = pack.posts[0];
    // The author's name, as a Cite rendered to the names alone, then the mark.
    auto text_of = [&](std::size_t b) {
        const Inlines& content = std::get<Paragraph>(out.doc.blocks[b].value).content;
        for (const auto& in : content)
            if (const auto* c = std::get_if<Cite>(&in.value)) CHECK(c->mode == CiteMode::author_in_text);
        return marks_in(content);
    };
    CHECK(text_of(0) == "As <United Nations Human Rights Council>^1 argues.");
    CHECK(text_of(1) == "It holds.^2");
    // The punctuation after a name goes before the mark, as after a word.
    CHECK(text_of(2).starts_with("Later <United Nations Human Rights Council"));
    CHECK(text_of(2).ends_with(">.^3"));
    REQUIRE(out.doc.notes.size() == 3);
    auto note_text = [&](std::size_t n) { return plain_text(std::get<Paragraph>(out.doc.notes[n].content[0].value).content); };
    // The name in the text takes no position: the first note is the full
    // citation, the second (the same source right after) "Ibid".
    CHECK(note_text(0).find("A/HRC/25/63") != std::string::npos);
    CHECK(note_text(0).find("Ibid") == std::string::npos);
    CHECK(note_text(1).find("Ibid") != std::string::npos);
    CHECK(note_text(2).find("Ibid") != std::string::npos);
}

TEST_CASE("a narrative citation of an unknown key is reported once") {
    const std::string style_path = std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/folio-uk-notes.csl";
    auto style = CitationStyle::load(style_path, locales, "en-GB");
    REQUIRE(style.ok());
    Inline n = cite("nosuchkey");
    std::get<Cite>(n.value).mode = CiteMode::narrative;
    Pack pack = pack_with(post_with({para({text("As "), n, text(" argues.")})}));
    Diagnostics d;
    format_pack_citations(pack, *style, d);
    CHECK(d.error_count() == 1);
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

// ---- the reference list comes from the run that formatted the citations ----

namespace {

CslItem report(std::string id, std::string author, std::string title, std::string number, int year) {
    CslItem item;
    item.id = std::move(id);
    item.type = "report";
    item.fields["title"] = std::move(title);
    item.fields["number"] = std::move(number);
    CslName name;
    name.literal = std::move(author);
    item.names["author"] = {name};
    CslDate issued;
    issued.parts = {{year}};
    item.dates["issued"] = issued;
    return item;
}

Bibliography bibliography_of(std::vector<CslItem> items) {
    Bibliography b;
    b.path = "references.json";
    b.items = std::move(items);
    return b;
}

CitationStyle debian_style(const std::string& name) {
    auto style = CitationStyle::load("/usr/share/citation-style-language/styles/" + name + ".csl", locales, "en-GB");
    REQUIRE_MESSAGE(style.ok(), style.error());
    return std::move(*style);
}

const Cite& cite_at(const Post& post, std::size_t block, std::size_t inline_index) {
    return std::get<Cite>(std::get<Paragraph>(post.doc.blocks.at(block).value).content.at(inline_index).value);
}

const FormattedReference& entry_for(const std::vector<FormattedReference>& list, const std::string& id) {
    for (const FormattedReference& r : list)
        if (r.id == id) return r;
    FAIL("no reference list entry for " << id);
    return list.front();
}

// The year (with any suffix) a citation shows: "2014a" from "(… 2014a)".
std::string year_in(const std::string& text) {
    const std::size_t at = text.find("2014");
    REQUIRE(at != std::string::npos);
    std::size_t end = at + 4;
    while (end < text.size() && text[end] >= 'a' && text[end] <= 'z') ++end;
    return text.substr(at, end - at);
}

}  // namespace

TEST_CASE("IEEE: the post's list is numbered as its citations, in order of first citation") {
    const CitationStyle style = debian_style("ieee");
    Pack pack;
    // The bibliography's first item is cited second.
    pack.bibliography = bibliography_of({report("coi2014", "UN Human Rights Council", "Commission of inquiry", "A/HRC/25/63", 2014),
                                         report("baek2016", "Baek", "Undercover broadcasts", "7", 2016)});
    pack.posts.push_back(post_with({para({text("First"), cite("baek2016"), text(" then"), cite("coi2014")})}));
    Diagnostics d;
    format_pack_citations(pack, style, d);
    CHECK(d.empty());
    const Post& post = pack.posts[0];
    CHECK(plain_text(cite_at(post, 0, 1).rendered) == "[1]");
    CHECK(plain_text(cite_at(post, 0, 3).rendered) == "[2]");
    REQUIRE(post.doc.references.size() == 2);
    CHECK(post.doc.references[0].id == "baek2016");
    CHECK(plain_text(post.doc.references[0].text).rfind("[1]", 0) == 0);
    CHECK(post.doc.references[1].id == "coi2014");
    CHECK(plain_text(post.doc.references[1].text).rfind("[2]", 0) == 0);
}

TEST_CASE("APA: a year-suffix in a citation is the one its list entry shows") {
    const CitationStyle style = debian_style("apa");
    Pack pack;
    // Two reports of one body, one year and one title: only the suffix tells
    // them apart, and the later one in the file is cited first.
    pack.bibliography = bibliography_of({report("hrc-a", "UN Human Rights Council", "Annual report", "A/HRC/25/1", 2014),
                                         report("hrc-b", "UN Human Rights Council", "Annual report", "A/HRC/25/2", 2014)});
    pack.posts.push_back(post_with({para({text("See"), cite("hrc-b"), text(" and"), cite("hrc-a")})}));
    Diagnostics d;
    format_pack_citations(pack, style, d);
    CHECK(d.empty());
    const Post& post = pack.posts[0];
    const std::string b = year_in(plain_text(cite_at(post, 0, 1).rendered));
    const std::string a = year_in(plain_text(cite_at(post, 0, 3).rendered));
    CHECK(a != b);
    CHECK(b.size() == 5);  // a suffix, not the bare year
    REQUIRE(post.doc.references.size() == 2);
    CHECK(year_in(plain_text(entry_for(post.doc.references, "hrc-b").text)) == b);
    CHECK(year_in(plain_text(entry_for(post.doc.references, "hrc-a").text)) == a);
}

TEST_CASE("references per pack: citations across posts agree with the pack's list, positions restart per post") {
    SUBCASE("APA: two posts citing two works of one author and year get 2014a and 2014b, as the list") {
        const CitationStyle style = debian_style("apa");
        Pack pack;
        pack.references_per_pack = true;
        pack.bibliography = bibliography_of({report("hrc-a", "UN Human Rights Council", "Annual report", "A/HRC/25/1", 2014),
                                             report("hrc-b", "UN Human Rights Council", "Budget", "A/HRC/25/2", 2014)});
        pack.posts.push_back(post_with({para({text("See"), cite("hrc-a")})}));
        pack.posts.push_back(post_with({para({text("See"), cite("hrc-b")})}));
        Diagnostics d;
        format_pack_citations(pack, style, d);
        CHECK(d.empty());
        const std::string a = year_in(plain_text(cite_at(pack.posts[0], 0, 1).rendered));
        const std::string b = year_in(plain_text(cite_at(pack.posts[1], 0, 1).rendered));
        CHECK(a == "2014a");
        CHECK(b == "2014b");
        REQUIRE(pack.references.size() == 2);
        CHECK(year_in(plain_text(entry_for(pack.references, "hrc-a").text)) == a);
        CHECK(year_in(plain_text(entry_for(pack.references, "hrc-b").text)) == b);
    }
    SUBCASE("IEEE: the second post's numbers continue the pack's list") {
        const CitationStyle style = debian_style("ieee");
        Pack pack;
        pack.references_per_pack = true;
        pack.bibliography = bibliography_of({report("coi2014", "UN Human Rights Council", "Commission of inquiry", "A/HRC/25/63", 2014),
                                             report("baek2016", "Baek", "Undercover broadcasts", "7", 2016)});
        pack.posts.push_back(post_with({para({text("First"), cite("baek2016")})}));
        pack.posts.push_back(post_with({para({text("Then"), cite("coi2014"), text(" and"), cite("baek2016")})}));
        Diagnostics d;
        format_pack_citations(pack, style, d);
        CHECK(d.empty());
        CHECK(plain_text(cite_at(pack.posts[0], 0, 1).rendered) == "[1]");
        CHECK(plain_text(cite_at(pack.posts[1], 0, 1).rendered) == "[2]");
        CHECK(plain_text(cite_at(pack.posts[1], 0, 3).rendered) == "[1]");
        REQUIRE(pack.references.size() == 2);
        CHECK(pack.references[0].id == "baek2016");
        CHECK(plain_text(pack.references[0].text).rfind("[1]", 0) == 0);
        CHECK(pack.references[1].id == "coi2014");
        CHECK(plain_text(pack.references[1].text).rfind("[2]", 0) == 0);
        CHECK(pack.posts[0].doc.references.empty());
        CHECK(pack.posts[1].doc.references.empty());
    }
    SUBCASE("the house note style: a source cited in an earlier post is cited in full again, never 'Ibid'") {
        auto style = CitationStyle::load(std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/folio-uk-notes.csl", locales, "en-GB");
        REQUIRE(style.ok());
        Pack pack = pack_with(post_with({para({text("First"), cite("coi2014")})}));
        pack.posts.push_back(post_with({para({text("Again"), cite("coi2014")})}));
        pack.references_per_pack = true;
        Diagnostics d;
        for (Post& p : pack.posts) number_notes(p, d);
        format_pack_citations(pack, *style, d);
        CHECK(d.empty());
        REQUIRE(pack.posts[1].doc.notes.size() == 1);
        const std::string note = plain_text(std::get<Paragraph>(pack.posts[1].doc.notes[0].content[0].value).content);
        CHECK(note.find("A/HRC/25/63") != std::string::npos);
        CHECK(note.find("Ibid") == std::string::npos);
        CHECK(pack.references.size() == 1);
    }
}

// ---- posts formatted on several threads ----

namespace {

// Runs the tasks last to first: any result that follows the order tasks
// ran in, rather than the posts', shows.
void backwards(std::size_t n, const std::function<void(std::size_t)>& task) {
    for (std::size_t i = n; i-- > 0;) task(i);
}

// Four threads taking posts as they come, as app/parallel's parallel_for
// does (passes cannot link the app): here for the sanitizers to watch.
void on_four_threads(std::size_t n, const std::function<void(std::size_t)>& task) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) task(i);
    };
    std::vector<std::jthread> pool;
    for (int t = 0; t < 4; ++t) pool.emplace_back(worker);
}

// 24 posts citing a few sources in different orders, with pinpoints, some
// with an unknown key (an error at the key) and some with no citation.
Pack many_posts() {
    Pack pack;
    pack.bibliography = bibliography_of({report("coi2014", "UN Human Rights Council", "Commission of inquiry", "A/HRC/25/63", 2014),
                                         report("hrc-a", "UN Human Rights Council", "Annual report", "A/HRC/25/1", 2014),
                                         report("hrc-b", "UN Human Rights Council", "Budget", "A/HRC/25/2", 2014),
                                         report("baek2016", "Baek", "Undercover broadcasts", "7", 2016)});
    const char* keys[] = {"coi2014", "hrc-a", "hrc-b", "baek2016"};
    for (int i = 0; i < 24; ++i) {
        Inlines content{text("Post " + std::to_string(i))};
        if (i % 5 != 4) {
            content.push_back(cite(keys[i % 4], i % 2 ? std::to_string(i) : ""));
            content.push_back(text(" and"));
            content.push_back(cite(keys[(i + 1) % 4]));
            content.push_back(cite(keys[i % 4]));
        }
        if (i % 7 == 3) content.push_back(cite("coi2041"));
        Post post = post_with({para(std::move(content))}, {note("a", {text("A written note."), cite(keys[i % 3])})});
        post.doc.blocks.push_back(para({text("See"), note_ref("a")}));
        post.path = "input/post-" + std::to_string(100 + i) + ".md";
        pack.posts.push_back(std::move(post));
    }
    return pack;
}

struct Formatted {
    std::vector<std::string> posts;  // dump_post of each
    std::vector<std::string> references;
    std::vector<std::string> diagnostics;  // in the order they were added
};

Formatted format_with(const CitationStyle& style, bool per_pack, const ForEachIndex& for_each) {
    Pack pack = many_posts();
    pack.references_per_pack = per_pack;
    Diagnostics d;
    for (Post& p : pack.posts) number_notes(p, d);
    format_pack_citations(pack, style, d, for_each);
    Formatted out;
    for (const Post& p : pack.posts) out.posts.push_back(dump_post(p));
    for (const FormattedReference& r : pack.references) out.references.push_back(r.id + ": " + plain_text(r.text));
    for (const Diagnostic& item : d.items()) out.diagnostics.push_back(format_diagnostic(item));
    return out;
}

}  // namespace

TEST_CASE("posts formatted in any order and on several threads give what one after another gives") {
    auto notes = CitationStyle::load(std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/folio-uk-notes.csl", locales, "en-GB");
    REQUIRE(notes.ok());
    const CitationStyle apa = debian_style("apa");
    const CitationStyle ieee = debian_style("ieee");
    struct Case {
        const char* name;
        const CitationStyle* style;
        bool per_pack;
    } cases[] = {{"the house note style, a list per post", &*notes, false},
                 {"APA, a list per post", &apa, false},
                 {"APA, one list for the pack (one run)", &apa, true},
                 {"IEEE, one list for the pack (one run)", &ieee, true}};
    for (const Case& c : cases) {
        CAPTURE(c.name);
        const Formatted serial = format_with(*c.style, c.per_pack, one_after_another);
        // The unknown keys of posts 3, 10 and 17 are reported (and any
        // pinpoint the style cannot print), in post order.
        std::vector<std::string> files, errors;
        for (const std::string& line : serial.diagnostics) {
            files.push_back(line.substr(0, line.find(':')));
            if (line.find("error: unknown citation key 'coi2041'") != std::string::npos) errors.push_back(files.back());
        }
        CHECK(errors == std::vector<std::string>{"input/post-103.md", "input/post-110.md", "input/post-117.md"});
        CHECK(std::is_sorted(files.begin(), files.end()));
        if (c.per_pack) CHECK(serial.references.size() == 4);
        const Formatted reversed = format_with(*c.style, c.per_pack, backwards);
        CHECK(reversed.posts == serial.posts);
        CHECK(reversed.references == serial.references);
        CHECK(reversed.diagnostics == serial.diagnostics);
        for (int run = 0; run < 3; ++run) {
            const Formatted threaded = format_with(*c.style, c.per_pack, on_four_threads);
            CHECK(threaded.posts == serial.posts);
            CHECK(threaded.references == serial.references);
            CHECK(threaded.diagnostics == serial.diagnostics);
        }
    }
}

TEST_CASE("a citation that is a note of its own begins with a capital, one in a written note keeps its case") {
    const std::string style_path = std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/folio-uk-notes.csl";
    auto style = CitationStyle::load(style_path, locales, "en-GB");
    REQUIRE(style.ok());
    auto see = [](std::string locator) {
        Inline in = cite("coi2014", std::move(locator));
        std::get<Cite>(in.value).items[0].prefix = "see";
        return in;
    };
    // "First [see @coi2014, para 3]. Then [see @coi2014]. Noted.[^a]" with
    // "[^a]: As found; [see @coi2014]."
    for (const bool per_pack : {false, true}) {
        CAPTURE(per_pack);
        Post post = post_with({para({text("First "), see("3"), text(". Then "), see(""), text(". Noted."),
                                     note_ref("a")})},
                              {note("a", {text("As found; "), see(""), text(".")})});
        Diagnostics d;
        number_notes(post, d);
        Pack pack = pack_with(std::move(post));
        pack.references_per_pack = per_pack;
        format_pack_citations(pack, *style, d);
        CHECK(d.empty());
        const auto& notes = pack.posts[0].doc.notes;
        REQUIRE(notes.size() == 3);
        auto note_text = [&](const Footnote& n) {
            return plain_text(std::get<Paragraph>(n.content[0].value).content);
        };
        const Footnote* written = nullptr;
        std::vector<std::string> made;
        for (const auto& n : notes) {
            if (n.from_citation) made.push_back(note_text(n));
            else written = &n;
        }
        REQUIRE(made.size() == 2);
        // pandoc: "See United Nations ..., Report ... (2014) para 3", then "See United Nations ..., Report (n 1)".
        CHECK(made[0].starts_with("See United Nations Human Rights Council"));
        CHECK(made[1].starts_with("See United Nations Human Rights Council"));
        CHECK(made[1].ends_with("(n 1)"));
        REQUIRE(written);
        // In parentheses, as pandoc sets it: "As found; (see United Nations ...)."
        CHECK(note_text(*written).starts_with("As found; (see "));
    }
}

TEST_CASE("a person named again in the running text is named as the note's citation names them, as pandoc does") {
    const std::string style_path = std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/folio-uk-notes.csl";
    auto style = CitationStyle::load(style_path, locales, "en-GB");
    REQUIRE(style.ok());
    auto narrative = [](std::string key) {
        Inline n = cite(std::move(key));
        std::get<Cite>(n.value).mode = CiteMode::narrative;
        return n;
    };
    // "As @baek2016 argues. @coi2014 reports. Again @baek2016 says. Then @baek2016 again. Still @coi2014 holds."
    Pack pack = pack_with(post_with({
        para({text("As "), narrative("baek2016"), text(" argues.")}),
        para({narrative("coi2014"), text(" reports.")}),
        para({text("Again "), narrative("baek2016"), text(" says.")}),
        para({text("Then "), narrative("baek2016"), text(" again.")}),
        para({text("Still "), narrative("coi2014"), text(" holds.")}),
    }));
    CslItem baek;
    baek.id = "baek2016";
    baek.type = "book";
    baek.fields["title"] = "North Korea's hidden revolution";
    baek.fields["publisher"] = "Yale University Press";
    CslName name;
    name.family = "Baek";
    name.given = "Jieun";
    baek.names["author"] = {name};
    CslDate issued;
    issued.parts = {{2016, 0, 0}};
    baek.dates["issued"] = issued;
    pack.bibliography.items.push_back(baek);
    Diagnostics d;
    format_pack_citations(pack, *style, d);
    CHECK(d.empty());
    const Post& out = pack.posts[0];
    auto text_of = [&](std::size_t b) { return marks_in(std::get<Paragraph>(out.doc.blocks[b].value).content); };
    // pandoc 2.17, the same style: "As Jieun Baek¹ argues", "Again Baek³ says",
    // "Then Baek⁴ again" (the note "Ibid"; the name is still a name). An
    // institution has no short form: its literal name is printed whole each
    // time, by pandoc as by folio (CSL gives a literal no parts to shorten).
    CHECK(text_of(0) == "As <Jieun Baek>^1 argues.");
    CHECK(text_of(1) == "<United Nations Human Rights Council>^2 reports.");
    CHECK(text_of(2) == "Again <Baek>^3 says.");
    CHECK(text_of(3) == "Then <Baek>^4 again.");
    CHECK(text_of(4) == "Still <United Nations Human Rights Council>^5 holds.");
    // The notes are unchanged by it: the first citation full, then short, then Ibid.
    auto note_text = [&](std::size_t n) { return plain_text(std::get<Paragraph>(out.doc.notes[n].content[0].value).content); };
    REQUIRE(out.doc.notes.size() == 5);
    CHECK(note_text(0).starts_with("Jieun Baek, North Korea"));
    CHECK(note_text(2).starts_with("Baek, North Korea"));
    CHECK(note_text(3).starts_with("Ibid"));
}

namespace {

Inline page_cite(std::string key, std::string page = "", std::string prefix = "") {
    Inline in = cite(std::move(key));
    CiteItem& item = std::get<Cite>(in.value).items[0];
    if (!page.empty()) {
        item.locator_label = "page";
        item.locator = std::move(page);
    }
    item.prefix = std::move(prefix);
    return in;
}

CslItem hidden_revolution() {
    CslItem baek;
    baek.id = "baek2016";
    baek.type = "book";
    baek.fields["title"] = "The hidden revolution";
    baek.fields["publisher"] = "Yale University Press";
    CslName name;
    name.family = "Baek";
    name.given = "Jieun";
    baek.names["author"] = {name};
    CslDate issued;
    issued.parts = {{2016, 0, 0}};
    baek.dates["issued"] = issued;
    return baek;
}

// The text of every note, paragraphs joined by " / ".
std::vector<std::string> notes_text(const Post& post) {
    std::vector<std::string> out;
    for (const Footnote& n : post.doc.notes) {
        std::string s;
        for (const Block& b : n.content) {
            if (!s.empty()) s += " / ";
            s += plain_text(std::get<Paragraph>(b.value).content);
        }
        out.push_back(s);
    }
    return out;
}

// Text.[^a] More [@baek2016, p. 9]. Again.[^b] And.[^c] End.[^d] Last.[^e]
//
// [^a]: As argued elsewhere [@baek2016, p. 4].
// [^b]: See [@baek2016, p. 4] and also a word[@coi2014].
// [^c]: As @baek2016 argues, then @coi2014 [para 3] and [-@baek2016].
// [^d]: [@coi2014, para 12] is it.
//
//     Then [see @baek2016; @coi2014].
// [^e]: [@coi2014, para 12] is it.
std::vector<std::string> written_notes_in(const CitationStyle& style, bool per_pack) {
    auto narrative = [](Inline in) {
        std::get<Cite>(in.value).mode = CiteMode::narrative;
        return in;
    };
    Inline no_author = page_cite("baek2016");
    std::get<Cite>(no_author.value).items[0].suppress_author = true;
    Inline two = page_cite("baek2016", "", "see");
    std::get<Cite>(two.value).items.push_back(std::get<Cite>(cite("coi2014").value).items[0]);
    Footnote d = note("d", {cite("coi2014", "12"), text(" is it.")});
    d.content.push_back(para({text("Then "), two, text(".")}));
    Post post = post_with(
        {para({text("Text."), note_ref("a"), text(" More "), page_cite("baek2016", "9"), text(". Again."), note_ref("b"),
               text(" And."), note_ref("c"), text(" End."), note_ref("d"), text(" Last."), note_ref("e")})},
        {note("a", {text("As argued elsewhere "), page_cite("baek2016", "4"), text(".")}),
         note("b", {text("See "), page_cite("baek2016", "4"), text(" and also a word"), cite("coi2014"), text(".")}),
         note("c", {text("As "), narrative(page_cite("baek2016")), text(" argues, then "), narrative(cite("coi2014", "3")),
                    text(" and "), no_author, text(".")}),
         d, note("e", {cite("coi2014", "12"), text(" is it.")})});
    Diagnostics diags;
    number_notes(post, diags);
    Pack pack = pack_with(std::move(post));
    pack.bibliography.items.push_back(hidden_revolution());
    pack.references_per_pack = per_pack;
    format_pack_citations(pack, style, diags);
    CHECK(diags.empty());
    return notes_text(pack.posts[0]);
}

}  // namespace

TEST_CASE("a citation in a note someone wrote is in parentheses unless it opens the note, as pandoc sets it") {
    // Each expectation is pandoc 2.17's (--citeproc, the same style and items).
    SUBCASE("the house note style") {
        auto style = CitationStyle::load(std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/folio-uk-notes.csl", locales, "en-GB");
        REQUIRE(style.ok());
        for (const bool per_pack : {false, true}) {
            CAPTURE(per_pack);
            const std::vector<std::string> notes = written_notes_in(*style, per_pack);
            REQUIRE(notes.size() == 6);
            CHECK(notes[0] == "As argued elsewhere (Jieun Baek, The hidden revolution (Yale University Press 2016) 4).");
            CHECK(notes[1] == "Ibid 9");
            CHECK(notes[2] ==
                  "See (Ibid 4) and also a word (United Nations Human Rights Council, Report of the commission of "
                  "inquiry on human rights in the DPRK (A/HRC/25/63, 7 February 2014)).");
            // A narrative citation is the name, a comma and the rest, no parentheses.
            CHECK(notes[3] ==
                  "As Baek, The hidden revolution (n 1) argues, then United Nations Human Rights Council, Report of the "
                  "commission of inquiry on human rights in the DPRK (n 3) para 3 and (The hidden revolution (n 1)).");
            // Opening a note of two paragraphs, it is in parentheses all the same.
            CHECK(notes[4] ==
                  "(United Nations Human Rights Council, Report of the commission of inquiry on human rights in the "
                  "DPRK (n 3) para 12) is it. / Then (see Baek, The hidden revolution (n 1); United Nations Human "
                  "Rights Council, Report of the commission of inquiry on human rights in the DPRK (n 3)).");
            // Opening a note of one paragraph, it is left as formatted.
            CHECK(notes[5] ==
                  "United Nations Human Rights Council, Report of the commission of inquiry on human rights in the DPRK "
                  "(n 3) para 12 is it.");
        }
    }
    SUBCASE("Chicago notes: the full stop goes from inside closing quotes, and stays on an opening citation") {
        auto style = CitationStyle::load("/usr/share/citation-style-language/styles/chicago-note-bibliography.csl",
                                         locales, "en-US");
        REQUIRE_MESSAGE(style.ok(), style.error());
        const std::vector<std::string> notes = written_notes_in(*style, false);
        REQUIRE(notes.size() == 6);
        // "para." where pandoc has "para": folio's en-US locale has the CSL
        // project's term, pandoc 2.17 its own older copy.
        CHECK(notes[0] == "As argued elsewhere (Baek, The Hidden Revolution, 4).");
        CHECK(notes[1] == "Baek, 9.");
        CHECK(notes[2] ==
              "See (Baek, 4) and also a word (United Nations Human Rights Council, \u201CReport of the Commission of "
              "Inquiry on Human Rights in the DPRK\u201D).");
        CHECK(notes[3] ==
              "As Baek, The Hidden Revolution argues, then United Nations Human Rights Council, \u201CReport of the "
              "Commission of Inquiry on Human Rights in the DPRK,\u201D para. 3 and (The Hidden Revolution).");
        CHECK(notes[5] ==
              "United Nations Human Rights Council, \u201CReport of the Commission of Inquiry on Human Rights in the "
              "DPRK,\u201D para. 12. is it.");
    }
}
