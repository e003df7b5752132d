// Front matter: finding it, YAML errors at their line, and the schema.
#include <doctest/doctest.h>

#include "read_test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

// Front matter lines (without the fences) and a one-line body.
ReadResult read_meta(const std::string& yaml) { return read_text("---\n" + yaml + "---\nBody.\n"); }

}  // namespace

TEST_CASE("a complete letter's front matter fills PostMeta") {
    auto r = read_meta(
        "title: \"Letter to the Foreign Secretary\"\n"
        "date: 2023-10-21\n"
        "kind: letter\n"
        "authors: Lord Alton of Liverpool\n"
        "summary: The APPG urges action.\n"
        "tags: [refugees, china]\n"
        "lang: en-GB\n"
        "original: First published on the APPG's site\n"
        "from:\n"
        "  name: APPG on North Korea\n"
        "to:\n"
        "  name: The Rt Hon James Cleverly MP\n"
        "  role: Foreign Secretary\n"
        "  address:\n"
        "    - King Charles Street\n"
        "    - London SW1A 2AH\n"
        "salutation: Dear Foreign Secretary,\n"
        "closing: Yours sincerely,\n"
        "signature: Lord David Alton\n"
        "cc: [Lord Swire]\n");
    CHECK(r.messages().empty());
    REQUIRE(r.post);
    const auto& m = r.post->meta;
    CHECK(m.title == "Letter to the Foreign Secretary");
    CHECK(m.title_pos == SourcePos{2, 8});
    CHECK(m.date == Date{2023, 10, 21});
    CHECK(m.kind == Kind::letter);
    CHECK(m.authors == std::vector<std::string>{"Lord Alton of Liverpool"});
    CHECK(m.tags == std::vector<std::string>{"refugees", "china"});
    CHECK(m.original == "First published on the APPG's site");
    REQUIRE(m.from);
    CHECK(m.from->name == "APPG on North Korea");
    REQUIRE(m.to);
    CHECK(m.to->role == "Foreign Secretary");
    CHECK(m.to->address == std::vector<std::string>{"King Charles Street", "London SW1A 2AH"});
    CHECK(m.salutation == "Dear Foreign Secretary,");
    CHECK(m.closing == "Yours sincerely,");
    CHECK(m.signature == "Lord David Alton");
    CHECK(m.cc == std::vector<std::string>{"Lord Swire"});
    CHECK_FALSE(m.event);
    CHECK(r.post->slug == "test-post");
}

TEST_CASE("an event's keys fill EventInfo") {
    auto r = read_meta("title: Screening\ndate: 2017-02-01\nkind: event\nwhen: 2017-03-08 18:30\n"
                       "venue: Committee Room 4\nadmission: Free\n");
    CHECK(r.messages().empty());
    REQUIRE(r.post);
    REQUIRE(r.post->meta.event);
    REQUIRE(r.post->meta.event->when);
    CHECK(r.post->meta.event->when->iso() == "2017-03-08T18:30");
    CHECK(r.post->meta.event->venue == "Committee Room 4");
    CHECK(r.post->meta.event->admission == "Free");
}

TEST_CASE("an event without a time is a warning") {
    auto r = read_meta("title: Screening\ndate: 2017-02-01\nkind: event\nvenue: Room 4\n");
    CHECK(r.messages() ==
          std::vector<std::string>{"1:1: warning: an event without 'when': readers will not see when it takes place"});
    REQUIRE(r.post);
    REQUIRE(r.post->meta.event);
    CHECK(r.post->meta.event->venue == "Room 4");
}

TEST_CASE("missing front matter is an error at 1:1 with the minimal front matter as a hint") {
    auto r = read_text("# Title\n\nText.\n");
    CHECK_FALSE(r.post);
    REQUIRE(r.messages().size() == 1);
    CHECK(r.messages()[0] == "1:1: error: missing front matter: a post must begin with a line `---`");
    CHECK(r.diags.items()[0].hint.find("kind: article") != std::string::npos);
}

TEST_CASE("unclosed front matter is an error") {
    auto r = read_text("---\ntitle: T\ndate: 2023-01-01\n\nText.\n");
    REQUIRE(r.messages().size() == 1);
    CHECK(r.messages()[0] == "1:1: error: front matter is never closed: no line `---` after the opening one");
}

TEST_CASE("`...` closes front matter too") {
    auto r = read_text("---\ntitle: T\ndate: 2023-01-01\nkind: news\n...\nText.\n");
    CHECK(r.messages().empty());
    REQUIRE(r.post);
    CHECK(r.post->meta.kind == Kind::news);
}

TEST_CASE("malformed YAML is reported at YAML's own position, in file lines") {
    auto r = read_meta("title: T\ndate: 2023-01-01\nkind: article\ntags: [a, b\n");
    CHECK_FALSE(r.post);
    REQUIRE_FALSE(r.messages().empty());
    CHECK(r.messages()[0].rfind("6:1: error: malformed front matter: ", 0) == 0);

    // YAML's words name its grammar; the hint names what to do.
    CHECK(r.diags.items()[0].hint.find("close every [") != std::string::npos);
    auto r2 = read_meta("title: T\ndate: 2023-01-01\nkind: article\ntags: [a, b]]\n");
    REQUIRE_FALSE(r2.messages().empty());
    CHECK(r2.messages()[0].rfind("5:13: error: malformed front matter: ", 0) == 0);
}

TEST_CASE("a plain value with ': ' in it: the line to write, the value quoted") {
    // yaml-cpp said "malformed front matter: illegal map value", a title
    // with a colon being the commonest way to meet it.
    auto r = read_meta("title: T\ndate: 2023-01-01\nkind: article\nsummary: a: \"b\"\n");
    CHECK(r.messages() == std::vector<std::string>{
                             "5:11: error: the value of 'summary' holds ': ', which YAML reads as the start of another key"});
    REQUIRE(r.diags.items().size() == 1);
    CHECK(r.diags.items()[0].hint == "put the value in double quotes: `summary: \"a: \\\"b\\\"\"`");
    // The hint's line reads back as the value meant.
    auto fixed = read_meta("title: T\ndate: 2023-01-01\nkind: article\nsummary: \"a: \\\"b\\\"\"\n");
    CHECK(fixed.messages().empty());
    REQUIRE(fixed.post);
    CHECK(fixed.post->meta.summary == "a: \"b\"");
}

TEST_CASE("a tab in the indentation and a mistyped closing fence are named at their line") {
    auto tab = read_meta("title: T\ndate: 2023-01-01\nkind: letter\nto:\n\tname: X\n");
    CHECK(tab.messages() == std::vector<std::string>{"6:1: error: a tab indents this line; YAML indents with spaces only"});
    // A tab YAML accepts, in a value's run-on line, is no error.
    auto run_on = read_meta("title: T\ndate: 2023-01-01\nkind: article\nsummary: a\n \tb\n");
    CHECK(run_on.messages().empty());
    auto fence = read_text("---\ntitle: T\ndate: 2023-01-01\nkind: article\n--\nBody.\n");
    CHECK(fence.messages() ==
          std::vector<std::string>{"5:1: error: front matter is never closed: this line is not the closing `---`"});
    auto none = read_text("---\ntitle: T\ndate: 2023-01-01\nkind: article\nBody.\n");
    CHECK(none.messages() ==
          std::vector<std::string>{"1:1: error: front matter is never closed: no line `---` after the opening one"});
}

TEST_CASE("required keys: each missing one is an error") {
    auto r = read_meta("summary: no title, date or kind\n");
    CHECK(r.messages() == std::vector<std::string>{
                             "1:1: error: missing required front matter key 'title'",
                             "1:1: error: missing required front matter key 'date'",
                             "1:1: error: missing required front matter key 'kind'",
                         });
}

TEST_CASE("dates are checked against the calendar") {
    auto r = read_meta("title: T\ndate: 2023-02-31\nkind: article\n");
    CHECK(r.messages() == std::vector<std::string>{
                             "3:7: error: date '2023-02-31' does not exist (February 2023 has 28 days)"});
    auto r2 = read_meta("title: T\ndate: 21/10/2023\nkind: article\n");
    CHECK(r2.messages() == std::vector<std::string>{"3:7: error: invalid date '21/10/2023' (expected YYYY-MM-DD)"});
    auto r3 = read_meta("title: T\ndate: 2023-13-01\nkind: article\n");
    CHECK(r3.messages() == std::vector<std::string>{
                              "3:7: error: date '2023-13-01' does not exist (there is no month 13; months are 01 to 12)"});
    auto r4 = read_meta("title: T\ndate: 2023-04-00\nkind: article\n");
    CHECK(r4.messages() == std::vector<std::string>{
                              "3:7: error: date '2023-04-00' does not exist (there is no day 00; days start at 01)"});
}

TEST_CASE("an unknown kind lists the kinds and suggests the nearest") {
    auto r = read_meta("title: T\ndate: 2023-01-01\nkind: artcle\n");
    REQUIRE(r.messages().size() == 1);
    CHECK(r.messages()[0] == "4:7: error: unknown kind 'artcle' (expected one of article, opinion, letter, event, "
                             "statement, news, page)");
    CHECK(r.diags.items()[0].hint == "did you mean 'article'?");
    auto far = read_meta("title: T\ndate: 2023-01-01\nkind: podcast\n");
    REQUIRE(far.diags.items().size() == 1);
    CHECK(far.diags.items()[0].hint.empty());
}

TEST_CASE("an unknown key is a warning with a did-you-mean hint") {
    auto r = read_meta("title: T\ntitel: T2\ndate: 2023-01-01\nkind: article\n");
    REQUIRE(r.messages().size() == 1);
    CHECK(r.messages()[0] == "3:1: warning: unknown front matter key 'titel'");
    CHECK(r.diags.items()[0].hint == "did you mean 'title'?");
    CHECK(r.post);
}

TEST_CASE("wrong types are errors at the value saying what was expected") {
    auto r = read_meta("title: [a, b]\ndate: 2023-01-01\nkind: article\ntags: one-tag\nfrom: Someone\n");
    CHECK(r.messages() == std::vector<std::string>{
                             "2:8: error: 'title' must be a single text value, not a list",
                             "5:7: error: 'tags' must be a list of text values, not a single value",
                             "6:1: warning: 'from' is for letters and is ignored in an article",
                         });
    auto r2 = read_meta("title: T\ndate: 2023-01-01\nkind: letter\nfrom: Someone\nauthors:\n  - name: X\n");
    CHECK(r2.messages() == std::vector<std::string>{
                              "5:7: error: 'from' must be a mapping, not a single value",
                              "7:5: error: each item of 'authors' must be a single text value, not a mapping",
                          });
}

TEST_CASE("letter keys on a non-letter and event keys on a non-event are warnings") {
    auto r = read_meta("title: T\ndate: 2023-01-01\nkind: opinion\nsalutation: Dear Sir,\nvenue: Room 4\n");
    CHECK(r.messages() == std::vector<std::string>{
                             "5:1: warning: 'salutation' is for letters and is ignored in an opinion",
                             "6:1: warning: 'venue' is for events and is ignored in an opinion",
                         });
    REQUIRE(r.post);
    CHECK(r.post->meta.salutation.empty());
    CHECK_FALSE(r.post->meta.event);
}

TEST_CASE("a party needs a name") {
    auto r = read_meta("title: T\ndate: 2023-01-01\nkind: letter\nto:\n  role: Minister\n");
    CHECK(r.messages() == std::vector<std::string>{"6:3: error: 'to' has no 'name'"});
}

TEST_CASE("language tags are checked for shape") {
    CHECK(read_meta("title: T\ndate: 2023-01-01\nkind: page\nlang: ko\n").messages().empty());
    CHECK(read_meta("title: T\ndate: 2023-01-01\nkind: page\nlang: zh-Hant-TW\n").messages().empty());
    auto r = read_meta("title: T\ndate: 2023-01-01\nkind: page\nlang: English\n");
    CHECK(r.messages() == std::vector<std::string>{"5:7: error: 'English' is not a language tag"});
}

TEST_CASE("a bad event date-time says what is wrong with it") {
    auto when = [](const std::string& value) {
        auto r = read_meta("title: T\ndate: 2023-01-01\nkind: event\nwhen: " + value + "\n");
        REQUIRE(r.diags.items().size() == 1);
        CHECK(r.diags.items()[0].hint ==
              "write it as YYYY-MM-DD HH:MM on the 24-hour clock, e.g. 2017-03-08 18:30, or the date alone if "
              "there is no time");
        return r.messages()[0];
    };
    CHECK(when("2023-01-01 25:00") ==
          "5:7: error: invalid date and time '2023-01-01 25:00': hour 25 is out of range; hours are 00 to 23");
    CHECK(when("2023-01-01T18:60") ==
          "5:7: error: invalid date and time '2023-01-01T18:60': minute 60 is out of range; minutes are 00 to 59");
    CHECK(when("2016-11-31") == "5:7: error: invalid date and time '2016-11-31': November 2016 has 30 days");
    CHECK(when("2016-11-31 18:00") ==
          "5:7: error: invalid date and time '2016-11-31 18:00': November 2016 has 30 days");
    CHECK(when("2016-13-01") ==
          "5:7: error: invalid date and time '2016-13-01': there is no month 13; months are 01 to 12");
    CHECK(when("25:00") == "5:7: error: invalid date and time '25:00': a time without a date (expected "
                           "YYYY-MM-DD HH:MM)");
    CHECK(when("2016-11-30 6pm") == "5:7: error: invalid date and time '2016-11-30 6pm': the time must follow the "
                                    "date as HH:MM on the 24-hour clock");
    CHECK(when("2016-11-30 18:30:00") == "5:7: error: invalid date and time '2016-11-30 18:30:00': the time must "
                                         "follow the date as HH:MM on the 24-hour clock");
    CHECK(when("next Tuesday") ==
          "5:7: error: invalid date and time 'next Tuesday': expected YYYY-MM-DD HH:MM, or YYYY-MM-DD alone");
    CHECK(read_meta("title: T\ndate: 2023-01-01\nkind: event\nwhen: 2016-11-30 23:59\n").messages().empty());
}

TEST_CASE("duplicate keys are errors") {
    auto r = read_meta("title: T\ndate: 2023-01-01\nkind: article\ntitle: Again\n");
    CHECK(r.messages() == std::vector<std::string>{"5:1: error: duplicate front matter key 'title' (first at line 2)"});
    CHECK(r.post->meta.title == "T");
}

TEST_CASE("YAML aliases and anchors are refused (no alias bombs)") {
    auto r = read_meta("title: &t T\ndate: 2023-01-01\nkind: article\nsummary: *t\n");
    REQUIRE_FALSE(r.messages().empty());
    CHECK(r.messages()[0] == "2:8: error: YAML anchors are not allowed in front matter");
    CHECK_FALSE(r.post);
}

TEST_CASE("deep nesting and huge front matter are refused") {
    std::string deep = "title: T\ndate: 2023-01-01\nkind: article\nsummary: ";
    for (int i = 0; i < 40; ++i) deep += "[";
    for (int i = 0; i < 40; ++i) deep += "]";
    auto r = read_meta(deep + "\n");
    REQUIRE_FALSE(r.messages().empty());
    CHECK(r.messages()[0].find("error: front matter is nested more than 16 levels deep") != std::string::npos);

    std::string big = "title: T\ndate: 2023-01-01\nkind: article\ntags: [";
    for (int i = 0; i < 3000; ++i) big += "t,";
    auto r2 = read_meta(big + "t]\n");
    REQUIRE_FALSE(r2.messages().empty());
    CHECK(r2.messages()[0].find("error: front matter has more than 2000 values") != std::string::npos);
}

TEST_CASE("an empty title is an error, an empty value is reported") {
    auto r = read_meta("title: \"\"\ndate: 2023-01-01\nkind: article\nsummary:\n");
    CHECK(r.messages() == std::vector<std::string>{"2:8: error: 'title' is empty", "5:9: error: 'summary' has no value"});
}

TEST_CASE("slugs drop the directory, the date prefix and the extension") {
    CHECK(read_text(with_front_matter("x\n"), "input/2016-11-09-while-they-watched.md").post->slug ==
          "while-they-watched");
    CHECK(read_text(with_front_matter("x\n"), "about.md").post->slug == "about");
}

TEST_CASE("a quote left open is reported where it opens, not as the keys it swallowed being missing") {
    // `title: "A test` took `date:` and `kind:` into the title, and folio
    // said the post had no date and no kind, at 1:1.
    auto r = read_meta("title: \"A test\ndate: 2024-01-02\nkind: article\n");
    CHECK(r.messages() == std::vector<std::string>{
                              "2:8: error: this quoted value is not closed on its line, so it runs on to line 3 and "
                              "the keys 'date' and 'kind' become part of it"});
    REQUIRE(r.diags.items().size() == 1);
    CHECK(r.diags.items()[0].hint == "add the closing quote at the end of line 2");

    // In single quotes (a doubled quote is no closing one), in a list, and
    // a key that is missing besides is still reported.
    auto single = read_meta("title: Test\nauthors:\n  - 'It''s Lord Alton\ntags: [a]\nkind: article\n");
    CHECK(single.messages() ==
          std::vector<std::string>{"1:1: error: missing required front matter key 'date'",
                                   "4:5: error: this quoted value is not closed on its line, so it runs on to line 5 "
                                   "and the keys 'tags' and 'kind' become part of it"});
}

TEST_CASE("a quote left open is the error, not the YAML error it causes below it") {
    // The title's quote closed at the next quote, in `authors:`, and YAML
    // failed there with "end of map not found" at 5:12, three lines below
    // the slip.
    auto r = read_meta(
        "title: \"Actions, not words\ndate: 2017-02-06\nkind: opinion\nauthors: [\"Lord Alton\", \"James Burt\"]\n");
    CHECK(r.messages() == std::vector<std::string>{
                              "2:8: error: this quoted value is not closed on its line, so it runs on to line 3 and "
                              "the keys 'date', 'kind' and 'authors' become part of it"});
    CHECK_FALSE(r.post);
    // A YAML error above the slip is its own and still reported.
    auto above = read_meta("summary: a: b\ntitle: \"Open\ndate: 2017-02-06\nkind: opinion\n");
    bool own = false;
    for (const auto& m : above.messages()) own |= m.starts_with("2:11: error: the value of 'summary' holds ': '");
    CHECK(own);
}

TEST_CASE("a quoted value that runs on over lines on purpose is no slip") {
    // Continuation lines that do not begin like a key, a closed quote with
    // escaped and doubled quotes, and a colon inside a closed value.
    auto r = read_meta(
        "title: \"A title that runs\n  on over a second line\"\n"
        "summary: 'It''s: fine'\n"
        "original: \"Said \\\"no\\\": twice\"\n"
        "date: 2023-10-21\nkind: article\n"
        "to:\n  name: \"The Rt Hon James\n    Cleverly MP\"\n  role: Foreign Secretary\n"
        "cc: >\n  Lord Ahmad: \"copied\n  Note: for information\n");
    CHECK(r.messages() == std::vector<std::string>{"8:1: warning: 'to' is for letters and is ignored in an article",
                                                   "12:1: warning: 'cc' is for letters and is ignored in an article"});
    REQUIRE(r.post);
    CHECK(r.post->meta.title == "A title that runs on over a second line");
    CHECK(r.post->meta.summary == "It's: fine");
}
