#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "render_test_support.hpp"
#include "render/figure_alt.hpp"
#include "render/pdf_objects.hpp"
#include "render/render_archive.hpp"
#include "render/render_pdf.hpp"

using namespace folio;
using namespace folio::test;

namespace {


const std::string images = std::string(FOLIO_TEST_SOURCE_DIR) + "/tests/fixtures/images/";

// Each image once per page: cairo 1.16 names a picture drawn twice on one
// page twice in the page's resources (qpdf warns of a duplicated key).
void figure(Page& p, const std::string& alt, double y, const char* image) {
    p.items.push_back(TagBegin{"Figure", alt});
    p.items.push_back(ImageItem{images + image, 72, y, 144, 72, alt});
    p.items.push_back(TagEnd{"Figure"});
}

// Two pages: a figure in the body, one inside a table cell (deeper in the
// structure tree, but opened second), and on the second page one without
// alt text and one whose alt has a backslash. Each page opens with a
// figure (which cairo 1.16 once refused: draw_items.cpp).
Layout figures() {
    Layout l;
    l.info.create_date = "2023-10-21T09:30:00Z";
    Page p1;
    p1.width = 595;
    p1.height = 842;
    p1.label = "1";
    figure(p1, "Candles along the railings (2023)", 72, "small.jpg");
    for (const char* tag : {"Table", "TR", "TD"}) p1.items.push_back(TagBegin{tag, ""});
    figure(p1, "The banner reads 조선 ‘free’", 200, "photo.jpg");
    for (const char* tag : {"TD", "TR", "Table"}) p1.items.push_back(TagEnd{tag});
    Page p2 = p1;
    p2.label = "2";
    p2.items.clear();
    figure(p2, "", 72, "small.jpg");
    figure(p2, "C:\\path", 200, "photo.jpg");
    l.pages = {p1, p2};
    return l;
}

// qpdf's reading of the structure tree: every Figure, depth first, with its
// /Alt as text (qpdf gives text strings as "u:..." whatever their encoding).
const char* figures_script = R"PY(
import json, subprocess, sys
doc = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", sys.argv[1]],
                                capture_output=True, text=True, check=True).stdout)
objs = doc["qpdf"][1]
def obj(ref):
    return objs["obj:" + ref]["value"]
def walk(k):
    if isinstance(k, list):
        for x in k: walk(x)
    elif isinstance(k, str) and k.endswith(" R"):
        e = obj(k)
        if e.get("/S") == "/Figure":
            alt = e.get("/Alt")
            print("Figure:", "(none)" if alt is None else alt[2:] if alt.startswith("u:") else alt)
        walk(e.get("/K", []))
walk(obj(obj(objs["trailer"]["value"]["/Root"])["/StructTreeRoot"]).get("/K"))
)PY";

}  // namespace

TEST_CASE("a PDF text string: escaped literal for ASCII, UTF-16BE with a byte-order mark for anything else") {
    CHECK(pdf_text_string("Candles (2023) \\ back") == "(Candles \\(2023\\) \\\\ back)");
    CHECK(pdf_text_string("\xEC\xA1\xB0") == "<FEFFC870>");              // 조
    CHECK(pdf_text_string("a\nb") == "<FEFF0061000A0062>");              // a line break is not printable ASCII
    CHECK(pdf_text_string("\xF0\x9F\x98\x80") == "<FEFFD83DDE00>");     // beyond the BMP: a surrogate pair
}

TEST_CASE("the object reader follows references and finds where a dictionary ends") {
    const std::string s = "<< /Type /StructElem /S /Figure /P 12 0 R /K [ 3 0 R << /Type /MCR /MCID 0 >> 7 ] "
                          "/T (a (nested) \\) string) /N 1.5 /H <FEFF> /B true /Z null >> tail";
    std::size_t at = 0;
    auto v = pdf::parse_value(s, at);
    REQUIRE_MESSAGE(v.ok(), v.error());
    CHECK(v->kind == pdf::Value::Kind::dict);
    CHECK(s.substr(v->end) == " tail");
    CHECK(v->get("S")->is_name("Figure"));
    CHECK(v->get("P")->kind == pdf::Value::Kind::ref);
    CHECK(v->get("P")->ref == 12);
    const pdf::Value& k = *v->get("K");
    REQUIRE(k.items.size() == 3);
    CHECK(k.items[0].ref == 3);
    CHECK(k.items[1].get("MCID")->number == 0);
    CHECK(k.items[2].kind == pdf::Value::Kind::number);
    CHECK(v->get("T")->text == "a (nested) \\) string");
    CHECK(v->get("N")->number == 1.5);
    CHECK(v->get("H")->text == "<FEFF>");
    CHECK(v->get("Z")->kind == pdf::Value::Kind::null);
    at = 0;
    CHECK_FALSE(pdf::parse_value("<< /A [ 1 2 ", at).ok());
    at = 0;
    CHECK_FALSE(pdf::parse_value("<< 1 2 >>", at).ok());
}

TEST_CASE("the Cairo edition's Figure elements carry their alt text, in order, through an incremental update") {
    REQUIRE_MESSAGE((have("qpdf") && have("python3")), "scripts/setup installs qpdf");
    const auto dir = temp_dir("folio_figure_alt_test");
    const std::string a = (dir / "a.pdf").string(), b = (dir / "b.pdf").string();
    REQUIRE(render_pdf(figures(), a).ok());
    REQUIRE(render_pdf(figures(), b).ok());
    const std::string bytes = slurp(a);
    CHECK(bytes == slurp(b));
    // cairo's own file, then one update: a second %%EOF and a /Prev.
    CHECK(bytes.find("%%EOF") < bytes.rfind("%%EOF"));
    CHECK(bytes.find("/Prev ") != std::string::npos);
    CHECK(run("qpdf --check " + a + " 2>&1").find("No syntax or stream encoding errors") != std::string::npos);
    const std::string script = (dir / "figures.py").string();
    std::ofstream(script) << figures_script;
    CHECK(run("python3 " + script + " " + a + " 2>&1") ==
          "Figure: Candles along the railings (2023)\n"
          "Figure: The banner reads 조선 ‘free’\n"
          "Figure: (none)\n"
          "Figure: C:\\path\n");
}

TEST_CASE("alt text that does not match the structure tree is an error, not a guess") {
    const auto dir = temp_dir("folio_figure_alt_test");
    const std::string a = (dir / "c.pdf").string();
    REQUIRE(render_pdf(figures(), a).ok());
    const std::string bytes = slurp(a);
    // Already updated: the Figures have /Alt, and a second update would write it twice.
    auto again = figure_alt_update(bytes, {"a", "b", "", "d"});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().find("already has /Alt") != std::string::npos);
    // Cairo's file alone (up to its own %%EOF): three alt texts for four figures.
    const std::string cairo_only = bytes.substr(0, bytes.find("%%EOF") + 6);
    auto fewer = figure_alt_update(cairo_only, {"a", "b", "c"});
    REQUIRE_FALSE(fewer.ok());
    CHECK(fewer.error() == "the PDF's structure tree has 4 Figure elements, the layout 3 figures");
    CHECK(figure_alt_update(cairo_only, {"a", "b", "c", "d"}).ok());
    // An untagged PDF (cairo tags only when told) has no tree to annotate.
    Layout untagged = figures();
    for (Page& p : untagged.pages) std::erase_if(p.items, [](const Item& i) { return !std::holds_alternative<ImageItem>(i); });
    const std::string u = (dir / "untagged.pdf").string();
    REQUIRE(render_pdf(untagged, u).ok());
    auto none = figure_alt_update(slurp(u), {"a"});
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().find("structure") != std::string::npos);
    CHECK_FALSE(figure_alt_update("not a PDF", {"a"}).ok());
}

TEST_CASE("the archive edition is tagged too: the same Figures with the same /Alt") {
    REQUIRE_MESSAGE((have("qpdf") && have("python3") && have("pdfinfo")), "scripts/setup installs qpdf and poppler-utils");
    const auto dir = temp_dir("folio_figure_alt_test");
    const std::string a = (dir / "archive.pdf").string(), b = (dir / "archive2.pdf").string();
    auto r = render_archive(figures(), a, {});
    REQUIRE_MESSAGE(r.ok(), r.error());
    REQUIRE(render_archive(figures(), b, {}).ok());
    CHECK(slurp(a) == slurp(b));
    CHECK(run("qpdf --check " + a + " 2>&1").find("No syntax or stream encoding errors") != std::string::npos);
    CHECK(run("pdfinfo " + a + " | grep '^Tagged:'").find("yes") != std::string::npos);
    const std::string script = (dir / "figures.py").string();
    std::ofstream(script) << figures_script;
    CHECK(run("python3 " + script + " " + a + " 2>&1") ==
          "Figure: Candles along the railings (2023)\n"
          "Figure: The banner reads 조선 ‘free’\n"
          "Figure: (none)\n"
          "Figure: C:\\path\n");
}

TEST_CASE("updates are made one after another from one read and appended together, or not at all") {
    const auto dir = temp_dir("folio_figure_alt_test");
    const std::string path = (dir / "updates.pdf").string();
    REQUIRE(render_pdf(figures(), path).ok());
    // render_pdf has added the alt texts; start again from cairo's own file.
    std::string bytes = slurp(path);
    const std::string cairo_only = bytes.substr(0, bytes.find("%%EOF") + 6);
    std::ofstream(path, std::ios::binary) << cairo_only;

    // A failing update appends nothing, not even the ones before it.
    std::vector<std::size_t> seen;
    auto note_size = [&](std::string_view pdf) -> Result<std::string> {
        seen.push_back(pdf.size());
        return std::string{};
    };
    auto fails = pdf::append_updates(path, {add_figure_alts({"a", "b", "c", "d"}), {"check", note_size},
                                            {"refuse", [](std::string_view) -> Result<std::string> { return Error{"no"}; }}});
    REQUIRE_FALSE(fails.ok());
    CHECK(fails.error() == "cannot refuse " + path + ": no");
    CHECK(slurp(path) == cairo_only);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0] > cairo_only.size());  // the second update saw the first one's bytes

    // The same two updates succeed: one append, equal to the first made alone.
    auto alone = figure_alt_update(cairo_only, {"a", "b", "c", "d"});
    REQUIRE(alone.ok());
    REQUIRE(pdf::append_updates(path, {add_figure_alts({"a", "b", "c", "d"}), {"check", note_size}}).ok());
    CHECK(slurp(path) == cairo_only + *alone);
    // Nothing to do appends nothing.
    REQUIRE(pdf::append_updates(path, {add_figure_alts({"", "", "", ""})}).ok());
    CHECK(slurp(path) == cairo_only + *alone);
}
