// The whole book: a rich hand-built pack through write_epub, checked as a
// zip, for determinism, and (once, it is slow) with epubcheck and mutool.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "epub/write_epub.hpp"
#include "epub_test_support.hpp"

using namespace folio;
using namespace folio::epub::test;
namespace fs = std::filesystem;

namespace {

// A 1x1 PNG, enough for manifest, cover and image handling.
const std::vector<std::uint8_t> tiny_png{
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
    0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00,
    0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0x10, 0x36, 0x65, 0x03, 0x00, 0x01, 0x4e, 0x00, 0xbe, 0x4c,
    0x64, 0x1b, 0x42, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path scratch_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("folio-epub-test-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir / "input" / "images");
    return dir;
}

Pack rich_pack(const fs::path& dir) {
    {
        std::ofstream png(dir / "input" / "images" / "map.png", std::ios::binary);
        png.write(reinterpret_cast<const char*>(tiny_png.data()), static_cast<std::streamsize>(tiny_png.size()));
    }
    Pack pack;
    pack.id = "collection";
    pack.title = "North Korea: briefing pack";
    pack.subtitle = "Letters, statements and events";
    pack.edition = {2023, 10, 21};
    pack.site.name = "APPG on North Korea";
    pack.site.description = "The All-Party Parliamentary Group on North Korea.";
    pack.site.disclaimer = "This is not an official publication of the House of Commons or the House of Lords.";
    pack.site.rights = "© APPG on North Korea";

    Post article = post_with(
        {para({text("The Commission of Inquiry "), make_inline(NoteRef{"coi", 0}), text(" found crimes; see "),
               make_inline(Cite{CiteMode::normal, {}, "[@coi2014]", {text("(COI 2014)")}, 0}),
               text(". In Korean: 북한 인권.")}),
         make_block(Heading{2, {text("Background")}, "background"}),
         para({make_inline(Image{"images/map.png", "", {text("Map of the border")}, ""}),
               make_inline(Link{"2023-10-21-letter.md", "", {text("our letter")}})}),
         make_block(Heading{3, {text("Figures")}, "figures"}),
         make_block(Table{{Align::none, Align::right},
                          {{{{text("Year")}, {}}, {{text("Arrivals")}, {}}}},
                          {{{{{text("2019")}, {}}, {{text("1,047")}, {}}}}}}),
         para({text("Unsafe "), make_inline(RawInline{"html", "<script>"}, {14, 9}), text("alert(1)"),
               make_inline(RawInline{"html", "</script>"}), make_inline(RawInline{"html", "<a href=\"javascript:x()\" onclick=\"y()\">"}, {14, 30}),
               text("click"), make_inline(RawInline{"html", "</a>"}), text(" and H"), make_inline(RawInline{"html", "<sub>"}),
               text("2"), make_inline(RawInline{"html", "</sub>"}), text("O.")},
              {14, 1}),
         make_block(RawBlock{"html", "<iframe src=\"https://evil.example\"></iframe>\n<p onclick=\"x\">kept text</p>\n"},
                    {16, 1})},
        {Footnote{"coi", 0, {para({text("Report of the commission of inquiry, A/HRC/25/63.")})}, false, {20, 1}}});
    article.path = (dir / "input" / "2017-02-06-article.md").string();
    article.slug = "article";
    article.meta.title = "Actions, not words";
    article.meta.authors = {"Lord Alton", "Baroness Cox"};
    article.meta.summary = "Why the report matters.";
    article.meta.original = "Korea JoongAng Daily, 6 February 2017";
    article.meta.date = {2017, 2, 6};

    Post letter = post_with({para({text("I write about forced repatriation.")})});
    letter.path = (dir / "input" / "2023-10-21-letter.md").string();
    letter.slug = "letter";
    letter.meta.kind = Kind::letter;
    letter.meta.title = "Letter to the Foreign Secretary";
    letter.meta.date = {2023, 10, 21};
    letter.meta.from = Party{"Lord Alton of Liverpool", "Co-Chair", {"House of Lords", "London SW1A 0PW"}};
    letter.meta.to = Party{"The Rt Hon James Cleverly MP", "Foreign Secretary", {"King Charles Street"}};
    letter.meta.salutation = "Dear Foreign Secretary,";
    letter.meta.closing = "Yours sincerely,";
    letter.meta.signature = "Lord Alton of Liverpool";

    Post event = post_with({para({text("A screening and discussion.")})});
    event.path = (dir / "input" / "2016-11-09-event.md").string();
    event.slug = "event";
    event.meta.kind = Kind::event;
    event.meta.title = "While they watched";
    event.meta.date = {2016, 11, 9};
    event.meta.event = EventInfo{DateTime{{2016, 11, 9}, 18, 30}, "Committee Room 4, Palace of Westminster", "Free"};

    List clauses;
    clauses.ordered = true;
    clauses.items.push_back({{para({text("We call for an end to repatriation.")})}, std::nullopt, {}});
    clauses.items.push_back({{para({text("We call for access for the UN.")})}, std::nullopt, {}});
    Post statement = post_with({para({text("We, the undersigned:")}), make_block(clauses)});
    statement.path = (dir / "input" / "2023-04-20-statement.md").string();
    statement.slug = "statement";
    statement.meta.kind = Kind::statement;
    statement.meta.title = "Joint statement";
    statement.meta.date = {2023, 4, 20};

    article.doc.references = {{"coi2014", {text("Commission of Inquiry (2014). "), make_inline(Emph{{text("Report")}}), text(".")}}};
    pack.references = {{"coi2014", {text("Commission of Inquiry (2014). "), make_inline(Emph{{text("Report")}}), text(".")}},
                       {"kim2019", {text("김 (2019). 북한 인권.")}}};
    pack.site.about = "First paragraph\nof the history.\n\nSecond paragraph.";
    pack.posts = {article, letter, event, statement};
    return pack;
}

EpubOptions rich_options() {
    EpubOptions o;
    o.modified = 1700000000;  // 2023-11-14T22:13:20Z
    o.fonts_dir = std::string(FOLIO_TEST_SOURCE_DIR) + "/fonts";
    o.style_sheet = std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/epub.css";
    o.cover_png = tiny_png;
    o.page_breaks = {{"article", 0, "1"}, {"article", 3, "2"}, {"letter", 0, "3"}, {"statement", 1, "4"},
                     {"event", 99, "5"}, {"event", 0, "iv"}};
    return o;
}

// Lists the archive's entries with unzip, as a real tool reads them.
std::string zip_listing(const fs::path& file) {
    std::string cmd = "unzip -Z1 '" + file.string() + "' > '" + file.string() + ".list'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return slurp(file.string() + ".list");
}

std::string zip_entry(const fs::path& file, const std::string& name) {
    std::string out = file.string() + ".entry";
    std::string cmd = "unzip -p '" + file.string() + "' '" + name + "' > '" + out + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return slurp(out);
}

}  // namespace

TEST_CASE("write_epub: mimetype first and stored, every part present, sanitiser warnings at file:line") {
    fs::path dir = scratch_dir("parts");
    Pack pack = rich_pack(dir);
    Diagnostics diags;
    fs::path out = dir / "collection.epub";
    auto r = write_epub(pack, rich_options(), out.string(), diags);
    REQUIRE_MESSAGE(r.ok(), r.error());
    std::string bytes = slurp(out);
    REQUIRE(bytes.size() > 100);
    // Local header of entry 1: signature, method 0 (stored) at offset 8,
    // name "mimetype" at 30, content right after (no extra field).
    CHECK(bytes.compare(0, 4, "PK\x03\x04") == 0);
    CHECK(bytes[8] == 0);
    CHECK(bytes[9] == 0);
    CHECK(bytes.compare(30, 8, "mimetype") == 0);
    CHECK(bytes[28] == 0);
    CHECK(bytes.compare(38, 20, "application/epub+zip") == 0);

    std::string list = zip_listing(out);
    for (const char* name :
         {"META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/toc.ncx", "EPUB/css/folio.css",
          "EPUB/images/cover.png", "EPUB/images/map.png", "EPUB/text/cover.xhtml", "EPUB/text/title.xhtml",
          "EPUB/text/post-article.xhtml", "EPUB/text/post-letter.xhtml", "EPUB/text/post-event.xhtml",
          "EPUB/text/post-statement.xhtml"})
        CHECK_MESSAGE(list.find(name) != std::string::npos, name);

    std::string article = zip_entry(out, "EPUB/text/post-article.xhtml");
    CHECK(article.find("<script") == std::string::npos);
    CHECK(article.find("alert") == std::string::npos);
    CHECK(article.find("javascript") == std::string::npos);
    CHECK(article.find("onclick") == std::string::npos);
    CHECK(article.find("iframe") == std::string::npos);
    CHECK(article.find("kept text") != std::string::npos);
    CHECK(article.find("H<sub>2</sub>O") != std::string::npos);
    CHECK(article.find("<span lang=\"ko\" xml:lang=\"ko\">북한 인권</span>") != std::string::npos);
    CHECK(article.find("href=\"post-letter.xhtml\"") != std::string::npos);
    CHECK(article.find("<img src=\"../images/map.png\" alt=\"Map of the border\"/>") != std::string::npos);
    CHECK(article.find("epub:type=\"pagebreak\"") < article.find("<header"));
    CHECK(article.find("id=\"page-2\"") > article.find("id=\"background\""));
    CHECK(article.find("First published in Korea JoongAng Daily") != std::string::npos);

    std::size_t at_line_14 = 0;
    for (const auto& d : diags.items()) {
        CHECK(d.severity == Severity::warning);
        CHECK(d.file == pack.posts[0].path);
        if (d.pos.line == 14) ++at_line_14;
    }
    CHECK(at_line_14 == 2);  // the script, the javascript: link with onclick
    CHECK(diags.items().size() == 4);  // and the iframe and <p onclick> of the block at 16

    std::string opf = zip_entry(out, "EPUB/package.opf");
    CHECK(opf.find("urn:uuid:") != std::string::npos);
    CHECK(opf.find("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>") != std::string::npos);
    CHECK(opf.find("printPageNumbers") != std::string::npos);
    CHECK(opf.find("alternativeText") != std::string::npos);
    CHECK(opf.find("properties=\"cover-image\"") != std::string::npos);
    CHECK(opf.find("media-type=\"font/ttf\"") != std::string::npos);

    std::string nav = zip_entry(out, "EPUB/nav.xhtml");
    CHECK(nav.find("epub:type=\"page-list\"") != std::string::npos);
    CHECK(nav.find("text/post-statement.xhtml#page-4") != std::string::npos);
    CHECK(nav.find("page-5") == std::string::npos);  // past the last block: ignored
    CHECK(nav.find("text/post-article.xhtml#figures") != std::string::npos);

    CHECK(nav.find("epub:type=\"bibliography\" href=\"text/references.xhtml\"") != std::string::npos);
    std::string refs = zip_entry(out, "EPUB/text/references.xhtml");
    CHECK(refs.find("role=\"doc-bibliography\"") != std::string::npos);
    CHECK(refs.find("<li id=\"ref-kim2019\"><span lang=\"ko\" xml:lang=\"ko\">김</span> (2019). ") != std::string::npos);
    CHECK(article.find("<li id=\"ref-coi2014\">Commission of Inquiry (2014). <em>Report</em>.</li>") != std::string::npos);
    std::string title = zip_entry(out, "EPUB/text/title.xhtml");
    CHECK(title.find("<p class=\"about\">First paragraph of the history.</p>") != std::string::npos);
    CHECK(title.find("<p class=\"about\">Second paragraph.</p>") != std::string::npos);

    std::string ncx = zip_entry(out, "EPUB/toc.ncx");
    CHECK(ncx.find("<meta name=\"dtb:totalPageCount\" content=\"4\"/>") != std::string::npos);
    CHECK(ncx.find("type=\"normal\" value=\"4\"") != std::string::npos);
    CHECK(ncx.find("<content src=\"text/post-statement.xhtml#page-4\"/>") != std::string::npos);

    std::string css = zip_entry(out, "EPUB/css/folio.css");
    CHECK(css.find("@font-face") != std::string::npos);
    CHECK(css.find("font-family: \"Noto Serif\"") != std::string::npos);
}

TEST_CASE("write_epub: two builds of the same pack are byte-identical") {
    fs::path dir = scratch_dir("twice");
    Pack pack = rich_pack(dir);
    Diagnostics d1, d2;
    auto r1 = write_epub(pack, rich_options(), (dir / "a.epub").string(), d1);
    auto r2 = write_epub(pack, rich_options(), (dir / "b.epub").string(), d2);
    REQUIRE(r1.ok());
    REQUIRE(r2.ok());
    CHECK(slurp(dir / "a.epub") == slurp(dir / "b.epub"));
}

TEST_CASE("write_epub: without fonts, cover, page breaks or posts it still writes a book and claims nothing") {
    fs::path dir = scratch_dir("bare");
    Pack pack;
    pack.site.name = "Group";
    EpubOptions o;
    o.style_sheet = std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/epub.css";
    o.fonts_dir = (dir / "no-fonts").string();
    Diagnostics diags;
    fs::path out = dir / "bare.epub";
    REQUIRE(write_epub(pack, o, out.string(), diags).ok());
    std::string opf = zip_entry(out, "EPUB/package.opf");
    CHECK(opf.find("printPageNumbers") == std::string::npos);
    CHECK(opf.find("cover-image") == std::string::npos);
    CHECK(opf.find("font/") == std::string::npos);
    CHECK(opf.find("accessMode\">visual") == std::string::npos);
    CHECK(zip_entry(out, "EPUB/nav.xhtml").find("page-list") == std::string::npos);
}

TEST_CASE("write_epub: a missing stylesheet or an unwritable path is an error, not a crash") {
    Pack pack;
    Diagnostics diags;
    EpubOptions o;
    o.style_sheet = "/nonexistent/epub.css";
    CHECK_FALSE(write_epub(pack, o, "/tmp/x.epub", diags).ok());
    o.style_sheet = std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/epub.css";
    auto r = write_epub(pack, o, "/nonexistent/dir/x.epub", diags);
    CHECK_FALSE(r.ok());
    CHECK(r.error().find("/nonexistent/dir/x.epub") != std::string::npos);
}

// Slow (epubcheck takes 10-20 s): one rich book, checked by two real readers.
TEST_CASE("write_epub: epubcheck reports 0 errors and 0 warnings and mutool renders it" * doctest::timeout(120)) {
    if (std::system("java -version > /dev/null 2>&1") != 0 || !fs::exists("/usr/share/java/epubcheck.jar")) {
        MESSAGE("java or epubcheck missing: skipped");
        return;
    }
    fs::path dir = scratch_dir("epubcheck");
    Pack pack = rich_pack(dir);
    Diagnostics diags;
    fs::path out = dir / "rich.epub";
    REQUIRE(write_epub(pack, rich_options(), out.string(), diags).ok());
    std::string report = (dir / "epubcheck.txt").string();
    int rc = std::system(("java -jar /usr/share/java/epubcheck.jar '" + out.string() + "' > '" + report + "' 2>&1").c_str());
    std::string text = slurp(report);
    INFO(text);
    CHECK(rc == 0);
    CHECK(text.find("No errors or warnings detected") != std::string::npos);
    if (std::system("command -v mutool > /dev/null") == 0) {
        std::string png = (dir / "page%d.png").string();
        int mrc = std::system(("mutool draw -q -o '" + png + "' '" + out.string() + "' 1-3 2>&1").c_str());
        CHECK(mrc == 0);
        CHECK(fs::exists(dir / "page1.png"));
        CHECK(fs::exists(dir / "page3.png"));
    }
}
