// CSL-JSON bibliographies.
#include <doctest/doctest.h>

#include "read/csl_values.hpp"
#include "read/read_bibliography.hpp"
#include "read_test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

struct BibResult {
    Bibliography bib;
    Diagnostics diags;
    std::vector<std::string> messages() const { return short_forms(diags); }
};

BibResult read_bib(const std::string& json) {
    BibResult r;
    r.bib = read_bibliography("input/references.json", json, r.diags);
    return r;
}

}  // namespace

TEST_CASE("items with names, dates and fields, positioned at the lines of their ids") {
    auto r = read_bib(R"([
  {
    "id": "coi2014",
    "type": "report",
    "title": "Report of the commission of inquiry on human rights in the DPRK",
    "number": "A/HRC/25/63",
    "page": 36,
    "author": [{"literal": "Commission of Inquiry on Human Rights in the DPRK"}],
    "editor": [{"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van",
                "dropping-particle": "de", "suffix": "Jr.", "comma-suffix": true, "static-ordering": false,
                "parse-names": false}],
    "issued": {"date-parts": [[2014, 2, 7]]},
    "accessed": {"date-parts": [["2024", "01"], [2024, 3]], "season": 2, "circa": true}
  },
  {"type": "book", "id": 42, "issued": {"raw": "2014-02-07/2014-03-01"}, "title": "Numbered"}
])");
    CHECK(r.messages().empty());
    REQUIRE(r.bib.items.size() == 2);
    const auto& a = r.bib.items[0];
    CHECK(a.id == "coi2014");
    CHECK(a.pos == SourcePos{3, 5});
    CHECK(a.type == "report");
    CHECK(a.fields.at("number") == "A/HRC/25/63");
    CHECK(a.fields.at("page") == "36");
    REQUIRE(a.names.at("author").size() == 1);
    CHECK(a.names.at("author")[0].literal == "Commission of Inquiry on Human Rights in the DPRK");
    const auto& ed = a.names.at("editor")[0];
    CHECK(ed.family == "Beethoven");
    CHECK(ed.non_dropping_particle == "van");
    CHECK(ed.dropping_particle == "de");
    CHECK(ed.suffix == "Jr.");
    CHECK(ed.comma_suffix);
    CHECK_FALSE(ed.static_ordering);
    REQUIRE(a.dates.at("issued").parts.size() == 1);
    CHECK(a.dates.at("issued").parts[0] == std::array<int, 3>{2014, 2, 7});
    const auto& acc = a.dates.at("accessed");
    REQUIRE(acc.parts.size() == 2);
    CHECK(acc.parts[0] == std::array<int, 3>{2024, 1, 0});
    CHECK(acc.parts[1] == std::array<int, 3>{2024, 3, 0});
    CHECK(acc.season == 2);
    CHECK(acc.circa);
    const auto& b = r.bib.items[1];
    CHECK(b.id == "42");
    CHECK(b.pos == SourcePos{15, 20});
    REQUIRE(b.dates.at("issued").parts.size() == 2);
    CHECK(b.dates.at("issued").parts[1] == std::array<int, 3>{2014, 3, 1});
    CHECK(b.dates.at("issued").raw == "2014-02-07/2014-03-01");
    CHECK(r.bib.find("42") == &r.bib.items[1]);
}

TEST_CASE("syntax errors are reported at their line and column") {
    auto r = read_bib("[\n  {\"id\": \"a\",\n   \"title\": \"x\"\n   \"type\": \"book\"}\n]\n");
    REQUIRE(r.messages().size() == 1);
    CHECK(r.messages()[0] == "4:9: error: malformed JSON: syntax error while parsing object - unexpected string literal; expected '}'");
    // The two slips behind most of them get a hint that says where the comma goes.
    REQUIRE(r.diags.items().size() == 1);
    CHECK(r.diags.items()[0].hint == "a comma is missing between two items: put ',' at the end of line 3");
    auto missing = read_bib("[\n {\"id\": \"a\", \"type\": \"book\"}\n {\"id\": \"b\", \"type\": \"book\"}\n]\n");
    REQUIRE(missing.diags.items().size() == 1);
    CHECK(missing.diags.items()[0].hint == "a comma is missing between two items: put ',' at the end of line 2");
    auto trailing = read_bib("[\n {\"id\": \"a\", \"type\": \"book\",\n }\n]\n");
    REQUIRE(trailing.diags.items().size() == 1);
    CHECK(trailing.diags.items()[0].hint == "JSON has no comma after the last item: remove the comma at the end of line 2");
    auto trailing_item = read_bib("[\n {\"id\": \"a\", \"type\": \"book\"},\n]\n");
    REQUIRE(trailing_item.diags.items().size() == 1);
    CHECK(trailing_item.diags.items()[0].hint ==
          "JSON has no comma after the last item: remove the comma at the end of line 2");
    auto r2 = read_bib("");
    REQUIRE(r2.messages().size() == 1);
    CHECK(r2.diags.items()[0].hint.empty());
    CHECK(r2.messages()[0].rfind("1:1: error: malformed JSON: ", 0) == 0);
}

TEST_CASE("the top level must be an array") {
    auto r = read_bib("{\"id\": \"a\"}");
    CHECK(r.messages() == std::vector<std::string>{"1:1: error: a CSL-JSON bibliography must be an array of items, not object"});
}

TEST_CASE("missing and duplicate ids are errors at the item's line") {
    auto r = read_bib("[\n {\"type\": \"book\", \"title\": \"No id\"},\n {\"id\": \"a\", \"type\": \"book\"},\n"
                      " {\"type\": \"book\",\n  \"id\": \"a\"},\n \"just text\"\n]");
    CHECK(r.messages() == std::vector<std::string>{
                             "2:2: error: bibliography item has no 'id'",
                             "5:3: error: duplicate bibliography id 'a' (first at line 3)",
                             "6:2: error: bibliography item 4 must be an object, not string",
                         });
    REQUIRE(r.bib.items.size() == 1);
}

TEST_CASE("names and dates of the wrong shape are errors naming the item and variable") {
    auto r = read_bib(R"([
 {"id": "a", "type": "book", "author": "Smith, John"},
 {"id": "b", "type": "book", "author": ["Smith"]},
 {"id": "c", "type": "book", "issued": [2014]},
 {"id": "d", "type": "book", "issued": {"date-parts": [[2014, 13]]}},
 {"id": "e", "type": "book", "issued": {"date-parts": [[2014], [2015], [2016]]}},
 {"id": "f", "type": "book", "title": {"text": "x"}},
 {"id": "g", "type": "book", "issued": {"season": 7, "date-parts": [[2014]]}},
 {"id": "h", "type": "book", "author": [{"given": 3}]}
])");
    CHECK(r.messages() == std::vector<std::string>{
                             "2:3: error: bibliography item 'a': 'author' must be a list of names, not string",
                             "3:3: error: bibliography item 'b': each name in 'author' must be an object, not string",
                             "4:3: error: bibliography item 'c': 'issued' must be a date object, not array",
                             "5:3: error: bibliography item 'd': 'date-parts' in 'issued' has an invalid month 13",
                             "6:3: error: bibliography item 'e': 'date-parts' in 'issued' must be a list of one or two dates",
                             "7:3: error: bibliography item 'f': 'title' must be text or a number, not object",
                             "8:3: error: bibliography item 'g': 'season' in 'issued' must be 1 to 4",
                             "9:3: error: bibliography item 'h': name part 'given' in 'author' must be text, not number",
                         });
}

TEST_CASE("a missing type is a warning and unreadable raw dates are kept as literal") {
    auto r = read_bib(R"([{"id": "a", "issued": {"raw": "Spring 2014"}}])");
    CHECK(r.messages() == std::vector<std::string>{
                             "1:3: warning: bibliography item 'a': could not read the raw date 'Spring 2014' in 'issued'; it is used as written",
                             "1:3: warning: bibliography item 'a': no 'type'; it is treated as \"document\"",
                         });
    REQUIRE(r.bib.items.size() == 1);
    CHECK(r.bib.items[0].dates.at("issued").literal == "Spring 2014");
    CHECK(r.bib.items[0].type == "document");
}

TEST_CASE("raw dates: years, months, days and ranges") {
    CHECK(read::parse_raw_date("2014")->parts[0] == std::array<int, 3>{2014, 0, 0});
    CHECK(read::parse_raw_date("2014-02")->parts[0] == std::array<int, 3>{2014, 2, 0});
    CHECK(read::parse_raw_date("2014-02-07/2014-03-01")->parts.size() == 2);
    CHECK_FALSE(read::parse_raw_date("2014-13"));
    CHECK_FALSE(read::parse_raw_date("7 February 2014"));
}

TEST_CASE("invalid UTF-8 in the bibliography is an error with its offset") {
    auto r = read_bib("[{\"id\": \"a\xff\"}]");
    CHECK(r.messages() == std::vector<std::string>{"1:11: error: invalid UTF-8 byte 0xff at byte offset 10"});
}

TEST_CASE("the project's own bibliography reads cleanly") {
    const std::string path = std::string(FOLIO_TEST_SOURCE_DIR) + "/input/references.json";
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return;  // no input/ in this checkout
    std::string bytes;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) bytes.append(buf, n);
    std::fclose(f);
    Diagnostics diags;
    auto bib = read_bibliography(path, bytes, diags);
    CHECK(short_forms(diags) == std::vector<std::string>{});
    CHECK(bib.items.size() >= 6);
    CHECK(bib.find("coi2014"));
}
