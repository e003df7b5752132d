#include <doctest/doctest.h>

#include <algorithm>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "render_test_support.hpp"
#include "../layout/pack_builder.hpp"
#include "layout/layout_pack.hpp"
#include "render/archive_fonts.hpp"
#include "render/archive_metadata.hpp"
#include "render/font_subset.hpp"
#include "render/page_labels.hpp"
#include "render/render_archive.hpp"
#include "render/render_pdf.hpp"
#include "model/digest.hpp"

using namespace folio;
using namespace folio::test;

namespace {

Pack archive_sample() {
    Blocks b;
    // "fi", "ffl" and "Th" are ligatures in Noto Serif; Korean needs the Hangul font.
    b.push_back(para(Inlines{text("The office’s first official staff were fluent in 조선일보 and difficult "
                                  "questions. " + words(60, 1)),
                             note_ref(1), text(" " + words(40, 2))}));
    b.push_back(heading(2, "Evidence from witnesses", "evidence"));
    for (int i = 0; i < 10; ++i) b.push_back(para(words(90, i)));
    return pack({post("letter", "A letter to the Foreign Secretary", std::move(b), {note(1, words(30, 5))})});
}

std::vector<Page> numbered(std::vector<std::pair<PageNumbering, int>> numbers) {
    std::vector<Page> pages;
    for (auto [how, n] : numbers) {
        Page p;
        if (how == PageNumbering::none) p.label = "Cover";
        else p.set_number(how, n);
        pages.push_back(p);
    }
    return pages;
}

}  // namespace

TEST_CASE("page labels become ranges: roman front matter, then decimal from 1") {
    using enum PageNumbering;
    auto r = label_ranges(numbered({{lower_roman, 1}, {lower_roman, 2}, {lower_roman, 3}, {lower_roman, 4},
                                    {decimal, 1}, {decimal, 2}, {decimal, 3}}));
    REQUIRE(r.size() == 2);
    CHECK(r[0].first_page == 0);
    CHECK(r[0].style == lower_roman);
    CHECK(r[0].first_number == 1);
    CHECK(r[1].first_page == 4);
    CHECK(r[1].style == decimal);
    CHECK(r[1].first_number == 1);

    // A gap in the numbers starts a new range; a page that is not numbered keeps its label.
    r = label_ranges(numbered({{decimal, 1}, {decimal, 2}, {decimal, 5}, {none, 0}}));
    REQUIRE(r.size() == 3);
    CHECK(r[1].first_page == 2);
    CHECK(r[1].first_number == 5);
    CHECK(r[2].style == none);
    CHECK(r[2].prefix == "Cover");
}

TEST_CASE("layout numbers the pages it labels: roman front matter, decimal posts, blank pages included") {
    LayoutOptions lo;
    lo.resources = resources();
    Pack p = archive_sample();
    p.start_on_right = true;
    auto layout = layout_pack(p, Style{}, lo);
    REQUIRE(layout.ok());
    int roman_pages = 0;
    for (const Page& page : layout->pages) {
        REQUIRE(page.numbering != PageNumbering::none);
        CHECK(page.label == (page.numbering == PageNumbering::lower_roman ? roman(page.number) : std::to_string(page.number)));
        if (page.numbering == PageNumbering::lower_roman) CHECK(page.number == ++roman_pages);
    }
    CHECK(roman_pages >= 2);
    auto r = label_ranges(layout->pages);
    REQUIRE(r.size() == 2);
    CHECK(r[1].first_page == roman_pages);
    CHECK(r[1].first_number == 1);
}

TEST_CASE("XMP metadata is escaped, dated with +00:00 and identifies PDF/A-3b") {
    DocInfo info;
    info.title = "Refugees & <forced> repatriation";
    info.author = "APPG";
    info.create_date = "2023-10-21T09:30:00Z";
    const std::string x = xmp_packet(info, "libHaru 2.3.0");
    CHECK(x.find("Refugees &amp; &lt;forced&gt; repatriation") != std::string::npos);
    CHECK(x.find("<xmp:CreateDate>2023-10-21T09:30:00+00:00</xmp:CreateDate>") != std::string::npos);
    CHECK(x.find("Z<") == std::string::npos);
    CHECK(x.find("<pdfaid:part>3</pdfaid:part>") != std::string::npos);
    CHECK(x.find("<pdfaid:part>1</pdfaid:part>") == std::string::npos);
    CHECK(x.find("<pdfaid:conformance>B</pdfaid:conformance>") != std::string::npos);
    CHECK(pdf_text_bytes("plain") == "plain");
    CHECK(pdf_text_bytes("’") == std::string("\xFE\xFF\x20\x19", 4));
}

TEST_CASE("attachments get a MIME type from their extension and PDF dates from ISO ones") {
    CHECK(attachment_media_type("2017-02-06-actions-not-words.md") == "text/markdown");
    CHECK(attachment_media_type("references.json") == "application/json");
    CHECK(attachment_media_type("folio.toml") == "application/toml");
    CHECK(attachment_media_type("house.TOML") == "application/toml");
    CHECK(attachment_media_type("folio-uk-notes.csl") == "application/vnd.citationstyles.style+xml");
    CHECK(attachment_media_type("notes.txt.bak") == "application/octet-stream");
    CHECK(attachment_media_type("Makefile") == "application/octet-stream");
    CHECK(pdf_date("2023-10-21T09:30:05Z") == "D:20231021093005+00'00'");
    CHECK(pdf_date("2023-10-21") == "");
    CHECK(pdf_date("") == "");
}

TEST_CASE("a cmap table maps codes to glyphs, consecutive runs in one segment") {
    const std::string font = slurp(std::string(FOLIO_TEST_SOURCE_DIR) + "/fonts/NotoSerif-Regular.ttf");
    REQUIRE(font.size() > 1000);
    const std::uint32_t a = glyph_for(font, 0, U'a'), fi = 0;
    (void)fi;
    REQUIRE(a != 0);
    auto sub = subset_font(font, 0, {U'a', U'b'}, {a}, true);
    REQUIRE_MESSAGE(sub.ok(), sub.error());
    CHECK(sub->bytes.size() < font.size() / 4);
    REQUIRE(sub->glyph_map.count(a));
    auto remapped = replace_cmap(sub->bytes, {{U'a', static_cast<std::uint16_t>(sub->glyph_map[a])},
                                              {0xE000, static_cast<std::uint16_t>(sub->glyph_map[a])}});
    REQUIRE_MESSAGE(remapped.ok(), remapped.error());
    CHECK(glyph_for(*remapped, 0, U'a') == sub->glyph_map[a]);
    CHECK(glyph_for(*remapped, 0, 0xE000) == sub->glyph_map[a]);
    CHECK(glyph_for(*remapped, 0, U'b') == 0);  // no longer mapped: only what we list
    CHECK(has_truetype_outlines(*remapped, 0));
}

TEST_CASE("ToUnicode maps direct codes to themselves and private codes to their text") {
    const std::string cmap = to_unicode_cmap({U'a', U'b', U'c', U'z'}, {{0xE000, "fi"}, {0xE001, "조"}});
    CHECK(cmap.find("2 beginbfrange\n<0061> <0063> <0061>\n<007A> <007A> <007A>\n") != std::string::npos);
    CHECK(cmap.find("<E000> <00660069>") != std::string::npos);
    CHECK(cmap.find("<E001> <C870>") != std::string::npos);
    CHECK(cmap.find("cidrange") == std::string::npos);
}

TEST_CASE("the archive edition: same text as laid out, attachments, labels, identical rebuilds") {
    LayoutOptions lo;
    lo.resources = resources();
    lo.create_date = "2023-10-21T00:00:00Z";
    auto layout = layout_pack(archive_sample(), Style{}, lo);
    REQUIRE_MESSAGE(layout.ok(), layout.error());
    const auto dir = temp_dir("folio_archive_test");
    ArchiveOptions options;
    options.attachments.push_back({"letter.md", "Markdown source", "---\ntitle: A letter\n---\nText.\n"});
    options.attachments.push_back({"references.json", "", "[]\n"});
    const std::string a = (dir / "a.pdf").string(), b = (dir / "b.pdf").string();
    auto r = render_archive(*layout, a, options);
    REQUIRE_MESSAGE(r.ok(), r.error());
    REQUIRE(render_archive(*layout, b, options).ok());
    const std::string bytes = slurp(a);
    CHECK(bytes == slurp(b));
    CHECK(bytes.substr(0, 8) == "%PDF-1.4");
    CHECK(bytes.find("/S /r") != std::string::npos);
    // The ID: two equal 16-byte strings, the first half of the SHA-256 of
    // the file as it was with the placeholder in their place.
    const std::string placeholder = "666F6C696F2D617263686976652D6964";  // "folio-archive-id"
    CHECK(bytes.find(placeholder) == std::string::npos);
    const auto id_at = bytes.rfind("/ID [");
    REQUIRE(id_at != std::string::npos);
    const auto first_at = bytes.find('<', id_at) + 1, second_at = bytes.find('<', first_at) + 1;
    const std::string first = bytes.substr(first_at, 32), second = bytes.substr(second_at, 32);
    CHECK(first == second);
    std::string unstamped = bytes;
    unstamped.replace(first_at, 32, placeholder);
    unstamped.replace(second_at, 32, placeholder);
    std::string expected = to_hex(sha256(unstamped).data(), 16);
    for (char& c : expected) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(first == expected);

    REQUIRE_MESSAGE((have("qpdf") && have("pdftotext") && have("pdfdetach")), "scripts/setup installs qpdf and poppler-utils");
    CHECK(run("qpdf --check " + a + " 2>&1").find("No syntax or stream encoding errors") != std::string::npos);
    const std::string text = run("pdftotext -enc UTF-8 " + a + " - 2>&1");
    CHECK(text.find("Syntax") == std::string::npos);  // no warning from poppler about the fonts
    CHECK(text.find("first official staff were fluent") != std::string::npos);
    CHECK(text.find("조선일보") != std::string::npos);
    CHECK(text.find("difficult") != std::string::npos);
    CHECK(text.find("Evidence from witnesses") != std::string::npos);
    const std::string list = run("pdfdetach -list " + a);
    CHECK(list.find("2 embedded files") != std::string::npos);
    CHECK(list.find("letter.md") != std::string::npos);
    CHECK(run("pdfdetach -save 1 -o " + (dir / "out.md").string() + " " + a + " && cat " + (dir / "out.md").string()) ==
          "---\ntitle: A letter\n---\nText.\n");
}

TEST_CASE("the archive edition's sources are PDF/A-3 associated files") {
    REQUIRE_MESSAGE((have("qpdf") && have("python3")), "scripts/setup installs qpdf");
    LayoutOptions lo;
    lo.resources = resources();
    lo.create_date = "2023-10-21T09:30:00Z";
    auto layout = layout_pack(archive_sample(), Style{}, lo);
    REQUIRE_MESSAGE(layout.ok(), layout.error());
    ArchiveOptions options;
    options.attachments.push_back({"letter.md", "Markdown source", "---\ntitle: A letter\n---\nText.\n"});
    options.attachments.push_back({"references.json", "", "[]\n"});
    options.attachments.push_back({"house.toml", "Typographic style", "[body]\nsize = 10\n"});
    const std::string a = (temp_dir("folio_archive_test") / "af.pdf").string();
    REQUIRE(render_archive(*layout, a, options).ok());
    // qpdf's reading of the catalog: /AF lists every file specification of
    // the EmbeddedFiles name tree, each with its relationship, names,
    // description and a stream with MIME type, size and date. One line per
    // attachment, in the name tree's order.
    const std::string script = R"PY(
import json, subprocess, sys
doc = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", sys.argv[1]],
                                capture_output=True, text=True, check=True).stdout)
objs = doc["qpdf"][1]
def obj(ref):
    o = objs["obj:" + ref]
    return o["value"] if "value" in o else o["stream"]["dict"]
def text(s):
    return s[2:] if s.startswith("u:") else s
catalog = obj(objs["trailer"]["value"]["/Root"])
af = catalog["/AF"]
tree = catalog["/Names"]["/EmbeddedFiles"]["/Names"]
print("AF lists the tree" if af == tree[1::2] else f"AF {af} != tree {tree}")
for ref in af:
    spec = obj(ref)
    stream = obj(spec["/EF"]["/F"])
    print(spec["/Type"], spec["/AFRelationship"], text(spec["/F"]), text(spec["/UF"]), text(spec["/Desc"]),
          stream["/Type"], stream["/Subtype"], stream["/Params"]["/Size"], text(stream["/Params"]["/ModDate"]))
)PY";
    // The file itself writes the MIME type as a name, its '/' escaped.
    CHECK(slurp(a).find("/Subtype /text#2Fmarkdown") != std::string::npos);
    const std::string script_path = (temp_dir("folio_archive_test") / "af.py").string();
    std::ofstream(script_path) << script;
    const std::string out = run("python3 " + script_path + " " + a + " 2>&1");
    CHECK(out ==
          "AF lists the tree\n"
          "/Filespec /Source house.toml house.toml Typographic style /EmbeddedFile /application/toml 17 "
          "D:20231021093000+00'00'\n"
          "/Filespec /Source letter.md letter.md Markdown source /EmbeddedFile /text/markdown 30 "
          "D:20231021093000+00'00'\n"
          "/Filespec /Source references.json references.json references.json /EmbeddedFile /application/json 3 "
          "D:20231021093000+00'00'\n");
}

TEST_CASE("both editions of one layout extract to the same words, ligatures and Korean included") {
    REQUIRE_MESSAGE(have("pdftotext"), "scripts/setup installs poppler-utils");
    LayoutOptions lo;
    lo.resources = resources();
    lo.create_date = "2023-10-21T00:00:00Z";
    auto layout = layout_pack(archive_sample(), Style{}, lo);
    REQUIRE(layout.ok());
    const auto dir = temp_dir("folio_archive_test");
    const std::string cairo = (dir / "cairo.pdf").string(), archive = (dir / "archive.pdf").string();
    REQUIRE(render_pdf(*layout, cairo).ok());
    REQUIRE(render_archive(*layout, archive, {}).ok());
    auto words = [](const std::string& path) {
        std::istringstream in(run("pdftotext -enc UTF-8 " + path + " -"));
        std::vector<std::string> all;
        for (std::string word; in >> word;) all.push_back(word);
        return all;
    };
    const std::vector<std::string> a = words(cairo), b = words(archive);
    CHECK(a.size() > 500);
    // The same words, letter-spaced ones included: both editions mark them
    // with their text, where pdftotext read "LET TER" in the running head.
    CHECK(a == b);
    CHECK(std::find(b.begin(), b.end(), "LETTER") != b.end());
    CHECK(std::find(b.begin(), b.end(), "LET") == b.end());
}

TEST_CASE("both editions have the same structure tree, and the archive's text is marked content of its elements") {
    REQUIRE_MESSAGE((have("qpdf") && have("python3")), "scripts/setup installs qpdf");
    LayoutOptions lo;
    lo.resources = resources();
    lo.create_date = "2023-10-21T00:00:00Z";
    Pack p = archive_sample();
    p.posts[0].doc.blocks.push_back(list(true, 3, {{para("First")}, {para("Second")}}));
    auto layout = layout_pack(p, Style{}, lo);
    REQUIRE(layout.ok());
    const auto dir = temp_dir("folio_archive_test");
    const std::string cairo = (dir / "tree-cairo.pdf").string(), archive = (dir / "tree-archive.pdf").string();
    REQUIRE(render_pdf(*layout, cairo).ok());
    auto r = render_archive(*layout, archive, {});
    REQUIRE_MESSAGE(r.ok(), r.error());
    // The element types, depth first, one line per element with its depth;
    // a leaf element (no child elements) that holds no marked content is
    // flagged: its text would reach no reader of the structure. The Cairo
    // edition wraps text in Spans and each link in a Link element (what
    // cairo 1.16 needs); the archive marks runs directly.
    const std::string script = R"PY(
import json, subprocess, sys
doc = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", sys.argv[1]],
                                capture_output=True, text=True, check=True).stdout)
objs = doc["qpdf"][1]
obj = lambda ref: objs["obj:" + ref]["value"]
lines = []
def walk(k, depth):
    """Prints the elements under k; returns (marked content found, child elements found)."""
    if isinstance(k, list):
        found = [walk(x, depth) for x in k]
        return any(m for m, _ in found), any(c for _, c in found)
    if isinstance(k, int) or (isinstance(k, dict) and k.get("/Type") == "/MCR"):
        return True, False
    if isinstance(k, str) and k.endswith(" R"):
        e = obj(k)
        if e.get("/S") == "/Span":
            return walk(e.get("/K", []), depth)
        if e.get("/S") == "/Link":  # its marked content is no text of the element's
            return False, False
        at = len(lines)
        lines.append("  " * depth + e["/S"][1:])
        marked, children = walk(e.get("/K", []), depth + 1)
        if not marked and not children:
            lines[at] += " (no marked content)"
        return marked, True
    return False, False
walk(obj(obj(objs["trailer"]["value"]["/Root"])["/StructTreeRoot"]).get("/K"), 0)
print("\n".join(lines))
)PY";
    const std::string script_path = (dir / "tree.py").string();
    std::ofstream(script_path) << script;
    const std::string a = run("python3 " + script_path + " " + cairo + " 2>&1");
    const std::string b = run("python3 " + script_path + " " + archive + " 2>&1");
    CHECK(a.find("Document\n  ") == 0);
    CHECK(a.find("      LBody\n") != std::string::npos);
    CHECK(a.find("(no marked content)") == std::string::npos);
    CHECK(a == b);
}
