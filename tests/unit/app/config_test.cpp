#include <doctest/doctest.h>

#include "app/config.hpp"

using namespace folio;

TEST_CASE("the [site] table fills SiteMeta") {
    Diagnostics d;
    SiteMeta s = read_config("folio.toml",
                                  "[site]\n"
                                  "name = \"All-Party Parliamentary Group on North Korea\"\n"
                                  "short_name = \"APPG North Korea\"\n"
                                  "disclaimer = \"\"\"Not an official website.\"\"\"\n",
                                  d).site;
    CHECK(d.empty());
    CHECK(s.name == "All-Party Parliamentary Group on North Korea");
    CHECK(s.short_name == "APPG North Korea");
    CHECK(s.disclaimer == "Not an official website.");
    CHECK(s.language == "en-GB");
}

TEST_CASE("[[pack]] tables give pack specs with their selection, order and outputs") {
    Diagnostics d;
    Config c = read_config("folio.toml",
                           "[[pack]]\n"
                           "id = \"refugees\"\n"
                           "title = \"Refugees\"\n"
                           "edition = 2023-11-01\n"
                           "tags = [\"refugees\", \"forced-repatriation\"]\n"
                           "kinds = [\"letter\", \"opinion\"]\n"
                           "from = 2016-01-01\n"
                           "to = \"2023-12-31\"\n"
                           "order = \"oldest-first\"\n"
                           "page_size = \"Letter\"\n"
                           "start_on_right = true\n"
                           "references = \"pack\"\n"
                           "outputs = [\"pdf\", \"pdf-archive\"]\n"
                           "pdf_archive_file = \"refugees-pdfa.pdf\"\n"
                           "[[pack]]\n"
                           "id = \"all\"\n",
                           d);
    CHECK(d.empty());
    REQUIRE(c.packs.size() == 2);
    const PackSpec& p = c.packs[0];
    CHECK(p.pack.id == "refugees");
    CHECK(p.pack.title == "Refugees");
    CHECK(p.has_edition);
    CHECK(p.pack.edition == Date{2023, 11, 1});
    CHECK(p.select.tags == std::vector<std::string>{"refugees", "forced-repatriation"});
    CHECK(p.select.kinds == std::vector<Kind>{Kind::letter, Kind::opinion});
    CHECK(p.select.from == Date{2016, 1, 1});
    CHECK(p.select.to == Date{2023, 12, 31});
    CHECK(p.order == PackOrder::oldest_first);
    CHECK(p.pack.page_size == PageSize::us_letter);
    CHECK(p.pack.start_on_right);
    CHECK(p.pack.references_per_pack);
    CHECK(p.pack.outputs.pdf);
    CHECK_FALSE(p.pack.outputs.epub);
    CHECK(p.pack.outputs.pdf_archive);
    CHECK(p.pack.outputs.pdf_file == "refugees.pdf");
    CHECK(p.pack.outputs.pdf_archive_file == "refugees-pdfa.pdf");
    CHECK(c.packs[1].pack.outputs.pdf_archive_file.empty());
    CHECK(c.packs[1].pack.outputs.epub_file == "all.epub");
    CHECK(c.packs[1].order == PackOrder::newest_first);
}

TEST_CASE("bad pack settings are errors at their line") {
    Diagnostics d;
    read_config("folio.toml",
                "[[pack]]\n"
                "id = \"Bad Name!\"\n"
                "kinds = [\"memo\"]\n"
                "order = \"random\"\n"
                "edition = \"2023-02-31\"\n"
                "[[pack]]\n"
                "title = \"no id\"\n"
                "tittle = \"typo\"\n",
                d);
    d.sort();
    std::vector<std::string> got;
    for (const auto& item : d.items()) got.push_back(std::to_string(item.pos.line) + " " + item.message);
    CHECK(got == std::vector<std::string>{
                     "2 pack id 'Bad Name!' is not a usable file name",
                     "3 unknown kind 'memo'",
                     "4 unknown order 'random'",
                     "5 'edition' in [[pack]] number 1 must be a date YYYY-MM-DD",
                     "6 a [[pack]] needs an id",
                     "8 unknown key 'tittle' in [[pack]]",
                 });
}

TEST_CASE("folio.toml problems are reported at their line") {
    Diagnostics d;
    read_config("in/folio.toml",
                     "[site]\n"
                     "name = \"x\"\n"
                     "disclamer = \"typo\"\n"
                     "language = 5\n"
                     "[stie]\n",
                     d);
    d.sort();
    REQUIRE(d.items().size() == 3);
    CHECK(format_diagnostic(d.items()[0]) ==
          "in/folio.toml:3:1: warning: unknown key 'disclamer' in [site]\n  hint: did you mean 'disclaimer'?");
    CHECK(d.items()[1].severity == Severity::error);
    CHECK(d.items()[1].pos.line == 4);
    CHECK(d.items()[1].message == "'language' in [site] must be a string");
    CHECK(d.items()[2].pos.line == 5);
    CHECK(d.items()[2].hint == "did you mean 'site'?");
}

TEST_CASE("a TOML syntax error is an error at its line, not an exception") {
    Diagnostics d;
    read_config("folio.toml", "[site]\nname = \"unterminated\n", d);
    REQUIRE(d.error_count() == 1);
    CHECK(d.items()[0].pos.line == 2);
    // In words that say what to write (toml++ names its grammar).
    CHECK(d.items()[0].message == "this string is not closed on its line");
    Diagnostics bare;
    read_config("folio.toml", "[[pack]]\nid = \"r\"\ntags = [refugees]\n", bare);
    REQUIRE(bare.error_count() == 1);
    CHECK(bare.items()[0].pos == SourcePos{3, 9});
    CHECK(bare.items()[0].hint == "write \"refugees\"");
}

TEST_CASE("output file names can be set, but never outside the output folder") {
    Diagnostics d;
    Config c = read_config("folio.toml",
                           "[[pack]]\n"
                           "id = \"collection\"\n"
                           "pdf_file = \"briefing-pack.pdf\"\n"
                           "[[pack]]\n"
                           "id = \"evil\"\n"
                           "pdf_file = \"../../etc/x.pdf\"\n"
                           "epub_file = \"book.pdf\"\n",
                           d);
    CHECK(c.packs[0].pack.outputs.pdf_file == "briefing-pack.pdf");
    CHECK(c.packs[0].pack.outputs.epub_file == "collection.epub");
    d.sort();
    REQUIRE(d.error_count() == 2);
    CHECK(d.items()[0].pos.line == 6);
    CHECK(d.items()[0].message == "'pdf_file' must be a plain file name ending in .pdf");
    CHECK(d.items()[1].message == "'epub_file' must be a plain file name ending in .epub");
    CHECK(c.packs[1].pack.outputs.pdf_file == "evil.pdf");
}

TEST_CASE("two packs writing one output file is an error at the second pack") {
    Diagnostics d;
    read_config("folio.toml",
                "[[pack]]\n"
                "id = \"collection\"\n"
                "pdf_file = \"briefing-pack.pdf\"\n"
                "[[pack]]\n"
                "id = \"refugees\"\n"
                "pdf_file = \"briefing-pack.pdf\"\n"
                "[[pack]]\n"
                "id = \"archive\"\n"
                "outputs = [\"pdf\", \"pdf-archive\"]\n"
                "pdf_archive_file = \"archive.pdf\"\n"
                "[[pack]]\n"
                "id = \"refugees-archive\"\n"
                "outputs = [\"epub\"]\n",
                d);
    d.sort();
    REQUIRE(d.error_count() == 2);
    CHECK(d.items()[0].pos.line == 4);
    CHECK(d.items()[0].message == "pack 'refugees' writes briefing-pack.pdf, as pack 'collection' does");
    CHECK(d.items()[1].pos.line == 7);
    CHECK(d.items()[1].message == "pack 'archive' writes archive.pdf twice");
    // Files that are not written do not clash: 'refugees-archive' is an
    // EPUB-only pack, and writes no refugees-archive.pdf.
}

TEST_CASE("read_config: a file only --archive would write twice is an error too, naming --archive") {
    // 'a' writes a-archive.pdf when built with --archive; 'a-archive' writes
    // it always. Before, the config passed and `folio build --archive` had
    // two writers of one file.
    Diagnostics d;
    read_config("folio.toml",
                "[[pack]]\n"
                "id = \"a\"\n"
                "[[pack]]\n"
                "id = \"a-archive\"\n",
                d);
    REQUIRE(d.error_count() == 1);
    CHECK(d.items()[0].pos.line == 3);
    CHECK(d.items()[0].message ==
          "pack 'a-archive' writes a-archive.pdf, as pack 'a' (its archive edition, with --archive) does");
}
