// folio's own en-GB and en-US locale files (styles/locales/): they load, say
// what English says, and, where ../shared holds the CSL project's official
// files, agree with them on the facts both must state (month names, ordinals,
// "ibid.", "edited by", quotation marks...) and format the group's sources
// the same way under the styles folio ships and tests.
#include <doctest/doctest.h>

#include <filesystem>

#include "cite/csl_locale.hpp"
#include "cite_test_support.hpp"

using namespace folio;
using namespace folio::csl;
using namespace folio::test;

namespace {

std::string own_locales_dir() { return std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/locales"; }

CslStyle bare_style() {
    auto st = parse_style("<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">"
                          "<citation><layout><text value=\"x\"/></layout></citation></style>",
                          "s.csl");
    REQUIRE_MESSAGE(st, st.error());
    return *st;
}

// Only the one file: no fallback may hide a term ours lacks.
Locale own(const std::string& lang) {
    auto file = load_locale(own_locales_dir() + "/locales-" + lang + ".xml");
    REQUIRE_MESSAGE(file, file.error());
    CHECK(file->lang == lang);
    return Locale({*file}, lang);
}

Locale official(const std::string& lang) {
    auto file = load_locale(locales_dir() + "/locales-" + lang + ".xml");
    REQUIRE_MESSAGE(file, file.error());
    return Locale({*file}, lang);
}

// The date-part names of a localized date format, in order.
std::string part_order(const Locale& loc, const std::string& form) {
    const Element* d = loc.date_format(form);
    REQUIRE(d);
    std::string out;
    for (const DatePart& p : d->parts) out += (out.empty() ? "" : " ") + p.name;
    return out;
}

const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                              "July",    "August",   "September", "October", "November", "December"};

// An optional term as text, so doctest can print a mismatch.
std::string shown(const std::optional<std::string>& t) { return t ? "'" + *t + "'" : "(none)"; }

std::string two(int i) { return (i < 10 ? "0" : "") + std::to_string(i); }

}  // namespace

TEST_CASE("our en-GB and en-US: months, seasons, ordinals, notes' words, role verbs and locator labels") {
    for (const std::string lang : {"en-GB", "en-US"}) {
        CAPTURE(lang);
        Locale loc = own(lang);
        for (int m = 1; m <= 12; ++m) CHECK(loc.term("month-" + two(m)) == months[m - 1]);
        CHECK(loc.term("month-09", "short") == "Sept.");
        CHECK(loc.term("month-05", "short") == "May");
        CHECK(loc.term("season-03") == "Autumn");
        CHECK(loc.ordinal(1, "") == "1st");
        CHECK(loc.ordinal(2, "") == "2nd");
        CHECK(loc.ordinal(3, "") == "3rd");
        CHECK(loc.ordinal(11, "") == "11th");
        CHECK(loc.ordinal(12, "") == "12th");
        CHECK(loc.ordinal(13, "") == "13th");
        CHECK(loc.ordinal(22, "") == "22nd");
        CHECK(loc.ordinal(101, "") == "101st");
        CHECK(loc.ordinal(111, "") == "111th");
        CHECK(loc.long_ordinal(2, "") == "second");
        CHECK(loc.long_ordinal(10, "") == "tenth");
        CHECK(loc.term("ibid") == "ibid.");
        CHECK(loc.term("et-al") == "et al.");
        CHECK(loc.term("and") == "and");
        CHECK(loc.term("and", "symbol") == "&");
        CHECK(loc.term("editor", "verb") == "edited by");
        CHECK(loc.term("translator", "verb") == "translated by");
        CHECK(loc.term("editor", "short") == "ed.");
        CHECK(loc.term("page", "short") == "p.");
        CHECK(loc.term("page", "short", true) == "pp.");
        CHECK(loc.term("paragraph", "long", true) == "paragraphs");
        CHECK(loc.term("section", "symbol") == "§");
        CHECK(loc.term("no date", "short") == "n.d.");
        CHECK(loc.term("accessed") == "accessed");
    }
    Locale gb = own("en-GB"), us = own("en-US");
    // British usage: punctuation stays outside, single quotes outside double,
    // day before month, contractions without a full stop.
    CHECK_FALSE(gb.punctuation_in_quote());
    CHECK(us.punctuation_in_quote());
    CHECK(gb.term("open-quote") == "‘");
    CHECK(gb.term("open-inner-quote") == "“");
    CHECK(us.term("open-quote") == "“");
    CHECK(us.term("close-inner-quote") == "’");
    CHECK(part_order(gb, "text") == "day month year");
    CHECK(part_order(gb, "numeric") == "day month year");
    CHECK(part_order(us, "text") == "month day year");
    CHECK(part_order(us, "numeric") == "month day year");
    CHECK(gb.term("editor", "short", true) == "eds");
    CHECK(us.term("editor", "short", true) == "eds.");
    CHECK(gb.term("edition", "short") == "edn");
    CHECK(us.term("edition", "short") == "ed.");
    CHECK(gb.term("organizer") == "organiser");
}

TEST_CASE("the pipeline's chain puts our files first and keeps the others for other languages") {
    const std::vector<std::string> dirs{own_locales_dir(), "/usr/share/citation-style-language/locales"};
    auto gb = make_locale(bare_style(), "en-GB", dirs);
    REQUIRE_MESSAGE(gb, gb.error());
    CHECK(gb->term("edition", "short") == "edn");
    // A bare "en" is American English, ours too.
    auto en = make_locale(bare_style(), "en", dirs);
    REQUIRE(en);
    CHECK(en->punctuation_in_quote());
    // No Korean file of ours: Korean comes from the next folder when it is
    // there, and English (ours) stands behind it either way.
    auto ko = make_locale(bare_style(), "ko-KR", dirs);
    REQUIRE(ko);
    CHECK(ko->term("edition", "short").has_value());
    // A term only the Korean file has proves the second folder was read
    // (scripts/setup installs it).
    REQUIRE(std::filesystem::exists(dirs[1] + "/locales-ko-KR.xml"));
    CHECK(ko->term("month-01") == "1\xEC\x9B\x94");  // 1월
}

TEST_CASE("our locales agree with the CSL project's on the facts") {
    if (!have_shared_csl()) {
        MESSAGE("../shared/csl is absent: skipped");
        return;
    }
    for (const std::string lang : {"en-GB", "en-US"}) {
        CAPTURE(lang);
        Locale ours = own(lang), theirs = official(lang);
        for (int m = 1; m <= 12; ++m) {
            CHECK(shown(ours.term("month-" + two(m))) == shown(theirs.term("month-" + two(m))));
            CHECK(shown(ours.term("month-" + two(m), "short")) == shown(theirs.term("month-" + two(m), "short")));
        }
        for (int s = 1; s <= 4; ++s) CHECK(shown(ours.term("season-" + two(s))) == shown(theirs.term("season-" + two(s))));
        for (long n = 0; n <= 250; ++n) CHECK(ours.ordinal(n, "") == theirs.ordinal(n, ""));
        for (long n = 1; n <= 12; ++n) CHECK(ours.long_ordinal(n, "") == theirs.long_ordinal(n, ""));
        for (const char* t : {"ibid", "et-al", "and", "accessed", "in", "from", "retrieved", "circa", "open-quote",
                              "close-quote", "open-inner-quote", "close-inner-quote", "page-range-delimiter", "ad", "bc"})
            CHECK_MESSAGE(shown(ours.term(t)) == shown(theirs.term(t)), t);
        for (const char* role : {"editor", "translator", "director", "illustrator", "compiler"}) {
            CHECK_MESSAGE(shown(ours.term(role, "verb")) == shown(theirs.term(role, "verb")), role);
            CHECK_MESSAGE(shown(ours.term(role, "long", true)) == shown(theirs.term(role, "long", true)), role);
        }
        for (const char* label : {"page", "paragraph", "section", "volume", "line", "note", "figure", "verse"}) {
            CHECK_MESSAGE(shown(ours.term(label, "long")) == shown(theirs.term(label, "long")), label);
            CHECK_MESSAGE(shown(ours.term(label, "long", true)) == shown(theirs.term(label, "long", true)), label);
        }
        for (const char* label : {"page", "volume", "line", "note", "verse", "section"})
            CHECK_MESSAGE(shown(ours.term(label, "short")) == shown(theirs.term(label, "short")), label);
        CHECK(ours.punctuation_in_quote() == theirs.punctuation_in_quote());
        CHECK(part_order(ours, "text") == part_order(theirs, "text"));
        CHECK(part_order(ours, "numeric") == part_order(theirs, "numeric"));
    }
}

TEST_CASE("the group's sources read the same with our locales as with the official ones") {
    if (!have_shared_csl()) {
        MESSAGE("../shared/csl is absent: skipped");
        return;
    }
    const std::vector<Cite> cites{cite_of("coi2014", 1, "12", "paragraph"), cite_of("coi2014", 2),
                                  cite_of("refugee1951", 3, "33", "article"), cite_of("kirby2020", 4, "45-47", "page"),
                                  cite_of("hrc2022", 5),   cite_of("baek2016", 6), cite_of("kirby2020", 7),
                                  cite_of("kirby2020", 8, "3", "chapter")};
    Bibliography bib = bibliography_from(group_sources_json());
    const std::pair<std::string, std::string> styles[] = {{house_style_path(), "en-GB"},
                                                          {shared_csl_dir() + "/styles/apa.csl", "en-GB"},
                                                          {shared_csl_dir() + "/styles/apa.csl", "en-US"},
                                                          {shared_csl_dir() + "/styles/chicago-author-date.csl", "en-US"},
                                                          {shared_csl_dir() + "/styles/ieee.csl", "en-GB"}};
    for (const auto& style : styles) {
        // Not a structured binding: CAPTURE's lambda cannot capture one with clang 14.
        const std::string& path = style.first;
        const std::string& lang = style.second;
        CAPTURE(path);
        CAPTURE(lang);
        auto with_ours = CitationStyle::load(path, own_locales_dir(), lang);
        auto with_theirs = CitationStyle::load(path, locales_dir(), lang);
        REQUIRE_MESSAGE(with_ours, with_ours.error());
        REQUIRE_MESSAGE(with_theirs, with_theirs.error());
        std::vector<Cite> a = cites, b = cites;
        std::vector<std::string> bib_a, bib_b;
        auto out_a = run_cites(*with_ours, bib, a, &bib_a);
        auto out_b = run_cites(*with_theirs, bib, b, &bib_b);
        REQUIRE(out_a.size() == out_b.size());
        for (std::size_t i = 0; i < out_a.size(); ++i) CHECK(out_a[i] == out_b[i]);
        REQUIRE(bib_a.size() == bib_b.size());
        for (std::size_t i = 0; i < bib_a.size(); ++i) CHECK(bib_a[i] == bib_b[i]);
    }
}
