// Reading styles and locales: errors name the file and the element's line.
#include <doctest/doctest.h>

#include "cite/csl_load.hpp"
#include "cite_test_support.hpp"

using namespace folio;
using namespace folio::csl;

TEST_CASE("a style that is not valid CSL is an error at the offending element's line") {
    std::string xml =
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n"
        "  <citation>\n"
        "    <layout>\n"
        "      <txt variable=\"title\"/>\n"
        "    </layout>\n"
        "  </citation>\n"
        "</style>\n";
    auto st = parse_style(xml, "styles/bad.csl");
    REQUIRE_FALSE(st);
    CHECK(st.error() == "styles/bad.csl:4: <txt> is not a CSL rendering element");
}

TEST_CASE("a style naming a macro it does not define is an error at the call") {
    std::string xml =
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\">\n"
        "  <citation><layout>\n"
        "    <text macro=\"author\"/>\n"
        "  </layout></citation>\n"
        "</style>\n";
    auto st = parse_style(xml, "x.csl");
    REQUIRE_FALSE(st);
    CHECK(st.error() == "x.csl:3: no macro named 'author'");
}

TEST_CASE("malformed XML, a wrong class and a missing citation are errors") {
    auto broken = parse_style("<style class=\"in-text\">\n<citation>\n</style>", "b.csl");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().rfind("b.csl:", 0) == 0);
    CHECK(broken.error().find("not well-formed XML") != std::string::npos);

    auto cls = parse_style("<style class=\"footnote\" version=\"1.0\"><citation><layout/></citation></style>", "c.csl");
    REQUIRE_FALSE(cls);
    CHECK(cls.error() == "c.csl:1: <style> needs class=\"in-text\" or class=\"note\"");

    auto no_citation = parse_style("<style class=\"note\" version=\"1.0\"></style>", "d.csl");
    REQUIRE_FALSE(no_citation);
    CHECK(no_citation.error() == "d.csl:1: the style has no <citation>");

}

TEST_CASE("a style or locale that cannot be read says why (errno), to the caller and in the problem") {
    CslProblem p;
    auto missing = load_style("/nonexistent/style.csl", &p);
    REQUIRE_FALSE(missing);
    CHECK(missing.error() == "cannot read /nonexistent/style.csl: No such file or directory");
    CHECK(p.file == "/nonexistent/style.csl");
    CHECK(p.line == 0);
    CHECK(p.message == "cannot read the file: No such file or directory");

    // A folder opens but cannot be read.
    const std::string folder = std::string(FOLIO_TEST_SOURCE_DIR) + "/styles";
    CslProblem lp;
    auto locale = load_locale(folder, &lp);
    REQUIRE_FALSE(locale);
    CHECK(locale.error() == "cannot read " + folder + ": Is a directory");
    CHECK(lp.message == "cannot read the file: Is a directory");
    CHECK(read_text_file(folder).error() == "cannot read " + folder + ": Is a directory");
}

TEST_CASE("malformed XML keeps tinyxml2's account of what is wrong") {
    CslProblem p;
    auto broken = parse_style("<style class=\"in-text\">\n<citation>\n</style>", "b.csl", &p);
    REQUIRE_FALSE(broken);
    CHECK(p.line == 2);
    // tinyxml2 names the element it could not close.
    CHECK(p.message.find("XMLElement name=citation") != std::string::npos);
    CHECK(broken.error() == "b.csl:2: " + p.message);
}

TEST_CASE("a style's compiled model keeps the class, macros, sort keys and name options") {
    std::string xml =
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\" default-locale=\"en-GB\" "
        "et-al-min=\"4\">"
        "<macro name=\"a\"><names variable=\"author editor\"><name initialize-with=\". \"/>"
        "<label form=\"short\" prefix=\" (\" suffix=\")\"/><substitute><text variable=\"title\"/></substitute>"
        "</names></macro>"
        "<citation><layout><text macro=\"a\"/></layout></citation>"
        "<bibliography><sort><key macro=\"a\" names-min=\"1\"/><key variable=\"issued\" sort=\"descending\"/></sort>"
        "<layout><text macro=\"a\"/></layout></bibliography></style>";
    auto st = parse_style(xml, "m.csl");
    REQUIRE_MESSAGE(st, st.error());
    CHECK(st->is_note_style());
    CHECK(st->default_locale == "en-GB");
    CHECK(st->attrs.at("et-al-min") == "4");
    const Element& names = st->macros.at("a").children.at(0);
    CHECK(names.kind == Element::Kind::names);
    CHECK(names.variables == std::vector<std::string>{"author", "editor"});
    CHECK(names.name_attrs.at("initialize-with") == ". ");
    CHECK_FALSE(names.label_before_name);
    CHECK(names.substitute.size() == 1);
    REQUIRE(st->bibliography.sort.size() == 2);
    CHECK(st->bibliography.sort[0].name_overrides.at("names-min") == "1");
    CHECK(st->bibliography.sort[1].descending);
}

TEST_CASE("the real styles and the house style load") {
    if (!folio::test::have_shared_csl()) return;
    for (const char* name : {"apa.csl", "chicago-author-date.csl", "ieee.csl"}) {
        auto st = load_style(folio::test::shared_csl_dir() + "/styles/" + name);
        CHECK_MESSAGE(st, name << ": " << (st ? "" : st.error()));
    }
    auto house = load_style(folio::test::house_style_path());
    CHECK_MESSAGE(house, (house ? "" : house.error()));
}
