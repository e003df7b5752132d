#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../layout/pack_builder.hpp"
#include "render/render_pdf.hpp"
#include "render/write_pdf.hpp"

using namespace folio;
using namespace folio::test;

namespace {

Resources resources() {
    Resources r;
    r.fonts_dir = std::string(FOLIO_TEST_SOURCE_DIR) + "/fonts";
    return r;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Pack sample() {
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
    Pack p = sample();
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
