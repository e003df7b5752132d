#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "render_test_support.hpp"
#include "../layout/pack_builder.hpp"
#include "layout/layout_pack.hpp"
#include "render/render_pdf.hpp"
#include "render/write_pdf.hpp"

using namespace folio;
using namespace folio::test;

namespace {

Pack pdf_sample() {
    Blocks b;
    b.push_back(para(Inlines{text(words(60, 1)), note_ref(1), text(" " + words(40, 2))}));
    b.push_back(heading(2, "Evidence from witnesses", "evidence"));
    for (int i = 0; i < 12; ++i) b.push_back(para(words(90, i)));
    b.push_back(list(true, 3, {{para("First")}, {para("Second")}}));
    return pack({post("letter", "A letter to the Foreign Secretary", std::move(b), {note(1, words(30, 5))})});
}

}  // namespace

TEST_CASE("the PDF is byte-identical for identical inputs and epoch") {
    auto dir = std::filesystem::temp_directory_path() / "folio_pdf_test";
    std::filesystem::create_directories(dir);
    PdfOptions o;
    o.resources = resources();
    o.source_date_epoch = 1700000000;
    Pack p = pdf_sample();
    int pages = 0;
    auto r1 = write_pdf(p, Style{}, (dir / "a.pdf").string(), o, &pages);
    REQUIRE_MESSAGE(r1.ok(), r1.error());
    o.threads = 2;
    auto r2 = write_pdf(p, Style{}, (dir / "b.pdf").string(), o);
    REQUIRE(r2.ok());
    CHECK(pages >= 2);
    std::string a = slurp((dir / "a.pdf").string()), b = slurp((dir / "b.pdf").string());
    CHECK(a.size() > 1000);
    CHECK(a == b);
    CHECK(a.find("20231114221320") != std::string::npos);  // 1700000000 = 2023-11-14T22:13:20Z
}

TEST_CASE("epoch seconds become an ISO date without the clock") {
    CHECK(iso_datetime_from_epoch(0) == "1970-01-01T00:00:00Z");
    CHECK(iso_datetime_from_epoch(1700000000) == "2023-11-14T22:13:20Z");
    CHECK(iso_datetime_from_epoch(951782400) == "2000-02-29T00:00:00Z");
}

TEST_CASE("a page renders to a PNG preview of the page's size at the given resolution") {
    auto dir = std::filesystem::temp_directory_path() / "folio_pdf_test";
    std::filesystem::create_directories(dir);
    LayoutOptions o;
    o.resources = resources();
    auto layout = layout_pack(pdf_sample(), Style{}, o);
    REQUIRE(layout.ok());
    const std::string png = (dir / "page1.png").string();
    auto r = render_page_png(*layout, 0, 72, png);
    REQUIRE_MESSAGE(r.ok(), r.error());
    const std::string bytes = slurp(png);
    REQUIRE(bytes.size() > 24);
    CHECK(bytes.substr(1, 3) == "PNG");
    auto be32 = [&](size_t at) {
        return (unsigned(static_cast<unsigned char>(bytes[at])) << 24) | (unsigned(static_cast<unsigned char>(bytes[at + 1])) << 16) |
               (unsigned(static_cast<unsigned char>(bytes[at + 2])) << 8) | unsigned(static_cast<unsigned char>(bytes[at + 3]));
    };
    CHECK(be32(16) == 595);  // A4 at 72 dpi
    CHECK(be32(20) == 842);
    CHECK_FALSE(render_page_png(*layout, 99, 72, png).ok());
}

TEST_CASE("a figure's PNG is embedded in the PDF, a link inside a paragraph gets one area per line") {
    auto dir = std::filesystem::temp_directory_path() / "folio_pdf_test";
    std::filesystem::create_directories(dir);
    // A small PNG drawn by cairo itself.
    const std::string png = (dir / "figure.png").string();
    {
        Layout tiny;
        Page p;
        p.width = 40;
        p.height = 30;
        p.items.push_back(RectItem{0, 0, 40, 30, rgb(0x14365d)});
        tiny.pages.push_back(p);
        REQUIRE(render_page_png(tiny, 0, 72, png).ok());
    }
    Image im;
    im.url = png;
    im.alt = txt("A navy rectangle");
    Link link;
    link.url = "https://example.org/report";
    link.children = txt("the report of the commission of inquiry on human rights in the DPRK");
    Blocks b;
    b.push_back(para(Inlines{text(words(12)), make_inline(std::move(link)), text(" " + words(30, 3))}));
    b.push_back(para(Inlines{make_inline(std::move(im))}));
    Pack pk = pack({post("fig", "Figure", std::move(b))});
    LayoutOptions lo;
    lo.resources = resources();
    lo.front_matter = false;  // the post is page 0
    Style narrow;
    narrow.margin_outer = 120 * mm;  // a narrow measure so the link wraps
    auto layout = layout_pack(pk, narrow, lo);
    REQUIRE_MESSAGE(layout.ok(), layout.error());
    int links = 0, images = 0;
    for (const Item& it : layout->pages[0].items) {
        if (auto* l = std::get_if<LinkItem>(&it); l && l->uri == "https://example.org/report") {
            ++links;
            CHECK(l->w > 0);
            CHECK(l->w <= narrow.measure() + 0.01);
        }
        if (auto* i = std::get_if<ImageItem>(&it)) {
            ++images;
            CHECK(i->alt == "A navy rectangle");
        }
    }
    CHECK(links >= 2);
    CHECK(images == 1);
    const std::string pdf = (dir / "figure.pdf").string();
    REQUIRE(render_pdf(*layout, pdf).ok());
    const std::string bytes = slurp(pdf);
    CHECK(bytes.find("/Subtype /Image") != std::string::npos);
    CHECK(bytes.find("https://example.org/report") != std::string::npos);
}

TEST_CASE("a page that opens with a figure renders (cairo 1.16 refused an unbounded paint there)") {
    auto dir = std::filesystem::temp_directory_path() / "folio_pdf_test";
    std::filesystem::create_directories(dir);
    const std::string jpeg = std::string(FOLIO_TEST_SOURCE_DIR) + "/tests/fixtures/images/small.jpg";
    Layout l;
    for (int i = 0; i < 2; ++i) {
        Page p;
        p.width = 595;
        p.height = 842;
        p.label = std::to_string(i + 1);
        p.items.push_back(TagBegin{"Figure", "A banner"});
        p.items.push_back(ImageItem{jpeg, 72, 72, 144, 72, "A banner"});
        p.items.push_back(TagEnd{"Figure"});
        l.pages.push_back(p);
    }
    const std::string pdf = (dir / "opens-with-figure.pdf").string();
    auto r = render_pdf(l, pdf);
    REQUIRE_MESSAGE(r.ok(), r.error());
    CHECK(slurp(pdf).find("/Subtype /Image") != std::string::npos);
}

TEST_CASE("a picture drawn twice on a page is listed once per drawing, with no duplicated resource key") {
    REQUIRE_MESSAGE(have("qpdf"), "scripts/setup installs qpdf");
    const auto dir = temp_dir("folio_pdf_test");
    const std::string jpeg = std::string(FOLIO_TEST_SOURCE_DIR) + "/tests/fixtures/images/small.jpg";
    Layout l;
    for (int i = 0; i < 2; ++i) {  // twice on each of two pages: one shared picture, one copy a page
        Page p;
        p.width = 595;
        p.height = 842;
        p.label = std::to_string(i + 1);
        for (int k = 0; k < 2; ++k) {
            p.items.push_back(TagBegin{"Figure", "A banner"});
            p.items.push_back(ImageItem{jpeg, 72, 72 + 200.0 * k, 144, 72, "A banner"});
            p.items.push_back(TagEnd{"Figure"});
        }
        l.pages.push_back(p);
    }
    const std::string pdf = (dir / "twice.pdf").string();
    auto r = render_pdf(l, pdf);
    REQUIRE_MESSAGE(r.ok(), r.error());
    const std::string check = run("qpdf --check " + pdf + " 2>&1");
    CHECK(check.find("duplicated key") == std::string::npos);
    CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
    // The picture shared by both pages, and one copy for each page's repeat.
    const std::string bytes = slurp(pdf);
    std::size_t images = 0;
    for (auto at = bytes.find("/Subtype /Image"); at != std::string::npos; at = bytes.find("/Subtype /Image", at + 1))
        ++images;
    CHECK(images == 3);
}
