#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "model/digest.hpp"
#include "render_test_support.hpp"
#include "render/front_first.hpp"
#include "render/render_pdf.hpp"

using namespace folio;
using namespace folio::test;

namespace {


// A page told apart by its width, with one tagged element (a rule) and a
// destination; `link` adds a link to another page's destination.
Page page(double width, const std::string& label, const std::string& link = "") {
    Page p;
    p.width = width;
    p.height = 300;
    p.label = label;
    p.items.push_back(TagBegin{"P", ""});
    RuleItem rule;
    rule.x0 = 20;
    rule.y0 = rule.y1 = 50;
    rule.x1 = 100;
    p.items.push_back(rule);
    p.items.push_back(TagEnd{"P"});
    p.items.push_back(DestItem{"page-" + label, 0, 300});
    if (!link.empty()) p.items.push_back(LinkItem{20, 100, 50, 20, "", link});
    return p;
}

// The body (1, 2, then a page named x, which starts a range of its own, as
// does the 4 after it) and the front matter (i, ii), whose contents link
// into the body.
std::vector<Page> body() { return {page(201, "1"), page(202, "2"), page(203, "x"), page(204, "4")}; }
std::vector<Page> front() { return {page(101, "i"), page(102, "ii", "page-2")}; }

// The front matter's structure elements, as the writer counts them: the P
// of page i, the P and the Link of page ii.
constexpr std::size_t front_elements = 3;

// `pages` drawn in order, the last `front_pages` of them then put first.
Result<void> write(const std::vector<Page>& pages, const std::string& path, int front_pages = 0) {
    DocInfo info;
    info.create_date = "2023-10-21T09:30:00Z";
    PdfWriter writer(path);
    for (const Page& p : pages)
        if (auto r = writer.page(p, info); !r) return r;
    return writer.close({{"Contents", 1, "page-ii"}, {"Two", 1, "page-2"}}, front_pages);
}

// qpdf's reading: each page's width and label, the page each of the
// Document element's children lies on, the outline's and the link's target
// pages (by width).
const char* script = R"PY(
import json, subprocess, sys
doc = json.loads(subprocess.run(["qpdf", "--json=2", sys.argv[1]], capture_output=True, text=True, check=True).stdout)
objs = doc["qpdf"][1]
def obj(ref): return objs["obj:" + ref]["value"]
pages = [p["object"] for p in doc["pages"]]
width = {ref: obj(ref)["/MediaBox"][2] for ref in pages}
def roman(n):
    out = ""
    for v, s in [(1000,"m"),(900,"cm"),(500,"d"),(400,"cd"),(100,"c"),(90,"xc"),(50,"l"),(40,"xl"),(10,"x"),(9,"ix"),(5,"v"),(4,"iv"),(1,"i")]:
        while n >= v: out += s; n -= v
    return out
ranges = [(r["index"], r["label"]) for r in doc["pagelabels"]]
for i, ref in enumerate(pages):
    start, label = max((r for r in ranges if r[0] <= i), default=(0, {"/S": "/D"}), key=lambda r: r[0])
    n = label.get("/St", 1) + i - start
    text = label.get("/P", "u:")[2:] + {"/D": str(n), "/r": roman(n)}.get(label.get("/S"), "")
    print("page", width[ref], repr(text))
root = obj(objs["trailer"]["value"]["/Root"])
def first_page(e, pg):
    if isinstance(e, list):
        for x in e:
            p = first_page(x, pg)
            if p: return p
        return None
    if isinstance(e, str) and e.endswith(" R"): e = obj(e)
    if isinstance(e, dict):
        pg = e.get("/Pg", pg)
        if e.get("/Type") in ("/MCR", "/OBJR"): return pg
        return first_page(e.get("/K", []), pg)
    return pg
tree = obj(root["/StructTreeRoot"])
document = obj(tree["/K"][0])
print("structure", [width[first_page(k, None)] for k in document["/K"]])
dests = {}
names = obj(obj(root["/Names"])["/Dests"])["/Names"]
for i in range(0, len(names), 2): dests[names[i]] = width[names[i + 1][0]]
item = obj(root["/Outlines"])["/First"]
while item:
    o = obj(item)
    print("outline", o["/Title"], dests[o["/Dest"]])
    item = o.get("/Next")
for ref in pages:
    for a in obj(ref).get("/Annots", []):
        print("link on", width[ref], "to", dests[obj(a)["/Dest"]])
)PY";

std::string read(const std::string& pdf) {
    const std::string py = (temp_dir("folio_front_first_test") / "read.py").string();
    std::ofstream(py) << script;
    return run("python3 " + py + " " + pdf + " 2>&1");
}

}  // namespace

TEST_CASE("front matter drawn last comes first: pages, labels, reading order, links and outline as if drawn first") {
    REQUIRE_MESSAGE((have("qpdf") && have("python3")), "scripts/setup installs qpdf");
    const auto dir = temp_dir("folio_front_first_test");
    const std::string expected = (dir / "expected.pdf").string(), moved = (dir / "moved.pdf").string(),
                      again = (dir / "again.pdf").string();
    std::vector<Page> in_order = front(), drawn = body();
    for (const Page& p : body()) in_order.push_back(p);
    for (const Page& p : front()) drawn.push_back(p);
    REQUIRE(write(in_order, expected).ok());
    // Moved by the writer, which counts the front matter's elements, and by
    // the update alone, told them.
    const auto written = write(drawn, moved, 2);
    REQUIRE_MESSAGE(written.ok(), written.error());
    REQUIRE(write(drawn, again).ok());
    const auto r = pdf::append_updates(again, {move_front_first({2, front_elements})});
    REQUIRE_MESSAGE(r.ok(), r.error());
    CHECK(slurp(moved) == slurp(again));

    const std::string want = read(expected);
    CHECK(want.find("page 101 'i'\npage 102 'ii'\npage 201 '1'\npage 202 '2'\npage 203 'x'\npage 204 '4'\n") == 0);
    CHECK(want.find("structure [101, 102, 102, 201, 202, 203, 204]") != std::string::npos);
    CHECK(read(moved) == want);
    CHECK(run("qpdf --check " + moved + " 2>&1").find("No syntax or stream encoding errors found") != std::string::npos);
    if (have("pdftotext")) CHECK(run("pdftotext -q " + moved + " - | wc -c") == run("pdftotext -q " + expected + " - | wc -c"));
}

TEST_CASE("nothing to move, or a PDF that is not what cairo writes: no update, or an error") {
    const auto dir = temp_dir("folio_front_first_test");
    const std::string path = (dir / "plain.pdf").string();
    REQUIRE(write(body(), path).ok());
    const std::string bytes = slurp(path);
    auto none = front_first_update(bytes, {0, 0});
    REQUIRE(none.ok());
    CHECK(none->empty());
    auto all = front_first_update(bytes, {4, 4});
    REQUIRE(all.ok());
    CHECK(all->empty());
    CHECK_FALSE(front_first_update(bytes, {5, 4}).ok());
    CHECK_FALSE(front_first_update("%PDF-1.5\nnot a pdf\n", {1, 1}).ok());
    // The front matter's first page continues the body's numbering (no label
    // range of its own): moving it first would change its label.
    std::vector<Page> pages = body();
    pages.push_back(page(205, "5"));
    const std::string continued = (dir / "continued.pdf").string();
    REQUIRE(write(pages, continued).ok());
    CHECK_FALSE(front_first_update(slurp(continued), {1, 1}).ok());
}

TEST_CASE("a count of the front matter's elements that is not where cairo's tree has the boundary is an error") {
    const auto dir = temp_dir("folio_front_first_test");
    const std::string path = (dir / "drawn.pdf").string();
    std::vector<Page> drawn = body();
    for (const Page& p : front()) drawn.push_back(p);
    REQUIRE(write(drawn, path).ok());
    const std::string bytes = slurp(path);
    REQUIRE(front_first_update(bytes, {2, front_elements}).ok());
    // One too few leaves the first page's P behind the body; one too many
    // takes the body's last element along; more than the Document holds.
    for (std::size_t wrong : {front_elements - 1, front_elements + 1, std::size_t{100}}) {
        auto r = front_first_update(bytes, {2, wrong});
        CHECK_FALSE(r.ok());
    }
    // No elements drawn on the front pages: the pages move, the structure stays.
    auto pages_only = front_first_update(bytes, {2, 0});
    REQUIRE(pages_only.ok());
    CHECK(pages_only->find("/S /Document") == std::string::npos);
}

TEST_CASE("the writer's size and digest are the finished file's, the incremental update after cairo's bytes included") {
    const auto dir = temp_dir("folio_front_first_test");
    const std::string path = (dir / "digested.pdf").string();
    std::vector<Page> drawn = body();
    for (const Page& p : front()) drawn.push_back(p);
    DocInfo info;
    PdfWriter writer(path);
    for (const Page& p : drawn) REQUIRE(writer.page(p, info).ok());
    REQUIRE(writer.close({}, 2).ok());
    const std::string bytes = slurp(path);
    REQUIRE(bytes.find("%%EOF") != bytes.rfind("%%EOF"));  // an update was appended
    CHECK(writer.digest().bytes == bytes.size());
    CHECK(to_hex(writer.digest().sha256) == to_hex(sha256(bytes)));
}
