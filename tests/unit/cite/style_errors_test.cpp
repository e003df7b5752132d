// A style that is not valid CSL is refused at load time with the line of the
// offending element and a hint; macros that call themselves are found before
// anything renders; locators a style cannot render are warnings at the cite.
#include <doctest/doctest.h>

#include "cite/csl_load.hpp"
#include "cite/csl_schema.hpp"
#include "cite_test_support.hpp"

using namespace folio;
using namespace folio::csl;
using namespace folio::test;

namespace {

// A style whose lines are numbered from 1 with `body` starting on line 3.
std::string style_with(const std::string& body, const std::string& citation = "<text macro=\"a\"/>") {
    return "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n"
           "  <info><title>t</title></info>\n" +
           body + "\n  <citation><layout>" + citation + "</layout></citation>\n</style>\n";
}

CslProblem problem_of(const std::string& xml) {
    CslProblem p;
    auto st = parse_style(xml, "bad.csl", &p);
    CHECK_FALSE(st);
    if (!st) CHECK(st.error() == "bad.csl:" + std::to_string(p.line) + ": " + p.message);
    return p;
}

}  // namespace

TEST_CASE("an unknown element is reported at its line with the nearest CSL name") {
    CslProblem p = problem_of(style_with("  <macro name=\"a\">\n    <txt variable=\"title\"/>\n  </macro>"));
    CHECK(p.file == "bad.csl");
    CHECK(p.line == 4);
    CHECK(p.message == "<txt> is not a CSL rendering element");
    CHECK(p.hint == "did you mean 'text'?");

    CslProblem top = problem_of(style_with("  <macros name=\"a\"/>\n  <macro name=\"a\"><text value=\"x\"/></macro>"));
    CHECK(top.line == 3);
    CHECK(top.message == "<macros> is not allowed in <style>");
    CHECK(top.hint == "did you mean 'macro'?");

    CslProblem in_citation = problem_of(
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\">\n<citation>\n"
        "<layout><text value=\"x\"/></layout>\n<sorting/>\n</citation>\n</style>");
    CHECK(in_citation.line == 4);
    CHECK(in_citation.message == "<sorting> is not allowed in <citation>");
}

TEST_CASE("a missing required attribute is reported at its element") {
    CHECK(problem_of(style_with("  <macro name=\"a\">\n\n    <names/>\n  </macro>")).message ==
          "<names> needs a variable attribute");
    CHECK(problem_of(style_with("  <macro name=\"a\">\n\n    <names/>\n  </macro>")).line == 5);
    CslProblem date = problem_of(style_with("  <macro name=\"a\">\n    <date form=\"text\"/>\n  </macro>"));
    CHECK(date.line == 4);
    CHECK(date.message == "<date> needs a variable attribute");
    CslProblem label = problem_of(style_with("  <macro name=\"a\"><label form=\"short\"/></macro>"));
    CHECK(label.line == 3);
    CHECK(label.message.rfind("<label> needs a variable attribute", 0) == 0);
    // Inside <names> a label labels the names: no variable needed.
    CHECK(parse_style(style_with("  <macro name=\"a\"><names variable=\"editor\"><label/></names></macro>"), "ok.csl"));
    // A bare <names/> inside <substitute> is CSL's shorthand.
    CHECK(parse_style(style_with("  <macro name=\"a\"><names variable=\"author\"><substitute><names/>"
                                 "</substitute></names></macro>"),
                      "ok.csl"));
}

TEST_CASE("an attribute value CSL does not allow is reported with what it allows") {
    CslProblem italics = problem_of(style_with("  <macro name=\"a\">\n    <text variable=\"title\" font-style=\"italics\"/>\n  </macro>"));
    CHECK(italics.line == 4);
    CHECK(italics.message == "font-style=\"italics\" on <text> is not one of \"normal\", \"italic\" or \"oblique\"");
    CHECK(italics.hint == "did you mean 'italic'?");

    CslProblem form = problem_of(style_with("  <macro name=\"a\"><number variable=\"edition\" form=\"ordinals\"/></macro>"));
    CHECK(form.message.rfind("form=\"ordinals\" on <number> is not one of", 0) == 0);
    CHECK(form.hint == "did you mean 'ordinal'?");

    CslProblem count = problem_of(style_with("  <macro name=\"a\"><names variable=\"author\">\n"
                                             "<name et-al-min=\"three\"/></names></macro>"));
    CHECK(count.line == 4);
    CHECK(count.message == "et-al-min=\"three\" on <name> is not a whole number");

    CslProblem position = problem_of(style_with("  <macro name=\"a\"><choose>\n<if position=\"first subsequant\">"
                                                "<text value=\"x\"/></if></choose></macro>"));
    CHECK(position.line == 4);
    CHECK(position.hint == "did you mean 'subsequent'?");

    CslProblem part = problem_of(style_with("  <macro name=\"a\"><date variable=\"issued\">\n"
                                            "<date-part name=\"day\" form=\"long\"/></date></macro>"));
    CHECK(part.line == 4);
    CHECK(part.message.rfind("form=\"long\" on <date-part> is not one of", 0) == 0);

    CslProblem style_option = problem_of(
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\"\n"
        "       page-range-format=\"chicago-17\">\n<citation><layout><text value=\"x\"/></layout></citation></style>");
    CHECK(style_option.line == 1);
    CHECK(style_option.message.rfind("page-range-format=\"chicago-17\" on <style>", 0) == 0);

    // <text plural> is a boolean, <label plural> a rule: both are accepted.
    CHECK(parse_style(style_with("  <macro name=\"a\"><text term=\"page\" plural=\"true\"/>"
                                 "<label variable=\"page\" plural=\"never\"/></macro>"),
                      "ok.csl"));
}

TEST_CASE("a macro that is called but not defined is an error at the call, with the nearest name") {
    CslProblem p = problem_of(style_with("  <macro name=\"author\"><text value=\"x\"/></macro>", "\n<text macro=\"autor\"/>"));
    CHECK(p.line == 5);
    CHECK(p.message == "no macro named 'autor'");
    CHECK(p.hint == "did you mean 'author'?");

    CslProblem key = problem_of(
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n"
        "<citation>\n<sort>\n<key macro=\"sorter\"/>\n</sort>\n<layout><text value=\"x\"/></layout></citation></style>");
    CHECK(key.line == 4);
    CHECK(key.message == "no macro named 'sorter'");
}

TEST_CASE("macros that call themselves are refused at load time, at the macro's line") {
    // Directly.
    CslProblem self = problem_of(style_with("  <macro name=\"a\">\n    <group><text macro=\"a\"/></group>\n  </macro>"));
    CHECK(self.line == 3);
    CHECK(self.message == "macro 'a' calls itself ('a' → 'a')");
    // Through two others, behind a condition and a substitute: still found.
    CslProblem chain = problem_of(style_with(
        "  <macro name=\"a\"><text macro=\"b\"/></macro>\n"
        "  <macro name=\"b\"><choose><if variable=\"title\"><text macro=\"c\"/></if></choose></macro>\n"
        "  <macro name=\"c\"><names variable=\"author\"><substitute><text macro=\"a\"/></substitute></names></macro>"));
    CHECK(chain.line == 3);
    CHECK(chain.message == "macro 'a' calls itself through other macros ('a' → 'b' → 'c' → 'a')");
    CHECK(chain.hint.find("never end") != std::string::npos);
    // A macro used twice is not a cycle.
    CHECK(parse_style(style_with("  <macro name=\"a\"><text macro=\"b\"/><text macro=\"b\"/></macro>\n"
                                 "  <macro name=\"b\"><text value=\"x\"/></macro>"),
                      "ok.csl"));
}

TEST_CASE("a macro defined twice is an error at the second definition") {
    CslProblem p = problem_of(style_with("  <macro name=\"a\"><text value=\"x\"/></macro>\n"
                                         "  <macro name=\"a\"><text value=\"y\"/></macro>"));
    CHECK(p.line == 4);
    CHECK(p.message == "macro 'a' is defined twice (first at line 3)");
}

TEST_CASE("a locator the style cannot render is a warning at the cite") {
    if (!have_shared_csl()) {
        MESSAGE("../shared/csl is absent: skipped");
        return;
    }
    const std::string items = R"([{"id": "k", "type": "book", "title": "T", "issued": {"date-parts": [[2020]]}}])";
    Bibliography bib = bibliography_from(items);
    auto warnings = [&](const std::string& layout, const std::string& locator, const std::string& label) {
        auto style = style_from_xml(citation_style(layout));
        REQUIRE_MESSAGE(style, style.error());
        std::vector<Cite> cites{cite_of("k", 0, locator, label)};
        cites[0].items[0].pos = {9, 14};
        Diagnostics d;
        run_cites(*style, bib, cites, nullptr, &d);
        std::vector<std::string> out;
        for (const Diagnostic& x : d.items()) out.push_back(format_diagnostic(x));
        return out;
    };
    // No locator anywhere in the citation: the pinpoint would vanish.
    auto none = warnings("<text variable=\"title\"/>", "12", "paragraph");
    REQUIRE(none.size() == 1);
    CHECK(none[0].rfind("post.md:9:14: warning: the citation style prints no locators: 'paragraph 12' is left out", 0) == 0);
    // Locators without labels: "para 12" would read as a page.
    auto bare = warnings("<text variable=\"title\"/><text variable=\"locator\" prefix=\" \"/>", "12", "paragraph");
    REQUIRE(bare.size() == 1);
    CHECK(bare[0].find("prints locators without their label: 'paragraph 12' reads as '12'") != std::string::npos);
    // ... which is right for pages.
    CHECK(warnings("<text variable=\"title\"/><text variable=\"locator\" prefix=\" \"/>", "12", "page").empty());
    // A label with no term in the style's locale.
    auto no_term = warnings("<text variable=\"title\"/><group delimiter=\" \"><label variable=\"locator\" form=\"short\"/>"
                            "<text variable=\"locator\"/></group>",
                            "12", "canto");
    REQUIRE(no_term.size() == 1);
    CHECK(no_term[0].find("has no term for the locator label 'canto'") != std::string::npos);
    // Found through a macro: no warning.
    auto via_macro = style_from_xml(
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">"
        "<macro name=\"pin\"><group delimiter=\" \"><label variable=\"locator\" form=\"short\"/>"
        "<text variable=\"locator\"/></group></macro>"
        "<citation><layout><text variable=\"title\"/><text macro=\"pin\"/></layout></citation></style>");
    REQUIRE(via_macro);
    CHECK(via_macro->prints_locator());
    CHECK(via_macro->prints_locator_label());
}

TEST_CASE("a style or locale with no element at all is an error, not a null root (found by fuzzing)") {
    // tinyxml2 parses these without error and returns no root element.
    for (const std::string& xml : {std::string("<?xml version=\"1.0\"?>\n<!-- only a comment -->\n"),
                                  std::string("</bibliography>1.0\" encoding=\"utf-8\"?>\n")}) {
        CslProblem p = problem_of(xml);
        CHECK(p.line == 1);
        CHECK(p.message == "no root element: expected <style>");
        CslProblem lp;
        auto loc = parse_locale(xml, "bad.xml", &lp);
        CHECK_FALSE(loc);
        CHECK(lp.message == "no root element: expected <locale>");
    }
}

TEST_CASE("a count too large for the processor is an error at its line, never a silent 0") {
    // Digits only, so the old check let it through; the engine then read it
    // as 0 (std::stoi's overflow caught) or with atoi (undefined behaviour).
    CslProblem name = problem_of(style_with("  <macro name=\"a\"><names variable=\"author\">\n"
                                            "<name et-al-min=\"99999999999\" et-al-use-first=\"1\"/></names></macro>"));
    CHECK(name.line == 4);
    CHECK(name.message == "et-al-min=\"99999999999\" on <name> is too large");
    CHECK(name.hint == "write a count such as 3");

    CslProblem citation = problem_of(
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n\n"
        "<citation et-al-use-first=\"4294967297\"><layout><text value=\"x\"/></layout></citation></style>");
    CHECK(citation.line == 3);
    CHECK(citation.message == "et-al-use-first=\"4294967297\" on <citation> is too large");

    CslProblem sort_key = problem_of(
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n"
        "<citation><sort>\n<key variable=\"author\" names-min=\"-1\"/></sort>"
        "<layout><text value=\"x\"/></layout></citation></style>");
    CHECK(sort_key.line == 3);
    CHECK(sort_key.message == "names-min=\"-1\" on <key> is not a whole number");

    // The largest count an int holds is still one.
    CHECK(parse_style(style_with("  <macro name=\"a\"><names variable=\"author\">"
                                 "<name et-al-min=\"2147483647\" et-al-use-first=\"0\"/></names></macro>"),
                      "ok.csl"));
    CHECK(parse_count("2147483647") == 2147483647);
    CHECK_FALSE(parse_count("2147483648"));
    CHECK_FALSE(parse_count("+3"));
    CHECK_FALSE(parse_count(" 3"));
    CHECK_FALSE(parse_count(""));
}
