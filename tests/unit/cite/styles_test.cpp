// Real styles on the group's kind of sources: the house note style shipped in
// styles/, and the author-date and numeric styles in ../shared/csl/styles.
#include <doctest/doctest.h>

#include "cite_test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

std::vector<Cite> briefing_cites() {
    return {cite_of("coi2014", 1, "12", "paragraph"), cite_of("coi2014", 2), cite_of("refugee1951", 3, "33", "article"),
            cite_of("kirby2020", 4, "45", "page"),     cite_of("coi2014", 5, "30", "paragraph"),
            cite_of("hrc2022", 6), cite_of("baek2016", 7), cite_of("kirby2020", 8), cite_of("kirby2020", 9, "50")};
}

}  // namespace

TEST_CASE("house style: a note style with full first notes, ibid, and short forms pointing at the first note") {
    if (!have_shared_csl()) return;
    auto style = CitationStyle::load(house_style_path(), locales_dir(), "en-GB");
    REQUIRE_MESSAGE(style, style.error());
    CHECK(style->is_note_style());
    CHECK(style->has_bibliography());
    Bibliography bib = bibliography_from(group_sources_json());
    std::vector<Cite> cites = briefing_cites();
    std::vector<std::string> entries;
    auto out = run_cites(*style, bib, cites, &entries);
    CHECK(out[0] ==
          "United Nations Human Rights Council, <i>Report of the commission of inquiry on human rights in the "
          "Democratic People’s Republic of Korea</i> (UN Doc A/HRC/25/63, United Nations, 7 February 2014) "
          "&#60;https://undocs.org/A/HRC/25/63&#62; para 12");
    // The same source as the note before, without a pinpoint: ibid would
    // lose the paragraph, so the short form is used.
    CHECK(out[1] == "United Nations Human Rights Council, <i>Commission of inquiry report</i> (n 1)");
    CHECK(out[2] == "Convention relating to the Status of Refugees (adopted 28 July 1951) 189 UNTS 137 art 33");
    CHECK(out[3] == "Michael Donald Kirby, <i>The Accountability Gap</i> (2nd edn, Oxford University Press 2020) 45");
    CHECK(out[4] == "United Nations Human Rights Council, <i>Commission of inquiry report</i> (n 1) para 30");
    CHECK(out[5] ==
          "United Nations Human Rights Council, ‘Situation of human rights in the Democratic People’s Republic of "
          "Korea’ (UNHRC Res A/HRC/RES/49/22, 1 April 2022)");
    CHECK(out[7] == "Kirby, <i>Accountability Gap</i> (n 4)");
    CHECK(out[8] == "Ibid 50");
    REQUIRE(entries.size() == 5);
    // Sorted by author, institutions and titles alike.
    CHECK(entries[0].rfind("Baek, Jieun, ‘North Korea’s hidden revolution’", 0) == 0);
    CHECK(entries[1].rfind("Convention relating to the Status of Refugees", 0) == 0);
    CHECK(entries[2] == "Kirby, Michael Donald, <i>The Accountability Gap</i> (2nd edn, Oxford University Press 2020)");
}

TEST_CASE("house style: ibid needs the previous note to cite the same source alone") {
    if (!have_shared_csl()) return;
    auto style = CitationStyle::load(house_style_path(), locales_dir(), "en-GB");
    REQUIRE(style);
    Bibliography bib = bibliography_from(group_sources_json());
    Cite two = cite_of("kirby2020", 2);
    two.items.push_back(two.items[0]);
    two.items[1].key = "baek2016";
    std::vector<Cite> cites{cite_of("kirby2020", 1), two, cite_of("kirby2020", 3), cite_of("kirby2020", 4)};
    auto out = run_cites(*style, bib, cites);
    // First in its note and the previous note cited only this source: ibid.
    CHECK(out[1] == "Ibid; Jieun Baek, ‘North Korea’s hidden revolution’ "
                    "(<i>The Guardian</i>, 2 November 2016) &#60;https://example.org/baek&#62;");
    // The previous note cited two sources: no ibid.
    CHECK(out[2] == "Kirby, <i>Accountability Gap</i> (n 1)");
    CHECK(out[3] == "Ibid");
}

TEST_CASE("APA: author-date citations with locators and a reference list sorted by author") {
    if (!have_shared_csl()) return;
    auto style = CitationStyle::load(shared_csl_dir() + "/styles/apa.csl", locales_dir(), "en-GB");
    REQUIRE_MESSAGE(style, style.error());
    CHECK_FALSE(style->is_note_style());
    Bibliography bib = bibliography_from(group_sources_json());
    std::vector<Cite> cites = briefing_cites();
    std::vector<std::string> entries;
    auto out = run_cites(*style, bib, cites, &entries);
    CHECK(out[0] == "(United Nations Human Rights Council, 2014, para. 12)");
    CHECK(out[3] == "(Kirby, 2020, p. 45)");
    CHECK(out[6] == "(Baek, 2016)");
    REQUIRE(entries.size() == 5);
    CHECK(entries[0] == "Baek, J. (2016, November 2). North Korea’s hidden revolution. <i>The Guardian</i>. "
                        "https://example.org/baek");
    CHECK(entries[2] == "Kirby, M. D. (2020). <i>The Accountability Gap</i> (2nd edn). Oxford University Press.");
}

TEST_CASE("Chicago author-date: the pinpoint follows the year after a comma") {
    if (!have_shared_csl()) return;
    auto style = CitationStyle::load(shared_csl_dir() + "/styles/chicago-author-date.csl", locales_dir(), "en-US");
    REQUIRE_MESSAGE(style, style.error());
    Bibliography bib = bibliography_from(group_sources_json());
    std::vector<Cite> cites = briefing_cites();
    std::vector<std::string> entries;
    auto out = run_cites(*style, bib, cites, &entries);
    CHECK(out[0] == "(United Nations Human Rights Council 2014, para. 12)");
    CHECK(out[3] == "(Kirby 2020, 45)");
    CHECK(entries[2] == "Kirby, Michael Donald. 2020. <i>The Accountability Gap</i>. 2nd ed. Oxford University Press.");
}

TEST_CASE("IEEE: numbers in order of first citation, the bibliography numbered to match") {
    if (!have_shared_csl()) return;
    auto style = CitationStyle::load(shared_csl_dir() + "/styles/ieee.csl", locales_dir(), "en-GB");
    REQUIRE_MESSAGE(style, style.error());
    Bibliography bib = bibliography_from(group_sources_json());
    std::vector<Cite> cites = briefing_cites();
    std::vector<std::string> entries;
    auto out = run_cites(*style, bib, cites, &entries);
    CHECK(out[0] == "[1, Para. 12]");
    CHECK(out[2] == "[2, Art. 33]");
    CHECK(out[3] == "[3, p. 45]");
    CHECK(out[7] == "[3]");
    REQUIRE(entries.size() == 5);
    CHECK(entries[2] == "<div class=\"csl-left-margin\">[3]</div><div class=\"csl-right-inline\">M. D. Kirby, "
                        "<i>The Accountability Gap</i>, 2nd edn. Oxford: Oxford University Press, 2020.</div>");
}
