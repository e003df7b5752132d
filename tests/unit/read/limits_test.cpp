// The reader's limits (model/limits.hpp): each is an error naming its
// folio.toml key at the first thing past it, and nothing past it is read.
#include <string>

#include "read/read_bibliography.hpp"
#include "read_test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

ReadResult read_limited(const std::string& text, const Limits& limits) {
    ReadResult r;
    r.post = read_post("input/2023-10-21-test-post.md", text, r.diags, limits);
    r.diags.sort();
    return r;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

std::size_t depth_of(const Blocks& blocks) {
    std::size_t deepest = 0;
    for (const auto& b : blocks) {
        std::size_t d = 0;
        if (const auto* q = std::get_if<BlockQuote>(&b.value)) d = depth_of(q->children);
        if (const auto* l = std::get_if<List>(&b.value))
            for (const auto& item : l->items) d = std::max(d, depth_of(item.children));
        deepest = std::max(deepest, d + 1);
    }
    return deepest;
}

}  // namespace

TEST_CASE("lists nested past nesting_depth are an error at the first level too deep") {
    Limits limits;
    limits.nesting_depth = 5;
    const auto ok = read_limited(with_front_matter(repeat("- ", 5) + "five\n"), limits);
    CHECK(ok.messages().empty());
    const auto r = read_limited(with_front_matter(repeat("- ", 6) + "six\n"), limits);
    REQUIRE(r.messages().size() == 1);
    CHECK(r.messages()[0] == "6:11: error: nested more than 5 levels deep (lists, block quotes, emphasis and links "
                             "inside each other; the limit nesting_depth = 5)");
    CHECK(r.diags.items()[0].hint.find("[limits] nesting_depth") != std::string::npos);
}

TEST_CASE("10,000 nested block quotes give one error and a tree no deeper than the limit") {
    const auto r = read_text(with_front_matter(repeat("> ", 10000) + "deep\n"));
    REQUIRE(r.messages().size() == 1);
    CHECK(r.messages()[0].starts_with("6:129: error: nested more than 64 levels deep"));
    REQUIRE(r.post);
    CHECK(depth_of(r.post->doc.blocks) == 64);
}

TEST_CASE("emphasis nested past the limit counts with the blocks around it") {
    Limits limits;
    limits.nesting_depth = 3;
    const auto r = read_limited(with_front_matter("> *a **b *c d* e** f*\n"), limits);
    REQUIRE(r.messages().size() == 1);
    CHECK(r.messages()[0].starts_with("6:10: error: nested more than 3 levels deep"));
}

TEST_CASE("a table wider than table_columns is an error at the table") {
    Limits limits;
    limits.table_columns = 3;
    CHECK(read_limited(with_front_matter("|a|b|c|\n|-|-|-|\n|1|2|3|\n"), limits).messages().empty());
    const auto r = read_limited(with_front_matter("Text.\n\n|a|b|c|d|\n|-|-|-|-|\n|1|2|3|4|\n"), limits);
    CHECK(r.messages() == std::vector<std::string>{"8:1: error: a table of 4 columns (the limit table_columns = 3)"});
}

TEST_CASE("more footnotes than the limit: an error at the first one too many") {
    Limits limits;
    const std::string body = "A[^a] b[^b] c[^c].\n\n[^a]: One.\n[^b]: Two.\n[^c]: Three.\n";
    limits.footnotes = 3;
    CHECK(read_limited(with_front_matter(body), limits).messages().empty());
    limits.footnotes = 2;
    const auto r = read_limited(with_front_matter(body), limits);
    CHECK(r.messages() == std::vector<std::string>{
                              "10:1: error: more than 2 footnotes in one post (the limit footnotes = 2); this is note 3 of 3"});
    CHECK_FALSE(r.post);
}

TEST_CASE("a bibliography with more items than bibliography_entries is refused at the first one too many") {
    Limits limits;
    limits.bibliography_entries = 2;
    const std::string json = "[\n{\"id\": \"a\", \"type\": \"book\"},\n{\"id\": \"b\", \"type\": \"book\"},\n"
                             "{\"id\": \"c\", \"type\": \"book\"}\n]\n";
    Diagnostics d;
    const Bibliography bib = read_bibliography("references.json", json, d, limits);
    REQUIRE(d.items().size() == 1);
    CHECK(short_form(d.items()[0]) ==
          "4:2: error: more than 2 bibliography items (the limit bibliography_entries = 2); this is item 3 of 3");
    CHECK(bib.items.empty());
}

TEST_CASE("an item with more names than names_per_entry is an error, it keeps the names up to the limit") {
    Limits limits;
    limits.names_per_entry = 3;
    std::string names;
    for (int i = 0; i < 4; ++i) names += std::string(i ? ", " : "") + "{\"family\": \"F" + std::to_string(i) + "\"}";
    const std::string json = "[\n{\"id\": \"many\", \"type\": \"book\", \"author\": [" + names +
                             "]},\n{\"id\": \"few\", \"type\": \"book\", \"editor\": [{\"family\": \"E\"}]}\n]\n";
    Diagnostics d;
    const Bibliography bib = read_bibliography("references.json", json, d, limits);
    REQUIRE(d.items().size() == 1);
    CHECK(short_form(d.items()[0]) ==
          "2:2: error: bibliography item 'many' lists 4 names in 'author' (the limit names_per_entry = 3)");
    REQUIRE(bib.items.size() == 2);
    CHECK(bib.items[0].id == "many");
    CHECK(bib.items[0].names.at("author").size() == 3);
    CHECK(bib.items[1].id == "few");
}

TEST_CASE("javascript:, vbscript: and data: links become their text with a warning, however they are spelt") {
    const auto r = read_text(with_front_matter(
        "A [one](javascript:alert(1)), [two](JaVaScRiPt:x), [three](&#106;avascript:x), <vbscript:x> and "
        "[four](https://example.org).\n"));
    CHECK(r.messages() == std::vector<std::string>{
                              "6:3: warning: link to a javascript: URL removed; its text is kept",
                              "6:31: warning: link to a javascript: URL removed; its text is kept",
                              "6:52: warning: link to a javascript: URL removed; its text is kept",
                              "6:80: warning: link to a vbscript: URL removed; its text is kept",
                          });
    REQUIRE(r.post);
    int links = 0;
    std::string text;
    for (const auto& in : std::get<Paragraph>(r.post->doc.blocks.at(0).value).content) {
        if (const auto* l = std::get_if<Link>(&in.value)) {
            ++links;
            CHECK(l->url == "https://example.org");
        }
        if (const auto* t = std::get_if<Text>(&in.value)) text += t->text;
    }
    CHECK(links == 1);
    CHECK(text.find("one, two, three, vbscript:x and") != std::string::npos);

    const auto data = read_text(with_front_matter("A [five](DATA:text/html;base64,PHNjcmlwdD4=) end.\n"));
    CHECK(data.messages() ==
          std::vector<std::string>{"6:3: warning: link to a data: URL removed; its text is kept"});
}

TEST_CASE("the code between inline <script> tags is not text") {
    const auto r = read_text(with_front_matter("Before <script>alert(1)</script> after <SCRIPT >x</SCRIPT> end.\n"));
    REQUIRE(r.post);
    std::string text;
    int raw = 0;
    for (const auto& in : std::get<Paragraph>(r.post->doc.blocks.at(0).value).content) {
        if (const auto* t = std::get_if<Text>(&in.value)) text += t->text;
        if (std::holds_alternative<RawInline>(in.value)) ++raw;
    }
    CHECK(text == "Before  after  end.");
    CHECK(raw == 4);  // the tags stay, for the writers' warnings
}

namespace {
// The text and the number of raw tags of a one-paragraph body.
std::pair<std::string, int> paragraph_text(const std::string& body) {
    const auto r = read_text(with_front_matter(body));
    REQUIRE(r.post);
    std::string text;
    int raw = 0;
    for (const auto& in : std::get<Paragraph>(r.post->doc.blocks.at(0).value).content) {
        if (const auto* t = std::get_if<Text>(&in.value)) text += t->text;
        if (std::holds_alternative<RawInline>(in.value)) ++raw;
    }
    return {text, raw};
}
}  // namespace

TEST_CASE("the content of every element the EPUB drops whole is dropped for the PDF too") {
    // The EPUB's tag policy (model/html_policy.hpp) drops an iframe's, a
    // form's or an svg's content with it; the PDF printed it (only script
    // and style were known here).
    CHECK(paragraph_text("A <iframe src=\"x\">fallback</iframe> b <noscript>no</noscript> c.\n") ==
          std::pair<std::string, int>{"A  b  c.", 4});
    CHECK(paragraph_text("A <svg><svg>in</svg>still in</svg> out.\n").first == "A  out.");
    // Void and self-closing elements have no content: nothing after them goes.
    CHECK(paragraph_text("A <input type=\"text\"> kept <embed src=\"x\"/> kept too.\n").first ==
          "A  kept  kept too.");
    CHECK(paragraph_text("A <span>kept</span> <b>kept</b>.\n").first == "A kept kept.");
}
